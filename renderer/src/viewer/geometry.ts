/**
 * Page geometry: user space ⇄ CSS pixels for a page at a zoom and rotation.
 *
 * Same affine transform as pdf.js' PageViewport (checked against it in geometry.test.ts), so the
 * canvas pdf.js paints, the text layer and the overlays all line up. Pure: no pdf.js import, usable
 * for images (view box = the image in pixels) and in tests.
 */
import type { CssRect, Point, Rect, Rotation } from './types';

/** [x0, y0, x1, y1] of the page's view box (CropBox ∩ MediaBox), user space. */
export type ViewBox = readonly [number, number, number, number];

export type PageGeom = {
  view: ViewBox;
  /** The page's own /Rotate, normalised to 0/90/180/270. */
  rotate: Rotation;
  /** /UserUnit (1 unless the file says otherwise). */
  userUnit: number;
};

/** a, b, c, d, e, f: x' = a x + c y + e, y' = b x + d y + f. */
export type Matrix = readonly [number, number, number, number, number, number];

/** CSS px per PDF point at zoom 100 %: a PDF point is 1/72 in, a CSS px 1/96 in. */
export const PDF_TO_CSS = 96 / 72;

export function normalizeRotation(degrees: number): Rotation {
  const r = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return r as Rotation;
}

export type Viewport = {
  /** Size on screen (rotated), CSS px. */
  width: number;
  height: number;
  /** CSS px per user-space unit, /UserUnit included. */
  scale: number;
  rotation: Rotation;
  transform: Matrix;
};

/** The page on screen at `scale` (CSS px per unit) with the user's extra `rotation`. */
export function pageViewport(geom: PageGeom, scale: number, userRotation: Rotation): Viewport {
  const rotation = normalizeRotation(geom.rotate + userRotation);
  const s = scale * geom.userUnit;
  const [x0, y0, x1, y1] = geom.view;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const [a, b, c, d] = ROTATIONS[rotation];
  let offsetX: number, offsetY: number, width: number, height: number;
  if (a === 0) {
    offsetX = Math.abs(cy - y0) * s;
    offsetY = Math.abs(cx - x0) * s;
    width = Math.abs(y1 - y0) * s;
    height = Math.abs(x1 - x0) * s;
  } else {
    offsetX = Math.abs(cx - x0) * s;
    offsetY = Math.abs(cy - y0) * s;
    width = Math.abs(x1 - x0) * s;
    height = Math.abs(y1 - y0) * s;
  }
  const transform: Matrix = [a * s, b * s, c * s, d * s, offsetX - a * s * cx - c * s * cy, offsetY - b * s * cx - d * s * cy];
  return { width, height, scale: s, rotation, transform };
}

const ROTATIONS: Record<Rotation, readonly [number, number, number, number]> = {
  0: [1, 0, 0, -1],
  90: [0, 1, 1, 0],
  180: [-1, 0, 0, 1],
  270: [0, -1, -1, 0],
};

export function apply(m: Matrix, p: Point): Point {
  return { x: m[0] * p.x + m[2] * p.y + m[4], y: m[1] * p.x + m[3] * p.y + m[5] };
}

export function invert(m: Matrix): Matrix {
  const [a, b, c, d, e, f] = m;
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** User-space rectangle → CSS box in the page box. */
export function rectToCss(viewport: Viewport, rect: Rect): CssRect {
  const p = apply(viewport.transform, { x: rect.x, y: rect.y });
  const q = apply(viewport.transform, { x: rect.x + rect.width, y: rect.y + rect.height });
  return { left: Math.min(p.x, q.x), top: Math.min(p.y, q.y), width: Math.abs(q.x - p.x), height: Math.abs(q.y - p.y) };
}

/** CSS point in the page box → user space. */
export function cssToPdf(viewport: Viewport, point: Point): Point {
  return apply(invert(viewport.transform), point);
}

/** The user-space rectangle spanned by a CSS box in the page box (inverse of `rectToCss`). */
export function cssRectToPdf(viewport: Viewport, box: CssRect): Rect {
  const p = cssToPdf(viewport, { x: box.left, y: box.top });
  const q = cssToPdf(viewport, { x: box.left + box.width, y: box.top + box.height });
  return { x: Math.min(p.x, q.x), y: Math.min(p.y, q.y), width: Math.abs(q.x - p.x), height: Math.abs(q.y - p.y) };
}

/** An image as a page: user space is the image's pixels, origin bottom-left. */
export function imageGeom(width: number, height: number): PageGeom {
  return { view: [0, 0, width, height], rotate: 0, userUnit: 1 };
}

/** Maps image pixels (origin top-left, as drawImage uses them) into user space (origin bottom-left). */
export function imageToUser(height: number): Matrix {
  return [1, 0, 0, -1, 0, height];
}

export function multiply(m: Matrix, n: Matrix): Matrix {
  // m ∘ n: first n, then m.
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}
