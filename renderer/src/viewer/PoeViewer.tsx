/**
 * The PoE viewer: a claim's PoE files (tabs when there are several) shown one at a time with
 * pdf.js (PDF) or as an image (PNG/JPEG) in the same frame, with an overlay API in PDF user space
 * for the review tools. See README.md in this folder for the contract.
 */
import { useCallback, useImperativeHandle, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../i18n';
import { DocumentView } from './DocumentView';
import type { PagesApi, ViewState } from './PagesView';
import type { Highlight, PoeViewerProps, Rect } from './types';
import './viewer.css';

const NO_HIGHLIGHTS: readonly Highlight[] = [];

// Fetch and compile pdf.js (a chunk of its own) once the app is idle, so the first PoE a reviewer
// opens does not wait for it. Only the module: its worker starts when a PDF is opened.
if (typeof window !== 'undefined') {
  const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1000));
  idle(() => void import('./pdfjs').catch(() => undefined));
}

type PendingNav = { sha256: string; page: number; rect?: Rect | undefined; flash: boolean; find: boolean };

export function PoeViewer({ documents, loadBytes, renderPageOverlay, highlights, onTextSelected, onMarkInvalid, controllerRef, label }: PoeViewerProps) {
  const [chosen, setChosen] = useState<string | null>(null);
  const active = documents.find((d) => d.sha256 === chosen) ?? documents[0];
  const pages = useRef<PagesApi | null>(null);
  /** Where each document was left (page, zoom, rotation), to come back to it. */
  const [viewStates, setViewStates] = useState<ReadonlyMap<string, ViewState>>(() => new Map());
  const pending = useRef<PendingNav | null>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  // The document view's API once it is ready; a navigation asked for before that waits here.
  const setPagesApi = useCallback((api: PagesApi | null) => {
    pages.current = api;
    const nav = pending.current;
    if (!api || !nav) return;
    pending.current = null;
    if (nav.find) api.openFind();
    else if (nav.flash && nav.rect) api.flash(nav.page, nav.rect);
    else api.scrollTo(nav.page, nav.rect);
  }, []);

  const activeSha = active?.sha256;
  const run = useCallback(
    (nav: PendingNav) => {
      if (nav.sha256 !== activeSha || !pages.current) {
        pending.current = nav;
        if (nav.sha256 !== activeSha) setChosen(nav.sha256);
        return;
      }
      if (nav.find) pages.current.openFind();
      else if (nav.flash && nav.rect) pages.current.flash(nav.page, nav.rect);
      else pages.current.scrollTo(nav.page, nav.rect);
    },
    [activeSha],
  );

  useImperativeHandle(
    controllerRef,
    () => ({
      scrollTo: (sha256, page, rect) => run({ sha256, page, rect, flash: false, find: false }),
      flash: (sha256, page, rect) => run({ sha256, page, rect, flash: true, find: false }),
      openFind: () => activeSha && run({ sha256: activeSha, page: 1, flash: false, find: true }),
      nextPage: () => pages.current?.nextPage(),
      prevPage: () => pages.current?.prevPage(),
      currentPage: () => ({ sha256: activeSha ?? '', page: pages.current?.currentPage() ?? 0 }),
    }),
    [run, activeSha],
  );

  const docHighlights = useMemo(() => (highlights ?? NO_HIGHLIGHTS).filter((h) => h.sha256 === activeSha), [highlights, activeSha]);
  const rememberView = useCallback((sha256: string, state: ViewState) => setViewStates((m) => new Map(m).set(sha256, state)), []);

  if (!active) return null;

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const moves: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: documents.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const doc = documents[(target + documents.length) % documents.length]!;
    setChosen(doc.sha256);
    tabRefs.current.get(doc.sha256)?.focus();
  };

  const panelId = `poe-panel-${active.sha256.slice(0, 12)}`;
  return (
    <section className="poe-viewer" aria-label={label ?? t('viewer.region')}>
      {documents.length > 1 && (
        <div role="tablist" aria-label={t('viewer.tabs')} className="poe-tabs">
          {documents.map((doc, i) => {
            const selected = doc.sha256 === active.sha256;
            return (
              <button
                key={doc.sha256}
                ref={(el) => {
                  if (el) tabRefs.current.set(doc.sha256, el);
                  else tabRefs.current.delete(doc.sha256);
                }}
                type="button"
                role="tab"
                id={`poe-tab-${doc.sha256.slice(0, 12)}`}
                aria-selected={selected}
                aria-controls={selected ? panelId : undefined}
                tabIndex={selected ? 0 : -1}
                className="poe-tab"
                onClick={() => setChosen(doc.sha256)}
                onKeyDown={(e) => onTabKey(e, i)}
              >
                {doc.fileName}
              </button>
            );
          })}
        </div>
      )}
      <div
        id={panelId}
        className="poe-viewer__panel"
        {...(documents.length > 1 ? { role: 'tabpanel', 'aria-labelledby': `poe-tab-${active.sha256.slice(0, 12)}` } : {})}
      >
        <DocumentView
          key={active.sha256}
          doc={active}
          loadBytes={loadBytes}
          highlights={docHighlights}
          renderPageOverlay={renderPageOverlay}
          onTextSelected={onTextSelected}
          onMarkInvalid={onMarkInvalid}
          initial={viewStates.get(active.sha256)}
          onViewState={rememberView}
          apiRef={setPagesApi}
        />
      </div>
    </section>
  );
}
