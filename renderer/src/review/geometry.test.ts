import { describe, expect, it } from 'vitest';
import { clampPoint, dragToPdfRect, isTooSmall, pageTransform, rectFromPoints, unionRects } from './geometry';

const LETTER = { x: 0, y: 0, width: 612, height: 792 };
const signature = { x: 72, y: 120, width: 200, height: 40 };

describe('annotation geometry', () => {
  it('a rectangle from two corners, in any order', () => {
    expect(rectFromPoints({ x: 10, y: 50 }, { x: 4, y: 20 })).toEqual({ x: 4, y: 20, width: 6, height: 30 });
    expect(rectFromPoints({ x: 4, y: 20 }, { x: 10, y: 50 })).toEqual({ x: 4, y: 20, width: 6, height: 30 });
  });

  it('the unrotated page: PDF y grows upwards, CSS y downwards', () => {
    const t = pageTransform(LETTER, 1, 0);
    expect(t.toCss({ x: 0, y: 792, width: 0, height: 0 })).toEqual({ left: 0, top: 0, width: 0, height: 0 });
    expect(t.toPdf({ x: 0, y: 792 })).toEqual({ x: 0, y: 0 });
    expect(t.toCss(signature)).toEqual({ left: 72, top: 792 - 160, width: 200, height: 40 });
  });

  it('rotated 90° clockwise: the page’s top-left corner is at the top right', () => {
    const t = pageTransform(LETTER, 1, 90);
    expect([t.cssWidth, t.cssHeight]).toEqual([792, 612]);
    const corner = t.toCss({ x: 0, y: 792, width: 0, height: 0 });
    expect([corner.left, corner.top]).toEqual([792, 0]);
    const back = t.toPdf({ x: 792, y: 0 });
    expect([back.x, back.y]).toEqual([0, 792]);
  });

  it.each([0, 90, 180, 270, -90, 450])('a mark drawn at rotation %i° and any zoom is the same PDF rectangle', (rotation) => {
    for (const scale of [0.5, 1, 1.5, 3.25]) {
      const t = pageTransform(LETTER, scale, rotation);
      const box = t.toCss(signature);
      // Drag from one corner of the box on screen to the opposite one, in either direction.
      const topLeft = { x: box.left, y: box.top };
      const bottomRight = { x: box.left + box.width, y: box.top + box.height };
      expect(dragToPdfRect(topLeft, bottomRight, t.toPdf)).toEqual(signature);
      expect(dragToPdfRect(bottomRight, topLeft, t.toPdf)).toEqual(signature);
      const topRight = { x: box.left + box.width, y: box.top };
      const bottomLeft = { x: box.left, y: box.top + box.height };
      expect(dragToPdfRect(bottomLeft, topRight, t.toPdf)).toEqual(signature);
    }
  });

  it('the box scales with zoom and turns with rotation', () => {
    const at1 = pageTransform(LETTER, 1, 0).toCss(signature);
    const at2 = pageTransform(LETTER, 2, 0).toCss(signature);
    expect(at2).toEqual({ left: at1.left * 2, top: at1.top * 2, width: at1.width * 2, height: at1.height * 2 });
    const turned = pageTransform(LETTER, 1, 90).toCss(signature);
    expect([turned.width, turned.height]).toEqual([40, 200]);
  });

  it('a page whose box does not start at the origin', () => {
    const cropped = { x: 36, y: 18, width: 540, height: 756 };
    for (const rotation of [0, 90, 180, 270]) {
      const t = pageTransform(cropped, 1.25, rotation);
      const box = t.toCss(signature);
      expect(dragToPdfRect({ x: box.left, y: box.top }, { x: box.left + box.width, y: box.top + box.height }, t.toPdf)).toEqual(signature);
      // The box is inside the rendered page.
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.left + box.width).toBeLessThanOrEqual(t.cssWidth + 1e-9);
    }
  });

  it('rounds to hundredths of a point so the stored numbers stay short', () => {
    const t = pageTransform(LETTER, 1.3333, 0);
    const rect = dragToPdfRect({ x: 10.123, y: 20.456 }, { x: 110.789, y: 60.001 }, t.toPdf);
    for (const v of Object.values(rect)) expect(Math.round(v * 100) / 100).toBe(v);
  });

  it('a text selection’s lines become one rectangle', () => {
    expect(unionRects([])).toBeNull();
    expect(
      unionRects([
        { x: 72, y: 700, width: 300, height: 12 },
        { x: 72, y: 686, width: 120, height: 12 },
      ]),
    ).toEqual({ x: 72, y: 686, width: 300, height: 26 });
  });

  it('a click is not a rectangle; a drag off the page stops at its edge', () => {
    expect(isTooSmall({ x: 10, y: 10 }, { x: 12, y: 40 })).toBe(true);
    expect(isTooSmall({ x: 10, y: 10 }, { x: 40, y: 40 })).toBe(false);
    expect(clampPoint({ x: -5, y: 900 }, 612, 792)).toEqual({ x: 0, y: 792 });
  });
});
