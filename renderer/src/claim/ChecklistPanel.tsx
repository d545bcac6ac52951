/**
 * A minimal checklist: pass / fail / not checked per item (setChecklistItem), enough to reach
 * approval. The full checklist with evidence and notes comes with the PoE viewer.
 */
import { useId } from 'react';
import { checklistItems, PRODUCT_BY_ID, type ChecklistItemKey, type Claim } from '@shared/index';
import { t } from '../i18n';
import { useAct } from './useAct';
import { useDryRun } from './useDryRun';

type Result = 'pass' | 'fail' | null;

function itemLabel(item: ChecklistItemKey): string {
  if (item.startsWith('product:')) {
    const id = item.slice('product:'.length);
    return t('checklist.product', { name: PRODUCT_BY_ID.get(id)?.name ?? id });
  }
  return t(`checklist.item.${item as Exclude<ChecklistItemKey, `product:${string}`>}`);
}

export function ChecklistPanel({ claim }: { claim: Claim }) {
  const items = checklistItems(claim);
  const dryRun = useDryRun(claim);
  const { act, outcome } = useAct();
  const reasonId = useId();
  const refusal = dryRun({ type: 'setChecklistItem', claimId: claim.id, item: 'poe_present', result: 'pass' });
  const passed = items.filter((i) => claim.checklist[i]?.result === 'pass').length;
  return (
    <section aria-labelledby="checklist-heading" className="panel">
      <h2 id="checklist-heading">{t('checklist.heading')}</h2>
      <p className="muted">{t('checklist.summary', { passed, total: items.length })}</p>
      {refusal && (
        <p id={reasonId} className="muted">
          {refusal.message}
        </p>
      )}
      <ul className="checklist">
        {items.map((item) => {
          const entry = claim.checklist[item];
          const current: Result = entry?.result ?? null;
          const label = itemLabel(item);
          const set = (result: Result) => void act({ type: 'setChecklistItem', claimId: claim.id, item, result });
          return (
            <li key={item}>
              <fieldset className="checklist__item" disabled={refusal !== null} aria-describedby={refusal ? reasonId : undefined}>
                <legend>{label}</legend>
                {(['pass', 'fail', null] as const).map((value) => (
                  <label key={String(value)} className="radio">
                    <input type="radio" name={`${claim.id}-${item}`} checked={current === value} onChange={() => set(value)} />{' '}
                    {value === 'pass' ? t('checklist.pass') : value === 'fail' ? t('checklist.fail') : t('checklist.unset')}
                  </label>
                ))}
                {entry?.note && <p className="muted">{t('checklist.note', { note: entry.note })}</p>}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <p role="status" className={outcome?.kind === 'refused' ? 'error-text' : 'visually-hidden'}>
        {outcome?.text}
      </p>
    </section>
  );
}
