import { Worker } from 'node:worker_threads';

/** What the worker (pdf-pages.worker.mjs) answers. */
export type PdfWorkerReply =
  | { ok: true; pages: number }
  | { ok: false; kind: 'password' | 'damaged' | 'too_many_pages'; pages?: number; detail: string };

export type PdfPageCount = PdfWorkerReply | { ok: false; kind: 'timeout' | 'crashed'; detail: string };

export type PdfPageCountOptions = {
  timeoutMs: number;
  maxPages: number;
  /** Heap cap of the worker: a PDF that makes pdf.js allocate without bound kills only it. */
  maxHeapMb?: number;
};

const WORKER_URL = new URL('./pdf-pages.worker.mjs', import.meta.url);

/** Each PDF check is a thread with its own heap; two at a time matches the 2-core servers. */
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: Array<() => void> = [];

/**
 * Opens a PDF with pdf.js in a fresh worker thread and counts its pages. The thread is terminated
 * when `timeoutMs` passes, so even a PDF that sends pdf.js into an endless synchronous loop costs
 * the server one thread for a bounded time, never its event loop. (~130 ms per call, mostly
 * loading pdf.js; uploads are rare enough that a warm pool is not worth its complexity yet.)
 */
export async function countPdfPages(bytes: Uint8Array, options: PdfPageCountOptions): Promise<PdfPageCount> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await runWorker(bytes, options);
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function runWorker(bytes: Uint8Array, { timeoutMs, maxPages, maxHeapMb = 512 }: PdfPageCountOptions): Promise<PdfPageCount> {
  // The buffer is transferred to the worker (detached on this side), so the worker gets a copy in a
  // fresh ArrayBuffer. Not bytes.slice(): on a Node Buffer that is a view of the same memory, and
  // transferring it would detach the caller's bytes (and every other view of that memory).
  const data = new Uint8Array(bytes);
  return new Promise((resolve) => {
    let settled = false;
    const worker = new Worker(WORKER_URL, {
      workerData: { data, maxPages },
      transferList: [data.buffer],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
      stdout: true, // pdf.js chatter stays out of the server's log
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const finish = (result: PdfPageCount) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
      void worker.terminate();
    };
    const timer = setTimeout(() => finish({ ok: false, kind: 'timeout', detail: `no answer within ${timeoutMs} ms` }), timeoutMs);
    worker.once('message', (reply: PdfWorkerReply) => finish(reply));
    worker.once('error', (error) => finish({ ok: false, kind: 'crashed', detail: `${error.name}: ${error.message}` }));
    worker.once('exit', (code) => finish({ ok: false, kind: 'crashed', detail: `worker exited with code ${code}` }));
  });
}
