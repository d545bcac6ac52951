/**
 * Thousands of reviewer actions from three workstations (the renderer's sync engine on
 * fake-indexeddb) through a proxy that drops, delays, reorders, duplicates and cuts requests and
 * answers 502/503. At the end every action is applied exactly once or refused with a recorded
 * reason, and each workstation's view equals the server's.
 */
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type Actor, type CommandInput } from '../../shared/index';
import { actors, createCommand, TEST_CALENDAR } from '../../shared/testing/fixtures';
import { perform, syncOnce, type EngineContext } from '../../renderer/src/sync/engine';
import { httpTransport } from '../../renderer/src/sync/transport';
import { getMeta, openWorkstationDb } from '../../renderer/src/store/db';
import { executeCommand } from '../../server/src/claims/execute';
import { loadClaim } from '../../server/src/claims/store';
import { createTestApp, type TestApp } from '../../server/src/http/testing';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { startFaultyProxy, type FaultyProxy } from './faultyProxy';
import { mulberry32 } from '../../server/src/demo/random';

const SEED = Number(process.env.FAULT_SEED ?? 20261129);
const ACTIONS = Number(process.env.FAULT_ACTIONS ?? 1200);
const CLAIMS = 12;
const settings = { ...DEFAULT_SETTINGS, calendar: TEST_CALENDAR };


describe('sync through a faulty network', () => {
  let t: TestApp;
  let proxy: FaultyProxy;

  beforeAll(async () => {
    t = await createTestApp('pglite', { settings });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    proxy = await startFaultyProxy(`http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`, { seed: SEED, faultRate: 0.35, delayMs: 400 });
    for (let i = 1; i <= CLAIMS; i++) {
      for (const command of [createCommand(`fault-${i}`), { type: 'submit', claimId: `fault-${i}` }] as CommandInput[]) {
        await t.db.db.transaction((tx) => executeCommand(tx, command, actors.partner, t.clock.now, settings), { isolation: 'read committed' });
      }
    }
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await t?.close();
  });

  it(`applies ${ACTIONS} actions exactly once or refuses them with a reason, and converges`, async () => {
    const random = mulberry32(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const clients: { name: string; actor: Actor; ctx: EngineContext }[] = [];
    for (const [username, actor] of [
      ['reviewer1', actors.reviewer],
      ['reviewer2', actors.otherReviewer],
      ['supervisor', actors.supervisor],
    ] as const) {
      const token = await t.login(username);
      const name = `faults-${username}`;
      clients.push({
        name,
        actor,
        ctx: {
          db: openWorkstationDb(name),
          // Shorter than the proxy's delay, so delayed requests are retried and overtaken.
          transport: httpTransport({ baseUrl: proxy.url, token: () => token, timeoutMs: 250 }),
          actor,
          deviceNow: () => t.clock.now.getTime(),
          defaults: { calendar: TEST_CALENDAR, policy: DEFAULT_POLICY },
          newClientId: () => `client-${name}`,
        },
      });
    }
    const trySync = async (ctx: EngineContext) => {
      try {
        await syncOnce(ctx);
        return true;
      } catch {
        // Dropped, cut, 502/503, timed out: the outbox keeps everything for the next attempt.
        return false;
      }
    };
    for (const c of clients) while (!(await trySync(c.ctx)));

    let performed = 0;
    let comments = 0;
    for (let i = 0; i < ACTIONS; i++) {
      const client = pick(clients);
      const claimId = `fault-${1 + Math.floor(random() * CLAIMS)}`;
      const roll = random();
      const command: Exclude<CommandInput, { type: 'create' }> =
        roll < 0.45
          ? { type: 'comment', claimId, commentId: `${client.name}-${i}`, text: `note ${i}` }
          : roll < 0.6
            ? { type: 'startReview', claimId }
            : roll < 0.85
              ? { type: 'setChecklistItem', claimId, item: pick(['poe_present', 'customer_verification', 'date', 'partner_solution'] as const), result: pick(['pass', 'fail', null] as const) }
              : roll < 0.95
                ? { type: 'assign', claimId, assignee: pick(['reviewer-1', 'reviewer-2']) }
                : { type: 'requestInfo', claimId, codes: ['missing_poe'], message: `request ${i}` };
      const result = await perform(client.ctx, command);
      if (result.ok) {
        performed++;
        if (command.type === 'comment') comments++;
      }
      if (random() < 0.2) await trySync(client.ctx);
      // Time passes (sessions last 12 h in the test app: 1,200 actions stay well inside).
      t.clock.now = new Date(t.clock.now.getTime() + 10_000);
    }
    expect(performed).toBeGreaterThan(ACTIONS / 3);

    // The network heals: everyone syncs until nothing is pending.
    proxy.calm();
    for (const c of clients) {
      for (let round = 0; round < 5 && ((await c.ctx.db.outbox.count()) > 0 || round < 2); round++) await trySync(c.ctx);
    }
    // Then one more pull each, so everyone has seen what the others pushed last.
    for (const c of clients) expect(await trySync(c.ctx)).toBe(true);
    const injected = Object.entries(proxy.counts).filter(([f]) => f !== 'pass').reduce((n, [, v]) => n + v, 0);
    expect(injected).toBeGreaterThan(100);

    let applied = 0;
    for (const c of clients) {
      const clientId = (await getMeta(c.ctx.db, 'clientId'))!;
      const lastMutationId = (await getMeta(c.ctx.db, 'lastMutationId'))!;
      expect(await c.ctx.db.outbox.count(), c.name).toBe(0);
      // Exactly one outcome per mutation the workstation ever made, numbered without gaps.
      const outcomes = await t.db.db.query<{ mutation_id: number; status: string }>('select mutation_id, status from mutation_outcomes where client_id = $1 order by mutation_id', [clientId]);
      expect(outcomes.rows.map((o) => o.mutation_id)).toEqual(Array.from({ length: lastMutationId }, (_, k) => k + 1));
      applied += outcomes.rows.filter((o) => o.status === 'applied').length;
      // Every refusal is kept on the workstation with its reason.
      const refusedOnServer = outcomes.rows.filter((o) => o.status === 'refused').map((o) => o.mutation_id);
      const refusedLocally = (await c.ctx.db.refusals.toArray()).map((r) => r.mutationId).sort((a, b) => a - b);
      expect(refusedLocally).toEqual(refusedOnServer);
      // The workstation's view of every claim is the server's.
      for (const row of await c.ctx.db.claims.toArray()) {
        expect(row.base, `${c.name} ${row.id} still has pending work`).toBeNull();
        expect(row.view).toEqual(await loadClaim(t.db.db, row.id));
      }
    }
    // Nothing applied twice: one event per applied mutation, comment ids unique.
    const events = await t.db.db.query<{ n: number }>("select count(*) as n from events where actor_role <> 'partner'");
    expect(events.rows[0]!.n).toBe(applied);
    const dupComments = await t.db.db.query<{ n: number }>(
      `select count(*) as n from (select payload->>'commentId' as id from events where type = 'commented' group by 1 having count(*) > 1) d`,
    );
    expect(dupComments.rows[0]!.n).toBe(0);
    console.log(`faults: ${ACTIONS} attempted, ${performed} performed (${comments} comments), ${applied} applied, injected ${JSON.stringify(proxy.counts)}`);
  }, 300_000);
});
