/**
 * The queue's views, filters, search and sorting over plain arrays. At 100,000 claims the table
 * library's own row models are too slow to rebuild on every keystroke (bench:queue measures it), so
 * this module does the work and react-table keeps the state (sorting, column filters, global filter)
 * and the column definitions.
 *
 * Sorting is done once per (rows, column, direction) over the whole set and cached; filters and
 * search then walk the sorted order once, so changing a filter never sorts and changing the sort
 * never re-evaluates search terms against 100,000 haystacks more than once.
 */
import { STATUSES, type ClockLevel, type ProductFamily, type Status } from '@shared/index';

import {
  assigneeCode,
  ensureHaystack,
  FAMILY_BIT,
  normalizeText,
  OPEN_STATUS_BITS,
  partnerOfCode,
  slaLevelAt,
  statusCode,
  type QueueRow,
  type RowChanges,
  type RowsUpdate,
} from './model';

export const VIEW_IDS = ['mine', 'unassigned', 'dueToday', 'breached', 'disputes', 'all'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export type LevelFilter = ClockLevel | 'none';

export type QueueFilters = {
  status?: Status | undefined;
  level?: LevelFilter | undefined;
  family?: ProductFamily | undefined;
  /** A user id; `null` means unassigned; undefined means any. */
  assignee?: string | null | undefined;
  /** A Partner ID (exact) or part of a partner name. */
  partner?: string | undefined;
};

/** What time-dependent views need: "now", the end of the reviewer's day, and who "me" is. */
export type QueueContext = { nowMs: number; endOfDayMs: number; userId: string };

const OPEN_STATUSES: ReadonlySet<Status> = new Set(['submitted', 'in_review', 'partner_action_needed', 'disputed']);

export function inView(view: ViewId, row: QueueRow, ctx: QueueContext): boolean {
  return viewPredicate(view, ctx)(row);
}

/** Membership of a saved view, with its inputs resolved once (for a pass over every row). */
function viewPredicate(view: ViewId, ctx: QueueContext): (row: QueueRow) => boolean {
  const now = ctx.nowMs;
  switch (view) {
    case 'mine': {
      const me = assigneeCode(ctx.userId);
      return (row) => row.assigneeCode === me && (OPEN_STATUS_BITS & (1 << row.statusCode)) !== 0;
    }
    case 'unassigned':
      return (row) => row.assigneeCode === -1 && (OPEN_STATUS_BITS & (1 << row.statusCode)) !== 0;
    case 'dueToday':
      return (row) => {
        const clock = row.clock;
        return clock !== null && clock.kind === 'sla' && clock.dueMs > now && clock.dueMs <= ctx.endOfDayMs;
      };
    case 'breached':
      return (row) => slaLevelAt(row, now) === 'breached';
    case 'disputes': {
      const disputed = statusCode('disputed');
      return (row) => row.statusCode === disputed;
    }
    case 'all':
      return () => true;
  }
}

/** How many claims each saved view holds right now (filters and search do not apply): one pass. */
export function countViews(rows: readonly QueueRow[], ctx: QueueContext): Record<ViewId, number> {
  const counts = { mine: 0, unassigned: 0, dueToday: 0, breached: 0, disputes: 0, all: 0 };
  for (let i = 0; i < rows.length; i++) tally(counts, rows[i]!, ctx, 1);
  return counts;
}

/** Adds (sign 1) or takes away (sign -1) one row's share of every view count. */
function tally(counts: Record<ViewId, number>, row: QueueRow, ctx: QueueContext, sign: 1 | -1): void {
  const claim = row.claim;
  counts.all += sign;
  if (OPEN_STATUSES.has(claim.status)) {
    if (claim.assignee === null) counts.unassigned += sign;
    else if (claim.assignee === ctx.userId) counts.mine += sign;
  }
  if (claim.status === 'disputed') counts.disputes += sign;
  const clock = row.clock;
  if (clock !== null && clock.kind === 'sla') {
    if (ctx.nowMs >= clock.dueMs) counts.breached += sign;
    else if (clock.dueMs <= ctx.endOfDayMs) counts.dueToday += sign;
  }
}

/**
 * View counts kept up to date: after a sync that changed a few claims, the old rows' shares are
 * taken away and the new ones' added; a full pass only for new rows, a new minute or another user.
 */
export class ViewCounter {
  private last: { rows: readonly QueueRow[]; ctx: QueueContext; counts: Record<ViewId, number> } | null = null;

  count(update: RowsUpdate, ctx: QueueContext): Record<ViewId, number> {
    const last = this.last;
    let counts: Record<ViewId, number>;
    if (last !== null && last.rows === update.rows && sameContext(last.ctx, ctx)) return last.counts;
    if (last !== null && update.changes !== null && sameContext(last.ctx, ctx)) {
      counts = { ...last.counts };
      for (const row of update.changes.removed) tally(counts, row, ctx, -1);
      for (const row of update.changes.added) tally(counts, row, ctx, 1);
    } else counts = countViews(update.rows, ctx);
    this.last = { rows: update.rows, ctx, counts };
    return counts;
  }
}

function sameContext(a: QueueContext, b: QueueContext): boolean {
  return a.nowMs === b.nowMs && a.endOfDayMs === b.endOfDayMs && a.userId === b.userId;
}

/** Who is assigned claims (for the assignee filter), kept up to date the same way. */
export class AssigneeCounter {
  private readonly counts = new Map<string, number>();
  private rows: readonly QueueRow[] | null = null;

  assignees(update: RowsUpdate): string[] {
    if (update.rows === this.rows) return this.list();
    const bump = (row: QueueRow, by: number) => {
      const id = row.claim.assignee;
      if (id !== null) this.counts.set(id, (this.counts.get(id) ?? 0) + by);
    };
    if (this.rows !== null && update.changes !== null) {
      for (const row of update.changes.removed) bump(row, -1);
      for (const row of update.changes.added) bump(row, 1);
    } else {
      this.counts.clear();
      for (const row of update.rows) bump(row, 1);
    }
    this.rows = update.rows;
    return this.list();
  }

  private list(): string[] {
    return [...this.counts].filter(([, n]) => n > 0).map(([id]) => id);
  }
}

/** Search terms: NFKC, lower case, split on any white space (the ideographic space included). */
export function searchTerms(query: string): string[] {
  return normalizeText(query)
    .split(/\s+/u)
    .filter((t) => t.length > 0);
}

const partnerNames = new Map<string, string>();
function normalizedPartnerName(name: string): string {
  let n = partnerNames.get(name);
  if (n === undefined) {
    n = normalizeText(name);
    partnerNames.set(name, n);
  }
  return n;
}

/**
 * Whether the partner of each code matches the partner filter (its Partner ID exactly, or part of
 * its name), decided once per partner rather than once per row.
 */
function partnerMatcher(query: string): (code: number) => boolean {
  const known: (boolean | undefined)[] = [];
  return (code) => {
    let hit = known[code];
    if (hit === undefined) {
      const p = partnerOfCode(code);
      known[code] = hit = p.partnerId === query || normalizedPartnerName(p.name).includes(query);
    }
    return hit;
  };
}

/** Whether the row passes the filters and contains every search term. */
export function rowPredicate(view: ViewId, filters: QueueFilters, search: string, ctx: QueueContext): (row: QueueRow) => boolean {
  const terms = searchTerms(search);
  const { level, family } = filters;
  const status = filters.status === undefined ? -1 : statusCode(filters.status);
  const familyBit = family ? FAMILY_BIT[family] : 0;
  const anyAssignee = filters.assignee === undefined;
  const assignee = filters.assignee === undefined ? -1 : assigneeCode(filters.assignee);
  const partnerQuery = filters.partner ? normalizeText(filters.partner.trim()) : '';
  const partner = partnerQuery === '' ? null : partnerMatcher(partnerQuery);
  const inView = view === 'all' ? null : viewPredicate(view, ctx);
  const now = ctx.nowMs;
  // Cheapest and most selective tests first; every one reads the row alone except level and search.
  return (row) => {
    if (status >= 0 && row.statusCode !== status) return false;
    if (familyBit !== 0 && (row.families & familyBit) === 0) return false;
    if (!anyAssignee && row.assigneeCode !== assignee) return false;
    if (partner !== null && !partner(row.partnerCode)) return false;
    if (inView !== null && !inView(row)) return false;
    if (level !== undefined && (slaLevelAt(row, now) ?? 'none') !== level) return false;
    if (terms.length > 0) {
      const hay = ensureHaystack(row);
      for (const term of terms) if (!hay.includes(term)) return false;
    }
    return true;
  };
}

export function filterRows(order: readonly QueueRow[], predicate: (row: QueueRow) => boolean): QueueRow[] {
  const out: QueueRow[] = [];
  for (let i = 0; i < order.length; i++) {
    const row = order[i]!;
    if (predicate(row)) out.push(row);
  }
  return out;
}

function sameFilters(a: QueueFilters, b: QueueFilters): boolean {
  return a.status === b.status && a.level === b.level && a.family === b.family && a.assignee === b.assignee && (a.partner ?? '') === (b.partner ?? '');
}

/** Whether each earlier term lies inside some new term: then every row the new terms match, the old ones did. */
function refines(newTerms: readonly string[], oldTerms: readonly string[]): boolean {
  return oldTerms.every((o) => newTerms.some((n) => n.includes(o)));
}

/**
 * The last filter result, kept by its inputs: a render that React throws away and redoes (a tick
 * interrupting a deferred render) finds the work done. And typing on in the search box narrows the
 * previous result instead of the whole set, when every earlier term lies inside a new one.
 */
export class FilterMemo {
  private last: {
    sorted: readonly QueueRow[];
    view: ViewId;
    filters: QueueFilters;
    terms: string[];
    ctx: QueueContext;
    out: readonly QueueRow[];
  } | null = null;

  filter(sorted: readonly QueueRow[], view: ViewId, filters: QueueFilters, search: string, ctx: QueueContext): readonly QueueRow[] {
    const terms = searchTerms(search);
    const last = this.last;
    const sameBase =
      last !== null &&
      last.sorted === sorted &&
      last.view === view &&
      sameFilters(last.filters, filters) &&
      last.ctx.nowMs === ctx.nowMs &&
      last.ctx.endOfDayMs === ctx.endOfDayMs &&
      last.ctx.userId === ctx.userId;
    if (sameBase && last.terms.length === terms.length && last.terms.every((t, i) => t === terms[i])) return last.out;
    let out: readonly QueueRow[];
    if (view === 'all' && terms.length === 0 && Object.values(filters).every((v) => v === undefined)) out = sorted;
    else {
      const from = sameBase && last.terms.length > 0 && refines(terms, last.terms) ? last.out : sorted;
      out = filterRows(from, rowPredicate(view, filters, terms.join(' '), ctx));
    }
    this.last = { sorted, view, filters, terms, ctx, out };
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// Sorting

export const SORT_COLUMNS = ['id', 'partner', 'customer', 'products', 'status', 'assignee', 'submitted', 'sla', 'deficiencies'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortSpec = { column: SortColumn; desc: boolean };

const STATUS_ORDER: Readonly<Record<Status, number>> = Object.fromEntries(STATUSES.map((s, i) => [s, i])) as Record<Status, number>;

/** Natural order for ids: digit runs compare as numbers (CPOR-99 before CPOR-100). */
export function naturalKey(text: string): string {
  return text.toLowerCase().replace(/\d+/g, (d) => d.replace(/^0+(?=\d)/, '').padStart(16, '0'));
}

type Keys = { kind: 'number'; values: Float64Array } | { kind: 'string'; values: (string | null)[] };

/**
 * Sort keys per column for one rows array. Missing values (no assignee, never submitted, no running
 * clock) are `NaN`/`null` and always sort last, whatever the direction.
 */
/** Sort columns, plus the SLA column's own descending key (service levels stay before windows). */
type KeyColumn = SortColumn | 'slaDesc';

function keysFor(rows: readonly QueueRow[], column: KeyColumn, nameOf: (userId: string) => string): Keys {
  const n = rows.length;
  switch (column) {
    case 'id':
      return numericIdKeys(rows) ?? naturalIdKeys(rows);
    case 'partner': {
      const memo = new Map<string, string>();
      const values: string[] = [];
      for (let i = 0; i < n; i++) {
        const p = rows[i]!.claim.partner;
        const raw = p.name;
        let key = memo.get(raw);
        if (key === undefined) memo.set(raw, (key = raw.toLowerCase()));
        values.push(`${key}\u0000${p.partnerId}`);
      }
      return { kind: 'string', values };
    }
    case 'customer': {
      const values: string[] = [];
      for (let i = 0; i < n; i++) values.push(rows[i]!.claim.customer.name.toLowerCase());
      return { kind: 'string', values };
    }
    case 'products': {
      const values: string[] = [];
      for (let i = 0; i < n; i++) values.push(rows[i]!.productNames.join(', ').toLowerCase());
      return { kind: 'string', values };
    }
    case 'assignee': {
      const memo = new Map<string, string>();
      const values: (string | null)[] = [];
      for (let i = 0; i < n; i++) {
        const id = rows[i]!.claim.assignee;
        if (id === null) {
          values.push(null);
          continue;
        }
        let key = memo.get(id);
        if (key === undefined) memo.set(id, (key = naturalKey(nameOf(id))));
        values.push(key);
      }
      return { kind: 'string', values };
    }
    case 'status': {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = STATUS_ORDER[rows[i]!.claim.status];
      return { kind: 'number', values };
    }
    case 'submitted': {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = rows[i]!.submittedMs;
      return { kind: 'number', values };
    }
    case 'sla': {
      // Service levels first, then windows (consent, dispute), then claims with no running clock.
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = slaKey(rows[i]!);
      return { kind: 'number', values };
    }
    case 'slaDesc': {
      // Most time left first, still service levels before windows before no clock.
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const clock = rows[i]!.clock;
        values[i] = clock === null ? Number.NaN : (clock.kind === 'sla' ? 0 : WINDOW_TIER) - clock.dueMs;
      }
      return { kind: 'number', values };
    }
    case 'deficiencies': {
      const values = new Float64Array(n);
      for (let i = 0; i < n; i++) values[i] = rows[i]!.deficiencies.length;
      return { kind: 'number', values };
    }
  }
}

/**
 * Ids of one shape, `<prefix><number>` with one shared prefix and distinct numbers (CPOR-100001…),
 * sort by their number; anything else returns null and sorts by natural string keys.
 */
function numericIdKeys(rows: readonly QueueRow[]): Keys | null {
  const n = rows.length;
  const values = new Float64Array(n);
  let prefix: string | null = null;
  for (let i = 0; i < n; i++) {
    const id = rows[i]!.id;
    let k = id.length;
    while (k > 0 && id.charCodeAt(k - 1) >= 48 && id.charCodeAt(k - 1) <= 57) k--;
    const digits = id.length - k;
    if (digits === 0 || digits > 15 || (digits > 1 && id.charCodeAt(k) === 48)) return null;
    if (prefix === null) prefix = id.slice(0, k);
    else if (!id.startsWith(prefix) || k !== prefix.length) return null;
    values[i] = Number(id.slice(k));
  }
  return { kind: 'number', values };
}

function naturalIdKeys(rows: readonly QueueRow[]): Keys {
  const n = rows.length;
  const values: string[] = [];
  // Unique even where two ids share a natural key (CPOR-01, CPOR-1): the base order relies on it.
  for (let i = 0; i < n; i++) values.push(`${naturalKey(rows[i]!.id)}\u0000${rows[i]!.id}`);
  return { kind: 'string', values };
}

/** The tier offset puts windows after service levels (due instants are < 1e14). */
const WINDOW_TIER = 1e15;
function slaKey(row: QueueRow): number {
  const clock = row.clock;
  if (clock === null) return Number.NaN;
  return clock.kind === 'sla' ? clock.dueMs : clock.dueMs + WINDOW_TIER;
}

/** One row's sort key, the same as `keysFor` gives it (ids as natural strings, which order uniform ids as their numbers do). */
function rowKey(row: QueueRow, column: KeyColumn, nameOf: (userId: string) => string): number | string | null {
  const c = row.claim;
  switch (column) {
    case 'id':
      return `${naturalKey(row.id)}\u0000${row.id}`;
    case 'partner':
      return `${c.partner.name.toLowerCase()}\u0000${c.partner.partnerId}`;
    case 'customer':
      return c.customer.name.toLowerCase();
    case 'products':
      return row.productNames.join(', ').toLowerCase();
    case 'assignee':
      return c.assignee === null ? null : naturalKey(nameOf(c.assignee));
    case 'status':
      return STATUS_ORDER[c.status];
    case 'submitted':
      return row.submittedMs;
    case 'sla':
      return slaKey(row);
    case 'slaDesc':
      return row.clock === null ? Number.NaN : (row.clock.kind === 'sla' ? 0 : WINDOW_TIER) - row.clock.dueMs;
    case 'deficiencies':
      return row.deficiencies.length;
  }
}

/** Missing (null, NaN) last whatever the direction. */
function compareKeys(x: number | string | null, y: number | string | null, sign: number): number {
  const xMissing = x === null || x !== x;
  const yMissing = y === null || y !== y;
  if (xMissing || yMissing) return xMissing === yMissing ? 0 : xMissing ? 1 : -1;
  return x === y ? 0 : x! < y! ? -sign : sign;
}

/** The order `Sorter.sorted(spec)` produces, as a comparator (for merging a few changed rows in). */
export function compareRows(spec: SortSpec, nameOf: (userId: string) => string): (a: QueueRow, b: QueueRow) => number {
  const column: KeyColumn = spec.column === 'sla' && spec.desc ? 'slaDesc' : spec.column;
  const sign = spec.desc && column !== 'slaDesc' ? -1 : 1;
  return (a, b) =>
    compareKeys(rowKey(a, column, nameOf), rowKey(b, column, nameOf), sign) ||
    compareKeys(slaKey(a), slaKey(b), 1) ||
    compareKeys(rowKey(a, 'id', nameOf), rowKey(b, 'id', nameOf), 1);
}

/**
 * Dense ranks (0, 1, 2, … in ascending key order, equal keys equal rank); missing values (NaN, null)
 * get the highest rank. Native sorts only: no comparator calls, which dominate at 100,000 rows.
 */
export function ranksOf(keys: Keys): { ranks: Float64Array; missing: number } {
  const n = keys.values.length;
  const ranks = new Float64Array(n);
  if (keys.kind === 'number') {
    const values = keys.values;
    const sorted = Float64Array.from(values).sort(); // NaN sorts last
    let unique = 0;
    for (let i = 0; i < n; i++) {
      const v = sorted[i]!;
      if (v !== v) break;
      if (unique === 0 || sorted[unique - 1] !== v) sorted[unique++] = v;
    }
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v !== v) {
        ranks[i] = unique;
        continue;
      }
      let lo = 0;
      let hi = unique - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (sorted[mid]! < v) lo = mid + 1;
        else hi = mid;
      }
      ranks[i] = lo;
    }
    return { ranks, missing: unique };
  }
  const values = keys.values;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v != null && !index.has(v)) index.set(v, 0);
  }
  const unique = [...index.keys()].sort(); // code-unit order, the same as `<`
  for (let r = 0; r < unique.length; r++) index.set(unique[r]!, r);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    ranks[i] = v == null ? unique.length : index.get(v)!;
  }
  return { ranks, missing: unique.length };
}

/**
 * Caches the sorted order of one rows array per column and direction. Ties break on the SLA due
 * instant (most urgent first), then on the claim id, so every order is total and deterministic.
 *
 * Implementation: every row gets a base rank (its position in the tie-break order); a column sort
 * packs `columnRank * n + baseRank` into one float and sorts those natively.
 */
export class Sorter {
  readonly rows: readonly QueueRow[];
  readonly nameOf: (userId: string) => string;
  private readonly ranks = new Map<KeyColumn, { ranks: Float64Array; missing: number }>();
  private readonly orders = new Map<string, QueueRow[]>();
  /** The order asked for last: the one worth carrying over to the next rows. */
  private lastSpec: SortSpec | null = null;
  private base: { rankOf: Float64Array; order: QueueRow[] } | null = null;

  constructor(rows: readonly QueueRow[], nameOf: (userId: string) => string = (id) => id) {
    this.rows = rows;
    this.nameOf = nameOf;
  }

  private ranksOfColumn(column: KeyColumn): { ranks: Float64Array; missing: number } {
    let r = this.ranks.get(column);
    if (!r) {
      r = ranksOf(keysFor(this.rows, column, this.nameOf));
      this.ranks.set(column, r);
    }
    return r;
  }

  /** The tie-break order: SLA due ascending (missing last), then claim id (unique, so the order is total). */
  private baseOrder(): { rankOf: Float64Array; order: QueueRow[] } {
    if (this.base) return this.base;
    const rows = this.rows;
    const n = rows.length;
    const sla = this.ranksOfColumn('sla').ranks;
    const id = this.ranksOfColumn('id').ranks;
    const rowByIdRank = new Uint32Array(n);
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      rowByIdRank[id[i]!] = i;
      packed[i] = sla[i]! * n + id[i]!;
    }
    packed.sort();
    const order: QueueRow[] = [];
    const rankOf = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const i = rowByIdRank[packed[r]! % n]!;
      order.push(rows[i]!);
      rankOf[i] = r;
    }
    this.base = { rankOf, order };
    return this.base;
  }

  /**
   * Computes one more column's sort keys ahead of time (for idle callbacks), so the first click on
   * a column header only sorts. Returns false once every column is ready.
   */
  prepareNext(): boolean {
    if (this.rows.length === 0) return false;
    if (!this.base) {
      this.baseOrder();
      return true;
    }
    const column = ([...SORT_COLUMNS, 'slaDesc'] as const).find((c) => !this.ranks.has(c));
    if (column === undefined) return false;
    this.ranksOfColumn(column);
    return true;
  }

  /**
   * A sorter for the next rows, when only a few claims changed: the order in use is carried over
   * with the changed rows taken out and merged back in at their places (a pass over the rows and
   * a binary search per change), instead of sorting 100,000 rows again after every sync.
   */
  derive(rows: readonly QueueRow[], changes: RowChanges): Sorter {
    const next = new Sorter(rows, this.nameOf);
    const spec = this.lastSpec;
    const order = spec && this.orders.get(specKey(spec));
    if (!spec || !order) return next;
    const removed = new Set(changes.removed);
    const kept: QueueRow[] = [];
    for (let i = 0; i < order.length; i++) {
      const row = order[i]!;
      if (!removed.has(row)) kept.push(row);
    }
    const compare = compareRows(spec, this.nameOf);
    const added = [...changes.added].sort(compare);
    const merged: QueueRow[] = [];
    let from = 0;
    for (const row of added) {
      let lo = from;
      let hi = kept.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (compare(kept[mid]!, row) < 0) lo = mid + 1;
        else hi = mid;
      }
      for (; from < lo; from++) merged.push(kept[from]!);
      merged.push(row);
    }
    for (; from < kept.length; from++) merged.push(kept[from]!);
    next.orders.set(specKey(spec), merged);
    next.lastSpec = spec;
    return next;
  }

  /** Whether the order for `spec` is ready (computed, or carried over by `derive`). */
  hasOrder(spec: SortSpec): boolean {
    return this.orders.has(specKey(spec));
  }

  sorted(spec: SortSpec): QueueRow[] {
    this.lastSpec = spec;
    const cacheKey = specKey(spec);
    const cached = this.orders.get(cacheKey);
    if (cached) return cached;
    const n = this.rows.length;
    let out: QueueRow[];
    if (n === 0) out = [];
    else if (spec.column === 'sla' && !spec.desc) out = this.baseOrder().order;
    else if (spec.column === 'id') {
      // Ids are unique: their ranks are the positions.
      const { ranks } = this.ranksOfColumn('id');
      const rowAt = new Uint32Array(n);
      for (let i = 0; i < n; i++) rowAt[spec.desc ? n - 1 - ranks[i]! : ranks[i]!] = i;
      out = [];
      for (let r = 0; r < n; r++) out.push(this.rows[rowAt[r]!]!);
    } else {
      // Descending SLA has a key of its own; every other column reverses its ascending ranks.
      const own = spec.column === 'sla';
      const { ranks, missing } = this.ranksOfColumn(own ? 'slaDesc' : spec.column);
      const desc = spec.desc && !own;
      const base = this.baseOrder();
      const packed = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const r = ranks[i]!;
        const key = r === missing ? missing : desc ? missing - 1 - r : r;
        packed[i] = key * n + base.rankOf[i]!;
      }
      const baseOrder = base.order;
      out = [];
      packed.sort();
      for (let r = 0; r < n; r++) out.push(baseOrder[packed[r]! % n]!);
    }
    this.orders.set(cacheKey, out);
    return out;
  }
}

function specKey(spec: SortSpec): string {
  return `${spec.column}:${spec.desc ? 'desc' : 'asc'}`;
}

/**
 * The sorter for each new rows array: derived from the previous one while changes are few (a sync
 * touching some claims), built afresh otherwise (first load, new settings, a big pull).
 */
export class SortIndex {
  private last: Sorter | null = null;

  next(update: RowsUpdate, nameOf: (userId: string) => string): Sorter {
    const prev = this.last;
    const changes = update.changes;
    const few = changes !== null && changes.added.length + changes.removed.length <= Math.max(64, update.rows.length / 500);
    this.last = prev !== null && few && prev.nameOf === nameOf ? prev.derive(update.rows, changes) : new Sorter(update.rows, nameOf);
    return this.last;
  }
}
