/**
 * Runs the pre-screen for a claim's PoE documents in a Web Worker, as soon as their bytes are on
 * this device, and keeps the findings per document. Results are remembered per document and
 * claim facts, so reopening a claim does not read its files again.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Claim, Finding } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { useSyncSettings } from '../data/workstation';
import { useLiveQuery } from '../ui/useLiveQuery';
import { isPrescreenResponse, type PrescreenRequest, type PrescreenResponse } from './prescreenRun';

export type DocumentScreening =
  | { state: 'notCached' }
  | { state: 'running' }
  | { state: 'image' }
  | { state: 'done'; findings: Finding[]; pages: number; pagesRead: number; truncated: boolean }
  | { state: 'failed'; error: string; timedOut: boolean };

const results = new Map<string, PrescreenResponse>();
const inFlight = new Map<string, Promise<PrescreenResponse>>();

/**
 * A run that has not answered by then is stopped: its worker is terminated. Reading is bounded by
 * pages and time (see extractForPrescreen), but one page can still send pdf.js into a long loop
 * (a content stream that inflates to gigabytes): that must cost a minute, not the session.
 */
export const PRESCREEN_TIMEOUT_MS = 60_000;

let nextId = 1;
/** One document at a time: a claim's files are read in turn, not all at once in memory. */
let chain: Promise<unknown> = Promise.resolve();

/** Reads one document in a worker of its own, terminated once it answers or the time is up. */
function runInWorker(request: PrescreenRequest, timeoutMs: number): Promise<PrescreenResponse> {
  const { id, sha256 } = request;
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./prescreen.worker.ts', import.meta.url), { type: 'module', name: 'prescreen' });
    let settled = false;
    const finish = (response: PrescreenResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(response);
    };
    const timer = setTimeout(
      () => finish({ kind: 'prescreen-result', id, sha256, ok: false, error: `no answer within ${timeoutMs / 1000} s`, timedOut: true }),
      timeoutMs,
    );
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      // Also pdf.js' own "ready" from inside the worker, which is not ours.
      if (isPrescreenResponse(event.data) && event.data.id === id) finish(event.data);
    });
    worker.addEventListener('error', (event) => finish({ kind: 'prescreen-result', id, sha256, ok: false, error: event.message || 'worker failed' }));
    worker.postMessage(request, [request.bytes]);
  });
}

/** Screens one document in its own worker, after the runs already queued. */
export function screenDocument(request: Omit<PrescreenRequest, 'kind' | 'id'>, timeoutMs = PRESCREEN_TIMEOUT_MS): Promise<PrescreenResponse> {
  const message: PrescreenRequest = { kind: 'prescreen', id: nextId++, ...request };
  const run = chain.then(() => runInWorker(message, timeoutMs));
  chain = run.catch(() => undefined);
  return run;
}

export function usePrescreen(claim: Claim): ReadonlyMap<string, DocumentScreening> {
  const { db } = useWorkstation();
  const maxAgeMonths = useSyncSettings((s) => s.policy.poeMaxAgeMonths);
  const hashes = claim.documents.map((d) => d.sha256);
  // Claims are replaced on every sync; the documents are the same while their list reads the same.
  const docsKey = claim.documents.map((d) => `${d.sha256}:${d.mediaType}`).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `docsKey` spells out the documents
  const documents = useMemo(() => claim.documents, [docsKey]);
  const cachedNow = useLiveQuery(async () => new Set((await db.documents.where('sha256').anyOf(hashes).primaryKeys()) as string[]), [db, hashes.join(',')], new Set<string>());
  // The cache table changes for other reasons (a file opened, another claim's file stored).
  const cachedKey = [...cachedNow].sort().join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `cachedKey` spells out the set
  const cached = useMemo(() => cachedNow, [cachedKey]);
  const facts = {
    claim: { products: claim.products, customer: claim.customer },
    submittedAt: claim.firstSubmittedAt,
    maxAgeMonths,
  };
  const factsKey = JSON.stringify(facts);
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    for (const doc of documents) {
      const key = `${doc.sha256}|${factsKey}`;
      if (doc.mediaType !== 'application/pdf' || !cached.has(doc.sha256) || results.has(key)) continue;
      let run = inFlight.get(key);
      if (!run) {
        run = (async (): Promise<PrescreenResponse> => {
          const row = await db.documents.get(doc.sha256);
          if (!row) return { kind: 'prescreen-result', id: 0, sha256: doc.sha256, ok: false, error: 'not on this device' };
          return screenDocument({ sha256: doc.sha256, bytes: await row.blob.arrayBuffer(), ...facts });
        })().then((response) => {
          results.set(key, response);
          inFlight.delete(key);
          return response;
        });
        inFlight.set(key, run);
      }
      void run.then(() => {
        if (live) setTick((n) => n + 1);
      });
    }
    return () => {
      live = false;
    };
    // `facts` is what `factsKey` spells out.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documents, cached, factsKey, db]);

  return useMemo(() => {
    const out = new Map<string, DocumentScreening>();
    for (const doc of documents) {
      const key = `${doc.sha256}|${factsKey}`;
      const response = results.get(key);
      if (doc.mediaType !== 'application/pdf') out.set(doc.sha256, { state: 'image' });
      else if (response) {
        out.set(
          doc.sha256,
          response.ok
            ? { state: 'done', findings: response.findings, pages: response.pages, pagesRead: response.pagesRead, truncated: response.truncated }
            : { state: 'failed', error: response.error, timedOut: response.timedOut === true },
        );
      }
      else if (!cached.has(doc.sha256)) out.set(doc.sha256, { state: 'notCached' });
      else out.set(doc.sha256, { state: 'running' });
    }
    return out;
    // `tick` marks a finished run (results live outside React state).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [documents, factsKey, cached, tick]);
}
