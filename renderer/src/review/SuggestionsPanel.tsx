/**
 * The pre-screen's suggestions (an assistant, never a decision): per PoE document, what it found,
 * on which page, and what it suggests for the checklist. Each suggestion can be shown in the
 * viewer and accepted into the checklist with one key (`a` while it has focus) or its button.
 * Pages without text say "no text: check by eye".
 */
import { useCallback } from 'react';
import type { Finding } from '@shared/index';
import { useSyncSettings } from '../data/workstation';
import { t } from '../i18n';
import { Badge } from '../ui/Badge';
import { acceptFinding, itemLabel } from './checklistOps';
import { resultLabel } from './ChecklistPanel';
import { findingContext, findingId, findingText } from './findingText';
import { unionRects } from './geometry';
import { useReview } from './ReviewContext';

/** Accepting a suggestion into the checklist (the button and the `a` shortcut). */
export function useAcceptFinding(): (finding: Finding) => Promise<void> {
  const { claim, act, announce } = useReview();
  const maxAgeMonths = useSyncSettings((s) => s.policy.poeMaxAgeMonths);
  return useCallback(
    async (finding: Finding) => {
      const command = acceptFinding(claim.id, finding, claim.checklist[finding.item], findingText(finding, findingContext(claim), maxAgeMonths));
      if (!command) return announce(t('review.announce.cannotAccept'));
      if (await act(command)) announce(t('review.announce.accepted', { item: itemLabel(finding.item), result: resultLabel(command.result ?? null) }));
    },
    [claim, act, announce, maxAgeMonths],
  );
}

export function SuggestionsPanel() {
  const { claim, screening } = useReview();
  return (
    <section aria-labelledby="suggestions-heading" className="panel review-suggestions">
      <h2 id="suggestions-heading">{t('review.suggestions.heading')}</h2>
      <p className="muted">{t('review.suggestions.intro')}</p>
      {claim.documents.map((doc) => {
        const state = screening.get(doc.sha256) ?? { state: 'notCached' as const };
        const file = doc.fileName;
        return (
          <div key={doc.sha256} className="review-suggestions__doc">
            <h3>{file}</h3>
            {state.state === 'notCached' && <p className="muted">{t('review.suggestions.notCached', { file })}</p>}
            {state.state === 'running' && (
              <p className="muted" role="status">
                {t('review.suggestions.running', { file })}
              </p>
            )}
            {state.state === 'image' && <p>{t('review.suggestions.image', { file })}</p>}
            {state.state === 'failed' && (
              <p className="error-text">{state.timedOut ? t('review.suggestions.timedOut', { file }) : t('review.suggestions.failed', { file, message: state.error })}</p>
            )}
            {state.state === 'done' && state.truncated && <p className="error-text">{t('review.suggestions.truncated', { file })}</p>}
            {state.state === 'done' && state.pagesRead < state.pages && (
              <p className="error-text">{t('review.suggestions.partial', { file, read: state.pagesRead, total: state.pages })}</p>
            )}
            {state.state === 'done' && <FindingList file={file} findings={state.findings} />}
          </div>
        );
      })}
    </section>
  );
}

function FindingList({ file, findings }: { file: string; findings: Finding[] }) {
  const { claim, refusal, controller } = useReview();
  const maxAgeMonths = useSyncSettings((s) => s.policy.poeMaxAgeMonths);
  const accept = useAcceptFinding();
  // Failures first, then what needs an eye, then what looks fine.
  const order = { fail: 0, check: 1, pass: 2 } as const;
  const sorted = [...findings].sort((a, b) => order[a.suggestion] - order[b.suggestion]);
  const show = (f: Finding) => {
    if (f.page === undefined) return;
    const rect = unionRects(f.rects ?? []);
    const c = controller();
    if (!c) return;
    if (rect) c.flash(f.sha256, f.page, rect);
    else c.scrollTo(f.sha256, f.page);
  };
  return (
    <ul className="review-suggestions__list" aria-label={t('review.suggestions.list', { file })}>
      {sorted.map((f) => {
        const text = findingText(f, findingContext(claim), maxAgeMonths);
        const entry = claim.checklist[f.item];
        const agrees = f.suggestion !== 'check' && entry?.result === f.suggestion;
        const canAccept = f.suggestion !== 'check' && refusal === null && !agrees;
        return (
          <li key={findingId(f)} tabIndex={0} data-suggestion-id={findingId(f)} className={`review-suggestion review-suggestion--${f.suggestion}`} aria-label={`${itemLabel(f.item)}: ${text}`} aria-keyshortcuts={canAccept ? 'a' : undefined}>
            <div className="review-suggestion__head">
              <Badge tone={f.suggestion === 'fail' ? 'danger' : f.suggestion === 'pass' ? 'success' : 'warning'}>
                {f.suggestion === 'fail' ? t('review.suggestions.suggestsFail') : f.suggestion === 'pass' ? t('review.suggestions.suggestsPass') : t('review.suggestions.checkByEye')}
              </Badge>{' '}
              <strong>{itemLabel(f.item)}</strong>
            </div>
            <p className="review-suggestion__text">{text}</p>
            <div className="review-row">
              <span className="muted">{f.page !== undefined ? t('review.suggestions.page', { page: f.page }) : t('review.suggestions.wholeDocument')}</span>
              {f.page !== undefined && (
                <button type="button" className="button button--small" aria-label={t('review.suggestions.showLabel', { page: f.page, text })} onClick={() => show(f)}>
                  {t('review.suggestions.show')}
                </button>
              )}
              {canAccept && (
                <button type="button" className="button button--small" aria-label={t('review.suggestions.acceptLabel', { item: itemLabel(f.item), result: resultLabel(f.suggestion === 'fail' ? 'fail' : 'pass') })} onClick={() => void accept(f)}>
                  {t('review.suggestions.accept')}
                </button>
              )}
              {agrees && <span className="muted">{t('review.suggestions.agrees')}</span>}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
