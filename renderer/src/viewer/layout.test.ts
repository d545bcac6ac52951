import { describe, expect, it } from 'vitest';
import { PDF_TO_CSS, type PageGeom } from './geometry';
import { anchorAt, clampZoom, computeLayout, currentPageIndex, MAX_ZOOM, MIN_ZOOM, PAGE_GAP, pageAt, pageLeft, resolveZoom, scrollForAnchor, stepZoom, visibleRange } from './layout';

const LETTER: PageGeom = { view: [0, 0, 612, 792], rotate: 0, userUnit: 1 };
const A4_LANDSCAPE: PageGeom = { view: [0, 0, 842, 595], rotate: 0, userUnit: 1 };
const pages = (n: number, geom = LETTER) => Array.from({ length: n }, () => geom);

describe('continuous layout', () => {
  it('stacks page boxes with gaps, sized by zoom and rotation', () => {
    const layout = computeLayout([LETTER, A4_LANDSCAPE, LETTER], PDF_TO_CSS, 0);
    expect(layout.tops[0]).toBe(PAGE_GAP);
    expect(layout.heights[0]).toBeCloseTo(792 * PDF_TO_CSS);
    expect(layout.tops[1]).toBeCloseTo(PAGE_GAP + 792 * PDF_TO_CSS + PAGE_GAP);
    expect(layout.widths[1]).toBeCloseTo(842 * PDF_TO_CSS);
    expect(layout.totalWidth).toBeCloseTo(842 * PDF_TO_CSS + 2 * PAGE_GAP);
    const turned = computeLayout([LETTER], PDF_TO_CSS, 90);
    expect(turned.widths[0]).toBeCloseTo(792 * PDF_TO_CSS);
    expect(turned.heights[0]).toBeCloseTo(612 * PDF_TO_CSS);
  });

  it('finds the pages in view by binary search, 500 pages in microseconds', () => {
    const layout = computeLayout(pages(500), 1, 0);
    const pitch = 792 + PAGE_GAP;
    expect(pageAt(layout, 0)).toBe(0);
    expect(pageAt(layout, PAGE_GAP + pitch * 250 + 1)).toBe(250);
    expect(visibleRange(layout, pitch * 10 + PAGE_GAP, 900)).toEqual({ first: 10, last: 11 });
    // In the gap below page 10: page 10 is not visible any more.
    expect(visibleRange(layout, PAGE_GAP + pitch * 10 + 792 + 2, 100)).toEqual({ first: 11, last: 11 });
    expect(visibleRange(layout, pitch * 10 + PAGE_GAP, 900, 2)).toEqual({ first: 8, last: 13 });
    expect(visibleRange(layout, layout.totalHeight - 500, 900, 2)).toEqual({ first: 497, last: 499 });
  });

  it('reports the page being read, and the last page at the bottom', () => {
    const layout = computeLayout(pages(3), 1, 0);
    expect(currentPageIndex(layout, 0, 600)).toBe(0);
    expect(currentPageIndex(layout, layout.tops[1]! - 50, 600)).toBe(1);
    expect(currentPageIndex(layout, layout.totalHeight - 600, 600)).toBe(2);
  });

  it('centres pages in the viewport or the widest page', () => {
    const layout = computeLayout([LETTER, A4_LANDSCAPE], 1, 0);
    expect(pageLeft(layout, 0, 2000)).toBeCloseTo((2000 - 612) / 2);
    expect(pageLeft(layout, 1, 500)).toBeCloseTo(PAGE_GAP);
    expect(pageLeft(layout, 0, 500)).toBeCloseTo((842 + 2 * PAGE_GAP - 612) / 2);
  });
});

describe('zoom', () => {
  it('fits the width or the whole page of the page being read', () => {
    const viewport = { width: 1000 + 2 * PAGE_GAP, height: 700 + 2 * PAGE_GAP };
    expect(resolveZoom({ mode: 'fit-width' }, LETTER, 0, PDF_TO_CSS, viewport) * 612 * PDF_TO_CSS).toBeCloseTo(1000);
    expect(resolveZoom({ mode: 'fit-page' }, LETTER, 0, PDF_TO_CSS, viewport) * 792 * PDF_TO_CSS).toBeCloseTo(700);
    // Rotated, the page's height runs across.
    expect(resolveZoom({ mode: 'fit-width' }, LETTER, 90, PDF_TO_CSS, viewport) * 792 * PDF_TO_CSS).toBeCloseTo(1000);
    expect(resolveZoom({ mode: 'percent', value: 1.5 }, LETTER, 0, PDF_TO_CSS, viewport)).toBe(1.5);
  });

  it('stays within 50–400 % and steps through presets', () => {
    expect(clampZoom(0.1)).toBe(MIN_ZOOM);
    expect(clampZoom(9)).toBe(MAX_ZOOM);
    expect(resolveZoom({ mode: 'fit-width' }, LETTER, 0, PDF_TO_CSS, { width: 20_000, height: 500 })).toBe(MAX_ZOOM);
    expect(stepZoom(1, 1)).toBe(1.1);
    expect(stepZoom(1, -1)).toBe(0.9);
    expect(stepZoom(1.37, 1)).toBe(1.5);
    expect(stepZoom(4, 1)).toBe(4);
    expect(stepZoom(0.5, -1)).toBe(0.5);
  });

  it('keeps the point under the pointer (or the top of the view) still across a zoom', () => {
    const before = computeLayout(pages(20), 1, 0);
    const scrollTop = before.tops[7]! + 300;
    const anchor = anchorAt(before, 0, scrollTop, 1200, 800, 250);
    expect(anchor.index).toBe(7);
    const after = computeLayout(pages(20), 2, 0);
    const { top, left } = scrollForAnchor(after, anchor, 1200);
    // The same document point is again 250 px down and 800 px across the viewport.
    const y = top + 250;
    expect(pageAt(after, y)).toBe(7);
    expect((y - after.tops[7]!) / after.heights[7]!).toBeCloseTo((scrollTop + 250 - before.tops[7]!) / before.heights[7]!);
    const x = left + 800;
    expect((x - pageLeft(after, 7, 1200)) / after.widths[7]!).toBeCloseTo((800 - pageLeft(before, 7, 1200)) / before.widths[7]!);
  });
});
