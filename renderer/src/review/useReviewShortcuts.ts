/**
 * Wires the review shortcuts (shortcuts.ts) to the page: the current checklist item, the viewer's
 * controller, the focused suggestion, drawing mode and the shortcut sheet. Changes are announced
 * in the polite live region; focus moves only when it already was in the checklist.
 */
import { useEffect, useRef } from 'react';
import { useAcceptFinding } from './SuggestionsPanel';
import { itemRowId, resultLabel } from './ChecklistPanel';
import { itemLabel, setResult, type ChecklistResult } from './checklistOps';
import { findingId } from './findingText';
import { unionRects } from './geometry';
import { useReview, type ReviewState } from './ReviewContext';
import { shortcutFor, type ShortcutAction } from './shortcuts';
import { t } from '../i18n';

export function useReviewShortcuts(): void {
  const review = useReview();
  const accept = useAcceptFinding();
  // The listener is added once; it reads the latest state through the ref.
  const latest = useRef({ review, accept });
  useEffect(() => {
    latest.current = { review, accept };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      const { review: r, accept: acceptFinding } = latest.current;
      if (perform(action, r, acceptFinding, event.target)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** Does what the shortcut says; false when it does not apply here (the key then does what it normally does). */
function perform(action: ShortcutAction, r: ReviewState, acceptFinding: ReturnType<typeof useAcceptFinding>, target: EventTarget | null): boolean {
  const { claim, items, currentItem } = r;
  const setItemResult = (result: ChecklistResult) => {
    if (r.refusal) {
      r.announce(t('review.refused', { message: r.refusal.message }));
      return;
    }
    const label = itemLabel(currentItem);
    void r.act(setResult(claim.id, currentItem, claim.checklist[currentItem], result)).then((ok) => {
      if (ok) r.announce(t('review.announce.result', { item: label, result: resultLabel(result) }));
    });
  };
  const moveItem = (step: 1 | -1) => {
    const index = items.indexOf(currentItem);
    const next = items[Math.min(items.length - 1, Math.max(0, index + step))];
    if (!next) return;
    r.setCurrentItem(next);
    const inChecklist = target instanceof Element && target.closest('[data-review-checklist]') !== null;
    const row = document.getElementById(itemRowId(claim.id, next));
    if (inChecklist && row) {
      // The row is focusable once it is current (roving tabindex); focus after React has rendered it.
      requestAnimationFrame(() => row.focus());
    } else {
      row?.scrollIntoView({ block: 'nearest' });
      const entry = claim.checklist[next];
      r.announce(t('review.announce.result', { item: itemLabel(next), result: resultLabel(entry?.result ?? null) }));
    }
  };
  switch (action) {
    case 'pass':
      setItemResult('pass');
      return true;
    case 'fail':
      setItemResult('fail');
      return true;
    case 'unset':
      setItemResult(null);
      return true;
    case 'nextItem':
      moveItem(1);
      return true;
    case 'prevItem':
      moveItem(-1);
      return true;
    case 'nextPage':
      r.controller()?.nextPage();
      return true;
    case 'prevPage':
      r.controller()?.prevPage();
      return true;
    case 'find':
      r.controller()?.openFind();
      return true;
    case 'accept': {
      const id = target instanceof Element ? target.closest('[data-suggestion-id]')?.getAttribute('data-suggestion-id') : null;
      const finding = id ? r.findings.find((f) => findingId(f) === id) : undefined;
      if (!finding) {
        r.announce(t('review.announce.noSuggestion'));
        return true;
      }
      void acceptFinding(finding);
      return true;
    }
    case 'draw':
      if (r.refusal) {
        r.announce(t('review.refused', { message: r.refusal.message }));
        return true;
      }
      r.setDrawing(!r.drawing);
      return true;
    case 'annotateSelection': {
      if (r.refusal) {
        r.announce(t('review.refused', { message: r.refusal.message }));
        return true;
      }
      const selection = r.selection;
      const rect = selection ? unionRects(selection.rects) : null;
      if (!selection || !rect) {
        r.announce(t('review.announce.noSelection'));
        return true;
      }
      r.startDraft({ sha256: selection.sha256, page: selection.page, rect, quote: selection.text.trim() });
      r.setSelection(null);
      return true;
    }
    case 'help':
      r.setShortcutsOpen(true);
      return true;
    case 'cancel':
      if (r.drawing) {
        r.setDrawing(false);
        return true;
      }
      return false;
  }
}
