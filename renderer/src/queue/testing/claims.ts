/** Hand-made claims for queue tests: one valid claim in a given status, with overrides. */
import type { Claim, Status } from '@shared/index';

export const T0 = '2026-10-01T16:00:00.000Z';

export type ClaimSpec = Partial<Omit<Claim, 'statusLog'>> & {
  /** When the claim entered its current status (default: `submittedAt`). */
  enteredAt?: string;
  /** First submission (default 2026-11-20T17:00Z); null for a draft. */
  submittedAt?: string | null;
};

/** A claim whose status log reads draft → submitted → … → `status`, entered at `enteredAt`. */
export function makeClaim(id: string, spec: ClaimSpec = {}): Claim {
  const status: Status = spec.status ?? 'submitted';
  const submittedAt = spec.submittedAt === undefined ? '2026-11-20T17:00:00.000Z' : spec.submittedAt;
  const enteredAt = spec.enteredAt ?? submittedAt ?? T0;
  const log: Claim['statusLog'] = [{ status: 'draft', from: T0, fromMs: Date.parse(T0) }];
  if (submittedAt !== null) log.push({ status: 'submitted', from: submittedAt, fromMs: Date.parse(submittedAt) });
  if (status !== 'draft' && status !== 'submitted') log.push({ status, from: enteredAt, fromMs: Date.parse(enteredAt) });
  else if (status === 'submitted' && enteredAt !== submittedAt) log.push({ status, from: enteredAt, fromMs: Date.parse(enteredAt) });
  const { enteredAt: _e, submittedAt: _s, ...rest } = spec;
  return {
    id,
    partner: { partnerId: '1234567', name: 'Contoso Consulting', contact: { name: 'Aiko Tanaka', email: 'aiko@contoso.example' } },
    customer: { tenantId: '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f', name: 'Fabrikam Ltd', domain: 'fabrikam.example' },
    products: [{ productId: 'd365_sales', family: 'business_applications' }],
    documents: [],
    checklist: {},
    annotations: [],
    comments: [],
    assignee: null,
    version: log.length,
    createdBy: 'partner-1',
    createdAt: T0,
    updatedAt: enteredAt,
    firstSubmittedAt: submittedAt,
    infoRequests: [],
    rejection: status === 'rejected' ? { reasons: ['insufficient_poe'], message: 'See reasons.', by: 'reviewer-1', at: enteredAt } : null,
    dispute: null,
    approvedAt: status === 'approved' ? enteredAt : null,
    ...rest,
    status,
    statusLog: log,
  };
}
