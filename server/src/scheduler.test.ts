import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim, CommandInput } from '../../shared/index';
import { actors, createCommand, passAll, TEST_CALENDAR } from '../../shared/testing/fixtures';
import { executeCommand } from './claims/execute';
import { loadClaim, loadEvents } from './claims/store';
import { ADVISORY_LOCKS } from './db/index';
import { createTestDatabase, testDrivers, type TestDatabase } from './db/testing';
import { runDueTransitions } from './scheduler';
import { DEFAULT_SETTINGS, type SlaSettings } from './settings';

const settings: SlaSettings = { ...DEFAULT_SETTINGS, calendar: TEST_CALENDAR };
const t = (iso: string) => new Date(iso);

describe.each(testDrivers())('scheduler on $title', ({ name, skip }) => {
  describe.skipIf(skip)('due transitions', () => {
    let db: TestDatabase;
    let n = 0;

    async function run(command: CommandInput, actor: (typeof actors)[keyof typeof actors], at: string) {
      const result = await db.db.transaction((tx) => executeCommand(tx, command, actor, t(at), settings), { isolation: 'read committed' });
      if (!result.ok) throw new Error(result.error.message);
      return result.claim;
    }

    /** A claim that entered partner_action_needed at `at`. */
    async function waitingForPartner(at: string): Promise<string> {
      const claimId = `sched-${name}-${++n}`;
      await run(createCommand(claimId), actors.partner, '2026-01-05T17:00:00Z');
      await run({ type: 'submit', claimId }, actors.partner, '2026-01-05T17:00:00Z');
      await run({ type: 'startReview', claimId }, actors.reviewer, '2026-01-05T17:00:00Z');
      await run({ type: 'requestInfo', claimId, codes: ['missing_poe'], message: 'Signed SOW please.' }, actors.reviewer, at);
      return claimId;
    }

    beforeAll(async () => {
      db = await createTestDatabase(name);
    }, 60_000);
    afterAll(async () => db?.dispose());

    it('expires a partner response at its due instant across a weekend and Thanksgiving, not before', async () => {
      // Friday 2026-11-20 09:00 PST: +5 business days (Thu 26/Fri 27 holidays) = Tue 2026-12-01 09:00 PST.
      const claimId = await waitingForPartner('2026-11-20T17:00:00Z');
      const early = await runDueTransitions(db.db, t('2026-12-01T16:59:59.999Z'), settings);
      expect(early.applied).toBe(0);
      expect(early.nextDueAt).toEqual(t('2026-12-01T17:00:00Z'));
      expect((await loadClaim(db.db, claimId))!.status).toBe('partner_action_needed');
      const due = await runDueTransitions(db.db, t('2026-12-01T17:00:00Z'), settings);
      expect(due.applied).toBe(1);
      const claim = (await loadClaim(db.db, claimId))!;
      expect(claim.status).toBe('rejected');
      expect(claim.rejection?.reasons).toEqual(['no_partner_response']);
    });

    it('keeps local time over the DST change: due 09:00 PDT after the spring-forward weekend', async () => {
      // Friday 2026-03-06 09:00 PST (17:00Z) + 5 business days = Friday 2026-03-13 09:00 PDT (16:00Z).
      const claimId = await waitingForPartner('2026-03-06T17:00:00Z');
      expect((await runDueTransitions(db.db, t('2026-03-13T15:59:59.999Z'), settings)).applied).toBe(0);
      await runDueTransitions(db.db, t('2026-03-13T16:00:00Z'), settings);
      expect((await loadClaim(db.db, claimId))!.status).toBe('rejected');
    });

    it('catches up after an outage with the deadline as the effective time, exactly once', async () => {
      const claimId = await waitingForPartner('2026-06-01T17:00:00Z'); // Monday → due Monday 06-08 17:00Z
      // The server was down until July: the transition is applied on start, dated at the deadline.
      const first = await runDueTransitions(db.db, t('2026-07-15T12:00:00Z'), settings);
      expect(first.applied).toBeGreaterThanOrEqual(1);
      const again = await runDueTransitions(db.db, t('2026-07-15T12:00:05Z'), settings);
      expect(again.applied).toBe(0);
      const events = await loadEvents(db.db, claimId);
      const expiry = events.filter((e) => e.type === 'partnerResponseExpired');
      expect(expiry).toHaveLength(1);
      expect(expiry[0]!.at).toBe('2026-06-08T17:00:00.000Z');
      expect(expiry[0]!.actor).toEqual({ id: 'system', role: 'system' });
    });

    it('moves an approved claim to evaluation when the 7-day consent window ends', async () => {
      const claimId = `sched-${name}-${++n}`;
      await run(createCommand(claimId), actors.partner, '2026-09-01T17:00:00Z');
      await run({ type: 'submit', claimId }, actors.partner, '2026-09-01T17:00:00Z');
      const reviewing: Claim = await run({ type: 'startReview', claimId }, actors.reviewer, '2026-09-01T17:00:00Z');
      const passed = passAll(reviewing, actors.reviewer, t('2026-09-01T18:00:00Z'));
      for (const item of Object.keys(passed.checklist)) {
        await run({ type: 'setChecklistItem', claimId, item: item as 'date', result: 'pass' }, actors.reviewer, '2026-09-01T18:00:00Z');
      }
      await run({ type: 'approve', claimId }, actors.reviewer, '2026-09-02T17:00:00Z');
      expect((await runDueTransitions(db.db, t('2026-09-09T16:59:59.999Z'), settings)).applied).toBe(0);
      await runDueTransitions(db.db, t('2026-09-09T17:00:00Z'), settings);
      expect((await loadClaim(db.db, claimId))!.status).toBe('sent_for_evaluation');
    });

    // Only PostgreSQL has several processes on one database; PGlite is one process by construction.
    it.skipIf(name !== 'postgres')('lets exactly one of two processes run at a time', async () => {
      const other = await db.connectAgain!();
      try {
        // Hold the scheduler lock from another connection, as a second server process would.
        const release = other.transaction(async (tx) => {
          await tx.query('select pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.scheduler]);
          await new Promise((r) => setTimeout(r, 500));
        });
        await new Promise((r) => setTimeout(r, 100));
        expect((await runDueTransitions(db.db, t('2027-01-01T00:00:00Z'), settings)).skipped).toBe(true);
        await release;
        expect((await runDueTransitions(db.db, t('2027-01-01T00:00:00Z'), settings)).skipped).toBe(false);
      } finally {
        await other.close();
      }
    });
  });
});
