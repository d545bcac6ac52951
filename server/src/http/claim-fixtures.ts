/**
 * Test-only: claims brought into any status through the real write path (`executeCommand`), at
 * chosen instants, so API tests start from realistic histories without going through HTTP.
 */
import { createHash } from 'node:crypto';
import { checklistItems, type Actor, type Claim, type CommandInput, type CustomerInfo, type PartnerInfo, type PoeDocument } from '../../../shared/index';
import { executeCommand } from '../claims/execute';
import type { TestApp } from './testing';

export const CONTOSO: PartnerInfo = { partnerId: '1234567', name: 'Contoso Ltd', contact: { name: 'Pat Contoso', email: 'pat@contoso.com' } };
export const LITWARE: PartnerInfo = { partnerId: '7654321', name: 'Litware Inc', contact: { name: 'Lee Litware', email: 'lee@litware.com' } };
export const FABRIKAM: CustomerInfo = { tenantId: '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f', name: 'Fabrikam', domain: 'fabrikam.com' };
export const NORTHWIND: CustomerInfo = { tenantId: '0b8f6a52-9c1d-4e3f-a2b4-c5d6e7f80912', name: 'Northwind Traders', domain: 'northwind.com' };

export const ACTORS = {
  contoso: { id: 'partner-1', role: 'partner', partnerId: CONTOSO.partnerId },
  litware: { id: 'partner-2', role: 'partner', partnerId: LITWARE.partnerId },
  reviewer1: { id: 'reviewer-1', role: 'reviewer' },
  reviewer2: { id: 'reviewer-2', role: 'reviewer' },
  supervisor: { id: 'supervisor-1', role: 'supervisor' },
  fabrikam: { id: 'customer-1', role: 'customer', tenantId: FABRIKAM.tenantId },
  system: { id: 'system', role: 'system' },
} as const satisfies Record<string, Actor>;

/** A document record for claims that never need its bytes. */
export function fakeDocument(seed: string, uploadedBy = 'partner-1'): PoeDocument {
  return {
    sha256: createHash('sha256').update(seed).digest('hex'),
    fileName: `${seed}.pdf`,
    mediaType: 'application/pdf',
    size: 1234,
    pages: 2,
    uploadedBy,
    uploadedAt: '2026-01-05T10:00:00.000Z',
  };
}

/** Runs one command through the server's write path at `at`; throws if the core refuses. */
export async function execute(t: TestApp, actor: Actor, command: CommandInput, at: Date): Promise<Claim> {
  const settings = await t.deps.settings();
  const result = await t.deps.db.transaction((tx) => executeCommand(tx, command, actor, at, settings), { isolation: 'read committed' });
  if (!result.ok) throw new Error(`${command.type} on ${command.claimId} refused: ${result.error.code} ${result.error.message}`);
  return result.claim;
}

export type FixtureStatus =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'partner_action_needed'
  | 'approved'
  | 'sent_for_evaluation'
  | 'rejected'
  | 'disputed'
  | 'opted_out';

export type FixtureOptions = {
  id?: string;
  partner?: PartnerInfo;
  customer?: CustomerInfo;
  products?: string[];
  documents?: PoeDocument[];
  /** When the claim is created; each later step one minute after the previous. */
  at?: Date;
  reviewer?: Actor;
  /** Override the instant of the step that enters the final status. */
  finalAt?: Date;
};

let counter = 0;

/** A claim driven to `status` (opted_out: rejected for customer_rejected) through the shared core. */
export async function claimIn(t: TestApp, status: FixtureStatus, options: FixtureOptions = {}): Promise<Claim> {
  const id = options.id ?? `fixture-${++counter}-${status}`;
  const partner = options.partner ?? CONTOSO;
  const partnerActor: Actor = { id: partner === LITWARE ? 'partner-2' : 'partner-1', role: 'partner', partnerId: partner.partnerId };
  const reviewer = options.reviewer ?? ACTORS.reviewer1;
  let at = options.at ?? new Date(t.clock.now.getTime() - 60 * 60_000);
  const step = () => (at = new Date(at.getTime() + 60_000));
  const run = (actor: Actor, command: CommandInput, when: Date = step()) => execute(t, actor, command, when);

  let claim = await run(
    partnerActor,
    {
      type: 'create',
      claimId: id,
      partner,
      customer: options.customer ?? FABRIKAM,
      products: options.products ?? ['d365_sales'],
      documents: options.documents ?? [fakeDocument(`${id}-sow`, partnerActor.id)],
    },
    at,
  );
  const last = (s: FixtureStatus) => (s === status && options.finalAt ? options.finalAt : step());
  if (status === 'draft') return claim;
  claim = await run(partnerActor, { type: 'submit', claimId: id }, last('submitted'));
  if (status === 'submitted') return claim;
  claim = await run(reviewer, { type: 'startReview', claimId: id }, last('in_review'));
  if (status === 'in_review') return claim;
  if (status === 'partner_action_needed') {
    return run(reviewer, { type: 'requestInfo', claimId: id, codes: ['missing_customer_verification'], message: 'Please add the signed SOW.' }, last(status));
  }
  if (status === 'rejected' || status === 'disputed') {
    claim = await run(reviewer, { type: 'reject', claimId: id, reasons: ['insufficient_poe'], message: 'The PoE does not show the work.' }, last('rejected'));
    if (status === 'rejected') return claim;
    return run(partnerActor, { type: 'dispute', claimId: id, justification: 'The SOW on page 2 is signed.' }, last(status));
  }
  for (const item of checklistItems(claim)) {
    await run(reviewer, { type: 'setChecklistItem', claimId: id, item, result: 'pass' });
  }
  const approvedAt = status === 'approved' && options.finalAt ? options.finalAt : step();
  claim = await run(reviewer, { type: 'approve', claimId: id }, approvedAt);
  if (status === 'approved') return claim;
  if (status === 'opted_out') {
    const customer: Actor = { id: 'customer-1', role: 'customer', tenantId: claim.customer.tenantId };
    return run(customer, { type: 'optOut', claimId: id, message: 'We did not work with this partner.' }, last(status));
  }
  // sent_for_evaluation: the consent window (7 days by default) has ended.
  return run(ACTORS.system, { type: 'closeConsentWindow', claimId: id, dueAt: approvedAt.toISOString() }, new Date(approvedAt.getTime() + 8 * 86_400_000));
}
