/** Display formatting for queue cells: countdowns, day counts, dates, numbers, in the language in effect. */
import type { ClockLevel, ClockName } from '@shared/index';

import { t, type MessageKey } from '../i18n';
import { formatDateTime, formatDurationMs, formatNumber } from '../i18n/format';
import type { QueueClock } from './model';


/** `2d 04:12:09` / `2日 04:12:09`, `04:12:09`: the magnitude of a duration, to the second, in the language in effect. */
export function formatDuration(ms: number): string {
  return formatDurationMs(ms);
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
  if (left > 0) return t('queue.timeLeft', { time });
  return t(clock.kind === 'window' ? 'queue.timeClosedAgo' : 'queue.timeOverdue', { time });
}

const LEVEL_KEYS: Record<'sla' | 'window', Record<ClockLevel, MessageKey>> = {
  sla: { on_track: 'queue.levelOnTrack', at_risk: 'queue.levelAtRisk', breached: 'queue.levelBreached' },
  window: { on_track: 'queue.windowOpen', at_risk: 'queue.windowClosing', breached: 'queue.windowClosed' },
};

export function levelText(kind: 'sla' | 'window', level: ClockLevel): string {
  return t(LEVEL_KEYS[kind][level]);
}

const CLOCK_KEYS: Record<ClockName, MessageKey> = {
  pickup: 'queue.clockPickup',
  review: 'queue.clockReview',
  partnerResponse: 'queue.clockPartnerResponse',
  overall: 'queue.clockOverall',
  consent: 'queue.clockConsent',
  disputeWindow: 'queue.clockDisputeWindow',
  disputeReview: 'queue.clockDisputeReview',
};

export function clockText(name: ClockName): string {
  return t(CLOCK_KEYS[name]);
}

/** `1.3 business days left`, `0.4 days over`. */
export function remainingText(clock: QueueClock, remaining: number): string {
  const days = formatNumber(Math.round(Math.abs(remaining) * 10) / 10, 1);
  if (clock.unit === 'business_days') return t(remaining >= 0 ? 'queue.businessDaysLeft' : 'queue.businessDaysOver', { days });
  return t(remaining >= 0 ? 'queue.daysLeft' : 'queue.daysOver', { days });
}

export function formatInstant(ms: number): string {
  return formatDateTime(ms);
}

export function formatCount(n: number): string {
  return formatNumber(n, 0);
}

/** The end of the local day containing `nowMs` (what "Due today" runs to). */
export function endOfLocalDay(nowMs: number): number {
  const d = new Date(nowMs);
  d.setHours(24, 0, 0, 0);
  return d.getTime() - 1;
}
