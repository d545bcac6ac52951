/**
 * Push: applies a client's mutations in order through the shared `decide`, recording exactly one
 * outcome per mutation (ARCHITECTURE "Sync protocol"). A push request is one transaction: each
 * mutation is decided on the state the previous ones left, a refused one writes nothing but its
 * outcome, and the whole batch commits at once — the per-mutation guarantees of the protocol with
 * a handful of statements per batch instead of several per mutation (see server/README.md).
 *
 * - A duplicate (id ≤ the client's last mutation id) is answered from the record, never re-applied.
 * - A gap (id > last + 1) is not applied; the rest of the batch waits for the missing one.
 * - A permanent refusal (the rules say no, unknown name, unsupported protocol) advances the id.
 * - A temporary failure (database unavailable) advances nothing: the request fails with 503 and
 *   the client retries later.
 */
import {
  COMMAND_TYPES,
  decide,
  evolve,
  isStorableText,
  PROTOCOL_VERSION,
  SYSTEM_COMMAND_TYPES,
  type Claim,
  type ClaimEvent,
  type Mutation,
  type MutationOutcome,
  type PushResponse,
  type SyncRefusalCode,
} from '../../../shared/index';
import { actorOf, type SignedInUser } from '../actor';
import { appendEvents, lockSyncLog } from '../claims/store';
import { isDatabaseUnavailable, json, type Database, type Tx } from '../db/index';
import type { SlaSettings } from '../settings';
import { claimClient } from './clients';
import { SyncRequestError } from './errors';

const WORKSTATION_ROLES: ReadonlySet<string> = new Set(['reviewer', 'supervisor']);
const CLIENT_COMMANDS: ReadonlySet<string> = new Set(COMMAND_TYPES.filter((t) => !SYSTEM_COMMAND_TYPES.includes(t)));

export type PushInput = { protocolVersion: number; clientId: string; mutations: Mutation[] };

export type PushDeps = { db: Database; now: () => Date; settings: () => Promise<SlaSettings> };

type OutcomeRow = {
  mutation_id: number;
  name: string;
  status: 'applied' | 'refused';
  code: string | null;
  message: string | null;
  claim_id: string | null;
  recorded_at: Date;
  version: number | null;
};

export function outcomeFromRow(row: OutcomeRow): MutationOutcome {
  return {
    mutationId: row.mutation_id,
    name: row.name,
    status: row.status,
    ...(row.code !== null ? { code: row.code as SyncRefusalCode } : {}),
    ...(row.message !== null ? { message: row.message } : {}),
    ...(row.claim_id !== null ? { claimId: row.claim_id } : {}),
    ...(row.version !== null ? { version: row.version } : {}),
    recordedAt: row.recorded_at.toISOString(),
  };
}

export async function push(deps: PushDeps, user: SignedInUser, input: PushInput): Promise<PushResponse> {
  const actor = actorOf(user);
  if (!actor || !WORKSTATION_ROLES.has(user.role)) {
    throw new SyncRequestError(403, 'not_a_workstation_user', 'Only reviewers and supervisors sync with the workstation protocol.');
  }
  const settings = await guard(deps.settings);
  // Sorted: a batch that arrives out of order still applies in id order.
  const mutations = [...input.mutations].sort((a, b) => a.id - b.id);
  return guard(() =>
    deps.db.transaction(
      async (tx) => {
        await lockSyncLog(tx);
        const last = await claimClient(tx, input.clientId, user.id);
        const duplicates = mutations.filter((m) => m.id <= last);
        const outcomes = duplicates.length ? await recordedOutcomes(tx, input.clientId, duplicates.map((m) => m.id)) : [];
        // The next ids in sequence; a gap stops the batch there.
        const fresh: Mutation[] = [];
        let gapAt: number | undefined;
        for (const m of mutations) {
          const expected = last + 1 + fresh.length;
          if (m.id < expected) continue;
          if (m.id > expected) {
            gapAt = expected;
            break;
          }
          fresh.push(m);
        }
        if (fresh.length) outcomes.push(...(await applyBatch(tx, deps.now(), settings, actor, input, fresh)));
        return { outcomes, lastMutationId: last + fresh.length, ...(gapAt !== undefined ? { gapAt } : {}) };
      },
      // The advisory lock serializes writers; read committed then sees the previous holder's commit.
      { isolation: 'read committed' },
    ),
  );
}

/**
 * Decides each mutation in order on the state the previous ones left (claims loaded once, folded
 * in memory), then writes all events, snapshots and outcomes with three statements. A refused
 * mutation writes nothing but its outcome; the batch commits as one, so a crash loses no
 * acknowledged mutation and the client simply resends the unacknowledged ones.
 */
async function applyBatch(
  tx: Tx,
  now: Date,
  settings: SlaSettings,
  actor: NonNullable<ReturnType<typeof actorOf>>,
  input: PushInput,
  batch: Mutation[],
): Promise<MutationOutcome[]> {
  const claimIdOf = (m: Mutation): string | null => {
    const id = m.args.claimId;
    // Recorded with the outcome only if it can be stored; a refusal must always be recordable.
    return typeof id === 'string' && isStorableText(id) ? id.slice(0, 200) : null;
  };
  const ids = [...new Set(batch.map(claimIdOf).filter((id): id is string => id !== null))];
  const claims = new Map<string, Claim>();
  if (ids.length) {
    const rows = await tx.query<{ snapshot: Claim }>('select snapshot from claims where id = any($1::text[])', [ids]);
    for (const { snapshot } of rows.rows) claims.set(snapshot.id, snapshot);
  }
  const events: ClaimEvent[] = [];
  const changed = new Set<string>();
  const records = batch.map((mutation) => {
    const claimId = claimIdOf(mutation);
    let refusal: { code: SyncRefusalCode; message: string } | null = null;
    let version: number | null = null;
    if (input.protocolVersion !== PROTOCOL_VERSION) {
      refusal = { code: 'unsupported_protocol', message: `Protocol version ${input.protocolVersion} is not supported; this server speaks ${PROTOCOL_VERSION}. Update the workstation.` };
    } else if (!CLIENT_COMMANDS.has(mutation.name)) {
      refusal = { code: 'unknown_mutation', message: `Unknown action "${mutation.name.slice(0, 64)}".` };
    } else {
      // The server's clock decides, never the client's; the name chooses the command, not args.type.
      const current = claimId ? (claims.get(claimId) ?? null) : null;
      const decision = decide(current, { ...mutation.args, type: mutation.name }, { actor, now, calendar: settings.calendar, policy: settings.policy });
      if (decision.ok) {
        let claim = current;
        for (const event of decision.events) claim = evolve(claim, event);
        claims.set(claim!.id, claim!);
        changed.add(claim!.id);
        events.push(...decision.events);
        version = claim!.version;
      } else {
        refusal = decision.error;
      }
    }
    return {
      mutation_id: mutation.id,
      name: mutation.name.slice(0, 64),
      status: refusal ? ('refused' as const) : ('applied' as const),
      code: refusal?.code ?? null,
      message: refusal?.message ?? null,
      claim_id: claimId,
      version,
    };
  });
  if (events.length) await appendEvents(tx, [...changed].map((id) => claims.get(id)!), events);
  // The outcomes and the client's new last mutation id in one statement.
  const stored = await tx.query<OutcomeRow>(
    `with advanced as (update clients set last_mutation_id = $2 where client_id = $1)
     insert into mutation_outcomes (client_id, mutation_id, name, status, code, message, claim_id, recorded_at)
     select $1, o.mutation_id, o.name, o.status, o.code, o.message, o.claim_id, $4
     from jsonb_to_recordset($3::jsonb) as o(mutation_id bigint, name text, status text, code text, message text, claim_id text)
     returning mutation_id, name, status, code, message, claim_id, recorded_at, null::int as version`,
    [input.clientId, batch[batch.length - 1]!.id, json(records), now],
  );
  const versions = new Map(records.map((r) => [r.mutation_id, r.version]));
  return stored.rows
    .map((row) => outcomeFromRow({ ...row, version: versions.get(row.mutation_id) ?? null }))
    .sort((a, b) => a.mutationId - b.mutationId);
}

async function recordedOutcomes(tx: Tx, clientId: string, mutationIds: number[]): Promise<MutationOutcome[]> {
  const rows = await tx.query<OutcomeRow>(
    `select mutation_id, name, status, code, message, claim_id, recorded_at, null::int as version
     from mutation_outcomes where client_id = $1 and mutation_id = any($2::bigint[]) order by mutation_id`,
    [clientId, mutationIds],
  );
  return rows.rows.map(outcomeFromRow);
}

/** Turns "the database is unreachable" into a retryable 503; anything else propagates. */
async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      throw new SyncRequestError(503, 'database_unavailable', 'The database is unavailable; nothing was lost, try again shortly.');
    }
    throw error;
  }
}
