import { describe, expect, it } from 'vitest';

import { addBusinessDays, businessDaysBetween } from './businessDays';
import { CALENDAR_PRESETS, DEFAULT_CALENDAR, HOLIDAY_YEARS, calendarPreset } from './presets';

const holidaysOf = (id: string) => new Set(calendarPreset(id).calendar.holidays);

describe('calendar presets', () => {
  it('offers the expected calendars, each in a valid zone', () => {
    expect(CALENDAR_PRESETS.map((p) => [p.id, p.calendar.timeZone])).toEqual([
      ['us-pacific', 'America/Los_Angeles'],
      ['us-eastern', 'America/New_York'],
      ['japan', 'Asia/Tokyo'],
      ['uk-england-wales', 'Europe/London'],
      ['germany', 'Europe/Berlin'],
      ['australia-nsw', 'Australia/Sydney'],
      ['india', 'Asia/Kolkata'],
    ]);
    for (const p of CALENDAR_PRESETS) {
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: p.calendar.timeZone })).not.toThrow();
      expect(p.calendar.weekend).toEqual([0, 6]);
      expect(p.name.length).toBeGreaterThan(0);
    }
    expect(new Set(CALENDAR_PRESETS.map((p) => p.id)).size).toBe(CALENDAR_PRESETS.length);
  });

  it('defaults to US Pacific', () => {
    expect(DEFAULT_CALENDAR).toBe(calendarPreset('us-pacific').calendar);
    expect(DEFAULT_CALENDAR.timeZone).toBe('America/Los_Angeles');
  });

  it('refuses an unknown id, naming the known ones', () => {
    expect(() => calendarPreset('mars')).toThrow(/unknown calendar preset "mars".*us-pacific/);
  });

  it('contains well-known holidays', () => {
    for (const id of ['us-pacific', 'us-eastern']) {
      const us = holidaysOf(id);
      for (const d of ['2026-11-26', '2026-12-25', '2026-07-04', '2026-07-03', '2027-01-01', '2025-01-20', '2035-11-22']) expect(us, d).toContain(d);
      // Observances are not public holidays.
      expect(us).not.toContain('2026-11-27'); // day after Thanksgiving
      expect(us).not.toContain('2026-02-14');
    }
    const jp = holidaysOf('japan');
    for (const d of ['2026-01-01', '2026-05-03', '2026-05-04', '2026-05-05', '2026-05-06', '2026-09-22']) expect(jp, d).toContain(d);
    const uk = holidaysOf('uk-england-wales');
    for (const d of ['2026-12-25', '2026-12-26', '2026-12-28', '2026-04-03', '2026-04-06', '2026-08-31']) expect(uk, d).toContain(d);
    expect(uk).not.toContain('2026-03-17'); // St Patrick's Day is Northern Ireland only
    const de = holidaysOf('germany');
    for (const d of ['2026-10-03', '2026-12-25', '2026-12-26', '2026-05-14']) expect(de, d).toContain(d);
    const nsw = holidaysOf('australia-nsw');
    for (const d of ['2026-01-26', '2026-04-25', '2026-04-27', '2026-12-28']) expect(nsw, d).toContain(d);
    const india = holidaysOf('india');
    for (const d of ['2026-01-26', '2026-08-15', '2026-10-02']) expect(india, d).toContain(d);
    expect(calendarPreset('us-pacific').holidayNames['2026-11-26']).toBe('Thanksgiving Day');
    expect(calendarPreset('japan').holidayNames['2026-05-05']).toMatch(/Children/);
  });

  it('every date is a well-formed, real, sorted, unique local date inside the generated years', () => {
    for (const p of CALENDAR_PRESETS) {
      const dates = p.calendar.holidays;
      expect(dates.length, p.id).toBeGreaterThan(3 * (HOLIDAY_YEARS.last - HOLIDAY_YEARS.first + 1));
      for (const d of dates) {
        expect(d, p.id).toMatch(/^\d{4}-\d\d-\d\d$/);
        expect(new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10), p.id).toBe(d);
        const year = Number(d.slice(0, 4));
        expect(year).toBeGreaterThanOrEqual(HOLIDAY_YEARS.first);
        expect(year).toBeLessThanOrEqual(HOLIDAY_YEARS.last);
        expect(p.holidayNames[d], `${p.id} ${d}`).toBeTruthy();
      }
      expect([...dates].sort(), p.id).toEqual(dates);
      expect(new Set(dates).size, p.id).toBe(dates.length);
      for (let y = HOLIDAY_YEARS.first; y <= HOLIDAY_YEARS.last; y++) {
        expect(dates.some((d) => d.startsWith(`${y}-`)), `${p.id} has holidays in ${y}`).toBe(true);
      }
    }
  });

  it('a holiday that falls on a weekend never costs an extra business day', () => {
    // US 2026: July 4 is a Saturday, observed Friday July 3. Both are listed; only Friday counts.
    const us = calendarPreset('us-pacific').calendar;
    expect(us.holidays).toContain('2026-07-04');
    const thu = new Date('2026-07-02T16:00:00Z'); // Thu 09:00 PDT
    expect(addBusinessDays(us, thu, 1).toISOString()).toBe('2026-07-06T16:00:00.000Z'); // Mon 09:00
    expect(businessDaysBetween(us, new Date('2026-06-29T07:00:00Z'), new Date('2026-07-06T07:00:00Z'))).toBe(4);
    // UK Christmas 2026: Fri 25, Sat 26 (Boxing Day), Mon 28 (substitute): Thu → Tue.
    const uk = calendarPreset('uk-england-wales').calendar;
    expect(addBusinessDays(uk, new Date('2026-12-24T10:00:00Z'), 1).toISOString()).toBe('2026-12-29T10:00:00.000Z');
  });

  it('presets are frozen so a shared calendar cannot be edited in place', () => {
    const p = calendarPreset('japan');
    expect(Object.isFrozen(p.calendar)).toBe(true);
    expect(() => (p.calendar.holidays as string[]).push('2026-06-01')).toThrow(TypeError);
  });
});
