/**
 * "Breaches ahead": what breaches in the rest of today, by the end of the next business day and by
 * the end of this week; breaches per business day for the next business days; the distribution of
 * business time left. Pure functions of the SLA snapshot's ordered entries, the calendar and `now`:
 * every figure is a few binary searches, so they can follow the clock.
 *
 * Days and weeks are those of the SLA calendar's zone (weeks start on Monday), as on the server's
 * `/supervisor/sla`. A breach belongs to the business day whose end it falls on or before: a clock
 * due "at the end of Friday" breaches at Saturday 00:00 and counts for Friday.
 */
import { businessTimeline, calendarDays, MS_PER_DAY, type Calendar, type DayInfo } from '@shared/index';
import { SLA_CLOCKS, type SlaClock, type SlaEntry } from '../sla/model';
import { dueOf } from '../sla/slaIndex';
import { countAtOrBefore, itemsBetween } from '../sla/sorted';

export type PerClock<T> = Readonly<Record<SlaClock, T>>;

export type DayMarks = {
  today: DayInfo;
  /** The first business day after today. */
  nextBusinessDay: DayInfo;
  /** Monday 00:00 of this week and of the next (the calendar's zone). */
  weekStartMs: number;
  weekEndMs: number;
};

const isMonday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() === 1;

export function dayMarks(calendar: Calendar, nowMs: number): DayMarks {
  const days = calendarDays(calendar, new Date(nowMs - 7 * MS_PER_DAY), new Date(nowMs + 45 * MS_PER_DAY));
  const todayIndex = days.findIndex((d) => d.start <= nowMs && nowMs < d.end);
  const today = days[todayIndex]!;
  let weekStart = todayIndex;
  while (weekStart > 0 && !isMonday(days[weekStart]!.date)) weekStart--;
  let weekEnd = todayIndex + 1;
  while (weekEnd < days.length - 1 && !isMonday(days[weekEnd]!.date)) weekEnd++;
  const nextBusinessDay = days.slice(todayIndex + 1).find((d) => d.kind === 'business') ?? days[days.length - 1]!;
  return { today, nextBusinessDay, weekStartMs: days[weekStart]!.start, weekEndMs: days[weekEnd]!.start };
}

export type BreachesAhead = {
  marks: DayMarks;
  /** Due after now and by the end of today. */
  today: SlaEntry[];
  /** Due after today and by the end of the next business day. */
  nextBusinessDay: SlaEntry[];
  /** Due after now and by the end of this week (Sunday 24:00). */
  thisWeek: SlaEntry[];
};

/** `allByDue`: running entries ordered by due instant (SlaSnapshot.allByDue). */
export function breachesAhead(allByDue: readonly SlaEntry[], calendar: Calendar, nowMs: number): BreachesAhead {
  const marks = dayMarks(calendar, nowMs);
  return {
    marks,
    today: itemsBetween(allByDue, dueOf, nowMs, marks.today.end),
    nextBusinessDay: itemsBetween(allByDue, dueOf, Math.max(nowMs, marks.today.end), marks.nextBusinessDay.end),
    thisWeek: itemsBetween(allByDue, dueOf, nowMs, marks.weekEndMs),
  };
}

export type ForecastDay = { date: string; start: number; end: number; total: number; byClock: PerClock<number> };

/**
 * Breaches per business day for the next `count` business days (today first when it is one). Each
 * day takes what falls due after the previous business day ended, so nothing due on a weekend or
 * holiday is lost: it counts for the business day before it.
 */
export function forecastByBusinessDay(byDue: PerClock<readonly SlaEntry[]>, calendar: Calendar, nowMs: number, count = 10): ForecastDay[] {
  const out: ForecastDay[] = [];
  let horizon = 3 * count + 14;
  for (let guard = 0; out.length < count && guard < 10; guard++, horizon *= 2) {
    out.length = 0;
    let from = nowMs;
    for (const day of calendarDays(calendar, new Date(nowMs), new Date(nowMs + horizon * MS_PER_DAY))) {
      if (day.kind !== 'business' || day.end <= nowMs) continue;
      const byClock = {} as Record<SlaClock, number>;
      let total = 0;
      for (const clock of SLA_CLOCKS) {
        const n = countAtOrBefore(byDue[clock], dueOf, day.end) - countAtOrBefore(byDue[clock], dueOf, from);
        byClock[clock] = n;
        total += n;
      }
      out.push({ date: day.date, start: day.start, end: day.end, total, byClock });
      from = day.end;
      if (out.length === count) break;
    }
  }
  return out;
}

export type RemainingBucket = {
  /** Business days left: (from, to]; `from` -Infinity for the breached bucket, `to` +Infinity for the last. */
  from: number;
  to: number;
  total: number;
  byClock: PerClock<number>;
};

/** Edges of the distribution of business days left (the first bucket is "breached"). */
export const REMAINING_EDGES = [0, 0.5, 1, 2, 3, 5, 10] as const;

/** How much business time running clocks have left, in buckets between `edges`. */
export function remainingDistribution(
  byDue: PerClock<readonly SlaEntry[]>,
  calendar: Calendar,
  nowMs: number,
  edges: readonly number[] = REMAINING_EDGES,
): RemainingBucket[] {
  const timeline = businessTimeline(calendar);
  const nowPos = timeline.positionAt(nowMs);
  // The instant by which a clock due then has `edge` business days left now.
  const instants = edges.map((edge) => (edge === 0 ? nowMs : timeline.instantAt(nowPos + edge)));
  const bounds = [Number.NEGATIVE_INFINITY, ...edges, Number.POSITIVE_INFINITY];
  const cut = [Number.NEGATIVE_INFINITY, ...instants, Number.POSITIVE_INFINITY];
  const out: RemainingBucket[] = [];
  for (let k = 0; k < bounds.length - 1; k++) {
    const byClock = {} as Record<SlaClock, number>;
    let total = 0;
    for (const clock of SLA_CLOCKS) {
      const list = byDue[clock];
      const hi = cut[k + 1] === Number.POSITIVE_INFINITY ? list.length : countAtOrBefore(list, dueOf, cut[k + 1]!);
      const lo = cut[k] === Number.NEGATIVE_INFINITY ? 0 : countAtOrBefore(list, dueOf, cut[k]!);
      byClock[clock] = hi - lo;
      total += hi - lo;
    }
    out.push({ from: bounds[k]!, to: bounds[k + 1]!, total, byClock });
  }
  return out;
}
