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
  await tx.query('select pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.syncLog]);
}

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
 * Appends events and stores the claim they lead to. Returns the global sequence of the last event.
 * `unique (claim_id, seq)` refuses a second writer deciding on the same version.
 */
export async function appendEvents(tx: Tx, claim: Claim, events: readonly ClaimEvent[]): Promise<number> {
  let lastSeq = 0;
  for (const e of events) {
    const inserted = await tx.query<{ global_seq: number }>(
      `insert into events (claim_id, seq, type, at, actor_id, actor_role, payload)
       values ($1, $2, $3, $4, $5, $6, $7::jsonb) returning global_seq`,
      [e.claimId, e.seq, e.type, new Date(e.at), e.actor.id, e.actor.role, json(e.payload)],
    );
    lastSeq = inserted.rows[0]!.global_seq;
  }
  await tx.query(
    `insert into claims (id, partner_id, tenant_id, status, assignee, version, snapshot, created_at, updated_at, last_global_seq)
     values ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10)
     on conflict (id) do update set partner_id = excluded.partner_id, tenant_id = excluded.tenant_id,
       status = excluded.status, assignee = excluded.assignee, version = excluded.version,
       snapshot = excluded.snapshot, updated_at = excluded.updated_at, last_global_seq = excluded.last_global_seq`,
    [
      claim.id,
      claim.partner.partnerId,
      claim.customer.tenantId,
      claim.status,
      claim.assignee,
      claim.version,
      json(claim),
      new Date(claim.createdAt),
      new Date(claim.updatedAt),
      lastSeq,
    ],
  );
  return lastSeq;
}
