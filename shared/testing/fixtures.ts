/**
 * Builders for tests across layers (shared, server, renderer): valid commands, actors and claims
 * driven through the real `decide`/`evolve`, never hand-made snapshots.
 */
import type { Calendar } from '../calendar/calendar';
import type { CommandInput } from '../domain/commands';
import { decide, type DecideContext } from '../domain/decide';
import { evolve } from '../domain/evolve';
import type { Actor, Claim, ClaimEvent } from '../domain/model';

export const TEST_CALENDAR: Calendar = {
  timeZone: 'America/Los_Angeles',
  weekend: [0, 6],
  holidays: ['2026-11-26', '2026-11-27', '2026-12-25', '2027-01-01'],
};

export const PARTNER_ID = '1234567';
export const TENANT_ID = '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f';
export const SHA_A = 'a'.repeat(64);
export const SHA_B = 'b'.repeat(64);

export const actors = {
  partner: { id: 'partner-1', role: 'partner', partnerId: PARTNER_ID },
  otherPartner: { id: 'partner-2', role: 'partner', partnerId: '7654321' },
  reviewer: { id: 'reviewer-1', role: 'reviewer' },
  otherReviewer: { id: 'reviewer-2', role: 'reviewer' },
  supervisor: { id: 'supervisor-1', role: 'supervisor' },
  customer: { id: 'customer-1', role: 'customer', tenantId: TENANT_ID },
  otherCustomer: { id: 'customer-2', role: 'customer', tenantId: '00000000-0000-4000-8000-000000000000' },
  system: { id: 'system', role: 'system' },
} as const satisfies Record<string, Actor>;

export function poeDocument(sha256 = SHA_A, pages = 3) {
  return {
    sha256,
    fileName: `poe-${sha256.slice(0, 6)}.pdf`,
    mediaType: 'application/pdf' as const,
    size: 12_345,
    pages,
    uploadedBy: actors.partner.id,
    uploadedAt: '2026-11-02T17:00:00.000Z',
  };
}

export function createCommand(claimId = 'claim-1', products: string[] = ['d365_sales', 'power_bi']): CommandInput {
  return {
    type: 'create',
    claimId,
    partner: { partnerId: PARTNER_ID, name: 'Contoso Consulting', contact: { name: 'Aiko Tanaka', email: 'aiko@contoso-consulting.example' } },
    customer: { tenantId: TENANT_ID, name: 'Fabrikam Ltd', domain: 'fabrikam.example' },
    products,
    documents: [poeDocument()],
  };
}

/** Applies a command or throws with the refusal: for building histories in tests. */
export function apply(claim: Claim | null, command: CommandInput, actor: Actor, now: Date, calendar: Calendar = TEST_CALENDAR): { claim: Claim; events: ClaimEvent[] } {
  const ctx: DecideContext = { actor, now, calendar };
  const decision = decide(claim, command, ctx);
  if (!decision.ok) throw new Error(`${command.type} refused: ${decision.error.code}: ${decision.error.message}`);
  let next = claim;
  for (const event of decision.events) next = evolve(next, event);
  return { claim: next!, events: decision.events };
}

/** Passes every checklist item of a claim in review. */
export function passAll(claim: Claim, actor: Actor, now: Date): Claim {
  const items = ['poe_present', 'customer_verification', 'date', 'partner_solution', ...claim.products.map((p) => `product:${p.productId}`)];
  let current = claim;
  for (const item of items) {
    current = apply(current, { type: 'setChecklistItem', claimId: claim.id, item: item as 'date', result: 'pass' }, actor, now).claim;
  }
  return current;
}
