/**
 * What the SLA panels, the workload view and the notifier need of a claim, derived once per claim
 * object from the shared `clocks` (claims are immutable snapshots: a changed claim is a new object,
 * everything else is reused).
 *
 * While a clock runs, its due instant and the instant it turns at risk are fixed, so the level at
 * any `now` is two comparisons and "what breaches before t" is a binary search over entries ordered
 * by due instant: no clock arithmetic per second. The business time left, for the few countdowns on
 * screen, is two table lookups on the calendar's business timeline.
 */
import { businessTimeline, clocks, type Calendar, type Claim, type ClockLevel, type ClockName, type Policy } from '@shared/index';

/** The clocks supervisors watch (SPEC §4): every business-day service level of an open claim. */
export const SLA_CLOCKS = ['pickup', 'review', 'partnerResponse', 'overall', 'disputeReview'] as const satisfies readonly ClockName[];
export type SlaClock = (typeof SLA_CLOCKS)[number];
const SLA_CLOCK_SET: ReadonlySet<ClockName> = new Set(SLA_CLOCKS);

/**
 * Clocks that measure the reviewers' own work. The partner-response clock is the partner's: when it
 * runs out the system rejects the claim, nobody on the review side has anything to do. Workload,
 * notifications and the badge count these.
 */
export const REVIEWER_CLOCKS: ReadonlySet<SlaClock> = new Set(['pickup', 'review', 'overall', 'disputeReview']);

export type SlaSettings = { calendar: Calendar; policy: Policy };

export type SlaEntry = {
  readonly owner: ClaimSla;
  readonly clock: SlaClock;
  readonly startedMs: number;
  /** When the target is reached (running clocks); NaN while paused. */
  readonly dueMs: number;
  /** When the clock reads at risk (running clocks); NaN while paused. */
  readonly atRiskMs: number;
  /** Business days. */
  readonly target: number;
  /** The overall clock stands still while the partner has to act. */
  readonly paused: boolean;
  /** Business days left, fixed while paused (NaN when running). */
  readonly pausedRemaining: number;
  /** The level, fixed while paused. */
  readonly pausedLevel: ClockLevel;
};

export type ClaimSla = {
  readonly claim: Claim;
  /** Running or paused SLA clocks, in SLA_CLOCKS order. */
  readonly entries: readonly SlaEntry[];
  /**
   * Earliest instant at which one of its running reviewer clocks is at risk / breached; +Infinity
   * when none runs. A paused clock (the overall one while the partner acts) does not count, as on
   * the server's /supervisor/workload: nobody on the review side can act on it then.
   */
  readonly riskMs: number;
  readonly breachMs: number;
  /** Whether one of its reviewer clocks runs. */
  readonly watched: boolean;
  /** The claim and the start of its current stay in a status: a new stay is a new set of clocks. */
  readonly stayKey: string;
};

export function buildClaimSla(claim: Claim, settings: SlaSettings, nowMs: number): ClaimSla {
  const readings = clocks(claim, new Date(nowMs), settings.calendar, { policy: settings.policy });
  const timeline = businessTimeline(settings.calendar);
  const atRiskAt = settings.policy.atRiskAt;
  const entries: SlaEntry[] = [];
  let riskMs = Number.POSITIVE_INFINITY;
  let breachMs = Number.POSITIVE_INFINITY;
  const owner = { claim, entries, riskMs, breachMs, watched: false, stayKey: stayKeyOf(claim) };
  let nowPos = Number.NaN;
  for (const r of readings) {
    if (!SLA_CLOCK_SET.has(r.clock) || (!r.running && !r.paused)) continue;
    const clock = r.clock as SlaClock;
    const reviewer = REVIEWER_CLOCKS.has(clock);
    if (r.paused) {
      entries.push({ owner, clock, startedMs: r.startedAt.getTime(), dueMs: Number.NaN, atRiskMs: Number.NaN, target: r.target, paused: true, pausedRemaining: r.remaining, pausedLevel: r.level });
      continue;
    }
    if (reviewer) owner.watched = true;
    // The business position the clock counts from: its start, less any time it stood still.
    if (Number.isNaN(nowPos)) nowPos = timeline.positionAt(nowMs);
    const anchor = nowPos - r.elapsed;
    const dueMs = r.dueAt.getTime();
    const atRiskMs = Math.min(dueMs, timeline.instantAt(anchor + atRiskAt * r.target));
    entries.push({ owner, clock, startedMs: r.startedAt.getTime(), dueMs, atRiskMs, target: r.target, paused: false, pausedRemaining: Number.NaN, pausedLevel: 'on_track' });
    if (reviewer) {
      riskMs = Math.min(riskMs, atRiskMs);
      breachMs = Math.min(breachMs, dueMs);
    }
  }
  entries.sort((a, b) => SLA_CLOCKS.indexOf(a.clock) - SLA_CLOCKS.indexOf(b.clock));
  owner.riskMs = riskMs;
  owner.breachMs = breachMs;
  return owner;
}

function stayKeyOf(claim: Claim): string {
  const last = claim.statusLog[claim.statusLog.length - 1];
  return `${claim.id}@${last ? (last.fromMs ?? Date.parse(last.from)) : 0}`;
}

/** The entry's level at `nowMs` (the same thresholds as the shared `clocks`). */
export function levelAt(entry: SlaEntry, nowMs: number): ClockLevel {
  if (entry.paused) return entry.pausedLevel;
  if (nowMs >= entry.dueMs) return 'breached';
  return nowMs >= entry.atRiskMs ? 'at_risk' : 'on_track';
}

/** The worst level of the claim's running reviewer clocks at `nowMs`, or null when none runs. */
export function claimLevelAt(sla: ClaimSla, nowMs: number): ClockLevel | null {
  if (nowMs >= sla.breachMs) return 'breached';
  if (nowMs >= sla.riskMs) return 'at_risk';
  return sla.watched ? 'on_track' : null;
}

/** Business days left at `nowMs` (negative once over). */
export function remainingAt(entry: SlaEntry, nowMs: number, calendar: Calendar): number {
  if (entry.paused) return entry.pausedRemaining;
  const timeline = businessTimeline(calendar);
  return timeline.positionAt(entry.dueMs) - timeline.positionAt(nowMs);
}

/** The due instant: fixed while running; while paused, when it would be if the clock resumed at `nowMs`. */
export function dueAt(entry: SlaEntry, nowMs: number, calendar: Calendar): number {
  if (!entry.paused) return entry.dueMs;
  const timeline = businessTimeline(calendar);
  return timeline.instantAt(timeline.positionAt(nowMs) + entry.pausedRemaining);
}

export const LEVEL_RANK: Readonly<Record<ClockLevel, number>> = { on_track: 0, at_risk: 1, breached: 2 };
