import { sha256Hex } from '../blobs/blob-store';
import { countPdfPages } from './pdf-pages';
import { detectMediaType, readJpegInfo, readPngInfo, type MediaType } from './sniff';

/**
 * The gate every uploaded PoE file passes before it is stored: is it a file we can show a
 * reviewer (PDF, PNG, JPEG), within limits, and openable? A refusal carries an HTTP status, a
 * stable code for clients, and a message written for the partner who has to fix the file.
 */

export type DocumentLimits = {
  maxBytes: number;
  maxPdfPages: number;
  /** Time pdf.js may spend opening one PDF. */
  pdfTimeoutMs: number;
  /** Width × height of an image; the viewer must be able to decode it. */
  maxImagePixels: number;
};

export const DEFAULT_DOCUMENT_LIMITS: DocumentLimits = {
  maxBytes: 25 * 1024 * 1024,
  maxPdfPages: 1000,
  pdfTimeoutMs: 15_000,
  maxImagePixels: 100_000_000,
};

export type AcceptedDocument = {
  ok: true;
  mediaType: MediaType;
  pages: number;
  sha256: string;
  size: number;
  /** The uploaded name, reduced to something safe to store and show. */
  fileName: string;
  /** Pixels, for images. */
  width?: number;
  height?: number;
};

export type DocumentRefusalCode =
  | 'empty_file'
  | 'file_too_large'
  | 'unsupported_type'
  | 'damaged_pdf'
  | 'incomplete_pdf'
  | 'password_protected'
  | 'too_many_pages'
  | 'inspection_timeout'
  | 'inspection_failed'
  | 'damaged_image'
  | 'image_too_large';

export type RefusedDocument = {
  ok: false;
  status: 413 | 415 | 422;
  code: DocumentRefusalCode;
  message: string;
  /** For logs, not for the partner. */
  detail?: string;
};

export type DocumentInspection = AcceptedDocument | RefusedDocument;

export async function inspectDocument(
  bytes: Uint8Array,
  uploadedName: string,
  limits: Partial<DocumentLimits> = {},
): Promise<DocumentInspection> {
  const { maxBytes, maxPdfPages, pdfTimeoutMs, maxImagePixels } = { ...DEFAULT_DOCUMENT_LIMITS, ...limits };
  const fileName = normalizeFileName(uploadedName);
  const quoted = `“${fileName}”`;
  const refuse = (status: RefusedDocument['status'], code: DocumentRefusalCode, message: string, detail?: string): RefusedDocument => ({
    ok: false,
    status,
    code,
    message,
    ...(detail !== undefined ? { detail } : {}),
  });

  if (bytes.byteLength === 0) {
    return refuse(422, 'empty_file', `PoE file ${quoted} is empty (0 bytes); choose the file again and upload it.`);
  }
  if (bytes.byteLength > maxBytes) {
    return refuse(
      413,
      'file_too_large',
      `PoE file ${quoted} is ${formatSize(bytes.byteLength)}; the limit is ${formatSize(maxBytes)}. ` +
        'Reduce it (for example, export with compressed images, or upload only the relevant pages) and upload it again.',
    );
  }

  const mediaType = detectMediaType(bytes);
  if (mediaType === null) {
    return refuse(
      415,
      'unsupported_type',
      `PoE file ${quoted} is not a PDF, PNG or JPEG file (whatever its name says). Export or scan the PoE as a PDF and upload that.`,
    );
  }
  const accepted = (pages: number, size?: { width: number; height: number }): AcceptedDocument => ({
    ok: true,
    mediaType,
    pages,
    sha256: sha256Hex(bytes),
    size: bytes.byteLength,
    fileName,
    ...size,
  });

  if (mediaType !== 'application/pdf') {
    const info = mediaType === 'image/png' ? readPngInfo(bytes) : readJpegInfo(bytes);
    if (!info.ok) {
      return refuse(422, 'damaged_image', `PoE image ${quoted} is damaged or incomplete; save it again and upload the new copy.`, info.detail);
    }
    if (info.width * info.height > maxImagePixels) {
      return refuse(
        422,
        'image_too_large',
        `PoE image ${quoted} is ${info.width} × ${info.height} pixels; the limit is ${Math.floor(maxImagePixels / 1e6)} megapixels. ` +
          'Scale it down, or save it as a PDF, and upload it again.',
      );
    }
    return accepted(1, { width: info.width, height: info.height });
  }

  // Acrobat requires %%EOF in the last 1024 bytes, and pdf.js "repairs" a cut-off file by showing
  // the pages it could find (a 23-page PDF cut in half opens as 1 page): a reviewer would silently
  // see part of the evidence. An upload interrupted half-way is refused here instead.
  if (!endsWithEofMarker(bytes)) {
    return refuse(
      422,
      'incomplete_pdf',
      `PoE file ${quoted} is incomplete: it ends before the end of the PDF (as after an interrupted download or copy). Export it again and upload the new copy.`,
    );
  }
  const result = await countPdfPages(bytes, { timeoutMs: pdfTimeoutMs, maxPages: maxPdfPages });
  if (result.ok) return accepted(result.pages);
  switch (result.kind) {
    case 'password':
      return refuse(422, 'password_protected', `PoE file ${quoted} is password-protected; upload an unprotected copy.`, result.detail);
    case 'too_many_pages':
      return refuse(
        422,
        'too_many_pages',
        `PoE file ${quoted} has ${result.pages ?? 'too many'} pages; the limit is ${maxPdfPages}. Upload only the pages that prove the engagement.`,
        result.detail,
      );
    case 'timeout':
    case 'crashed':
      return refuse(
        422,
        result.kind === 'timeout' ? 'inspection_timeout' : 'inspection_failed',
        `PoE file ${quoted} could not be checked (it may be damaged or unusually complex); export it again, or split it, and upload the new copy.`,
        result.detail,
      );
    case 'damaged':
      return refuse(422, 'damaged_pdf', `PoE file ${quoted} is damaged or not a valid PDF; export it again and upload the new copy.`, result.detail);
  }
}

const EOF_MARKER = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

function endsWithEofMarker(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 1024);
  outer: for (let i = bytes.length - EOF_MARKER.length; i >= from; i--) {
    for (let j = 0; j < EOF_MARKER.length; j++) if (bytes[i + j] !== EOF_MARKER[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The last path segment (browsers may send "C:\\fakepath\\x.pdf"), without control characters,
 * at most 200 characters with the extension kept.
 */
export function normalizeFileName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
    .trim();
  if (base === '' || base === '.' || base === '..') return 'document';
  const chars = [...base];
  if (chars.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const extension = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return chars.slice(0, 200 - [...extension].length).join('') + extension;
}

function formatSize(bytes: number): string {
  const oneDecimal = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${oneDecimal(bytes / 1024)} KB`;
  return `${oneDecimal(bytes / (1024 * 1024))} MB`;
}
