/**
 * The calendar settings form as plain data: what the supervisor edits, how it is checked (the same
 * rules the server applies, worded for people), and the request it becomes. No React here.
 */
import { CALENDAR_PRESETS, type CalendarPreset, type SyncSettings } from '@shared/index';

import type { MessageKey } from '../i18n';

export type CalendarDraft = {
  timeZone: string;
  /** Weekday numbers, 0 = Sunday … 6 = Saturday, ascending. */
  weekend: number[];
  /** Local dates 'YYYY-MM-DD', ascending, no duplicates. */
  holidays: string[];
  /** The at-risk threshold as the supervisor types it, in percent. */
  atRiskPercent: string;
};

export type FieldName = 'timeZone' | 'weekend' | 'holidays' | 'atRisk';
export type FormError = { field: FieldName; key: MessageKey; params?: Record<string, string> };

export function draftOf(settings: SyncSettings): CalendarDraft {
  return {
    timeZone: settings.calendar.timeZone,
    weekend: [...new Set(settings.calendar.weekend)].sort((a, b) => a - b),
    holidays: [...new Set(settings.calendar.holidays)].sort(),
    atRiskPercent: String(Math.round(settings.policy.atRiskAt * 1000) / 10),
  };
}

export function sameDraft(a: CalendarDraft, b: CalendarDraft): boolean {
  return a.timeZone === b.timeZone && a.atRiskPercent.trim() === b.atRiskPercent.trim() && a.weekend.join() === b.weekend.join() && a.holidays.join() === b.holidays.join();
}

/** IANA zones this runtime knows, with `current` kept even when the list lacks it (e.g. "UTC"). */
export function timeZones(current: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf('timeZone');
  } catch {
    // Older runtimes: only the current zone can be offered.
  }
  return zones.includes(current) ? zones : [...zones, current].sort();
}

export function isKnownTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A real calendar date written 'YYYY-MM-DD' (no 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Parses the threshold: a whole percent from 1 to 99, or null. */
export function atRiskFraction(percent: string): number | null {
  const text = percent.trim();
  if (!/^\d{1,2}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 99 ? n / 100 : null;
}

export function validate(draft: CalendarDraft): FormError[] {
  const errors: FormError[] = [];
  if (!isKnownTimeZone(draft.timeZone)) errors.push({ field: 'timeZone', key: 'calendar.error.timeZone' });
  if (new Set(draft.weekend).size >= 7) errors.push({ field: 'weekend', key: 'calendar.error.weekendAll' });
  if (draft.holidays.some((d) => !isIsoDate(d))) errors.push({ field: 'holidays', key: 'calendar.error.date' });
  if (atRiskFraction(draft.atRiskPercent) === null) errors.push({ field: 'atRisk', key: 'calendar.error.atRisk' });
  return errors;
}

/** The PUT /settings body: the calendar, and the policy in effect with the new threshold. */
export function toRequest(draft: CalendarDraft, base: SyncSettings): SyncSettings {
  const atRiskAt = atRiskFraction(draft.atRiskPercent);
  if (atRiskAt === null) throw new RangeError('validate() the draft first');
  return {
    calendar: { timeZone: draft.timeZone, weekend: [...draft.weekend], holidays: [...draft.holidays] },
    policy: { ...base.policy, atRiskAt },
  };
}

export type AddResult = { ok: true; draft: CalendarDraft } | { ok: false; error: FormError };

export function addHoliday(draft: CalendarDraft, date: string): AddResult {
  if (!isIsoDate(date)) return { ok: false, error: { field: 'holidays', key: 'calendar.error.date' } };
  if (draft.holidays.includes(date)) return { ok: false, error: { field: 'holidays', key: 'calendar.error.dateDuplicate', params: { date } } };
  return { ok: true, draft: { ...draft, holidays: [...draft.holidays, date].sort() } };
}

export function removeHoliday(draft: CalendarDraft, date: string): CalendarDraft {
  return { ...draft, holidays: draft.holidays.filter((d) => d !== date) };
}

/** The preset's holidays in place of the list; with `alsoZone`, its zone and weekend too. */
export function loadPreset(draft: CalendarDraft, preset: CalendarPreset, alsoZone: boolean): CalendarDraft {
  return {
    ...draft,
    holidays: [...preset.calendar.holidays].sort(),
    ...(alsoZone ? { timeZone: preset.calendar.timeZone, weekend: [...preset.calendar.weekend].sort((a, b) => a - b) } : {}),
  };
}

export function toggleWeekday(draft: CalendarDraft, day: number, on: boolean): CalendarDraft {
  const set = new Set(draft.weekend);
  if (on) set.add(day);
  else set.delete(day);
  return { ...draft, weekend: [...set].sort((a, b) => a - b) };
}

/** Names of known holidays by date: from the preset last loaded, then from presets in the same zone. */
export function holidayNames(timeZone: string, loaded: CalendarPreset | null): ReadonlyMap<string, string> {
  const names = new Map<string, string>(loaded ? Object.entries(loaded.holidayNames) : []);
  for (const preset of CALENDAR_PRESETS) {
    if (preset.calendar.timeZone !== timeZone) continue;
    for (const [date, name] of Object.entries(preset.holidayNames)) if (!names.has(date)) names.set(date, name);
  }
  return names;
}

export function yearsOf(holidays: readonly string[]): string[] {
  return [...new Set(holidays.map((d) => d.slice(0, 4)))].sort();
}
