import { describe, expect, it } from 'vitest';
import { clocks } from '@shared/index';
import { actors, at, history, SETTINGS } from '../sla/testing/claims';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, type Claim } from '@shared/index';
import { generateClaims } from '../queue/testing/generateClaims';
import { BreachHistory, breachesOf, weeklyBreaches, weeklyFromItems } from './history';

const iso = (ms: number) => new Date(ms).toISOString();

describe('breach history', () => {
  it('finds when past stays breached, and not the stays that ended in time', () => {
    // Picked up a week late (pickup due Mon Nov 9, 09:00 PST), decided in time for the overall clock.
    const late = history('late', [
      ['submit', actors.partner, '2026-11-02T17:00:00Z'],
      ['startReview', actors.reviewer, '2026-11-12T17:00:00Z'],
      ['approve', actors.reviewer, '2026-11-13T17:00:00Z'],
    ]);
    expect(breachesOf(late, SETTINGS).map((b) => [b.clock, iso(b.atMs)])).toEqual([['pickup', '2026-11-09T17:00:00.000Z']]);
  });

  it('finds the overall breach across a pause for the partner, where the counted time reached 10 days', () => {
    const paused = history('paused', [
      ['submit', actors.partner, '2026-11-02T17:00:00Z'],
      ['startReview', actors.reviewer, '2026-11-03T17:00:00Z'],
      ['requestInfo', actors.reviewer, '2026-11-06T17:00:00Z'],
      ['resubmit', actors.partner, '2026-11-10T17:00:00Z'],
      ['startReview', actors.reviewer, '2026-11-10T18:00:00Z'],
    ]);
    const overall = clocks(paused, at('2026-12-01T00:00:00Z'), SETTINGS.calendar, { policy: SETTINGS.policy }).find((r) => r.clock === 'overall')!;
    const breaches = breachesOf(paused, SETTINGS);
    expect(breaches.find((b) => b.clock === 'overall')?.atMs).toBe(overall.dueAt.getTime());
    // 4 business days before the pause, 6 after the resubmission on Tuesday Nov 10 at 09:00 PST.
    expect(iso(overall.dueAt.getTime())).toBe('2026-11-18T17:00:00.000Z');
    // The review stay that is still going breaches at its due instant too (callers keep those up to now).
    expect(breaches.map((b) => b.clock)).toEqual(['review', 'overall']);
  });

  it('counts breaches per week, Monday to Sunday in the calendar zone', () => {
    const late = history('late', [
      ['submit', actors.partner, '2026-11-02T17:00:00Z'],
      ['startReview', actors.reviewer, '2026-11-12T17:00:00Z'],
      ['approve', actors.reviewer, '2026-11-13T17:00:00Z'],
    ]);
    const open = history('open', [['submit', actors.partner, '2026-11-16T17:00:00Z']]);
    const weeks = weeklyBreaches([late, open], (c) => breachesOf(c, SETTINGS), SETTINGS.calendar, at('2026-11-25T19:00:00Z').getTime(), 4);
    expect(weeks.map((w) => [w.weekStart, w.total])).toEqual([
      ['2026-11-02', 0],
      ['2026-11-09', 1],
      ['2026-11-16', 0],
      // The open claim's pickup ran out on Monday Nov 23 at 09:00 PST; its overall clock not yet.
      ['2026-11-23', 1],
    ]);
    expect(weeks[3]!.byClock.pickup).toBe(1);
    expect(iso(weeks[1]!.startMs)).toBe('2026-11-09T08:00:00.000Z');
  });
});

describe('breach history index', () => {
  it('kept up to date with the store’s delta, gives the same weeks as reading every claim', () => {
    const now = Date.parse('2026-12-01T17:30:00.000Z');
    const settings = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY };
    const breaches = (c: Claim) => breachesOf(c, settings);
    const first = generateClaims({ count: 3000, now: new Date(now - 5 * 86_400_000) });
    const later = generateClaims({ count: 3000, now: new Date(now), seed: 11 });
    const history = new BreachHistory(breaches);
    let claims = new Map(first.map((c) => [c.id, c]));
    history.update(claims, { revision: 1, changed: null });
    const next = new Map(claims);
    const changed: string[] = [];
    for (const c of later.slice(0, 500)) {
      next.set(c.id, c);
      changed.push(c.id);
    }
    next.delete(first[2999]!.id);
    changed.push(first[2999]!.id);
    claims = next;
    const perClock = history.update(claims, { revision: 2, changed });
    const expected = weeklyBreaches([...claims.values()], breaches, settings.calendar, now, 8);
    expect(weeklyFromItems(perClock, settings.calendar, now, 8)).toEqual(expected);
    expect(expected.reduce((n, w) => n + w.total, 0)).toBeGreaterThan(50);
  });
});
