/**
 * The viewer bench page: the real PoeViewer (renderer/src/viewer) and, for the baseline, bare
 * pdfjs-dist rendering page 1 into a canvas, in the same page. run.ts drives it through
 * `window.__viewerBench`.
 */
import { createRef } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { getDocument, GlobalWorkerOptions } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

import { PoeViewer, type ViewerController } from '../../renderer/src/viewer';

GlobalWorkerOptions.workerSrc = workerUrl;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const FIRST_PAGE_MARK = 'poe-viewer:first-page';

function waitForMark(after: number, timeoutMs = 60_000): Promise<number> {
  return new Promise((resolve, reject) => {
    const found = () => performance.getEntriesByName(FIRST_PAGE_MARK, 'mark').find((m) => m.startTime >= after);
    const hit = found();
    if (hit) return resolve(hit.startTime);
    const observer = new PerformanceObserver(() => {
      const mark = found();
      if (mark) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(mark.startTime);
      }
    });
    observer.observe({ type: 'mark' });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('first page never rendered'));
    }, timeoutMs);
  });
}

let root: Root | null = null;
const controller = createRef<ViewerController>();

function scroller(): HTMLElement {
  const el = document.querySelector<HTMLElement>('.poe-scroller');
  if (!el) throw new Error('no viewer open');
  return el;
}

const bench = {
  /** Resolves when the page is idle (as an app is before the reviewer opens a claim). */
  settle(): Promise<void> {
    return new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 }));
  },

  /** Opens a PDF in the viewer; ms from mounting to page 1 painted (bytes already in memory, as from IndexedDB). */
  async viewer(url: string): Promise<{ ms: number; numPages: number }> {
    const bytes = await fetchBytes(url);
    root?.unmount();
    root = createRoot(document.getElementById('root')!);
    performance.clearMarks(FIRST_PAGE_MARK);
    const t0 = performance.now();
    const doc = { sha256: 'f'.repeat(64), fileName: url.split('/').pop() ?? 'file.pdf', mediaType: 'application/pdf' as const };
    flushSync(() => root!.render(<PoeViewer documents={[doc]} loadBytes={async () => bytes.slice()} controllerRef={controller} />));
    const painted = await waitForMark(t0);
    const count = document.querySelector('.poe-page-count')?.textContent ?? '';
    return { ms: painted - t0, numPages: Number(count.replace(/\D/g, '')) };
  },

  unmount(): void {
    root?.unmount();
    root = null;
  },

  /** CSS px per PDF point of page 1 in the viewer (so the baseline renders the same pixels). */
  cssScale(pageWidthPt: number): number {
    const page = document.querySelector<HTMLElement>('.poe-page[data-page="1"]');
    if (!page) throw new Error('page 1 not in the DOM');
    return page.getBoundingClientRect().width / pageWidthPt;
  },

  /** Bare pdfjs-dist: getDocument on the same bytes, page 1 rendered into a canvas at `scale`. */
  async bare(url: string, scale: number): Promise<{ ms: number }> {
    const bytes = await fetchBytes(url);
    const host = document.getElementById('bare')!;
    const t0 = performance.now();
    const task = getDocument({ data: bytes, isEvalSupported: false });
    const pdf = await task.promise;
    const page = await pdf.getPage(1);
    const viewport = page.getViewport({ scale });
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    host.replaceChildren(canvas);
    await page.render({ canvas, viewport }).promise;
    const ms = performance.now() - t0;
    await pdf.destroy();
    canvas.width = 0;
    host.replaceChildren();
    return { ms };
  },

  /** Scrolls one viewport down; `done` once the bottom is reached. */
  scrollStep(): { done: boolean; page: number } {
    const el = scroller();
    const before = el.scrollTop;
    el.scrollTop = before + el.clientHeight;
    return { done: el.scrollTop === before || el.scrollTop + el.clientHeight >= el.scrollHeight - 1, page: controller.current?.currentPage().page ?? 0 };
  },

  /** Resolves once every page box intersecting the viewport shows its painted canvas. */
  async waitPainted(timeoutMs = 5000): Promise<boolean> {
    const el = scroller();
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const view = el.getBoundingClientRect();
      const pages = [...el.querySelectorAll<HTMLElement>('.poe-page')].filter((p) => {
        const r = p.getBoundingClientRect();
        return r.bottom > view.top && r.top < view.bottom;
      });
      if (pages.length > 0 && pages.every((p) => p.dataset['painted'] === 'true')) return true;
      if (performance.now() > deadline) return false;
    }
  },

  /** DOM cost of the open document: page boxes and canvases that exist now. */
  domCounts(): { pages: number; canvases: number; canvasPixels: number } {
    const canvases = [...document.querySelectorAll('canvas')];
    return {
      pages: document.querySelectorAll('.poe-page').length,
      canvases: canvases.length,
      canvasPixels: canvases.reduce((sum, c) => sum + c.width * c.height, 0),
    };
  },
};

declare global {
  interface Window {
    __viewerBench: typeof bench;
  }
}

window.__viewerBench = bench;

export type ViewerBench = typeof bench;
