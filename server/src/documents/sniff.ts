/**
 * File type by content, never by name or the client's Content-Type: a renamed .docx must not pass
 * as a PDF, and a PDF named .bin is still a PDF.
 */
export type MediaType = 'application/pdf' | 'image/png' | 'image/jpeg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PDF_HEADER = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
/** Readers (Acrobat, pdf.js) accept the header anywhere in the first 1024 bytes. */
const PDF_HEADER_WINDOW = 1024;

export function detectMediaType(bytes: Uint8Array): MediaType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (indexOf(bytes, PDF_HEADER, PDF_HEADER_WINDOW) >= 0) return 'application/pdf';
  return null;
}

export type ImageInfo = { ok: true; width: number; height: number } | { ok: false; detail: string };

/**
 * Walks the PNG chunk list (no decompression): IHDR gives the size, and a chunk running past the
 * end, or no IEND, means the file was cut short.
 */
export function readPngInfo(bytes: Uint8Array): ImageInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = PNG_SIGNATURE.length;
  let size: { width: number; height: number } | undefined;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length; // length, type, data, crc
    if (end > bytes.length) return { ok: false, detail: `chunk ${type} runs past the end of the file` };
    if (size === undefined) {
      if (type !== 'IHDR' || length < 8) return { ok: false, detail: 'first chunk is not IHDR' };
      size = { width: view.getUint32(offset + 8), height: view.getUint32(offset + 12) };
      if (size.width === 0 || size.height === 0) return { ok: false, detail: 'zero width or height' };
    }
    if (type === 'IEND') return { ok: true, ...size };
    offset = end;
  }
  return { ok: false, detail: 'no IEND chunk: the file is incomplete' };
}

/** Size from the first SOFn segment; an EOI marker after the scan data must close the file. */
export function readJpegInfo(bytes: Uint8Array): ImageInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 2;
  let size: { width: number; height: number } | undefined;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return { ok: false, detail: `no marker at byte ${offset}` };
    const marker = bytes[offset + 1]!;
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      offset += 2; // markers without a length
      continue;
    }
    const length = view.getUint16(offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return { ok: false, detail: 'segment runs past the end of the file' };
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return { ok: false, detail: 'frame header too short' };
      size = { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
      if (size.width === 0 || size.height === 0) return { ok: false, detail: 'zero width or height' };
    }
    if (marker === 0xda) {
      // Start of scan: compressed data follows up to EOI (FF D9).
      if (size === undefined) return { ok: false, detail: 'scan before frame header' };
      return indexOf(bytes, [0xff, 0xd9], bytes.length, offset + 2 + length) >= 0
        ? { ok: true, ...size }
        : { ok: false, detail: 'no end-of-image marker: the file is incomplete' };
    }
    offset += 2 + length;
  }
  return { ok: false, detail: 'no image data: the file is incomplete' };
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function indexOf(bytes: Uint8Array, needle: readonly number[], limit: number, from = 0): number {
  const last = Math.min(limit, bytes.length) - needle.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
