/**
 * The customer API: a customer sees the partner associations of its own tenant — approved (consent
 * window open), sent for evaluation, or opted out — and may opt out while the consent window is
 * open. Claims of other tenants, and claims of its tenant that are not associations yet, answer
 * 404 like claims that do not exist.
 */
import { z } from 'zod';
import {
  clocks,
  commandSchemas,
  consentWindowEnd,
  lastEnteredAt,
  PRODUCT_BY_ID,
  STATUS_LABELS,
  statusEnteredAt,
  type Claim,
} from '../../../../shared/index';
import type { SignedInUser } from '../../actor';
import type { SlaSettings } from '../../settings';
import { claimParamsSchema, runCommand, storable } from '../commands';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { route, type RouteSpec } from '../route';

const optedOut = (claim: Claim) => claim.status === 'rejected' && (claim.rejection?.reasons.includes('customer_rejected') ?? false);

/** Whether the claim is an association its customer may see. */
export function isAssociation(claim: Claim): boolean {
  return claim.status === 'approved' || claim.status === 'sent_for_evaluation' || optedOut(claim);
}

function associationView(claim: Claim, now: Date, settings: SlaSettings) {
  const approvedAt = lastEnteredAt(claim, 'approved');
  const reading = clocks(claim, now, settings.calendar, { policy: settings.policy }).find((r) => r.clock === 'consent');
  const endsAt = reading?.dueAt ?? (approvedAt ? consentWindowEnd(approvedAt, settings.calendar, settings.policy) : null);
  const open = claim.status === 'approved' && endsAt !== null && now.getTime() < endsAt.getTime();
  return {
    id: claim.id,
    status: claim.status,
    statusLabel: STATUS_LABELS[claim.status],
    partner: { partnerId: claim.partner.partnerId, name: claim.partner.name },
    customer: { tenantId: claim.customer.tenantId, name: claim.customer.name, domain: claim.customer.domain },
    products: claim.products.map((p) => ({ productId: p.productId, name: PRODUCT_BY_ID.get(p.productId)?.name ?? p.productId, family: p.family })),
    approvedAt: approvedAt?.toISOString() ?? null,
    consentWindow: { endsAt: endsAt?.toISOString() ?? null, open },
    optedOutAt: optedOut(claim) ? statusEnteredAt(claim).toISOString() : null,
  };
}

const listQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
const optOutBodySchema = storable(commandSchemas.optOut.omit({ type: true, claimId: true }).optional());

export function customerRoutes(deps: AppDeps): RouteSpec[] {
  const tenantOf = (user: SignedInUser): string => {
    if (user.tenantId === null) throw new ApiError(403, 'forbidden', 'This customer account is not bound to a tenant.');
    return user.tenantId;
  };

  return [
    route({
      method: 'GET',
      url: '/customer/associations',
      tag: 'customer',
      summary: 'Partner associations of this tenant: approved (with the consent window end), sent for evaluation, or opted out',
      roles: ['customer'],
      schemas: { query: listQuerySchema },
      responds: '{ associations: [{ id, status, statusLabel, partner, customer, products, approvedAt, consentWindow: { endsAt, open }, optedOutAt }], nextOffset }',
      handler: async ({ query, user }) => {
        const rows = (
          await deps.db.query<{ snapshot: Claim }>(
            `select snapshot from claims
             where tenant_id = $1 and (status in ('approved', 'sent_for_evaluation')
               or (status = 'rejected' and snapshot -> 'rejection' -> 'reasons' @> '["customer_rejected"]'::jsonb))
             order by updated_at desc, id limit $2 offset $3`,
            [tenantOf(user), query.limit + 1, query.offset],
          )
        ).rows;
        const now = deps.now();
        const settings = await deps.settings();
        return {
          associations: rows.slice(0, query.limit).map((r) => associationView(r.snapshot, now, settings)),
          nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
        };
      },
    }),
    route({
      method: 'POST',
      url: '/customer/associations/:id/opt-out',
      tag: 'customer',
      summary: 'Opt out of an approved association while the consent window is open (the claim is rejected: customer_rejected)',
      roles: ['customer'],
      schemas: { params: claimParamsSchema, body: optOutBodySchema },
      responds: '{ association }; 404 for another tenant’s claim; 409 window_closed after the consent window',
      handler: async ({ params, body, user }) => {
        const tenantId = tenantOf(user);
        const settings = await deps.settings();
        const result = await runCommand(
          deps,
          user,
          { type: 'optOut', claimId: params.id, ...body },
          {
            canSee: (claim) => claim.customer.tenantId === tenantId && isAssociation(claim),
            precheck: (claim) => {
              if (claim.status !== 'sent_for_evaluation') return undefined;
              // The scheduler already closed the window: say so, rather than "wrong status".
              const approvedAt = lastEnteredAt(claim, 'approved');
              const end = approvedAt ? ` at ${consentWindowEnd(approvedAt, settings.calendar, settings.policy).toISOString()}` : '';
              return new ApiError(409, 'window_closed', `Cannot opt out: the consent window closed${end} and the association was sent for evaluation.`);
            },
          },
        );
        return { association: associationView(result.claim, deps.now(), settings) };
      },
    }),
  ];
}
