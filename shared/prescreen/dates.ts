/**
 * Dates as PoE documents write them: "October 1, 2026", "1 Oct 2026", "2026/10/01", "10/01/2026",
 * "2026年10月1日", "令和8年10月1日" (full-width digits too, after NFKC normalization by the caller).
 * Each match carries its offsets in the searched text so the finding can be highlighted.
 */

export type FoundDate = { start: number; end: number; text: string; year: number; month: number; day: number };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';

/** Japanese eras still found on documents: the Gregorian year of each era's first year. */
const ERAS: Record<string, number> = { 令和: 2019, 平成: 1989 };

type Pattern = { regex: RegExp; read: (m: RegExpExecArray) => [number, number, number] | null };

const PATTERNS: Pattern[] = [
  // October 1, 2026 · Oct. 1st 2026
  { regex: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+(\\d{4})\\b`, 'gi'), read: (m) => [+m[3]!, MONTHS[m[1]!.toLowerCase()]!, +m[2]!] },
  // 1 October 2026 · 1st Oct 2026
  { regex: new RegExp(`\\b${DAY}\\s+${MONTH},?\\s+(\\d{4})\\b`, 'gi'), read: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!] },
  // 2026/10/01 · 2026-10-01 · 2026.10.01
  { regex: /\b(\d{4})([/.-])(\d{1,2})\2(\d{1,2})\b/g, read: (m) => [+m[1]!, +m[3]!, +m[4]!] },
  // 10/01/2026 (month first, as US documents write it)
  { regex: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, read: (m) => [+m[3]!, +m[1]!, +m[2]!] },
  // 2026年10月1日
  { regex: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g, read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  // 令和8年10月1日 · 令和元年5月1日
  {
    regex: /(令和|平成)\s*(元|\d{1,2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
    read: (m) => [ERAS[m[1]!]! + (m[2] === '元' ? 0 : +m[2]! - 1), +m[3]!, +m[4]!],
  },
];

function isValidDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = [31, year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= daysInMonth[month - 1]!;
}

/** Every valid date in `text`, in order of appearance; overlapping readings keep the first found. */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { regex, read } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const ymd = read(m);
      if (!ymd || !isValidDate(...ymd)) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (found.some((f) => start < f.end && end > f.start)) continue;
      found.push({ start, end, text: m[0], year: ymd[0], month: ymd[1], day: ymd[2] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** 'YYYY-MM-DD' of a found date. */
export function isoDateOf(d: Pick<FoundDate, 'year' | 'month' | 'day'>): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
