/**
 * What the review tools need from the PoE viewer (renderer/src/viewer, `PoeViewer`): the agreed
 * contract of its overlay, highlights, selection and controller. Kept here so the review code
 * depends on the contract, not on the viewer's internals.
 */
import type { Rect } from '@shared/index';

/** A point in PDF user space (points, origin bottom-left of the unrotated page). */
export type PdfPoint = { x: number; y: number };

/** A box in CSS pixels relative to the page's overlay element. */
export type CssBox = { left: number; top: number; width: number; height: number };

/** What the viewer passes to `renderPageOverlay` for each rendered page. */
export type PageOverlayParams = {
  sha256: string;
  page: number;
  cssWidth: number;
  cssHeight: number;
  rotation: number;
  scale: number;
  toCss(rect: Rect): CssBox;
  /** A point in CSS pixels relative to the overlay's top-left corner, to PDF user space. */
  toPdf(point: { x: number; y: number }): PdfPoint;
};

export type HighlightKind = 'find' | 'suggestion' | 'annotation' | 'flash';

export type ViewerHighlight = { sha256: string; page: number; rects: Rect[]; kind: HighlightKind; label?: string };

export type TextSelection = { sha256: string; page: number; text: string; rects: Rect[] };

export type ViewerController = {
  scrollTo(sha256: string, page: number, rect?: Rect): void;
  flash(sha256: string, page: number, rect: Rect): void;
  openFind(): void;
  nextPage(): void;
  prevPage(): void;
  /** The document shown and its page at the top of the view; page 0 while nothing is open. */
  currentPage(): { sha256: string; page: number };
};
