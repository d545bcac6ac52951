/**
 * Breaches in past weeks, from each claim's status log: every stay in a status with a clock
 * (submitted: pickup, in review: review, partner action: partner response, disputed: dispute review)
 * breached if the claim was still there when the clock ran out; the overall clock breached where its
 * counted time reached the target. Each reading is the shared `clocks` applied to the claim as it
 * stood when the stay began, so history and live panels can never disagree about a due instant.
 */
import { clocks, MS_PER_DAY, OPEN_STATUSES, type Calendar, type Claim, type ClockName, type Status } from '@shared/index';
import { SLA_CLOCKS, type SlaClock, type SlaSettings } from '../sla/model';
import { countAtOrBefore, patchSorted } from '../sla/sorted';
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

/** One breach of one claim, ordered by instant (then claim, then its place in the claim's list). */
export type BreachItem = { readonly atMs: number; readonly claimId: string; readonly n: number };

const compareItems = (a: BreachItem, b: BreachItem): number =>
  a.atMs - b.atMs || (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0) || a.n - b.n;

/**
 * Every breach of every claim in scope, per clock and ordered by instant, kept up to date like the
 * SLA index: with the claims store's delta only the changed claims are read again, so a sync of
 * 1,000 claims does not walk the history of 100,000. Weekly counts are then binary searches.
 */
export class BreachHistory {
  private readonly seen = new Map<string, Claim>();
  private readonly items = new Map<string, { clock: SlaClock; item: BreachItem }[]>();
  private perClock: Record<SlaClock, BreachItem[]> = Object.fromEntries(SLA_CLOCKS.map((c) => [c, []])) as unknown as Record<SlaClock, BreachItem[]>;
  private lastClaims: ReadonlyMap<string, Claim> | null = null;
  private lastRevision = -1;

  constructor(
    private readonly breaches: (claim: Claim) => readonly Breach[],
    private readonly inScope: (claim: Claim) => boolean = () => true,
  ) {}

  update(claims: ReadonlyMap<string, Claim>, delta?: { revision: number; changed: readonly string[] | null }): PerClock<readonly BreachItem[]> {
    if (claims === this.lastClaims) return this.perClock;
    const incremental = delta !== undefined && delta.changed !== null && this.lastRevision === delta.revision - 1 && this.lastClaims !== null;
    this.lastClaims = claims;
    this.lastRevision = delta?.revision ?? -1;
    const removed = Object.fromEntries(SLA_CLOCKS.map((c) => [c, [] as BreachItem[]])) as Record<SlaClock, BreachItem[]>;
    const added = Object.fromEntries(SLA_CLOCKS.map((c) => [c, [] as BreachItem[]])) as Record<SlaClock, BreachItem[]>;
    const look = (id: string, claim: Claim | undefined) => {
      if (claim !== undefined && this.seen.get(id) === claim) return;
      for (const { clock, item } of this.items.get(id) ?? []) removed[clock].push(item);
      this.items.delete(id);
      if (claim === undefined) {
        this.seen.delete(id);
        return;
      }
      this.seen.set(id, claim);
      if (!this.inScope(claim)) return;
      const list = this.breaches(claim).map((b, n) => ({ clock: b.clock, item: { atMs: b.atMs, claimId: id, n } }));
      if (list.length === 0) return;
      this.items.set(id, list);
      for (const { clock, item } of list) added[clock].push(item);
    };
    if (incremental) for (const id of delta.changed!) look(id, claims.get(id));
    else for (const claim of claims.values()) look(claim.id, claim);
    if (this.seen.size !== claims.size) for (const id of [...this.seen.keys()]) if (!claims.has(id)) look(id, undefined);
    const next = { ...this.perClock };
    for (const clock of SLA_CLOCKS) next[clock] = patchSorted(this.perClock[clock], removed[clock], added[clock], compareItems);
    this.perClock = next;
    return next;
  }
}

/** Breaches per week from the ordered breaches of every clock (see weeklyBreaches). */
export function weeklyFromItems(perClock: PerClock<readonly BreachItem[]>, calendar: Calendar, nowMs: number, weeks = 8): WeekOfBreaches[] {
  const out = weeklyBreaches([], () => [], calendar, nowMs, weeks);
  const atOf = (b: BreachItem) => b.atMs;
  for (const week of out) {
    // [startMs, endMs), the last week up to now inclusive.
    const last = week === out[out.length - 1];
    for (const clock of SLA_CLOCKS) {
      const list = perClock[clock];
      const n = countAtOrBefore(list, atOf, last ? nowMs : week.endMs - 1) - countAtOrBefore(list, atOf, week.startMs - 1);
      (week.byClock as Record<SlaClock, number>)[clock] = n;
      week.total += n;
    }
  }
  return out;
}
