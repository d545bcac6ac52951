/**
 * The review workspace of a claim page: the checklist, the PoE documents (the viewer, passed in by
 * the claim page), and beside them the review tools: annotations, pre-screen suggestions, the
 * deficiency report export and the shortcut sheet. Keyboard shortcuts are live while it is shown.
 */
import type { ReactNode } from 'react';
import { t } from '../i18n';
import { AnnotationsPanel } from './AnnotationsPanel';
import { ChecklistPanel } from './ChecklistPanel';
import { ExportReportButton } from './ExportReportButton';
import { useReview } from './ReviewContext';
import { ShortcutSheet } from './ShortcutSheet';
import { SuggestionsPanel } from './SuggestionsPanel';
import { useReviewShortcuts } from './useReviewShortcuts';
import './review.css';

export function ReviewWorkspace({ documents }: { documents: ReactNode }) {
  const { setShortcutsOpen } = useReview();
  useReviewShortcuts();
  return (
    <div className="review-layout">
      <div className="review-layout__checklist">
        <ChecklistPanel />
      </div>
      <div className="review-layout__documents">{documents}</div>
      <div className="review-layout__tools">
        <div className="review-row review-toolbar" role="group" aria-label={t('review.tools')}>
          <button type="button" className="button button--small" aria-keyshortcuts="?" aria-haspopup="dialog" onClick={() => setShortcutsOpen(true)}>
            {t('review.keys.open')}
          </button>
          <ExportReportButton />
        </div>
        <AnnotationsPanel />
        <SuggestionsPanel />
      </div>
      <ShortcutSheet />
    </div>
  );
}
