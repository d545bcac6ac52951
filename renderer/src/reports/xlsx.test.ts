import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sheetName, toXlsx } from './xlsx';

describe('XLSX writer', () => {
  it('writes one sheet per table with text as text, never as a formula', async () => {
    const bytes = await toXlsx([
      { name: 'SLA の状態', headers: ['要求 ID', 'remaining'], rows: [['=HYPERLINK("http://x.example","y")', -1.5], ['顧客 "A", 株式会社', null], ['a <b> & c', 0]] },
      { name: 'Decisions', headers: ['a'], rows: [] },
    ]);
    const files = unzipSync(bytes);
    const workbook = strFromU8(files['xl/workbook.xml']!);
    expect(workbook).toContain('SLA の状態');
    expect(workbook).toContain('Decisions');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const strings = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : '';
    expect(sheet).not.toMatch(/<f[ >]/);
    // Shared strings, typed t="s": shown as text.
    expect(strings).toContain('<t>=HYPERLINK("http://x.example","y")</t>');
    expect(strings).toContain('<t>顧客 "A", 株式会社</t>');
    expect(strings).toContain('<t>a &lt;b&gt; &amp; c</t>');
    expect(sheet).toContain('<v>-1.5</v>');
  });

  it('makes sheet names Excel accepts', () => {
    expect(sheetName('a/b:c*d?[e]', new Set())).toBe('a b c d  e');
    expect(sheetName('x'.repeat(40), new Set())).toHaveLength(31);
    expect(sheetName('Decisions', new Set(['decisions']))).toBe('Decisions 2');
  });
});
