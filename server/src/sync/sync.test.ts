import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandInput, Mutation, PullResponse } from '../../../shared/index';
import { actors, createCommand, TEST_CALENDAR } from '../../../shared/testing/fixtures';
import type { SignedInUser } from '../actor';
import { executeCommand } from '../claims/execute';
import { createTestDatabase, testDrivers, type TestDatabase } from '../db/testing';
import { DEFAULT_SETTINGS, type SlaSettings } from '../settings';
import { SyncRequestError } from './errors';
import { pull } from './pull';
import { push, type PushDeps } from './push';

const settings: SlaSettings = { ...DEFAULT_SETTINGS, calendar: TEST_CALENDAR };

const user = (id: string, role: SignedInUser['role'], extra: Partial<SignedInUser> = {}): SignedInUser => ({
  id,
  username: id,
  displayName: id,
  role,
  partnerId: null,
  tenantId: null,
  ...extra,
});
const reviewer1 = user('reviewer-1', 'reviewer');
const reviewer2 = user('reviewer-2', 'reviewer');
const supervisor = user('supervisor-1', 'supervisor');
const partner = user('partner-1', 'partner', { partnerId: '1234567' });

let clock = new Date('2026-11-02T17:00:00.000Z');
const tick = (ms = 60_000) => (clock = new Date(clock.getTime() + ms));

const m = (id: number, name: string, args: Record<string, unknown>): Mutation => ({ id, name, args, clientTime: '2020-01-01T00:00:00.000Z' });

describe.each(testDrivers())('sync protocol on $title', ({ name, skip }) => {
  describe.skipIf(skip)('push and pull', () => {
    let t: TestDatabase;
    let deps: PushDeps;
    let claimCounter = 0;

    /** A claim created and submitted by the partner through the same write path as every API. */
    async function submittedClaim(): Promise<string> {
      const claimId = `claim-${name}-${++claimCounter}`;
      for (const command of [createCommand(claimId), { type: 'submit', claimId }] as CommandInput[]) {
        const result = await t.db.transaction((tx) => executeCommand(tx, command, actors.partner, tick(), settings), { isolation: 'read committed' });
        expect(result.ok).toBe(true);
      }
      return claimId;
    }

    async function eventCount(claimId?: string): Promise<number> {
      const r = await t.db.query<{ n: number }>(claimId ? 'select count(*) as n from events where claim_id = $1' : 'select count(*) as n from events', claimId ? [claimId] : []);
      return r.rows[0]!.n;
    }

    beforeAll(async () => {
      t = await createTestDatabase(name);
      for (const u of [reviewer1, reviewer2, supervisor, partner]) {
        await t.db.query(
          `insert into users (id, username, password_hash, role, partner_id, tenant_id, display_name) values ($1, $2, 'x', $3, $4, $5, $6)`,
          [u.id, u.username, u.role, u.partnerId, u.tenantId, u.displayName],
        );
      }
      deps = { db: t.db, now: () => tick(1000), settings: async () => settings };
    }, 60_000);
    afterAll(async () => t?.dispose());

    it('applies a mutation with the server clock and reports it in push and pull', async () => {
      const claimId = await submittedClaim();
      const res = await push(deps, reviewer1, { protocolVersion: 1, clientId: 'client-applies', mutations: [m(1, 'startReview', { claimId })] });
      expect(res).toMatchObject({ lastMutationId: 1, outcomes: [{ mutationId: 1, status: 'applied', claimId, version: 3 }] });
      const pulled = await pull(deps, reviewer1, { clientId: 'client-applies', cursor: 0, limit: 1000 });
      const entry = pulled.claims.find((c) => c.claim.id === claimId)!;
      expect(entry.claim).toMatchObject({ status: 'in_review', assignee: 'reviewer-1', version: 3 });
      expect(entry.events.map((e) => e.type)).toEqual(['created', 'submitted', 'reviewStarted']);
      // The server's time, not the client's claimed 2020.
      expect(entry.events[2]!.at.startsWith('2026-')).toBe(true);
      expect(pulled.lastMutationId).toBe(1);
      expect(pulled.outcomes.map((o) => o.mutationId)).toEqual([1]);
      const again = await pull(deps, reviewer1, { clientId: 'client-applies', cursor: pulled.cursor, limit: 1000 });
      expect(again.claims).toEqual([]);
      expect(again.cursor).toBe(pulled.cursor);
    });

    it('answers a duplicate push from the record and changes nothing', async () => {
      const claimId = await submittedClaim();
      const batch = { protocolVersion: 1, clientId: 'client-dup', mutations: [m(1, 'startReview', { claimId }), m(2, 'comment', { claimId, commentId: 'c1', text: 'hi' })] };
      const first = await push(deps, reviewer1, batch);
      const events = await eventCount();
      const second = await push(deps, reviewer1, batch);
      expect(await eventCount()).toBe(events);
      expect(second.outcomes.map(({ version: _v, ...o }) => o)).toEqual(first.outcomes.map(({ version: _v, ...o }) => o));
      expect(second.lastMutationId).toBe(2);
    });

    it('never applies past a gap, and applies an out-of-order batch in id order', async () => {
      const claimId = await submittedClaim();
      const gap = await push(deps, reviewer1, { protocolVersion: 1, clientId: 'client-gap', mutations: [m(2, 'startReview', { claimId })] });
      expect(gap).toEqual({ outcomes: [], lastMutationId: 0, gapAt: 1 });
      expect(await eventCount(claimId)).toBe(2);
      const res = await push(deps, reviewer1, {
        protocolVersion: 1,
        clientId: 'client-gap',
        mutations: [m(2, 'comment', { claimId, commentId: 'c2', text: 'second' }), m(1, 'startReview', { claimId })],
      });
      expect(res.outcomes.map((o) => [o.mutationId, o.status])).toEqual([
        [1, 'applied'],
        [2, 'applied'],
      ]);
    });

    it('two reviewers deciding the same claim: exactly one applied, the other refused with a stable code', async () => {
      const claimId = await submittedClaim();
      const [a, b] = await Promise.all([
        push(deps, reviewer1, { protocolVersion: 1, clientId: 'client-race-1', mutations: [m(1, 'startReview', { claimId })] }),
        push(deps, reviewer2, { protocolVersion: 1, clientId: 'client-race-2', mutations: [m(1, 'startReview', { claimId })] }),
      ]);
      const statuses = [a.outcomes[0]!.status, b.outcomes[0]!.status].sort();
      expect(statuses).toEqual(['applied', 'refused']);
      const refused = [a, b].find((r) => r.outcomes[0]!.status === 'refused')!.outcomes[0]!;
      expect(refused.code).toBe('invalid_transition');
      expect(refused.message).toContain('Under review');
      expect(await eventCount(claimId)).toBe(3);
    });

    it('a refusal leaves no partial write and still advances the client', async () => {
      const claimId = await submittedClaim();
      const before = await eventCount();
      const res = await push(deps, reviewer1, {
        protocolVersion: 1,
        clientId: 'client-refused',
        mutations: [m(1, 'approve', { claimId }), m(2, 'noSuchThing', { claimId }), m(3, 'startReview', { claimId, actor: { id: 'supervisor-1', role: 'supervisor' } })],
      });
      expect(res.outcomes.map((o) => [o.status, o.code])).toEqual([
        ['refused', 'invalid_transition'],
        ['refused', 'unknown_mutation'],
        ['refused', 'validation'],
      ]);
      expect(res.lastMutationId).toBe(3);
      expect(await eventCount()).toBe(before);
      const pulled = await pull(deps, reviewer1, { clientId: 'client-refused', cursor: 0, limit: 10_000 });
      expect(pulled.outcomes.map((o) => o.code)).toEqual(['invalid_transition', 'unknown_mutation', 'validation']);
    });

    it('records a refusal for unstorable text instead of failing the push', async () => {
      const claimId = await submittedClaim();
      const res = await push(deps, reviewer1, {
        protocolVersion: 1,
        clientId: 'client-nul',
        mutations: [m(1, 'comment', { claimId: 'bad\u0000id', commentId: 'x', text: 'hi' }), m(2, 'comment', { claimId, commentId: 'y', text: 'a\u0000b' })],
      });
      expect(res.outcomes.map((o) => [o.status, o.code])).toEqual([
        ['refused', 'validation'],
        ['refused', 'validation'],
      ]);
      expect(res.lastMutationId).toBe(2);
    });

    it('refuses system commands and other protocol versions as permanent refusals', async () => {
      const claimId = await submittedClaim();
      const res = await push(deps, supervisor, { protocolVersion: 1, clientId: 'client-system', mutations: [m(1, 'closeConsentWindow', { claimId, dueAt: '2026-01-01T00:00:00Z' })] });
      expect(res.outcomes[0]).toMatchObject({ status: 'refused', code: 'unknown_mutation' });
      const old = await push(deps, supervisor, { protocolVersion: 99, clientId: 'client-system', mutations: [m(2, 'assign', { claimId, assignee: 'reviewer-2' })] });
      expect(old.outcomes[0]).toMatchObject({ status: 'refused', code: 'unsupported_protocol' });
      expect(old.lastMutationId).toBe(2);
    });

    it('a client id belongs to one user; partners do not use the workstation protocol', async () => {
      await push(deps, reviewer1, { protocolVersion: 1, clientId: 'client-owned', mutations: [] });
      await expect(push(deps, reviewer2, { protocolVersion: 1, clientId: 'client-owned', mutations: [] })).rejects.toMatchObject({ statusCode: 403, code: 'client_of_another_user' });
      await expect(pull(deps, reviewer2, { clientId: 'client-owned', cursor: 0, limit: 10 })).rejects.toBeInstanceOf(SyncRequestError);
      await expect(push(deps, partner, { protocolVersion: 1, clientId: 'client-partner', mutations: [] })).rejects.toMatchObject({ statusCode: 403 });
      await expect(pull(deps, partner, { clientId: 'client-partner', cursor: 0, limit: 10 })).rejects.toMatchObject({ statusCode: 403 });
    });

    it('pages a pull without skipping or repeating a claim', async () => {
      for (let i = 0; i < 5; i++) await submittedClaim();
      const seen: string[] = [];
      let cursor = 0;
      let page: PullResponse;
      do {
        page = await pull(deps, reviewer1, { clientId: 'client-pager', cursor, limit: 2 });
        expect(page.cursor).toBeGreaterThanOrEqual(cursor);
        cursor = page.cursor;
        seen.push(...page.claims.map((c) => c.claim.id));
      } while (page.more);
      const all = (await t.db.query<{ id: string }>('select id from claims')).rows.map((r) => r.id);
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.sort()).toEqual(all.sort());
    });

    it('property: replays, reorders and duplicates converge to one outcome per mutation', async () => {
      const claimIds = [await submittedClaim(), await submittedClaim()];
      let run = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.constantFrom('startReview', 'comment', 'approve', 'withdraw'), fc.nat(1)), { minLength: 1, maxLength: 8 }),
          fc.array(fc.nat(20), { maxLength: 12 }),
          async (actions, schedule) => {
            const clientId = `client-prop-${name}-${++run}`;
            const mutations = actions.map(([action, which], i) =>
              m(i + 1, action, action === 'comment' ? { claimId: claimIds[which]!, commentId: `p${run}-${i}`, text: 'x' } : { claimId: claimIds[which]! }),
            );
            let last = 0;
            // Random deliveries: arbitrary windows of the mutations, duplicated and reversed.
            for (const s of schedule) {
              const from = s % mutations.length;
              const window = mutations.slice(from, from + 1 + (s % 3)).reverse();
              const res = await push(deps, reviewer1, { protocolVersion: 1, clientId, mutations: window });
              expect(res.lastMutationId).toBeGreaterThanOrEqual(last);
              last = res.lastMutationId;
            }
            const final = await push(deps, reviewer1, { protocolVersion: 1, clientId, mutations });
            expect(final.lastMutationId).toBe(mutations.length);
            const eventsBefore = await eventCount();
            const replayed = await push(deps, reviewer1, { protocolVersion: 1, clientId, mutations });
            expect(await eventCount()).toBe(eventsBefore);
            expect(replayed.outcomes.map((o) => o.status)).toEqual(final.outcomes.map((o) => o.status));
            const recorded = await t.db.query<{ n: number }>('select count(*) as n from mutation_outcomes where client_id = $1', [clientId]);
            expect(recorded.rows[0]!.n).toBe(mutations.length);
          },
        ),
        { numRuns: name === 'pglite' ? 15 : 25 },
      );
    }, 120_000);
  });
});
