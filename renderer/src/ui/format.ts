/** Formatting of instants, durations and sizes for display. The locale follows the browser. */
import { MS_PER_DAY } from '@shared/index';

const localFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });
const zonedFormats = new Map<string, Intl.DateTimeFormat>();

/** An instant in the reader's own time zone. */
export function formatLocal(at: Date | string | number): string {
  return localFormat.format(new Date(at));
}

export function formatTime(at: Date | string | number): string {
  return timeFormat.format(new Date(at));
}

/** An instant in a named zone (the calendar's), with the zone's abbreviation. */
export function formatInZone(at: Date | string | number, timeZone: string): string {
  let format = zonedFormats.get(timeZone);
  if (!format) {
    // dateStyle/timeStyle cannot be combined with timeZoneName: spell the fields out.
    format = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone, timeZoneName: 'short' });
    zonedFormats.set(timeZone, format);
  }
  return format.format(new Date(at));
}

/** A local calendar date 'YYYY-MM-DD' with its weekday. */
export function formatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y!, m! - 1, d!)),
  );
}

/**
 * A span of time as days, hours, minutes and seconds ("2d 04:13:09"); `unitDays` is a day of
 * the clock's unit (a business day counts as 24 h of countdown).
 */
export function formatCountdown(days: number): string {
  const totalSeconds = Math.floor(Math.abs(days) * (MS_PER_DAY / 1000));
  const d = Math.floor(totalSeconds / 86_400);
  const h = Math.floor((totalSeconds % 86_400) / 3600);
  const m = Math.floor((totalSeconds % 3600) / 60);
  const s = totalSeconds % 60;
  const clock = [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
  return d > 0 ? `${d}d ${clock}` : clock;
}

export function formatNumber(value: number, digits = 2): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value);
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${new Intl.NumberFormat(undefined, { maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)} ${units[unit]}`;
}
