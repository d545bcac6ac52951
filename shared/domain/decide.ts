/**
 * The one decision function (SPEC §3): may this actor do this to this claim now, and what happens?
 * The renderer runs it for optimistic updates and to explain disabled actions; the server runs it
 * authoritatively. It reads no clock: `ctx.now` is the time of the decision.
 */
import type { z } from 'zod';
import type { Calendar } from '../calendar/calendar';
import { consentWindowEnd, disputeWindowEnd, partnerResponseDue, statusEnteredAt } from '../sla/deadlines';
import {
  DEFAULT_POLICY,
  EDITABLE_FIELDS,
  PRODUCT_BY_ID,
  REVIEWER_REJECTION_REASONS,
  STATUS_LABELS,
  STATUSES,
  UNDISPUTABLE_REASONS,
  type EditableStatus,
  type Policy,
  type Role,
  type Status,
} from './catalog';
import { missingChecklistItems } from './checklist';
import { unstorableTextPath } from './storableText';
import { commandSchema, type Command, type CommandOf, type CommandType } from './commands';
import type { Actor, Claim, ClaimEvent, Decision, DecisionError, DecisionErrorCode } from './model';

export type DecideContext = { actor: Actor; now: Date; calendar: Calendar; policy?: Partial<Policy> };

/** An event before `decide` stamps it with id, sequence, time and actor. */
type Draft = { [E in ClaimEvent as E['type']]: { type: E['type']; payload: E['payload'] } }[ClaimEvent['type']];
type Outcome = Draft[] | DecisionError;
type Env = { actor: Actor; now: Date; calendar: Calendar; policy: Policy };

type Rule<T extends CommandType> = {
  /** Verb used in refusal messages ("Cannot approve a claim that is …"). */
  verb: string;
  roles: readonly Role[];
  /** Statuses the command applies in; `null` for creation. */
  from: readonly Status[] | null;
  /** Reviewers must be the claim's assignee (supervisors always may). */
  assigneeOnly?: boolean;
  run: (claim: Claim, command: CommandOf<T>, env: Env) => Outcome;
};

const REVIEW_ROLES: readonly Role[] = ['reviewer', 'supervisor'];
const ALL_BUT_DRAFT: readonly Status[] = STATUSES.filter((s) => s !== 'draft');

const refuse = (code: DecisionErrorCode, message: string): DecisionError => ({ code, message });
const one = <D extends Draft>(draft: D): Draft[] => [draft];

const RULES: { [T in Exclude<CommandType, 'create'>]: Rule<T> } = {
  submit: {
    verb: 'submit',
    roles: ['partner'],
    from: ['draft'],
    run: (claim) => {
      if (claim.documents.length === 0) return refuse('precondition_failed', 'Cannot submit: attach at least one PoE document first.');
      if (claim.products.length === 0) return refuse('precondition_failed', 'Cannot submit: claim at least one product.');
      return one({ type: 'submitted', payload: {} });
    },
  },
  startReview: {
    verb: 'start reviewing',
    roles: REVIEW_ROLES,
    from: ['submitted'],
    run: (claim, _command, { actor }) => {
      if (actor.role === 'reviewer' && claim.assignee !== null && claim.assignee !== actor.id) {
        return refuse('forbidden', `Cannot start reviewing: the claim is assigned to ${claim.assignee}.`);
      }
      return one({ type: 'reviewStarted', payload: { assignee: claim.assignee ?? actor.id } });
    },
  },
  requestInfo: {
    verb: 'request information on',
    roles: REVIEW_ROLES,
    from: ['in_review'],
    assigneeOnly: true,
    run: (claim, { codes, message, removeProducts }) => {
      const unknown = removeProducts?.find((p) => !claim.products.some((c) => c.productId === p));
      if (unknown) return refuse('validation', `Cannot ask to remove ${unknown}: it is not claimed.`);
      return one({ type: 'infoRequested', payload: { codes: [...new Set(codes)], message, ...(removeProducts ? { removeProducts } : {}) } });
    },
  },
  resubmit: {
    verb: 'resubmit',
    roles: ['partner'],
    from: ['partner_action_needed'],
    run: (claim, { message }, { now, calendar, policy }) => {
      const due = partnerResponseDue(claim, calendar, policy);
      if (now.getTime() >= due.getTime()) {
        return refuse('window_closed', `Cannot resubmit: the partner-response window closed at ${due.toISOString()}.`);
      }
      return one({ type: 'resubmitted', payload: optional({ message }) });
    },
  },
  approve: {
    verb: 'approve',
    roles: REVIEW_ROLES,
    from: ['in_review'],
    assigneeOnly: true,
    run: (claim, { message }) => checklistComplete(claim, 'approve') ?? one({ type: 'approved', payload: optional({ message }) }),
  },
  reject: {
    verb: 'reject',
    roles: REVIEW_ROLES,
    from: ['in_review'],
    assigneeOnly: true,
    run: (_claim, { reasons, message }) => {
      const allowed: readonly string[] = REVIEWER_REJECTION_REASONS;
      const wrong = reasons.find((r) => !allowed.includes(r));
      if (wrong) return refuse('validation', `A reviewer cannot reject with reason ${wrong}; choose one of ${allowed.join(', ')}.`);
      return one({ type: 'rejected', payload: { reasons: [...new Set(reasons)], message } });
    },
  },
  withdraw: {
    verb: 'withdraw',
    roles: ['partner'],
    from: ['submitted', 'in_review', 'partner_action_needed'],
    run: (_claim, { message }) => one({ type: 'withdrawn', payload: optional({ message }) }),
  },
  optOut: {
    verb: 'opt out of',
    roles: ['customer'],
    from: ['approved'],
    run: (claim, { message }, { now, calendar, policy }) => {
      const end = consentWindowEnd(statusEnteredAt(claim), calendar, policy);
      if (now.getTime() >= end.getTime()) return refuse('window_closed', `Cannot opt out: the consent window closed at ${end.toISOString()}.`);
      return one({ type: 'optedOut', payload: optional({ message }) });
    },
  },
  dispute: {
    verb: 'dispute',
    roles: ['partner'],
    from: ['rejected'],
    run: (claim, { justification, addDocuments }, { now, policy }) => {
      const rejection = claim.rejection;
      const undisputable = rejection?.reasons.find((r) => UNDISPUTABLE_REASONS.includes(r));
      if (undisputable) return refuse('not_disputable', `Cannot dispute a claim rejected for ${undisputable}.`);
      if (claim.dispute) return refuse('not_disputable', 'Cannot dispute: this claim was already disputed once; a new claim is needed.');
      const end = disputeWindowEnd(statusEnteredAt(claim), policy);
      if (now.getTime() >= end.getTime()) return refuse('window_closed', `Cannot dispute: the dispute window closed at ${end.toISOString()}.`);
      return one({ type: 'disputed', payload: { justification, ...(addDocuments?.length ? { addDocuments } : {}) } });
    },
  },
  approveDispute: {
    verb: 'approve the dispute of',
    roles: REVIEW_ROLES,
    from: ['disputed'],
    assigneeOnly: true,
    run: (claim, { message }) =>
      checklistComplete(claim, 'approve the dispute') ?? one({ type: 'disputeApproved', payload: optional({ message }) }),
  },
  denyDispute: {
    verb: 'deny the dispute of',
    roles: REVIEW_ROLES,
    from: ['disputed'],
    assigneeOnly: true,
    run: (_claim, { message }) => one({ type: 'disputeDenied', payload: { message } }),
  },
  comment: {
    verb: 'comment on',
    roles: ['partner', 'reviewer', 'supervisor'],
    from: ALL_BUT_DRAFT,
    run: (claim, { commentId, text }) => {
      if (claim.comments.some((c) => c.id === commentId)) return refuse('already_exists', `Comment ${commentId} already exists.`);
      return one({ type: 'commented', payload: { commentId, text } });
    },
  },
  setChecklistItem: {
    verb: 'change the checklist of',
    roles: REVIEW_ROLES,
    from: ['in_review', 'disputed'],
    assigneeOnly: true,
    run: (claim, { item, result, note, evidence }) => {
      const wrong = unknownItem(claim, item) ?? unknownDocument(claim, evidence?.map((e) => e.sha256) ?? []);
      if (wrong) return wrong;
      return one({ type: 'checklistItemSet', payload: { item, result, ...optional({ note }), ...(evidence ? { evidence } : {}) } });
    },
  },
  annotate: {
    verb: 'annotate',
    roles: REVIEW_ROLES,
    from: ['in_review', 'disputed'],
    assigneeOnly: true,
    run: (claim, { type: _type, claimId: _claimId, annotationId, ...rest }) => {
      if (claim.annotations.some((a) => a.id === annotationId)) return refuse('already_exists', `Annotation ${annotationId} already exists.`);
      const wrong = (rest.item ? unknownItem(claim, rest.item) : undefined) ?? unknownDocument(claim, [rest.sha256]);
      if (wrong) return wrong;
      const doc = claim.documents.find((d) => d.sha256 === rest.sha256);
      if (doc && doc.pages > 0 && rest.page > doc.pages) return refuse('validation', `Page ${rest.page} is past the end of ${doc.fileName} (${doc.pages} pages).`);
      return one({ type: 'annotated', payload: { id: annotationId, ...rest } });
    },
  },
  assign: {
    verb: 'assign',
    roles: ['supervisor'],
    from: ['submitted', 'in_review', 'partner_action_needed', 'disputed'],
    run: (claim, { assignee }) => {
      if (claim.assignee === assignee) return refuse('precondition_failed', `The claim is already ${assignee ? `assigned to ${assignee}` : 'unassigned'}.`);
      return one({ type: 'assigned', payload: { assignee } });
    },
  },
  edit: {
    verb: 'edit',
    roles: ['partner'],
    from: ['draft', 'submitted', 'partner_action_needed'],
    run: (claim, { changes }, { actor }) => {
      const allowed: readonly string[] = EDITABLE_FIELDS[claim.status as EditableStatus];
      const locked = Object.keys(changes).find((field) => !allowed.includes(field));
      if (locked) {
        return refuse('forbidden', `Cannot edit ${locked} of a claim that is ${STATUS_LABELS[claim.status]} (${claim.status}); editable now: ${allowed.join(', ')}.`);
      }
      const newPartnerId = changes.partnerId ?? changes.partner?.partnerId;
      if (actor.partnerId !== undefined && newPartnerId !== undefined && newPartnerId !== actor.partnerId) {
        return refuse('forbidden', `You act for Partner ID ${actor.partnerId} and cannot move this claim to ${newPartnerId}; that partner must file it.`);
      }
      const removed = new Set(changes.removeDocuments ?? []);
      const remaining = claim.documents.filter((d) => !removed.has(d.sha256)).length + (changes.addDocuments?.length ?? 0);
      if (claim.status !== 'draft' && remaining === 0) return refuse('precondition_failed', 'Cannot edit: a submitted claim keeps at least one PoE document.');
      return one({ type: 'edited', payload: changes });
    },
  },
  expirePartnerResponse: {
    verb: 'expire the partner response of',
    roles: ['system'],
    from: ['partner_action_needed'],
    run: (claim, _command, { now, calendar, policy }) => {
      const due = partnerResponseDue(claim, calendar, policy);
      if (now.getTime() < due.getTime()) return refuse('not_due', `The partner-response window is open until ${due.toISOString()}.`);
      return one({ type: 'partnerResponseExpired', payload: { dueAt: due.toISOString() } });
    },
  },
  closeConsentWindow: {
    verb: 'close the consent window of',
    roles: ['system'],
    from: ['approved'],
    run: (claim, _command, { now, calendar, policy }) => {
      const end = consentWindowEnd(statusEnteredAt(claim), calendar, policy);
      if (now.getTime() < end.getTime()) return refuse('not_due', `The consent window is open until ${end.toISOString()}.`);
      return one({ type: 'sentForEvaluation', payload: { dueAt: end.toISOString() } });
    },
  },
};

function optional<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

function checklistComplete(claim: Claim, verb: string): DecisionError | undefined {
  if (claim.documents.length === 0) return refuse('checklist_incomplete', `Cannot ${verb}: the claim has no PoE document.`);
  const missing = missingChecklistItems(claim);
  if (missing.length === 0) return undefined;
  return refuse('checklist_incomplete', `Cannot ${verb}: checklist items not passed: ${missing.join(', ')}.`);
}

function unknownItem(claim: Claim, item: string): DecisionError | undefined {
  if (!item.startsWith('product:')) return undefined;
  const productId = item.slice('product:'.length);
  if (claim.products.some((p) => p.productId === productId)) return undefined;
  return refuse('validation', `Checklist item ${item} does not exist: ${productId} is not claimed.`);
}

function unknownDocument(claim: Claim, hashes: string[]): DecisionError | undefined {
  const missing = hashes.find((h) => !claim.documents.some((d) => d.sha256 === h));
  return missing ? refuse('validation', `Document ${missing} is not attached to this claim.`) : undefined;
}

/** A zod error as one sentence a person can act on. */
export function describeValidationError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

function ownsClaim(actor: Actor, claim: Claim): boolean {
  if (actor.role === 'partner') return actor.partnerId === undefined || actor.partnerId === claim.partner.partnerId;
  if (actor.role === 'customer') return actor.tenantId === undefined || actor.tenantId.toLowerCase() === claim.customer.tenantId.toLowerCase();
  return true;
}

function decideCreate(claim: Claim | null, command: CommandOf<'create'>, actor: Actor): Outcome {
  if (actor.role !== 'partner') return refuse('forbidden', `A ${actor.role} cannot create claims; partners create them.`);
  if (claim) return refuse('already_exists', `Claim ${command.claimId} already exists.`);
  if (actor.partnerId !== undefined && actor.partnerId !== command.partner.partnerId) {
    return refuse('forbidden', `You act for Partner ID ${actor.partnerId} and cannot create a claim for ${command.partner.partnerId}.`);
  }
  const products = command.products.map((productId) => ({ productId, family: PRODUCT_BY_ID.get(productId)!.family }));
  return one({ type: 'created', payload: { partner: command.partner, customer: command.customer, products, documents: command.documents } });
}

function decideOn(claim: Claim | null, command: Command, env: Env): Outcome {
  if (command.type === 'create') return decideCreate(claim, command, env.actor);
  if (!claim) return refuse('not_found', `Claim ${command.claimId} does not exist.`);
  // Indexed by the command's own type, so the rule's command type matches; TypeScript cannot see that.
  const rule = RULES[command.type] as Rule<CommandType>;
  const { actor } = env;
  if (!rule.roles.includes(actor.role)) {
    return refuse('forbidden', `A ${actor.role} cannot ${rule.verb} a claim.`);
  }
  if (!ownsClaim(actor, claim)) return refuse('forbidden', `Claim ${claim.id} belongs to another ${actor.role === 'partner' ? 'partner' : 'customer'}.`);
  if (rule.from && !rule.from.includes(claim.status)) {
    return refuse('invalid_transition', `Cannot ${rule.verb} a claim that is ${STATUS_LABELS[claim.status]} (status ${claim.status}, command ${command.type}).`);
  }
  if (rule.assigneeOnly && actor.role === 'reviewer' && claim.assignee !== actor.id) {
    return refuse(
      'forbidden',
      claim.assignee
        ? `Cannot ${rule.verb} this claim: it is assigned to ${claim.assignee}; only its assignee or a supervisor can.`
        : `Cannot ${rule.verb} this claim: it has no assignee; start the review or ask a supervisor to assign it.`,
    );
  }
  return rule.run(claim, command as CommandOf<CommandType>, env);
}

export function decide(claim: Claim | null, input: unknown, ctx: DecideContext): Decision {
  const unstorable = unstorableTextPath(input);
  if (unstorable) {
    return { ok: false, error: refuse('validation', `${unstorable}: contains a NUL character or broken Unicode that cannot be stored.`) };
  }
  const parsed = commandSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: refuse('validation', describeValidationError(parsed.error)) };
  const command = parsed.data;
  if (claim && claim.id !== command.claimId) {
    return { ok: false, error: refuse('validation', `Command is for claim ${command.claimId} but was given claim ${claim.id}.`) };
  }
  if (Number.isNaN(ctx.now.getTime())) return { ok: false, error: refuse('validation', 'The decision time is not a valid date.') };
  const env: Env = { actor: ctx.actor, now: ctx.now, calendar: ctx.calendar, policy: { ...DEFAULT_POLICY, ...ctx.policy } };
  const outcome = decideOn(claim, command, env);
  if (!Array.isArray(outcome)) return { ok: false, error: outcome };

  const at = ctx.now.toISOString();
  const base = claim?.version ?? 0;
  const events = outcome.map(
    (draft, i) =>
      ({
        id: `${command.claimId}:${base + i + 1}`,
        claimId: command.claimId,
        seq: base + i + 1,
        at,
        actor: { id: ctx.actor.id, role: ctx.actor.role },
        ...draft,
      }) as ClaimEvent,
  );
  return { ok: true, events };
}
