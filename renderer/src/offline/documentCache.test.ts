import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { actors, createCommand, TEST_CALENDAR } from '@shared/testing/fixtures';
import { decide, evolve, type Claim, type CommandInput } from '@shared/index';
import { resetClaims, useClaims } from '../data/claimsStore';
import { getMeta, localClaim, openWorkstationDb } from '../store/db';
import { documentsHeldBy, keepOpenedDocument, retryOfflineDocuments, startDocumentCache, useOfflineProgress } from './documentCache';
import { claimAt } from './testing/claims';
import { RESERVE_BYTES } from './storageReserve';
import { limitStorage } from './testing/fakeQuota';

function claimWith(id: string, commands: (actor: typeof actors.reviewer) => CommandInput[]): Claim {
  let claim: Claim | null = null;
  const steps: [CommandInput, (typeof actors)[keyof typeof actors]][] = [
    [createCommand(id), actors.partner],
    [{ type: 'submit', claimId: id }, actors.partner],
    ...commands(actors.reviewer).map((c) => [c, actors.reviewer] as [CommandInput, typeof actors.reviewer]),
  ];
  for (const [command, actor] of steps) {
    const decision = decide(claim, command, { actor, now: new Date('2026-11-02T17:00:00Z'), calendar: TEST_CALENDAR });
    if (!decision.ok) throw new Error(decision.error.message);
    for (const event of decision.events) claim = evolve(claim, event);
  }
  return claim!;
}

describe('documents kept offline', () => {
  it('are those of open claims assigned to me', () => {
    const mine = claimWith('c-mine', () => [{ type: 'startReview', claimId: 'c-mine' }]);
    const unassigned = claimWith('c-free', () => []);
    const held = documentsHeldBy([mine, unassigned], actors.reviewer.id);
    expect([...held]).toEqual(mine.documents.map((d) => d.sha256));
    expect(documentsHeldBy([mine], 'someone-else').size).toBe(0);
  });
});

describe('background caching when storage runs out', () => {
  const SESSION = {
    serverUrl: 'http://workstation.test',
    token: 'poe_token',
    expiresAt: '2026-12-06T13:05:28.652Z',
    user: { id: actors.reviewer.id, username: 'reviewer1', displayName: 'Alex Johnson', role: 'reviewer' as const },
  };
  const SIZE = 400;

  /** Distinct document bytes and their real SHA-256 (the cache verifies every download). */
  async function poeBytes(n: number): Promise<{ sha256: string; bytes: Uint8Array<ArrayBuffer> }[]> {
    const docs = [];
    for (let i = 0; i < n; i++) {
      const bytes = new Uint8Array(SIZE).fill(i + 1);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      docs.push({ sha256: [...digest].map((b) => b.toString(16).padStart(2, '0')).join(''), bytes });
    }
    return docs;
  }

  let stop: (() => void) | null = null;
  afterEach(() => {
    stop?.();
    stop = null;
    resetClaims();
  });

  it('stops, says how many documents are kept, keeps the outbox, gives the reserve back, and resumes when asked', { timeout: 20_000 }, async () => {
    const docs = await poeBytes(3);
    const db = openWorkstationDb('document-cache-full');
    // Room for the reserve and two of my three documents (fake-indexeddb has no quota: see testing/fakeQuota.ts).
    const quota = limitStorage(db, RESERVE_BYTES + 2 * SIZE);
    const mine = claimAt('c-mine', 'inReviewMine', docs.map((d) => d.sha256));
    const pending = { mutationId: 1, name: 'comment' as const, args: { claimId: mine.id, commentId: 'k1', text: 'Page 2 is unsigned.' }, claimId: mine.id, clientTime: '2026-11-03T09:00:00.000Z' };
    await db.claims.put(localClaim(mine, null));
    await db.outbox.put(pending);
    useClaims.setState({ loaded: true, claims: new Map([[mine.id, mine]]) });

    const fetched: string[] = [];
    const doFetch: typeof fetch = async (input) => {
      const sha256 = String(input).split('/').pop() ?? '';
      fetched.push(sha256);
      const doc = docs.find((d) => d.sha256 === sha256);
      return doc ? new Response(doc.bytes, { headers: { 'content-type': 'application/pdf' } }) : new Response(null, { status: 404 });
    };
    stop = startDocumentCache({ db, session: SESSION }, doFetch);

    await vi.waitFor(() => expect(useOfflineProgress.getState().full).toEqual({ kept: 2 }), { timeout: 5_000 });
    expect(useOfflineProgress.getState()).toMatchObject({ total: 3, failed: 0 });
    expect(await db.documents.count()).toBe(2);
    // Nothing of an open claim assigned to me was evicted to make room for another of its documents.
    expect(quota.refusals).toBe(2);
    expect(await db.outbox.toArray()).toEqual([pending]);
    // The space held back while caching is now the reviewer's.
    expect(await getMeta(db, 'storageReserve')).toBeUndefined();
    expect(quota.bytes - quota.used()).toBeGreaterThanOrEqual(RESERVE_BYTES);
    expect((await db.claims.get(mine.id))?.view).toEqual(mine);

    // Stopped: a later change to the claims does not start downloads that cannot be stored.
    const attempts = fetched.length;
    useClaims.setState({ claims: new Map([[mine.id, mine]]) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(fetched.length).toBe(attempts);

    // The reviewer frees space and tries again.
    quota.bytes = RESERVE_BYTES + 3 * SIZE;
    retryOfflineDocuments();
    expect(useOfflineProgress.getState().full).toBeNull();
    await vi.waitFor(async () => expect(await db.documents.count()).toBe(3), { timeout: 5_000 });
    await vi.waitFor(() => expect(useOfflineProgress.getState()).toMatchObject({ total: 3, done: 3, full: null }), { timeout: 5_000 });
    expect((await getMeta(db, 'storageReserve'))?.size).toBe(RESERVE_BYTES);
    db.close();
  });
});

describe('a document opened in the viewer', () => {
  it('is kept with the same eviction rules, and not at all once storage ran out', async () => {
    const db = openWorkstationDb('opened-document');
    const quota = limitStorage(db, 100);
    const now = '2026-11-03T10:00:00.000Z';
    const row = (c: string, size: number) => ({ sha256: c.repeat(64), blob: new Blob([new Uint8Array(size)]), mediaType: 'application/pdf', size, fetchedAt: now, lastOpenedAt: now });
    // An old document of no claim on this device makes room for the one opened.
    await db.documents.put({ ...row('a', 80), lastOpenedAt: '2026-01-01T00:00:00.000Z' });
    await keepOpenedDocument(db, row('b', 60));
    expect(await db.documents.toCollection().primaryKeys()).toEqual(['b'.repeat(64)]);

    useOfflineProgress.setState({ full: { kept: 1 } });
    await keepOpenedDocument(db, row('c', 10));
    expect(await db.documents.count()).toBe(1);
    expect(quota.refusals).toBe(1);
    useOfflineProgress.setState({ full: null });
    db.close();
  });
});
