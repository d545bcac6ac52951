/**
 * When to tell someone about SLA levels: a claim in scope (a reviewer's own, or any for a
 * supervisor) whose reviewer clocks cross to at risk or to breached is announced once per claim,
 * stay and level: the memory maps "claim@start of its current status" to the highest level
 * announced, and lives in IndexedDB so a reload, a restart or the device clock going back never
 * repeats one. A new stay (the claim moved on and came back) is news again. Claims crossing
 * together are one notification per level ("12 claims breached").
 *
 * Checking is cheap enough for every tick: after the first full pass only the claims whose at-risk
 * or breach instant falls between the last check and now are read (binary searches on the
 * snapshot), plus a full pass whenever a sync brings a new snapshot.
 */
import Dexie, { type EntityTable } from 'dexie';
import { claimLevelAt, LEVEL_RANK, REVIEWER_CLOCKS, type ClaimSla, type SlaEntry } from './model';
import { breachOf, claimRiskOf, type SlaSnapshot } from './slaIndex';
import { countAtOrBefore, itemsBetween } from './sorted';

export type AlertLevel = 'at_risk' | 'breached';
export type News = { level: AlertLevel; claims: ClaimSla[] };

/** What was announced: stay key → highest level rank. */
export type Memory = Map<string, number>;

/**
 * Claims to look at: every claim at risk or worse when `sinceMs` is null (a new snapshot, the first
 * check, or time went backwards), else those that crossed a threshold in (sinceMs, nowMs].
 */
export function candidates(snapshot: SlaSnapshot, sinceMs: number | null, nowMs: number): Iterable<ClaimSla> {
  if (sinceMs === null || sinceMs > nowMs) return snapshot.claimsByRisk.slice(0, countAtOrBefore(snapshot.claimsByRisk, claimRiskOf, nowMs));
  return new Set([...itemsBetween(snapshot.claimsByRisk, claimRiskOf, sinceMs, nowMs), ...itemsBetween(snapshot.claimsByBreach, breachOf, sinceMs, nowMs)]);
}

/** The claims whose level now is above what was announced for their stay; `memory` is updated. */
export function takeNews(claims: Iterable<ClaimSla>, nowMs: number, memory: Memory): { news: News[]; changed: [string, number][] } {
  const breached: ClaimSla[] = [];
  const atRisk: ClaimSla[] = [];
  const changed: [string, number][] = [];
  for (const sla of claims) {
    const level = claimLevelAt(sla, nowMs);
    if (level !== 'at_risk' && level !== 'breached') continue;
    const rank = LEVEL_RANK[level];
    if ((memory.get(sla.stayKey) ?? 0) >= rank) continue;
    memory.set(sla.stayKey, rank);
    changed.push([sla.stayKey, rank]);
    (level === 'breached' ? breached : atRisk).push(sla);
  }
  const byId = (a: ClaimSla, b: ClaimSla) => (a.claim.id < b.claim.id ? -1 : 1);
  const news: News[] = [];
  if (breached.length > 0) news.push({ level: 'breached', claims: breached.sort(byId) });
  if (atRisk.length > 0) news.push({ level: 'at_risk', claims: atRisk.sort(byId) });
  return { news, changed };
}

/** The reviewer clock behind the claim's level: the first to breach (or turn at risk). */
export function worstEntry(sla: ClaimSla, level: AlertLevel): SlaEntry | undefined {
  let worst: SlaEntry | undefined;
  const key = (e: SlaEntry) => (level === 'breached' ? e.dueMs : e.atRiskMs);
  for (const e of sla.entries) {
    if (!REVIEWER_CLOCKS.has(e.clock) || e.paused) continue;
    if (!worst || key(e) < key(worst)) worst = e;
  }
  return worst;
}

export type NotifiedStore = {
  load(): Promise<Memory>;
  save(changed: readonly [string, number][]): Promise<void>;
  /** Keeps only the given stay keys (memory of claims that moved on is dropped). */
  retain(keys: ReadonlySet<string>): Promise<void>;
};

type NotifiedRow = { key: string; rank: number };
type NotifiedDb = Dexie & { notified: EntityTable<NotifiedRow, 'key'> };

/** The memory in its own small IndexedDB database beside the workstation's (one per server and user). */
export function indexedDbNotifiedStore(workstationDbName: string): NotifiedStore {
  let db: NotifiedDb | null = null;
  const open = (): NotifiedDb => {
    if (!db) {
      db = new Dexie(`${workstationDbName}:sla-notifications`) as NotifiedDb;
      db.version(1).stores({ notified: 'key' });
    }
    return db;
  };
  return {
    async load() {
      const rows = await open().notified.toArray();
      return new Map(rows.map((r) => [r.key, r.rank]));
    },
    async save(changed) {
      if (changed.length > 0) await open().notified.bulkPut(changed.map(([key, rank]) => ({ key, rank })));
    },
    async retain(keys) {
      const table = open().notified;
      const stale = (await table.toCollection().primaryKeys()).filter((k) => !keys.has(k));
      if (stale.length > 0) await table.bulkDelete(stale);
    },
  };
}

export function memoryStore(initial: Iterable<[string, number]> = []): NotifiedStore & { rows: Map<string, number> } {
  const rows = new Map(initial);
  return {
    rows,
    load: async () => new Map(rows),
    save: async (changed) => {
      for (const [k, v] of changed) rows.set(k, v);
    },
    retain: async (keys) => {
      for (const k of [...rows.keys()]) if (!keys.has(k)) rows.delete(k);
    },
  };
}
