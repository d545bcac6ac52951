import { describe, expect, it } from 'vitest';
import type { Calendar } from '../calendar/calendar';
import { MS_PER_DAY } from '../calendar/calendar';
import type { CommandInput } from '../domain/commands';
import type { Actor, Claim } from '../domain/model';
import { actors, apply, createCommand, passAll, TEST_CALENDAR } from '../testing/fixtures';
import { clocks, dueSystemCommands, type ClockName } from './clocks';
import { explainClock } from './explain';

const t = (iso: string) => new Date(iso);

/** Drives a claim through commands given as [command type, actor, ISO time]. */
function history(steps: [CommandInput['type'], Actor, string][], calendar: Calendar = TEST_CALENDAR): Claim {
  let claim = apply(null, createCommand(), actors.partner, t(steps[0]![2]), calendar).claim;
  for (const [type, actor, when] of steps) {
    const command: CommandInput =
      type === 'requestInfo'
        ? { type, claimId: claim.id, codes: ['missing_product'], message: 'Power BI is not named.' }
        : type === 'reject'
          ? { type, claimId: claim.id, reasons: ['insufficient_poe'], message: 'Unsigned.' }
          : ({ type, claimId: claim.id } as CommandInput);
    if (type === 'approve') claim = passAll(claim, actor, t(when));
    claim = apply(claim, command, actor, t(when), calendar).claim;
  }
  return claim;
}

const read = (claim: Claim, clock: ClockName, now: string, calendar: Calendar = TEST_CALENDAR, atRiskAt?: number) =>
  clocks(claim, t(now), calendar, atRiskAt === undefined ? undefined : { atRiskAt }).find((r) => r.clock === clock);

describe('which clocks run', () => {
  it('pickup runs while submitted, review while in review, and each stops on leaving', () => {
    const submitted = history([['submit', actors.partner, '2026-11-02T17:00:00Z']]);
    expect(clocks(submitted, t('2026-11-03T17:00:00Z'), TEST_CALENDAR).map((r) => r.clock)).toEqual(['pickup', 'overall']);
    const reviewing = history([
      ['submit', actors.partner, '2026-11-02T17:00:00Z'],
      ['startReview', actors.reviewer, '2026-11-03T17:00:00Z'],
    ]);
    const readings = clocks(reviewing, t('2026-11-04T17:00:00Z'), TEST_CALENDAR);
    expect(readings.map((r) => r.clock)).toEqual(['review', 'overall']);
    expect(readings[0]).toMatchObject({ elapsed: 1, startedAt: t('2026-11-03T17:00:00Z'), running: true });
  });

  it('a draft has no clock; a decided claim keeps its stopped overall clock', () => {
    const draft = apply(null, createCommand(), actors.partner, t('2026-11-02T17:00:00Z')).claim;
    expect(clocks(draft, t('2026-11-20T00:00:00Z'), TEST_CALENDAR)).toEqual([]);
    const approved = history([
      ['submit', actors.partner, '2026-11-02T17:00:00Z'],
      ['startReview', actors.reviewer, '2026-11-03T17:00:00Z'],
      ['approve', actors.reviewer, '2026-11-04T17:00:00Z'],
    ]);
    const overall = read(approved, 'overall', '2026-12-20T00:00:00Z')!;
    expect(overall).toMatchObject({ running: false, paused: false, elapsed: 2, level: 'on_track' });
    expect(read(approved, 'consent', '2026-11-05T17:00:00Z')).toMatchObject({ unit: 'days', elapsed: 1, target: 7 });
  });

  it('the dispute window runs only for disputable rejections; dispute review while disputed', () => {
    const rejected = history([
      ['submit', actors.partner, '2026-11-02T17:00:00Z'],
      ['startReview', actors.reviewer, '2026-11-03T17:00:00Z'],
      ['reject', actors.reviewer, '2026-11-04T17:00:00Z'],
    ]);
    expect(read(rejected, 'disputeWindow', '2026-11-19T17:00:00Z')).toMatchObject({ unit: 'days', elapsed: 15, fractionUsed: 0.5 });
    const withdrawn = history([['submit', actors.partner, '2026-11-02T17:00:00Z'], ['withdraw', actors.partner, '2026-11-03T17:00:00Z']]);
    expect(read(withdrawn, 'disputeWindow', '2026-11-04T17:00:00Z')).toBeUndefined();
    const disputed = apply(rejected, { type: 'dispute', claimId: rejected.id, justification: 'Signed copy.' }, actors.partner, t('2026-11-05T17:00:00Z')).claim;
    expect(read(disputed, 'disputeReview', '2026-11-06T17:00:00Z')).toMatchObject({ elapsed: 1, target: 5 });
    expect(read(disputed, 'disputeWindow', '2026-11-06T17:00:00Z')).toBeUndefined();
  });
});

describe('levels at the edges', () => {
  // Submitted Monday 2026-11-02 09:00 PST: 5 business days later is Monday 2026-11-09 09:00.
  const claim = history([['submit', actors.partner, '2026-11-02T17:00:00Z']]);
  const due = Date.parse('2026-11-09T17:00:00Z');

  it('breached exactly at the due instant, not a millisecond before', () => {
    expect(read(claim, 'pickup', '2026-11-02T17:00:00Z')!.dueAt).toEqual(new Date(due));
    expect(read(claim, 'pickup', new Date(due - 1).toISOString())!.level).toBe('at_risk');
    expect(read(claim, 'pickup', new Date(due).toISOString())).toMatchObject({ level: 'breached', remaining: 0, fractionUsed: 1 });
  });

  it('at risk from 75 % used (3.75 business days), configurable', () => {
    // 3.75 business days after Monday 09:00 is Friday 03:00 local (11:00Z).
    const edge = Date.parse('2026-11-06T11:00:00Z');
    expect(read(claim, 'pickup', new Date(edge - 1).toISOString())!.level).toBe('on_track');
    expect(read(claim, 'pickup', new Date(edge).toISOString())!.level).toBe('at_risk');
    expect(read(claim, 'pickup', new Date(edge).toISOString(), TEST_CALENDAR, 0.9)!.level).toBe('on_track');
  });

  it('does not escalate over a weekend: a Friday-afternoon clock keeps its time until Monday', () => {
    const friday = history([['submit', actors.partner, '2026-11-13T23:00:00Z']]); // Friday 15:00 PST
    const oneDay = { ...TEST_CALENDAR };
    const readAt = (iso: string) => clocks(friday, t(iso), oneDay, { policy: { pickupDays: 1 } }).find((r) => r.clock === 'pickup')!;
    expect(readAt('2026-11-14T20:00:00Z').elapsed).toBeCloseTo(9 / 24, 9); // Saturday noon: only Friday's last 9 hours count
    expect(readAt('2026-11-16T08:00:00Z').elapsed).toBeCloseTo(9 / 24, 9); // Monday 00:00: still 9 hours
    expect(readAt('2026-11-16T22:59:59Z').level).not.toBe('breached');
    expect(readAt('2026-11-16T23:00:00Z').level).toBe('breached');
  });

  it('counts over Thanksgiving holidays without turning 4 days into 6', () => {
    // Submitted Tuesday 2026-11-24 10:00 PST; Thu 26 and Fri 27 are holidays in the test calendar.
    const claim = history([['submit', actors.partner, '2026-11-24T18:00:00Z']]);
    expect(read(claim, 'pickup', '2026-11-30T18:00:00Z')!.elapsed).toBe(2); // Tue→Wed, Wed→Mon
    expect(read(claim, 'pickup', '2026-11-24T18:00:00Z')!.dueAt).toEqual(t('2026-12-03T18:00:00Z'));
  });

  it('keeps local wall time across a DST change', () => {
    // Friday 2026-03-06 12:00 PST; DST starts Sunday 03-08; due the next Friday 12:00 PDT = 19:00Z.
    const claim = history([['submit', actors.partner, '2026-03-06T20:00:00Z']]);
    expect(read(claim, 'pickup', '2026-03-06T20:00:00Z')!.dueAt).toEqual(t('2026-03-13T19:00:00Z'));
    expect(read(claim, 'pickup', '2026-03-13T18:59:59.999Z')!.level).toBe('at_risk');
    expect(read(claim, 'pickup', '2026-03-13T19:00:00Z')!.level).toBe('breached');
  });
});

describe('overall reviewer SLA', () => {
  // Three partner round trips; each stay with the partner lasts longer than the whole target.
  const steps: [CommandInput['type'], Actor, string][] = [
    ['submit', actors.partner, '2026-11-02T17:00:00Z'], // Mon
    ['startReview', actors.reviewer, '2026-11-03T17:00:00Z'], // +1
    ['requestInfo', actors.reviewer, '2026-11-04T17:00:00Z'], // +1 → 2
    ['resubmit', actors.partner, '2026-11-10T17:00:00Z'], // paused 4 business days
    ['startReview', actors.reviewer, '2026-11-11T17:00:00Z'], // +1 → 3
    ['requestInfo', actors.reviewer, '2026-11-12T17:00:00Z'], // +1 → 4
    ['resubmit', actors.partner, '2026-11-17T17:00:00Z'], // paused
    ['startReview', actors.reviewer, '2026-11-18T17:00:00Z'], // +1 → 5
    ['requestInfo', actors.reviewer, '2026-11-19T17:00:00Z'], // +1 → 6
  ];
  const claim = history(steps);

  it('pauses while the partner acts: elapsed and remaining stand still', () => {
    const a = read(claim, 'overall', '2026-11-20T17:00:00Z')!;
    const b = read(claim, 'overall', '2026-12-18T17:00:00Z')!;
    expect(a).toMatchObject({ running: false, paused: true, elapsed: 6, remaining: 4, level: 'on_track' });
    expect(b).toMatchObject({ paused: true, elapsed: 6, remaining: 4, level: 'on_track' });
  });

  it('resumes where it stopped and is due when the remaining time runs out', () => {
    const resumed = apply(claim, { type: 'resubmit', claimId: claim.id }, actors.partner, t('2026-11-23T17:00:00Z')).claim; // Mon
    const r = read(resumed, 'overall', '2026-11-24T17:00:00Z')!;
    expect(r).toMatchObject({ running: true, paused: false, elapsed: 7 });
    // 4 business days from Mon 23 09:00, skipping the Thanksgiving holidays 26–27: Tue, Wed, Mon 30, Tue Dec 1 → Dec 1 09:00.
    expect(r.dueAt).toEqual(t('2026-12-01T17:00:00Z'));
  });

  it('explains itself: counted stays, pauses, skipped days and the zone', () => {
    const explanation = explainClock(claim, 'overall', t('2026-11-20T17:00:00Z'), TEST_CALENDAR)!;
    expect(explanation.counted.map((i) => [i.status, i.businessDays])).toEqual([
      ['submitted', 1],
      ['in_review', 1],
      ['submitted', 1],
      ['in_review', 1],
      ['submitted', 1],
      ['in_review', 1],
    ]);
    expect(explanation.paused).toHaveLength(3);
    expect(explanation.timeZone).toBe('America/Los_Angeles');
    expect(explanation.skippedDays).toContainEqual({ date: '2026-11-07', kind: 'weekend' });
    expect(explanation.skippedDays).toContainEqual({ date: '2026-11-26', kind: 'holiday' });
    expect(explainClock(claim, 'pickup', t('2026-11-20T17:00:00Z'), TEST_CALENDAR)).toBeNull();
  });
});

describe('dueSystemCommands', () => {
  const pan = history([
    ['submit', actors.partner, '2026-11-02T17:00:00Z'],
    ['startReview', actors.reviewer, '2026-11-03T17:00:00Z'],
    ['requestInfo', actors.reviewer, '2026-11-20T17:00:00Z'], // Friday 09:00 PST
  ]);

  it('expires the partner response at the due instant, skipping weekend and holidays', () => {
    // Fri 20 → Mon 23, Tue 24, Wed 25, (Thu 26, Fri 27 holidays), Mon 30, Tue Dec 1 → 5 days at Tue Dec 1 09:00... counted from Fri 09:00: Fri→Mon(1) Tue(2) Wed(3) Mon30(4) Tue(5)
    const due = '2026-12-01T17:00:00.000Z';
    expect(dueSystemCommands(pan, new Date(Date.parse(due) - 1), TEST_CALENDAR)).toEqual([]);
    expect(dueSystemCommands(pan, t(due), TEST_CALENDAR)).toEqual([{ type: 'expirePartnerResponse', claimId: pan.id, dueAt: due }]);
    // Catch-up after downtime: still due, with the original due instant as its effective time.
    expect(dueSystemCommands(pan, t('2027-01-15T00:00:00Z'), TEST_CALENDAR)[0]).toMatchObject({ dueAt: due });
  });

  it('closes the consent window after 7 days', () => {
    const approved = history([
      ['submit', actors.partner, '2026-11-02T17:00:00Z'],
      ['startReview', actors.reviewer, '2026-11-03T17:00:00Z'],
      ['approve', actors.reviewer, '2026-11-04T17:00:00Z'],
    ]);
    const end = Date.parse('2026-11-04T17:00:00Z') + 7 * MS_PER_DAY;
    expect(dueSystemCommands(approved, new Date(end - 1), TEST_CALENDAR)).toEqual([]);
    expect(dueSystemCommands(approved, new Date(end), TEST_CALENDAR)).toEqual([
      { type: 'closeConsentWindow', claimId: approved.id, dueAt: new Date(end).toISOString() },
    ]);
  });

  it('returns nothing for claims without deadlines that act on their own', () => {
    const submitted = history([['submit', actors.partner, '2026-11-02T17:00:00Z']]);
    expect(dueSystemCommands(submitted, t('2027-06-01T00:00:00Z'), TEST_CALENDAR)).toEqual([]);
  });
});

describe('time zones', () => {
  it('counts in the calendar zone: Tokyo business days are Tokyo days', () => {
    const tokyo: Calendar = { timeZone: 'Asia/Tokyo', weekend: [0, 6], holidays: ['2026-11-03', '2026-11-23'] };
    // Submitted Monday 2026-11-02 10:00 JST (01:00Z); Tuesday 3rd is Culture Day.
    const claim = history([['submit', actors.partner, '2026-11-02T01:00:00Z']], tokyo);
    expect(read(claim, 'pickup', '2026-11-02T01:00:00Z', tokyo)!.dueAt).toEqual(t('2026-11-10T01:00:00Z'));
    expect(read(claim, 'pickup', '2026-11-04T01:00:00Z', tokyo)!.elapsed).toBe(1);
  });
});
