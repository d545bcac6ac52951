/**
 * The PoE viewer's public types: what a claim page, the review tools and the deficiency report
 * code against. Coordinates of regions are always PDF user space (`Rect` from the shared core:
 * x, y of the lower-left corner, origin bottom-left, in PDF points; image pixels for PNG/JPEG),
 * so a mark made at 300 % on a rotated page is the same mark at fit-width.
 */
import type { ReactNode, Ref } from 'react';
import type { PoeDocument as ClaimDocument, Rect } from '@shared/index';

export type { Rect };

/** What the viewer needs to know of a document; a claim's `PoeDocument` fits as is. */
export type PoeDocument = Pick<ClaimDocument, 'sha256' | 'fileName' | 'mediaType'> & Partial<Pick<ClaimDocument, 'pages'>>;

/** Quarter turns only, clockwise, as the user sees the page (the page's own /Rotate included). */
export type Rotation = 0 | 90 | 180 | 270;

/** A rectangle on screen in CSS pixels, relative to the top-left corner of the page box. */
export type CssRect = { left: number; top: number; width: number; height: number };

/** A point: PDF user space for `toPdf`'s result, CSS px in the page box for its argument. */
export type Point = { x: number; y: number };

/** Passed to `renderPageOverlay` for every page that is on screen (or close to it). */
export type PageOverlayProps = {
  sha256: string;
  /** 1-based page number. */
  page: number;
  /** Size of the page box on screen, CSS px (already rotated). */
  cssWidth: number;
  cssHeight: number;
  /** How the page is turned on screen: the page's own /Rotate plus the user's rotation. */
  rotation: Rotation;
  /** CSS px per user-space unit (zoom 100 % of a PDF is 96/72 ≈ 1.333; of an image 1). */
  scale: number;
  /** User-space rectangle → CSS box in the page box (exact for every zoom and rotation). */
  toCss(rect: Rect): CssRect;
  /** CSS px point in the page box → user-space point (the inverse of `toCss`). */
  toPdf(point: Point): Point;
};

export type HighlightKind = 'find' | 'suggestion' | 'annotation' | 'flash';

/** Regions the viewer paints over a page (under the overlay), in user space. */
export type Highlight = { sha256: string; page: number; rects: Rect[]; kind: HighlightKind; /** Optional accessible name / tooltip. */ label?: string };

export type TextSelection = { sha256: string; page: number; text: string; rects: Rect[] };

/** Imperative handle (through `controllerRef`) for review tools and keyboard shortcuts. */
export type ViewerController = {
  /** Shows the document (switching tabs if needed) and scrolls the page, or the rectangle on it, into view. */
  scrollTo(sha256: string, page: number, rect?: Rect): void;
  /** Scrolls to the rectangle and flashes it briefly. */
  flash(sha256: string, page: number, rect: Rect): void;
  /** Opens the find bar and focuses its input. */
  openFind(): void;
  nextPage(): void;
  prevPage(): void;
  /** The document shown and its page at the top of the view (1-based); page 0 while nothing is open. */
  currentPage(): { sha256: string; page: number };
};

export type InvalidReason = 'corrupt' | 'password';

export type PoeViewerProps = {
  documents: PoeDocument[];
  /** The file's bytes (from IndexedDB, or the server); a rejection shows "not available". */
  loadBytes(sha256: string): Promise<Uint8Array>;
  renderPageOverlay?: (props: PageOverlayProps) => ReactNode;
  highlights?: Highlight[];
  onTextSelected?(selection: TextSelection): void;
  /** The reviewer pressed "Mark PoE missing or invalid" on a file that cannot be read. */
  onMarkInvalid?(sha256: string, reason: InvalidReason): void;
  controllerRef?: Ref<ViewerController>;
  /** Accessible name of the viewer region; defaults to "PoE viewer". */
  label?: string;
};
