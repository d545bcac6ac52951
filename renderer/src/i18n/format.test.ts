import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDay, formatDurationMs, formatInZone, formatNumber, formatPercent, formatRelative, weekdayName } from './format';

const at = '2026-12-04T22:45:00Z';

describe('formatting by language', () => {
  it('writes an instant in the calendar’s zone', () => {
    expect(formatInZone(at, 'America/Los_Angeles', 'en')).toBe('Dec 4, 2026, 2:45 PM PST');
    expect(formatInZone(at, 'Asia/Tokyo', 'ja')).toBe('2026年12月5日 7:45 JST');
  });

  it('writes local dates the way each language does', () => {
    expect(formatDateTime(new Date(2026, 11, 4, 14, 5), 'ja')).toBe('2026年12月4日 14:05');
    expect(formatDateTime(new Date(2026, 11, 4, 14, 5), 'en')).toBe('Dec 4, 2026, 2:05 PM');
    expect(formatDay('2026-12-04', 'ja')).toBe('2026年12月4日(金)');
    expect(formatDay('2026-12-04', 'en')).toBe('Fri, Dec 4, 2026');
  });

  it('counts down with the language’s day unit', () => {
    expect(formatDurationMs(0, 'en')).toBe('00:00:00');
    expect(formatDurationMs(1.5 * 86_400_000, 'en')).toBe('1d 12:00:00');
    expect(formatDurationMs(-(2 * 86_400_000 + 61_000), 'ja')).toBe('2日 00:01:01');
  });

  it('writes relative times', () => {
    expect(formatRelative('2026-12-04T10:00:00Z', '2026-12-04T07:00:00Z', 'en')).toBe('in 3 hours');
    expect(formatRelative('2026-12-04T07:00:00Z', '2026-12-04T10:00:00Z', 'ja')).toBe('3時間前');
  });

  it('writes numbers, percentages, sizes and weekdays', () => {
    expect(formatNumber(1234.567, 2, 'ja')).toBe('1,234.57');
    expect(formatPercent(0.75, 'en')).toBe('75%');
    expect(formatBytes(2.5 * 1024 * 1024, 'en')).toBe('2.5 MB');
    expect(weekdayName(0, 'wide', 'ja')).toBe('日曜日');
    expect(weekdayName(6, 'wide', 'en')).toBe('Saturday');
  });
});
