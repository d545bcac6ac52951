/** Claims in the statuses the offline-document tests need, built through the real core. */
import { actors, apply, createCommand, passAll, poeDocument } from '@shared/testing/fixtures';
import type { Claim, CommandInput } from '@shared/index';

const NOW = new Date('2026-11-02T17:00:00Z');

export type Stage = 'submitted' | 'inReviewMine' | 'inReviewOther' | 'approved' | 'rejected' | 'withdrawn';

/** A claim whose PoE documents are `hashes`, taken to `stage` by the partner and reviewers. */
export function claimAt(id: string, stage: Stage, hashes: readonly string[]): Claim {
  const created = createCommand(id);
  if (created.type !== 'create') throw new Error('createCommand builds a create command');
  const create: CommandInput = { ...created, documents: hashes.map((h) => poeDocument(h)) };
  let claim = apply(null, create, actors.partner, NOW).claim;
  claim = apply(claim, { type: 'submit', claimId: id }, actors.partner, NOW).claim;
  if (stage === 'submitted') return claim;
  if (stage === 'withdrawn') return apply(claim, { type: 'withdraw', claimId: id }, actors.partner, NOW).claim;
  const reviewer = stage === 'inReviewOther' ? actors.otherReviewer : actors.reviewer;
  claim = apply(claim, { type: 'startReview', claimId: id }, reviewer, NOW).claim;
  if (stage === 'inReviewMine' || stage === 'inReviewOther') return claim;
  if (stage === 'rejected') {
    return apply(claim, { type: 'reject', claimId: id, reasons: ['insufficient_poe'], message: 'The PoE does not show the customer.' }, actors.reviewer, NOW).claim;
  }
  return apply(passAll(claim, actors.reviewer, NOW), { type: 'approve', claimId: id }, actors.reviewer, NOW).claim;
}
