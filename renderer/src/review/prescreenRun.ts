/**
 * One pre-screen run: open the PDF with pdf.js, extract text and signature fields, run the shared
 * `prescreen`. The Web Worker (prescreen.worker.ts) calls this with the browser build of pdf.js;
 * tests call it with the Node build. Messages between the page and the worker are typed here.
 */
import { prescreen, type Claim, type Finding } from '@shared/index';
import { extractForPrescreen, type ExtractLimits, type PdfDocumentLike } from '../prescreen/extract';
import { isTruncatedPdf } from '../viewer/sniff';

export type PrescreenRequest = {
  kind: 'prescreen';
  id: number;
  sha256: string;
  /** The file's bytes; transferred to the worker. */
  bytes: ArrayBuffer;
  claim: Pick<Claim, 'products' | 'customer'>;
  /** The claim's first submission (ISO), or null when never submitted. */
  submittedAt: string | null;
  maxAgeMonths: number;
};

export type PrescreenResponse =
  | {
      kind: 'prescreen-result';
      id: number;
      sha256: string;
      ok: true;
      findings: Finding[];
      /** Pages of the document. */
      pages: number;
      /** Pages read (fewer than `pages` when the document exceeded the pre-screen's bounds). */
      pagesRead: number;
      /** The file is cut off (no %%EOF at its end): pdf.js read only what it could find. */
      truncated: boolean;
    }
  | { kind: 'prescreen-result'; id: number; sha256: string; ok: false; error: string; timedOut?: boolean };

/** The part of pdf.js' `getDocument` used here (both the browser and the Node builds fit). */
export type GetDocument = (params: { data: Uint8Array; isEvalSupported: boolean; enableXfa: boolean; stopAtErrors: boolean; standardFontDataUrl?: string }) => {
  promise: Promise<unknown>;
  destroy(): Promise<void>;
};

export function isPrescreenResponse(data: unknown): data is PrescreenResponse {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'prescreen-result';
}

export async function runPrescreen(getDocument: GetDocument, request: PrescreenRequest, options: { standardFontDataUrl?: string; limits?: Partial<ExtractLimits> } = {}): Promise<PrescreenResponse> {
  const { id, sha256 } = request;
  const bytes = new Uint8Array(request.bytes);
  // pdf.js takes ownership of the buffer it is given; the signature check reads the original.
  const { limits, ...documentOptions } = options;
  const task = getDocument({ data: bytes.slice(), isEvalSupported: false, enableXfa: false, stopAtErrors: false, ...documentOptions });
  try {
    const doc = (await task.promise) as PdfDocumentLike;
    const { pages, fields, pagesRead } = await extractForPrescreen(doc, bytes, limits);
    const findings = prescreen({
      sha256,
      pages,
      fields,
      claim: request.claim,
      submittedAt: request.submittedAt ? new Date(request.submittedAt) : null,
      maxAgeMonths: request.maxAgeMonths,
    });
    return { kind: 'prescreen-result', id, sha256, ok: true, findings, pages: doc.numPages, pagesRead, truncated: isTruncatedPdf(bytes) };
  } catch (error) {
    return { kind: 'prescreen-result', id, sha256, ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    await task.destroy();
  }
}
