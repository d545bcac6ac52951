/**
 * The PoE viewer's contract as the review tools use it (renderer/src/viewer/README.md): page
 * overlay parameters, highlights, text selection and the controller, under the review code's names.
 */
export type {
  CssRect as CssBox,
  Highlight as ViewerHighlight,
  HighlightKind,
  PageOverlayProps as PageOverlayParams,
  Point as PdfPoint,
  TextSelection,
  ViewerController,
} from '../viewer';
