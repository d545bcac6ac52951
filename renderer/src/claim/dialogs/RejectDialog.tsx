/** Reject: the reasons a reviewer may choose, and a message to the partner. */
import { useId, useState } from 'react';
import { REVIEWER_REJECTION_REASONS, type Claim, type RejectionReason } from '@shared/index';
import { t } from '../../i18n';
import { ActionDialog, type Act } from './ActionDialog';

export function RejectDialog({ claim, act, onClose }: { claim: Claim; act: Act; onClose(): void }) {
  const [reasons, setReasons] = useState<Set<RejectionReason>>(new Set());
  const [message, setMessage] = useState('');
  const messageId = useId();
  return (
    <ActionDialog
      title={t('reject.title')}
      submitLabel={t('reject.submit')}
      danger
      onClose={onClose}
      act={act}
      buildCommand={() => ({ type: 'reject', claimId: claim.id, reasons: REVIEWER_REJECTION_REASONS.filter((r) => reasons.has(r)), message })}
    >
      <fieldset>
        <legend>{t('reject.reasons')}</legend>
        {REVIEWER_REJECTION_REASONS.map((reason) => (
          <label key={reason} className="check">
            <input
              type="checkbox"
              checked={reasons.has(reason)}
              onChange={(e) =>
                setReasons((current) => {
                  const next = new Set(current);
                  if (e.target.checked) next.add(reason);
                  else next.delete(reason);
                  return next;
                })
              }
            />{' '}
            {t(`rejection.${reason}`)}
          </label>
        ))}
      </fieldset>
      <label htmlFor={messageId}>{t('reject.message')}</label>
      <textarea id={messageId} rows={5} value={message} onChange={(e) => setMessage(e.target.value)} />
    </ActionDialog>
  );
}
