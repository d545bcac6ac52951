/**
 * An open document: toolbar, find bar, thumbnails rail and the continuous scroll of pages.
 *
 * Only pages near the viewport exist in the DOM (scroll math over the page boxes, see layout.ts),
 * and only those next to the viewport hold a painted canvas, so a 500-page file costs what two or
 * three pages cost. Zoom, rotation and late page sizes keep the point the reader looks at still.
 */
import { useCallback, useEffect, useImperativeHandle, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { t } from '../i18n';
import { firstMatchFrom, findInPage, matchRects, normalizeQuery, type FindMatch } from './find';
import { cssRectToPdf, pageViewport, rectToCss, type PageGeom } from './geometry';
import {
  anchorAt,
  clampZoom,
  computeLayout,
  currentPageIndex,
  PAGE_GAP,
  pageLeft,
  resolveZoom,
  scrollForAnchor,
  stepZoom,
  visibleRange,
  ZOOM_STEPS,
  type Anchor,
  type Layout,
  type ZoomSetting,
} from './layout';
import { PageView, paintKey, type PageHighlight } from './PageView';
import type { DocumentSource } from './source';
import { Thumbnails } from './Thumbnails';
import type { Highlight, PageOverlayProps, PoeDocument, Rect, Rotation, TextSelection } from './types';

export type ViewState = { page: number; zoom: ZoomSetting; rotation: Rotation; thumbnails: boolean };

/** What PoeViewer's controller calls on the document shown. */
export type PagesApi = {
  scrollTo(page: number, rect?: Rect): void;
  flash(page: number, rect: Rect): void;
  openFind(): void;
  nextPage(): void;
  prevPage(): void;
  /** 1-based. */
  currentPage(): number;
};

type Props = {
  doc: PoeDocument;
  source: DocumentSource;
  /** This document's highlights. */
  highlights: readonly Highlight[];
  renderPageOverlay?: ((props: PageOverlayProps) => ReactNode) | undefined;
  onTextSelected?: ((selection: TextSelection) => void) | undefined;
  initial?: ViewState | undefined;
  onViewState?(state: ViewState): void;
  apiRef: Ref<PagesApi>;
};

type Match = FindMatch & { rects: Rect[] };
type FindState = { query: string; matches: Match[]; searched: number; done: boolean };
type Flash = { id: number; index: number; rect: Rect };

const EMPTY: readonly PageHighlight[] = [];
const FLASH_MS = 1600;
/** Pages mounted (box in the DOM) and painted (canvas) beyond the visible ones, each side. */
const MOUNT_OVERSCAN = 2;
const PAINT_OVERSCAN = 1;

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

function zoomValue(setting: ZoomSetting): string {
  return setting.mode === 'percent' ? String(setting.value) : setting.mode;
}

function unionRect(rects: readonly Rect[]): Rect | undefined {
  if (rects.length === 0) return undefined;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, width: Math.max(...rects.map((r) => r.x + r.width)) - x, height: Math.max(...rects.map((r) => r.y + r.height)) - y };
}

export function PagesView({ doc, source, highlights, renderPageOverlay, onTextSelected, initial, onViewState, apiRef }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const findInput = useRef<HTMLInputElement>(null);
  const [geoms, setGeoms] = useState<readonly PageGeom[]>(() => source.geoms());
  const [zoomSetting, setZoomSetting] = useState<ZoomSetting>(initial?.zoom ?? { mode: 'fit-width' });
  const [rotation, setRotation] = useState<Rotation>(initial?.rotation ?? 0);
  const [thumbnails, setThumbnails] = useState(initial?.thumbnails ?? source.numPages > 1);
  const [viewport, setViewport] = useState({ width: 0, height: 0 });
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  /** The page fit-width / fit-page measures (the one read when the mode was chosen). */
  const [fitIndex, setFitIndex] = useState(Math.max(0, (initial?.page ?? 1) - 1));
  const [flashes, setFlashes] = useState<Flash[]>([]);
  const [findOpen, setFindOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [find, setFind] = useState<FindState>({ query: '', matches: [], searched: 0, done: true });
  const [currentMatch, setCurrentMatch] = useState<{ page: number; start: number } | null>(null);
  const [pageDraft, setPageDraft] = useState<string | null>(null);

  /** Render key each mounted page shows (see PageView's onPainted). */
  const [paintedKeys, setPaintedKeys] = useState<ReadonlyMap<number, string>>(() => new Map());
  /** The first view has been painted: thumbnails and background work may start. */
  const [warm, setWarm] = useState(false);

  const zoom = resolveZoom(zoomSetting, geoms[fitIndex] ?? geoms[0], rotation, source.unit, viewport);
  const scale = zoom * source.unit;
  const layout = useMemo(() => computeLayout(geoms, scale, rotation), [geoms, scale, rotation]);
  /** The page navigated to stays "current" while the view stays where the navigation put it. */
  const [pinned, setPinned] = useState<{ index: number; top: number } | null>(null);
  const current = pinned && Math.abs(pinned.top - scroll.top) < 2 ? pinned.index : currentPageIndex(layout, scroll.top, viewport.height);
  const n = source.numPages;

  // Values event handlers and the controller read without re-subscribing.
  const live = useRef({ layout, scale, zoom, geoms, rotation, viewport, current });
  useLayoutEffect(() => {
    live.current = { layout, scale, zoom, geoms, rotation, viewport, current };
  });
  /** Scroll position as last set or seen (not clamped by a layout in the middle of changing). */
  const scrollPos = useRef({ top: 0, left: 0 });
  const prevLayout = useRef<Layout | null>(null);
  const pendingAnchor = useRef<Anchor | null>(null);
  const pendingNav = useRef<{ index: number; rect?: Rect | undefined } | null>(initial && initial.page > 1 ? { index: initial.page - 1 } : null);

  // Viewport size and scroll position.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setViewport((v) => (v.width === el.clientWidth && v.height === el.clientHeight ? v : { width: el.clientWidth, height: el.clientHeight }));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    let frame = 0;
    const onScroll = () => {
      scrollPos.current = { top: el.scrollTop, left: el.scrollLeft };
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setScroll({ top: el.scrollTop, left: el.scrollLeft }));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, []);

  // Page sizes of the whole file arrive in the background (pages borrow page 1's until then),
  // once the first view is painted: the worker serves the pages on screen first.
  useEffect(() => {
    if (!warm) return;
    const abort = new AbortController();
    source.measureAll(abort.signal).then(
      (all) => {
        if (all && !abort.signal.aborted) setGeoms(all);
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [source, warm]);

  const scrollEl = useCallback((top: number, left: number) => {
    const el = scroller.current;
    if (!el) return;
    el.scrollTop = Math.max(0, top);
    el.scrollLeft = Math.max(0, left);
    scrollPos.current = { top: el.scrollTop, left: el.scrollLeft };
  }, []);

  const navigate = useCallback(
    (index: number, rect?: Rect) => {
      const el = scroller.current;
      const { layout: l, geoms: g, scale: s, rotation: r } = live.current;
      if (!el || l.tops.length === 0 || el.clientHeight === 0) {
        pendingNav.current = { index, rect };
        return;
      }
      const i = Math.max(0, Math.min(l.tops.length - 1, index));
      let top = l.tops[i]! - PAGE_GAP / 2;
      let left = el.scrollLeft;
      if (rect) {
        const box = rectToCss(pageViewport(g[i]!, s, r), rect);
        const boxTop = l.tops[i]! + box.top;
        const boxLeft = pageLeft(l, i, el.clientWidth) + box.left;
        // Leave the region a third down the view (or at the top if it is taller than the view).
        top = boxTop - Math.max(PAGE_GAP, (el.clientHeight - box.height) / 3);
        if (boxLeft < el.scrollLeft || boxLeft + box.width > el.scrollLeft + el.clientWidth) left = boxLeft - Math.max(PAGE_GAP, (el.clientWidth - box.width) / 2);
      }
      scrollEl(top, left);
      setPinned({ index: i, top: scrollPos.current.top });
      setScroll(scrollPos.current);
    },
    [scrollEl],
  );

  // Keep the reader's place when the layout changes (zoom, rotation, resize, real page sizes).
  useLayoutEffect(() => {
    const before = prevLayout.current;
    prevLayout.current = layout;
    const el = scroller.current;
    if (!el || el.clientHeight === 0) return;
    if (pendingNav.current) {
      const { index, rect } = pendingNav.current;
      pendingNav.current = null;
      pendingAnchor.current = null;
      navigate(index, rect);
      return;
    }
    if (!before || before === layout) return;
    const anchor = pendingAnchor.current ?? anchorAt(before, scrollPos.current.left, scrollPos.current.top, el.clientWidth, 0, 0);
    pendingAnchor.current = null;
    const target = scrollForAnchor(layout, anchor, el.clientWidth);
    scrollEl(target.top, target.left);
  }, [layout, navigate, scrollEl]);

  const currentIndex = useCallback(() => live.current.current, []);

  // --- zoom and rotation

  const changeZoom = useCallback((next: ZoomSetting, anchor?: Anchor) => {
    const el = scroller.current;
    if (el && !anchor) anchor = anchorAt(live.current.layout, scrollPos.current.left, scrollPos.current.top, el.clientWidth, 0, 0);
    pendingAnchor.current = anchor ?? null;
    if (next.mode !== 'percent') setFitIndex(currentIndexOf(live.current.layout, scrollPos.current.top, el?.clientHeight ?? 0));
    setZoomSetting(next);
  }, []);

  const zoomBy = useCallback(
    (direction: 1 | -1) => {
      const next = stepZoom(live.current.zoom, direction);
      // Zooming out of a huge page fitted below the smallest preset: nothing smaller to go to.
      if (direction < 0 && next >= live.current.zoom) return;
      changeZoom({ mode: 'percent', value: next });
    },
    [changeZoom],
  );

  const rotate = useCallback((quarterTurns: 1 | -1) => {
    const el = scroller.current;
    const index = currentIndexOf(live.current.layout, scrollPos.current.top, el?.clientHeight ?? 0);
    pendingAnchor.current = { index, fx: 0, fy: 0, viewX: 0, viewY: PAGE_GAP / 2 };
    setRotation((r) => (((r + quarterTurns * 90 + 360) % 360) as Rotation));
  }, []);

  // Ctrl + wheel zooms around the pointer (a non-passive listener: the page must not zoom instead).
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const bounds = el.getBoundingClientRect();
      const anchor = anchorAt(live.current.layout, el.scrollLeft, el.scrollTop, el.clientWidth, event.clientX - bounds.left, event.clientY - bounds.top);
      const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      const next = clampZoom(live.current.zoom * Math.exp(-delta * 0.002));
      if (Math.abs(next - live.current.zoom) < 1e-3) return;
      // Never the opposite way (a huge page fitted below the smallest zoom would jump to it).
      if ((next - live.current.zoom) * delta > 0) return;
      changeZoom({ mode: 'percent', value: Math.round(next * 100) / 100 }, anchor);
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [changeZoom]);

  // --- flash

  const flashId = useRef(0);
  const flash = useCallback(
    (index: number, rect: Rect) => {
      navigate(index, rect);
      const id = ++flashId.current;
      setFlashes((f) => [...f, { id, index, rect }]);
      setTimeout(() => setFlashes((f) => f.filter((x) => x.id !== id)), FLASH_MS);
    },
    [navigate],
  );

  // --- find

  const searchFrom = useRef(0);
  const openFind = useCallback(() => {
    // A new search starts from the page being read.
    searchFrom.current = live.current.current;
    setFindOpen(true);
    requestAnimationFrame(() => {
      findInput.current?.focus();
      findInput.current?.select();
    });
  }, []);

  const closeFind = () => {
    setFindOpen(false);
    setQuery('');
    scroller.current?.focus();
  };

  // Search the pages from the one being read, wrapping around; matches are listed in page order.
  useEffect(() => {
    const normalized = normalizeQuery(query);
    let cancelled = false;
    const timer = setTimeout(
      async () => {
        const startPage = searchFrom.current;
        const matches: Match[] = [];
        let searched = 0;
        // Functional updates that keep the state when nothing changes (no re-render on mount).
        setFind((f) => (f.query === normalized && f.matches.length === 0 && f.done === (normalized === '') ? f : { query: normalized, matches: [], searched: 0, done: normalized === '' }));
        setCurrentMatch(null);
        if (normalized === '') return;
        let chosen = false;
        for (let k = 0; k < n; k++) {
          const index = (startPage + k) % n;
          let found: Match[] = [];
          try {
            const text = await source.textIndex(index);
            if (cancelled) return;
            found = findInPage(text, index + 1, normalized).map((m) => ({ ...m, rects: matchRects(text, m) }));
          } catch {
            if (cancelled) return;
          }
          searched++;
          if (found.length > 0) {
            const at = matches.findIndex((m) => m.page > index + 1);
            matches.splice(at < 0 ? matches.length : at, 0, ...found);
          }
          const last = searched === n;
          if (found.length > 0 || last || searched % 20 === 0) {
            setFind({ query: normalized, matches: [...matches], searched, done: last });
            if (!chosen && matches.length > 0) {
              chosen = true;
              const first = matches[firstMatchFrom(matches, startPage + 1)]!;
              setCurrentMatch({ page: first.page, start: first.start });
              navigate(first.page - 1, unionRect(first.rects));
            }
          }
        }
      },
      normalized === '' ? 0 : 180,
    );
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query, source, n, navigate]);

  const matchIndex = currentMatch ? find.matches.findIndex((m) => m.page === currentMatch.page && m.start === currentMatch.start) : -1;

  const stepMatch = (direction: 1 | -1) => {
    const { matches } = find;
    if (matches.length === 0) return;
    const i = matchIndex < 0 ? firstMatchFrom(matches, currentIndex() + 1) : (matchIndex + direction + matches.length) % matches.length;
    const m = matches[i]!;
    setCurrentMatch({ page: m.page, start: m.start });
    navigate(m.page - 1, unionRect(m.rects));
  };

  // --- page navigation

  const goToPage = useCallback((index: number) => navigate(Math.max(0, Math.min(n - 1, index))), [navigate, n]);
  const nextPage = useCallback(() => goToPage(currentIndex() + 1), [goToPage, currentIndex]);
  const prevPage = useCallback(() => goToPage(currentIndex() - 1), [goToPage, currentIndex]);

  useImperativeHandle(
    apiRef,
    () => ({
      scrollTo: (page, rect) => navigate(page - 1, rect),
      flash: (page, rect) => flash(page - 1, rect),
      openFind,
      nextPage,
      prevPage,
      currentPage: () => currentIndex() + 1,
    }),
    [navigate, flash, openFind, nextPage, prevPage, currentIndex],
  );

  // Remember where the reader was when the document is switched or closed.
  const viewStateRef = useRef<ViewState>({ page: 1, zoom: zoomSetting, rotation, thumbnails });
  useEffect(() => {
    viewStateRef.current = { page: current + 1, zoom: zoomSetting, rotation, thumbnails };
  }, [current, zoomSetting, rotation, thumbnails]);
  const onViewStateRef = useRef(onViewState);
  useEffect(() => {
    onViewStateRef.current = onViewState;
  }, [onViewState]);
  useEffect(() => () => onViewStateRef.current?.(viewStateRef.current), []);

  // --- keyboard

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const mod = event.ctrlKey || event.metaKey;
    if (mod && !event.altKey && (event.key === 'f' || event.key === 'F')) {
      event.preventDefault();
      openFind();
      return;
    }
    if (mod && (event.key === '=' || event.key === '+')) {
      event.preventDefault();
      zoomBy(1);
      return;
    }
    if (mod && (event.key === '-' || event.key === '_')) {
      event.preventDefault();
      zoomBy(-1);
      return;
    }
    if (mod && event.key === '0') {
      event.preventDefault();
      changeZoom({ mode: 'fit-width' });
      return;
    }
    if (mod || event.altKey || isTextEntry(event.target)) return;
    const moves: Record<string, () => void> = {
      PageDown: nextPage,
      PageUp: prevPage,
      Home: () => goToPage(0),
      End: () => goToPage(n - 1),
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      move();
    }
  };

  // --- text selection → onTextSelected

  const onTextSelectedRef = useRef(onTextSelected);
  useEffect(() => {
    onTextSelectedRef.current = onTextSelected;
  }, [onTextSelected]);
  const reportSelection = useCallback(() => {
    const report = onTextSelectedRef.current;
    const el = scroller.current;
    if (!report || !el) return;
    const selection = selectionOnPage(el, live.current.geoms, live.current.scale, live.current.rotation);
    if (selection) report({ sha256: doc.sha256, ...selection });
  }, [doc.sha256]);

  // --- what is on screen

  const visible = visibleRange(layout, scroll.top, viewport.height);
  const mounted = viewport.height > 0 ? { first: Math.max(0, visible.first - MOUNT_OVERSCAN), last: Math.min(n - 1, visible.last + MOUNT_OVERSCAN) } : { first: 0, last: -1 };
  // Pages on screen are painted first; their neighbours once those show (the worker does one thing at a time).
  let visiblePainted = visible.last >= visible.first;
  for (let i = visible.first; i <= visible.last && visiblePainted; i++) visiblePainted = paintedKeys.get(i) === paintKey(geoms[i]!, scale, rotation);
  const overscan = visiblePainted ? PAINT_OVERSCAN : 0;
  const painted = { first: visible.first - overscan, last: visible.last + overscan };

  const byPage = useMemo(() => {
    const map = new Map<number, PageHighlight[]>();
    const add = (page: number, h: PageHighlight) => {
      const list = map.get(page);
      if (list) list.push(h);
      else map.set(page, [h]);
    };
    for (const h of highlights) add(h.page - 1, { rects: h.rects, kind: h.kind, label: h.label });
    for (const m of find.matches) add(m.page - 1, { rects: m.rects, kind: 'find', current: currentMatch !== null && m.page === currentMatch.page && m.start === currentMatch.start });
    for (const f of flashes) add(f.index, { rects: [f.rect], kind: 'flash' });
    return map;
  }, [highlights, find.matches, currentMatch, flashes]);

  const firstPaintSeen = useRef(false);
  const onPainted = useCallback(
    (index: number, key: string | null) => {
      setPaintedKeys((m) => {
        if ((m.get(index) ?? null) === key) return m;
        const next = new Map(m);
        if (key === null) next.delete(index);
        else next.set(index, key);
        return next;
      });
      if (key === null) return;
      if (firstPaintSeen.current) return;
      firstPaintSeen.current = true;
      performance.mark('poe-viewer:first-page', { detail: { sha256: doc.sha256 } });
      setWarm(true);
    },
    [doc.sha256],
  );

  const pages: ReactNode[] = [];
  for (let i = mounted.first; i <= mounted.last; i++) {
    pages.push(
      <PageView
        key={i}
        sha256={doc.sha256}
        source={source}
        index={i}
        geom={geoms[i]!}
        scale={scale}
        rotation={rotation}
        top={layout.tops[i]!}
        left={pageLeft(layout, i, viewport.width)}
        paint={i >= painted.first && i <= painted.last}
        highlights={byPage.get(i) ?? EMPTY}
        renderOverlay={renderPageOverlay}
        onPainted={onPainted}
      />,
    );
  }

  const zoomOptions: { value: string; label: string }[] = [
    { value: 'fit-width', label: t('viewer.fitWidth') },
    { value: 'fit-page', label: t('viewer.fitPage') },
    ...ZOOM_STEPS.map((z) => ({ value: String(z), label: t('viewer.percent', { value: Math.round(z * 100) }) })),
  ];
  const zoomSelected = zoomValue(zoomSetting);
  if (!zoomOptions.some((o) => o.value === zoomSelected)) zoomOptions.push({ value: zoomSelected, label: t('viewer.percent', { value: Math.round(zoom * 100) }) });

  const findStatus = (() => {
    if (!findOpen || find.query === '') return '';
    if (source.kind === 'image') return t('viewer.findNoText');
    if (find.matches.length > 0) return t('viewer.findCount', { current: matchIndex + 1, total: find.matches.length });
    if (!find.done) return t('viewer.findSearching', { page: find.searched, count: n });
    return t('viewer.findNone');
  })();

  const commitPage = () => {
    if (pageDraft === null) return;
    const page = Number.parseInt(pageDraft, 10);
    setPageDraft(null);
    if (Number.isFinite(page)) goToPage(page - 1);
  };

  return (
    <div className="poe-doc" onKeyDown={onKeyDown}>
      <div role="toolbar" aria-label={t('viewer.toolbar')} className="poe-toolbar">
        {n > 1 && (
          <button type="button" className="poe-tool" aria-pressed={thumbnails} onClick={() => setThumbnails((v) => !v)}>
            {t('viewer.thumbnails')}
          </button>
        )}
        <span className="poe-toolbar__group">
          <button type="button" className="poe-tool" aria-label={t('viewer.prevPage')} title={t('viewer.prevPage')} disabled={current <= 0} onClick={prevPage}>
            ▲
          </button>
          <button type="button" className="poe-tool" aria-label={t('viewer.nextPage')} title={t('viewer.nextPage')} disabled={current >= n - 1} onClick={nextPage}>
            ▼
          </button>
          <label className="poe-page-input">
            <span className="poe-sr-only">{t('viewer.pageNumber')}</span>
            <input
              type="number"
              min={1}
              max={n}
              inputMode="numeric"
              value={pageDraft ?? String(current + 1)}
              onChange={(e) => setPageDraft(e.target.value)}
              onBlur={commitPage}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  commitPage();
                } else if (e.key === 'Escape') setPageDraft(null);
              }}
            />
          </label>
          <span className="poe-page-count">{t('viewer.pageCount', { count: n })}</span>
        </span>
        <span className="poe-toolbar__group">
          <button type="button" className="poe-tool" aria-label={t('viewer.zoomOut')} title={`${t('viewer.zoomOut')} (Ctrl+-)`} onClick={() => zoomBy(-1)}>
            −
          </button>
          <label>
            <span className="poe-sr-only">{t('viewer.zoom')}</span>
            <select
              className="poe-zoom"
              value={zoomSelected}
              onChange={(e) => {
                const v = e.target.value;
                changeZoom(v === 'fit-width' || v === 'fit-page' ? { mode: v } : { mode: 'percent', value: Number(v) });
              }}
            >
              {zoomOptions.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="poe-tool" aria-label={t('viewer.zoomIn')} title={`${t('viewer.zoomIn')} (Ctrl+=)`} onClick={() => zoomBy(1)}>
            +
          </button>
        </span>
        <span className="poe-toolbar__group">
          <button type="button" className="poe-tool" aria-label={t('viewer.rotateCcw')} title={t('viewer.rotateCcw')} onClick={() => rotate(-1)}>
            ⟲
          </button>
          <button type="button" className="poe-tool" aria-label={t('viewer.rotateCw')} title={t('viewer.rotateCw')} onClick={() => rotate(1)}>
            ⟳
          </button>
        </span>
        <button
          type="button"
          className="poe-tool"
          aria-expanded={findOpen}
          title={`${t('viewer.find')} (Ctrl+F)`}
          onClick={openFind}
        >
          {t('viewer.find')}
        </button>
      </div>
      {source.totalPages > n && (
        <p className="poe-doc__notice" role="status">
          {t('viewer.pagesCapped', { shown: n, total: source.totalPages })}
        </p>
      )}
      {findOpen && (
        <div className="poe-find" role="search">
          <input
            ref={findInput}
            type="search"
            aria-label={t('viewer.find')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                stepMatch(e.shiftKey ? -1 : 1);
              } else if (e.key === 'Escape') {
                e.preventDefault();
                closeFind();
              }
            }}
          />
          <button type="button" className="poe-tool" aria-label={t('viewer.findPrev')} title={`${t('viewer.findPrev')} (Shift+Enter)`} disabled={find.matches.length === 0} onClick={() => stepMatch(-1)}>
            ↑
          </button>
          <button type="button" className="poe-tool" aria-label={t('viewer.findNext')} title={`${t('viewer.findNext')} (Enter)`} disabled={find.matches.length === 0} onClick={() => stepMatch(1)}>
            ↓
          </button>
          <span role="status" className="poe-find__status">
            {findStatus}
          </span>
          <button type="button" className="poe-tool" aria-label={t('viewer.findClose')} title={`${t('viewer.findClose')} (Esc)`} onClick={closeFind}>
            ×
          </button>
        </div>
      )}
      <div className="poe-doc__body">
        {thumbnails && n > 1 && (warm ? <Thumbnails source={source} geoms={geoms} rotation={rotation} current={current} onSelect={goToPage} /> : <div className="poe-thumbs" />)}
        <div
          ref={scroller}
          className="poe-scroller"
          tabIndex={0}
          role="region"
          aria-label={t('viewer.pages', { file: doc.fileName })}
          onMouseUp={reportSelection}
          onKeyUp={(e) => {
            if (e.shiftKey) reportSelection();
          }}
        >
          <div className="poe-scroller__content" style={{ height: layout.totalHeight, width: layout.totalWidth }}>
            {pages}
          </div>
        </div>
      </div>
    </div>
  );
}

function currentIndexOf(layout: Layout, top: number, height: number): number {
  return currentPageIndex(layout, top, height);
}

/** The selection, if it starts in a page's text layer: its text and regions (user space) on that page. */
function selectionOnPage(scrollerEl: HTMLElement, geoms: readonly PageGeom[], scale: number, rotation: Rotation): Omit<TextSelection, 'sha256'> | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const start = range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement;
  const pageEl = start?.closest<HTMLElement>('.poe-page');
  if (!pageEl || !scrollerEl.contains(pageEl)) return null;
  const index = Number(pageEl.dataset['page']) - 1;
  const geom = geoms[index];
  if (!geom) return null;
  const vp = pageViewport(geom, scale, rotation);
  const box = pageEl.getBoundingClientRect();
  const rects: Rect[] = [];
  const textParts: string[] = [];
  // Only text nodes count: a range's own rectangles also include whole elements it spans.
  const walker = document.createTreeWalker(pageEl, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!range.intersectsNode(node)) continue;
    const part = document.createRange();
    part.selectNodeContents(node);
    if (node === range.startContainer) part.setStart(node, range.startOffset);
    if (node === range.endContainer) part.setEnd(node, range.endOffset);
    textParts.push(part.toString());
    for (const r of part.getClientRects()) {
      const left = Math.max(r.left, box.left) - box.left;
      const top = Math.max(r.top, box.top) - box.top;
      const right = Math.min(r.right, box.right) - box.left;
      const bottom = Math.min(r.bottom, box.bottom) - box.top;
      if (right - left < 0.5 || bottom - top < 0.5) continue;
      rects.push(cssRectToPdf(vp, { left, top, width: right - left, height: bottom - top }));
    }
  }
  const text = selection.toString().trim() || textParts.join('').trim();
  if (text === '' || rects.length === 0) return null;
  return { page: index + 1, text, rects };
}
