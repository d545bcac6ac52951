import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { buildPageIndex, findInPage, firstMatchFrom, matchRects, normalizeQuery, type TextItemLike } from './find';

const pdfs = new URL('../../../server/test-fixtures/pdfs/', import.meta.url);
const cMapUrl = fileURLToPath(new URL('../../../node_modules/pdfjs-dist/cmaps/', import.meta.url));

async function pageItems(file: string, page: number): Promise<unknown[]> {
  const data = new Uint8Array(readFileSync(new URL(file, pdfs)));
  const pdf = await getDocument({ data, isEvalSupported: false, verbosity: 0, cMapUrl, cMapPacked: true }).promise;
  try {
    return (await (await pdf.getPage(page)).getTextContent()).items;
  } finally {
    await pdf.destroy();
  }
}

const item = (str: string, x: number, y: number, width: number, size = 10, hasEOL = false): TextItemLike => ({ str, transform: [size, 0, 0, size, x, y], width, height: size, hasEOL });

describe('find', () => {
  it('normalises queries: case, runs of spaces, full-width forms', () => {
    expect(normalizeQuery('  Partner   ID ')).toBe('partner id');
    expect(normalizeQuery('Ｐａｒｔｎｅｒ　ＩＤ')).toBe('partner id');
    expect(normalizeQuery('検収書')).toBe('検収書');
  });

  it('finds words case-insensitively across items and line ends', () => {
    const index = buildPageIndex([item('Customer signature:', 72, 700, 95, 10, true), item('Signed by Aiko ', 72, 686, 73), item('Tanaka', 145, 686, 30)]);
    expect(findInPage(index, 1, normalizeQuery('SIGNATURE'))).toHaveLength(1);
    // "signature:" then a line break then "Signed": one space in the index.
    expect(findInPage(index, 1, normalizeQuery('signature: signed'))).toHaveLength(1);
    const across = findInPage(index, 1, normalizeQuery('aiko tanaka'));
    expect(across).toHaveLength(1);
    // Two items touched: two rectangles.
    expect(matchRects(index, across[0]!)).toHaveLength(2);
  });

  it('gives each match the region of its characters in user space', () => {
    const index = buildPageIndex([item('Date: 2026/10/01', 100, 500, 160, 10)]);
    const [match] = findInPage(index, 3, normalizeQuery('2026/10/01'));
    expect(match).toMatchObject({ page: 3 });
    const [rect] = matchRects(index, match!);
    // "Date: " is 6 of 16 characters: the match starts 60 pt in, 100 pt wide.
    expect(rect!.x).toBeCloseTo(160);
    expect(rect!.width).toBeCloseTo(100);
    // Around the baseline, a little below it for descenders.
    expect(rect!.y).toBeLessThan(500);
    expect(rect!.y + rect!.height).toBeGreaterThan(508);
  });

  it('handles rotated text (a vertical label) with an axis-aligned region', () => {
    const index = buildPageIndex([{ str: 'APPROVED', transform: [0, 12, -12, 0, 50, 100], width: 80, height: 12 }]);
    const [rect] = matchRects(index, findInPage(index, 1, 'approved')[0]!);
    expect(rect!.height).toBeCloseTo(80);
    expect(rect!.x).toBeLessThan(50);
  });

  it('finds Japanese as written (no spaces between words)', () => {
    const index = buildPageIndex([item('検収書', 72, 760, 60, 20, true), item('2026年10月1日にご確認いただきました。', 72, 700, 380, 10)]);
    expect(findInPage(index, 1, normalizeQuery('2026年10月1日'))).toHaveLength(1);
    expect(findInPage(index, 1, normalizeQuery('確認'))).toHaveLength(1);
    expect(findInPage(index, 1, normalizeQuery('検収書'))).toHaveLength(1);
  });

  it('searches real pdf.js text: tracemonkey page 1, and EUC-JP Japanese through the CMaps', async () => {
    const index = buildPageIndex(await pageItems('tracemonkey.pdf', 1));
    const traces = findInPage(index, 1, normalizeQuery('trace'));
    expect(traces.length).toBeGreaterThan(5);
    const title = findInPage(index, 1, normalizeQuery('Just-in-Time Type Specialization'));
    expect(title).toHaveLength(1);
    const [rect] = matchRects(index, title[0]!);
    // The title sits in the upper part of the Letter page.
    expect(rect!.y).toBeGreaterThan(600);

    const ja = buildPageIndex(await pageItems('noembed-eucjp.pdf', 1));
    expect(findInPage(ja, 1, normalizeQuery('うえ'))).toHaveLength(1);
  });

  it('starts from the page being read, wrapping around', () => {
    const matches = [
      { page: 2, start: 0, end: 1 },
      { page: 5, start: 0, end: 1 },
      { page: 9, start: 0, end: 1 },
    ];
    expect(firstMatchFrom(matches, 1)).toBe(0);
    expect(firstMatchFrom(matches, 5)).toBe(1);
    expect(firstMatchFrom(matches, 10)).toBe(0);
    expect(firstMatchFrom([], 3)).toBe(-1);
  });
});
