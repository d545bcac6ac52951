/**
 * What the review tools draw over a PoE page (the viewer's `renderPageOverlay`): the claim's
 * annotations as numbered boxes, the region being annotated, and, in drawing mode, the surface a
 * rectangle is dragged on. Boxes are placed with the viewer's `toCss` from PDF user space, and a
 * drag is turned back into user space with its `toPdf`, so marks survive zoom and rotation.
 */
import { useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { t } from '../i18n';
import { clampPoint, dragToPdfRect, isTooSmall } from './geometry';
import { useReview } from './ReviewContext';
import type { CssBox, PageOverlayParams } from './viewerContract';

type Point = { x: number; y: number };

const boxStyle = (box: CssBox) => ({ left: box.left, top: box.top, width: box.width, height: box.height });

export function PageOverlay({ params }: { params: PageOverlayParams }) {
  const { claim, drawing, draft, startDraft, refusal } = useReview();
  const root = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: Point; end: Point; pointerId: number } | null>(null);
  const { sha256, page } = params;
  const marks = claim.annotations.map((a, i) => ({ a, n: i + 1 })).filter(({ a }) => a.sha256 === sha256 && a.page === page);
  const active = drawing && refusal === null;

  /** The pointer in the overlay's own CSS pixels (its box may be scaled while zooming). */
  const local = (event: ReactPointerEvent): Point => {
    const box = root.current!.getBoundingClientRect();
    const sx = box.width > 0 ? params.cssWidth / box.width : 1;
    const sy = box.height > 0 ? params.cssHeight / box.height : 1;
    return clampPoint({ x: (event.clientX - box.left) * sx, y: (event.clientY - box.top) * sy }, params.cssWidth, params.cssHeight);
  };

  const onPointerDown = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!active || event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    const start = local(event);
    setDrag({ start, end: start, pointerId: event.pointerId });
  };
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (drag && event.pointerId === drag.pointerId) setDrag({ ...drag, end: local(event) });
  };
  const onPointerUp = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const end = local(event);
    setDrag(null);
    if (isTooSmall(drag.start, end)) return;
    startDraft({ sha256, page, rect: dragToPdfRect(drag.start, end, params.toPdf) });
  };

  const rubberBand = drag
    ? { left: Math.min(drag.start.x, drag.end.x), top: Math.min(drag.start.y, drag.end.y), width: Math.abs(drag.end.x - drag.start.x), height: Math.abs(drag.end.y - drag.start.y) }
    : null;
  const draftHere = draft && draft.sha256 === sha256 && draft.page === page ? draft : null;

  return (
    <div
      ref={root}
      role="group"
      aria-label={active ? t('review.annotations.surface', { page }) : t('review.annotations.overlay', { page })}
      className={`review-overlay${active ? ' review-overlay--drawing' : ''}`}
      style={{ width: params.cssWidth, height: params.cssHeight }}
      data-page={page}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
    >
      {marks.map(({ a, n }) => (
        <div key={a.id} role="img" aria-label={t('review.annotations.mark', { number: n })} className={`review-mark${a.code ? ' review-mark--deficiency' : ''}`} style={boxStyle(params.toCss(a.rect))}>
          <span className="review-mark__number" aria-hidden="true">
            {n}
          </span>
        </div>
      ))}
      {draftHere && <div className="review-mark review-mark--draft" aria-hidden="true" style={boxStyle(params.toCss(draftHere.rect))} />}
      {rubberBand && <div className="review-mark review-mark--rubber" aria-hidden="true" style={boxStyle(rubberBand)} />}
    </div>
  );
}
