/**
 * Dates, times, numbers and durations in the language in effect: date-fns with its `ja`/`enUS`
 * locales for dates (so Japanese reads 2026年12月4日 14:45, English Dec 4, 2026, 2:45 PM), Intl for
 * numbers, plural rules and zone names. Every function takes an optional locale for tests and
 * exports; screens use the current one.
 */
import { TZDate } from '@date-fns/tz';
import { format, formatDistanceStrict, type Locale as DateFnsLocale } from 'date-fns';
import { enUS } from 'date-fns/locale/en-US';
import { ja } from 'date-fns/locale/ja';

import { currentLocale, type Locale } from './locale';

export const DATE_FNS_LOCALES: Readonly<Record<Locale, DateFnsLocale>> = { en: enUS, ja };

/** date-fns patterns per language (P… are the locale's own long formats). */
const PATTERNS: Readonly<Record<Locale, { dateTime: string; date: string; time: string; day: string }>> = {
  en: { dateTime: 'PPp', date: 'PP', time: 'pp', day: 'EEE, PP' },
  ja: { dateTime: 'PPPp', date: 'PPP', time: 'H:mm:ss', day: 'PPP(EEE)' },
};

type Instant = Date | string | number;
const toDate = (at: Instant) => (at instanceof Date ? at : new Date(at));

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();
const zoneNames = new Map<string, Intl.DateTimeFormat>();

/** A number with the language's grouping and decimal marks, at most `digits` decimals. */
export function formatNumber(value: number, digits = 2, locale: Locale = currentLocale()): string {
  return cached(numberFormats, `${locale}:${digits}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: digits })).format(value);
}

/** A fraction as a percentage (0.75 → 75%). */
export function formatPercent(fraction: number, locale: Locale = currentLocale()): string {
  return cached(numberFormats, `${locale}:%`, () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })).format(fraction);
}

export function pluralCategory(value: number, locale: Locale = currentLocale()): Intl.LDMLPluralRule {
  return cached(pluralRules, locale, () => new Intl.PluralRules(locale)).select(value);
}

/** Date and time in the reader's own zone. */
export function formatDateTime(at: Instant, locale: Locale = currentLocale()): string {
  return format(toDate(at), PATTERNS[locale].dateTime, { locale: DATE_FNS_LOCALES[locale] });
}

/** A date without time in the reader's zone. */
export function formatDate(at: Instant, locale: Locale = currentLocale()): string {
  return format(toDate(at), PATTERNS[locale].date, { locale: DATE_FNS_LOCALES[locale] });
}

/** Time of day with seconds. */
export function formatTimeOfDay(at: Instant, locale: Locale = currentLocale()): string {
  return format(toDate(at), PATTERNS[locale].time, { locale: DATE_FNS_LOCALES[locale] });
}

/** The zone's short name at that instant (PST, JST, GMT+1), as the language writes it. */
export function zoneAbbreviation(at: Instant, timeZone: string, locale: Locale = currentLocale()): string {
  const f = cached(zoneNames, `${locale}:${timeZone}`, () => new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-US', { timeZone, timeZoneName: 'short' }));
  return f.formatToParts(toDate(at)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/** An instant in a named zone (the SLA calendar's) with the zone's short name. */
export function formatInZone(at: Instant, timeZone: string, locale: Locale = currentLocale()): string {
  const date = toDate(at);
  return `${format(new TZDate(date.getTime(), timeZone), PATTERNS[locale].dateTime, { locale: DATE_FNS_LOCALES[locale] })} ${zoneAbbreviation(date, timeZone, locale)}`;
}

/** A calendar date 'YYYY-MM-DD' (no zone) with its weekday. */
export function formatDay(date: string, locale: Locale = currentLocale()): string {
  const [y, m, d] = date.split('-').map(Number);
  return format(new Date(y!, m! - 1, d!), PATTERNS[locale].day, { locale: DATE_FNS_LOCALES[locale] });
}

/** "in 3 hours", "5 minutes ago" / "3時間後", "5分前". */
export function formatRelative(at: Instant, now: Instant, locale: Locale = currentLocale()): string {
  return formatDistanceStrict(toDate(at), toDate(now), { addSuffix: true, locale: DATE_FNS_LOCALES[locale] });
}

/** Weekday name, 0 = Sunday … 6 = Saturday. */
export function weekdayName(day: number, width: 'wide' | 'abbreviated' = 'wide', locale: Locale = currentLocale()): string {
  return DATE_FNS_LOCALES[locale].localize.day(day as 0 | 1 | 2 | 3 | 4 | 5 | 6, { width });
}

const COUNTDOWN_DAYS: Readonly<Record<Locale, (days: string, clock: string) => string>> = {
  en: (days, clock) => `${days}d ${clock}`,
  ja: (days, clock) => `${days}日 ${clock}`,
};

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A span of time in milliseconds as days and hh:mm:ss ("2d 04:13:09" / "2日 04:13:09"); the sign is dropped. */
export function formatDurationMs(ms: number, locale: Locale = currentLocale()): string {
  const total = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(total / 86_400);
  const clock = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return d > 0 ? COUNTDOWN_DAYS[locale](formatNumber(d, 0, locale), clock) : clock;
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number, locale: Locale = currentLocale()): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1, locale)} ${BYTE_UNITS[unit]}`;
}
