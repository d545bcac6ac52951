/**
 * Writes a fetched PoE document to this device. When storage is full, makes room by evicting
 * cached documents no open work needs (eviction.ts) and tries once more; if there is still no
 * room, says so instead of throwing, so the caller can stop caching and tell the reviewer.
 */
import type { CachedDocument, WorkstationDb } from '../store/db';
import { evictLeastRecentlyUsed } from './eviction';
import { isQuotaError } from './quotaError';

export type StoreResult = { stored: boolean; evicted: string[] };

/**
 * `keep`: documents that must not be evicted to make room (beyond the ones documentsInUse finds).
 * Errors other than "storage full" are thrown as they are.
 */
export async function storeDocument(db: WorkstationDb, row: CachedDocument, keep: Iterable<string> = []): Promise<StoreResult> {
  try {
    await db.documents.put(row);
    return { stored: true, evicted: [] };
  } catch (error) {
    if (!isQuotaError(error)) throw error;
  }
  const evicted = await evictLeastRecentlyUsed(db, row.size, [...keep, row.sha256]);
  // Retried even when nothing was evicted: room may have been freed meanwhile (the other download,
  // another window of the app); it is one write.
  try {
    await db.documents.put(row);
    return { stored: true, evicted };
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    return { stored: false, evicted };
  }
}
