/**
 * A minimal checklist: pass / fail / not checked per item (setChecklistItem), enough to reach
 * approval. The full checklist with evidence and notes comes with the PoE viewer.
 */
import { useId, useState } from 'react';
import { checklistItems, PRODUCT_BY_ID, type ChecklistEntry, type ChecklistItemKey, type Claim, type DecisionError } from '@shared/index';
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
        {items.map((item) => (
          <ChecklistItem key={item} claimId={claim.id} item={item} entry={claim.checklist[item]} refusal={refusal} reasonId={reasonId} act={act} />
        ))}
      </ul>
      <p role="status" className={outcome?.kind === 'refused' ? 'error-text' : 'visually-hidden'}>
        {outcome?.text}
      </p>
    </section>
  );
}

function ChecklistItem({
  claimId,
  item,
  entry,
  refusal,
  reasonId,
  act,
}: {
  claimId: string;
  item: ChecklistItemKey;
  entry: ChecklistEntry | undefined;
  refusal: DecisionError | null;
  reasonId: string;
  act: ReturnType<typeof useAct>['act'];
}) {
  const current: Result = entry?.result ?? null;
  // The choice shows at once; the claim catches up when the local write lands (or it reverts if refused).
  const [choice, setChoice] = useState<{ value: Result; over: Result } | null>(null);
  const shown = choice && choice.over === current ? choice.value : current;
  const set = async (value: Result) => {
    setChoice({ value, over: current });
    if (!(await act({ type: 'setChecklistItem', claimId, item, result: value }))) setChoice(null);
  };
  return (
    <li>
      <fieldset className="checklist__item" disabled={refusal !== null} aria-describedby={refusal ? reasonId : undefined}>
        <legend>{itemLabel(item)}</legend>
        {(['pass', 'fail', null] as const).map((value) => (
          <label key={String(value)} className="radio">
            <input type="radio" name={`${claimId}-${item}`} checked={shown === value} onChange={() => void set(value)} />{' '}
            {value === 'pass' ? t('checklist.pass') : value === 'fail' ? t('checklist.fail') : t('checklist.unset')}
          </label>
        ))}
        {entry?.note && <p className="muted">{t('checklist.note', { note: entry.note })}</p>}
      </fieldset>
    </li>
  );
}
