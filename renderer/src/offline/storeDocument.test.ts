import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { localClaim, openWorkstationDb, type CachedDocument, type PendingMutation, type WorkstationDb } from '../store/db';
import { documentsInUse } from './eviction';
import { holdReserve, makeRoomForWork } from './storageReserve';
import { storeDocument } from './storeDocument';
import { claimAt } from './testing/claims';
import { limitStorage } from './testing/fakeQuota';

const hash = (c: string) => c.repeat(64);
// One hash per role in the story below.
const MINE = hash('1'); // open, assigned to me
const OTHERS = hash('2'); // open, assigned to another reviewer
const DECIDED_OFFLINE = hash('3'); // rejected on this device, not yet synced
const DRAFTED = hash('4'); // an annotation draft points at it
const APPROVED = hash('5');
const ORPHAN = hash('6'); // no claim on this device refers to it any more
const REJECTED = hash('7');
const WITHDRAWN = hash('8');
const NEW = hash('9');

const SIZE = 60;
/** Least recently used first: the documents open work needs are the oldest, and must still stay. */
const BY_AGE = [MINE, OTHERS, DECIDED_OFFLINE, DRAFTED, APPROVED, ORPHAN, REJECTED, WITHDRAWN];

function documentRow(sha256: string, size: number, lastOpenedAt: string): CachedDocument {
  return { sha256, blob: new Blob([new Uint8Array(size)], { type: 'application/pdf' }), mediaType: 'application/pdf', size, fetchedAt: lastOpenedAt, lastOpenedAt };
}

const OUTBOX: PendingMutation[] = [
  { mutationId: 1, name: 'reject', args: { claimId: 'c-offline', reasons: ['insufficient_poe'], message: 'No signature.' }, claimId: 'c-offline', clientTime: '2026-11-03T09:00:00.000Z' },
  { mutationId: 2, name: 'comment', args: { claimId: 'c-mine', commentId: 'k1', text: 'Checking page 2.' }, claimId: 'c-mine', clientTime: '2026-11-03T09:01:00.000Z' },
];

let db: WorkstationDb;
let counter = 0;

/** A device holding the eight documents (one quota's worth) and pending work on some claims. */
async function fullDevice(quotaBytes = BY_AGE.length * SIZE) {
  db = openWorkstationDb(`store-document-${++counter}`);
  const quota = limitStorage(db, quotaBytes);
  const rejectedHere = claimAt('c-offline', 'rejected', [DECIDED_OFFLINE]);
  const beforeRejecting = claimAt('c-offline', 'inReviewMine', [DECIDED_OFFLINE]);
  await db.claims.bulkPut([
    localClaim(claimAt('c-mine', 'inReviewMine', [MINE]), null),
    localClaim(claimAt('c-other', 'inReviewOther', [OTHERS]), null),
    localClaim(rejectedHere, beforeRejecting),
    localClaim(claimAt('c-drafted', 'rejected', [DRAFTED]), null),
    localClaim(claimAt('c-approved', 'approved', [APPROVED]), null),
    localClaim(claimAt('c-rejected', 'rejected', [REJECTED]), null),
    localClaim(claimAt('c-withdrawn', 'withdrawn', [WITHDRAWN]), null),
  ]);
  await db.outbox.bulkPut(OUTBOX);
  await db.annotationDrafts.put({ id: 'draft-1', claimId: 'c-drafted', sha256: DRAFTED, page: 2, createdAt: '2026-11-03T09:02:00.000Z', data: { note: 'signature?' } });
  for (const [i, sha256] of BY_AGE.entries()) await db.documents.put(documentRow(sha256, SIZE, `2026-10-0${i + 1}T08:00:00.000Z`));
  return quota;
}

async function storedHashes(): Promise<string[]> {
  return (await db.documents.toCollection().primaryKeys()) as string[];
}

afterEach(() => db.close());

describe('storing a PoE document when storage is full', () => {
  it('finds what open or unsynced work needs', async () => {
    await fullDevice();
    expect([...(await documentsInUse(db))].sort()).toEqual([MINE, OTHERS, DECIDED_OFFLINE, DRAFTED].sort());
  });

  it('evicts closed claims’ documents least recently used first, then stores the new one', async () => {
    const quota = await fullDevice();
    // 100 bytes more than the quota allows: two 60-byte documents must go, the oldest unneeded ones.
    const result = await storeDocument(db, documentRow(NEW, 100, '2026-11-03T10:00:00.000Z'));

    expect(quota.refusals).toBe(1);
    expect(result).toEqual({ stored: true, evicted: [APPROVED, ORPHAN] });
    expect((await storedHashes()).sort()).toEqual([MINE, OTHERS, DECIDED_OFFLINE, DRAFTED, REJECTED, WITHDRAWN, NEW].sort());
    expect(await db.outbox.toArray()).toEqual(OUTBOX);
    expect(await db.annotationDrafts.count()).toBe(1);
    expect(await db.claims.count()).toBe(7);
  });

  it('follows the last time a document was opened, not when it was fetched', async () => {
    await fullDevice();
    // The reviewer reads the approved claim's PoE again (the viewer stamps lastOpenedAt).
    await db.documents.update(APPROVED, { lastOpenedAt: '2026-11-03T09:30:00.000Z' });
    const result = await storeDocument(db, documentRow(NEW, 100, '2026-11-03T10:00:00.000Z'));
    expect(result.evicted).toEqual([ORPHAN, REJECTED]);
  });

  it('keeps what the caller still needs', async () => {
    await fullDevice();
    const result = await storeDocument(db, documentRow(NEW, 100, '2026-11-03T10:00:00.000Z'), [APPROVED]);
    expect(result.evicted).toEqual([ORPHAN, REJECTED]);
  });

  it('writes directly when there is room', async () => {
    await fullDevice(10_000);
    expect(await storeDocument(db, documentRow(NEW, 100, '2026-11-03T10:00:00.000Z'))).toEqual({ stored: true, evicted: [] });
  });

  it('reports no room when evicting every unneeded document is not enough, and leaves the work alone', async () => {
    const quota = await fullDevice();
    const result = await storeDocument(db, documentRow(NEW, 1_000, '2026-11-03T10:00:00.000Z'));

    expect(result).toEqual({ stored: false, evicted: [APPROVED, ORPHAN, REJECTED, WITHDRAWN] });
    // The first write and its single retry.
    expect(quota.refusals).toBe(2);
    expect((await storedHashes()).sort()).toEqual([MINE, OTHERS, DECIDED_OFFLINE, DRAFTED].sort());
    expect(await db.outbox.toArray()).toEqual(OUTBOX);
    expect(await db.annotationDrafts.count()).toBe(1);
    expect((await db.claims.get('c-offline'))?.base?.status).toBe('in_review');
  });

  it('passes on errors other than a full disk', async () => {
    db = openWorkstationDb(`store-document-${++counter}`);
    const broken = { ...documentRow(NEW, 10, '2026-11-03T10:00:00.000Z'), sha256: undefined as unknown as string };
    await expect(storeDocument(db, broken)).rejects.toThrow();
  });

  it('a sync that needs room gets the reserve and the closed claims’ documents, never the work', async () => {
    await fullDevice(10_000);
    expect(await holdReserve(db, 1_000)).toBe(true);
    await makeRoomForWork(db);
    expect(await db.meta.get('storageReserve')).toBeUndefined();
    expect((await storedHashes()).sort()).toEqual([MINE, OTHERS, DECIDED_OFFLINE, DRAFTED].sort());
    expect(await db.outbox.toArray()).toEqual(OUTBOX);
    expect(await db.annotationDrafts.count()).toBe(1);
  });
});
