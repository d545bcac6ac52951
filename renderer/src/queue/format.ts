/** Display formatting for queue cells: countdowns, day counts, dates, numbers. */
import type { ClockLevel, ClockName } from '@shared/index';

import { format, queueMessages as m } from './messages';
import type { QueueClock } from './model';

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** `2d 04:12:09`, `04:12:09`: the magnitude of a duration, to the second. */
export function formatDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const min = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = `${pad(h)}:${pad(min)}:${pad(s)}`;
  return days > 0 ? `${days}d ${clock}` : clock;
}

/** ISO 8601 duration for `<time dateTime>`. */
export function isoDuration(ms: number): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const days = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const min = Math.floor((total % 3600) / 60);
  return `P${days}DT${h}H${min}M${total % 60}S`;
}

/** Countdown text of a clock at `nowMs`: time left, time overdue, or how long a window has been closed. */
export function countdownText(clock: QueueClock, nowMs: number): string {
  const left = clock.dueMs - nowMs;
  const time = formatDuration(left);
  if (left > 0) return format(m.timeLeft, { time });
  return format(clock.kind === 'window' ? m.timeClosedAgo : m.timeOverdue, { time });
}

const LEVEL_TEXT: Record<'sla' | 'window', Record<ClockLevel, string>> = {
  sla: { on_track: m.levelOnTrack, at_risk: m.levelAtRisk, breached: m.levelBreached },
  window: { on_track: m.windowOpen, at_risk: m.windowClosing, breached: m.windowClosed },
};

export function levelText(kind: 'sla' | 'window', level: ClockLevel): string {
  return LEVEL_TEXT[kind][level];
}

export const CLOCK_TEXT: Record<ClockName, string> = {
  pickup: m.clockPickup,
  review: m.clockReview,
  partnerResponse: m.clockPartnerResponse,
  overall: m.clockOverall,
  consent: m.clockConsent,
  disputeWindow: m.clockDisputeWindow,
  disputeReview: m.clockDisputeReview,
};

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1, minimumFractionDigits: 1 });

/** `1.3 business days left`, `0.4 days over`. */
export function remainingText(clock: QueueClock, remaining: number): string {
  const days = oneDecimal.format(Math.abs(remaining));
  if (clock.unit === 'business_days') return format(remaining >= 0 ? m.businessDaysLeft : m.businessDaysOver, { days });
  return format(remaining >= 0 ? m.daysLeft : m.daysOver, { days });
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function formatInstant(ms: number): string {
  return dateTime.format(ms);
}

const integer = new Intl.NumberFormat();
export function formatCount(n: number): string {
  return integer.format(n);
}

/** The end of the local day containing `nowMs` (what "Due today" runs to). */
export function endOfLocalDay(nowMs: number): number {
  const d = new Date(nowMs);
  d.setHours(24, 0, 0, 0);
  return d.getTime() - 1;
}
