/**
 * The PoE checklist (SPEC §5): every item with pass / fail / not checked, a note and the evidence
 * (document, page and region) behind it. All changes go through `setChecklistItem`, so they work
 * offline and sync. One item is "current": the keyboard shortcuts (p / f / u, j / k) act on it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { isChecklistComplete, missingChecklistItems, type ChecklistEntry, type ChecklistItemKey, type Evidence } from '@shared/index';
import { t } from '../i18n';
import { itemLabel, removeEvidence, setNote, setResult, type ChecklistResult } from './checklistOps';
import { useReview } from './ReviewContext';

export function resultLabel(result: ChecklistResult): string {
  return result === 'pass' ? t('checklist.pass') : result === 'fail' ? t('checklist.fail') : t('checklist.unset');
}

/** The DOM id of an item's row, for focus moves (j / k). */
export function itemRowId(claimId: string, item: ChecklistItemKey): string {
  return `review-item-${claimId}-${item}`.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function ChecklistPanel() {
  const { claim, items, refusal } = useReview();
  const reasonId = useId();
  const passed = items.filter((i) => claim.checklist[i]?.result === 'pass').length;
  const missing = missingChecklistItems(claim).length;
  return (
    <section aria-labelledby="checklist-heading" className="panel review-checklist" data-review-checklist="">
      <h2 id="checklist-heading">{t('checklist.heading')}</h2>
      <p className="muted">{t('checklist.summary', { passed, total: items.length })}</p>
      <p className="review-checklist__state">{isChecklistComplete(claim) ? t('review.checklist.complete') : t('review.checklist.incomplete', { count: missing })}</p>
      {refusal && (
        <p id={reasonId} className="muted">
          {refusal.message}
        </p>
      )}
      <p className="muted review-hint">{t('review.checklist.itemHint')}</p>
      <ul className="review-checklist__items">
        {items.map((item) => (
          <ChecklistItemRow key={item} item={item} entry={claim.checklist[item]} reasonId={refusal ? reasonId : undefined} />
        ))}
      </ul>
    </section>
  );
}

function ChecklistItemRow({ item, entry, reasonId }: { item: ChecklistItemKey; entry: ChecklistEntry | undefined; reasonId: string | undefined }) {
  const { claim, currentItem, setCurrentItem, refusal, act, announce } = useReview();
  const legendId = useId();
  const current = currentItem === item;
  const result: ChecklistResult = entry?.result ?? null;
  // The choice shows at once; the claim catches up when the local write lands (or it reverts if refused).
  const [choice, setChoice] = useState<{ value: ChecklistResult; over: ChecklistResult } | null>(null);
  const shown = choice && choice.over === result ? choice.value : result;
  const label = itemLabel(item);
  const set = async (value: ChecklistResult) => {
    setChoice({ value, over: result });
    if (await act(setResult(claim.id, item, entry, value))) announce(t('review.announce.result', { item: label, result: resultLabel(value) }));
    else setChoice(null);
  };
  return (
    <li
      id={itemRowId(claim.id, item)}
      data-review-item={item}
      tabIndex={current ? 0 : -1}
      aria-labelledby={legendId}
      aria-current={current ? 'true' : undefined}
      className={`review-item review-item--${shown ?? 'unset'}${current ? ' review-item--current' : ''}`}
      onFocus={() => setCurrentItem(item)}
    >
      <fieldset className="checklist__item" disabled={refusal !== null} aria-describedby={reasonId}>
        <legend id={legendId}>
          {label}
          {current && <span className="visually-hidden"> ({t('review.checklist.current')})</span>}
        </legend>
        {(['pass', 'fail', null] as const).map((value) => (
          <label key={String(value)} className="radio">
            <input type="radio" name={`${claim.id}-${item}`} checked={shown === value} onChange={() => void set(value)} /> {resultLabel(value)}
          </label>
        ))}
      </fieldset>
      <NoteEditor item={item} entry={entry} label={label} />
      {entry?.evidence && entry.evidence.length > 0 && <EvidenceList item={item} entry={entry} evidence={entry.evidence} />}
    </li>
  );
}

function NoteEditor({ item, entry, label }: { item: ChecklistItemKey; entry: ChecklistEntry | undefined; label: string }) {
  const { claim, refusal, act, announce } = useReview();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState('');
  const fieldId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (editing) area.current?.focus();
  }, [editing]);
  const close = () => {
    setEditing(false);
    // Back to the button that opened the editor (after it re-renders).
    requestAnimationFrame(() => toggle.current?.focus());
  };
  const save = async () => {
    if (await act(setNote(claim.id, item, entry, text))) {
      announce(t('review.announce.noteSaved', { item: label }));
      close();
    }
  };
  if (editing) {
    return (
      <div className="review-note review-note--editing">
        <label htmlFor={fieldId}>{t('review.checklist.noteLabel', { item: label })}</label>
        <textarea
          id={fieldId}
          ref={area}
          rows={3}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
        <div className="review-row">
          <button type="button" className="button button--primary" onClick={() => void save()}>
            {t('review.checklist.saveNote')}
          </button>
          <button type="button" className="button" onClick={close}>
            {t('review.checklist.cancelNote')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="review-note">
      {entry?.note && <p className="review-note__text">{t('checklist.note', { note: entry.note })}</p>}
      {refusal === null && (
        <button
          type="button"
          ref={toggle}
          className="button button--small"
          aria-label={`${entry?.note ? t('review.checklist.editNote') : t('review.checklist.addNote')}: ${label}`}
          onClick={() => {
            setText(entry?.note ?? '');
            setEditing(true);
          }}
        >
          {entry?.note ? t('review.checklist.editNote') : t('review.checklist.addNote')}
        </button>
      )}
    </div>
  );
}

function EvidenceList({ item, entry, evidence }: { item: ChecklistItemKey; entry: ChecklistEntry; evidence: Evidence[] }) {
  const { claim, refusal, act, controller } = useReview();
  const fileOf = (sha256: string) => claim.documents.find((d) => d.sha256 === sha256)?.fileName ?? sha256.slice(0, 12);
  const show = (e: Evidence) => {
    const c = controller();
    if (!c) return;
    if (e.rect) c.flash(e.sha256, e.page, e.rect);
    else c.scrollTo(e.sha256, e.page);
  };
  return (
    <div className="review-evidence">
      <span className="muted">{t('review.checklist.evidence')}</span>
      <ul aria-label={`${t('review.checklist.evidence')}: ${itemLabel(item)}`}>
        {evidence.map((e, i) => {
          const params = { page: e.page, file: fileOf(e.sha256) };
          return (
            <li key={`${e.sha256}-${e.page}-${i}`}>
              <button type="button" className="link-button" aria-label={t('review.checklist.showEvidence', params)} onClick={() => show(e)}>
                {t('review.checklist.evidenceItem', params)}
              </button>
              {refusal === null && (
                <button type="button" className="icon-button" aria-label={t('review.checklist.removeEvidence', params)} title={t('review.checklist.removeEvidence', params)} onClick={() => void act(removeEvidence(claim.id, item, entry, e))}>
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
