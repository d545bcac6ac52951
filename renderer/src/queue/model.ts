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
  type Calendar,
  type Claim,
  type ClockLevel,
  type ClockName,
  type ClockReading,
  type DeficiencyCode,
  type Policy,
  type ProductFamily,
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
  /** When the clock reads `at_risk` (the policy's threshold of its target used). */
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
  readonly productNames: readonly string[];
  /** The calendar and policy the clock was read with. */
  readonly settings: QueueSettings;
  /** Lower-case NFKC search text; built lazily (see `ensureHaystack`). */
  hay: string | undefined;
};

export const FAMILY_BIT: Readonly<Record<ProductFamily, number>> = Object.fromEntries(
  PRODUCT_FAMILIES.map((f, i) => [f, 1 << i]),
) as Record<ProductFamily, number>;

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

export function buildRow(claim: Claim, settings: QueueSettings, nowMs: number): QueueRow {
  const reading = primaryClock(clocks(claim, new Date(nowMs), settings.calendar, { policy: settings.policy }));
  let families = 0;
  const productNames: string[] = [];
  for (const p of claim.products) {
    families |= FAMILY_BIT[p.family] ?? 0;
    productNames.push(PRODUCT_BY_ID.get(p.productId)?.name ?? p.productId);
  }
  let deficiencies: DeficiencyCode[] = hasFailedItem(claim) ? failedDeficiencies(claim).map((d) => d.code) : [];
  if (deficiencies.length === 0 && OPEN.has(claim.status)) deficiencies = claim.infoRequests.at(-1)?.codes ?? [];
  return {
    id: claim.id,
    claim,
    clock: reading ? toQueueClock(reading, settings) : null,
    submittedMs: claim.firstSubmittedAt === null ? Number.NaN : Date.parse(claim.firstSubmittedAt),
    deficiencies,
    families,
    productNames,
    settings,
    hay: undefined,
  };
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

function toQueueClock(reading: ClockReading, settings: QueueSettings): QueueClock {
  const startedMs = reading.startedAt.getTime();
  const atRiskAt = settings.policy.atRiskAt;
  let atRiskMs: number;
  if (reading.unit === 'days') {
    atRiskMs = startedMs + atRiskAt * reading.target * MS_PER_DAY;
  } else {
    const timeline = businessTimeline(settings.calendar);
    atRiskMs = timeline.instantAt(timeline.positionAt(startedMs) + atRiskAt * reading.target);
  }
  return {
    name: reading.clock,
    kind: SLA_CLOCKS.has(reading.clock) ? 'sla' : 'window',
    unit: reading.unit,
    startedMs,
    dueMs: reading.dueAt.getTime(),
    atRiskMs,
    target: reading.target,
  };
}

/** The clock's level at `nowMs` (same thresholds as the shared `levelOf`). */
export function levelAt(clock: QueueClock, nowMs: number): ClockLevel {
  if (nowMs >= clock.dueMs) return 'breached';
  return nowMs >= clock.atRiskMs ? 'at_risk' : 'on_track';
}

/** The level of the row's running service-level clock at `nowMs`; windows and no clock are `null`. */
export function slaLevelAt(row: QueueRow, nowMs: number): ClockLevel | null {
  return row.clock?.kind === 'sla' ? levelAt(row.clock, nowMs) : null;
}

/** Search normalization: NFKC (full-width Latin and half-width katakana fold) and lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Fields separated by a character no query contains, so a term never matches across two fields. */
const SEP = '\u0000';

export function ensureHaystack(row: QueueRow): string {
  if (row.hay !== undefined) return row.hay;
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

  constructor(settings: QueueSettings) {
    this.settings = settings;
  }

  get currentSettings(): QueueSettings {
    return this.settings;
  }

  setSettings(settings: QueueSettings): void {
    if (settings.calendar === this.settings.calendar && settings.policy === this.settings.policy) return;
    this.settings = settings;
    this.cache = new WeakMap();
  }

  rows(claims: ReadonlyMap<string, Claim>, nowMs: number): QueueRow[] {
    const rows: QueueRow[] = new Array<QueueRow>(claims.size);
    let i = 0;
    for (const claim of claims.values()) {
      let row = this.cache.get(claim);
      if (!row) {
        row = buildRow(claim, this.settings, nowMs);
        this.cache.set(claim, row);
      }
      rows[i++] = row;
    }
    return rows;
  }
}
