import { describe, expect, it } from 'vitest';
import { calendarPreset, DEFAULT_CALENDAR, DEFAULT_POLICY } from '@shared/index';
import {
  addHoliday,
  atRiskFraction,
  draftOf,
  holidayNames,
  isIsoDate,
  loadPreset,
  removeHoliday,
  sameDraft,
  timeZones,
  toggleWeekday,
  toRequest,
  validate,
  yearsOf,
} from './calendarForm';

const base = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY };

describe('calendar settings form', () => {
  it('starts from the settings in effect, threshold in percent', () => {
    const draft = draftOf(base);
    expect(draft).toMatchObject({ timeZone: 'America/Los_Angeles', weekend: [0, 6], atRiskPercent: '75' });
    expect(validate(draft)).toEqual([]);
    expect(sameDraft(draft, draftOf(base))).toBe(true);
  });

  it('explains what is wrong, field by field', () => {
    const draft = { ...draftOf(base), timeZone: 'Mars/Olympus', weekend: [0, 1, 2, 3, 4, 5, 6], holidays: ['2026-02-30'], atRiskPercent: '100' };
    expect(validate(draft).map((e) => [e.field, e.key])).toEqual([
      ['timeZone', 'calendar.error.timeZone'],
      ['weekend', 'calendar.error.weekendAll'],
      ['holidays', 'calendar.error.date'],
      ['atRisk', 'calendar.error.atRisk'],
    ]);
  });

  it('reads the threshold as a whole percent from 1 to 99', () => {
    expect(atRiskFraction('60')).toBe(0.6);
    expect(atRiskFraction(' 1 ')).toBe(0.01);
    for (const bad of ['0', '100', '7.5', '-5', '', 'abc', '1e1']) expect(atRiskFraction(bad)).toBeNull();
  });

  it('sends the calendar and the policy in effect with the new threshold', () => {
    const draft = { ...draftOf(base), atRiskPercent: '60', holidays: ['2027-01-01'] };
    expect(toRequest(draft, base)).toEqual({
      calendar: { timeZone: 'America/Los_Angeles', weekend: [0, 6], holidays: ['2027-01-01'] },
      policy: { ...DEFAULT_POLICY, atRiskAt: 0.6 },
    });
  });

  it('adds real dates once, in order, and removes them', () => {
    const draft = { ...draftOf(base), holidays: ['2027-01-01'] };
    const added = addHoliday(draft, '2026-12-31');
    expect(added.ok && added.draft.holidays).toEqual(['2026-12-31', '2027-01-01']);
    expect(addHoliday(draft, '2027-01-01')).toMatchObject({ ok: false, error: { key: 'calendar.error.dateDuplicate', params: { date: '2027-01-01' } } });
    expect(addHoliday(draft, '')).toMatchObject({ ok: false, error: { key: 'calendar.error.date' } });
    expect(removeHoliday(draft, '2027-01-01').holidays).toEqual([]);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
  });

  it('loads a preset’s holidays, and its zone and weekend when asked', () => {
    const japan = calendarPreset('japan');
    const draft = draftOf(base);
    const holidaysOnly = loadPreset(draft, japan, false);
    expect(holidaysOnly.timeZone).toBe('America/Los_Angeles');
    expect(holidaysOnly.holidays).toEqual([...japan.calendar.holidays].sort());
    expect(loadPreset(draft, japan, true)).toMatchObject({ timeZone: 'Asia/Tokyo', weekend: [0, 6] });
    expect(holidayNames('Asia/Tokyo', null).size).toBeGreaterThan(100);
    expect(holidayNames('America/Los_Angeles', japan).get(japan.calendar.holidays[0]!)).toBe(japan.holidayNames[japan.calendar.holidays[0]!]);
    expect(yearsOf(['2026-01-01', '2027-05-03', '2026-12-25'])).toEqual(['2026', '2027']);
  });

  it('toggles weekdays and offers every IANA zone plus the current one', () => {
    expect(toggleWeekday(draftOf(base), 5, true).weekend).toEqual([0, 5, 6]);
    expect(toggleWeekday(draftOf(base), 0, false).weekend).toEqual([6]);
    const zones = timeZones('Etc/Unknown-Current');
    expect(zones).toContain('Asia/Tokyo');
    expect(zones).toContain('Etc/Unknown-Current');
  });
});
