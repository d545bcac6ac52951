/**
 * Request more information, pre-filled (SPEC §5): the deficiency codes of the failed checklist
 * items and deficiency annotations, a message listing them with the reviewer's notes and the
 * numbered marks, and the products the reviewer may ask the partner to remove.
 */
import { useId, useState } from 'react';
import { DEFICIENCY_CODES, type Claim, type DeficiencyCode } from '@shared/index';
import { t } from '../../i18n';
import { productName } from '../../review/checklistOps';
import { composeRequestInfo } from '../../review/prefill';
import { ActionDialog, type Act } from './ActionDialog';

function toggled<T>(set: ReadonlySet<T>, value: T, on: boolean): Set<T> {
  const next = new Set(set);
  if (on) next.add(value);
  else next.delete(value);
  return next;
}

export function RequestInfoDialog({ claim, act, onClose }: { claim: Claim; act: Act; onClose(): void }) {
  const [prefill] = useState(() => composeRequestInfo(claim));
  const [codes, setCodes] = useState<Set<DeficiencyCode>>(() => new Set(prefill.codes));
  const [message, setMessage] = useState(prefill.message);
  const [remove, setRemove] = useState<Set<string>>(new Set());
  const messageId = useId();
  const failedProducts = new Set(prefill.unsupportedProducts);
  return (
    <ActionDialog
      title={t('requestInfo.title')}
      submitLabel={t('requestInfo.submit')}
      onClose={onClose}
      act={act}
      buildCommand={() => ({
        type: 'requestInfo',
        claimId: claim.id,
        codes: DEFICIENCY_CODES.filter((c) => codes.has(c)),
        message,
        ...(remove.size > 0 ? { removeProducts: claim.products.map((p) => p.productId).filter((p) => remove.has(p)) } : {}),
      })}
    >
      <fieldset>
        <legend>{t('requestInfo.codes')}</legend>
        {prefill.codes.length > 0 && <p className="muted">{t('review.requestInfo.prefilled')}</p>}
        {DEFICIENCY_CODES.map((code) => (
          <label key={code} className="check">
            <input type="checkbox" checked={codes.has(code)} onChange={(e) => setCodes((current) => toggled(current, code, e.target.checked))} /> {t(`deficiency.${code}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={messageId}>{t('requestInfo.message')}</label>
      <textarea id={messageId} rows={8} value={message} onChange={(e) => setMessage(e.target.value)} />
      {claim.products.length > 1 && (
        <fieldset>
          <legend>{t('review.requestInfo.removeProducts')}</legend>
          {claim.products.map(({ productId }) => (
            <label key={productId} className="check">
              <input type="checkbox" checked={remove.has(productId)} onChange={(e) => setRemove((current) => toggled(current, productId, e.target.checked))} />{' '}
              {failedProducts.has(productId) ? t('review.requestInfo.productFailed', { product: productName(productId) }) : productName(productId)}
            </label>
          ))}
        </fieldset>
      )}
    </ActionDialog>
  );
}
