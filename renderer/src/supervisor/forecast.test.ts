import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, type Claim } from '@shared/index';
import { generateClaims } from '../queue/testing/generateClaims';
import { remainingAt, SLA_CLOCKS } from '../sla/model';
import { SlaIndex } from '../sla/slaIndex';
import { actors, at, history, SETTINGS, TEST_CALENDAR } from '../sla/testing/claims';
import { breachesAhead, dayMarks, forecastByBusinessDay, remainingDistribution } from './forecast';

const asMap = (claims: readonly Claim[]) => new Map(claims.map((c) => [c.id, c]));
const iso = (ms: number) => new Date(ms).toISOString();

// Wednesday 2026-11-25, 11:00 PST; Thursday and Friday are holidays in the test calendar.
const NOW = at('2026-11-25T19:00:00Z').getTime();

const claims = {
  // Pickup due today at 12:00 PST: 0.5 + Thu, Fri, Mon, Tue + 0.5.
  dueToday: history('due-today', [['submit', actors.partner, '2026-11-18T20:00:00Z']]),
  // Pickup due on the next business day (Monday 30th, 10:00 PST), past the holidays and the weekend.
  dueMonday: history('due-monday', [['submit', actors.partner, '2026-11-19T18:00:00Z']]),
  // Submitted on a Saturday: counting starts on Monday, due at the end of Friday Dec 4 (Saturday 00:00).
  dueEndOfFriday: history('due-friday', [['submit', actors.partner, '2026-11-28T18:00:00Z']]),
  breached: history('breached', [['submit', actors.partner, '2026-11-10T18:00:00Z']]),
};

describe('day marks', () => {
  it('finds today, the next business day past holidays and the weekend, and the week (calendar zone)', () => {
    const marks = dayMarks(TEST_CALENDAR, NOW);
    expect(marks.today.date).toBe('2026-11-25');
    expect(marks.nextBusinessDay.date).toBe('2026-11-30');
    expect(iso(marks.weekStartMs)).toBe('2026-11-23T08:00:00.000Z');
    expect(iso(marks.weekEndMs)).toBe('2026-11-30T08:00:00.000Z');
  });
});

describe('breaches ahead', () => {
  it('lists what breaches in the rest of today, the next business day and this week', () => {
    const snapshot = new SlaIndex(SETTINGS).update(asMap(Object.values(claims)), NOW);
    const ahead = breachesAhead(snapshot.allByDue, TEST_CALENDAR, NOW);
    const ids = (xs: typeof ahead.today) => xs.map((e) => `${e.owner.claim.id}:${e.clock}`);
    expect(ids(ahead.today)).toEqual(['due-today:pickup']);
    expect(ids(ahead.nextBusinessDay)).toEqual(['due-monday:pickup']);
    expect(ids(ahead.thisWeek)).toEqual(['due-today:pickup']);
    expect(iso(ahead.nextBusinessDay[0]!.dueMs)).toBe('2026-11-30T18:00:00.000Z');
  });
});

describe('forecast per business day', () => {
  it('covers the next 10 business days, skipping weekends and holidays, a due at midnight counting for the day it ends', () => {
    const snapshot = new SlaIndex(SETTINGS).update(asMap(Object.values(claims)), NOW);
    const days = forecastByBusinessDay(snapshot.byDue, TEST_CALENDAR, NOW);
    expect(days.map((d) => d.date)).toEqual([
      '2026-11-25', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10',
    ]);
    const of = (date: string) => days.find((d) => d.date === date)!;
    expect(of('2026-11-25').byClock.pickup).toBe(1);
    expect(of('2026-11-30').byClock.pickup).toBe(1);
    expect(iso(snapshot.byDue.pickup.find((e) => e.owner.claim.id === 'due-friday')!.dueMs)).toBe('2026-12-05T08:00:00.000Z');
    expect(of('2026-12-04').byClock.pickup).toBe(1);
  });

  it('agrees with reading every entry, on 5,000 generated claims', () => {
    const now = Date.parse('2026-12-01T17:30:00.000Z');
    const snapshot = new SlaIndex({ calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY }).update(asMap(generateClaims({ count: 5000, now: new Date(now) })), now);
    const days = forecastByBusinessDay(snapshot.byDue, DEFAULT_CALENDAR, now, 10);
    let from = now;
    for (const day of days) {
      for (const clock of SLA_CLOCKS) {
        expect(day.byClock[clock]).toBe(snapshot.byDue[clock].filter((e) => e.dueMs > from && e.dueMs <= day.end).length);
      }
      from = day.end;
    }
    const buckets = remainingDistribution(snapshot.byDue, DEFAULT_CALENDAR, now);
    for (const bucket of buckets) {
      for (const clock of SLA_CLOCKS) {
        const expected = snapshot.byDue[clock].filter((e) => {
          const left = remainingAt(e, now, DEFAULT_CALENDAR);
          return bucket.from === Number.NEGATIVE_INFINITY ? e.dueMs <= now : e.dueMs > now && left > bucket.from + 1e-9 && left <= bucket.to + 1e-9;
        }).length;
        expect([bucket.from, clock, bucket.byClock[clock]]).toEqual([bucket.from, clock, expected]);
      }
    }
    expect(buckets.reduce((n, b) => n + b.total, 0)).toBe(snapshot.allByDue.length);
  });
});
