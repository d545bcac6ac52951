/**
 * Dates as people write them on PoE: "October 1, 2026", "2026/10/01", "10/01/2026", "2026年10月1日",
 * "令和8年10月1日". Computed by hand from a zone's local fields, not with toLocaleString, so the
 * output does not depend on the ICU data of the machine (PDF bytes must be identical everywhere).
 */
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];

export type LocalParts = { year: number; month: number; day: number; hour: number; minute: number; weekday: number };

const formats = new Map<string, Intl.DateTimeFormat>();

export function localParts(at: Date, timeZone: string): LocalParts {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    formats.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(at)) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0 } = parts;
  // Weekday from the local calendar date itself (no locale strings involved).
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return { year, month, day, hour, minute, weekday };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export type DateStyle = 'long' | 'iso_slash' | 'us_numeric' | 'ja' | 'ja_era';

export function formatDate(at: Date, timeZone: string, style: DateStyle): string {
  const p = localParts(at, timeZone);
  switch (style) {
    case 'long':
      return `${MONTHS[p.month - 1]} ${p.day}, ${p.year}`;
    case 'iso_slash':
      return `${p.year}/${pad(p.month)}/${pad(p.day)}`;
    case 'us_numeric':
      return `${pad(p.month)}/${pad(p.day)}/${p.year}`;
    case 'ja':
      return `${p.year}年${p.month}月${p.day}日`;
    case 'ja_era':
      return `${japaneseEra(p.year)}${p.month}月${p.day}日`;
  }
}

/** Reiwa began on 2019-05-01; the demo only writes recent dates. */
function japaneseEra(year: number): string {
  const reiwa = year - 2018;
  return reiwa === 1 ? '令和元年' : `令和${reiwa}年`;
}

/** "Thursday, October 1, 2026 10:42 AM", as Outlook prints a Sent: header. */
export function formatEmailDate(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  const hour12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${WEEKDAYS[p.weekday]}, ${MONTHS[p.month - 1]} ${p.day}, ${p.year} ${hour12}:${pad(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** "2026年10月1日(木) 10:42", as a Japanese mail client prints a date header. */
export function formatEmailDateJa(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}年${p.month}月${p.day}日(${WEEKDAYS_JA[p.weekday]}) ${pad(p.hour)}:${pad(p.minute)}`;
}

export const MS_PER_DAY = 86_400_000;

/** The instant at `hour:minute` in Tokyo (UTC+9, no DST) on the Tokyo date of `at`: Japanese mail is sent in Japanese office hours. */
export function tokyoTime(at: Date, hour: number, minute: number): Date {
  const p = localParts(at, 'Asia/Tokyo');
  return new Date(Date.UTC(p.year, p.month - 1, p.day, hour - 9, minute));
}

export function addDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * MS_PER_DAY);
}
