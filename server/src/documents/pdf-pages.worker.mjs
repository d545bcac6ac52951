// @ts-check
/**
 * Runs in a worker thread (see pdf-pages.ts): opens one PDF with pdf.js and reports its page count.
 * A separate thread so that a PDF that makes pdf.js spin or balloon can be killed by the server
 * without blocking or crashing it. Plain JS so Node loads it as-is, with or without a TS loader.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** @type {{ data: Uint8Array, maxPages: number }} */
const { data, maxPages } = workerData;

/** @param {import('./pdf-pages').PdfWorkerReply} reply */
const reply = (reply) => parentPort?.postMessage(reply);

const task = getDocument({
  data,
  // Never compile PDF functions with eval/new Function: documents are untrusted.
  isEvalSupported: false,
  // Node has no FontFace and nothing is rendered here.
  disableFontFace: true,
  useSystemFonts: false,
  // Parse all we can: pdf.js repairs many broken files, which is what a partner wants.
  stopAtErrors: false,
  verbosity: 0,
});

try {
  const doc = await task.promise;
  if (doc.numPages < 1) {
    reply({ ok: false, kind: 'damaged', detail: 'no pages' });
  } else if (doc.numPages > maxPages) {
    reply({ ok: false, kind: 'too_many_pages', pages: doc.numPages, detail: `${doc.numPages} pages` });
  } else {
    // Every page must at least parse: a page tree pointing at garbage is a damaged file.
    for (let page = 1; page <= doc.numPages; page++) await doc.getPage(page);
    reply({ ok: true, pages: doc.numPages });
  }
} catch (error) {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  reply({ ok: false, kind: name === 'PasswordException' ? 'password' : 'damaged', detail: `${name}: ${message}` });
} finally {
  await task.destroy();
}
