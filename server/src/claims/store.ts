/**
 * The event store of claims: append-only events plus the current snapshot per claim, written in
 * the same transaction so the snapshot is always the fold of the events.
 */
import type { Claim, ClaimEvent } from '../../../shared/index';
import { ADVISORY_LOCKS, json, type Queryable, type SqlParam, type Tx } from '../db/index';

/** Notification channel that tells every server process (and its SSE clients) that the log grew. */
export const SYNC_CHANNEL = 'sync_log';

/**
 * Serializes writers of the sync log so commit order equals sequence order (see ADVISORY_LOCKS).
 * Must be the first statement of a writing transaction.
 */
export async function lockSyncLog(tx: Tx): Promise<void> {
  // Held until the transaction ends: taking it again (push, then executeCommand) would only cost a round trip.
  if (holdingSyncLog.has(tx)) return;
  await tx.query('select pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.syncLog]);
  holdingSyncLog.add(tx);
}
/** Transactions that hold the sync-log lock (a Tx object lives for one transaction attempt). */
const holdingSyncLog = new WeakSet<Tx>();

export async function loadClaim(q: Queryable, claimId: string): Promise<Claim | null> {
  const result = await q.query<{ snapshot: Claim }>('select snapshot from claims where id = $1', [claimId]);
  return result.rows[0]?.snapshot ?? null;
}

export async function loadEvents(q: Queryable, claimId: string): Promise<ClaimEvent[]> {
  const result = await q.query<EventRow>(
    'select global_seq, claim_id, seq, type, at, actor_id, actor_role, payload from events where claim_id = $1 order by seq',
    [claimId],
  );
  return result.rows.map(eventFromRow);
}

export type EventRow = {
  global_seq: number;
  claim_id: string;
  seq: number;
  type: string;
  at: Date;
  actor_id: string;
  actor_role: string;
  payload: unknown;
};

export function eventFromRow(row: EventRow): ClaimEvent {
  // The row was written from a ClaimEvent by appendEvents; its shape is ours.
  return {
    id: `${row.claim_id}:${row.seq}`,
    claimId: row.claim_id,
    seq: row.seq,
    type: row.type,
    at: row.at.toISOString(),
    actor: { id: row.actor_id, role: row.actor_role },
    payload: row.payload,
  } as ClaimEvent;
}

/**
 * Appends events, stores the claim they lead to and notifies SYNC_CHANNEL (heard at commit), in
 * one statement: one round trip per command, whatever the number of events. Returns the global
 * sequence of the last event. `unique (claim_id, seq)` refuses a second writer deciding on the
 * same version.
 */
export async function appendEvents(tx: Tx, claim: Claim, events: readonly ClaimEvent[]): Promise<number> {
  if (events.length === 0) throw new Error(`appendEvents: no events for claim ${claim.id}`);
  const params: SqlParam[] = [];
  // Rows in event order: each takes its global_seq from sync_seq in that order.
  const rows = events.map((e) => {
    const p = params.push(e.claimId, e.seq, e.type, new Date(e.at), e.actor.id, e.actor.role, json(e.payload)) - 7;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb)`;
  });
  const c = params.push(
    claim.id,
    claim.partner.partnerId,
    claim.customer.tenantId,
    claim.status,
    claim.assignee,
    claim.version,
    json(claim),
    new Date(claim.createdAt),
    new Date(claim.updatedAt),
    SYNC_CHANNEL,
  ) - 10;
  const stored = await tx.query<{ last_global_seq: number }>(
    `with appended as (
       insert into events (claim_id, seq, type, at, actor_id, actor_role, payload) values ${rows.join(', ')}
       returning global_seq
     ), stored as (
       insert into claims (id, partner_id, tenant_id, status, assignee, version, snapshot, created_at, updated_at, last_global_seq)
       values ($${c + 1}, $${c + 2}, $${c + 3}, $${c + 4}, $${c + 5}, $${c + 6}, $${c + 7}::jsonb, $${c + 8}, $${c + 9}, (select max(global_seq) from appended))
       on conflict (id) do update set partner_id = excluded.partner_id, tenant_id = excluded.tenant_id,
         status = excluded.status, assignee = excluded.assignee, version = excluded.version,
         snapshot = excluded.snapshot, updated_at = excluded.updated_at, last_global_seq = excluded.last_global_seq
       returning last_global_seq
     )
     select last_global_seq, pg_notify($${c + 10}, last_global_seq::text) from stored`,
    params,
  );
  return stored.rows[0]!.last_global_seq;
}
