/**
 * The thumbnails rail: a list of buttons "Page N", virtualized (only the items in view exist),
 * each with a small canvas painted lazily once scrolling pauses, one at a time, released when it
 * scrolls out. Keeps the current page's thumbnail in view. PagesView mounts it once the first
 * page shows, so it never delays that page.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { t } from '../i18n';
import { acquireCanvas, releaseCanvas } from './canvasPool';
import { pageViewport, type PageGeom } from './geometry';
import { isCancelled, type DocumentSource, type Job } from './source';
import type { Rotation } from './types';

/** Height of one item (thumbnail box + label + padding), CSS px. */
export const THUMB_ITEM = 148;
const THUMB_BOX = { width: 96, height: 118 };
const OVERSCAN = 2;
/** Wait for the rail to stop moving before painting. */
const PAINT_DELAY_MS = 120;

type Props = {
  source: DocumentSource;
  geoms: readonly PageGeom[];
  rotation: Rotation;
  current: number;
  onSelect(index: number): void;
};

export const Thumbnails = memo(function Thumbnails({ source, geoms, rotation, current, onSelect }: Props) {
  const rail = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600 });
  const n = geoms.length;

  useLayoutEffect(() => {
    const el = rail.current;
    if (!el) return;
    const update = () => setView((v) => (v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight }));
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(update);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  // Follow the reader: the current page's thumbnail stays visible.
  useEffect(() => {
    const el = rail.current;
    if (!el) return;
    const top = current * THUMB_ITEM;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + THUMB_ITEM > el.scrollTop + el.clientHeight) el.scrollTop = top + THUMB_ITEM - el.clientHeight;
  }, [current]);

  const first = Math.max(0, Math.floor(view.top / THUMB_ITEM) - OVERSCAN);
  const last = Math.min(n - 1, Math.ceil((view.top + view.height) / THUMB_ITEM) + OVERSCAN);
  const items: number[] = [];
  for (let i = first; i <= last; i++) items.push(i);

  // Painting: after the rail is still for a moment, one thumbnail at a time, the visible ones only.
  const [paintable, setPaintable] = useState<{ first: number; last: number }>({ first: 0, last: -1 });
  useEffect(() => {
    const timer = setTimeout(() => setPaintable({ first, last }), PAINT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [first, last]);

  return (
    <nav className="poe-thumbs" aria-label={t('viewer.thumbnailList')}>
      <div ref={rail} className="poe-thumbs__rail">
        <ul className="poe-thumbs__list" style={{ height: n * THUMB_ITEM }}>
          {items.map((i) => (
            <li key={i} className="poe-thumbs__item" aria-setsize={n} aria-posinset={i + 1} style={{ top: i * THUMB_ITEM }}>
              <button
                type="button"
                className="poe-thumbs__button"
                aria-current={i === current ? 'page' : undefined}
                onClick={() => onSelect(i)}
                aria-label={t('viewer.pageLabel', { page: i + 1 })}
              >
                <Thumb source={source} index={i} geom={geoms[i]!} rotation={rotation} paint={i >= paintable.first && i <= paintable.last} />
                <span className="poe-thumbs__label" aria-hidden="true">
                  {i + 1}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
    </nav>
  );
});

/** One thumbnail render at a time across the rail, so they never hold up the pages. */
let queue: Promise<void> = Promise.resolve();

function Thumb({ source, index, geom, rotation, paint }: { source: DocumentSource; index: number; geom: PageGeom; rotation: Rotation; paint: boolean }) {
  const host = useRef<HTMLSpanElement>(null);
  const unit = pageViewport(geom, 1, rotation);
  const scale = Math.min(THUMB_BOX.width / unit.width, THUMB_BOX.height / unit.height);
  const size = { width: Math.round(unit.width * scale), height: Math.round(unit.height * scale) };

  useEffect(() => {
    if (!paint) return;
    let live = true;
    let job: Job | null = null;
    const canvas = acquireCanvas('poe-thumbs__canvas');
    queue = queue.then(async () => {
      if (!live) return;
      job = source.render(index, canvas, scale, rotation, Math.min(2, window.devicePixelRatio || 1));
      try {
        await job.promise;
        if (live) host.current?.replaceChildren(canvas);
      } catch (error) {
        if (live && !isCancelled(error)) host.current?.replaceChildren();
      }
    });
    return () => {
      live = false;
      job?.cancel();
      releaseCanvas(canvas);
      source.release(index);
    };
  }, [paint, source, index, scale, rotation]);

  return <span ref={host} className="poe-thumbs__thumb" style={{ width: size.width, height: size.height }} />;
}
