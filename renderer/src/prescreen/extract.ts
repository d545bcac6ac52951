/**
 * Reads what the pre-screen needs from a PDF opened with pdf.js: each page's text items with their
 * regions in PDF user space, and the signature fields. Works on any pdf.js document proxy (the
 * viewer's worker in the app, the legacy build in Node tests).
 */
import type { FormField, PageText, TextItem } from '@shared/index';

/** The parts of pdf.js' document proxy this module uses. */
export type PdfDocumentLike = {
  numPages: number;
  getPage(n: number): Promise<{
    getTextContent(): Promise<{ items: unknown[] }>;
  }>;
  getFieldObjects(): Promise<Record<string, { type?: string; page?: number; rect?: number[] }[]> | null>;
};

type PdfTextItem = { str: string; transform: number[]; width: number; height: number };

function isTextItem(item: unknown): item is PdfTextItem {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

export async function extractPageText(doc: PdfDocumentLike, pageNumber: number): Promise<PageText> {
  const page = await doc.getPage(pageNumber);
  const content = await page.getTextContent();
  const items: TextItem[] = [];
  for (const item of content.items) {
    if (!isTextItem(item) || item.str.trim() === '') continue;
    const [, , , scaleY = item.height, x = 0, y = 0] = item.transform;
    const height = item.height || Math.abs(scaleY);
    items.push({ str: item.str, rect: { x, y, width: Math.max(0, item.width), height: Math.max(0, height) } });
  }
  return { page: pageNumber, items };
}

/**
 * Signature fields. pdf.js does not expose a signature's value, so "signed" is read from the file:
 * a signed PDF carries a signature dictionary with a /ByteRange over the signed bytes.
 */
export async function extractSignatureFields(doc: PdfDocumentLike, bytes: Uint8Array): Promise<FormField[]> {
  const fields = (await doc.getFieldObjects()) ?? {};
  const signed = containsAscii(bytes, '/ByteRange');
  const out: FormField[] = [];
  for (const [name, widgets] of Object.entries(fields)) {
    for (const w of widgets) {
      if (w.type !== 'signature') continue;
      const [x1 = 0, y1 = 0, x2 = 0, y2 = 0] = w.rect ?? [];
      out.push({ page: (w.page ?? 0) + 1, name, kind: 'signature', signed, rect: { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) } });
    }
  }
  return out;
}

function containsAscii(bytes: Uint8Array, needle: string): boolean {
  const codes = Array.from(needle, (c) => c.charCodeAt(0));
  outer: for (let i = 0; i + codes.length <= bytes.length; i++) {
    for (let j = 0; j < codes.length; j++) if (bytes[i + j] !== codes[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * How much of a file the pre-screen reads. A PoE that proves an engagement is a few pages; a file
 * of 100,000 pages (or a page tree that claims a million) would otherwise keep the worker busy for
 * minutes and list a finding per page. Pages past the cap, or past the time budget, are not read,
 * and the result says so (`pagesRead` < the document's page count).
 */
export type ExtractLimits = {
  /** Pages read at most, from the first. */
  maxPages: number;
  /** Milliseconds after which no further page is started (a page already started finishes). */
  budgetMs: number;
  /** The clock, in milliseconds (tests pass their own). */
  now(): number;
};

export const PRESCREEN_MAX_PAGES = 300;
export const PRESCREEN_BUDGET_MS = 30_000;

export type Extracted = { pages: PageText[]; fields: FormField[]; pagesRead: number };

export async function extractForPrescreen(doc: PdfDocumentLike, bytes: Uint8Array, limits: Partial<ExtractLimits> = {}): Promise<Extracted> {
  const { maxPages, budgetMs, now } = { maxPages: PRESCREEN_MAX_PAGES, budgetMs: PRESCREEN_BUDGET_MS, now: () => Date.now(), ...limits };
  const started = now();
  const last = Math.min(doc.numPages, Math.max(0, maxPages));
  const pages: PageText[] = [];
  for (let n = 1; n <= last; n++) {
    if (n > 1 && now() - started >= budgetMs) break;
    pages.push(await extractPageText(doc, n));
  }
  return { pages, fields: await extractSignatureFields(doc, bytes), pagesRead: pages.length };
}
