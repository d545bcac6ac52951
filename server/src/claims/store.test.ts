import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim, ClaimEvent } from '../../../shared/index';
import { actors, apply, createCommand } from '../../../shared/testing/fixtures';
import { createTestDatabase, testDrivers, type TestDatabase } from '../db/testing';
import { appendEvents, loadClaim, loadEvents, lockSyncLog, SYNC_CHANNEL } from './store';

const at = (minutes: number) => new Date(Date.parse('2026-11-02T17:00:00.000Z') + minutes * 60_000);

/** A claim's history built with the real decide/evolve: created, submitted, review started. */
function history(claimId: string): { claim: Claim; events: ClaimEvent[] } {
  const created = apply(null, createCommand(claimId), actors.partner, at(0));
  const submitted = apply(created.claim, { type: 'submit', claimId }, actors.partner, at(1));
  const started = apply(submitted.claim, { type: 'startReview', claimId }, actors.reviewer, at(2));
  return { claim: started.claim, events: [...created.events, ...submitted.events, ...started.events] };
}

describe.each(testDrivers())('event store on $title', ({ name, skip }) => {
  describe.skipIf(skip)('appendEvents', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase(name);
    }, 60_000);
    afterAll(async () => t?.dispose());

    it('appends several events in order, stores the snapshot, and notifies once at commit with the last sequence', async () => {
      const heard: string[] = [];
      const unlisten = await t.db.listen(SYNC_CHANNEL, (payload) => heard.push(payload));
      try {
        const { claim, events } = history('store-multi');
        const last = await t.db.transaction(async (tx) => {
          await lockSyncLog(tx);
          await lockSyncLog(tx); // a second time costs nothing and changes nothing
          return appendEvents(tx, claim, events);
        });
        const rows = (await t.db.query<{ seq: number; global_seq: number }>('select seq, global_seq from events where claim_id = $1 order by global_seq', ['store-multi'])).rows;
        expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
        expect(rows.at(-1)!.global_seq).toBe(last);
        expect((await t.db.query('select last_global_seq, version from claims where id = $1', ['store-multi'])).rows).toEqual([{ last_global_seq: last, version: 3 }]);
        expect(await loadClaim(t.db, 'store-multi')).toEqual(claim);
        expect(await loadEvents(t.db, 'store-multi')).toEqual(events);

        // One more event on the stored claim: an update of the snapshot, a later sequence.
        const commented = apply(claim, { type: 'comment', claimId: claim.id, commentId: 'c1', text: 'Signed SOW, page 3.' }, actors.reviewer, at(3));
        const next = await t.db.transaction((tx) => appendEvents(tx, commented.claim, commented.events));
        expect(next).toBeGreaterThan(last);
        expect((await loadClaim(t.db, 'store-multi'))?.comments.map((c) => c.id)).toEqual(['c1']);

        const deadline = Date.now() + 5_000;
        while (heard.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
        expect(heard).toEqual([String(last), String(next)]);
      } finally {
        await unlisten();
      }
    });

    it('writes nothing and notifies nothing when the transaction rolls back (a second writer on the same version)', async () => {
      const { claim, events } = history('store-conflict');
      await t.db.transaction((tx) => appendEvents(tx, claim, events));
      const heard: string[] = [];
      const unlisten = await t.db.listen(SYNC_CHANNEL, (payload) => heard.push(payload));
      try {
        const a = apply(claim, { type: 'comment', claimId: claim.id, commentId: 'a', text: 'first' }, actors.reviewer, at(4));
        const b = apply(claim, { type: 'comment', claimId: claim.id, commentId: 'b', text: 'second' }, actors.otherReviewer, at(4));
        await t.db.transaction((tx) => appendEvents(tx, a.claim, a.events));
        // Same claim version 4 again: unique (claim_id, seq) refuses it, the whole statement is undone.
        await expect(t.db.transaction((tx) => appendEvents(tx, b.claim, b.events))).rejects.toMatchObject({ code: '23505' });
        expect((await loadClaim(t.db, claim.id))?.comments.map((c) => c.id)).toEqual(['a']);
        expect((await loadEvents(t.db, claim.id)).length).toBe(4);
        await new Promise((resolve) => setTimeout(resolve, 200));
        expect(heard.length).toBe(1);
      } finally {
        await unlisten();
      }
    });

    it('refuses an empty list of events', async () => {
      const { claim } = history('store-empty');
      await expect(t.db.transaction((tx) => appendEvents(tx, claim, []))).rejects.toThrow(/no events/);
      expect(await loadClaim(t.db, claim.id)).toBeNull();
    });
  });
});
