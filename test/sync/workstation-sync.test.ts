/**
 * The workstation's sync engine (renderer code, real Dexie on fake-indexeddb) against the real
 * server (Fastify + PGlite) over real HTTP: offline work, restart, conflicts, refusals, rebase.
 */
import 'fake-indexeddb/auto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, type CommandInput } from '../../shared/index';
import { actors, createCommand, TEST_CALENDAR } from '../../shared/testing/fixtures';
import { perform, syncOnce, type EngineContext } from '../../renderer/src/sync/engine';
import { httpTransport, TransportError } from '../../renderer/src/sync/transport';
import { openWorkstationDb, getMeta } from '../../renderer/src/store/db';
import { executeCommand } from '../../server/src/claims/execute';
import { loadClaim, loadEvents } from '../../server/src/claims/store';
import { createTestApp, type TestApp } from '../../server/src/http/testing';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

const settings = { ...DEFAULT_SETTINGS, calendar: TEST_CALENDAR };

describe('workstation sync against the real server', () => {
  let t: TestApp;
  let baseUrl: string;
  let online = true;
  let n = 0;

  /** fetch that fails like a dropped network while `online` is false. */
  const netFetch: typeof fetch = (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed')));

  async function workstation(username: string, userId: string, dbName = `ws-${username}-${++n}`): Promise<EngineContext> {
    const token = await t.login(username);
    return {
      db: openWorkstationDb(dbName),
      transport: httpTransport({ baseUrl, token: () => token, fetch: netFetch }),
      actor: { id: userId, role: userId.startsWith('supervisor') ? 'supervisor' : 'reviewer' },
      deviceNow: () => t.clock.now.getTime(),
      defaults: { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY },
      newClientId: () => `client-${dbName}`,
    };
  }

  async function serverCommand(command: CommandInput, actor: (typeof actors)[keyof typeof actors]) {
    const r = await t.db.db.transaction((tx) => executeCommand(tx, command, actor, t.clock.now, settings), { isolation: 'read committed' });
    if (!r.ok) throw new Error(r.error.message);
  }

  async function submittedClaim(): Promise<string> {
    const claimId = `sync-claim-${++n}`;
    await serverCommand(createCommand(claimId), actors.partner);
    await serverCommand({ type: 'submit', claimId }, actors.partner);
    return claimId;
  }

  beforeAll(async () => {
    t = await createTestApp('pglite', { settings });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  }, 60_000);
  afterAll(async () => t?.close());

  it('pulls claims, acts optimistically, and converges with the server exactly once', async () => {
    const claimId = await submittedClaim();
    const ws = await workstation('reviewer1', 'reviewer-1');
    await syncOnce(ws);
    expect((await ws.db.claims.get(claimId))?.view.status).toBe('submitted');

    const started = await perform(ws, { type: 'startReview', claimId });
    expect(started.ok).toBe(true);
    const local = await ws.db.claims.get(claimId);
    expect(local?.view.status).toBe('in_review');
    expect(local?.base?.status).toBe('submitted');
    expect(await ws.db.outbox.count()).toBe(1);

    const result = await syncOnce(ws);
    expect(result).toMatchObject({ pushed: 1, applied: 1, refused: 0 });
    expect(await ws.db.outbox.count()).toBe(0);
    const after = await ws.db.claims.get(claimId);
    expect(after?.base).toBeNull();
    expect(after?.view).toEqual(await loadClaim(t.db.db, claimId));
    expect((await ws.db.events.where('claimId').equals(claimId).count())).toBe(3);
    // A second sync changes nothing on the server.
    await syncOnce(ws);
    expect((await loadEvents(t.db.db, claimId)).length).toBe(3);
  });

  it('works offline, survives a restart, and syncs everything once when back online', async () => {
    const claimId = await submittedClaim();
    const name = `ws-offline-${++n}`;
    const ws = await workstation('reviewer1', 'reviewer-1', name);
    await syncOnce(ws);
    online = false;
    await expect(syncOnce(ws)).rejects.toBeInstanceOf(TransportError);
    expect((await perform(ws, { type: 'startReview', claimId })).ok).toBe(true);
    expect((await perform(ws, { type: 'comment', claimId, commentId: 'offline-1', text: 'Read on the plane: signature on page 2.' })).ok).toBe(true);
    ws.db.close();

    // The app restarts: a new Dexie instance on the same database still has the outbox.
    const reopened = { ...ws, db: openWorkstationDb(name) };
    expect(await reopened.db.outbox.count()).toBe(2);
    expect((await reopened.db.claims.get(claimId))?.view.comments.at(-1)?.text).toContain('plane');
    online = true;
    const result = await syncOnce(reopened);
    expect(result).toMatchObject({ applied: 2, refused: 0 });
    await syncOnce(reopened);
    const server = await loadClaim(t.db.db, claimId);
    expect(server?.comments.map((c) => c.id)).toEqual(['offline-1']);
    expect(server?.status).toBe('in_review');
  });

  it('two reviewers decide offline: one applied, the other refused and kept with its text', async () => {
    const claimId = await submittedClaim();
    const a = await workstation('reviewer1', 'reviewer-1');
    const b = await workstation('reviewer2', 'reviewer-2');
    await syncOnce(a);
    await syncOnce(b);
    expect((await perform(a, { type: 'startReview', claimId })).ok).toBe(true);
    expect((await perform(b, { type: 'startReview', claimId })).ok).toBe(true);
    expect((await perform(b, { type: 'comment', claimId, commentId: 'b-1', text: 'My notes on the SOW' })).ok).toBe(true);
    await syncOnce(a);
    const result = await syncOnce(b);
    expect(result.refused).toBe(1);
    const refusals = await b.db.refusals.toArray();
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ name: 'startReview', outcome: { code: 'invalid_transition' } });
    // B's comment was still applied (comments are allowed in review); the claim shows the server's state.
    const view = (await b.db.claims.get(claimId))!.view;
    expect(view.assignee).toBe('reviewer-1');
    expect(view.comments.map((c) => c.text)).toEqual(['My notes on the SOW']);
  });

  it('rebases pending work on a partner resubmission made meanwhile', async () => {
    const claimId = await submittedClaim();
    const ws = await workstation('reviewer1', 'reviewer-1');
    await syncOnce(ws);
    await perform(ws, { type: 'startReview', claimId });
    await syncOnce(ws);
    await perform(ws, { type: 'requestInfo', claimId, codes: ['missing_poe'], message: 'Please upload the signed SOW.' });
    await syncOnce(ws);
    // Offline: the reviewer writes a comment while the partner resubmits on the server.
    online = false;
    await perform(ws, { type: 'comment', claimId, commentId: 'rebase-1', text: 'Waiting for the partner.' });
    await serverCommand({ type: 'resubmit', claimId }, actors.partner);
    online = true;
    await syncOnce(ws);
    const local = (await ws.db.claims.get(claimId))!;
    expect(local.view.status).toBe('submitted');
    expect(local.view.comments.map((c) => c.id)).toEqual(['rebase-1']);
    expect(local.base).toBeNull();
    expect(await getMeta(ws.db, 'cursor')).toBeGreaterThan(0);
  });

  it('measures the server clock offset so countdowns use server time', async () => {
    const ws = await workstation('reviewer1', 'reviewer-1');
    ws.deviceNow = () => t.clock.now.getTime() - 3 * 3_600_000; // device clock three hours behind
    await syncOnce(ws);
    expect(await getMeta(ws.db, 'serverOffsetMs')).toBe(3 * 3_600_000);
  });
});

describe('a refused action', () => {
  it('is rolled back from the local view and kept in the refusals list', async () => {
    const t = await createTestApp('pglite', { settings });
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
      const run = (command: CommandInput, actor: (typeof actors)[keyof typeof actors]) =>
        t.db.db.transaction((tx) => executeCommand(tx, command, actor, t.clock.now, settings), { isolation: 'read committed' });
      await run(createCommand('lonely'), actors.partner);
      await run({ type: 'submit', claimId: 'lonely' }, actors.partner);
      const token = await t.login('reviewer1');
      const ws: EngineContext = {
        db: openWorkstationDb('ws-lonely'),
        transport: httpTransport({ baseUrl, token: () => token }),
        actor: { id: 'reviewer-1', role: 'reviewer' },
        deviceNow: () => t.clock.now.getTime(),
        defaults: { calendar: TEST_CALENDAR, policy: DEFAULT_POLICY },
        newClientId: () => 'client-lonely',
      };
      await syncOnce(ws);
      // Withdrawn on the server after our last pull; we start the review offline in the meantime.
      await perform(ws, { type: 'startReview', claimId: 'lonely' });
      await run({ type: 'withdraw', claimId: 'lonely' }, actors.partner);
      // Pull first so the withdrawal is already known, then the push is refused.
      await syncOnce(ws);
      const local = (await ws.db.claims.get('lonely'))!;
      expect(local.view.status).toBe('rejected');
      expect(local.base).toBeNull();
      expect(await ws.db.refusals.count()).toBe(1);
    } finally {
      await t.close();
    }
  }, 60_000);
});
