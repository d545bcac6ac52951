/**
 * Ready-made business calendars (US Pacific, US Eastern, Japan, UK, Germany, Australia NSW, India)
 * with public holidays for the years in `HOLIDAY_YEARS`, generated from date-holidays at build time
 * (scripts/generate-calendars.ts). A deployment may use one as is or copy and edit it.
 */
import type { Calendar } from './calendar';
import { GENERATED_CALENDARS, HOLIDAY_YEARS } from './presets.generated';

export type CalendarPreset = {
  id: string;
  name: string;
  calendar: Calendar;
  /** Holiday names by local date, for "why is this due then?" explanations. */
  holidayNames: Readonly<Record<string, string>>;
};

export { HOLIDAY_YEARS };

export const CALENDAR_PRESETS: readonly CalendarPreset[] = GENERATED_CALENDARS.map((g) =>
  Object.freeze({
    id: g.id,
    name: g.name,
    // Frozen: one shared object per preset, so the business-day table cache keyed by it stays valid.
    calendar: Object.freeze({
      timeZone: g.timeZone,
      weekend: Object.freeze([...g.weekend]) as number[],
      holidays: Object.freeze(Object.keys(g.holidays)) as string[],
    }),
    holidayNames: g.holidays,
  }),
);

const BY_ID: ReadonlyMap<string, CalendarPreset> = new Map(CALENDAR_PRESETS.map((p) => [p.id, p]));

export const DEFAULT_CALENDAR_PRESET_ID = 'us-pacific';

/** The preset with this id; throws a RangeError naming the known ids otherwise. */
export function calendarPreset(id: string): CalendarPreset {
  const preset = BY_ID.get(id);
  if (!preset) throw new RangeError(`unknown calendar preset "${id}" (known: ${[...BY_ID.keys()].join(', ')})`);
  return preset;
}

/** The calendar used when a deployment configures none: US Pacific. */
export const DEFAULT_CALENDAR: Calendar = calendarPreset(DEFAULT_CALENDAR_PRESET_ID).calendar;
