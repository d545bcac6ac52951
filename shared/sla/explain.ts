/**
 * "Why is this due then?" (SPEC §4): the intervals a clock counted, the pauses, the weekend days
 * and holidays it skipped, and the calendar it used. Not on any hot path.
 */
import { businessDaysBetween, calendarDays } from '../calendar/businessDays';
import type { Calendar } from '../calendar/calendar';
import type { Status } from '../domain/catalog';
import type { Claim } from '../domain/model';
import { clocks, type ClockName, type ClockOptions, type ClockReading } from './clocks';

export type ClockInterval = { status: Status; from: Date; to: Date; businessDays: number };

export type ClockExplanation = {
  reading: ClockReading;
  timeZone: string;
  weekend: number[];
  /** Stays that counted toward the clock. */
  counted: ClockInterval[];
  /** Stays in which the clock stood still (overall clock while the partner had to act). */
  paused: ClockInterval[];
  /** Non-business days between the clock's start and its due instant (or now, if later). */
  skippedDays: { date: string; kind: 'weekend' | 'holiday' }[];
};

const COUNTED_BY_CLOCK: Record<ClockName, readonly Status[]> = {
  pickup: ['submitted'],
  review: ['in_review'],
  partnerResponse: ['partner_action_needed'],
  overall: ['submitted', 'in_review'],
  consent: ['approved'],
  disputeWindow: ['rejected'],
  disputeReview: ['disputed'],
};

export function explainClock(
  claim: Claim,
  clock: ClockName,
  now: Date,
  calendar: Calendar,
  options?: ClockOptions,
): ClockExplanation | null {
  const reading = clocks(claim, now, calendar, options).find((r) => r.clock === clock);
  if (!reading) return null;
  const counted: ClockInterval[] = [];
  const paused: ClockInterval[] = [];
  const log = claim.statusLog;
  // Single-stay clocks count the current stay only; the overall clock every stay until a decision.
  const first = clock === 'overall' ? log.findIndex((span) => span.status === 'submitted') : log.length - 1;
  for (let i = first; i < log.length; i++) {
    const status = log[i]!.status;
    const from = new Date(log[i]!.from);
    const to = i + 1 < log.length ? new Date(log[i + 1]!.from) : now;
    const interval = { status, from, to, businessDays: businessDaysBetween(calendar, from, to) };
    if (COUNTED_BY_CLOCK[clock].includes(status)) counted.push(interval);
    else if (status === 'partner_action_needed') paused.push(interval);
    else break;
  }
  const until = new Date(Math.max(reading.dueAt.getTime(), Math.min(now.getTime(), reading.dueAt.getTime() + 366 * 86_400_000)));
  const skippedDays = calendarDays(calendar, reading.startedAt, until).flatMap((d) => (d.kind === 'business' ? [] : [{ date: d.date, kind: d.kind }]));
  return { reading, timeZone: calendar.timeZone, weekend: [...calendar.weekend], counted, paused, skippedDays };
}
