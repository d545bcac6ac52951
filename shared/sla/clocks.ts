/**
 * SLA clocks (SPEC §4): a pure function of (claim, now, calendar). Countdown panels call it every
 * second for thousands of claims and the scheduler calls it to find due transitions, so it works
 * on epoch milliseconds and business positions and allocates little.
 */
import { businessTimeline } from '../calendar/businessDays';
import { MS_PER_DAY, type Calendar } from '../calendar/calendar';
import { DEFAULT_POLICY, UNDISPUTABLE_REASONS, type Policy, type Status } from '../domain/catalog';
import type { Command } from '../domain/commands';
import type { Claim, StatusSpan } from '../domain/model';
import { parseInstant } from '../calendar/instant';

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

type Timeline = ReturnType<typeof businessTimeline>;

/** Every clock that applies to the claim now: running ones, the overall clock once submitted, open windows. */
export function clocks(claim: Claim, now: Date, calendar: Calendar, options?: ClockOptions): ClockReading[] {
  const policy = resolvePolicy(options);
  const timeline = businessTimeline(calendar);
  const nowMs = now.getTime();
  const nowPos = timeline.positionAt(nowMs);
  const log = claim.statusLog;
  const enteredMs = spanMs(log[log.length - 1]!);
  const readings: ClockReading[] = [];
  const atRisk = policy.atRiskAt;

  switch (claim.status) {
    case 'submitted':
      readings.push(businessReading('pickup', timeline, enteredMs, nowMs, nowPos, policy.pickupDays, atRisk));
      break;
    case 'in_review':
      readings.push(businessReading('review', timeline, enteredMs, nowMs, nowPos, policy.reviewDays, atRisk));
      break;
    case 'partner_action_needed':
      readings.push(businessReading('partnerResponse', timeline, enteredMs, nowMs, nowPos, policy.partnerResponseDays, atRisk));
      break;
    case 'approved':
      readings.push(
        policy.consentUnit === 'business_days'
          ? businessReading('consent', timeline, enteredMs, nowMs, nowPos, policy.consentDays, atRisk)
          : dayReading('consent', enteredMs, nowMs, policy.consentDays, atRisk),
      );
      break;
    case 'rejected':
      if (!claim.dispute && isDisputable(claim)) readings.push(dayReading('disputeWindow', enteredMs, nowMs, policy.disputeWindowDays, atRisk));
      break;
    case 'disputed':
      readings.push(businessReading('disputeReview', timeline, enteredMs, nowMs, nowPos, policy.disputeReviewDays, atRisk));
      break;
    default:
      break;
  }
  if (claim.firstSubmittedAt !== null) readings.push(overallClock(claim, nowMs, nowPos, timeline, policy));
  return readings;
}

function spanMs(span: StatusSpan): number {
  return span.fromMs ?? parseInstant(span.from);
}

function isDisputable(claim: Claim): boolean {
  const reasons = claim.rejection?.reasons;
  if (!reasons) return true;
  for (const r of reasons) if (UNDISPUTABLE_REASONS.includes(r)) return false;
  return true;
}

function businessReading(clock: ClockName, timeline: Timeline, startMs: number, nowMs: number, nowPos: number, target: number, atRiskAt: number): ClockReading {
  const startPos = timeline.positionAt(startMs);
  return reading(clock, 'business_days', startMs, timeline.instantAt(startPos + target), target, nowPos - startPos, atRiskAt, nowMs);
}

function dayReading(clock: ClockName, startMs: number, nowMs: number, days: number, atRiskAt: number): ClockReading {
  return reading(clock, 'days', startMs, startMs + days * MS_PER_DAY, days, (nowMs - startMs) / MS_PER_DAY, atRiskAt, nowMs);
}

/** The running clock a queue shows for a claim: the first running one, else none. */
export function primaryClock(readings: readonly ClockReading[]): ClockReading | undefined {
  return readings.find((r) => r.running && r.clock !== 'overall') ?? readings.find((r) => r.running);
}

function overallClock(claim: Claim, nowMs: number, nowPos: number, timeline: Timeline, policy: Policy): ClockReading {
  const log = claim.statusLog;
  let elapsed = 0;
  let stoppedAtPos = -1;
  let stoppedAtMs = 0;
  let fromPos = 0;
  let counting = false;
  let firstSubmittedMs = -1;
  for (let i = 0; i < log.length; i++) {
    const status = log[i]!.status;
    const decided = OVERALL_DECIDED.has(status);
    const counted = !decided && OVERALL_COUNTED.has(status);
    // Only stays that start or end counting need their instant.
    if (!counting && !decided && !counted) continue;
    const ms = spanMs(log[i]!);
    if (firstSubmittedMs < 0 && status === 'submitted') firstSubmittedMs = ms;
    const pos = timeline.positionAt(ms);
    // A counting stay ends where the next one starts.
    if (counting) elapsed += pos - fromPos;
    if (decided) {
      // Stopped at the first decision: a later dispute has a clock of its own.
      stoppedAtPos = pos;
      stoppedAtMs = ms;
      counting = false;
      break;
    }
    counting = counted;
    fromPos = pos;
  }
  if (counting) elapsed += nowPos - fromPos;
  const running = stoppedAtPos < 0 && OVERALL_COUNTED.has(claim.status);
  const paused = stoppedAtPos < 0 && claim.status === 'partner_action_needed';
  const target = policy.overallDays;
  // Due: where the remaining business time, counted on from the last moment the clock ran, runs out.
  const anchorPos = stoppedAtPos >= 0 ? stoppedAtPos : nowPos;
  const dueMs = timeline.instantAt(anchorPos + (target - elapsed));
  // A stopped clock is judged at its stop; a running or paused one now.
  const atMs = stoppedAtPos >= 0 ? stoppedAtMs : nowMs;
  const result = reading('overall', 'business_days', firstSubmittedMs >= 0 ? firstSubmittedMs : parseInstant(claim.firstSubmittedAt!), dueMs, target, elapsed, policy.atRiskAt, atMs);
  result.running = running;
  result.paused = paused;
  return result;
}

/** System transitions that are due now, for the scheduler (SPEC §3 system rows). */
/**
 * A reading at `atMs`: breached from the due instant on (compared in whole milliseconds, so a
 * countdown reaching zero and the refusal of a late action agree exactly), at risk from `atRiskAt`.
 */
function reading(
  clock: ClockName,
  unit: ClockReading['unit'],
  startMs: number,
  dueMs: number,
  target: number,
  elapsed: number,
  atRiskAt: number,
  atMs: number,
): ClockReading {
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
    level: atMs >= dueMs ? 'breached' : fractionUsed >= atRiskAt ? 'at_risk' : 'on_track',
  };
}

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
