/**
 * Read helpers for reviewers and supervisors (sync already delivers everything to workstations;
 * these serve tools and scripts): one claim with its clocks, its history, and the cross-claim
 * checks of SPEC §5a — other claims on the same tenant and product, and PoE files whose SHA-256
 * also appears on another claim. Both use the GIN-indexed jsonb containment on claims.snapshot.
 */
import { clocks, STATUS_LABELS, type Claim } from '../../../../shared/index';
import { loadClaim, loadEvents } from '../../claims/store';
import type { SqlParam } from '../../db/index';
import { claimNotFound, claimParamsSchema } from '../commands';
import type { AppDeps } from '../deps';
import { route, type RouteSpec } from '../route';

const REVIEW_ROLES = ['reviewer', 'supervisor'] as const;

const summary = (claim: Claim) => ({
  id: claim.id,
  status: claim.status,
  statusLabel: STATUS_LABELS[claim.status],
  partner: { partnerId: claim.partner.partnerId, name: claim.partner.name },
  customer: { tenantId: claim.customer.tenantId, name: claim.customer.name },
  products: claim.products.map((p) => p.productId),
  assignee: claim.assignee,
  firstSubmittedAt: claim.firstSubmittedAt,
  updatedAt: claim.updatedAt,
});

/** `(expr @> $a or expr @> $b …)` over jsonb arrays of one-key objects, numbering parameters from `first`. */
function containsAny(expression: string, key: string, values: readonly string[], first: number): { sql: string; params: SqlParam[] } {
  return {
    sql: `(${values.map((_, i) => `${expression} @> $${first + i}::jsonb`).join(' or ')})`,
    params: values.map((v) => JSON.stringify([{ [key]: v }])),
  };
}

export function claimRoutes(deps: AppDeps): RouteSpec[] {
  const load = async (id: string) => {
    const claim = await loadClaim(deps.db, id);
    if (!claim) throw claimNotFound(id);
    return claim;
  };

  return [
    route({
      method: 'GET',
      url: '/claims/:id',
      tag: 'claims',
      summary: 'One claim as the server holds it, with its SLA clock readings now',
      roles: REVIEW_ROLES,
      schemas: { params: claimParamsSchema },
      responds: '{ claim, clocks }',
      handler: async ({ params }) => {
        const claim = await load(params.id);
        const settings = await deps.settings();
        return { claim, clocks: clocks(claim, deps.now(), settings.calendar, { policy: settings.policy }) };
      },
    }),
    route({
      method: 'GET',
      url: '/claims/:id/events',
      tag: 'claims',
      summary: 'The full history of a claim, oldest first',
      roles: REVIEW_ROLES,
      schemas: { params: claimParamsSchema },
      responds: '{ events }',
      handler: async ({ params }) => {
        await load(params.id);
        return { events: await loadEvents(deps.db, params.id) };
      },
    }),
    route({
      method: 'GET',
      url: '/claims/:id/related',
      tag: 'claims',
      summary:
        'Cross-claim checks (SPEC §5a): other claims on the same tenant naming one of this claim’s products, and this claim’s PoE files that also appear on other claims',
      roles: REVIEW_ROLES,
      schemas: { params: claimParamsSchema },
      responds: '{ claimId, sameTenantProduct: [{ …claim summary, sharedProducts }], sharedDocuments: [{ sha256, fileName, claims: [claim summary] }] }',
      handler: async ({ params }) => {
        const claim = await load(params.id);
        const productIds = claim.products.map((p) => p.productId);
        const hashes = claim.documents.map((d) => d.sha256);

        let sameTenantProduct: Claim[] = [];
        if (productIds.length > 0) {
          const any = containsAny(`(snapshot -> 'products')`, 'productId', productIds, 3);
          sameTenantProduct = (
            await deps.db.query<{ snapshot: Claim }>(
              `select snapshot from claims where tenant_id = $1 and id <> $2 and ${any.sql} order by updated_at desc, id limit 200`,
              [claim.customer.tenantId, claim.id, ...any.params],
            )
          ).rows.map((r) => r.snapshot);
        }

        let sharing: Claim[] = [];
        if (hashes.length > 0) {
          const any = containsAny(`(snapshot -> 'documents')`, 'sha256', hashes, 2);
          sharing = (
            await deps.db.query<{ snapshot: Claim }>(`select snapshot from claims where id <> $1 and ${any.sql} order by updated_at desc, id limit 200`, [
              claim.id,
              ...any.params,
            ])
          ).rows.map((r) => r.snapshot);
        }

        return {
          claimId: claim.id,
          sameTenantProduct: sameTenantProduct.map((other) => ({
            ...summary(other),
            sharedProducts: other.products.map((p) => p.productId).filter((p) => productIds.includes(p)),
          })),
          sharedDocuments: claim.documents
            .map((doc) => ({
              sha256: doc.sha256,
              fileName: doc.fileName,
              claims: sharing.filter((other) => other.documents.some((d) => d.sha256 === doc.sha256)).map(summary),
            }))
            .filter((d) => d.claims.length > 0),
        };
      },
    }),
  ];
}
