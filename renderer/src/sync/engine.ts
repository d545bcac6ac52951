/**
 * The workstation side of the sync protocol (ARCHITECTURE "Sync protocol"):
 *
 * - `perform`: decide locally with the shared core; write the optimistic claim and the outbox row
 *   in one Dexie transaction, so the UI changes at once and nothing is lost if the app dies.
 * - `syncOnce`: push the outbox, pull since the cursor, drop acknowledged mutations, keep every
 *   refusal (with the reviewer's text) for the "Sync issues" view, and re-apply still-pending
 *   mutations on top of the server's state (rebase).
 */
import {
  decide,
  evolve,
  MAX_MUTATIONS_PER_PUSH,
  type Actor,
  type Calendar,
  type Claim,
  type CommandInput,
  type DecisionError,
  type MutationOutcome,
  type Policy,
  type PullResponse,
} from '@shared/index';
import { getMeta, localClaim, setMeta, type LocalClaim, type PendingMutation, type WorkstationDb } from '../store/db';
import type { SyncTransport } from './transport';

export type EngineContext = {
  db: WorkstationDb;
  transport: SyncTransport;
  actor: Actor;
  /** The device clock; server time is derived from it with the measured offset. */
  deviceNow: () => number;
  /** Fallbacks until the server's settings have been pulled once. */
  defaults: { calendar: Calendar; policy: Policy };
  /** A fresh client id (crypto.randomUUID in the app; injectable for tests). */
  newClientId: () => string;
  /** Told which claims changed locally after each write, so screens refresh just those. */
  onClaimsChanged?: (claimIds: string[]) => void;
};

export type PerformResult = { ok: true; mutationId: number; claim: Claim } | { ok: false; error: DecisionError };

export type SyncResult = { pushed: number; applied: number; refused: number; pulledClaims: number; cursor: number };

/** Server time now, by the offset measured at the last pull. */
export async function serverNow(ctx: EngineContext): Promise<Date> {
  return new Date(ctx.deviceNow() + ((await getMeta(ctx.db, 'serverOffsetMs')) ?? 0));
}

async function settings(ctx: EngineContext): Promise<{ calendar: Calendar; policy: Policy }> {
  return (await getMeta(ctx.db, 'settings')) ?? ctx.defaults;
}

export async function clientId(ctx: EngineContext): Promise<string> {
  return ctx.db.transaction('rw', ctx.db.meta, async () => {
    const existing = await getMeta(ctx.db, 'clientId');
    if (existing) return existing;
    const id = ctx.newClientId().replace(/[^A-Za-z0-9_-]/g, '');
    await setMeta(ctx.db, 'clientId', id);
    return id;
  });
}

/** Runs a reviewer action locally and queues it for the server. Refused locally → nothing is written. */
export async function perform(ctx: EngineContext, command: Exclude<CommandInput, { type: 'create' }>): Promise<PerformResult> {
  const now = await serverNow(ctx);
  const { calendar, policy } = await settings(ctx);
  const { db } = ctx;
  return db.transaction('rw', [db.claims, db.outbox, db.meta], async () => {
    const row = await db.claims.get(command.claimId);
    const decision = decide(row?.view ?? null, command, { actor: ctx.actor, now, calendar, policy });
    if (!decision.ok) return decision;
    let view = row!.view;
    for (const event of decision.events) view = evolve(view, event);
    const mutationId = ((await getMeta(db, 'lastMutationId')) ?? 0) + 1;
    const { type, ...args } = command;
    await db.outbox.add({ mutationId, name: type, args, claimId: command.claimId, clientTime: now.toISOString() });
    await setMeta(db, 'lastMutationId', mutationId);
    await db.claims.put(localClaim(view, row!.base ?? row!.view));
    return { ok: true as const, mutationId, claim: view };
  }).then((result) => {
    if (result.ok) ctx.onClaimsChanged?.([command.claimId]);
    return result;
  });
}

/** Pushes the whole outbox in order, in batches. Returns the outcomes the server reported. */
async function pushOutbox(ctx: EngineContext, id: string): Promise<{ outcomes: MutationOutcome[]; pushed: number }> {
  const outcomes: MutationOutcome[] = [];
  let pushed = 0;
  let after = 0;
  for (;;) {
    const batch = await ctx.db.outbox.where('mutationId').above(after).limit(MAX_MUTATIONS_PER_PUSH).toArray();
    if (batch.length === 0) break;
    const response = await ctx.transport.push({
      clientId: id,
      mutations: batch.map((m) => ({ id: m.mutationId, name: m.name, args: m.args, clientTime: m.clientTime })),
    });
    pushed += batch.length;
    outcomes.push(...response.outcomes);
    // A gap means the server lost track of earlier ids (e.g. restored from backup): resend from there.
    if (response.gapAt !== undefined && response.gapAt <= batch[batch.length - 1]!.mutationId) {
      if (response.gapAt <= after) break;
      after = response.gapAt - 1;
      continue;
    }
    after = batch[batch.length - 1]!.mutationId;
  }
  return { outcomes, pushed };
}

export async function syncOnce(ctx: EngineContext): Promise<SyncResult> {
  const id = await clientId(ctx);
  const { outcomes: pushOutcomes, pushed } = await pushOutbox(ctx, id);
  const fromPush = await recordOutcomes(ctx, pushOutcomes);
  let applied = fromPush.applied;
  let refused = fromPush.refused;
  let pulledClaims = 0;
  let cursor = (await getMeta(ctx.db, 'cursor')) ?? 0;
  for (;;) {
    const sentAt = ctx.deviceNow();
    const page = await ctx.transport.pull({ clientId: id, cursor });
    const receivedAt = ctx.deviceNow();
    // Claims whose pushed mutations were settled are rebased even if the server did not change them.
    const result = await applyPull(ctx, page, (sentAt + receivedAt) / 2, fromPush.claimIds);
    fromPush.claimIds.clear();
    applied += result.applied;
    refused += result.refused;
    pulledClaims += page.claims.length;
    cursor = page.cursor;
    if (!page.more) break;
  }
  return { pushed, applied, refused, pulledClaims, cursor };
}

/** Moves refused mutations from the outbox to the refusals list (keeping their text); forgets applied ones. */
async function recordOutcomes(ctx: EngineContext, outcomes: MutationOutcome[]): Promise<{ applied: number; refused: number; claimIds: Set<string> }> {
  const { db } = ctx;
  const claimIds = new Set<string>();
  let applied = 0;
  let refused = 0;
  if (outcomes.length === 0) return { applied, refused, claimIds };
  await db.transaction('rw', [db.outbox, db.refusals], async () => {
    for (const outcome of outcomes) {
      const pending = await db.outbox.get(outcome.mutationId);
      if (!pending) continue;
      claimIds.add(pending.claimId);
      await db.outbox.delete(outcome.mutationId);
      if (outcome.status === 'refused') {
        refused++;
        await db.refusals.put({ ...pending, outcome, dismissed: 0 });
      } else {
        applied++;
      }
    }
  });
  return { applied, refused, claimIds };
}

async function applyPull(ctx: EngineContext, page: PullResponse, deviceMidpoint: number, settled: ReadonlySet<string>): Promise<{ applied: number; refused: number }> {
  const { db } = ctx;
  const recorded = await recordOutcomes(ctx, page.outcomes);
  const changed = await db.transaction('rw', [db.claims, db.events, db.outbox, db.meta], async () => {
    // Anything at or below the server's last processed id is settled, whatever we heard of it.
    await db.outbox.where('mutationId').belowOrEqual(page.lastMutationId).delete();
    const pending = await db.outbox.orderBy('mutationId').toArray();
    const pendingByClaim = groupBy(pending, (m) => m.claimId);
    const touched = new Set<string>([...settled, ...recorded.claimIds, ...page.claims.map((c) => c.claim.id)]);
    const serverClaims = new Map(page.claims.map((c) => [c.claim.id, c.claim]));
    if (page.claims.length) await db.events.bulkPut(page.claims.flatMap((c) => c.events));
    const existing = await db.claims.bulkGet([...touched]);
    const rows: LocalClaim[] = [];
    for (const [i, claimId] of [...touched].entries()) {
      const current = existing[i];
      const base = serverClaims.get(claimId) ?? current?.base ?? current?.view;
      if (!base) continue;
      rows.push(rebase(ctx, base, pendingByClaim.get(claimId) ?? [], page.settings));
    }
    if (rows.length) await db.claims.bulkPut(rows);
    await setMeta(db, 'cursor', page.cursor);
    await setMeta(db, 'settings', page.settings);
    await setMeta(db, 'serverOffsetMs', Date.parse(page.serverTime) - deviceMidpoint);
    await setMeta(db, 'lastSyncAt', page.serverTime);
    // A reinstalled client may be behind the server's count: never reuse an id the server has seen.
    const last = (await getMeta(db, 'lastMutationId')) ?? 0;
    if (page.lastMutationId > last) await setMeta(db, 'lastMutationId', page.lastMutationId);
    return rows.map((r) => r.id);
  });
  if (changed.length) ctx.onClaimsChanged?.(changed);
  return { applied: recorded.applied, refused: recorded.refused };
}

/**
 * The claim as the reviewer sees it: the server's snapshot with pending mutations re-applied, each
 * at the time it was made. One the rules now refuse is skipped here (the server will refuse it and
 * the refusal will be shown) but stays in the outbox: its text is never dropped silently.
 */
function rebase(ctx: EngineContext, server: Claim, pending: PendingMutation[], s: { calendar: Calendar; policy: Policy }): LocalClaim {
  if (pending.length === 0) return localClaim(server, null);
  let view = server;
  for (const m of pending) {
    const decision = decide(view, { ...m.args, type: m.name }, { actor: ctx.actor, now: new Date(m.clientTime), calendar: s.calendar, policy: s.policy });
    if (!decision.ok) continue;
    for (const event of decision.events) view = evolve(view, event);
  }
  return localClaim(view, server);
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
