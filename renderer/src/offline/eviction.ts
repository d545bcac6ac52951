/**
 * Making room for PoE documents when the device's storage is full: cached documents that no open
 * work needs are deleted, least recently used first (`lastOpenedAt`, set when fetched and each time
 * the viewer opens the document). Only rows of db.documents are ever deleted: the outbox, refusals,
 * annotation drafts, claims and events are the reviewer's work and are only read here.
 */
import { OPEN_STATUSES, type Claim } from '@shared/index';
import type { WorkstationDb } from '../store/db';

function addDocumentsOf(claim: Claim | null, into: Set<string>): void {
  for (const doc of claim?.documents ?? []) into.add(doc.sha256);
}

const isOpen = (claim: Claim | null): boolean => claim !== null && OPEN_STATUSES.includes(claim.status);

/**
 * Documents that must stay on this device: those of every open claim (assigned to me or not: a
 * supervisor may be reading another reviewer's claim), and those of any claim with work not yet
 * acknowledged by the server — actions in the outbox, refusals still listed, annotation drafts, or
 * a claim still carrying its pre-action snapshot. A claim decided offline looks closed locally,
 * but its decision may yet be refused, and the reviewer then needs the PoE again.
 * `keep` adds what the caller needs now (e.g. the open claims assigned to me per the claims store).
 */
export async function documentsInUse(db: WorkstationDb, keep: Iterable<string> = []): Promise<Set<string>> {
  const inUse = new Set(keep);
  await db.transaction('r', [db.claims, db.outbox, db.refusals, db.annotationDrafts], async () => {
    const withWork = new Set<string>();
    await db.outbox.each((m) => withWork.add(m.claimId));
    await db.refusals.where('dismissed').equals(0).each((r) => withWork.add(r.claimId));
    await db.annotationDrafts.each((d) => {
      withWork.add(d.claimId);
      inUse.add(d.sha256);
    });
    await db.claims.each((row) => {
      if (withWork.has(row.id) || row.base !== null || isOpen(row.view) || isOpen(row.base)) {
        addDocumentsOf(row.view, inUse);
        addDocumentsOf(row.base, inUse);
      }
    });
  });
  return inUse;
}

/**
 * Deletes cached documents not in use, least recently used first, until at least `bytes` are
 * freed or none is left to delete. Returns the deleted hashes, in the order deleted.
 * What is in use is read just before, in its own read-only transaction, so that the reviewer's
 * writes to the outbox never wait on an eviction; a claim reopened in between only costs a re-fetch.
 */
export async function evictLeastRecentlyUsed(db: WorkstationDb, bytes: number, keep: Iterable<string> = []): Promise<string[]> {
  const inUse = await documentsInUse(db, keep);
  return db.transaction('rw', db.documents, async () => {
    const evicted: string[] = [];
    let freed = 0;
    // Keys only, oldest first: rows (with their blob handles) are read one at a time as evicted.
    const order = await db.documents.orderBy('lastOpenedAt').primaryKeys();
    for (const sha256 of order) {
      if (freed >= bytes) break;
      if (inUse.has(sha256)) continue;
      const row = await db.documents.get(sha256);
      if (!row) continue;
      await db.documents.delete(sha256);
      freed += row.size;
      evicted.push(sha256);
    }
    return evicted;
  });
}
