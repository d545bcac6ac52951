/** Request more information: deficiency codes pre-filled from the failed checklist items, and a message. */
import { useId, useState } from 'react';
import { DEFICIENCY_CODES, failedDeficiencies, PRODUCT_BY_ID, type Claim, type DeficiencyCode } from '@shared/index';
import { t } from '../../i18n';
import { ActionDialog, type Act } from './ActionDialog';

function prefilledMessage(claim: Claim): string {
  return failedDeficiencies(claim)
    .map(({ item, code, note }) => {
      const product = item.startsWith('product:') ? ` (${PRODUCT_BY_ID.get(item.slice(8))?.name ?? item.slice(8)})` : '';
      return `- ${t(`deficiency.${code}`)}${product}${note ? `: ${note}` : ''}`;
    })
    .join('\n');
}

export function RequestInfoDialog({ claim, act, onClose }: { claim: Claim; act: Act; onClose(): void }) {
  const failed = failedDeficiencies(claim);
  const [codes, setCodes] = useState<Set<DeficiencyCode>>(() => new Set(failed.map((f) => f.code)));
  const [message, setMessage] = useState(() => prefilledMessage(claim));
  const messageId = useId();
  const toggle = (code: DeficiencyCode, on: boolean) =>
    setCodes((current) => {
      const next = new Set(current);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  return (
    <ActionDialog
      title={t('requestInfo.title')}
      submitLabel={t('requestInfo.submit')}
      onClose={onClose}
      act={act}
      buildCommand={() => ({ type: 'requestInfo', claimId: claim.id, codes: DEFICIENCY_CODES.filter((c) => codes.has(c)), message })}
    >
      <fieldset>
        <legend>{t('requestInfo.codes')}</legend>
        {failed.length > 0 && <p className="muted">{t('requestInfo.prefilled')}</p>}
        {DEFICIENCY_CODES.map((code) => (
          <label key={code} className="check">
            <input type="checkbox" checked={codes.has(code)} onChange={(e) => toggle(code, e.target.checked)} /> {t(`deficiency.${code}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={messageId}>{t('requestInfo.message')}</label>
      <textarea id={messageId} rows={6} value={message} onChange={(e) => setMessage(e.target.value)} />
    </ActionDialog>
  );
}
