/** What a PoE file is, read from its bytes (never trusted from the name or the declared type). */

export type FileKind = 'pdf' | 'png' | 'jpeg' | 'unknown';

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const EOF_MARKER = [0x25, 0x25, 0x45, 0x4f, 0x46]; // %%EOF

export function sniffKind(bytes: Uint8Array): FileKind {
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  // Like Acrobat and pdf.js: the header may follow some junk within the first 1024 bytes.
  const head = Math.min(bytes.length, 1024);
  for (let i = 0; i + PDF.length <= head; i++) if (startsWith(bytes, PDF, i)) return 'pdf';
  return 'unknown';
}

/**
 * Whether a PDF is cut off (no %%EOF in its last 1024 bytes, as Acrobat requires). pdf.js
 * "repairs" such a file by showing the pages it finds, so a reviewer could see part of the evidence
 * without knowing: the viewer says so.
 */
export function isTruncatedPdf(bytes: Uint8Array): boolean {
  const from = Math.max(0, bytes.length - 1024);
  outer: for (let i = bytes.length - EOF_MARKER.length; i >= from; i--) {
    for (let j = 0; j < EOF_MARKER.length; j++) if (bytes[i + j] !== EOF_MARKER[j]) continue outer;
    return false;
  }
  return true;
}
