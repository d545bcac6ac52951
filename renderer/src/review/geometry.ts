/**
 * Annotation geometry. Annotations are stored in PDF user space (points, origin bottom-left of the
 * unrotated page), so the same mark lands on the same words at any zoom and rotation and in the
 * exported report. Drawing happens in CSS pixels on the page overlay; the viewer's `toPdf` maps
 * each corner back. Rotations are multiples of 90°, so an axis-aligned box stays axis-aligned.
 */
import type { Rect } from '@shared/index';
import type { CssBox, PdfPoint } from './viewerContract';

/** Smallest drag (CSS pixels, either side) that counts as a rectangle rather than a click. */
export const MIN_DRAG_PX = 6;

/** The rectangle spanned by two opposite corners, whichever order they come in. */
export function rectFromPoints(a: PdfPoint, b: PdfPoint): Rect {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
}

/** A drag on the overlay (CSS pixels relative to it) as a rectangle in PDF user space, rounded to 0.01 pt. */
export function dragToPdfRect(start: { x: number; y: number }, end: { x: number; y: number }, toPdf: (p: { x: number; y: number }) => PdfPoint): Rect {
  return roundRect(rectFromPoints(toPdf(start), toPdf(end)));
}

/** Whether a drag is too small to be a rectangle (a click, or a slip of the hand). */
export function isTooSmall(start: { x: number; y: number }, end: { x: number; y: number }, min = MIN_DRAG_PX): boolean {
  return Math.abs(end.x - start.x) < min || Math.abs(end.y - start.y) < min;
}

/** The smallest rectangle around all of `rects` (a text selection's lines), or null for none. */
export function unionRects(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (const r of rects) {
    x1 = Math.min(x1, r.x);
    y1 = Math.min(y1, r.y);
    x2 = Math.max(x2, r.x + r.width);
    y2 = Math.max(y2, r.y + r.height);
  }
  return roundRect({ x: x1, y: y1, width: x2 - x1, height: y2 - y1 });
}

export function roundRect(r: Rect): Rect {
  const round = (v: number) => Math.round(v * 100) / 100;
  return { x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height) };
}

/** A CSS point clamped into the overlay box (a drag that leaves the page stops at its edge). */
export function clampPoint(p: { x: number; y: number }, width: number, height: number): { x: number; y: number } {
  return { x: Math.min(Math.max(p.x, 0), width), y: Math.min(Math.max(p.y, 0), height) };
}

export type PageBox = { x: number; y: number; width: number; height: number };

/**
 * The mapping between PDF user space and CSS pixels for a page shown at `scale` and `rotation`
 * (clockwise degrees), as pdf.js' page viewport computes it. The viewer supplies its own
 * `toCss`/`toPdf`; this one is the reference the tests hold them (and the review code) to.
 */
export function pageTransform(view: PageBox, scale: number, rotation: number) {
  const r = (((rotation % 360) + 360) % 360) as 0 | 90 | 180 | 270;
  const { x: x0, y: y0 } = view;
  const x1 = view.x + view.width;
  const y1 = view.y + view.height;
  const sideways = r === 90 || r === 270;
  const cssWidth = (sideways ? view.height : view.width) * scale;
  const cssHeight = (sideways ? view.width : view.height) * scale;
  const pointToCss = (x: number, y: number): { x: number; y: number } => {
    switch (r) {
      case 90:
        return { x: (y - y0) * scale, y: (x - x0) * scale };
      case 180:
        return { x: (x1 - x) * scale, y: (y - y0) * scale };
      case 270:
        return { x: (y1 - y) * scale, y: (x1 - x) * scale };
      default:
        return { x: (x - x0) * scale, y: (y1 - y) * scale };
    }
  };
  const toPdf = (p: { x: number; y: number }): PdfPoint => {
    const u = p.x / scale;
    const v = p.y / scale;
    switch (r) {
      case 90:
        return { x: x0 + v, y: y0 + u };
      case 180:
        return { x: x1 - u, y: y0 + v };
      case 270:
        return { x: x1 - v, y: y1 - u };
      default:
        return { x: x0 + u, y: y1 - v };
    }
  };
  const toCss = (rect: Rect): CssBox => {
    const a = pointToCss(rect.x, rect.y);
    const b = pointToCss(rect.x + rect.width, rect.y + rect.height);
    return { left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y) };
  };
  return { cssWidth, cssHeight, rotation: r, scale, toCss, toPdf };
}
