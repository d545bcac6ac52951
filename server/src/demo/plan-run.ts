/**
 * Plays one demo claim's story forward through the shared `decide`/`evolve`, turning beats into
 * commands and filling the time between beats with what people do meanwhile (checklist ticks,
 * annotations, comments, assignments, edits). Every command is checked as it is made, so a plan
 * that builds is a plan the server accepts.
 */
import {
  businessTimeline,
  checklistItems,
  consentWindowEnd,
  decide,
  deficiencyCodeOf,
  DEFAULT_POLICY,
  evolve,
  partnerResponseDue,
  type Actor,
  type Calendar,
  type ChecklistItemKey,
  type Claim,
  type CommandInput,
  type Rect,
} from '../../../shared/index';
import type { DemoCustomer, DemoPartner } from './data';
import { failingItems, deficienciesOf, type DocPlan } from './plan-docs';
import * as texts from './plan-texts';
import type { BeatKind, Timeline } from './plan-timeline';
import type { GeneratedPoe } from './poe-pdfs';
import type { Rng } from './random';

export type DemoActor = Actor;
export type DemoStep = { at: Date; actor: DemoActor; command: CommandInput };

export type BuiltDoc = { sha256: string; size: number; generated: Omit<GeneratedPoe, 'bytes'> };

export type ClaimScript = {
  index: number;
  id: string;
  timeline: Timeline;
  partner: DemoPartner;
  customer: DemoCustomer;
  products: string[];
  /** Language people write comments in on this claim. */
  lang: texts.Lang;
  reviewer: string;
  /** Attached at creation; empty for drafts that add PoE later. */
  initialDocs: DocPlan[];
  /** Added while still a draft. */
  draftDocs: DocPlan[];
  /** Added before resubmitting, to answer the request for information. */
  fixDocs: DocPlan[];
  /** Products the reviewer asks to remove (the PoE does not support them) and the partner removes. */
  removeProducts: string[];
  disputeDocs: DocPlan[];
  rng: Rng;
};

const SYSTEM: DemoActor = { id: 'system', role: 'system' };
const SUPERVISOR: DemoActor = { id: 'supervisor', role: 'supervisor' };
const REVIEWERS = ['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4'];

export function runClaim(script: ClaimScript, docs: ReadonlyMap<DocPlan, BuiltDoc>, now: Date, calendar: Calendar): DemoStep[] {
  const { rng, id: claimId } = script;
  const timeline = businessTimeline(calendar);
  const steps: DemoStep[] = [];
  let claim: Claim | null = null;
  let reviewer = script.reviewer;
  let commentCount = 0;
  let annotationCount = 0;
  let products = [...script.products];

  const partner: DemoActor = { id: script.partner.username, role: 'partner', partnerId: script.partner.partnerId };
  const reviewerActor = (): DemoActor => ({ id: reviewer, role: 'reviewer' });
  const customer: DemoActor | null = script.customer.username ? { id: script.customer.username, role: 'customer', tenantId: script.customer.tenantId } : null;

  const apply = (at: Date, actor: DemoActor, command: CommandInput): void => {
    const decision = decide(claim, command, { actor, now: at, calendar });
    if (!decision.ok) {
      throw new Error(`demo plan: ${command.type} on ${claimId} at ${at.toISOString()} by ${actor.id} refused: ${decision.error.code}: ${decision.error.message}`);
    }
    for (const event of decision.events) claim = evolve(claim, event);
    steps.push({ at, actor, command });
  };
  const current = (): Claim => claim!;

  const docInput = (plan: DocPlan, at: Date) => {
    const built = docs.get(plan)!;
    return {
      sha256: built.sha256,
      fileName: built.generated.fileName,
      mediaType: built.generated.mediaType,
      size: built.size,
      pages: built.generated.pages,
      uploadedBy: partner.id,
      uploadedAt: at.toISOString(),
    };
  };
  const attached = (): DocPlan[] => {
    const hashes = new Set(current().documents.map((d) => d.sha256));
    const all = [...script.initialDocs, ...script.draftDocs, ...script.fixDocs, ...script.disputeDocs];
    return [...new Set(all)].filter((p) => hashes.has(docs.get(p)!.sha256));
  };
  const failing = (): ChecklistItemKey[] => failingItems(products, attached());

  /** `n` instants strictly between `start` and `end`, spread over business time when there is some. */
  const slots = (start: Date, end: Date, n: number): Date[] => {
    const out: Date[] = [];
    const ps = timeline.positionAt(start.getTime());
    const pe = timeline.positionAt(end.getTime());
    let prev = start.getTime();
    for (let k = 0; k < n; k++) {
      const f = (k + 1) / (n + 1);
      const raw = pe - ps > 0.02 ? timeline.instantAt(ps + (pe - ps) * f) : start.getTime() + (end.getTime() - start.getTime()) * f;
      const ms = Math.max(Math.floor(raw / 1000) * 1000, prev + 1000);
      if (ms >= end.getTime()) break;
      out.push(new Date(ms));
      prev = ms;
    }
    return out;
  };

  const comment = (at: Date, actor: DemoActor, text: string) =>
    apply(at, actor, { type: 'comment', claimId, commentId: `${claimId}-cm${++commentCount}`, text });

  /** Where on which document a finding about `item` shows. */
  const evidenceFor = (item: ChecklistItemKey, good: boolean): { doc: DocPlan; page: number; rect: Rect } | null => {
    const candidates = attached();
    const doc = candidates.find((d) => (good ? !failingItems(products, [d]).includes(item) : failingItems(products, [d]).includes(item))) ?? candidates[0];
    if (!doc) return null;
    const built = docs.get(doc)!.generated;
    const region =
      item === 'customer_verification' ? built.regions.signature : item === 'date' ? built.regions.date : item.startsWith('product:') ? built.regions.products : undefined;
    if (region) return { doc, page: region.page, rect: region.rect };
    return { doc, page: 1, rect: { x: 54, y: 620, width: 480, height: 110 } };
  };

  const setItem = (at: Date, item: ChecklistItemKey, pass: boolean, withEvidence: boolean, actor = reviewerActor()) => {
    const ev = withEvidence ? evidenceFor(item, pass) : null;
    apply(at, actor, {
      type: 'setChecklistItem',
      claimId,
      item,
      result: pass ? 'pass' : 'fail',
      ...(pass ? {} : { note: texts.checklistNote(deficiencyCodeOf(item), script.lang) }),
      ...(ev ? { evidence: [{ sha256: docs.get(ev.doc)!.sha256, page: ev.page, rect: ev.rect }] } : {}),
    });
  };

  const annotate = (at: Date, item: ChecklistItemKey, actor = reviewerActor()) => {
    const ev = evidenceFor(item, false);
    if (!ev) return;
    const code = deficiencyCodeOf(item);
    apply(at, actor, {
      type: 'annotate',
      claimId,
      annotationId: `${claimId}-an${++annotationCount}`,
      sha256: docs.get(ev.doc)!.sha256,
      page: ev.page,
      rect: ev.rect,
      item,
      code,
      note: texts.checklistNote(code, script.lang),
    });
  };

  /** Ticks the checklist: failing items fail (with an annotation or two), the rest pass. */
  const review = (start: Date, end: Date, mode: 'approve' | 'findings' | 'partial') => {
    const fails = new Set(mode === 'approve' ? [] : failing());
    let items = checklistItems(current()).filter((item) => current().checklist[item]?.result !== (fails.has(item) ? 'fail' : 'pass'));
    if (mode === 'partial') items = items.slice(0, rng.int(0, items.length));
    const annotations = mode === 'approve' ? [] : [...fails].filter((i) => items.includes(i)).slice(0, rng.int(mode === 'partial' ? 0 : 1, 2));
    const wantsComment = rng.chance(mode === 'partial' ? 0.35 : 0.2);
    const times = slots(start, end, items.length + annotations.length + (wantsComment ? 1 : 0));
    let t = 0;
    for (const item of items) {
      const at = times[t++];
      if (!at) return;
      setItem(at, item, !fails.has(item), item === 'customer_verification' || item === 'date' || rng.chance(0.2));
    }
    for (const item of annotations) {
      const at = times[t++];
      if (!at) return;
      annotate(at, item);
    }
    if (wantsComment && times[t]) comment(times[t]!, reviewerActor(), texts.reviewerComment(script.lang, rng));
  };

  const beat = (kind: BeatKind, at: Date): void => {
    switch (kind) {
      case 'create':
        apply(at, partner, {
          type: 'create',
          claimId,
          partner: { partnerId: script.partner.partnerId, name: script.partner.name, contact: contactOf(script.partner.contact) },
          customer: {
            tenantId: script.customer.tenantId,
            name: script.customer.name,
            domain: script.customer.domain,
            contact: contactOf(script.customer.signatories[0]!),
          },
          products,
          documents: script.initialDocs.map((d) => docInput(d, at)),
        });
        return;
      case 'submit':
        apply(at, partner, { type: 'submit', claimId });
        return;
      case 'startReview':
        apply(at, reviewerActor(), { type: 'startReview', claimId });
        return;
      case 'requestInfo': {
        const codes = deficienciesOf(failing());
        const remove = script.removeProducts.filter((p) => products.includes(p));
        apply(at, reviewerActor(), {
          type: 'requestInfo',
          claimId,
          codes: codes.length ? codes : ['missing_poe'],
          message: texts.requestInfoMessage(codes, script.lang, remove),
          ...(remove.length ? { removeProducts: remove } : {}),
        });
        return;
      }
      case 'resubmit': {
        const message = rng.chance(0.5) ? texts.partnerReply(script.lang, true, rng) : undefined;
        apply(at, partner, { type: 'resubmit', claimId, ...(message ? { message } : {}) });
        return;
      }
      case 'approve': {
        const message = texts.approveMessage(rng);
        apply(at, reviewerActor(), { type: 'approve', claimId, ...(message ? { message } : {}) });
        return;
      }
      case 'reject':
        apply(at, reviewerActor(), {
          type: 'reject',
          claimId,
          reasons: texts.rejectionReasons(deficienciesOf(failing())),
          message: texts.rejectMessage(script.lang, rng),
        });
        return;
      case 'withdraw':
        apply(at, partner, { type: 'withdraw', claimId, message: texts.withdrawMessage(rng) });
        return;
      case 'optOut':
        if (!customer) throw new Error(`demo plan: ${claimId} opts out but ${script.customer.name} has no customer user`);
        apply(at, customer, { type: 'optOut', claimId, message: texts.optOutMessage(rng) });
        return;
      case 'expire':
        apply(at, SYSTEM, { type: 'expirePartnerResponse', claimId, dueAt: at.toISOString() });
        return;
      case 'close':
        apply(at, SYSTEM, { type: 'closeConsentWindow', claimId, dueAt: at.toISOString() });
        return;
      case 'dispute':
        apply(at, partner, {
          type: 'dispute',
          claimId,
          justification: texts.disputeJustification(script.lang, script.disputeDocs.length > 0, rng),
          ...(script.disputeDocs.length ? { addDocuments: script.disputeDocs.map((d) => docInput(d, at)) } : {}),
        });
        return;
      case 'approveDispute':
        apply(at, rng.chance(0.2) ? SUPERVISOR : reviewerActor(), { type: 'approveDispute', claimId, message: 'Dispute accepted: the updated PoE is sufficient.' });
        return;
      case 'denyDispute':
        apply(at, rng.chance(0.2) ? SUPERVISOR : reviewerActor(), { type: 'denyDispute', claimId, message: texts.denyMessage(script.lang) });
        return;
    }
  };

  /** What happens between `kind` (at `start`) and the next beat (at `end`; `next` null: the claim's current status, until now). */
  const meanwhile = (kind: BeatKind, next: BeatKind | null, start: Date, end: Date): void => {
    switch (kind) {
      case 'create': {
        const [edit, second] = slots(start, end, 2);
        if (script.draftDocs.length && edit) {
          apply(edit, partner, { type: 'edit', claimId, changes: { addDocuments: script.draftDocs.map((d) => docInput(d, edit)) } });
        }
        if (next === null && second && rng.chance(0.3)) {
          apply(second, partner, { type: 'edit', claimId, changes: { customerContact: contactOf(script.customer.signatories.at(-1)!) } });
        }
        return;
      }
      case 'submit':
      case 'resubmit': {
        const [assignAt, editAt, commentAt] = slots(start, end, 3);
        if (current().assignee === null && assignAt && rng.chance(next === null ? 0.35 : 0.25)) {
          apply(assignAt, SUPERVISOR, { type: 'assign', claimId, assignee: reviewer });
        }
        if (editAt && rng.chance(0.12)) {
          apply(editAt, partner, { type: 'edit', claimId, changes: { partnerContact: { ...contactOf(script.partner.contact), phone: `+1 425 555 0${rng.int(100, 199)}` } } });
        }
        if (next === null && commentAt && rng.chance(0.2)) comment(commentAt, partner, texts.partnerComment(script.lang, rng));
        return;
      }
      case 'startReview': {
        let from = start;
        const firstRound = current().infoRequests.length === 0;
        if (firstRound && rng.chance(0.08)) {
          const [at] = slots(start, end, 1);
          if (at) {
            reviewer = rng.pick(REVIEWERS.filter((r) => r !== reviewer));
            apply(at, SUPERVISOR, { type: 'assign', claimId, assignee: reviewer });
            from = at;
          }
        }
        if (next === 'approve') review(from, end, 'approve');
        else if (next === 'requestInfo' || next === 'reject') review(from, end, 'findings');
        else if (next === null) review(from, end, 'partial');
        return;
      }
      case 'requestInfo': {
        const [commentAt, editAt] = slots(start, end, 2);
        if (next === 'resubmit') {
          if (commentAt && rng.chance(0.5)) comment(commentAt, partner, texts.partnerReply(script.lang, false, rng));
          const remove = script.removeProducts.filter((p) => products.includes(p));
          if (editAt && (script.fixDocs.length || remove.length)) {
            products = products.filter((p) => !remove.includes(p));
            apply(editAt, partner, {
              type: 'edit',
              claimId,
              changes: {
                ...(script.fixDocs.length ? { addDocuments: script.fixDocs.map((d) => docInput(d, editAt)) } : {}),
                ...(remove.length ? { products } : {}),
              },
            });
          }
        } else if (commentAt && rng.chance(0.4)) {
          comment(commentAt, partner, texts.partnerReply(script.lang, false, rng));
        }
        return;
      }
      case 'dispute': {
        const [a, b] = slots(start, end, 2);
        if (next === 'approveDispute') {
          review(start, end, 'approve');
        } else if (next === null && a && rng.chance(0.5)) {
          comment(a, reviewerActor(), texts.reviewerComment(script.lang, rng));
        } else if (next === 'denyDispute' && b && rng.chance(0.4)) {
          comment(b, reviewerActor(), texts.reviewerComment(script.lang, rng));
        }
        return;
      }
      case 'reject':
      case 'expire': {
        const [a] = slots(start, end, 1);
        if (next === 'dispute' && a && rng.chance(0.3)) comment(a, partner, texts.partnerComment(script.lang, rng));
        return;
      }
      default:
        return;
    }
  };

  const beats = script.timeline.beats;
  for (let i = 0; i < beats.length; i++) {
    const { kind } = beats[i]!;
    // System beats happen exactly when their window closes, as the scheduler applies them.
    const at =
      kind === 'expire'
        ? partnerResponseDue(current(), calendar, DEFAULT_POLICY)
        : kind === 'close'
          ? consentWindowEnd(new Date(current().approvedAt!), calendar, DEFAULT_POLICY)
          : beats[i]!.at;
    beat(kind, at);
    const next = beats[i + 1];
    const end = !next ? now : next.kind === 'expire' ? partnerResponseDue(current(), calendar, DEFAULT_POLICY) : next.kind === 'close' ? consentWindowEnd(at, calendar, DEFAULT_POLICY) : next.at;
    meanwhile(kind, next?.kind ?? null, at, end);
  }
  return steps;
}

function contactOf(person: { name: string; email: string; phone?: string }) {
  return { name: person.name, email: person.email, ...(person.phone ? { phone: person.phone } : {}) };
}
