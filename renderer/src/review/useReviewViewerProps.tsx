/**
 * What the review tools hand the PoE viewer (`<PoeViewer {...useReviewViewerProps()} />`): the
 * page overlay with annotations and drawing, the pre-screen's highlights, the text selection for
 * "Annotate selection", and the controller for shortcuts and lists.
 * Outside a review (no ReviewProvider) it returns nothing, and the viewer is a plain viewer.
 */
import { useCallback, useMemo } from 'react';
import { useSyncSettings } from '../data/workstation';
import { findingText } from './findingText';
import { PageOverlay } from './PageOverlay';
import { useOptionalReview } from './ReviewContext';
import type { PageOverlayParams, TextSelection, ViewerController, ViewerHighlight } from './viewerContract';
import type { ReactNode, RefObject } from 'react';

export type ReviewViewerProps = {
  controllerRef?: RefObject<ViewerController | null>;
  renderPageOverlay?: (params: PageOverlayParams) => ReactNode;
  highlights?: ViewerHighlight[];
  onTextSelected?(selection: TextSelection): void;
};

export function useReviewViewerProps(): ReviewViewerProps {
  const review = useOptionalReview();
  const maxAgeMonths = useSyncSettings((s) => s.policy.poeMaxAgeMonths);
  const claim = review?.claim;
  const findings = review?.findings;
  const setSelection = review?.setSelection;

  const renderPageOverlay = useCallback((params: PageOverlayParams) => <PageOverlay params={params} />, []);
  // The viewer repaints a page when its highlights change identity: depend on what they show only.
  const customerName = claim?.customer.name;
  const firstSubmittedAt = claim?.firstSubmittedAt ?? null;
  const highlights = useMemo<ViewerHighlight[]>(
    () =>
      customerName !== undefined && findings
        ? findings.flatMap((f) =>
            f.page !== undefined && f.rects && f.rects.length > 0
              ? [{ sha256: f.sha256, page: f.page, rects: f.rects, kind: 'suggestion' as const, label: findingText(f, { customerName, firstSubmittedAt }, maxAgeMonths) }]
              : [],
          )
        : [],
    [customerName, firstSubmittedAt, findings, maxAgeMonths],
  );
  const onTextSelected = useCallback((selection: TextSelection) => setSelection?.(selection.text.trim() && selection.rects.length > 0 ? selection : null), [setSelection]);
  if (!review) return {};
  return { controllerRef: review.controllerRef, renderPageOverlay, highlights, onTextSelected };
}
