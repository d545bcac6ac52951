/**
 * SLA clocks (SPEC §4): a pure function of (claim, now, calendar). Countdown panels call it every
 * second for thousands of claims and the scheduler calls it to find due transitions, so it works
 * on epoch milliseconds and business positions and allocates little.
 */
import { businessTimeline } from '../calendar/businessDays';
import { MS_PER_DAY, type Calendar } from '../calendar/calendar';
import { DEFAULT_POLICY, UNDISPUTABLE_REASONS, type Policy, type Status } from '../domain/catalog';
import type { Command } from '../domain/commands';
import type { Claim } from '../domain/model';

export const CLOCK_NAMES = ['pickup', 'review', 'partnerResponse', 'overall', 'consent', 'disputeWindow', 'disputeReview'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];
export type ClockLevel = 'on_track' | 'at_risk' | 'breached';

export type ClockReading = {
  clock: ClockName;
  /** Business days, or elapsed 24-hour days for the calendar-day windows. */
  unit: 'business_days' | 'days';
  running: boolean;
  /** The overall clock stands still while the partner has to act. */
  paused: boolean;
  startedAt: Date;
  /** When the target is (or was) reached; while paused, when it would be if the clock resumed now. */
  dueAt: Date;
  target: number;
  elapsed: number;
  /** Negative once the target has passed. */
  remaining: number;
  fractionUsed: number;
  level: ClockLevel;
};

export type ClockOptions = { atRiskAt?: number; policy?: Partial<Policy> };

/** Statuses whose time counts toward the overall reviewer SLA. */
const OVERALL_COUNTED: ReadonlySet<Status> = new Set(['submitted', 'in_review']);
/** Statuses at which the overall clock has stopped for good. */
const OVERALL_DECIDED: ReadonlySet<Status> = new Set(['approved', 'rejected', 'sent_for_evaluation', 'disputed']);

export function levelOf(fractionUsed: number, atRiskAt: number): ClockLevel {
  if (fractionUsed >= 1) return 'breached';
  return fractionUsed >= atRiskAt ? 'at_risk' : 'on_track';
}

export function resolvePolicy(options?: ClockOptions): Policy {
  if (!options) return DEFAULT_POLICY;
  const policy = options.policy ? { ...DEFAULT_POLICY, ...options.policy } : DEFAULT_POLICY;
  return options.atRiskAt === undefined ? policy : { ...policy, atRiskAt: options.atRiskAt };
}

/** Every clock that applies to the claim now: running ones, the overall clock once submitted, open windows. */
export function clocks(claim: Claim, now: Date, calendar: Calendar, options?: ClockOptions): ClockReading[] {
  const policy = resolvePolicy(options);
  const timeline = businessTimeline(calendar);
  const nowMs = now.getTime();
  const nowPos = timeline.positionAt(nowMs);
  const log = claim.statusLog;
  const enteredMs = Date.parse(log[log.length - 1]!.from);
  const readings: ClockReading[] = [];

  const business = (clock: ClockName, startMs: number, target: number): ClockReading => {
    const startPos = timeline.positionAt(startMs);
    const elapsed = nowPos - startPos;
    return reading(clock, 'business_days', startMs, timeline.instantAt(startPos + target), target, elapsed, policy.atRiskAt);
  };
  const window = (clock: ClockName, startMs: number, days: number, unit: Policy['consentUnit']): ClockReading =>
    unit === 'business_days'
      ? business(clock, startMs, days)
      : reading(clock, 'days', startMs, startMs + days * MS_PER_DAY, days, (nowMs - startMs) / MS_PER_DAY, policy.atRiskAt);

  switch (claim.status) {
    case 'submitted':
      readings.push(business('pickup', enteredMs, policy.pickupDays));
      break;
    case 'in_review':
      readings.push(business('review', enteredMs, policy.reviewDays));
      break;
    case 'partner_action_needed':
      readings.push(business('partnerResponse', enteredMs, policy.partnerResponseDays));
      break;
    case 'approved':
      readings.push(window('consent', enteredMs, policy.consentDays, policy.consentUnit));
      break;
    case 'rejected':
      if (!claim.dispute && !claim.rejection?.reasons.some((r) => UNDISPUTABLE_REASONS.includes(r))) {
        readings.push(window('disputeWindow', enteredMs, policy.disputeWindowDays, 'days'));
      }
      break;
    case 'disputed':
      readings.push(business('disputeReview', enteredMs, policy.disputeReviewDays));
      break;
    default:
      break;
  }
  if (claim.firstSubmittedAt !== null) readings.push(overallClock(claim, nowMs, nowPos, timeline, policy));
  return readings;
}

/** The running clock a queue shows for a claim: the first running one, else none. */
export function primaryClock(readings: readonly ClockReading[]): ClockReading | undefined {
  return readings.find((r) => r.running && r.clock !== 'overall') ?? readings.find((r) => r.running);
}

function overallClock(
  claim: Claim,
  nowMs: number,
  nowPos: number,
  timeline: ReturnType<typeof businessTimeline>,
  policy: Policy,
): ClockReading {
  const log = claim.statusLog;
  const firstMs = Date.parse(claim.firstSubmittedAt!);
  let elapsed = 0;
  let stoppedAtPos = -1;
  for (let i = 0; i < log.length; i++) {
    const span = log[i]!;
    if (OVERALL_DECIDED.has(span.status)) {
      // Stopped at the first decision: a later dispute has a clock of its own.
      stoppedAtPos = timeline.positionAt(Date.parse(span.from));
      break;
    }
    if (!OVERALL_COUNTED.has(span.status)) continue;
    const fromPos = timeline.positionAt(Date.parse(span.from));
    const toPos = i + 1 < log.length ? timeline.positionAt(Date.parse(log[i + 1]!.from)) : nowPos;
    elapsed += toPos - fromPos;
  }
  const running = stoppedAtPos < 0 && OVERALL_COUNTED.has(claim.status);
  const paused = stoppedAtPos < 0 && claim.status === 'partner_action_needed';
  const target = policy.overallDays;
  // Due: where the remaining business time, counted on from the last moment the clock ran, runs out.
  const anchorPos = stoppedAtPos >= 0 ? stoppedAtPos : nowPos;
  const dueMs = timeline.instantAt(anchorPos + (target - elapsed));
  const result = reading('overall', 'business_days', firstMs, dueMs, target, elapsed, policy.atRiskAt);
  result.running = running;
  result.paused = paused;
  return result;
}

function reading(
  clock: ClockName,
  unit: ClockReading['unit'],
  startMs: number,
  dueMs: number,
  target: number,
  elapsed: number,
  atRiskAt: number,
): ClockReading {
  // Positions are floats: round away their noise (1e-9 day is under 0.1 ms) so a clock read at
  // its due instant reads exactly breached and one read a millisecond earlier does not.
  elapsed = Math.round(elapsed * 1e9) / 1e9;
  const fractionUsed = target > 0 ? elapsed / target : 1;
  return {
    clock,
    unit,
    running: true,
    paused: false,
    startedAt: new Date(startMs),
    dueAt: new Date(dueMs),
    target,
    elapsed,
    remaining: target - elapsed,
    fractionUsed,
    level: levelOf(fractionUsed, atRiskAt),
  };
}

/** System transitions that are due now, for the scheduler (SPEC §3 system rows). */
/** A transition the system makes on its own when a deadline passes. */
export type SystemCommand = Extract<Command, { type: 'expirePartnerResponse' | 'closeConsentWindow' }>;

export function dueSystemCommands(claim: Claim, now: Date, calendar: Calendar, options?: ClockOptions): SystemCommand[] {
  const due: SystemCommand[] = [];
  for (const r of clocks(claim, now, calendar, options)) {
    if (r.dueAt.getTime() > now.getTime()) continue;
    if (r.clock === 'partnerResponse') due.push({ type: 'expirePartnerResponse', claimId: claim.id, dueAt: r.dueAt.toISOString() });
    if (r.clock === 'consent') due.push({ type: 'closeConsentWindow', claimId: claim.id, dueAt: r.dueAt.toISOString() });
  }
  return due;
}
