import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actors, createCommand, poeDocument, SHA_A, SHA_B, TEST_CALENDAR } from '../testing/fixtures';
import { STATUSES } from './catalog';
import type { CommandInput } from './commands';
import { decide } from './decide';
import { evolve, replay } from './evolve';
import type { Actor, Claim, ClaimEvent } from './model';

const ID = 'claim-1';
const T0 = Date.parse('2026-10-05T16:00:00.000Z');

/** Every kind of command with plausible arguments; many will be refused, which is part of the point. */
const commandArb: fc.Arbitrary<CommandInput> = fc.oneof(
  fc.constant<CommandInput>({ type: 'submit', claimId: ID }),
  fc.constant<CommandInput>({ type: 'startReview', claimId: ID }),
  fc.constant<CommandInput>({ type: 'requestInfo', claimId: ID, codes: ['missing_poe', 'missing_product'], message: 'Please add the signed SOW.' }),
  fc.constant<CommandInput>({ type: 'resubmit', claimId: ID }),
  fc.constant<CommandInput>({ type: 'approve', claimId: ID }),
  fc.constant<CommandInput>({ type: 'reject', claimId: ID, reasons: ['insufficient_poe'], message: 'Unsigned.' }),
  fc.constant<CommandInput>({ type: 'withdraw', claimId: ID }),
  fc.constant<CommandInput>({ type: 'optOut', claimId: ID }),
  fc.constant<CommandInput>({ type: 'dispute', claimId: ID, justification: 'Signed copy attached.', addDocuments: [poeDocument(SHA_B)] }),
  fc.constant<CommandInput>({ type: 'approveDispute', claimId: ID }),
  fc.constant<CommandInput>({ type: 'denyDispute', claimId: ID, message: 'No.' }),
  fc.string({ maxLength: 20 }).map<CommandInput>((text) => ({ type: 'comment', claimId: ID, commentId: `c-${text.length}-${text}`, text: `note ${text}` })),
  fc
    .tuple(fc.constantFrom('poe_present', 'customer_verification', 'date', 'partner_solution', 'product:d365_sales', 'product:power_bi'), fc.constantFrom('pass', 'fail', null))
    .map<CommandInput>(([item, result]) => ({ type: 'setChecklistItem', claimId: ID, item: item as 'date', result: result as 'pass' | null })),
  fc.nat(1000).map<CommandInput>((n) => ({ type: 'annotate', claimId: ID, annotationId: `a-${n}`, sha256: SHA_A, page: 1 + (n % 3), rect: { x: n, y: n, width: 10, height: 10 } })),
  fc.constantFrom('reviewer-1', 'reviewer-2', null).map<CommandInput>((assignee) => ({ type: 'assign', claimId: ID, assignee })),
  fc.constantFrom<string[]>(['d365_sales'], ['d365_sales', 'power_bi'], ['teams']).map<CommandInput>((products) => ({ type: 'edit', claimId: ID, changes: { products } })),
  fc.constant<CommandInput>({ type: 'expirePartnerResponse', claimId: ID, dueAt: '2026-01-01T00:00:00.000Z' }),
  fc.constant<CommandInput>({ type: 'closeConsentWindow', claimId: ID, dueAt: '2026-01-01T00:00:00.000Z' }),
);

const actorArb: fc.Arbitrary<Actor> = fc.constantFrom<Actor>(...Object.values(actors));

/** Steps: a command, who sends it, and how many hours after the previous step. */
const stepsArb = fc.array(fc.tuple(commandArb, actorArb, fc.integer({ min: 0, max: 72 })), { maxLength: 40 });

function run(steps: [CommandInput, Actor, number][]): { claim: Claim; events: ClaimEvent[] } {
  let now = T0;
  const first = decide(null, createCommand(ID), { actor: actors.partner, now: new Date(now), calendar: TEST_CALENDAR });
  if (!first.ok) throw new Error(first.error.message);
  const events = [...first.events];
  let claim = replay(events);
  for (const [command, actor, hours] of steps) {
    now += hours * 3_600_000;
    const decision = decide(claim, command, { actor, now: new Date(now), calendar: TEST_CALENDAR });
    if (!decision.ok) continue;
    for (const event of decision.events) {
      claim = evolve(claim, event);
      events.push(event);
    }
  }
  return { claim, events };
}

describe('replay over random command sequences', () => {
  it('gives the same claim as step-by-step evolution, every time, with a consistent version', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { claim, events } = run(steps);
        expect(replay(events)).toEqual(claim);
        expect(replay(structuredClone(events))).toEqual(replay(events));
        expect(claim.version).toBe(events.length);
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
        expect(STATUSES).toContain(claim.status);
        expect(claim.statusLog.at(-1)!.status).toBe(claim.status);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets an approved claim have a failing checklist, nor a dispute happen twice', () => {
    fc.assert(
      fc.property(stepsArb, (steps) => {
        const { events } = run(steps);
        expect(events.filter((e) => e.type === 'disputed').length).toBeLessThanOrEqual(1);
        let claim: Claim | null = null;
        for (const event of events) {
          const before: Claim | null = claim;
          claim = evolve(claim, event);
          if (event.type === 'approved' || event.type === 'disputeApproved') {
            const items = ['poe_present', 'customer_verification', 'date', 'partner_solution', ...before!.products.map((p) => `product:${p.productId}`)];
            for (const item of items) expect(before!.checklist[item as 'date']?.result).toBe('pass');
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
