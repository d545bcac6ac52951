/**
 * Runs one command of the shared core for a signed-in user of the HTTP API: the actor comes from
 * the session (never the body), the server clock decides, every write goes through
 * `executeCommand`, and a refusal of the core leaves as its 4xx.
 */
import { z } from 'zod';
import type { Claim, ClaimEvent, CommandInput } from '../../../shared/index';
import { actorOf, type SignedInUser } from '../actor';
import { executeCommand } from '../claims/execute';
import { loadClaim, lockSyncLog } from '../claims/store';
import type { AppDeps } from './deps';
import { ApiError, decisionError } from './errors';

/** U+0000 and unpaired surrogates: PostgreSQL stores neither in text nor in jsonb (it would be a 500). */
// eslint-disable-next-line no-control-regex -- finding NUL is the point
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Where in `value` a string PostgreSQL cannot store sits, or null. */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], [...path, i]);
      if (found) return found;
    }
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(key, path) ?? findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The schema, refusing (400) text that could be validated but not stored. */
export function storable<S extends z.ZodType>(schema: S): S {
  return schema.superRefine((value, ctx) => {
    const path = findUnstorableText(value);
    if (path) ctx.addIssue({ code: 'custom', path, message: 'must not contain NUL characters or unpaired UTF-16 surrogates' });
  }) as S;
}

/** `:id` of a claim in a URL. */
export const claimParamsSchema = storable(z.strictObject({ id: z.string().trim().min(1).max(200) }));

export type CommandResult = { claim: Claim; events: ClaimEvent[] };

/** The same answer for "no such claim" and "not yours", so a claim's existence does not leak. */
export function claimNotFound(claimId: string): ApiError {
  return new ApiError(404, 'not_found', `Claim ${claimId} does not exist.`);
}

export type RunOptions = {
  /**
   * Whether this user may see the claim at all (its partner, its tenant). Checked under the
   * sync-log lock, in the transaction that writes, so the claim cannot change hands in between.
   * A claim the user may not see answers 404.
   */
  canSee?: (claim: Claim) => boolean;
  /** A refusal of our own, checked on the current claim before the core decides. */
  precheck?: (claim: Claim) => ApiError | undefined;
};

export async function runCommand(deps: AppDeps, user: SignedInUser, command: CommandInput, options: RunOptions = {}): Promise<CommandResult> {
  const actor = actorOf(user);
  if (!actor) throw new ApiError(403, 'forbidden', `A ${user.role} does not act on claims.`);
  const settings = await deps.settings();
  const now = deps.now();
  return deps.db.transaction(
    async (tx) => {
      if (options.canSee || options.precheck) {
        await lockSyncLog(tx);
        const current = await loadClaim(tx, command.claimId);
        if (current) {
          if (options.canSee && !options.canSee(current)) throw claimNotFound(command.claimId);
          const refusal = options.precheck?.(current);
          if (refusal) throw refusal;
        } else if (options.canSee) {
          throw claimNotFound(command.claimId);
        }
      }
      const result = await executeCommand(tx, command, actor, now, settings);
      if (!result.ok) throw decisionError(result.error);
      return { claim: result.claim, events: result.events };
    },
    // executeCommand serializes writers with an advisory lock; read committed then sees the
    // previous holder's commit (see TransactionOptions).
    { isolation: 'read committed' },
  );
}
