import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { JpegImage } from 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs';
import { describe, expect, it, vi } from 'vitest';
import { inspectDocument, normalizeFileName, type DocumentInspection } from './inspect';
import { countPdfPages } from './pdf-pages';
import { makeJpeg, makePng } from './test-images';

// Databases (first run: a ~5 s PGlite initdb), worker threads and child processes are slow on a
// loaded 2-core machine; generous limits keep a busy CI from failing on time alone.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

/**
 * The pdf.js test corpus the project shares (../shared/pdfs), vendored in server/test-fixtures/pdfs
 * so a clean clone tests the same files; POE_PDF_CORPUS points elsewhere if wanted.
 */
const CORPUS =
  process.env.POE_PDF_CORPUS !== undefined && process.env.POE_PDF_CORPUS !== ''
    ? process.env.POE_PDF_CORPUS
    : fileURLToPath(new URL('../../test-fixtures/pdfs/', import.meta.url));
if (!existsSync(path.join(CORPUS, 'tracemonkey.pdf'))) throw new Error(`PDF corpus not found in ${CORPUS}`);
const corpus = (name: string) => new Uint8Array(readFileSync(path.join(CORPUS, name)));
const text = (s: string) => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

function refusal(result: DocumentInspection) {
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  return { status: result.status, code: result.code, message: result.message };
}

/**
 * What pdf.js 5.6 itself makes of each corpus file (found out by running it, not assumed):
 * it repairs helloworld-bad, xref_command_missing and scan-bad, and only refuses the two
 * password-protected ones. Note TAMReview has 23 pages, not one as the corpus README suggests.
 */
const PDFJS_VERDICT: Record<string, { pages: number } | { refused: 'password' }> = {
  'TAMReview.pdf': { pages: 23 },
  'bug1782186.pdf': { refused: 'password' },
  'cmykjpeg.pdf': { pages: 1 },
  'form_two_pages.pdf': { pages: 2 },
  'helloworld-bad.pdf': { pages: 1 },
  'issue6010_1.pdf': { refused: 'password' },
  'noembed-eucjp.pdf': { pages: 1 },
  'scan-bad.pdf': { pages: 1 },
  'signed_verified.pdf': { pages: 1 },
  'sizes.pdf': { pages: 3 },
  'tracemonkey.pdf': { pages: 14 },
  'xref_command_missing.pdf': { pages: 1 },
};

describe('pdf.js on the real-world corpus (shared/pdfs)', () => {
  it('covers every file of the corpus', () => {
    const files = readdirPdfs();
    expect(files).toEqual(Object.keys(PDFJS_VERDICT).sort());
  });

  it.each(Object.entries(PDFJS_VERDICT))('%s → %j', async (file, verdict) => {
    const result = await countPdfPages(corpus(file), { timeoutMs: 20_000, maxPages: 1000 });
    expect(result).toMatchObject('pages' in verdict ? { ok: true, pages: verdict.pages } : { ok: false, kind: verdict.refused });
  });
});

describe('inspectDocument on the corpus', () => {
  it.each([
    ['tracemonkey.pdf', 14],
    ['TAMReview.pdf', 23],
    ['sizes.pdf', 3],
    ['signed_verified.pdf', 1],
    ['form_two_pages.pdf', 2],
    ['noembed-eucjp.pdf', 1],
    ['cmykjpeg.pdf', 1],
    // Broken on purpose, but pdf.js repairs them and every page opens: accepted.
    ['helloworld-bad.pdf', 1],
    ['xref_command_missing.pdf', 1],
  ])('accepts %s with %i page(s), content-addressed', async (file, pages) => {
    const bytes = corpus(file);
    const result = await inspectDocument(bytes, file);
    expect(result).toEqual({
      ok: true,
      mediaType: 'application/pdf',
      pages,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      size: bytes.byteLength,
      fileName: file,
    });
  });

  it.each(['issue6010_1.pdf', 'bug1782186.pdf'])('refuses the password-protected %s with a message saying so', async (file) => {
    expect(refusal(await inspectDocument(corpus(file), file))).toEqual({
      status: 422,
      code: 'password_protected',
      message: `PoE file “${file}” is password-protected; upload an unprotected copy.`,
    });
  });

  it('refuses scan-bad.pdf as incomplete although pdf.js would show its one page', async () => {
    // It stops mid-image with no %%EOF: a cut-off file, which pdf.js would quietly display in part.
    expect(refusal(await inspectDocument(corpus('scan-bad.pdf'), 'scan-bad.pdf'))).toMatchObject({ status: 422, code: 'incomplete_pdf' });
  });
});

describe('inspectDocument refusals', () => {
  it('refuses an empty file', async () => {
    expect(refusal(await inspectDocument(new Uint8Array(), 'sow.pdf'))).toEqual({
      status: 422,
      code: 'empty_file',
      message: 'PoE file “sow.pdf” is empty (0 bytes); choose the file again and upload it.',
    });
  });

  it('refuses a file over the size limit with 413, naming both sizes, and accepts one exactly at it', async () => {
    const pdf = corpus('sizes.pdf'); // 13,739 bytes
    const over = refusal(await inspectDocument(pdf, 'sizes.pdf', { maxBytes: 10 * 1024 }));
    expect(over).toMatchObject({ status: 413, code: 'file_too_large' });
    expect(over.message).toContain('13.4 KB; the limit is 10 KB');
    expect((await inspectDocument(pdf, 'sizes.pdf', { maxBytes: pdf.byteLength })).ok).toBe(true);
  });

  it('refuses a text file renamed to .pdf as an unsupported type (415)', async () => {
    expect(refusal(await inspectDocument(text('Statement of work\nSigned: …\n'), 'statement-of-work.pdf'))).toEqual({
      status: 415,
      code: 'unsupported_type',
      message: 'PoE file “statement-of-work.pdf” is not a PDF, PNG or JPEG file (whatever its name says). Export or scan the PoE as a PDF and upload that.',
    });
  });

  it.each([
    ['a Word document', concat(new Uint8Array([0x50, 0x4b, 0x03, 0x04]), text('word/document.xml'))],
    ['a GIF', text('GIF89a\x01\x00\x01\x00')],
    ['HTML', text('<!doctype html><script>alert(1)</script>')],
  ])('refuses %s', async (_, bytes) => {
    expect(refusal(await inspectDocument(bytes, 'poe.pdf'))).toMatchObject({ status: 415, code: 'unsupported_type' });
  });

  it('finds the %PDF- header within the first 1024 bytes, as readers do, and not beyond', async () => {
    const pdf = corpus('tracemonkey.pdf');
    expect(await inspectDocument(concat(text('x'.repeat(1000)), pdf), 'prefixed.pdf')).toMatchObject({ ok: true, pages: 14 });
    expect(refusal(await inspectDocument(concat(text('x'.repeat(1100)), pdf), 'prefixed.pdf'))).toMatchObject({ code: 'unsupported_type' });
  });

  it.each([0.1, 0.5, 0.9])('refuses a PDF cut off at %d of its length as incomplete', async (fraction) => {
    const pdf = corpus('TAMReview.pdf');
    const cut = pdf.subarray(0, Math.floor(pdf.byteLength * fraction));
    expect(refusal(await inspectDocument(cut, 'review.pdf'))).toEqual({
      status: 422,
      code: 'incomplete_pdf',
      message:
        'PoE file “review.pdf” is incomplete: it ends before the end of the PDF (as after an interrupted download or copy). Export it again and upload the new copy.',
    });
  });

  it('refuses a PDF that pdf.js cannot open as damaged', async () => {
    const garbage = text(`%PDF-1.7\n${'this is not a PDF body '.repeat(40)}\n%%EOF\n`);
    expect(refusal(await inspectDocument(garbage, 'sow.pdf'))).toEqual({
      status: 422,
      code: 'damaged_pdf',
      message: 'PoE file “sow.pdf” is damaged or not a valid PDF; export it again and upload the new copy.',
    });
  });

  it('refuses a PDF with more pages than allowed', async () => {
    const result = refusal(await inspectDocument(corpus('tracemonkey.pdf'), 'paper.pdf', { maxPdfPages: 10 }));
    expect(result).toMatchObject({ status: 422, code: 'too_many_pages' });
    expect(result.message).toContain('has 14 pages; the limit is 10');
  });

  it('gives up on a PDF that takes too long, without blocking the server meanwhile', async () => {
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const started = Date.now();
    const result = await inspectDocument(corpus('tracemonkey.pdf'), 'slow.pdf', { pdfTimeoutMs: 20 });
    clearInterval(ticker);
    expect(refusal(result)).toMatchObject({ status: 422, code: 'inspection_timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ticks).toBeGreaterThan(0); // the event loop kept running while pdf.js worked
  });

  it('leaves the caller’s bytes intact (the worker gets a copy; pdf.js detaches what it is given)', async () => {
    const file = readFileSync(path.join(CORPUS, 'sizes.pdf')); // a Buffer with its own ArrayBuffer
    const digest = createHash('sha256').update(file).digest('hex');
    expect(await inspectDocument(file.subarray(0), 'sizes.pdf')).toMatchObject({ ok: true, sha256: digest });
    expect(file.byteLength).toBe(13_739);
    expect(createHash('sha256').update(file).digest('hex')).toBe(digest);
  });

  it('handles several uploads at once', async () => {
    const files = ['tracemonkey.pdf', 'sizes.pdf', 'form_two_pages.pdf', 'issue6010_1.pdf', 'cmykjpeg.pdf'];
    const results = await Promise.all(files.map((f) => inspectDocument(corpus(f), f)));
    expect(results.map((r) => (r.ok ? r.pages : r.code))).toEqual([14, 3, 2, 'password_protected', 1]);
  });
});

describe('inspectDocument on images', () => {
  it('accepts a PNG as one page and reads its size from the header', async () => {
    const png = makePng(7, 5);
    expect(await inspectDocument(png, 'screenshot.png')).toMatchObject({ ok: true, mediaType: 'image/png', pages: 1, width: 7, height: 5, size: png.byteLength });
  });

  it('accepts a JPEG as one page and reads its size from the frame header', async () => {
    const jpeg = makeJpeg(20, 12);
    // The fixture is a real JPEG: pdf.js's own decoder reads it.
    const decoder = new JpegImage();
    decoder.parse(jpeg);
    expect([decoder.width, decoder.height]).toEqual([20, 12]);
    expect(await inspectDocument(jpeg, 'scan.jpg')).toMatchObject({ ok: true, mediaType: 'image/jpeg', pages: 1, width: 20, height: 12 });
  });

  it('judges by content, not by name: a PNG named .pdf is a PNG', async () => {
    expect(await inspectDocument(makePng(2, 2), 'poe.pdf')).toMatchObject({ ok: true, mediaType: 'image/png' });
  });

  it.each([
    ['PNG', makePng(40, 40), 'scan.png'],
    ['JPEG', makeJpeg(40, 40), 'scan.jpg'],
  ])('refuses a truncated %s as damaged', async (_, image, name) => {
    const cut = image.subarray(0, image.byteLength - 3);
    expect(refusal(await inspectDocument(cut, name))).toEqual({
      status: 422,
      code: 'damaged_image',
      message: `PoE image “${name}” is damaged or incomplete; save it again and upload the new copy.`,
    });
  });

  it('refuses an image with more pixels than the viewer should decode', async () => {
    const result = refusal(await inspectDocument(makePng(100, 100), 'huge.png', { maxImagePixels: 5_000 }));
    expect(result).toMatchObject({ status: 422, code: 'image_too_large' });
    expect(result.message).toContain('100 × 100 pixels');
  });
});

describe('normalizeFileName', () => {
  it.each([
    ['C:\\fakepath\\SOW signed.pdf', 'SOW signed.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['evil\u202Efdp.exe', 'evilfdp.exe'],
    ['line\nbreak.pdf', 'linebreak.pdf'],
    ['   ', 'document'],
    ['..', 'document'],
    ['請求書.pdf', '請求書.pdf'],
  ])('%j → %j', (input, expected) => {
    expect(normalizeFileName(input)).toBe(expected);
  });

  it('shortens very long names but keeps the extension', () => {
    const name = normalizeFileName(`${'a'.repeat(300)}.pdf`);
    expect(name).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
  });
});

function readdirPdfs(): string[] {
  return readdirSync(CORPUS)
    .filter((name) => name.endsWith('.pdf'))
    .sort();
}
