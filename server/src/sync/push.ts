/**
 * Push: applies a client's mutations in order, each in its own transaction through the shared
 * `decide`, recording exactly one outcome per mutation (ARCHITECTURE "Sync protocol").
 *
 * - A duplicate (id ≤ the client's last mutation id) is answered from the record, never re-applied.
 * - A gap (id > last + 1) is not applied; the rest of the batch waits for the missing one.
 * - A permanent refusal (the rules say no, unknown name, unsupported protocol) advances the id.
 * - A temporary failure (database unavailable) advances nothing: the request fails with 503 and
 *   the client retries later.
 */
import {
  COMMAND_TYPES,
  isStorableText,
  PROTOCOL_VERSION,
  SYSTEM_COMMAND_TYPES,
  type Mutation,
  type MutationOutcome,
  type PushResponse,
  type SyncRefusalCode,
} from '../../../shared/index';
import { actorOf, type SignedInUser } from '../actor';
import { executeCommand } from '../claims/execute';
import { lockSyncLog } from '../claims/store';
import { isDatabaseUnavailable, type Database, type Tx } from '../db/index';
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
  const { db } = deps;
  let lastMutationId = await guard(() => claimClient(db, input.clientId, user.id));
  const settings = await guard(deps.settings);
  const outcomes: MutationOutcome[] = [];
  // Sorted: a batch that arrives out of order still applies in id order.
  const mutations = [...input.mutations].sort((a, b) => a.id - b.id);

  for (const mutation of mutations) {
    const result = await guard(() =>
      db.transaction(
        async (tx) => {
          await lockSyncLog(tx);
          const last = (await tx.query<{ last_mutation_id: number }>('select last_mutation_id from clients where client_id = $1', [input.clientId])).rows[0]!
            .last_mutation_id;
          if (mutation.id <= last) return { kind: 'duplicate' as const, outcome: await recordedOutcome(tx, input.clientId, mutation.id), last };
          if (mutation.id > last + 1) return { kind: 'gap' as const, last };
          // Records the outcome and advances the client's last mutation id.
          const outcome = await applyOne(tx, deps, settings, actor, input, mutation);
          return { kind: 'applied' as const, outcome, last: mutation.id };
        },
        // The advisory lock serializes writers; read committed then sees the previous holder's commit.
        { isolation: 'read committed' },
      ),
    );
    lastMutationId = result.last;
    if (result.kind === 'gap') return { outcomes, lastMutationId, gapAt: result.last + 1 };
    if (result.outcome) outcomes.push(result.outcome);
  }
  return { outcomes, lastMutationId };
}

async function applyOne(
  tx: Tx,
  deps: PushDeps,
  settings: SlaSettings,
  actor: NonNullable<ReturnType<typeof actorOf>>,
  input: PushInput,
  mutation: Mutation,
): Promise<MutationOutcome> {
  let refusal: { code: SyncRefusalCode; message: string } | null = null;
  // Recorded with the outcome only if it can be stored; a refusal must always be recordable.
  const argClaimId = mutation.args.claimId;
  let claimId: string | null = typeof argClaimId === 'string' && isStorableText(argClaimId) ? argClaimId.slice(0, 200) : null;
  let version: number | null = null;

  if (input.protocolVersion !== PROTOCOL_VERSION) {
    refusal = { code: 'unsupported_protocol', message: `Protocol version ${input.protocolVersion} is not supported; this server speaks ${PROTOCOL_VERSION}. Update the workstation.` };
  } else if (!CLIENT_COMMANDS.has(mutation.name)) {
    refusal = { code: 'unknown_mutation', message: `Unknown action "${mutation.name.slice(0, 64)}".` };
  } else {
    // The server's clock decides, never the client's; the name chooses the command, not args.type.
    const execution = await executeCommand(tx, { ...mutation.args, type: mutation.name }, actor, deps.now(), settings);
    if (execution.ok) {
      claimId = execution.claim.id;
      version = execution.claim.version;
    } else {
      refusal = execution.error;
    }
  }
  // The outcome and the client's new last mutation id in one statement (one round trip fewer).
  const row = (
    await tx.query<OutcomeRow>(
      `with advanced as (update clients set last_mutation_id = $2 where client_id = $1)
       insert into mutation_outcomes (client_id, mutation_id, name, status, code, message, claim_id, recorded_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)
       returning mutation_id, name, status, code, message, claim_id, recorded_at, null::int as version`,
      [input.clientId, mutation.id, mutation.name.slice(0, 64), refusal ? 'refused' : 'applied', refusal?.code ?? null, refusal?.message ?? null, claimId, deps.now()],
    )
  ).rows[0]!;
  return outcomeFromRow({ ...row, version });
}

async function recordedOutcome(tx: Tx, clientId: string, mutationId: number): Promise<MutationOutcome | undefined> {
  const row = (
    await tx.query<OutcomeRow>(
      `select o.mutation_id, o.name, o.status, o.code, o.message, o.claim_id, o.recorded_at, null::int as version
       from mutation_outcomes o where o.client_id = $1 and o.mutation_id = $2`,
      [clientId, mutationId],
    )
  ).rows[0];
  return row ? outcomeFromRow(row) : undefined;
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
