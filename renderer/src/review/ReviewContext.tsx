/**
 * The review tools of one claim page share one state: the checklist item being worked on, the
 * drawing mode, the last text selection in the viewer, the annotation being made, the focused
 * suggestion, the viewer's controller and a polite live region for announcements.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode, type RefObject } from 'react';
import { checklistItems, type ChecklistItemKey, type Claim, type CommandInput, type DecisionError, type Finding } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { useDryRun } from '../claim/useDryRun';
import { t } from '../i18n';
import { deleteDraft, loadDraft, saveDraft, type AnnotationDraft } from './drafts';
import { usePrescreen, type DocumentScreening } from './usePrescreen';
import type { TextSelection, ViewerController } from './viewerContract';

export type { AnnotationDraft };

export type ReviewCommand = Exclude<CommandInput, { type: 'create' }>;

export type ReviewState = {
  claim: Claim;
  items: ChecklistItemKey[];
  controllerRef: RefObject<ViewerController | null>;
  /** Null while the reviewer may change the checklist and annotate; otherwise the core's reason. */
  refusal: DecisionError | null;
  currentItem: ChecklistItemKey;
  setCurrentItem(item: ChecklistItemKey): void;
  drawing: boolean;
  setDrawing(on: boolean): void;
  selection: TextSelection | null;
  setSelection(selection: TextSelection | null): void;
  draft: AnnotationDraft | null;
  startDraft(draft: AnnotationDraft): void;
  clearDraft(): void;
  /** The pre-screen of each PoE document (by SHA-256), and all its findings. */
  screening: ReadonlyMap<string, DocumentScreening>;
  findings: Finding[];
  shortcutsOpen: boolean;
  setShortcutsOpen(open: boolean): void;
  /** Performs a command (local first, synced later); a refusal is announced and returns false. */
  act(command: ReviewCommand): Promise<boolean>;
  /** Says something to screen-reader users without moving focus. */
  announce(text: string): void;
  /** The viewer's controller, or null (and an announcement) when no viewer is mounted. */
  controller(): ViewerController | null;
};

const ReviewContext = createContext<ReviewState | null>(null);

export function useReview(): ReviewState {
  const state = useContext(ReviewContext);
  if (!state) throw new Error('useReview() outside <ReviewProvider>');
  return state;
}

/** For components that may render outside a review (the viewer slot in other screens). */
export function useOptionalReview(): ReviewState | null {
  return useContext(ReviewContext);
}

export function ReviewProvider({ claim, children }: { claim: Claim; children: ReactNode }) {
  const workstation = useWorkstation();
  const dryRun = useDryRun(claim);
  const items = useMemo(() => checklistItems(claim), [claim]);
  const controllerRef = useRef<ViewerController | null>(null);
  const [currentItem, setCurrentItemState] = useState<ChecklistItemKey>(items[0] ?? 'poe_present');
  const [drawing, setDrawingState] = useState(false);
  const [selection, setSelection] = useState<TextSelection | null>(null);
  const [draft, setDraft] = useState<AnnotationDraft | null>(null);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [message, setMessage] = useState({ text: '', n: 0 });
  const claimId = claim.id;
  const screening = usePrescreen(claim);
  const findings = useMemo(() => [...screening.values()].flatMap((s) => (s.state === 'done' ? s.findings : [])), [screening]);

  const announce = useCallback((text: string) => setMessage((m) => ({ text, n: m.n + 1 })), []);
  const refusal = dryRun({ type: 'setChecklistItem', claimId, item: 'poe_present', result: null });

  // A draft survives a reload or a crash: it lives in IndexedDB until it is added or discarded.
  useEffect(() => {
    let live = true;
    void loadDraft(workstation.db, claimId).then((saved) => {
      if (live && saved) setDraft(saved);
    });
    return () => {
      live = false;
    };
  }, [workstation.db, claimId]);

  const startDraft = useCallback(
    (next: AnnotationDraft) => {
      setDraft(next);
      setDrawingState(false);
      void saveDraft(workstation.db, claimId, next);
    },
    [workstation.db, claimId],
  );
  const clearDraft = useCallback(() => {
    setDraft(null);
    void deleteDraft(workstation.db, claimId);
  }, [workstation.db, claimId]);

  const setDrawing = useCallback(
    (on: boolean) => {
      setDrawingState(on);
      announce(on ? t('review.announce.drawOn') : t('review.announce.drawOff'));
    },
    [announce],
  );

  const setCurrentItem = useCallback((item: ChecklistItemKey) => setCurrentItemState(item), []);
  // Products can change (a partner edit): keep the current item one the claim has.
  const current = items.includes(currentItem) ? currentItem : (items[0] ?? 'poe_present');

  const act = useCallback(
    async (command: ReviewCommand): Promise<boolean> => {
      const result = await workstation.act(command);
      if (!result.ok) announce(t('review.refused', { message: result.error.message }));
      return result.ok;
    },
    [workstation, announce],
  );

  const controller = useCallback((): ViewerController | null => {
    const c = controllerRef.current;
    if (!c) {
      announce(t('review.announce.noViewer'));
      return null;
    }
    // The viewer scrolls inside itself; bring the viewer itself into the window first.
    const reveal = () => {
      const viewer = document.querySelector('.review-layout__documents .poe-viewer') ?? document.querySelector('.review-layout__documents');
      viewer?.scrollIntoView({ block: 'nearest' });
    };
    return {
      ...c,
      scrollTo: (sha256, page, rect) => {
        reveal();
        c.scrollTo(sha256, page, rect);
      },
      flash: (sha256, page, rect) => {
        reveal();
        c.flash(sha256, page, rect);
      },
      openFind: () => {
        reveal();
        c.openFind();
      },
      nextPage: () => c.nextPage(),
      prevPage: () => c.prevPage(),
      currentPage: () => c.currentPage(),
    };
  }, [announce]);

  const value: ReviewState = {
    claim,
    items,
    controllerRef,
    refusal,
    currentItem: current,
    setCurrentItem,
    drawing,
    setDrawing,
    selection,
    setSelection,
    draft,
    startDraft,
    clearDraft,
    screening,
    findings,
    shortcutsOpen,
    setShortcutsOpen,
    act,
    announce,
    controller,
  };
  return (
    <ReviewContext.Provider value={value}>
      {children}
      <div role="status" aria-live="polite" aria-label={t('review.announcer')} className="visually-hidden" data-testid="review-announcer">
        {/* The key makes a repeated message a new one, so it is read again. */}
        <span key={message.n}>{message.text}</span>
      </div>
    </ReviewContext.Provider>
  );
}
