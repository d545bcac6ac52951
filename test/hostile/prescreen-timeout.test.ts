/**
 * The pre-screen's last line of defence: a document whose worker never answers (pdf.js sent into a
 * long loop by one page) is stopped after the time bound — its worker terminated, the panel told
 * "took too long" — and the documents queued after it are still read, each in a worker of its own.
 * A stand-in Worker (Node has no Web Worker) plays the browser's.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrescreenRequest, PrescreenResponse } from '../../renderer/src/review/prescreenRun';
import { screenDocument } from '../../renderer/src/review/usePrescreen';

type Listener = (event: { data?: unknown; message?: string }) => void;

/** A Worker that answers requests whose sha256 starts with "a", and never those starting with "f". */
class StandInWorker {
  static started: StandInWorker[] = [];
  terminated = false;
  readonly listeners = new Map<string, Listener[]>();
  constructor(
    readonly url: URL,
    readonly options: { type: string; name: string },
  ) {
    StandInWorker.started.push(this);
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  postMessage(request: PrescreenRequest): void {
    if (request.sha256.startsWith('f')) return; // hangs
    const answer: PrescreenResponse = { kind: 'prescreen-result', id: request.id, sha256: request.sha256, ok: true, findings: [], pages: 1, pagesRead: 1, truncated: false };
    // pdf.js' own "ready" first, then the answer.
    queueMicrotask(() => {
      for (const l of this.listeners.get('message') ?? []) l({ data: { isReady: true } });
      for (const l of this.listeners.get('message') ?? []) l({ data: answer });
    });
  }
  terminate(): void {
    this.terminated = true;
  }
}

const request = (sha256: string) => ({
  sha256,
  bytes: new ArrayBuffer(8),
  claim: { products: [], customer: { tenantId: 't', name: 'Fabrikam', domain: 'fabrikam.com' } },
  submittedAt: null,
  maxAgeMonths: 12,
});

describe('pre-screen runs in the page', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    StandInWorker.started = [];
    vi.stubGlobal('Worker', StandInWorker);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('a run that never answers is stopped after the bound; the next document is still read', async () => {
    const hanging = screenDocument(request('f'.repeat(64)), 60_000);
    const next = screenDocument(request('a'.repeat(64)), 60_000);
    await vi.advanceTimersByTimeAsync(59_000);
    expect(StandInWorker.started).toHaveLength(1);
    expect(StandInWorker.started[0]!.terminated).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await hanging).toMatchObject({ ok: false, timedOut: true, sha256: 'f'.repeat(64) });
    expect(StandInWorker.started[0]!.terminated).toBe(true);
    expect(await next).toMatchObject({ ok: true, sha256: 'a'.repeat(64) });
    // One worker per document, each ended when done.
    expect(StandInWorker.started).toHaveLength(2);
    expect(StandInWorker.started.every((w) => w.terminated)).toBe(true);
  });

  it('a worker that fails answers with its error, not a hang', async () => {
    const run = screenDocument(request('f'.repeat(64)), 60_000);
    await vi.advanceTimersByTimeAsync(0);
    for (const l of StandInWorker.started[0]!.listeners.get('error') ?? []) l({ message: 'out of memory' });
    expect(await run).toMatchObject({ ok: false, error: 'out of memory' });
    expect(StandInWorker.started[0]!.terminated).toBe(true);
  });
});
