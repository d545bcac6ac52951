import { describe, expect, it } from 'vitest';
import { MS_PER_DAY } from '../calendar/calendar';
import { actors, apply, createCommand, passAll, poeDocument, SHA_A, SHA_B, TEST_CALENDAR } from '../testing/fixtures';
import { STATUSES, type Status } from './catalog';
import type { CommandInput, CommandType } from './commands';
import { decide } from './decide';
import { evolve, replay } from './evolve';
import type { Actor, Claim, ClaimEvent } from './model';

const T0 = new Date('2026-11-02T17:00:00.000Z'); // Monday 09:00 in Los Angeles
const HOUR = 3_600_000;
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR);

/** A claim brought into `status` through real commands; reviewer-1 is its assignee once reviewed. */
function claimIn(status: Status): { claim: Claim; events: ClaimEvent[] } {
  const events: ClaimEvent[] = [];
  let claim: Claim | null = null;
  const step = (command: CommandInput, actor: Actor, when: Date) => {
    const result = apply(claim, command, actor, when);
    events.push(...result.events);
    claim = result.claim;
  };
  const id = 'claim-1';
  step(createCommand(id), actors.partner, at(0));
  if (status === 'draft') return { claim: claim!, events };
  step({ type: 'submit', claimId: id }, actors.partner, at(1));
  if (status === 'submitted') return { claim: claim!, events };
  step({ type: 'startReview', claimId: id }, actors.reviewer, at(2));
  claim = passAll(claim!, actors.reviewer, at(3));
  events.length = 0; // passAll folds its own events; histories are only needed for untouched claims below
  if (status === 'in_review') return { claim, events };
  if (status === 'partner_action_needed') {
    step({ type: 'requestInfo', claimId: id, codes: ['missing_product'], message: 'Power BI is not named.' }, actors.reviewer, at(4));
    return { claim, events };
  }
  if (status === 'approved' || status === 'sent_for_evaluation') {
    step({ type: 'approve', claimId: id }, actors.reviewer, at(4));
    if (status === 'sent_for_evaluation') {
      step({ type: 'closeConsentWindow', claimId: id, dueAt: new Date(at(4).getTime() + 7 * MS_PER_DAY).toISOString() }, actors.system, at(4 + 24 * 8));
    }
    return { claim, events };
  }
  step({ type: 'reject', claimId: id, reasons: ['insufficient_poe'], message: 'The SOW is unsigned.' }, actors.reviewer, at(4));
  if (status === 'disputed') step({ type: 'dispute', claimId: id, justification: 'The signed copy is attached.' }, actors.partner, at(5));
  return { claim, events };
}

const LATER = '2027-06-01T00:00:00.000Z';

/** One valid command of each type, with the actor entitled to it. */
const SAMPLES: Record<Exclude<CommandType, 'create'>, { command: CommandInput; actor: Actor; system?: boolean }> = {
  submit: { command: { type: 'submit', claimId: 'claim-1' }, actor: actors.partner },
  startReview: { command: { type: 'startReview', claimId: 'claim-1' }, actor: actors.reviewer },
  requestInfo: { command: { type: 'requestInfo', claimId: 'claim-1', codes: ['missing_poe'], message: 'Please upload the signed SOW.' }, actor: actors.reviewer },
  resubmit: { command: { type: 'resubmit', claimId: 'claim-1' }, actor: actors.partner },
  approve: { command: { type: 'approve', claimId: 'claim-1' }, actor: actors.reviewer },
  reject: { command: { type: 'reject', claimId: 'claim-1', reasons: ['insufficient_poe'], message: 'Unsigned.' }, actor: actors.reviewer },
  withdraw: { command: { type: 'withdraw', claimId: 'claim-1' }, actor: actors.partner },
  optOut: { command: { type: 'optOut', claimId: 'claim-1' }, actor: actors.customer },
  dispute: { command: { type: 'dispute', claimId: 'claim-1', justification: 'Signed copy attached.' }, actor: actors.partner },
  approveDispute: { command: { type: 'approveDispute', claimId: 'claim-1' }, actor: actors.reviewer },
  denyDispute: { command: { type: 'denyDispute', claimId: 'claim-1', message: 'Still unsigned.' }, actor: actors.reviewer },
  comment: { command: { type: 'comment', claimId: 'claim-1', commentId: 'c-1', text: 'Looking at it.' }, actor: actors.reviewer },
  setChecklistItem: { command: { type: 'setChecklistItem', claimId: 'claim-1', item: 'date', result: 'fail', note: 'Dated 2019' }, actor: actors.reviewer },
  annotate: {
    command: { type: 'annotate', claimId: 'claim-1', annotationId: 'a-1', sha256: SHA_A, page: 1, rect: { x: 10, y: 20, width: 100, height: 30 }, code: 'missing_customer_verification' },
    actor: actors.reviewer,
  },
  assign: { command: { type: 'assign', claimId: 'claim-1', assignee: 'reviewer-2' }, actor: actors.supervisor },
  edit: { command: { type: 'edit', claimId: 'claim-1', changes: { products: ['d365_sales'] } }, actor: actors.partner },
  expirePartnerResponse: { command: { type: 'expirePartnerResponse', claimId: 'claim-1', dueAt: LATER }, actor: actors.system, system: true },
  closeConsentWindow: { command: { type: 'closeConsentWindow', claimId: 'claim-1', dueAt: LATER }, actor: actors.system, system: true },
};

/** SPEC §3 as a table: for each command, the statuses it applies in and the status it leads to (same = stays). */
const ALLOWED: Record<Exclude<CommandType, 'create'>, Partial<Record<Status, Status>>> = {
  submit: { draft: 'submitted' },
  startReview: { submitted: 'in_review' },
  requestInfo: { in_review: 'partner_action_needed' },
  resubmit: { partner_action_needed: 'submitted' },
  approve: { in_review: 'approved' },
  reject: { in_review: 'rejected' },
  withdraw: { submitted: 'rejected', in_review: 'rejected', partner_action_needed: 'rejected' },
  optOut: { approved: 'rejected' },
  dispute: { rejected: 'disputed' },
  approveDispute: { disputed: 'approved' },
  denyDispute: { disputed: 'rejected' },
  comment: Object.fromEntries(STATUSES.filter((s) => s !== 'draft').map((s) => [s, s])),
  setChecklistItem: { in_review: 'in_review', disputed: 'disputed' },
  annotate: { in_review: 'in_review', disputed: 'disputed' },
  assign: { submitted: 'submitted', in_review: 'in_review', partner_action_needed: 'partner_action_needed', disputed: 'disputed' },
  edit: { draft: 'draft', submitted: 'submitted', partner_action_needed: 'partner_action_needed' },
  expirePartnerResponse: { partner_action_needed: 'rejected' },
  closeConsentWindow: { approved: 'sent_for_evaluation' },
};

const claims = Object.fromEntries(STATUSES.map((s) => [s, claimIn(s).claim])) as Record<Status, Claim>;

describe('status × command matrix', () => {
  for (const [type, sample] of Object.entries(SAMPLES) as [keyof typeof SAMPLES, (typeof SAMPLES)[keyof typeof SAMPLES]][]) {
    for (const status of STATUSES) {
      const target = ALLOWED[type][status];
      const claim = claims[status];
      // One hour after the claim entered its status: inside every window; system commands run late.
      const now = sample.system ? new Date('2027-06-01T00:00:00.000Z') : new Date(Date.parse(claim.statusLog.at(-1)!.from) + HOUR);
      if (target) {
        it(`${type} on ${status} → ${target}`, () => {
          const decision = decide(claim, sample.command, { actor: sample.actor, now, calendar: TEST_CALENDAR });
          expect(decision).toMatchObject({ ok: true });
          if (!decision.ok) return;
          const next = decision.events.reduce<Claim>((c, e) => evolve(c, e), claim);
          expect(next.status).toBe(target);
          expect(next.version).toBe(claim.version + decision.events.length);
          expect(decision.events.every((e) => e.at === now.toISOString() && e.actor.id === sample.actor.id)).toBe(true);
        });
      } else {
        it(`${type} on ${status} is refused`, () => {
          const decision = decide(claim, sample.command, { actor: sample.actor, now, calendar: TEST_CALENDAR });
          expect(decision.ok).toBe(false);
          if (decision.ok) return;
          expect(decision.error.code).toBe('invalid_transition');
          expect(decision.error.message).toContain(`status ${status}`);
          expect(decision.error.message).toContain(`command ${type}`);
        });
      }
    }
  }

  it('create makes a draft and is refused for an existing claim', () => {
    const decision = decide(null, createCommand(), { actor: actors.partner, now: T0, calendar: TEST_CALENDAR });
    expect(decision.ok && decision.events.map((e) => e.type)).toEqual(['created']);
    const again = decide(claims.draft, createCommand(), { actor: actors.partner, now: T0, calendar: TEST_CALENDAR });
    expect(again).toMatchObject({ ok: false, error: { code: 'already_exists' } });
  });

  it('a command on a claim that does not exist is not_found', () => {
    expect(decide(null, SAMPLES.submit.command, { actor: actors.partner, now: T0, calendar: TEST_CALENDAR })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('system transitions record the reason and the due instant', () => {
    const expired = apply(claims.partner_action_needed, { type: 'expirePartnerResponse', claimId: 'claim-1', dueAt: LATER }, actors.system, new Date(LATER)).claim;
    expect(expired.rejection?.reasons).toEqual(['no_partner_response']);
    const withdrawn = apply(claims.submitted, SAMPLES.withdraw.command, actors.partner, at(2)).claim;
    expect(withdrawn.rejection?.reasons).toEqual(['partner_request']);
    const optedOut = apply(claims.approved, SAMPLES.optOut.command, actors.customer, at(6)).claim;
    expect(optedOut.rejection?.reasons).toEqual(['customer_rejected']);
    const denied = apply(claims.disputed, SAMPLES.denyDispute.command, actors.reviewer, at(6)).claim;
    expect(denied.rejection?.reasons).toEqual(['dispute_denied']);
  });
});

const ctx = (actor: Actor, now: Date) => ({ actor, now, calendar: TEST_CALENDAR });
const refusal = (claim: Claim | null, command: CommandInput, actor: Actor, now: Date) => {
  const d = decide(claim, command, ctx(actor, now));
  if (d.ok) throw new Error(`expected a refusal of ${command.type}`);
  return d.error;
};

describe('roles and ownership', () => {
  it('refuses each command to roles it does not belong to', () => {
    expect(refusal(claims.in_review, SAMPLES.approve.command, actors.partner, at(5)).code).toBe('forbidden');
    expect(refusal(claims.in_review, SAMPLES.approve.command, actors.customer, at(5)).code).toBe('forbidden');
    expect(refusal(claims.submitted, SAMPLES.assign.command, actors.reviewer, at(5)).code).toBe('forbidden');
    expect(refusal(claims.submitted, SAMPLES.withdraw.command, actors.reviewer, at(5)).code).toBe('forbidden');
    expect(refusal(claims.approved, SAMPLES.optOut.command, actors.partner, at(5)).code).toBe('forbidden');
    expect(refusal(claims.approved, SAMPLES.comment.command, actors.customer, at(5)).code).toBe('forbidden');
    expect(refusal(null, createCommand(), actors.reviewer, T0).code).toBe('forbidden');
    expect(refusal(claims.partner_action_needed, SAMPLES.expirePartnerResponse.command, actors.supervisor, new Date(LATER)).code).toBe('forbidden');
    expect(refusal(claims.approved, SAMPLES.closeConsentWindow.command, actors.partner, new Date(LATER)).code).toBe('forbidden');
  });

  it('a partner only touches claims of its own Partner ID, a customer only its own tenant', () => {
    const err = refusal(claims.draft, SAMPLES.submit.command, actors.otherPartner, at(1));
    expect(err.code).toBe('forbidden');
    expect(refusal(null, createCommand(), actors.otherPartner, T0).code).toBe('forbidden');
    expect(refusal(claims.approved, SAMPLES.optOut.command, actors.otherCustomer, at(5)).code).toBe('forbidden');
  });

  it('a reviewer starts only unassigned claims or claims assigned to them', () => {
    const assigned = apply(claims.submitted, { type: 'assign', claimId: 'claim-1', assignee: 'reviewer-2' }, actors.supervisor, at(2)).claim;
    expect(refusal(assigned, SAMPLES.startReview.command, actors.reviewer, at(3)).code).toBe('forbidden');
    expect(apply(assigned, SAMPLES.startReview.command, actors.otherReviewer, at(3)).claim.assignee).toBe('reviewer-2');
    expect(apply(assigned, SAMPLES.startReview.command, actors.supervisor, at(3)).claim.assignee).toBe('reviewer-2');
    expect(apply(claims.submitted, SAMPLES.startReview.command, actors.reviewer, at(3)).claim.assignee).toBe('reviewer-1');
  });

  it('only the assignee or a supervisor decides, annotates and ticks the checklist', () => {
    for (const type of ['approve', 'reject', 'requestInfo', 'setChecklistItem', 'annotate'] as const) {
      const err = refusal(claims.in_review, SAMPLES[type].command, actors.otherReviewer, at(5));
      expect(err.code, type).toBe('forbidden');
      expect(err.message).toContain('reviewer-1');
      expect(decide(claims.in_review, SAMPLES[type].command, ctx(actors.supervisor, at(5))).ok, type).toBe(true);
    }
    expect(refusal(claims.disputed, SAMPLES.approveDispute.command, actors.otherReviewer, at(6)).code).toBe('forbidden');
  });

  it('the actor comes from the context, never from the command', () => {
    const forged = { ...SAMPLES.approve.command, actor: actors.supervisor } as unknown as CommandInput;
    expect(refusal(claims.in_review, forged, actors.otherReviewer, at(5)).code).toBe('validation');
  });
});

describe('guards', () => {
  it('approve needs every checklist item passed, product items included', () => {
    const reviewing = apply(claims.submitted, SAMPLES.startReview.command, actors.reviewer, at(2)).claim;
    const err = refusal(reviewing, SAMPLES.approve.command, actors.reviewer, at(3));
    expect(err.code).toBe('checklist_incomplete');
    expect(err.message).toContain('product:power_bi');
    const allButProduct = ['poe_present', 'customer_verification', 'date', 'partner_solution', 'product:d365_sales'].reduce(
      (c, item) => apply(c, { type: 'setChecklistItem', claimId: 'claim-1', item: item as 'date', result: 'pass' }, actors.reviewer, at(3)).claim,
      reviewing,
    );
    expect(refusal(allButProduct, SAMPLES.approve.command, actors.reviewer, at(3)).message).toMatch(/product:power_bi\.$/);
    const failed = apply(claims.in_review, SAMPLES.setChecklistItem.command, actors.reviewer, at(4)).claim;
    expect(refusal(failed, SAMPLES.approve.command, actors.reviewer, at(4)).code).toBe('checklist_incomplete');
    expect(refusal(failed, SAMPLES.approveDispute.command, actors.reviewer, at(4)).code).toBe('invalid_transition');
  });

  it('submit needs a PoE document', () => {
    const bare = apply(null, { ...createCommand(), documents: [] } as CommandInput, actors.partner, T0).claim;
    expect(refusal(bare, SAMPLES.submit.command, actors.partner, at(1))).toMatchObject({ code: 'precondition_failed' });
    const withDoc = apply(bare, { type: 'edit', claimId: 'claim-1', changes: { addDocuments: [poeDocument()] } }, actors.partner, at(1)).claim;
    expect(apply(withDoc, SAMPLES.submit.command, actors.partner, at(2)).claim.status).toBe('submitted');
  });

  it('requestInfo needs a deficiency code and a message', () => {
    expect(refusal(claims.in_review, { type: 'requestInfo', claimId: 'claim-1', codes: [], message: 'x' }, actors.reviewer, at(5)).code).toBe('validation');
    expect(refusal(claims.in_review, { type: 'requestInfo', claimId: 'claim-1', codes: ['missing_poe'], message: '  ' }, actors.reviewer, at(5)).code).toBe('validation');
    expect(
      refusal(claims.in_review, { type: 'requestInfo', claimId: 'claim-1', codes: ['missing_product'], message: 'x', removeProducts: ['teams'] }, actors.reviewer, at(5)).message,
    ).toContain('teams');
  });

  it('reject needs a reason a reviewer may give and a message', () => {
    expect(refusal(claims.in_review, { type: 'reject', claimId: 'claim-1', reasons: [], message: 'x' }, actors.reviewer, at(5)).code).toBe('validation');
    expect(refusal(claims.in_review, { type: 'reject', claimId: 'claim-1', reasons: ['customer_rejected'], message: 'x' }, actors.reviewer, at(5)).code).toBe('validation');
    expect(refusal(claims.in_review, { type: 'reject', claimId: 'claim-1', reasons: ['nonsense'], message: 'x' } as unknown as CommandInput, actors.reviewer, at(5)).code).toBe('validation');
  });

  it('resubmit only inside the partner-response window (5 business days)', () => {
    const entered = Date.parse(claims.partner_action_needed.statusLog.at(-1)!.from); // Monday 13:00 local
    // Five business days later is the next Monday 13:00 local (same UTC offset in November after DST ended).
    const due = entered + 7 * MS_PER_DAY;
    expect(decide(claims.partner_action_needed, SAMPLES.resubmit.command, ctx(actors.partner, new Date(due - 1))).ok).toBe(true);
    expect(refusal(claims.partner_action_needed, SAMPLES.resubmit.command, actors.partner, new Date(due)).code).toBe('window_closed');
    expect(refusal(claims.partner_action_needed, SAMPLES.expirePartnerResponse.command, actors.system, new Date(due - 1)).code).toBe('not_due');
    const expired = apply(claims.partner_action_needed, SAMPLES.expirePartnerResponse.command, actors.system, new Date(due)).events[0]!;
    expect(expired.payload).toEqual({ dueAt: new Date(due).toISOString() });
  });

  it('opt-out only inside the 7-day consent window; the window then closes into evaluation', () => {
    const approvedAt = Date.parse(claims.approved.approvedAt!);
    const end = approvedAt + 7 * MS_PER_DAY;
    expect(decide(claims.approved, SAMPLES.optOut.command, ctx(actors.customer, new Date(end - 1))).ok).toBe(true);
    expect(refusal(claims.approved, SAMPLES.optOut.command, actors.customer, new Date(end)).code).toBe('window_closed');
    expect(refusal(claims.approved, SAMPLES.closeConsentWindow.command, actors.system, new Date(end - 1)).code).toBe('not_due');
    expect(apply(claims.approved, SAMPLES.closeConsentWindow.command, actors.system, new Date(end)).claim.status).toBe('sent_for_evaluation');
  });

  it('a consent window of 5 business days when the policy says so', () => {
    const approvedAt = new Date(claims.approved.approvedAt!);
    const policy = { consentDays: 5, consentUnit: 'business_days' as const };
    const end = approvedAt.getTime() + 7 * MS_PER_DAY; // Monday + 5 business days = next Monday, same time
    expect(decide(claims.approved, SAMPLES.optOut.command, { ...ctx(actors.customer, new Date(end - 1)), policy }).ok).toBe(true);
    expect(decide(claims.approved, SAMPLES.optOut.command, { ...ctx(actors.customer, new Date(end)), policy })).toMatchObject({ ok: false, error: { code: 'window_closed' } });
  });

  it('dispute allowed until 30 days minus 1 ms after rejection, refused at +1 ms', () => {
    const rejectedAt = Date.parse(claims.rejected.rejection!.at);
    const end = rejectedAt + 30 * MS_PER_DAY;
    expect(decide(claims.rejected, SAMPLES.dispute.command, ctx(actors.partner, new Date(end - 1))).ok).toBe(true);
    expect(refusal(claims.rejected, SAMPLES.dispute.command, actors.partner, new Date(end + 1)).code).toBe('window_closed');
  });

  it('one dispute per claim, and none for customer_rejected or partner_request', () => {
    const denied = apply(claims.disputed, SAMPLES.denyDispute.command, actors.reviewer, at(6)).claim;
    expect(refusal(denied, SAMPLES.dispute.command, actors.partner, at(7)).code).toBe('not_disputable');
    const optedOut = apply(claims.approved, SAMPLES.optOut.command, actors.customer, at(6)).claim;
    expect(refusal(optedOut, SAMPLES.dispute.command, actors.partner, at(7)).message).toContain('customer_rejected');
    const withdrawn = apply(claims.submitted, SAMPLES.withdraw.command, actors.partner, at(2)).claim;
    expect(refusal(withdrawn, SAMPLES.dispute.command, actors.partner, at(3)).message).toContain('partner_request');
    const expired = apply(claims.partner_action_needed, SAMPLES.expirePartnerResponse.command, actors.system, new Date(LATER)).claim;
    expect(decide(expired, SAMPLES.dispute.command, ctx(actors.partner, new Date(Date.parse(LATER) + HOUR))).ok).toBe(true);
  });

  it('dispute with updated PoE attaches it; approving the dispute reopens the consent window', () => {
    const disputed = apply(
      claims.rejected,
      { type: 'dispute', claimId: 'claim-1', justification: 'Signed copy.', addDocuments: [poeDocument(SHA_B)] },
      actors.partner,
      at(5),
    ).claim;
    expect(disputed.documents.map((d) => d.sha256)).toEqual([SHA_A, SHA_B]);
    const approved = apply(disputed, SAMPLES.approveDispute.command, actors.reviewer, at(6)).claim;
    expect(approved.status).toBe('approved');
    expect(approved.approvedAt).toBe(at(6).toISOString());
  });

  it('edit allows only the fields of the status', () => {
    const { customer } = createCommand() as Extract<CommandInput, { type: 'create' }>;
    const err = refusal(claims.submitted, { type: 'edit', claimId: 'claim-1', changes: { customer } }, actors.partner, at(2));
    expect(err.code).toBe('forbidden');
    expect(err.message).toContain('customer');
    expect(err.message).toContain('Submitted');
    const contact = { name: 'Ren Sato', email: 'ren@fabrikam.example' };
    // Correcting a wrong Partner ID needs an actor not bound to one Partner ID (see the test below).
    const unbound = { id: 'partner-1', role: 'partner' } as const;
    const edited = apply(claims.partner_action_needed, { type: 'edit', claimId: 'claim-1', changes: { customerContact: contact, partnerId: '2345678' } }, unbound, at(5)).claim;
    expect(edited.customer.contact).toEqual(contact);
    expect(edited.partner.partnerId).toBe('2345678');
    expect(refusal(claims.submitted, { type: 'edit', claimId: 'claim-1', changes: { removeDocuments: [SHA_A] } }, actors.partner, at(2)).code).toBe('forbidden');
    expect(refusal(claims.submitted, { type: 'edit', claimId: 'claim-1', changes: { colour: 'red' } } as unknown as CommandInput, actors.partner, at(2)).message).toContain('colour');
    expect(refusal(claims.submitted, { type: 'edit', claimId: 'claim-1', changes: {} }, actors.partner, at(2)).message).toContain('nothing to change');
  });

  it('checklist items and annotations must refer to what the claim has', () => {
    expect(refusal(claims.in_review, { type: 'setChecklistItem', claimId: 'claim-1', item: 'product:teams', result: 'pass' }, actors.reviewer, at(5)).message).toContain('teams');
    const ann = SAMPLES.annotate.command as Extract<CommandInput, { type: 'annotate' }>;
    expect(refusal(claims.in_review, { ...ann, sha256: SHA_B }, actors.reviewer, at(5)).message).toContain(SHA_B);
    expect(refusal(claims.in_review, { ...ann, page: 4 }, actors.reviewer, at(5)).message).toContain('3 pages');
    const once = apply(claims.in_review, ann, actors.reviewer, at(5)).claim;
    expect(refusal(once, ann, actors.reviewer, at(5)).code).toBe('already_exists');
    expect(once.annotations[0]).toMatchObject({ id: 'a-1', page: 1, code: 'missing_customer_verification', by: 'reviewer-1' });
  });

  it('comments keep hostile text verbatim and refuse duplicates', () => {
    const text = '<script>alert(1)</script>\u202Egnp.exe';
    const commented = apply(claims.submitted, { type: 'comment', claimId: 'claim-1', commentId: 'c-9', text }, actors.partner, at(2)).claim;
    expect(commented.comments[0]).toMatchObject({ text, by: 'partner-1', role: 'partner' });
    expect(refusal(commented, { type: 'comment', claimId: 'claim-1', commentId: 'c-9', text: 'again' }, actors.partner, at(2)).code).toBe('already_exists');
    expect(refusal(claims.submitted, { type: 'comment', claimId: 'claim-1', commentId: 'c-10', text: 'x'.repeat(100_001) }, actors.partner, at(2)).code).toBe('validation');
  });

  it('assign refuses a no-op and unassigning works', () => {
    expect(refusal(claims.in_review, { type: 'assign', claimId: 'claim-1', assignee: 'reviewer-1' }, actors.supervisor, at(5)).code).toBe('precondition_failed');
    expect(apply(claims.in_review, { type: 'assign', claimId: 'claim-1', assignee: null }, actors.supervisor, at(5)).claim.assignee).toBeNull();
  });

  it('malformed commands are validation errors naming the field', () => {
    expect(refusal(null, { type: 'nope', claimId: 'x' } as unknown as CommandInput, actors.partner, T0).code).toBe('validation');
    expect(refusal(null, null as unknown as CommandInput, actors.partner, T0).code).toBe('validation');
    const bad = { ...createCommand(), products: ['d365_sales', 'd365_sales'] } as CommandInput;
    expect(refusal(null, bad, actors.partner, T0).message).toContain('products');
    const wrongTenant = createCommand() as Extract<CommandInput, { type: 'create' }>;
    expect(refusal(null, { ...wrongTenant, customer: { ...wrongTenant.customer, tenantId: 'not-a-guid' } }, actors.partner, T0).message).toContain('customer.tenantId');
    expect(refusal(claims.submitted, { type: 'submit', claimId: 'claim-2' }, actors.partner, T0).code).toBe('validation');
    expect(refusal(claims.submitted, SAMPLES.comment.command, actors.reviewer, new Date(Number.NaN)).code).toBe('validation');
  });
});

describe('replay', () => {
  it('folds the history into the same claim as step-by-step evolution', () => {
    const { claim, events } = claimIn('disputed');
    expect(events.length).toBeGreaterThan(0);
    const start = claims.in_review;
    expect(events.reduce<Claim>((c, e) => evolve(c, e), start)).toEqual(claim);
    const full = claimIn('submitted');
    expect(replay(full.events)).toEqual(full.claim);
    expect(() => replay([])).toThrow();
  });
});

describe('text that cannot be stored', () => {
  it('refuses NUL characters and broken Unicode anywhere in a command, naming the field', () => {
    const nul = refusal(claims.submitted, { type: 'comment', claimId: 'claim-1', commentId: 'c-nul', text: 'a\u0000b' }, actors.partner, at(2));
    expect(nul).toMatchObject({ code: 'validation' });
    expect(nul.message).toContain('text');
    const lone = refusal(claims.submitted, { type: 'comment', claimId: 'claim-1', commentId: 'c-lone', text: 'broken \uD800 pair' }, actors.partner, at(2));
    expect(lone.code).toBe('validation');
    expect(refusal(null, { ...createCommand(), claimId: 'x\u0000' } as CommandInput, actors.partner, T0).message).toContain('claimId');
    // Whole surrogate pairs (emoji, rare kanji) are fine.
    expect(decide(claims.submitted, { type: 'comment', claimId: 'claim-1', commentId: 'c-emoji', text: '確認しました 👍 𠮷' }, ctx(actors.partner, at(2))).ok).toBe(true);
  });

  it('a partner cannot move a claim to another Partner ID', () => {
    const err = refusal(claims.submitted, { type: 'edit', claimId: 'claim-1', changes: { partnerId: '7654321' } }, actors.partner, at(2));
    expect(err.code).toBe('forbidden');
  });

  it('compares tenant ids without regard to case', () => {
    const upper = { ...actors.customer, tenantId: actors.customer.tenantId.toUpperCase() };
    expect(decide(claims.approved, { type: 'optOut', claimId: 'claim-1' }, ctx(upper, at(6))).ok).toBe(true);
    const created = apply(null, { ...createCommand('claim-upper'), customer: { tenantId: actors.customer.tenantId.toUpperCase(), name: 'Fabrikam', domain: 'fabrikam.example' } } as CommandInput, actors.partner, T0).claim;
    expect(created.customer.tenantId).toBe(actors.customer.tenantId);
  });
});
