import { describe, expect, it } from 'vitest';
import { findDates, isoDateOf } from './dates';

const isoOf = (text: string) => findDates(text.normalize('NFKC')).map(isoDateOf);

describe('findDates', () => {
  it('reads English, numeric and Japanese formats', () => {
    expect(isoOf('Signed October 1, 2026 and Oct. 3rd 2026')).toEqual(['2026-10-01', '2026-10-03']);
    expect(isoOf('Date: 1 September 2025')).toEqual(['2025-09-01']);
    expect(isoOf('2026/10/01, 2026-02-28 and 2026.3.7')).toEqual(['2026-10-01', '2026-02-28', '2026-03-07']);
    expect(isoOf('Invoice date 10/01/2026')).toEqual(['2026-10-01']);
    expect(isoOf('検収日：2026年10月1日')).toEqual(['2026-10-01']);
    expect(isoOf('令和8年10月1日 署名')).toEqual(['2026-10-01']);
    expect(isoOf('令和元年5月1日')).toEqual(['2019-05-01']);
    expect(isoOf('平成31年4月30日')).toEqual(['2019-04-30']);
    expect(isoOf('２０２６年１０月１日（全角）')).toEqual(['2026-10-01']);
  });

  it('ignores impossible dates, versions and amounts', () => {
    expect(isoOf('February 30, 2026')).toEqual([]);
    expect(isoOf('2026/13/01')).toEqual([]);
    expect(isoOf('version 2.10.1, total 1,250.00, ref 12/2026')).toEqual([]);
    expect(isoOf('2025年2月29日')).toEqual([]);
    expect(isoOf('2024年2月29日')).toEqual(['2024-02-29']);
  });

  it('reports where each date is, once', () => {
    const [d] = findDates('Accepted on October 1, 2026.');
    expect(d).toMatchObject({ start: 12, text: 'October 1, 2026' });
    expect(findDates('2026-10-01').length).toBe(1);
  });
});
