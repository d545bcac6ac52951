/**
 * "Available offline": the PoE documents of every open claim assigned to me, and of any claim I
 * open, are fetched in the background into IndexedDB (db.documents), verified against their
 * SHA-256, two at a time. Failed fetches are retried after the next successful sync.
 *
 * When the device's storage is full, documents no open work needs are evicted to make room
 * (storeDocument.ts); when even that is not enough, background caching stops and `full` says so
 * until the reviewer asks to try again (or signs in again). The reviewer's work is never touched,
 * and the space held back for it while caching (storageReserve.ts) is then given to it.
 */
import { create } from 'zustand';
import { OPEN_STATUSES, type Claim } from '@shared/index';
import { useClaims } from '../data/claimsStore';
import { apiUrlOf, useSyncStatus, type Workstation } from '../data/workstation';
import type { CachedDocument, WorkstationDb } from '../store/db';
import { holdReserve, onWorkNeedsRoom, releaseReserve } from './storageReserve';
import { storeDocument } from './storeDocument';

export type OfflineProgress = {
  /** Documents wanted on this device. */
  total: number;
  /** Of those, stored. */
  done: number;
  failed: number;
  storage: { usage: number; quota: number } | null;
  /** Set when storage ran out and caching stopped: how many documents this device still keeps. */
  full: { kept: number } | null;
};

export const useOfflineProgress = create<OfflineProgress>(() => ({ total: 0, done: 0, failed: 0, storage: null, full: null }));

const CONCURRENCY = 2;

type Cache = {
  requested: Set<string>;
  request(hashes: readonly string[]): void;
  resume(): void;
  /** Documents that must not be evicted to make room for another. */
  keep(): Iterable<string>;
};

let active: Cache | null = null;

/** Adds documents (of a claim being opened) to what is kept offline. */
export function requestOfflineDocuments(hashes: readonly string[]): void {
  active?.request(hashes);
}

/**
 * A document the viewer fetched on demand: kept like the background's, evicting what no open work
 * needs if necessary; not at all once storage ran out (the room left is the reviewer's).
 */
export async function keepOpenedDocument(db: WorkstationDb, row: CachedDocument): Promise<void> {
  if (useOfflineProgress.getState().full) return;
  await storeDocument(db, row, active?.keep() ?? []);
}

/** After storage ran out: try caching again (the reviewer freed space or closed claims). */
export function retryOfflineDocuments(): void {
  active?.resume();
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
  // globalThis: Node (the unit tests) has no navigator before version 21.
  const storage = globalThis.navigator?.storage;
  if (!storage?.estimate) return;
  const { usage = 0, quota = 0 } = await storage.estimate();
  useOfflineProgress.setState({ storage: { usage, quota } });
}

export function startDocumentCache(workstation: Pick<Workstation, 'db' | 'session'>, doFetch: typeof fetch = (i, init) => fetch(i, init)): () => void {
  const { db, session } = workstation;
  const requested = new Set<string>();
  const failed = new Set<string>();
  const inFlight = new Set<string>();
  let stopped = false;
  /** Storage is full: no new downloads until resumed. */
  let paused = false;
  /** The space for the reviewer's work is held back (caching may use what is left). */
  let reserved = false;
  let wanted = new Set<string>();
  /** Documents of my open claims: never evicted to make room for another document. */
  let held = new Set<string>();

  /** Stores one document; false when there was no room even after evicting. */
  const fetchOne = async (sha256: string): Promise<boolean> => {
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
    // Caching stopped during the download: the room left belongs to the reviewer's work.
    if (paused) return false;
    const row = { sha256, blob: new Blob([bytes], { type: mediaType }), mediaType, size: bytes.byteLength, fetchedAt: now, lastOpenedAt: now };
    const { stored, evicted } = await storeDocument(db, row, held);
    if (evicted.length > 0) {
      // Evicted documents of claims opened earlier are no longer fetched in the background
      // (opening the claim again asks for them again); recount what is kept.
      for (const h of evicted) requested.delete(h);
      schedule();
    }
    return stored;
  };

  /** Says how many documents are kept; again when a download already under way lands after. */
  const reportFull = async (): Promise<void> => {
    const kept = await db.documents.count();
    if (!stopped && paused) useOfflineProgress.setState({ full: { kept } });
  };

  const refresh = async (): Promise<void> => {
    if (stopped) return;
    held = documentsHeldBy(useClaims.getState().claims.values(), session.user.id);
    wanted = new Set([...held, ...requested]);
    const list = [...wanted];
    const stored = new Set((await db.documents.where('sha256').anyOf(list).primaryKeys()) as string[]);
    if (stopped) return;
    const missing = list.filter((h) => !stored.has(h) && !inFlight.has(h) && !failed.has(h));
    useOfflineProgress.setState({ total: wanted.size, done: stored.size, failed: failed.size });
    if (paused) return;
    if (missing.length > 0 && !reserved) {
      // null: it could not be told (the database closing, say); caching goes on and asks again.
      const room = await holdReserve(db).catch(() => null);
      if (room === false) {
        paused = true;
        await reportFull();
        return;
      }
      reserved = room === true;
    }
    const workers = Math.max(0, Math.min(CONCURRENCY - inFlight.size, missing.length));
    for (let w = 0; w < workers; w++) void work(missing);
  };

  const work = async (queue: string[]): Promise<void> => {
    for (let next = queue.shift(); next !== undefined && !stopped && !paused; next = queue.shift()) {
      if (inFlight.has(next)) continue;
      inFlight.add(next);
      try {
        const stored = await fetchOne(next);
        if (stored) useOfflineProgress.setState((s) => ({ done: Math.min(s.total, s.done + 1) }));
        if (!stored && !paused) {
          paused = true;
          reserved = false;
          await releaseReserve(db);
        }
        if (paused) await reportFull();
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
    keep: () => held,
    resume() {
      if (!paused) return;
      paused = false;
      useOfflineProgress.setState({ full: null });
      schedule();
    },
  };
  onWorkNeedsRoom({
    keep: () => held,
    async stop() {
      paused = true;
      reserved = false;
      await reportFull();
    },
  });
  void globalThis.navigator?.storage?.persist?.().catch(() => false);
  void updateStorageEstimate();
  schedule();

  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    unsubscribeClaims();
    unsubscribeSync();
    onWorkNeedsRoom(null);
    active = null;
    // The message belongs to this session's cache; the next one starts with a fresh attempt.
    useOfflineProgress.setState({ full: null });
  };
}
