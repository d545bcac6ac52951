import { describe, expect, it } from 'vitest';
import { formatBytes, formatCountdown, formatInZone } from './format';

describe('formatting', () => {
  it('counts down days, hours, minutes and seconds', () => {
    expect(formatCountdown(0)).toBe('00:00:00');
    expect(formatCountdown(1.5)).toBe('1d 12:00:00');
    expect(formatCountdown(-0.25)).toBe('06:00:00');
    expect(formatCountdown(4 + 1 / 86_400)).toBe('4d 00:00:01');
  });

  it('sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2.5 * 1024 * 1024)).toMatch(/^2[.,]5 MB$/);
  });

  it('writes an instant in the calendar’s zone with its abbreviation', () => {
    expect(formatInZone('2026-12-04T22:45:00Z', 'America/Los_Angeles')).toMatch(/2:45\sPM PST/);
  });
});
