import { describe, expect, it } from 'vitest';
import { clocks, MS_PER_DAY } from '@shared/index';
import { buildClaimSla, claimLevelAt, dueAt, levelAt, remainingAt } from './model';
import { actors, at, history, SETTINGS } from './testing/claims';

const { calendar, policy } = SETTINGS;

const claims = {
  // Wednesday 10:00 PST, the day before Thanksgiving (Thursday and Friday are holidays here).
  submitted: history('c-sub', [['submit', actors.partner, '2026-11-25T18:00:00Z']]),
  reviewing: history('c-rev', [
    ['submit', actors.partner, '2026-11-23T17:00:00Z'],
    ['startReview', actors.reviewer, '2026-11-24T20:00:00Z'],
  ]),
  waiting: history('c-wait', [
    ['submit', actors.partner, '2026-11-16T17:00:00Z'],
    ['startReview', actors.reviewer, '2026-11-18T17:00:00Z'],
    ['requestInfo', actors.reviewer, '2026-11-24T17:00:00Z'],
  ]),
  resubmitted: history('c-again', [
    ['submit', actors.partner, '2026-11-16T17:00:00Z'],
    ['startReview', actors.reviewer, '2026-11-18T17:00:00Z'],
    ['requestInfo', actors.reviewer, '2026-11-20T17:00:00Z'],
    ['resubmit', actors.partner, '2026-11-25T17:00:00Z'],
  ]),
};

describe('claim SLA picture', () => {
  it('knows the due and at-risk instants of a pickup clock across Thanksgiving and a weekend', () => {
    const sla = buildClaimSla(claims.submitted, SETTINGS, at('2026-11-25T19:00:00Z').getTime());
    const pickup = sla.entries.find((e) => e.clock === 'pickup')!;
    // 14 h of Wednesday, Monday, Tuesday, Wednesday, Thursday: 4.58; 5.0 on Friday Dec 4 at 10:00 PST.
    expect(new Date(pickup.dueMs).toISOString()).toBe('2026-12-04T18:00:00.000Z');
    // 3.75 business days: Thursday Dec 3 at 04:00 PST.
    expect(new Date(pickup.atRiskMs).toISOString()).toBe('2026-12-03T12:00:00.000Z');
    expect(sla.entries.map((e) => e.clock)).toEqual(['pickup', 'overall']);
    expect(sla.stayKey).toBe(`c-sub@${at('2026-11-25T18:00:00Z').getTime()}`);
  });

  it('reads the same level as the shared clocks at every half hour for three weeks', () => {
    for (const claim of Object.values(claims)) {
      const sla = buildClaimSla(claim, SETTINGS, at('2026-11-25T19:00:00Z').getTime());
      for (let t = at('2026-11-25T19:07:00Z').getTime(); t < at('2026-12-16T00:00:00Z').getTime(); t += 30 * 60_000) {
        const readings = clocks(claim, new Date(t), calendar, { policy });
        for (const entry of sla.entries) {
          const reading = readings.find((r) => r.clock === entry.clock)!;
          expect([claim.id, entry.clock, new Date(t).toISOString(), levelAt(entry, t)]).toEqual([claim.id, entry.clock, new Date(t).toISOString(), reading.level]);
          expect(remainingAt(entry, t, calendar)).toBeCloseTo(reading.remaining, 9);
          if (!entry.paused) expect(dueAt(entry, t, calendar)).toBe(reading.dueAt.getTime());
        }
      }
    }
  });

  it('keeps a paused overall clock still and reports when it would be due if resumed', () => {
    const sla = buildClaimSla(claims.waiting, SETTINGS, at('2026-11-25T19:00:00Z').getTime());
    const overall = sla.entries.find((e) => e.clock === 'overall')!;
    expect(overall.paused).toBe(true);
    expect(sla.entries.map((e) => e.clock)).toEqual(['partnerResponse', 'overall']);
    const monday = at('2026-11-30T17:00:00Z').getTime();
    expect(remainingAt(overall, monday, calendar)).toBe(overall.pausedRemaining);
    expect(dueAt(overall, monday, calendar)).toBe(clocks(claims.waiting, new Date(monday), calendar).find((r) => r.clock === 'overall')!.dueAt.getTime());
    // The partner-response clock is the partner's and the overall one stands still: no reviewer level.
    expect(claimLevelAt(sla, at('2026-12-20T00:00:00Z').getTime())).toBeNull();
    expect(sla.breachMs).toBe(Number.POSITIVE_INFINITY);
  });

  it('takes the worst reviewer clock for the claim level', () => {
    const sla = buildClaimSla(claims.reviewing, SETTINGS, at('2026-11-25T19:00:00Z').getTime());
    const first = Math.min(...sla.entries.map((e) => e.dueMs));
    expect(claimLevelAt(sla, first - 1)).not.toBe('breached');
    expect(claimLevelAt(sla, first)).toBe('breached');
    expect(sla.breachMs).toBe(first);
    expect(claimLevelAt(buildClaimSla(history('c-draft', [['create', actors.partner, '2026-11-25T18:00:00Z']]), SETTINGS, first), first)).toBeNull();
    expect(first - at('2026-11-24T20:00:00Z').getTime()).toBeGreaterThan(5 * MS_PER_DAY);
  });
});
