/** The PoE viewer (see README.md): the component and the types the review tools code against. */
export { PoeViewer } from './PoeViewer';
export { ClaimPoeViewer } from './ClaimPoeViewer';
export type {
  CssRect,
  Highlight,
  HighlightKind,
  InvalidReason,
  PageOverlayProps,
  PoeDocument,
  PoeViewerProps,
  Point,
  Rect,
  Rotation,
  TextSelection,
  ViewerController,
} from './types';
