import { describe, expect, it } from 'vitest';
import { buildClaimSla } from '../sla/model';
import { actors, assign, at, history, SETTINGS } from '../sla/testing/claims';
import { dayMarks } from './forecast';
import { decisionsOf, workload } from './workload';
import type { Claim } from '@shared/index';

// Wednesday 2026-11-25, 11:00 PST; the week began on Monday the 23rd.
const NOW = at('2026-11-25T19:00:00Z').getTime();
const { weekStartMs } = dayMarks(SETTINGS.calendar, NOW);

const r1 = actors.reviewer; // reviewer-1
const r2 = actors.otherReviewer; // reviewer-2

const claims: Claim[] = [
  // reviewer-1: one in review (on track), one approved this week, one rejected last week.
  history('a', [['submit', actors.partner, '2026-11-24T17:00:00Z'], ['startReview', r1, '2026-11-24T18:00:00Z']]),
  history('b', [['submit', actors.partner, '2026-11-16T17:00:00Z'], ['startReview', r1, '2026-11-17T17:00:00Z'], ['approve', r1, '2026-11-24T17:00:00Z']]),
  history('c', [['submit', actors.partner, '2026-11-12T17:00:00Z'], ['startReview', r1, '2026-11-13T17:00:00Z'], ['reject', r1, '2026-11-20T17:00:00Z']]),
  // reviewer-2: in review and breached (review clock from Nov 10), a rejection this week, a withdrawal this week.
  history('d', [['submit', actors.partner, '2026-11-09T17:00:00Z'], ['startReview', r2, '2026-11-10T17:00:00Z']]),
  history('e', [['submit', actors.partner, '2026-11-19T17:00:00Z'], ['startReview', r2, '2026-11-20T17:00:00Z'], ['reject', r2, '2026-11-23T17:00:00Z']]),
  history('f', [['submit', actors.partner, '2026-11-19T17:00:00Z'], ['startReview', r2, '2026-11-20T17:00:00Z'], ['withdraw', actors.partner, '2026-11-24T17:00:00Z']]),
  // Unassigned: submitted, pickup at risk (3.9 business days used); and one reassigned to reviewer-3 then unassigned.
  history('g', [['submit', actors.partner, '2026-11-19T19:24:00Z']]),
  assign(assign(history('h', [['submit', actors.partner, '2026-11-25T17:00:00Z']]), 'reviewer-3', '2026-11-25T17:30:00Z'), null, '2026-11-25T18:00:00Z'),
];

describe('workload', () => {
  const slaOf = (claim: Claim) => buildClaimSla(claim, SETTINGS, NOW);

  it('counts open claims, levels and this week’s decisions per reviewer', () => {
    const { rows, unassigned } = workload(claims, slaOf, NOW, weekStartMs, ['reviewer-4']);
    const row = (id: string) => rows.find((r) => r.reviewer === id);
    expect(row('reviewer-1')).toEqual({ reviewer: 'reviewer-1', assigned: 1, inReview: 1, disputes: 0, atRisk: 0, breached: 0, decidedThisWeek: 1 });
    expect(row('reviewer-2')).toEqual({ reviewer: 'reviewer-2', assigned: 1, inReview: 1, disputes: 0, atRisk: 0, breached: 1, decidedThisWeek: 1 });
    expect(row('reviewer-4')).toEqual({ reviewer: 'reviewer-4', assigned: 0, inReview: 0, disputes: 0, atRisk: 0, breached: 0, decidedThisWeek: 0 });
    expect(row('reviewer-3')).toBeUndefined();
    expect(unassigned).toEqual({ reviewer: null, assigned: 2, inReview: 0, disputes: 0, atRisk: 1, breached: 0, decidedThisWeek: 0 });
    expect(rows.map((r) => r.reviewer)).toEqual(['reviewer-1', 'reviewer-2', 'reviewer-4']);
  });

  it('knows who decided: the rejection’s reviewer, the assignee for an approval; withdrawals are not decisions', () => {
    expect(decisionsOf(claims[1]!)).toEqual([{ atMs: at('2026-11-24T17:00:00Z').getTime(), by: 'reviewer-1' }]);
    expect(decisionsOf(claims[4]!)).toEqual([{ atMs: at('2026-11-23T17:00:00Z').getTime(), by: 'reviewer-2' }]);
    expect(decisionsOf(claims[5]!)).toEqual([]);
  });

  it('moves counts when a claim is reassigned', () => {
    const moved = claims.map((c) => (c.id === 'd' ? assign(c, 'reviewer-1', '2026-11-25T18:30:00Z') : c));
    const { rows } = workload(moved, slaOf, NOW, weekStartMs);
    expect(rows.find((r) => r.reviewer === 'reviewer-1')!.breached).toBe(1);
    expect(rows.find((r) => r.reviewer === 'reviewer-2')!.assigned).toBe(0);
  });
});

describe('workload from the SLA index', () => {
  it('open claims from the index and this week’s changed claims give the same figures as every claim', async () => {
    const { generateClaims } = await import('../queue/testing/generateClaims');
    const { SlaIndex } = await import('../sla/slaIndex');
    const { DEFAULT_CALENDAR, DEFAULT_POLICY, OPEN_STATUSES } = await import('@shared/index');
    const now = Date.parse('2026-12-01T17:30:00.000Z');
    const settings = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY };
    const all = generateClaims({ count: 4000, now: new Date(now) });
    const index = new SlaIndex(settings);
    index.update(new Map(all.map((c) => [c.id, c])), now);
    const week = dayMarks(settings.calendar, now).weekStartMs;
    const open = new Set<string>(OPEN_STATUSES);
    const few = [...[...index.withClocks()].map((s) => s.claim), ...index.changedSince(week).filter((c) => !open.has(c.status))];
    expect(few.length).toBeLessThan(all.length / 4);
    const slaOf = (c: Claim) => index.of(c, now);
    expect(workload(few, slaOf, now, week)).toEqual(workload(all, slaOf, now, week));
    expect(workload(all, slaOf, now, week).rows.some((r) => r.decidedThisWeek > 0)).toBe(true);
  });
});
