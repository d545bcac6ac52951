/**
 * pdf.js for the viewer, loaded on demand (a dynamic import keeps it out of the app's first load).
 *
 * Safety: documents are untrusted. `isEvalSupported: false` (PDF functions are interpreted, never
 * compiled with eval / new Function), no XFA, and no scripting at all: the viewer never creates
 * pdf.js' scripting sandbox nor reads a document's JavaScript actions, and it renders no
 * annotation layer (no links or form widgets to click; annotation appearances are painted into
 * the canvas like the rest of the page).
 *
 * Offline: the parser runs in a Web Worker from our own bundle, and the binary data pdf.js asks
 * for (CMaps for CJK text such as Japanese PoE, the standard fonts, the JBIG2/OpenJPEG/QCMS wasm
 * decoders) is bundled by Vite and handed to the worker by `BundledDataFactory` below, instead of
 * being fetched from a CDN or a fixed folder.
 */
import { getDocument, GlobalWorkerOptions, PDFWorker, type PDFDocumentLoadingTask, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/** Vite emits each file as an asset (never inlined) and gives us its URL. */
const ASSETS: Record<string, string> = {
  ...(import.meta.glob('../../../node_modules/pdfjs-dist/cmaps/*.bcmap', { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>),
  ...(import.meta.glob('../../../node_modules/pdfjs-dist/standard_fonts/*.{pfb,ttf}', { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>),
  ...(import.meta.glob('../../../node_modules/pdfjs-dist/wasm/*.wasm', { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>),
};

type DataKind = 'cMapUrl' | 'standardFontDataUrl' | 'wasmUrl';
const FOLDERS: Record<DataKind, string> = { cMapUrl: 'cmaps', standardFontDataUrl: 'standard_fonts', wasmUrl: 'wasm' };

/** "cmaps/90ms-RKSJ-H.bcmap" → URL, from the glob keys. */
const BY_NAME = new Map<string, string>(
  Object.entries(ASSETS).map(([path, url]) => {
    const parts = path.split('/');
    return [`${parts.at(-2)}/${parts.at(-1)}`, url];
  }),
);

export function bundledDataUrl(kind: DataKind, filename: string): string | undefined {
  return BY_NAME.get(`${FOLDERS[kind]}/${filename}`);
}

/** pdf.js' BinaryDataFactory interface: the worker asks the page for CMaps, fonts and wasm by name. */
class BundledDataFactory {
  async fetch({ kind, filename }: { kind: DataKind; filename: string }): Promise<Uint8Array> {
    const url = bundledDataUrl(kind, filename);
    if (!url) throw new Error(`pdf.js data ${kind} ${filename} is not bundled`);
    const response = await fetch(url);
    if (!response.ok) throw new Error(`pdf.js data ${filename}: ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}

/** One worker for every document of the session: opening the next file does not start a new one. */
let sharedWorker: PDFWorker | null = null;
function worker(): PDFWorker {
  if (!sharedWorker || sharedWorker.destroyed) sharedWorker = new PDFWorker();
  return sharedWorker;
}

/** Starts the worker (it loads and compiles ~1 MB of pdf.js) while the file's bytes are still being read. */
export function warmUp(): void {
  worker();
}

export type OpenPdfOptions = {
  /** Called when the file needs a password (`incorrect` after a wrong one); answer with `supply`. */
  onPassword(supply: (password: string) => void, incorrect: boolean): void;
};

/** Opens a PDF from bytes (pdf.js takes ownership of them: pass a copy you do not need). */
export function openPdf(data: Uint8Array, options: OpenPdfOptions): PDFDocumentLoadingTask {
  const task = getDocument({
    data,
    worker: worker(),
    isEvalSupported: false,
    enableXfa: false,
    // The worker asks BundledDataFactory for CMaps, standard fonts and wasm (no URLs: nothing is fetched from elsewhere).
    useWorkerFetch: false,
    BinaryDataFactory: BundledDataFactory,
    // Partners' files are often a little broken: show what can be shown.
    stopAtErrors: false,
    verbosity: 0,
  });
  task.onPassword = (supply: (password: string) => void, reason: number) => options.onPassword(supply, reason === 2);
  return task;
}

export type { PDFDocumentProxy, PDFDocumentLoadingTask };
export { TextLayer, AnnotationMode } from 'pdfjs-dist';
