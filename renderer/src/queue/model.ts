/**
 * Queue rows: what the review queue needs of a claim, derived once per claim object (claims are
 * immutable snapshots, so a changed claim is a new object and everything else is reused).
 *
 * The running SLA clock is the shared `primaryClock(clocks(...))`. While a clock runs its due
 * instant is fixed (only the overall clock moves while paused, and it is never the primary one), so
 * a row keeps the instants at which its level changes and the level at any `now` is two
 * comparisons: no clock arithmetic per second, per filter or per sort.
 */
import {
  businessTimeline,
  clocks,
  failedDeficiencies,
  MS_PER_DAY,
  OPEN_STATUSES,
  PRODUCT_BY_ID,
  PRODUCT_FAMILIES,
  primaryClock,
  STATUSES,
  type Calendar,
  type Claim,
  type ClockLevel,
  type ClockName,
  type ClockReading,
  type DeficiencyCode,
  type Policy,
  type ProductFamily,
  type Status,
} from '@shared/index';

export type QueueSettings = { calendar: Calendar; policy: Policy };

/** Clocks that are service levels someone must meet; the others are windows that simply close. */
const SLA_CLOCKS: ReadonlySet<ClockName> = new Set(['pickup', 'review', 'partnerResponse', 'overall', 'disputeReview']);

export type QueueClock = {
  name: ClockName;
  /** A service level (pickup, review, partner response, dispute review) or a window (consent, dispute). */
  kind: 'sla' | 'window';
  unit: ClockReading['unit'];
  startedMs: number;
  dueMs: number;
  /** When the clock reads `at_risk` (the policy's threshold of its target used); NaN until first asked. */
  atRiskMs: number;
  target: number;
};

export type QueueRow = {
  readonly id: string;
  readonly claim: Claim;
  readonly clock: QueueClock | null;
  /** First submission, epoch ms; NaN when never submitted. */
  readonly submittedMs: number;
  /** Failed checklist items, or else the codes of the last request for information on an open claim. */
  readonly deficiencies: readonly DeficiencyCode[];
  /** Bit i set when a product of family PRODUCT_FAMILIES[i] is claimed. */
  readonly families: number;
  /**
   * Small integers for what filters compare (see `statusCode`, `assigneeCode`, `partnerCode`): a
   * filter pass over 100,000 rows then reads the row alone, not the claim object behind it.
   */
  readonly statusCode: number;
  readonly assigneeCode: number;
  readonly partnerCode: number;
  readonly productNames: readonly string[];
  /** The calendar and policy the clock was read with. */
  readonly settings: QueueSettings;
  /**
   * Lower-case NFKC search text, '' until built (see `ensureHaystack`). Always a string, never
   * undefined: a field that changes representation later would deprecate the object shape of
   * 100,000 rows and slow every loop over them.
   */
  hay: string;
};

export const FAMILY_BIT: Readonly<Record<ProductFamily, number>> = Object.fromEntries(
  PRODUCT_FAMILIES.map((f, i) => [f, 1 << i]),
) as Record<ProductFamily, number>;

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

// ---------------------------------------------------------------------------------------------
// Codes. Interned for the life of the page: the same user or partner always gets the same code,
// whichever rows array or predicate asks, so codes can be compared across them.

const STATUS_CODE: Readonly<Record<Status, number>> = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;

export function statusCode(status: Status): number {
  return STATUS_CODE[status];
}

/** Bit `statusCode(s)` set for each open status. */
export const OPEN_STATUS_BITS = OPEN_STATUSES.reduce((bits, s) => bits | (1 << STATUS_CODE[s]), 0);

const assigneeCodes = new Map<string, number>();
/** -1 for unassigned; 0, 1, 2… per user id. */
export function assigneeCode(userId: string | null): number {
  if (userId === null) return -1;
  let code = assigneeCodes.get(userId);
  if (code === undefined) assigneeCodes.set(userId, (code = assigneeCodes.size));
  return code;
}

export type PartnerEntry = { readonly partnerId: string; readonly name: string };
const partnerCodes = new Map<string, number>();
const partnerEntries: PartnerEntry[] = [];
/** One code per (Partner ID, name) pair: a partner renamed in one claim's snapshot is a second entry. */
export function partnerCode(partner: PartnerEntry): number {
  const key = `${partner.partnerId}\u0000${partner.name}`;
  let code = partnerCodes.get(key);
  if (code === undefined) {
    partnerCodes.set(key, (code = partnerEntries.length));
    partnerEntries.push({ partnerId: partner.partnerId, name: partner.name });
  }
  return code;
}

/** The partner behind a code from `partnerCode`. */
export function partnerOfCode(code: number): PartnerEntry {
  return partnerEntries[code]!;
}

export function buildRow(claim: Claim, settings: QueueSettings, now: Date): QueueRow {
  const reading = primaryClock(clocks(claim, now, settings.calendar, { policy: settings.policy }));
  let families = 0;
  for (const p of claim.products) families |= FAMILY_BIT[p.family] ?? 0;
  let deficiencies: readonly DeficiencyCode[] = hasFailedItem(claim) ? failedDeficiencies(claim).map((d) => d.code) : [];
  if (deficiencies.length === 0 && OPEN.has(claim.status)) deficiencies = claim.infoRequests.at(-1)?.codes ?? NONE;
  return {
    id: claim.id,
    claim,
    clock: reading ? toQueueClock(reading) : null,
    submittedMs: firstSubmittedMs(claim),
    deficiencies,
    families,
    statusCode: STATUS_CODE[claim.status],
    assigneeCode: assigneeCode(claim.assignee),
    partnerCode: partnerCode(claim.partner),
    productNames: productNamesOf(claim.products),
    settings,
    hay: '',
  };
}

const NONE: readonly DeficiencyCode[] = Object.freeze([]);

/** One shared names array per single-product claim (most claims): less to allocate at 100,000. */
const singleProductNames = new Map<string, readonly string[]>();
function productNamesOf(products: Claim['products']): readonly string[] {
  const nameOf = (id: string) => PRODUCT_BY_ID.get(id)?.name ?? id;
  if (products.length === 1) {
    const id = products[0]!.productId;
    let names = singleProductNames.get(id);
    if (!names) singleProductNames.set(id, (names = Object.freeze([nameOf(id)])));
    return names;
  }
  return products.map((p) => nameOf(p.productId));
}

/** The first submission from the status log's epoch ms when it has them (parsing is the slow part). */
function firstSubmittedMs(claim: Claim): number {
  if (claim.firstSubmittedAt === null) return Number.NaN;
  for (const span of claim.statusLog) {
    if (span.status === 'submitted') return span.fromMs ?? Date.parse(claim.firstSubmittedAt);
  }
  return Date.parse(claim.firstSubmittedAt);
}

/** Cheap pre-check: most claims have no failed item, and failedDeficiencies allocates per claim. */
function hasFailedItem(claim: Claim): boolean {
  const checklist = claim.checklist;
  for (const key in checklist) if (checklist[key as keyof typeof checklist]?.result === 'fail') return true;
  return false;
}

/**
 * Business (or calendar) days left on the row's clock at `nowMs`, negative once over: the shared
 * `clocks` again, memoized per row and minute, so a visible countdown re-reads its clock once a
 * minute while the seconds tick from the fixed due instant.
 */
export function remainingAt(row: QueueRow, nowMs: number): number | null {
  const clock = row.clock;
  if (!clock) return null;
  const minute = Math.floor(nowMs / 60_000) * 60_000;
  const hit = remainingCache.get(row);
  if (hit && hit.minute === minute) return hit.remaining;
  const { calendar, policy } = row.settings;
  const reading = clocks(row.claim, new Date(minute), calendar, { policy }).find((r) => r.clock === clock.name);
  const remaining = reading ? reading.remaining : null;
  if (remaining !== null) remainingCache.set(row, { minute, remaining });
  return remaining;
}
const remainingCache = new WeakMap<QueueRow, { minute: number; remaining: number }>();

function toQueueClock(reading: ClockReading): QueueClock {
  return {
    name: reading.clock,
    kind: SLA_CLOCKS.has(reading.clock) ? 'sla' : 'window',
    unit: reading.unit,
    startedMs: reading.startedAt.getTime(),
    dueMs: reading.dueAt.getTime(),
    atRiskMs: Number.NaN,
    target: reading.target,
  };
}

/** When the row's clock turns `at_risk`; computed on first use (most rows never need it). */
function atRiskMsOf(row: QueueRow, clock: QueueClock): number {
  if (clock.atRiskMs === clock.atRiskMs) return clock.atRiskMs;
  const { calendar, policy } = row.settings;
  if (clock.unit === 'days') {
    clock.atRiskMs = clock.startedMs + policy.atRiskAt * clock.target * MS_PER_DAY;
  } else {
    const timeline = businessTimeline(calendar);
    clock.atRiskMs = timeline.instantAt(timeline.positionAt(clock.startedMs) + policy.atRiskAt * clock.target);
  }
  return clock.atRiskMs;
}

/** The level of the row's running clock at `nowMs` (the shared `levelOf` thresholds); null without one. */
export function levelAt(row: QueueRow, nowMs: number): ClockLevel | null {
  const clock = row.clock;
  if (clock === null) return null;
  if (nowMs >= clock.dueMs) return 'breached';
  return nowMs >= atRiskMsOf(row, clock) ? 'at_risk' : 'on_track';
}

/** The level of the row's running service-level clock at `nowMs`; windows and no clock are `null`. */
export function slaLevelAt(row: QueueRow, nowMs: number): ClockLevel | null {
  return row.clock?.kind === 'sla' ? levelAt(row, nowMs) : null;
}

/** Search normalization: NFKC (full-width Latin and half-width katakana fold) and lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Fields separated by a character no query contains, so a term never matches across two fields. */
const SEP = '\u0000';

export function ensureHaystack(row: QueueRow): string {
  if (row.hay !== '') return row.hay;
  const c = row.claim;
  const raw = [c.id, c.partner.name, c.partner.partnerId, c.customer.name, c.customer.domain, c.customer.tenantId, ...row.productNames].join(SEP);
  // NFKC only where it can change something: it is the slow part, and most text is plain ASCII.
  const hay = (/[\u0080-\uffff]/.test(raw) ? raw.normalize('NFKC') : raw).toLowerCase();
  row.hay = hay;
  return hay;
}

/**
 * Rows for every claim, reusing the row of any claim object seen before: a sync that changes three
 * claims re-derives three rows, not 100,000. One cache per settings (calendar and policy).
 */
export class RowIndex {
  private cache = new WeakMap<Claim, QueueRow>();
  private settings: QueueSettings;
  /** The claims of the last update, to tell what changed. */
  private previous: ReadonlyMap<string, Claim> | null = null;
  private previousRows: QueueRow[] | null = null;

  constructor(settings: QueueSettings) {
    this.settings = settings;
  }

  get currentSettings(): QueueSettings {
    return this.settings;
  }

  /**
   * New settings re-derive every row, so only when they really differ: the workstation republishes
   * the server's settings after every sync as fresh objects with the same content.
   */
  setSettings(settings: QueueSettings): void {
    if (sameSettings(settings, this.settings)) return;
    this.settings = settings;
    this.cache = new WeakMap();
    this.previous = null;
    this.previousRows = null;
  }

  /** The row already derived for this claim object, if any. */
  peek(claim: Claim): QueueRow | undefined {
    return this.cache.get(claim);
  }

  rows(claims: ReadonlyMap<string, Claim>, nowMs: number): QueueRow[] {
    return this.update(claims, nowMs).rows;
  }

  /**
   * The rows for `claims`, and what changed since the previous call (rows added and rows gone; a
   * changed claim is one of each), or `changes: null` the first time and after new settings.
   */
  update(claims: ReadonlyMap<string, Claim>, nowMs: number): RowsUpdate {
    const now = new Date(nowMs);
    const prev = this.previous;
    const added: QueueRow[] = [];
    const removed: QueueRow[] = [];
    // Grown by push: `new Array(n)` for n in the 100,000s makes a slow dictionary-mode array.
    const rows: QueueRow[] = [];
    // A sync keeps the order of the claims map (changed claims keep their place): walking the last
    // rows alongside finds the unchanged ones without a lookup.
    const last = this.previousRows;
    for (const [id, claim] of claims) {
      const i = rows.length;
      if (last !== null && i < last.length && last[i]!.claim === claim) {
        rows.push(last[i]!);
        continue;
      }
      let row = this.cache.get(claim);
      if (!row) {
        row = buildRow(claim, this.settings, now);
        this.cache.set(claim, row);
      }
      rows.push(row);
      if (prev === null) continue;
      const before = prev.get(id);
      if (before === claim) continue;
      added.push(row);
      const old = before && this.cache.get(before);
      if (old) removed.push(old);
    }
    if (prev !== null && prev.size - removed.length !== claims.size - added.length) {
      for (const [id, before] of prev) {
        if (claims.has(id)) continue;
        const old = this.cache.get(before);
        if (old) removed.push(old);
      }
    }
    this.previous = claims;
    this.previousRows = rows;
    return { rows, changes: prev === null ? null : { added, removed } };
  }
}

/** Equal calendar and policy, by content. */
export function sameSettings(a: QueueSettings, b: QueueSettings): boolean {
  if (a.calendar === b.calendar && a.policy === b.policy) return true;
  return JSON.stringify(a.calendar) === JSON.stringify(b.calendar) && JSON.stringify(a.policy) === JSON.stringify(b.policy);
}

export type RowChanges = { added: readonly QueueRow[]; removed: readonly QueueRow[] };
export type RowsUpdate = { rows: QueueRow[]; changes: RowChanges | null };
