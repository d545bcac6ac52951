/**
 * "Available offline": the PoE documents of every open claim assigned to me, and of any claim I
 * open, are fetched in the background into IndexedDB (db.documents), verified against their
 * SHA-256, two at a time. Failed fetches are retried after the next successful sync.
 */
import { create } from 'zustand';
import { OPEN_STATUSES, type Claim } from '@shared/index';
import { useClaims } from '../data/claimsStore';
import { apiUrlOf, useSyncStatus, type Workstation } from '../data/workstation';

export type OfflineProgress = {
  /** Documents wanted on this device. */
  total: number;
  /** Of those, stored. */
  done: number;
  failed: number;
  storage: { usage: number; quota: number } | null;
};

export const useOfflineProgress = create<OfflineProgress>(() => ({ total: 0, done: 0, failed: 0, storage: null }));

const CONCURRENCY = 2;

type Cache = {
  requested: Set<string>;
  request(hashes: readonly string[]): void;
};

let active: Cache | null = null;

/** Adds documents (of a claim being opened) to what is kept offline. */
export function requestOfflineDocuments(hashes: readonly string[]): void {
  active?.request(hashes);
}

/** Documents of open claims assigned to `userId`. */
export function documentsHeldBy(claims: Iterable<Claim>, userId: string): Set<string> {
  const wanted = new Set<string>();
  for (const claim of claims) {
    if (claim.assignee !== userId || !OPEN_STATUSES.includes(claim.status)) continue;
    for (const doc of claim.documents) wanted.add(doc.sha256);
  }
  return wanted;
}

async function sha256Hex(bytes: ArrayBuffer): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function updateStorageEstimate(): Promise<void> {
  if (!navigator.storage?.estimate) return;
  const { usage = 0, quota = 0 } = await navigator.storage.estimate();
  useOfflineProgress.setState({ storage: { usage, quota } });
}

export function startDocumentCache(workstation: Workstation, doFetch: typeof fetch = (i, init) => fetch(i, init)): () => void {
  const { db, session } = workstation;
  const requested = new Set<string>();
  const failed = new Set<string>();
  const inFlight = new Set<string>();
  let stopped = false;
  let wanted = new Set<string>();

  const fetchOne = async (sha256: string): Promise<void> => {
    const response = await doFetch(new URL(`/documents/${sha256}`, apiUrlOf(session)).toString(), {
      headers: { authorization: `Bearer ${session.token}` },
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new Error(`GET /documents/${sha256}: ${response.status}`);
    const bytes = await response.arrayBuffer();
    const actual = await sha256Hex(bytes);
    if (actual !== null && actual !== sha256) throw new Error(`document ${sha256} arrived damaged`);
    const now = new Date().toISOString();
    const mediaType = response.headers.get('content-type') ?? 'application/octet-stream';
    await db.documents.put({ sha256, blob: new Blob([bytes], { type: mediaType }), mediaType, size: bytes.byteLength, fetchedAt: now, lastOpenedAt: now });
  };

  const refresh = async (): Promise<void> => {
    if (stopped) return;
    wanted = new Set([...documentsHeldBy(useClaims.getState().claims.values(), session.user.id), ...requested]);
    const list = [...wanted];
    const stored = new Set((await db.documents.where('sha256').anyOf(list).primaryKeys()) as string[]);
    if (stopped) return;
    const missing = list.filter((h) => !stored.has(h) && !inFlight.has(h) && !failed.has(h));
    useOfflineProgress.setState({ total: wanted.size, done: stored.size, failed: failed.size });
    const workers = Math.max(0, Math.min(CONCURRENCY - inFlight.size, missing.length));
    for (let w = 0; w < workers; w++) void work(missing);
  };

  const work = async (queue: string[]): Promise<void> => {
    for (let next = queue.shift(); next !== undefined && !stopped; next = queue.shift()) {
      if (inFlight.has(next)) continue;
      inFlight.add(next);
      try {
        await fetchOne(next);
        useOfflineProgress.setState((s) => ({ done: Math.min(s.total, s.done + 1) }));
      } catch {
        failed.add(next);
        useOfflineProgress.setState({ failed: failed.size });
      } finally {
        inFlight.delete(next);
      }
    }
    await updateStorageEstimate();
  };

  let timer: ReturnType<typeof setTimeout> | null = null;
  const schedule = () => {
    if (timer !== null) return;
    // Claims change in bursts during a pull: look once the burst is over.
    timer = setTimeout(() => {
      timer = null;
      void refresh();
    }, 300);
  };

  const unsubscribeClaims = useClaims.subscribe((state, previous) => {
    if (state.claims !== previous.claims) schedule();
  });
  const unsubscribeSync = useSyncStatus.subscribe((state, previous) => {
    // Back online (a sync went through): try the failed ones again.
    if (state.state === 'idle' && previous.state !== 'idle' && failed.size > 0) {
      failed.clear();
      schedule();
    }
  });

  active = {
    requested,
    request(hashes) {
      let added = false;
      for (const h of hashes) {
        if (!requested.has(h)) {
          requested.add(h);
          added = true;
        }
      }
      if (added) schedule();
    },
  };
  void navigator.storage?.persist?.().catch(() => false);
  void updateStorageEstimate();
  schedule();

  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    unsubscribeClaims();
    unsubscribeSync();
    active = null;
  };
}
