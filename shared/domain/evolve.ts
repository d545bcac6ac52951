/** The fold: a claim is what its events say (SPEC §7). Pure and total over valid histories. */
import { PRODUCT_BY_ID, type RejectionReason, type Status } from './catalog';
import type { Claim, ClaimEvent, ClaimedProduct, EditChanges } from './model';

function toClaimedProducts(ids: string[]): ClaimedProduct[] {
  return ids.map((productId) => ({ productId, family: PRODUCT_BY_ID.get(productId)?.family ?? 'business_applications' }));
}

function enter(claim: Claim, status: Status, at: string): Claim {
  return { ...claim, status, statusLog: [...claim.statusLog, { status, from: at, fromMs: Date.parse(at) }] };
}

function applyEdit(claim: Claim, changes: EditChanges): Claim {
  let next = claim;
  if (changes.partner) next = { ...next, partner: changes.partner };
  if (changes.partnerId) next = { ...next, partner: { ...next.partner, partnerId: changes.partnerId } };
  if (changes.partnerContact) next = { ...next, partner: { ...next.partner, contact: changes.partnerContact } };
  if (changes.customer) next = { ...next, customer: changes.customer };
  if (changes.customerContact) next = { ...next, customer: { ...next.customer, contact: changes.customerContact } };
  if (changes.products) next = { ...next, products: toClaimedProducts(changes.products) };
  if (changes.removeDocuments) {
    const removed = new Set(changes.removeDocuments);
    next = { ...next, documents: next.documents.filter((d) => !removed.has(d.sha256)) };
  }
  if (changes.addDocuments) next = { ...next, documents: addDocuments(next.documents, changes.addDocuments) };
  return next;
}

/** Adds documents not already attached (documents are content-addressed: same hash, same file). */
function addDocuments(existing: Claim['documents'], added: Claim['documents']): Claim['documents'] {
  const result = [...existing];
  const known = new Set(existing.map((d) => d.sha256));
  for (const doc of added) {
    if (known.has(doc.sha256)) continue;
    known.add(doc.sha256);
    result.push(doc);
  }
  return result;
}

function reject(claim: Claim, event: ClaimEvent, reasons: RejectionReason[], message: string): Claim {
  return { ...enter(claim, 'rejected', event.at), rejection: { reasons, message, by: event.actor.id, at: event.at } };
}

export function evolve(claim: Claim | null, event: ClaimEvent): Claim {
  if (event.type === 'created') {
    const p = event.payload;
    return {
      id: event.claimId,
      partner: p.partner,
      customer: p.customer,
      products: p.products,
      documents: addDocuments([], p.documents),
      checklist: {},
      annotations: [],
      comments: [],
      assignee: null,
      status: 'draft',
      version: event.seq,
      createdBy: event.actor.id,
      createdAt: event.at,
      updatedAt: event.at,
      firstSubmittedAt: null,
      statusLog: [{ status: 'draft', from: event.at, fromMs: Date.parse(event.at) }],
      infoRequests: [],
      rejection: null,
      dispute: null,
      approvedAt: null,
    };
  }
  if (!claim) throw new Error(`event ${event.type} of claim ${event.claimId} has no claim to apply to`);
  const next = applyEvent(claim, event);
  return { ...next, version: event.seq, updatedAt: event.at };
}

function applyEvent(claim: Claim, event: ClaimEvent): Claim {
  switch (event.type) {
    case 'created':
      return claim;
    case 'submitted':
      return { ...enter(claim, 'submitted', event.at), firstSubmittedAt: claim.firstSubmittedAt ?? event.at };
    case 'reviewStarted':
      return { ...enter(claim, 'in_review', event.at), assignee: event.payload.assignee };
    case 'infoRequested':
      return {
        ...enter(claim, 'partner_action_needed', event.at),
        infoRequests: [...claim.infoRequests, { ...event.payload, by: event.actor.id, at: event.at }],
      };
    case 'resubmitted':
      return enter(claim, 'submitted', event.at);
    case 'approved':
      return { ...enter(claim, 'approved', event.at), approvedAt: event.at };
    case 'rejected':
      return reject(claim, event, event.payload.reasons, event.payload.message);
    case 'withdrawn':
      return reject(claim, event, ['partner_request'], event.payload.message ?? '');
    case 'optedOut':
      return reject(claim, event, ['customer_rejected'], event.payload.message ?? '');
    case 'partnerResponseExpired':
      return reject(claim, event, ['no_partner_response'], 'The partner did not respond within the response window.');
    case 'disputeDenied':
      return reject(claim, event, ['dispute_denied'], event.payload.message);
    case 'disputed':
      return {
        ...enter(claim, 'disputed', event.at),
        documents: event.payload.addDocuments ? addDocuments(claim.documents, event.payload.addDocuments) : claim.documents,
        dispute: { justification: event.payload.justification, by: event.actor.id, at: event.at },
      };
    case 'disputeApproved':
      return { ...enter(claim, 'approved', event.at), approvedAt: event.at };
    case 'sentForEvaluation':
      return enter(claim, 'sent_for_evaluation', event.at);
    case 'commented':
      return {
        ...claim,
        comments: [...claim.comments, { id: event.payload.commentId, by: event.actor.id, role: event.actor.role, at: event.at, text: event.payload.text }],
      };
    case 'checklistItemSet': {
      const { item, ...entry } = event.payload;
      return { ...claim, checklist: { ...claim.checklist, [item]: { ...entry, by: event.actor.id, at: event.at } } };
    }
    case 'annotated':
      return { ...claim, annotations: [...claim.annotations, { ...event.payload, by: event.actor.id, at: event.at }] };
    case 'assigned':
      return { ...claim, assignee: event.payload.assignee };
    case 'edited':
      return applyEdit(claim, event.payload);
  }
}

/** The claim its events describe. Events must be one claim's, in order, starting with `created`. */
export function replay(events: readonly ClaimEvent[]): Claim {
  let claim: Claim | null = null;
  for (const event of events) claim = evolve(claim, event);
  if (!claim) throw new Error('cannot replay a claim from no events');
  return claim;
}
