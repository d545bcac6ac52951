/**
 * The event store of claims: append-only events plus the current snapshot per claim, written in
 * the same transaction so the snapshot is always the fold of the events.
 */
import type { Claim, ClaimEvent } from '../../../shared/index';
import { ADVISORY_LOCKS, json, type Queryable, type Tx } from '../db/index';

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
 * Appends events and stores the claims they lead to, and notifies SYNC_CHANNEL (heard at commit),
 * in one statement whatever the number of events and claims: rows travel as one jsonb array each,
 * so a push batch costs one round trip here. Returns the global sequence of the last event.
 * `unique (claim_id, seq)` refuses a second writer deciding on the same version.
 */
export async function appendEvents(tx: Tx, claims: Claim | readonly Claim[], events: readonly ClaimEvent[]): Promise<number> {
  const stored = Array.isArray(claims) ? (claims as readonly Claim[]) : [claims as Claim];
  if (events.length === 0) throw new Error(`appendEvents: no events for claim ${stored.map((c) => c.id).join(', ')}`);
  const eventRows = events.map((e) => ({ claim_id: e.claimId, seq: e.seq, type: e.type, at: e.at, actor_id: e.actor.id, actor_role: e.actor.role, payload: e.payload }));
  const claimRows = stored.map((c) => ({
    id: c.id,
    partner_id: c.partner.partnerId,
    tenant_id: c.customer.tenantId,
    status: c.status,
    assignee: c.assignee,
    version: c.version,
    snapshot: c,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  }));
  const result = await tx.query<{ last_global_seq: number }>(
    `with appended as (
       insert into events (claim_id, seq, type, at, actor_id, actor_role, payload)
       select claim_id, seq, type, at, actor_id, actor_role, payload
       from jsonb_to_recordset($1::jsonb) as e(claim_id text, seq int, type text, at timestamptz, actor_id text, actor_role text, payload jsonb)
       returning global_seq, claim_id
     ), stored as (
       insert into claims (id, partner_id, tenant_id, status, assignee, version, snapshot, created_at, updated_at, last_global_seq)
       select c.id, c.partner_id, c.tenant_id, c.status, c.assignee, c.version, c.snapshot, c.created_at, c.updated_at,
         (select max(a.global_seq) from appended a where a.claim_id = c.id)
       from jsonb_to_recordset($2::jsonb) as c(id text, partner_id text, tenant_id text, status text, assignee text, version int,
         snapshot jsonb, created_at timestamptz, updated_at timestamptz)
       on conflict (id) do update set partner_id = excluded.partner_id, tenant_id = excluded.tenant_id,
         status = excluded.status, assignee = excluded.assignee, version = excluded.version,
         snapshot = excluded.snapshot, updated_at = excluded.updated_at, last_global_seq = excluded.last_global_seq
       returning last_global_seq
     )
     select max(last_global_seq) as last_global_seq, pg_notify($3, max(last_global_seq)::text) from stored`,
    [json(eventRows), json(claimRows), SYNC_CHANNEL],
  );
  return result.rows[0]!.last_global_seq;
}
