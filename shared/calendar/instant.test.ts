import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseInstant } from './instant';

const MIN = Date.parse('0000-01-01T00:00:00.000Z');
const MAX = Date.parse('9999-12-31T23:59:59.999Z');

describe('parseInstant', () => {
  it('reads what toISOString writes, over the whole four-digit-year range', () => {
    fc.assert(fc.property(fc.integer({ min: MIN, max: MAX }), (ms) => {
      expect(parseInstant(new Date(ms).toISOString())).toBe(ms);
    }), { numRuns: 2000 });
  });

  it('agrees with Date.parse on edge cases and malformed input', () => {
    const cases = [
      '2026-11-26T08:00:00.000Z', '2024-02-29T23:59:59.999Z', '2026-02-29T00:00:00.000Z', '2026-02-30T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z', '2026-12-31T24:00:00.000Z', '2026-13-01T00:00:00.000Z', '2026-00-10T00:00:00.000Z',
      '2026-01-00T00:00:00.000Z', '2026-01-01T23:60:00.000Z', '2026-01-01T23:59:60.000Z', '2026-01-0xT00:00:00.000Z',
      '2026-11-26T08:00:00.000+01:00', '2026-11-26T08:00:00Z', '2026-11-26', '2026-11-26T08:00:00.000z', '+012026-01-01T00:00:00.000Z',
      '1900-02-29T00:00:00.000Z', '2000-02-29T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '', 'not a date at all, 24 chars',
    ];
    for (const s of cases) expect(parseInstant(s), s).toBe(Date.parse(s));
  });

  it('agrees with Date.parse on random 24-character variations of an instant', () => {
    const chars = fc.constantFrom(...'0123456789-:.TZ+ x'.split(''));
    fc.assert(fc.property(fc.integer({ min: MIN, max: MAX }), fc.nat(23), chars, (ms, at, c) => {
      const iso = new Date(ms).toISOString();
      const s = iso.slice(0, at) + c + iso.slice(at + 1);
      expect(Object.is(parseInstant(s), Date.parse(s)), s).toBe(true);
    }), { numRuns: 2000 });
  });
});
