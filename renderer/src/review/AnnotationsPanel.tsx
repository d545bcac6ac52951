/**
 * Annotations beside the document: how to make one (draw a rectangle, or annotate the selected
 * text), the form that attaches it to a checklist item with a deficiency code and a note, and the
 * numbered list; choosing one scrolls the viewer to its page and flashes its region.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DEFICIENCY_CODES, deficiencyCodeOf, type Annotation, type ChecklistItemKey, type DeficiencyCode } from '@shared/index';
import { t } from '../i18n';
import { formatLocal } from '../ui/format';
import { addEvidence, itemLabel } from './checklistOps';
import { unionRects } from './geometry';
import { useReview, type AnnotationDraft } from './ReviewContext';

type Outcome = 'fail' | 'pass' | 'note';

export function AnnotationsPanel() {
  const { claim, drawing, setDrawing, selection, setSelection, draft, startDraft, refusal, announce, controller } = useReview();
  const fileOf = (sha256: string) => claim.documents.find((d) => d.sha256 === sha256)?.fileName ?? sha256.slice(0, 12);
  const canAnnotate = refusal === null;
  const annotateSelection = () => {
    const rect = selection ? unionRects(selection.rects) : null;
    if (!selection || !rect) return announce(t('review.announce.noSelection'));
    startDraft({ sha256: selection.sha256, page: selection.page, rect, quote: selection.text.trim() });
    setSelection(null);
  };
  const show = (a: Annotation) => controller()?.flash(a.sha256, a.page, a.rect);
  return (
    <section aria-labelledby="annotations-heading" className="panel review-annotations">
      <h2 id="annotations-heading">{t('review.annotations.heading')}</h2>
      {canAnnotate && (
        <div className="review-row">
          <button type="button" className="button button--small" aria-pressed={drawing} aria-keyshortcuts="d" onClick={() => setDrawing(!drawing)}>
            {drawing ? t('review.annotations.drawing') : t('review.annotations.draw')}
          </button>
          <button type="button" className="button button--small" aria-keyshortcuts="s" aria-disabled={selection === null || undefined} onClick={annotateSelection}>
            {t('review.annotations.fromSelection')}
          </button>
        </div>
      )}
      {draft && <AnnotationForm key={`${draft.sha256}-${draft.page}-${JSON.stringify(draft.rect)}`} draft={draft} fileName={fileOf(draft.sha256)} />}
      {claim.annotations.length === 0 ? (
        <p className="muted">{t('review.annotations.none')}</p>
      ) : (
        <ol className="review-annotations__list">
          {claim.annotations.map((a, i) => (
            <li key={a.id}>
              <button type="button" className="link-button" aria-label={t('review.annotations.show', { number: i + 1, page: a.page })} onClick={() => show(a)}>
                {t('review.annotations.label', { number: i + 1, page: a.page, file: fileOf(a.sha256) })}
              </button>
              {(a.item || a.code) && <div className="review-annotations__what">{[a.item ? itemLabel(a.item) : null, a.code ? t(`deficiency.${a.code}`) : null].filter(Boolean).join(' · ')}</div>}
              {a.note && <p className="review-annotations__note">{a.note}</p>}
              {a.quote && <blockquote className="review-annotations__quote">{a.quote}</blockquote>}
              <div className="muted review-small">{t('review.annotations.by', { by: a.by, at: formatLocal(a.at) })}</div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function AnnotationForm({ draft, fileName }: { draft: AnnotationDraft; fileName: string }) {
  const { claim, items, currentItem, act, announce, clearDraft } = useReview();
  const [item, setItem] = useState<ChecklistItemKey | ''>(currentItem);
  const [outcome, setOutcome] = useState<Outcome>('fail');
  const [code, setCode] = useState<DeficiencyCode | ''>(deficiencyCodeOf(currentItem));
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  const titleId = useId();
  const ids = { item: useId(), code: useId(), note: useId() };
  const failing = item === '' || outcome === 'fail';

  useEffect(() => {
    first.current?.focus();
  }, []);

  const chooseItem = (next: ChecklistItemKey | '') => {
    setItem(next);
    if (next !== '' && outcome === 'fail') setCode(deficiencyCodeOf(next));
  };
  const chooseOutcome = (next: Outcome) => {
    setOutcome(next);
    if (next === 'fail' && item !== '' && code === '') setCode(deficiencyCodeOf(item));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const number = claim.annotations.length + 1;
    const text = note.trim();
    const ok = await act({
      type: 'annotate',
      claimId: claim.id,
      annotationId: crypto.randomUUID(),
      sha256: draft.sha256,
      page: draft.page,
      rect: draft.rect,
      ...(item !== '' ? { item } : {}),
      ...(failing && code !== '' ? { code } : {}),
      ...(text ? { note: text } : {}),
      ...(draft.quote ? { quote: draft.quote } : {}),
    });
    if (ok && item !== '' && outcome !== 'note') {
      await act(addEvidence(claim.id, item, claim.checklist[item], { sha256: draft.sha256, page: draft.page, rect: draft.rect }, { result: outcome, ...(text ? { note: text } : {}) }));
    }
    setBusy(false);
    if (ok) {
      announce(t('review.announce.annotated', { number, page: draft.page }));
      clearDraft();
    }
  };

  return (
    <form
      className="form review-annotate"
      aria-labelledby={titleId}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          clearDraft();
        }
      }}
    >
      <h3 id={titleId}>{t('review.annotate.title', { page: draft.page, file: fileName })}</h3>
      {draft.quote && (
        <figure className="review-annotate__quote">
          <figcaption className="muted">{t('review.annotate.quote')}</figcaption>
          <blockquote>{draft.quote}</blockquote>
        </figure>
      )}
      <label htmlFor={ids.item}>{t('review.annotate.item')}</label>
      <select id={ids.item} ref={first} value={item} onChange={(e) => chooseItem(e.target.value as ChecklistItemKey | '')}>
        <option value="">{t('review.annotate.noItem')}</option>
        {items.map((i) => (
          <option key={i} value={i}>
            {itemLabel(i)}
          </option>
        ))}
      </select>
      {item !== '' && (
        <fieldset>
          <legend>{t('review.annotate.outcome')}</legend>
          {(
            [
              ['fail', 'review.annotate.outcomeFail'],
              ['pass', 'review.annotate.outcomePass'],
              ['note', 'review.annotate.outcomeNote'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="radio">
              <input type="radio" name="review-annotate-outcome" checked={outcome === value} onChange={() => chooseOutcome(value)} /> {t(label)}
            </label>
          ))}
        </fieldset>
      )}
      {failing && (
        <>
          <label htmlFor={ids.code}>{t('review.annotate.code')}</label>
          <select id={ids.code} value={code} onChange={(e) => setCode(e.target.value as DeficiencyCode | '')}>
            {item === '' && <option value="">{t('review.annotate.noItem')}</option>}
            {DEFICIENCY_CODES.map((c) => (
              <option key={c} value={c}>
                {t(`deficiency.${c}`)}
              </option>
            ))}
          </select>
        </>
      )}
      <label htmlFor={ids.note}>{t('review.annotate.note')}</label>
      <textarea id={ids.note} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="review-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('review.annotate.submit')}
        </button>
        <button type="button" className="button" onClick={clearDraft}>
          {t('review.annotate.cancel')}
        </button>
      </div>
    </form>
  );
}
