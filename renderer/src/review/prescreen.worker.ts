/**
 * The pre-screen's Web Worker: reads a PoE PDF off the page's thread and answers with findings.
 *
 * pdf.js runs here without a worker of its own: importing its worker module registers
 * `globalThis.pdfjsWorker`, and pdf.js then uses that handler in this thread ("fake worker")
 * instead of starting another Worker. The module also listens on this worker's own port for
 * pdf.js messages; ours carry no pdf.js target name, so it ignores them (and the page ignores its
 * one "ready" message).
 */
import 'pdfjs-dist/build/pdf.worker.mjs';
import { getDocument } from 'pdfjs-dist';
import { runPrescreen, type GetDocument, type PrescreenRequest } from './prescreenRun';

type WorkerScope = {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: unknown): void;
};

const scope = self as unknown as WorkerScope;

function isRequest(data: unknown): data is PrescreenRequest {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'prescreen';
}

// One document at a time: a claim's files are read in turn, not all at once in memory.
let queue: Promise<void> = Promise.resolve();

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (!isRequest(request)) return;
  queue = queue.then(async () => scope.postMessage(await runPrescreen(getDocument as unknown as GetDocument, request)));
});
