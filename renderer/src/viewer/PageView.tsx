/**
 * One page box in the continuous scroll: a canvas painted by the document source while the page
 * is near the viewport (recycled when it leaves), pdf.js' text layer for selection and copy,
 * highlights, and the caller's overlay, all in the same box and the same coordinates.
 */
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { t } from '../i18n';
import { acquireCanvas, releaseCanvas } from './canvasPool';
import { cssToPdf, pageViewport, rectToCss, type PageGeom } from './geometry';
import { isCancelled, type DocumentSource } from './source';
import type { HighlightKind, PageOverlayProps, Rect, Rotation } from './types';

export type PageHighlight = { rects: Rect[]; kind: HighlightKind; current?: boolean; label?: string };

type Props = {
  sha256: string;
  source: DocumentSource;
  index: number;
  geom: PageGeom;
  /** CSS px per unit (zoom × the source's unit). */
  scale: number;
  rotation: Rotation;
  top: number;
  left: number;
  /** Paint the canvas (the page is on screen or next to it). */
  paint: boolean;
  highlights: readonly PageHighlight[];
  renderOverlay?: ((props: PageOverlayProps) => ReactNode) | undefined;
  /** Called with the render's key once the page shows it, and with null when it lets the canvas go. */
  onPainted?(index: number, key: string | null): void;
};

/** Identifies a paint: the same page at the same size and rotation. */
export function paintKey(geom: PageGeom, scale: number, rotation: Rotation): string {
  return `${scale}/${rotation}/${geom.view.join(',')}/${geom.rotate}`;
}

function outputScale(): number {
  return Math.min(3, Math.max(1, window.devicePixelRatio || 1));
}

export const PageView = memo(function PageView({ sha256, source, index, geom, scale, rotation, top, left, paint, highlights, renderOverlay, onPainted }: Props) {
  const vp = useMemo(() => pageViewport(geom, scale, rotation), [geom, scale, rotation]);
  const canvasHost = useRef<HTMLDivElement>(null);
  const textHost = useRef<HTMLDivElement>(null);
  const shown = useRef<HTMLCanvasElement | null>(null);
  /** Key of the render now on screen ("scale/rotation/geom"), to start the text layer after it. */
  const [paintedKey, setPaintedKey] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const key = paintKey(geom, scale, rotation);
  const onPaintedRef = useRef(onPainted);
  useLayoutEffect(() => {
    onPaintedRef.current = onPainted;
  }, [onPainted]);

  // Canvas: painted while near the viewport; the previous paint stays (stretched) until the new one is
  // ready. A layout effect, so the render starts right after the commit rather than a frame later.
  useLayoutEffect(() => {
    if (!paint) {
      releaseCanvas(shown.current);
      shown.current = null;
      setPaintedKey(null);
      onPaintedRef.current?.(index, null);
      return;
    }
    const canvas = acquireCanvas('poe-page__canvas');
    const job = source.render(index, canvas, scale, rotation, outputScale());
    let live = true;
    job.promise.then(
      () => {
        if (!live) return;
        releaseCanvas(shown.current);
        shown.current = canvas;
        canvasHost.current?.replaceChildren(canvas);
        setFailed(false);
        setPaintedKey(key);
        onPaintedRef.current?.(index, key);
      },
      (error: unknown) => {
        // Once this run is over, its cleanup gave the canvas back and it may already be another page's.
        if (!live) return;
        releaseCanvas(canvas);
        if (!isCancelled(error)) setFailed(true);
      },
    );
    return () => {
      live = false;
      job.cancel();
      if (shown.current !== canvas) releaseCanvas(canvas);
    };
  }, [paint, source, index, scale, rotation, key]);

  // Unmounted (scrolled far away): give the canvas back and let pdf.js drop the page's data.
  useEffect(
    () => () => {
      releaseCanvas(shown.current);
      shown.current = null;
      source.release(index);
      onPaintedRef.current?.(index, null);
    },
    [source, index],
  );

  // Text layer, once this page is painted at this zoom and rotation.
  const textReady = paint && paintedKey === key;
  useEffect(() => {
    const host = textHost.current;
    if (!textReady || !host) return;
    const layer = document.createElement('div');
    layer.className = 'textLayer';
    const job = source.renderText(index, layer, scale, rotation);
    if (!job) return;
    host.replaceChildren(layer);
    job.promise.catch(() => undefined);
    return () => {
      job.cancel();
      layer.remove();
    };
  }, [textReady, source, index, scale, rotation]);

  const overlayProps = useMemo<PageOverlayProps>(
    () => ({
      sha256,
      page: index + 1,
      cssWidth: vp.width,
      cssHeight: vp.height,
      rotation: vp.rotation,
      scale: vp.scale,
      toCss: (rect) => rectToCss(vp, rect),
      toPdf: (point) => cssToPdf(vp, point),
    }),
    [sha256, index, vp],
  );

  return (
    <div
      className="poe-page"
      data-page={index + 1}
      data-painted={paintedKey === key ? 'true' : undefined}
      role="group"
      aria-label={t('viewer.pageLabel', { page: index + 1 })}
      style={{ top, left, width: vp.width, height: vp.height }}
    >
      <div ref={canvasHost} className="poe-page__canvas-host" />
      {failed && (
        <p className="poe-page__error" role="alert">
          {t('viewer.pageFailed', { page: index + 1 })}
        </p>
      )}
      <div className="poe-page__highlights" aria-hidden="true">
        {highlights.flatMap((h, i) =>
          h.rects.map((rect, j) => {
            const box = rectToCss(vp, rect);
            return (
              <div
                key={`${i}-${j}`}
                className={`poe-hl poe-hl--${h.kind}${h.current ? ' poe-hl--current' : ''}`}
                title={h.label}
                style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
              />
            );
          }),
        )}
      </div>
      <div ref={textHost} className="poe-page__text" />
      {renderOverlay && <div className="poe-page__overlay">{renderOverlay(overlayProps)}</div>}
    </div>
  );
});
