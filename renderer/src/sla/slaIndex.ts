/**
 * The SLA picture of every claim in scope, kept up to date incrementally: per clock, the running
 * entries ordered by due instant and by at-risk instant; the claims ordered by when they first
 * breach. A sync that changes 1,000 of 100,000 claims derives 1,000 claims again (the shared
 * `clocks`) and patches the ordered arrays in one linear pass each; nothing is re-sorted.
 */
import { MS_PER_DAY, type Claim } from '@shared/index';
import { buildClaimSla, SLA_CLOCKS, type ClaimSla, type SlaClock, type SlaEntry, type SlaSettings } from './model';
import { countAtOrBefore, patchSorted } from './sorted';

type PerClock<T> = Readonly<Record<SlaClock, T>>;

/** How far back, from its first update, the index keeps changed claims (a week and then some). */
const RECENT_DAYS = 9;

export type SlaSnapshot = {
  readonly settings: SlaSettings;
  /** Running entries per clock, ordered by due instant. */
  readonly byDue: PerClock<readonly SlaEntry[]>;
  /** The same entries ordered by the instant they turn at risk. */
  readonly byRisk: PerClock<readonly SlaEntry[]>;
  /** Paused entries per clock (the overall clock while the partner acts), fewest days left first. */
  readonly paused: PerClock<readonly SlaEntry[]>;
  /** Every running entry of every clock, ordered by due instant. */
  readonly allByDue: readonly SlaEntry[];
  /** Claims with a reviewer clock that will breach (or has), by first breach; and by first at-risk instant. */
  readonly claimsByBreach: readonly ClaimSla[];
  readonly claimsByRisk: readonly ClaimSla[];
  /** Claims in scope with at least one running or paused SLA clock. */
  readonly size: number;
  /** Who holds those claims (every open claim has a clock), by id. */
  readonly assignees: readonly string[];
};

const byNumberThenId = <T>(key: (x: T) => number, id: (x: T) => string) => (a: T, b: T): number => {
  const x = key(a);
  const y = key(b);
  if (x < y) return -1;
  if (x > y) return 1;
  const p = id(a);
  const q = id(b);
  return p < q ? -1 : p > q ? 1 : 0;
};
const entryId = (e: SlaEntry) => e.owner.claim.id;
export const compareByDue = byNumberThenId<SlaEntry>((e) => e.dueMs, entryId);
export const compareByRisk = byNumberThenId<SlaEntry>((e) => e.atRiskMs, entryId);
const compareByPausedRemaining = byNumberThenId<SlaEntry>((e) => e.pausedRemaining, entryId);
const compareAll = (a: SlaEntry, b: SlaEntry) => compareByDue(a, b) || SLA_CLOCKS.indexOf(a.clock) - SLA_CLOCKS.indexOf(b.clock);
const claimId = (c: ClaimSla) => c.claim.id;
const compareByBreach = byNumberThenId<ClaimSla>((c) => c.breachMs, claimId);
const compareByClaimRisk = byNumberThenId<ClaimSla>((c) => c.riskMs, claimId);

export const dueOf = (e: SlaEntry) => e.dueMs;
export const riskOf = (e: SlaEntry) => e.atRiskMs;
export const breachOf = (c: ClaimSla) => c.breachMs;
export const claimRiskOf = (c: ClaimSla) => c.riskMs;

const perClock = <T>(make: () => T): Record<SlaClock, T> => Object.fromEntries(SLA_CLOCKS.map((c) => [c, make()])) as Record<SlaClock, T>;

export class SlaIndex {
  private readonly cache = new WeakMap<Claim, ClaimSla>();
  /** Claims in the index (in scope, with a clock), by id. */
  private readonly current = new Map<string, ClaimSla>();
  /** The claim object last seen per id, in scope or not: an unchanged claim costs one lookup. */
  private readonly seen = new Map<string, Claim>();
  /** Claims in the index per assignee. */
  private readonly held = new Map<string, number>();
  /** Claims in scope changed since `horizonMs` (a few days before the index was made), by id. */
  private readonly recent = new Map<string, Claim>();
  private horizonIso: string | null = null;
  private lastClaims: ReadonlyMap<string, Claim> | null = null;
  private lastRevision = -1;
  private snap: SlaSnapshot;

  constructor(
    readonly settings: SlaSettings,
    private readonly inScope: (claim: Claim) => boolean = () => true,
  ) {
    const empty = () => perClock<readonly SlaEntry[]>(() => []);
    this.snap = { settings, byDue: empty(), byRisk: empty(), paused: empty(), allByDue: [], claimsByBreach: [], claimsByRisk: [], size: 0, assignees: [] };
  }

  /** The claim's SLA picture (memoized per claim object). `nowMs` only matters for paused clocks' levels. */
  of(claim: Claim, nowMs: number): ClaimSla {
    let sla = this.cache.get(claim);
    if (!sla) {
      sla = buildClaimSla(claim, this.settings, nowMs);
      this.cache.set(claim, sla);
    }
    return sla;
  }

  get snapshot(): SlaSnapshot {
    return this.snap;
  }

  /** Claims in scope with a running or paused SLA clock (every open claim), as of the last update. */
  withClocks(): IterableIterator<ClaimSla> {
    return this.current.values();
  }

  /**
   * Claims in scope that changed since a few days before this index was made (the week so far is
   * always inside), as of the last update: where this week's decisions are.
   */
  changedSince(ms: number): Claim[] {
    const iso = new Date(ms).toISOString();
    if (this.horizonIso === null || iso < this.horizonIso) throw new RangeError('changedSince: before the index began keeping changes');
    const out: Claim[] = [];
    for (const claim of this.recent.values()) if (claim.updatedAt >= iso) out.push(claim);
    return out;
  }

  /**
   * Brings the index up to `claims` (the claims store's immutable map) and returns the new snapshot.
   * With `delta` (the store's revision and the ids its last change touched) and an index one revision
   * behind, only those claims are looked at; otherwise every claim is compared by identity.
   */
  update(claims: ReadonlyMap<string, Claim>, nowMs: number, delta?: { revision: number; changed: readonly string[] | null }): SlaSnapshot {
    if (claims === this.lastClaims) return this.snap;
    this.horizonIso ??= new Date(nowMs - RECENT_DAYS * MS_PER_DAY).toISOString();
    const incremental = delta !== undefined && delta.changed !== null && this.lastRevision === delta.revision - 1 && this.lastClaims !== null;
    this.lastClaims = claims;
    this.lastRevision = delta?.revision ?? -1;
    const removed = new Set<ClaimSla>();
    const added: ClaimSla[] = [];
    const look = (id: string, claim: Claim | undefined) => {
      if (claim === undefined) {
        // Gone from the store.
        this.seen.delete(id);
        this.recent.delete(id);
        const previous = this.current.get(id);
        if (previous) {
          removed.add(previous);
          this.current.delete(id);
        }
        return;
      }
      if (this.seen.get(id) === claim) return;
      this.seen.set(id, claim);
      if (claim.updatedAt >= this.horizonIso! && this.inScope(claim)) this.recent.set(id, claim);
      else this.recent.delete(id);
      const previous = this.current.get(id);
      const next = this.inScope(claim) ? this.of(claim, nowMs) : undefined;
      if (previous) {
        removed.add(previous);
        this.current.delete(id);
      }
      if (next && next.entries.length > 0) {
        added.push(next);
        this.current.set(id, next);
      }
    };
    if (incremental) for (const id of delta.changed!) look(id, claims.get(id));
    else for (const claim of claims.values()) look(claim.id, claim);
    // Claims that left the store altogether (rare: a reset).
    if (this.seen.size !== claims.size) {
      for (const id of this.seen.keys()) {
        if (claims.has(id)) continue;
        this.seen.delete(id);
        this.recent.delete(id);
        const sla = this.current.get(id);
        if (sla) {
          removed.add(sla);
          this.current.delete(id);
        }
      }
    }
    if (removed.size === 0 && added.length === 0) return this.snap;

    const addedDue = perClock<SlaEntry[]>(() => []);
    const addedPaused = perClock<SlaEntry[]>(() => []);
    const addedAll: SlaEntry[] = [];
    const removedDue = perClock<SlaEntry[]>(() => []);
    const removedPaused = perClock<SlaEntry[]>(() => []);
    const removedAll: SlaEntry[] = [];
    const touched = new Set<SlaClock>();
    const sort = (sla: ClaimSla, due: Record<SlaClock, SlaEntry[]>, paused: Record<SlaClock, SlaEntry[]>, all: SlaEntry[]) => {
      for (const e of sla.entries) {
        touched.add(e.clock);
        if (e.paused) paused[e.clock].push(e);
        else {
          due[e.clock].push(e);
          all.push(e);
        }
      }
    };
    for (const sla of added) sort(sla, addedDue, addedPaused, addedAll);
    for (const sla of removed) sort(sla, removedDue, removedPaused, removedAll);
    const hold = (sla: ClaimSla, n: number) => {
      const who = sla.claim.assignee;
      if (who === null) return;
      const count = (this.held.get(who) ?? 0) + n;
      if (count > 0) this.held.set(who, count);
      else this.held.delete(who);
    };
    for (const sla of removed) hold(sla, -1);
    for (const sla of added) hold(sla, 1);
    const prev = this.snap;
    const byDue = { ...prev.byDue };
    const byRisk = { ...prev.byRisk };
    const paused = { ...prev.paused };
    for (const clock of touched) {
      byDue[clock] = patchSorted(prev.byDue[clock], removedDue[clock], [...addedDue[clock]], compareByDue);
      byRisk[clock] = patchSorted(prev.byRisk[clock], removedDue[clock], addedDue[clock], compareByRisk);
      paused[clock] = patchSorted(prev.paused[clock], removedPaused[clock], addedPaused[clock], compareByPausedRemaining);
    }
    const gone = [...removed];
    const breaches = (c: ClaimSla) => c.breachMs !== Number.POSITIVE_INFINITY;
    const risks = (c: ClaimSla) => c.riskMs !== Number.POSITIVE_INFINITY;
    const breaching = added.filter(breaches);
    const risking = added.filter(risks);
    this.snap = {
      settings: this.settings,
      byDue,
      byRisk,
      paused,
      allByDue: patchSorted(prev.allByDue, removedAll, addedAll, compareAll),
      claimsByBreach: patchSorted(prev.claimsByBreach, gone.filter(breaches), breaching, compareByBreach),
      claimsByRisk: patchSorted(prev.claimsByRisk, gone.filter(risks), risking, compareByClaimRisk),
      size: this.current.size,
      assignees: [...this.held.keys()].sort(),
    };
    return this.snap;
  }
}

/** Level counts of one clock at `nowMs`: binary searches, cheap enough for every tick. */
export function levelCounts(snapshot: SlaSnapshot, clock: SlaClock, nowMs: number): { running: number; atRisk: number; breached: number; paused: number } {
  const due = snapshot.byDue[clock];
  const breached = countAtOrBefore(due, dueOf, nowMs);
  const risky = countAtOrBefore(snapshot.byRisk[clock], riskOf, nowMs);
  const { pausedAtRisk, pausedBreached } = pausedLevels(snapshot.paused[clock]);
  return { running: due.length, atRisk: risky - breached + pausedAtRisk, breached: breached + pausedBreached, paused: snapshot.paused[clock].length };
}

/** Claims in the snapshot whose reviewer clocks are breached at `nowMs`. */
export function breachedClaimCount(snapshot: SlaSnapshot, nowMs: number): number {
  return countAtOrBefore(snapshot.claimsByBreach, breachOf, nowMs);
}

/** Levels of paused entries are fixed: counted once per array. */
const pausedCounts = new WeakMap<readonly SlaEntry[], { pausedAtRisk: number; pausedBreached: number }>();
function pausedLevels(entries: readonly SlaEntry[]): { pausedAtRisk: number; pausedBreached: number } {
  let counts = pausedCounts.get(entries);
  if (!counts) {
    counts = { pausedAtRisk: 0, pausedBreached: 0 };
    for (const e of entries) {
      if (e.pausedLevel === 'breached') counts.pausedBreached++;
      else if (e.pausedLevel === 'at_risk') counts.pausedAtRisk++;
    }
    pausedCounts.set(entries, counts);
  }
  return counts;
}
