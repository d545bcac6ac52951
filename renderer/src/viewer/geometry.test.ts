import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { degrees, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssRectToPdf, cssToPdf, imageGeom, imageToUser, apply, multiply, normalizeRotation, pageViewport, PDF_TO_CSS, rectToCss, type PageGeom } from './geometry';
import type { Rotation } from './types';

const ROTATIONS: Rotation[] = [0, 90, 180, 270];
const LETTER: PageGeom = { view: [0, 0, 612, 792], rotate: 0, userUnit: 1 };

const close = (a: number, b: number, eps = 1e-6) => Math.abs(a - b) <= eps * Math.max(1, Math.abs(a), Math.abs(b));

describe('page geometry', () => {
  it('is the transform pdf.js uses to paint the page (view box off the origin, /Rotate, /UserUnit, zoom, rotation)', async () => {
    // Pages pdf.js itself reads: every combination the geometry must get right.
    const doc = await PDFDocument.create();
    const specs = [
      { box: [0, 0, 612, 792], rotate: 0, userUnit: 1 },
      { box: [-40, 25, 300, 500], rotate: 90, userUnit: 1 },
      { box: [10, 10, 842, 595], rotate: 180, userUnit: 1 },
      { box: [100, -50, 400, 300], rotate: 270, userUnit: 2 },
    ] as const;
    for (const spec of specs) {
      const page = doc.addPage([100, 100]);
      page.setMediaBox(spec.box[0], spec.box[1], spec.box[2], spec.box[3]);
      page.setRotation(degrees(spec.rotate));
      if (spec.userUnit !== 1) page.node.set(PDFName.of('UserUnit'), PDFNumber.of(spec.userUnit));
    }
    const pdf = await getDocument({ data: await doc.save(), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      for (let n = 1; n <= specs.length; n++) {
        const page = await pdf.getPage(n);
        const geom: PageGeom = { view: page.view as [number, number, number, number], rotate: normalizeRotation(page.rotate), userUnit: page.userUnit };
        expect(geom.rotate).toBe(specs[n - 1]!.rotate);
        for (const rotation of ROTATIONS) {
          for (const scale of [0.5, 1, PDF_TO_CSS, 2.75]) {
            const ours = pageViewport(geom, scale, rotation);
            const theirs = page.getViewport({ scale, rotation: (page.rotate + rotation) % 360 });
            expect(close(ours.width, theirs.width)).toBe(true);
            expect(close(ours.height, theirs.height)).toBe(true);
            ours.transform.forEach((v, i) => expect(close(v, theirs.transform[i]!)).toBe(true));
            // And points land where pdf.js puts them.
            const [px, py] = theirs.convertToViewportPoint(geom.view[0] + 17, geom.view[1] + 29);
            const mine = apply(ours.transform, { x: geom.view[0] + 17, y: geom.view[1] + 29 });
            expect(close(mine.x, px!)).toBe(true);
            expect(close(mine.y, py!)).toBe(true);
          }
        }
      }
    } finally {
      await pdf.destroy();
    }
  });

  it('puts user-space corners where a reader sees them at each rotation', () => {
    const s = PDF_TO_CSS;
    // The lower-left 100×50 pt of a Letter page.
    const rect = { x: 0, y: 0, width: 100, height: 50 };
    const r0 = rectToCss(pageViewport(LETTER, s, 0), rect);
    expect(r0.left).toBeCloseTo(0);
    expect(r0.top).toBeCloseTo((792 - 50) * s);
    expect(r0.width).toBeCloseTo(100 * s);
    expect(r0.height).toBeCloseTo(50 * s);
    // Turned clockwise: the page's bottom edge is on the left.
    const r90 = rectToCss(pageViewport(LETTER, s, 90), rect);
    expect(r90.left).toBeCloseTo(0);
    expect(r90.top).toBeCloseTo(0);
    expect(r90.width).toBeCloseTo(50 * s);
    expect(r90.height).toBeCloseTo(100 * s);
    const r180 = rectToCss(pageViewport(LETTER, s, 180), rect);
    expect(r180.top).toBeCloseTo(0);
    expect(r180.left).toBeCloseTo((612 - 100) * s);
    const r270 = rectToCss(pageViewport(LETTER, s, 270), rect);
    expect(r270.left).toBeCloseTo((792 - 50) * s);
    expect(r270.top).toBeCloseTo((612 - 100) * s);
  });

  it('toPdf inverts toCss exactly for every zoom and rotation', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<Rotation>(...ROTATIONS),
        fc.constantFrom<Rotation>(...ROTATIONS),
        fc.double({ min: 0.5 * PDF_TO_CSS, max: 4 * PDF_TO_CSS, noNaN: true }),
        fc.record({ x: fc.double({ min: 0, max: 600, noNaN: true }), y: fc.double({ min: 0, max: 780, noNaN: true }), width: fc.double({ min: 0, max: 300, noNaN: true }), height: fc.double({ min: 0, max: 300, noNaN: true }) }),
        (pageRotate, rotation, scale, rect) => {
          const vp = pageViewport({ ...LETTER, rotate: pageRotate }, scale, rotation);
          const box = rectToCss(vp, rect);
          const back = cssRectToPdf(vp, box);
          expect(back.x).toBeCloseTo(rect.x, 6);
          expect(back.y).toBeCloseTo(rect.y, 6);
          expect(back.width).toBeCloseTo(rect.width, 6);
          expect(back.height).toBeCloseTo(rect.height, 6);
          const p = cssToPdf(vp, { x: box.left, y: box.top + box.height });
          // Some corner of the rectangle maps back to itself.
          const corners = [
            [rect.x, rect.y],
            [rect.x + rect.width, rect.y],
            [rect.x, rect.y + rect.height],
            [rect.x + rect.width, rect.y + rect.height],
          ];
          expect(corners.some(([x, y]) => close(p.x, x!, 1e-9) && close(p.y, y!, 1e-9))).toBe(true);
        },
      ),
    );
  });

  it('keeps a region the same size relative to the page at any zoom', () => {
    const rect = { x: 72, y: 600, width: 200, height: 40 };
    const a = rectToCss(pageViewport(LETTER, PDF_TO_CSS, 0), rect);
    const b = rectToCss(pageViewport(LETTER, 3 * PDF_TO_CSS, 0), rect);
    expect(b.left / a.left).toBeCloseTo(3);
    expect(b.top / a.top).toBeCloseTo(3);
    expect(b.width / a.width).toBeCloseTo(3);
  });

  it('treats an image as a page whose user space is its pixels, origin bottom-left', () => {
    const geom = imageGeom(800, 600);
    const vp = pageViewport(geom, 1, 0);
    expect([vp.width, vp.height]).toEqual([800, 600]);
    // Image pixel (10, 20) from the top-left is user-space (10, 580).
    const user = apply(imageToUser(600), { x: 10, y: 20 });
    expect(user).toEqual({ x: 10, y: 580 });
    // Painting image pixels through the page transform lands them where the overlay expects.
    const onScreen = apply(multiply(vp.transform, imageToUser(600)), { x: 10, y: 20 });
    expect(onScreen.x).toBeCloseTo(10);
    expect(onScreen.y).toBeCloseTo(20);
    const turned = pageViewport(geom, 0.5, 90);
    expect([turned.width, turned.height]).toEqual([300, 400]);
  });

  it('normalises rotations to quarter turns', () => {
    expect([-90, 0, 90, 180, 270, 360, 450, -270].map(normalizeRotation)).toEqual([270, 0, 90, 180, 270, 0, 90, 90]);
  });
});
