/**
 * The viewer's bounds for hostile page sizes and counts, as arithmetic (the e2e suite
 * test/e2e/hostile-pdfs.spec.ts shows them in Chromium): enormous pages fit the view instead of
 * being laid out millions of px wide, canvases stay within what a browser will allocate, zooming
 * out of a fitted huge page does not jump up to 50 %, and the page count laid out is capped.
 */
import { describe, expect, it } from 'vitest';
import { PDF_TO_CSS, type PageGeom } from '../../renderer/src/viewer/geometry';
import { computeLayout, MAX_ZOOM, MIN_ZOOM, resolveZoom, stepZoom } from '../../renderer/src/viewer/layout';
import { canvasScale, MAX_CANVAS_PIXELS, MAX_CANVAS_SIDE, MAX_VIEW_PAGES } from '../../renderer/src/viewer/source';

const page = (width: number, height: number, userUnit = 1): PageGeom => ({ view: [0, 0, width, height], rotate: 0, userUnit });
const VIEW = { width: 900, height: 700 };
/** What browsers position reliably (Chromium's layout saturates at about 33.5 million px). */
const LAYOUT_LIMIT = 33_000_000;

describe('fit zoom for enormous pages', () => {
  it.each([
    ['14,400 pt', page(14_400, 14_400)],
    ['1,000,000 pt', page(1e6, 1e6)],
    ['1,000,000 × 10 pt strip', page(1e6, 10)],
    ['14,400 pt × UserUnit 75,000', page(14_400, 14_400, 75_000)],
  ])('%s: fit width and fit page fit the view', (_label, geom) => {
    const width = resolveZoom({ mode: 'fit-width' }, geom, 0, PDF_TO_CSS, VIEW) * PDF_TO_CSS * (geom.view[2] - geom.view[0]) * geom.userUnit;
    expect(width).toBeCloseTo(VIEW.width - 24, 3);
    const zoom = resolveZoom({ mode: 'fit-page' }, geom, 0, PDF_TO_CSS, VIEW);
    const layout = computeLayout([geom], zoom * PDF_TO_CSS, 0);
    expect(layout.widths[0]).toBeLessThanOrEqual(VIEW.width);
    expect(layout.heights[0]).toBeLessThanOrEqual(VIEW.height);
  });

  it('an ordinary page still fits between the presets’ bounds, and percent zoom keeps its bounds', () => {
    expect(resolveZoom({ mode: 'fit-width' }, page(612, 792), 0, PDF_TO_CSS, { width: 20_000, height: 500 })).toBe(MAX_ZOOM);
    expect(resolveZoom({ mode: 'percent', value: 0.01 }, page(1e6, 1e6), 0, PDF_TO_CSS, VIEW)).toBe(MIN_ZOOM);
  });

  it('a page without area shows at 100 % rather than with an infinite or zero zoom', () => {
    expect(resolveZoom({ mode: 'fit-width' }, page(0, 0), 0, PDF_TO_CSS, VIEW)).toBe(1);
    const flat = resolveZoom({ mode: 'fit-page' }, page(612, 0), 0, PDF_TO_CSS, VIEW);
    expect(Number.isFinite(flat) && flat > 0).toBe(true);
  });

  it('zooming out below the presets stays put (no jump up to 50 %)', () => {
    expect(stepZoom(0.001, -1)).toBe(0.001);
    expect(stepZoom(0.001, 1)).toBe(MIN_ZOOM);
    expect(stepZoom(0.75, -1)).toBe(0.67);
  });
});

describe('canvas size', () => {
  it.each([
    [612 * 4, 792 * 4, 3],
    [1e6 * PDF_TO_CSS * MIN_ZOOM, 1e6 * PDF_TO_CSS * MIN_ZOOM, 2],
    [1e6 * PDF_TO_CSS * MIN_ZOOM, 10 * PDF_TO_CSS * MIN_ZOOM, 2],
    [20, 5e6, 1],
  ])('a %d × %d CSS px page at output scale %d stays within the browser’s canvas limits', (width, height, outputScale) => {
    const scale = canvasScale(width, height, outputScale);
    expect(scale).toBeGreaterThan(0);
    expect(scale).toBeLessThanOrEqual(outputScale);
    expect(Math.floor(width * scale)).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(Math.floor(height * scale)).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(Math.floor(width * scale) * Math.floor(height * scale)).toBeLessThanOrEqual(MAX_CANVAS_PIXELS);
  });

  it('an ordinary page keeps the full output scale', () => {
    expect(canvasScale(816, 1056, 2)).toBe(2);
  });
});

describe('page count laid out', () => {
  it(`${MAX_VIEW_PAGES} Letter pages at the largest zoom stay within what the browser can position`, () => {
    const layout = computeLayout(Array.from({ length: MAX_VIEW_PAGES }, () => page(612, 792)), MAX_ZOOM * PDF_TO_CSS, 0);
    expect(layout.totalHeight).toBeLessThan(LAYOUT_LIMIT);
    // Without the cap, 100,000 pages would not, even fitted to a narrow view.
    const uncapped = computeLayout(Array.from({ length: 100_000 }, () => page(612, 792)), 600 / 612, 0);
    expect(uncapped.totalHeight).toBeGreaterThan(LAYOUT_LIMIT);
  });
});
