/**
 * The partner API: a partner files, edits, submits, resubmits, withdraws, disputes and comments on
 * claims of its own Partner ID, and sees only those. Another partner's claim answers 404, exactly
 * like a claim that does not exist.
 *
 * Bodies are the shared command schemas without `type` and `claimId` (the URL says those) and with
 * documents referenced by sha256; the actor is the signed-in user. Partners see their claims
 * without the reviewers' internal work (checklist, annotations, assignment).
 */
import { z } from 'zod';
import {
  clocks,
  commandSchemas,
  STATUS_LABELS,
  STATUSES,
  type Claim,
  type ClaimEvent,
  type ClockName,
  type CommandInput,
} from '../../../../shared/index';
import type { SignedInUser } from '../../actor';
import { loadClaim, loadEvents } from '../../claims/store';
import { claimNotFound, claimParamsSchema, runCommand, storable } from '../commands';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { route, type RouteSpec } from '../route';
import { documentRefsSchema, resolveDocumentRefs } from './documents';

const claimIdSchema = z.string().trim().min(1).max(200);

/** A partner's view of a claim: everything but the reviewers' internal work. */
export type PartnerClaimView = Omit<Claim, 'checklist' | 'annotations' | 'assignee'>;

export function partnerClaimView(claim: Claim): PartnerClaimView {
  const { checklist: _checklist, annotations: _annotations, assignee: _assignee, ...view } = claim;
  return view;
}

const INTERNAL_EVENTS: ReadonlySet<ClaimEvent['type']> = new Set(['checklistItemSet', 'annotated', 'assigned']);

/** History as the partner sees it: the reviewers' internal steps left out, the reviewer's id kept off `reviewStarted`. */
export function partnerEvents(events: readonly ClaimEvent[]): ClaimEvent[] {
  return events.filter((e) => !INTERNAL_EVENTS.has(e.type)).map((e) => (e.type === 'reviewStarted' ? ({ ...e, payload: {} } as unknown as ClaimEvent) : e));
}

/** Deadlines that are the partner's business: answering a request, disputing, the customer's consent. */
const PARTNER_CLOCKS: ReadonlySet<ClockName> = new Set(['partnerResponse', 'disputeWindow', 'consent']);

const listQuerySchema = z.strictObject({
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const createBodySchema = storable(
  commandSchemas.create.omit({ type: true, claimId: true, documents: true }).extend({
    /** Optional: a client may choose the id (a UUID is made otherwise), so a retried create does not file twice. */
    claimId: claimIdSchema.optional(),
    documents: documentRefsSchema.default([]),
  }),
);
const submitBodySchema = z.strictObject({}).optional();
const resubmitBodySchema = storable(commandSchemas.resubmit.omit({ type: true, claimId: true }).optional());
const withdrawBodySchema = storable(commandSchemas.withdraw.omit({ type: true, claimId: true }).optional());
const disputeBodySchema = storable(
  commandSchemas.dispute.omit({ type: true, claimId: true, addDocuments: true }).extend({
    addDocuments: documentRefsSchema.optional(),
  }),
);
const commentBodySchema = storable(
  commandSchemas.comment.omit({ type: true, claimId: true, commentId: true }).extend({
    commentId: claimIdSchema.optional(),
  }),
);
const { addDocuments: _fullDocuments, ...editableFields } = commandSchemas.edit.shape.changes.shape;
const editChangesSchema = z
  .strictObject({ ...editableFields, addDocuments: documentRefsSchema.optional() })
  .refine((c) => Object.keys(c).length > 0, { message: 'nothing to change' });
const editBodySchema = storable(z.strictObject({ changes: editChangesSchema }));
const attachBodySchema = storable(z.strictObject({ documents: documentRefsSchema.min(1, 'name at least one document') }));

export function partnerRoutes(deps: AppDeps): RouteSpec[] {
  const partnerIdOf = (user: SignedInUser): string => {
    if (user.partnerId === null) throw new ApiError(403, 'forbidden', 'This partner account is not bound to a Partner ID.');
    return user.partnerId;
  };
  const ownedBy = (user: SignedInUser) => {
    const partnerId = partnerIdOf(user);
    return (claim: Claim) => claim.partner.partnerId === partnerId;
  };
  const respond = (claim: Claim) => ({ claim: partnerClaimView(claim) });

  /** A claim command on a claim of this partner, answered with the claim as it now is. */
  const act = (user: SignedInUser, command: CommandInput) => runCommand(deps, user, command, { canSee: ownedBy(user) }).then((r) => respond(r.claim));

  /**
   * A partner account acts for its own Partner ID only: filing for another one, or moving a claim
   * to another one (which would hand it to that partner), is refused.
   */
  const checkPartnerId = (user: SignedInUser, doing: string, ...ids: (string | undefined)[]) => {
    const own = partnerIdOf(user);
    const other = ids.find((id) => id !== undefined && id !== own);
    if (other !== undefined) throw new ApiError(403, 'forbidden', `You act for Partner ID ${own} and cannot ${doing} Partner ID ${other}.`);
  };

  const claimAction = <S extends z.ZodType>(
    path: string,
    summary: string,
    body: S,
    toCommand: (claimId: string, body: z.output<S>, user: SignedInUser) => Promise<CommandInput> | CommandInput,
  ): RouteSpec =>
    route({
      method: 'POST',
      url: `/partner/claims/:id/${path}`,
      tag: 'partner',
      summary,
      roles: ['partner'],
      schemas: { params: claimParamsSchema, body },
      responds: '{ claim } as the partner sees it; 404 for a claim of another partner; 409 when the claim’s status or a window does not allow it',
      handler: async ({ params, body: parsed, user }) => act(user, await toCommand(params.id, parsed as z.output<S>, user)),
    });

  return [
    route({
      method: 'GET',
      url: '/partner/claims',
      tag: 'partner',
      summary: 'This partner’s claims, most recently changed first: summary rows with status and the deadline the partner must watch',
      roles: ['partner'],
      schemas: { query: listQuerySchema },
      responds: '{ claims: PartnerClaimSummary[], nextOffset: number | null }',
      handler: async ({ query, user }) => {
        const partnerId = partnerIdOf(user);
        const params = [partnerId, query.limit + 1, query.offset, ...(query.status ? [query.status] : [])];
        const rows = (
          await deps.db.query<{ snapshot: Claim }>(
            `select snapshot from claims where partner_id = $1 ${query.status ? 'and status = $4' : ''}
             order by updated_at desc, id limit $2 offset $3`,
            params,
          )
        ).rows;
        const now = deps.now();
        const settings = await deps.settings();
        const page = rows.slice(0, query.limit);
        return {
          claims: page.map(({ snapshot: claim }) => {
            const deadline = clocks(claim, now, settings.calendar, { policy: settings.policy }).find((r) => PARTNER_CLOCKS.has(r.clock));
            return {
              id: claim.id,
              status: claim.status,
              statusLabel: STATUS_LABELS[claim.status],
              customer: { tenantId: claim.customer.tenantId, name: claim.customer.name, domain: claim.customer.domain },
              products: claim.products.map((p) => p.productId),
              documentCount: claim.documents.length,
              createdAt: claim.createdAt,
              updatedAt: claim.updatedAt,
              firstSubmittedAt: claim.firstSubmittedAt,
              version: claim.version,
              deadline: deadline ? { clock: deadline.clock, dueAt: deadline.dueAt.toISOString() } : null,
              ...(claim.rejection ? { rejectionReasons: claim.rejection.reasons } : {}),
            };
          }),
          nextOffset: rows.length > query.limit ? query.offset + query.limit : null,
        };
      },
    }),
    route({
      method: 'GET',
      url: '/partner/claims/:id',
      tag: 'partner',
      summary: 'One claim of this partner with its history (the reviewers’ internal steps left out)',
      roles: ['partner'],
      schemas: { params: claimParamsSchema },
      responds: '{ claim, events }; 404 for a claim of another partner',
      handler: async ({ params, user }) => {
        const claim = await loadClaim(deps.db, params.id);
        if (!claim || !ownedBy(user)(claim)) throw claimNotFound(params.id);
        return { claim: partnerClaimView(claim), events: partnerEvents(await loadEvents(deps.db, claim.id)) };
      },
    }),
    route({
      method: 'POST',
      url: '/partner/claims',
      tag: 'partner',
      summary: 'File a claim (status draft). Documents by sha256 from POST /documents; the claim id is made by the server unless given',
      roles: ['partner'],
      schemas: { body: createBodySchema },
      responds: '201 { claim }; 403 for another Partner ID; 400 for an unknown document; 409 when the given claim id exists',
      handler: async ({ body, user, reply }) => {
        checkPartnerId(user, 'file a claim for', body.partner.partnerId);
        const { documents: refs, claimId, ...rest } = body;
        const documents = await resolveDocumentRefs(deps.db, user, refs, deps.now());
        const result = await runCommand(deps, user, { type: 'create', claimId: claimId ?? crypto.randomUUID(), ...rest, documents });
        reply.status(201);
        return respond(result.claim);
      },
    }),
    claimAction('submit', 'Submit a draft for review (needs a PoE document and a product)', submitBodySchema, (claimId) => ({ type: 'submit', claimId })),
    claimAction('resubmit', 'Resubmit after a request for information, inside the partner-response window', resubmitBodySchema, (claimId, body) => ({
      type: 'resubmit',
      claimId,
      ...body,
    })),
    claimAction('withdraw', 'Withdraw a claim that is submitted, in review or waiting for the partner', withdrawBodySchema, (claimId, body) => ({
      type: 'withdraw',
      claimId,
      ...body,
    })),
    claimAction(
      'dispute',
      'Dispute a rejection inside the dispute window, with a business justification and optionally new PoE (by sha256)',
      disputeBodySchema,
      async (claimId, { addDocuments, ...rest }, user) => ({
        type: 'dispute',
        claimId,
        ...rest,
        ...(addDocuments ? { addDocuments: await resolveDocumentRefs(deps.db, user, addDocuments, deps.now()) } : {}),
      }),
    ),
    claimAction('comment', 'Comment on a claim (stored and returned verbatim, as data)', commentBodySchema, (claimId, { commentId, text }) => ({
      type: 'comment',
      claimId,
      commentId: commentId ?? crypto.randomUUID(),
      text,
    })),
    claimAction(
      'edit',
      'Edit the fields the claim’s status allows (Partner ID, products, contacts, added PoE by sha256; more in draft)',
      editBodySchema,
      async (claimId, { changes: { addDocuments, ...changes } }, user) => {
        checkPartnerId(user, 'move a claim to', changes.partnerId, changes.partner?.partnerId);
        return {
          type: 'edit',
          claimId,
          changes: { ...changes, ...(addDocuments ? { addDocuments: await resolveDocumentRefs(deps.db, user, addDocuments, deps.now()) } : {}) },
        };
      },
    ),
    claimAction('documents', 'Attach uploaded PoE documents (by sha256) to a claim', attachBodySchema, async (claimId, { documents }, user) => ({
      type: 'edit',
      claimId,
      changes: { addDocuments: await resolveDocumentRefs(deps.db, user, documents, deps.now()) },
    })),
  ];
}
