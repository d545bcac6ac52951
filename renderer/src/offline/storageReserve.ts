/**
 * Room kept for the reviewer's work. Documents are cached until a write fails for lack of space,
 * which leaves the disk nearly full: the next action, or the sync writing the server's answer,
 * could then fail too. So before caching, the cache holds back a block of space of its own (a
 * blank blob in db.meta); when storage runs out it gives that block up, and the reviewer's actions
 * and syncs have room while caching stays stopped. Caching takes the block back before resuming.
 */
import { getMeta, setMeta, type WorkstationDb } from '../store/db';
import { evictLeastRecentlyUsed } from './eviction';
import { isQuotaError } from './quotaError';

/** Enough for many actions and a large pull of changed claims (a claim is a few KB). */
export const RESERVE_BYTES = 1024 * 1024;

/** Holds back the reserve if it is not held yet; false when there is no room for it. */
export async function holdReserve(db: WorkstationDb, bytes = RESERVE_BYTES): Promise<boolean> {
  const held = await getMeta(db, 'storageReserve');
  if (held && held.size >= bytes) return true;
  try {
    await setMeta(db, 'storageReserve', new Blob([new Uint8Array(bytes)]));
    return true;
  } catch (error) {
    if (isQuotaError(error)) return false;
    throw error;
  }
}

/** Gives the reserve back to the reviewer's work. */
export async function releaseReserve(db: WorkstationDb): Promise<void> {
  await db.meta.delete('storageReserve');
}

/** The running document cache, as the reviewer's work sees it. */
export type ReserveHolder = {
  /** Documents it must keep (the open claims assigned to me). */
  keep(): Iterable<string>;
  /** Its reserve is gone: it stops, and says how many documents it kept. */
  stop(): Promise<void>;
};
let holder: ReserveHolder | null = null;

/** The document cache registers itself (null when it stops). */
export function onWorkNeedsRoom(cache: ReserveHolder | null): void {
  holder = cache;
}

/**
 * A sync could not write what the server sent for lack of space: the reserve goes to the
 * reviewer's work, and cached documents no open work needs are evicted (least recently opened
 * first) up to as much again. Background caching stops and says so until the reviewer retries:
 * taking the reserve straight back would race the sync for the space just freed.
 */
export async function makeRoomForWork(db: WorkstationDb): Promise<void> {
  await releaseReserve(db);
  await evictLeastRecentlyUsed(db, RESERVE_BYTES, holder?.keep() ?? []);
  await holder?.stop();
}
