/**
 * Runs one command through the shared `decide` and stores what it decided. Every write path of the
 * server (sync push, partner and customer API, supervisor API, scheduler, demo seeding) goes here.
 */
import { decide, evolve, isStorableText, type Actor, type Claim, type Decision, type DecisionError } from '../../../shared/index';
import type { Tx } from '../db/index';
import type { SlaSettings } from '../settings';
import { appendEvents, loadClaim, lockSyncLog } from './store';

export type Execution =
  | { ok: true; claim: Claim; events: Extract<Decision, { ok: true }>['events']; globalSeq: number }
  | { ok: false; error: DecisionError };

/** Decides and stores inside `tx`; the caller owns the transaction. Takes the sync-log lock first. */
export async function executeCommand(tx: Tx, input: unknown, actor: Actor, now: Date, settings: SlaSettings): Promise<Execution> {
  await lockSyncLog(tx);
  const claimId = typeof input === 'object' && input !== null && 'claimId' in input ? String((input as { claimId: unknown }).claimId) : '';
  // An id the database cannot even look up is left to `decide`, which refuses it as invalid.
  const current = claimId && isStorableText(claimId) ? await loadClaim(tx, claimId) : null;
  const decision = decide(current, input, { actor, now, calendar: settings.calendar, policy: settings.policy });
  if (!decision.ok) return decision;
  let claim = current;
  for (const event of decision.events) claim = evolve(claim, event);
  // Also notifies SYNC_CHANNEL (pokes every server process's clients at commit).
  const globalSeq = await appendEvents(tx, claim!, decision.events);
  return { ok: true, claim: claim!, events: decision.events, globalSeq };
}
