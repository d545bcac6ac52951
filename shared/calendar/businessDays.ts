/**
 * Business-day arithmetic (SPEC §4).
 *
 * Every local day of the calendar counts 1.0 when it is a business day and 0 otherwise; inside a
 * day, business time advances linearly with real time from the day's first instant to the next
 * day's first instant. A 23- or 25-hour DST day therefore still counts exactly 1.0.
 *
 * A calendar's days are laid out once in a table of local-day start instants and running business
 * day totals ("business position"), so each reading is a table lookup instead of a walk over days.
 */
import { MS_PER_DAY, type Calendar } from './calendar';

/** Business days (1e-9 day ≈ 86 µs, under a Date's resolution) within which a position counts as a day boundary. */
const BOUNDARY_EPSILON = 1e-9;

/** Local days per table chunk; the table grows by whole chunks as instants outside it are asked for. */
const CHUNK_DAYS = 366;

class BusinessDayTable {
  /** Epoch day number (days since 1970-01-01 in local time) of `starts[0]`. */
  private firstDay = 0;
  /** UTC instant at which each local day starts; one more entry than there are days. */
  private starts: number[] = [];
  /** Business position at the start of each day; same length as `starts`. */
  private positions: number[] = [];
  private readonly weekend: ReadonlySet<number>;
  private readonly holidays: ReadonlySet<string>;
  private readonly offsetOf: (utcMs: number) => number;

  constructor(calendar: Calendar) {
    this.weekend = new Set(calendar.weekend);
    this.holidays = new Set(calendar.holidays);
    this.offsetOf = zoneOffsetFunction(calendar.timeZone);
  }

  /** Business days elapsed from the table's fixed origin (1970-01-01 local) to `t`. */
  positionAt(t: number): number {
    const i = this.dayIndexOf(t);
    const start = this.starts[i]!;
    const base = this.positions[i]!;
    const dayValue = this.positions[i + 1]! - base;
    if (dayValue === 0) return base;
    return base + (t - start) / (this.starts[i + 1]! - start);
  }

  /** The earliest instant whose business position is `p`. */
  instantAt(p: number): number {
    this.ensurePosition(p);
    // Positions are float sums: a target a hair past a day boundary (noise from subtracting and
    // re-adding positions) must not jump over the weekend or holiday that follows the boundary.
    const whole = Math.round(p);
    if (Math.abs(p - whole) < BOUNDARY_EPSILON) p = whole;
    // Last day whose start position is <= p.
    let lo = 0;
    let hi = this.positions.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.positions[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    const base = this.positions[lo]!;
    if (base === p) {
      // p falls on a day boundary: several instants (a run of non-business days) share it; the
      // earliest is the end of the last business day before the run.
      while (lo > 0 && this.positions[lo - 1] === p) lo--;
      return this.starts[lo]!;
    }
    const start = this.starts[lo]!;
    return earliestWholeMs(start + (p - base) * (this.starts[lo + 1]! - start));
  }

  private dayIndexOf(t: number): number {
    this.ensureInstant(t);
    // Zone offsets stay within ±26 h, so the UTC day number is within two days of the local one.
    let i = Math.floor(t / MS_PER_DAY) - this.firstDay;
    if (i < 0) i = 0;
    if (i > this.starts.length - 2) i = this.starts.length - 2;
    while (i > 0 && t < this.starts[i]!) i--;
    while (i < this.starts.length - 2 && t >= this.starts[i + 1]!) i++;
    return i;
  }

  private ensureInstant(t: number): void {
    if (!Number.isFinite(t)) throw new RangeError('business-day arithmetic needs a valid date');
    if (this.starts.length === 0) this.grow(Math.floor(t / MS_PER_DAY) - (CHUNK_DAYS >> 1), CHUNK_DAYS);
    // Keep two days of margin so the lookup in dayIndexOf never falls off either end.
    while (t < this.starts[0]! + 2 * MS_PER_DAY) this.grow(this.firstDay - CHUNK_DAYS, CHUNK_DAYS);
    while (t >= this.starts[this.starts.length - 1]! - 2 * MS_PER_DAY) this.grow(this.firstDay + this.starts.length - 1, CHUNK_DAYS);
  }

  private ensurePosition(p: number): void {
    if (!Number.isFinite(p)) throw new RangeError('business-day arithmetic needs a finite number of days');
    // A calendar without any business day would grow forever: give up after a century. `<=` because
    // instantAt walks back over the non-business run ending at p and needs the business day before it.
    for (let guard = 0; p <= this.positions[0]! && guard < 100; guard++) this.grow(this.firstDay - CHUNK_DAYS, CHUNK_DAYS);
    for (let guard = 0; p > this.positions[this.positions.length - 1]! && guard < 100; guard++) {
      this.grow(this.firstDay + this.starts.length - 1, CHUNK_DAYS);
    }
    if (p <= this.positions[0]! || p > this.positions[this.positions.length - 1]!) {
      throw new RangeError('the calendar has no business days in reach of this date');
    }
  }

  /** Adds `count` days starting at epoch day `from`, just before or just after what the table holds. */
  private grow(from: number, count: number): void {
    const starts: number[] = [];
    for (let d = from; d <= from + count; d++) starts.push(this.localDayStart(d));
    const values: number[] = [];
    for (let d = from; d < from + count; d++) values.push(this.isBusinessDay(d) ? 1 : 0);

    if (this.starts.length === 0) {
      // Positions are relative to the first day ever laid out; only differences are exposed.
      this.firstDay = from;
      this.starts = starts;
      this.positions = runningTotals(values, 0);
    } else if (from < this.firstDay) {
      const totals = runningTotals(values, 0);
      const shift = this.positions[0]! - totals[totals.length - 1]!;
      this.positions = totals.slice(0, -1).map((v) => v + shift).concat(this.positions);
      this.starts = starts.slice(0, -1).concat(this.starts);
      this.firstDay = from;
    } else {
      this.positions = this.positions.concat(runningTotals(values, this.positions[this.positions.length - 1]!).slice(1));
      this.starts = this.starts.concat(starts.slice(1));
    }
  }

  /** Whether the local day containing `t` is a business day. */
  isBusinessDayAt(t: number): boolean {
    const i = this.dayIndexOf(t);
    return this.positions[i + 1]! !== this.positions[i]!;
  }

  /** The local days from the one containing `from` to the one containing `to`, each with why it does not count. */
  daysBetween(from: number, to: number): DayInfo[] {
    const first = this.dayIndexOf(from);
    const last = this.dayIndexOf(to);
    const out: DayInfo[] = [];
    for (let i = first; i <= last; i++) {
      const epochDay = this.firstDay + i;
      const date = isoDate(epochDay);
      const kind = this.weekend.has(weekdayOf(epochDay)) ? 'weekend' : this.holidays.has(date) ? 'holiday' : 'business';
      out.push({ date, kind, start: this.starts[i]!, end: this.starts[i + 1]! });
    }
    return out;
  }

  private isBusinessDay(epochDay: number): boolean {
    if (this.weekend.has(weekdayOf(epochDay))) return false;
    return !this.holidays.has(isoDate(epochDay));
  }

  /** First UTC instant of local day `epochDay`; a day whose midnight is skipped by DST starts at the jump. */
  private localDayStart(epochDay: number): number {
    const wall = epochDay * MS_PER_DAY;
    // Offsets a day and a half either side: far enough to see any transition near this midnight.
    const before = this.offsetOf(wall - 1.5 * MS_PER_DAY);
    const after = this.offsetOf(wall + 1.5 * MS_PER_DAY);
    if (before === after) return wall - before;
    const candidateBefore = wall - before;
    const candidateAfter = wall - after;
    const validBefore = this.offsetOf(candidateBefore) === before;
    const validAfter = this.offsetOf(candidateAfter) === after;
    if (validBefore && validAfter) return Math.min(candidateBefore, candidateAfter); // repeated midnight
    if (validBefore) return candidateBefore;
    if (validAfter) return candidateAfter;
    return Math.max(candidateBefore, candidateAfter); // midnight skipped: the day starts at the jump
  }
}

/**
 * Dates hold whole milliseconds and `new Date(x)` truncates, which would land just before `days`
 * have elapsed (a clock reading "not yet due" at its own due instant). Round up instead, but snap
 * values within float noise of a whole millisecond so exact inputs round-trip exactly.
 */
function earliestWholeMs(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) < 1e-3 ? nearest : Math.ceil(x);
}

export type DayInfo = { date: string; kind: 'business' | 'weekend' | 'holiday'; start: number; end: number };

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
function weekdayOf(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

function runningTotals(values: number[], start: number): number[] {
  const out = [start];
  let sum = start;
  for (const v of values) out.push((sum += v));
  return out;
}

function isoDate(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

const offsetFunctions = new Map<string, (utcMs: number) => number>();

/** Offset of local time from UTC, in ms, at a UTC instant, read from Intl (no tz database of our own). */
function zoneOffsetFunction(timeZone: string): (utcMs: number) => number {
  const cached = offsetFunctions.get(timeZone);
  if (cached) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    throw new RangeError(`unknown time zone "${timeZone}"`);
  }
  const fn = (utcMs: number): number => {
    const parts: Record<string, number> = {};
    for (const part of format.formatToParts(utcMs)) {
      if (part.type !== 'literal') parts[part.type] = Number(part.value);
    }
    const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
    const secondsPart = utcMs - Math.floor(utcMs / 1000) * 1000;
    return wall - (utcMs - secondsPart);
  };
  offsetFunctions.set(timeZone, fn);
  return fn;
}

const tablesByCalendar = new WeakMap<Calendar, BusinessDayTable>();
const tablesByContent = new Map<string, BusinessDayTable>();
const MAX_CONTENT_TABLES = 32;

let lastCalendar: Calendar | null = null;
let lastTable: BusinessDayTable | null = null;

/** The table for a calendar; calendars equal in content share one even when they are different objects. */
function tableFor(calendar: Calendar): BusinessDayTable {
  // Hot loops (clocks over a whole queue) use one calendar: skip the WeakMap lookup for it.
  if (calendar === lastCalendar) return lastTable!;
  const byObject = tablesByCalendar.get(calendar);
  if (byObject) {
    lastCalendar = calendar;
    lastTable = byObject;
    return byObject;
  }
  const key = `${calendar.timeZone}|${[...calendar.weekend].sort().join(',')}|${[...calendar.holidays].sort().join(',')}`;
  let table = tablesByContent.get(key);
  if (!table) {
    table = new BusinessDayTable(calendar);
    if (tablesByContent.size >= MAX_CONTENT_TABLES) tablesByContent.delete(tablesByContent.keys().next().value!);
    tablesByContent.set(key, table);
  }
  tablesByCalendar.set(calendar, table);
  lastCalendar = calendar;
  lastTable = table;
  return table;
}

/**
 * The calendar's business timeline: `positionAt(ms)` is business days elapsed since an origin fixed
 * for this calendar, `instantAt(position)` the earliest instant at that position. For hot loops
 * (clocks over thousands of claims) that want to skip the per-call table lookup.
 */
export function businessTimeline(calendar: Calendar): Pick<BusinessDayTable, 'positionAt' | 'instantAt'> {
  return tableFor(calendar);
}

/** The earliest instant at which `days` business days have elapsed since `start` (fractional, may be negative). */
export function addBusinessDays(calendar: Calendar, start: Date, days: number): Date {
  const table = tableFor(calendar);
  return new Date(table.instantAt(table.positionAt(start.getTime()) + days));
}

/** Business days elapsed from `from` to `to` (fractional; negative when `to` is earlier). */
export function businessDaysBetween(calendar: Calendar, from: Date, to: Date): number {
  const table = tableFor(calendar);
  return table.positionAt(to.getTime()) - table.positionAt(from.getTime());
}

/** Whether the local day containing `at` is a business day of the calendar. */
export function isBusinessDay(calendar: Calendar, at: Date): boolean {
  return tableFor(calendar).isBusinessDayAt(at.getTime());
}

/** The calendar's local days from the one containing `from` to the one containing `to` (for explanations). */
export function calendarDays(calendar: Calendar, from: Date, to: Date): DayInfo[] {
  return tableFor(calendar).daysBetween(from.getTime(), to.getTime());
}
