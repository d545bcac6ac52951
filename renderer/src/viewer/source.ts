/**
 * A document as the viewer sees it, whatever the file: pages with a geometry, painted into a
 * canvas on demand, with text (PDF) for the text layer and find. PDFs go through pdf.js (loaded
 * lazily, see pdfjs.ts); PNG/JPEG are one page whose user space is the image's pixels.
 */
import { buildPageIndex, type PageTextIndex } from './find';
import { imageGeom, imageToUser, multiply, normalizeRotation, pageViewport, PDF_TO_CSS, type PageGeom } from './geometry';
import type { PDFDocumentProxy } from './pdfjs';
import type { Rotation } from './types';

export type Job = { promise: Promise<void>; cancel(): void };

export interface DocumentSource {
  readonly kind: 'pdf' | 'image';
  readonly numPages: number;
  /** Pages of the file; more than `numPages` when the file has more than the viewer lays out. */
  readonly totalPages: number;
  /** CSS px per user-space unit at zoom 100 %. */
  readonly unit: number;
  /** Geometry of every page; pages not measured yet borrow page 1's (see `measureAll`). */
  geoms(): readonly PageGeom[];
  /** Measures the remaining pages in the background; resolves with the full list once, or null if nothing changed. */
  measureAll(signal: AbortSignal): Promise<readonly PageGeom[] | null>;
  /** Paints a page into `canvas` at `scale` CSS px per unit, `outputScale` device px per CSS px. */
  render(index: number, canvas: HTMLCanvasElement, scale: number, rotation: Rotation, outputScale: number): Job;
  /** Fills `container` with pdf.js' text layer for selection and copy; null if the page has no text layer. */
  renderText(index: number, container: HTMLElement, scale: number, rotation: Rotation): Job | null;
  /** Text of a page for find (cached, compact). */
  textIndex(index: number): Promise<PageTextIndex>;
  /** Lets go of what a page far from view holds (operator lists, decoded images). */
  release(index: number): void;
  destroy(): void;
}

const done: Job = { promise: Promise.resolve(), cancel() {} };

function cancelledError(): Error {
  const error = new Error('cancelled');
  error.name = 'RenderingCancelledException';
  return error;
}

export function isCancelled(error: unknown): boolean {
  return error instanceof Error && (error.name === 'RenderingCancelledException' || error.name === 'AbortException');
}

function geomOf(page: { view: number[]; rotate: number; userUnit: number }): PageGeom {
  const [x0 = 0, y0 = 0, x1 = 612, y1 = 792] = page.view;
  return { view: [x0, y0, x1, y1], rotate: normalizeRotation(page.rotate), userUnit: page.userUnit || 1 };
}

/** Backing store of one canvas: at most ~16 M pixels (about 64 MB)… */
export const MAX_CANVAS_PIXELS = 16 * 1024 * 1024;
/** …and at most this many pixels a side (browsers refuse larger canvases: nothing would paint). */
export const MAX_CANVAS_SIDE = 16_384;

/**
 * Device px per CSS px for a page box of `width` × `height` CSS px: `outputScale`, or less so the
 * canvas stays within the limits above whatever the zoom or the page's size (a 1,000,000 pt page is
 * painted, blurred, rather than not at all). The canvas is stretched over the page box by CSS.
 */
export function canvasScale(width: number, height: number, outputScale: number): number {
  let scale = outputScale;
  if (width * height * scale * scale > MAX_CANVAS_PIXELS) scale = Math.sqrt(MAX_CANVAS_PIXELS / (width * height));
  if (Math.max(width, height) * scale > MAX_CANVAS_SIDE) scale = MAX_CANVAS_SIDE / Math.max(width, height);
  return Number.isFinite(scale) && scale > 0 ? scale : outputScale;
}

function sizeCanvas(canvas: HTMLCanvasElement, width: number, height: number, outputScale: number): number {
  const scale = canvasScale(width, height, outputScale);
  canvas.width = Math.min(MAX_CANVAS_SIDE, Math.max(1, Math.floor(width * scale)));
  canvas.height = Math.min(MAX_CANVAS_SIDE, Math.max(1, Math.floor(height * scale)));
  return scale;
}

/**
 * Pages the viewer lays out at most. Beyond a few thousand the scroll content outgrows what the
 * browser can position (about 33 million CSS px), and measuring every page keeps pdf.js busy for
 * minutes; the server refuses files of more than 1,000 pages, so only a file stored otherwise gets
 * here. The viewer shows the first pages and says how many the file has.
 */
export const MAX_VIEW_PAGES = 5000;

export class PdfSource implements DocumentSource {
  readonly kind = 'pdf';
  readonly unit = PDF_TO_CSS;
  readonly numPages: number;
  readonly totalPages: number;
  #geoms: PageGeom[];
  #measured = 1;
  #text = new Map<number, Promise<PageTextIndex>>();
  #destroyed = false;

  private constructor(
    private readonly pdf: PDFDocumentProxy,
    first: PageGeom,
  ) {
    this.totalPages = pdf.numPages;
    this.numPages = Math.min(pdf.numPages, MAX_VIEW_PAGES);
    this.#geoms = Array.from({ length: this.numPages }, () => first);
  }

  static async open(pdf: PDFDocumentProxy): Promise<PdfSource> {
    const first = await pdf.getPage(1);
    return new PdfSource(pdf, geomOf(first));
  }

  geoms(): readonly PageGeom[] {
    return this.#geoms;
  }

  async measureAll(signal: AbortSignal): Promise<readonly PageGeom[] | null> {
    if (this.#measured >= this.numPages) return null;
    const next = [...this.#geoms];
    let changed = false;
    for (let i = this.#measured; i < this.numPages; i++) {
      if (signal.aborted || this.#destroyed) return null;
      const page = await this.pdf.getPage(i + 1);
      const geom = geomOf(page);
      const first = next[0]!;
      if (geom.rotate !== first.rotate || geom.userUnit !== first.userUnit || geom.view.some((v, k) => v !== first.view[k])) {
        next[i] = geom;
        changed = true;
      }
      // Let rendering and input run between batches.
      if (i % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.#measured = this.numPages;
    if (!changed) return null;
    this.#geoms = next;
    return next;
  }

  render(index: number, canvas: HTMLCanvasElement, scale: number, rotation: Rotation, outputScale: number): Job {
    let task: { cancel(): void; promise: Promise<void> } | null = null;
    let cancelled = false;
    const promise = (async () => {
      const page = await this.pdf.getPage(index + 1);
      if (cancelled) throw cancelledError();
      const viewport = page.getViewport({ scale, rotation: normalizeRotation(page.rotate + rotation) });
      const os = sizeCanvas(canvas, viewport.width, viewport.height, outputScale);
      task = page.render({ canvas, viewport, ...(os !== 1 ? { transform: [os, 0, 0, os, 0, 0] } : {}) });
      await task.promise;
    })();
    return {
      promise,
      cancel() {
        cancelled = true;
        task?.cancel();
      },
    };
  }

  renderText(index: number, container: HTMLElement, scale: number, rotation: Rotation): Job {
    let layer: { cancel(): void } | null = null;
    let cancelled = false;
    const promise = (async () => {
      const [{ TextLayer }, page] = await Promise.all([import('./pdfjs'), this.pdf.getPage(index + 1)]);
      if (cancelled) throw cancelledError();
      const viewport = page.getViewport({ scale, rotation: normalizeRotation(page.rotate + rotation) });
      container.style.setProperty('--total-scale-factor', String(scale * (page.userUnit || 1)));
      const textLayer = new TextLayer({ textContentSource: page.streamTextContent(), container, viewport });
      layer = textLayer;
      await textLayer.render();
    })();
    return {
      promise,
      cancel() {
        cancelled = true;
        layer?.cancel();
      },
    };
  }

  textIndex(index: number): Promise<PageTextIndex> {
    let cached = this.#text.get(index);
    if (!cached) {
      cached = this.pdf
        .getPage(index + 1)
        .then((page) => page.getTextContent())
        .then((content) => buildPageIndex(content.items));
      cached.catch(() => this.#text.delete(index));
      this.#text.set(index, cached);
    }
    return cached;
  }

  release(index: number): void {
    if (this.#destroyed) return;
    // Only pages pdf.js already holds; cleanup() refuses (returns false) while a render is running.
    void this.pdf.getPage(index + 1).then((page) => page.cleanup(), () => undefined);
  }

  destroy(): void {
    this.#destroyed = true;
    this.#text.clear();
    void this.pdf.destroy();
  }
}

export class ImageSource implements DocumentSource {
  readonly kind = 'image';
  readonly numPages = 1;
  readonly totalPages = 1;
  /** 100 % shows one image pixel per CSS px. */
  readonly unit = 1;
  readonly #geom: PageGeom;

  private constructor(
    private readonly image: HTMLImageElement,
    private readonly url: string,
  ) {
    this.#geom = imageGeom(image.naturalWidth, image.naturalHeight);
  }

  /** Decodes the image; rejects if it is damaged. */
  static async open(bytes: Uint8Array, mediaType: 'image/png' | 'image/jpeg'): Promise<ImageSource> {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaType }));
    const image = new Image();
    image.src = url;
    try {
      await image.decode();
      if (image.naturalWidth === 0 || image.naturalHeight === 0) throw new Error('empty image');
    } catch (error) {
      URL.revokeObjectURL(url);
      throw error;
    }
    return new ImageSource(image, url);
  }

  geoms(): readonly PageGeom[] {
    return [this.#geom];
  }

  async measureAll(): Promise<null> {
    return null;
  }

  render(_index: number, canvas: HTMLCanvasElement, scale: number, rotation: Rotation, outputScale: number): Job {
    const vp = pageViewport(this.#geom, scale, rotation);
    const os = sizeCanvas(canvas, vp.width, vp.height, outputScale);
    const ctx = canvas.getContext('2d');
    if (!ctx) return { promise: Promise.reject(new Error('no 2d context')), cancel() {} };
    // Device px ← CSS px ← user space ← image pixels: the same transform the overlays use.
    const m = multiply([os, 0, 0, os, 0, 0], multiply(vp.transform, imageToUser(this.image.naturalHeight)));
    ctx.setTransform(m[0], m[1], m[2], m[3], m[4], m[5]);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(this.image, 0, 0);
    return done;
  }

  renderText(): null {
    return null;
  }

  async textIndex(): Promise<PageTextIndex> {
    return buildPageIndex([]);
  }

  release(): void {}

  destroy(): void {
    URL.revokeObjectURL(this.url);
    this.image.src = '';
  }
}
