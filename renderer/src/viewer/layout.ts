/**
 * Where every page sits in the continuous scroll, which pages are near the viewport, and zoom
 * arithmetic. Pure functions over numbers: the component keeps no per-page DOM for pages far away,
 * so a 500-page file costs a few typed arrays here and a handful of page boxes in the DOM.
 */
import { pageViewport, type PageGeom } from './geometry';
import type { Rotation } from './types';

/** Space between pages and around them, CSS px. */
export const PAGE_GAP = 12;

export const MIN_ZOOM = 0.5;
export const MAX_ZOOM = 4;
/**
 * Fit width / fit page may go below MIN_ZOOM, down to this: a page of 1,000,000 pt (or with a huge
 * /UserUnit) then fits the view like any other instead of being laid out millions of px wide.
 */
export const MIN_FIT_ZOOM = 1e-9;
/** Zoom presets (1 = 100 %). */
export const ZOOM_STEPS = [0.5, 0.67, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.5, 3, 4] as const;

export type ZoomSetting = { mode: 'fit-width' } | { mode: 'fit-page' } | { mode: 'percent'; value: number };

export type Layout = {
  /** Top of each page box (index = page - 1), CSS px from the top of the scroll content. */
  tops: Float64Array;
  widths: Float64Array;
  heights: Float64Array;
  /** Height and width of the scroll content. */
  totalHeight: number;
  totalWidth: number;
};

/** Page boxes at `scale` CSS px per unit; `unit` converts the zoom to that scale (96/72 for PDF). */
export function computeLayout(geoms: readonly PageGeom[], scale: number, rotation: Rotation, gap = PAGE_GAP): Layout {
  const n = geoms.length;
  const tops = new Float64Array(n);
  const widths = new Float64Array(n);
  const heights = new Float64Array(n);
  let y = gap;
  let maxWidth = 0;
  for (let i = 0; i < n; i++) {
    const vp = pageViewport(geoms[i]!, scale, rotation);
    tops[i] = y;
    widths[i] = vp.width;
    heights[i] = vp.height;
    y += vp.height + gap;
    if (vp.width > maxWidth) maxWidth = vp.width;
  }
  return { tops, widths, heights, totalHeight: y, totalWidth: maxWidth + 2 * gap };
}

/** Index of the last page whose top is ≤ y (0 when y is above the first page). */
export function pageAt(layout: Layout, y: number): number {
  const { tops } = layout;
  let lo = 0;
  let hi = tops.length - 1;
  if (hi < 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (tops[mid]! <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Pages (0-based, inclusive) intersecting [top, top + height], widened by `overscan` pages each side. */
export function visibleRange(layout: Layout, top: number, height: number, overscan = 0): { first: number; last: number } {
  const n = layout.tops.length;
  if (n === 0) return { first: 0, last: -1 };
  let first = pageAt(layout, top);
  // A page whose bottom is above the viewport (we are in the gap below it) is not visible.
  if (layout.tops[first]! + layout.heights[first]! < top && first < n - 1) first++;
  const last = pageAt(layout, top + height);
  return { first: Math.max(0, first - overscan), last: Math.min(n - 1, last + overscan) };
}

/**
 * The page the reader is on: from the top, the first page showing at least half of itself or
 * filling half the viewport; the last page once the view is scrolled to the bottom (a short last
 * page may never get there otherwise).
 */
export function currentPageIndex(layout: Layout, top: number, height: number): number {
  const n = layout.tops.length;
  if (n === 0) return 0;
  if (top > 0 && top + height >= layout.totalHeight - 1) return n - 1;
  const { first, last } = visibleRange(layout, top, height);
  for (let i = first; i <= last; i++) {
    const pageTop = layout.tops[i]!;
    const pageHeight = layout.heights[i]!;
    const shown = Math.min(pageTop + pageHeight, top + height) - Math.max(pageTop, top);
    if (shown >= pageHeight / 2 || shown >= height / 2) return i;
  }
  return first;
}

/** Left edge of a page box: centred in the wider of the viewport and the widest page. */
export function pageLeft(layout: Layout, index: number, viewportWidth: number): number {
  const content = Math.max(viewportWidth, layout.totalWidth);
  return Math.max(PAGE_GAP, (content - layout.widths[index]!) / 2);
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** The next preset up (+1) or down (-1) from `zoom`. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
  const eps = 1e-3;
  if (direction > 0) return ZOOM_STEPS.find((z) => z > zoom + eps) ?? MAX_ZOOM;
  // Below the presets (a huge page fitted to the view) zooming out stays where it is.
  return [...ZOOM_STEPS].reverse().find((z) => z < zoom - eps) ?? Math.min(zoom, MIN_ZOOM);
}

/**
 * Zoom factor (1 = 100 %) for a setting, given the page the reader is on and the viewport.
 * `unit` is CSS px per user-space unit at 100 %.
 */
export function resolveZoom(setting: ZoomSetting, geom: PageGeom | undefined, rotation: Rotation, unit: number, viewport: { width: number; height: number }): number {
  if (setting.mode === 'percent') return clampZoom(setting.value);
  if (!geom || viewport.width <= 0) return 1;
  const page = pageViewport(geom, unit, rotation);
  const availableWidth = Math.max(1, viewport.width - 2 * PAGE_GAP);
  const byWidth = availableWidth / page.width;
  const byHeight = Math.max(1, viewport.height - 2 * PAGE_GAP) / page.height;
  const fit = setting.mode === 'fit-width' ? byWidth : Math.min(byWidth, byHeight);
  // A page without area (an empty view box) measures as infinitely small: show it at 100 %.
  if (!Number.isFinite(fit) || fit <= 0) return 1;
  return Math.min(MAX_ZOOM, Math.max(MIN_FIT_ZOOM, fit));
}

/** A point of the document held still while the layout changes (zoom, rotation, page sizes arriving). */
export type Anchor = { index: number; fx: number; fy: number; viewX: number; viewY: number };

/** Remembers which point of which page is at (viewX, viewY) of the viewport. */
export function anchorAt(layout: Layout, scrollLeft: number, scrollTop: number, viewportWidth: number, viewX: number, viewY: number): Anchor {
  const y = scrollTop + viewY;
  const index = pageAt(layout, y);
  const h = layout.heights[index] ?? 1;
  const w = layout.widths[index] ?? 1;
  const left = layout.tops.length ? pageLeft(layout, index, viewportWidth) : 0;
  return {
    index,
    fy: h > 0 ? (y - (layout.tops[index] ?? 0)) / h : 0,
    fx: w > 0 ? (scrollLeft + viewX - left) / w : 0,
    viewX,
    viewY,
  };
}

/** Scroll offsets that put the anchor's point back at its place in the viewport. */
export function scrollForAnchor(layout: Layout, anchor: Anchor, viewportWidth: number): { left: number; top: number } {
  const i = Math.min(anchor.index, layout.tops.length - 1);
  if (i < 0) return { left: 0, top: 0 };
  const top = layout.tops[i]! + anchor.fy * layout.heights[i]! - anchor.viewY;
  const left = pageLeft(layout, i, viewportWidth) + anchor.fx * layout.widths[i]! - anchor.viewX;
  return { left: Math.max(0, left), top: Math.max(0, top) };
}
