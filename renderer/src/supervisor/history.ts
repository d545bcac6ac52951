/**
 * Breaches in past weeks, from each claim's status log: every stay in a status with a clock
 * (submitted: pickup, in review: review, partner action: partner response, disputed: dispute review)
 * breached if the claim was still there when the clock ran out; the overall clock breached where its
 * counted time reached the target. Each reading is the shared `clocks` applied to the claim as it
 * stood when the stay began, so history and live panels can never disagree about a due instant.
 */
import { clocks, MS_PER_DAY, OPEN_STATUSES, type Calendar, type Claim, type ClockName, type Status } from '@shared/index';
import { SLA_CLOCKS, type SlaClock, type SlaSettings } from '../sla/model';
import { dayMarks, type PerClock } from './forecast';

export type Breach = { clock: SlaClock; atMs: number };

const STAY_CLOCK: Partial<Record<Status, SlaClock>> = {
  submitted: 'pickup',
  in_review: 'review',
  partner_action_needed: 'partnerResponse',
  disputed: 'disputeReview',
};
const OPEN: ReadonlySet<Status> = new Set(OPEN_STATUSES);
const OVERALL_COUNTED: ReadonlySet<Status> = new Set(['submitted', 'in_review']);
const DECIDED: ReadonlySet<Status> = new Set(['approved', 'rejected', 'sent_for_evaluation', 'disputed']);

/**
 * When each of the claim's clock runs breached, oldest first. A stay still going counts as
 * breaching at its due instant (callers keep only instants up to now).
 */
export function breachesOf(claim: Claim, settings: SlaSettings): Breach[] {
  const log = claim.statusLog;
  const out: Breach[] = [];
  let overallDone = claim.firstSubmittedAt === null;
  const options = { policy: settings.policy };
  for (let i = 0; i < log.length; i++) {
    const span = log[i]!;
    const startMs = span.fromMs ?? Date.parse(span.from);
    const endMs = i + 1 < log.length ? (log[i + 1]!.fromMs ?? Date.parse(log[i + 1]!.from)) : Number.POSITIVE_INFINITY;
    const stayClock = STAY_CLOCK[span.status];
    const countsOverall = !overallDone && OVERALL_COUNTED.has(span.status);
    if (DECIDED.has(span.status)) overallDone = true;
    if (!stayClock && !countsOverall) continue;
    // The claim as it stood when this stay began.
    const then: Claim = { ...claim, status: span.status, statusLog: log.slice(0, i + 1) };
    for (const reading of clocks(then, new Date(startMs), settings.calendar, options)) {
      const name: ClockName = reading.clock;
      const wanted = name === stayClock || (name === 'overall' && countsOverall);
      if (!wanted) continue;
      const due = reading.dueAt.getTime();
      if (endMs > due) {
        out.push({ clock: name as SlaClock, atMs: due });
        if (name === 'overall') overallDone = true;
      }
    }
  }
  return out.sort((a, b) => a.atMs - b.atMs);
}

export type WeekOfBreaches = { weekStart: string; startMs: number; endMs: number; total: number; byClock: PerClock<number> };

/** Breaches per week (Monday to Sunday in the calendar's zone) for the last `weeks` weeks, this one last (up to now). */
export function weeklyBreaches(
  claims: Iterable<Claim>,
  breaches: (claim: Claim) => readonly Breach[],
  calendar: Calendar,
  nowMs: number,
  weeks = 8,
): WeekOfBreaches[] {
  const { weekStartMs } = dayMarks(calendar, nowMs);
  // Week starts: Monday 00:00 local, found a week apart by local date (DST-safe through dayMarks).
  const starts: { date: string; ms: number }[] = [];
  let at = weekStartMs;
  let date = dayMarks(calendar, weekStartMs).today.date;
  for (let k = 0; k < weeks; k++) {
    starts.unshift({ date, ms: at });
    const previous = dayMarks(calendar, at - 3 * MS_PER_DAY);
    at = previous.weekStartMs;
    date = dayMarks(calendar, at).today.date;
  }
  const out: WeekOfBreaches[] = starts.map((s, k) => ({
    weekStart: s.date,
    startMs: s.ms,
    endMs: k + 1 < starts.length ? starts[k + 1]!.ms : nowMs,
    total: 0,
    byClock: Object.fromEntries(SLA_CLOCKS.map((c) => [c, 0])) as Record<SlaClock, number>,
  }));
  const first = out[0]!.startMs;
  const firstIso = new Date(first).toISOString();
  for (const claim of claims) {
    // A closed claim last changed before the first week breached nothing since: each stay's breach
    // falls inside the stay, which ended by the claim's last change.
    if (claim.updatedAt < firstIso && !OPEN.has(claim.status)) continue;
    for (const b of breaches(claim)) {
      if (b.atMs < first || b.atMs > nowMs) continue;
      let k = out.length - 1;
      while (k > 0 && b.atMs < out[k]!.startMs) k--;
      const week = out[k]!;
      week.total++;
      (week.byClock as Record<SlaClock, number>)[b.clock]++;
    }
  }
  return out;
}
