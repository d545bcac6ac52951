/**
 * Pull: what changed since the client's cursor. Claims and this client's outcomes share one
 * sequence, and writers commit in sequence order (sync-log lock), so a cursor never skips a change.
 */
import type { Claim, ClaimEvent, MutationOutcome, PullResponse } from '../../../shared/index';
import type { SignedInUser } from '../actor';
import type { Database } from '../db/index';
import type { SlaSettings } from '../settings';
import { eventFromRow, type EventRow } from '../claims/store';
import { claimClient } from './clients';
import { SyncRequestError } from './errors';
import { outcomeFromRow } from './push';

export type PullInput = { clientId: string; cursor: number; limit: number };
export type PullDeps = { db: Database; now: () => Date; settings: () => Promise<SlaSettings> };

export async function pull(deps: PullDeps, user: SignedInUser, input: PullInput): Promise<PullResponse> {
  // The workstation sees every claim: only reviewers and supervisors may pull.
  if (user.role !== 'reviewer' && user.role !== 'supervisor') {
    throw new SyncRequestError(403, 'not_a_workstation_user', 'Only reviewers and supervisors sync with the workstation protocol.');
  }
  const lastMutationId = await claimClient(deps.db, input.clientId, user.id);
  const settings = await deps.settings();
  // One snapshot for claims, events and outcomes, so the new cursor is consistent across them.
  const page = await deps.db.transaction(
    async (tx) => {
      const claimRows = (
        await tx.query<{ id: string; snapshot: Claim; last_global_seq: number }>(
          'select id, snapshot, last_global_seq from claims where last_global_seq > $1 order by last_global_seq limit $2',
          [input.cursor, input.limit + 1],
        )
      ).rows;
      const more = claimRows.length > input.limit;
      const claims = more ? claimRows.slice(0, input.limit) : claimRows;
      // With more to come, stop at the last claim returned; else at everything visible now.
      const ceiling = more
        ? claims[claims.length - 1]!.last_global_seq
        : Math.max(
            input.cursor,
            claims.at(-1)?.last_global_seq ?? 0,
            (await tx.query<{ max: number | null }>('select max(global_seq) as max from mutation_outcomes where client_id = $1', [input.clientId])).rows[0]!.max ?? 0,
          );
      const eventRows = claims.length
        ? (
            await tx.query<EventRow>(
              `select global_seq, claim_id, seq, type, at, actor_id, actor_role, payload from events
               where claim_id = any($1::text[]) and global_seq > $2 and global_seq <= $3 order by claim_id, seq`,
              [claims.map((c) => c.id), input.cursor, ceiling],
            )
          ).rows
        : [];
      const outcomeRows = (
        await tx.query<Parameters<typeof outcomeFromRow>[0]>(
          `select mutation_id, name, status, code, message, claim_id, recorded_at, null::int as version
           from mutation_outcomes where client_id = $1 and global_seq > $2 and global_seq <= $3 order by mutation_id`,
          [input.clientId, input.cursor, ceiling],
        )
      ).rows;
      return { claims, more, ceiling, eventRows, outcomeRows };
    },
    { isolation: 'serializable' },
  );

  const eventsByClaim = new Map<string, ClaimEvent[]>();
  for (const row of page.eventRows) {
    const list = eventsByClaim.get(row.claim_id) ?? [];
    list.push(eventFromRow(row));
    eventsByClaim.set(row.claim_id, list);
  }
  const outcomes: MutationOutcome[] = page.outcomeRows.map(outcomeFromRow);
  return {
    claims: page.claims.map((c) => ({ claim: c.snapshot, events: eventsByClaim.get(c.id) ?? [] })),
    cursor: page.ceiling,
    more: page.more,
    lastMutationId,
    outcomes,
    serverTime: deps.now().toISOString(),
    settings,
  };
}
