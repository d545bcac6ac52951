/** Approve, with an optional message to the partner. */
import { useId, useState } from 'react';
import type { Claim } from '@shared/index';
import { t } from '../../i18n';
import { ActionDialog, type Act } from './ActionDialog';

export function ApproveDialog({ claim, act, onClose }: { claim: Claim; act: Act; onClose(): void }) {
  const [message, setMessage] = useState('');
  const messageId = useId();
  return (
    <ActionDialog
      title={t('approve.title')}
      submitLabel={t('approve.submit')}
      onClose={onClose}
      act={act}
      buildCommand={() => ({ type: 'approve', claimId: claim.id, ...(message.trim() ? { message } : {}) })}
    >
      <label htmlFor={messageId}>{t('approve.message')}</label>
      <textarea id={messageId} rows={3} value={message} onChange={(e) => setMessage(e.target.value)} />
    </ActionDialog>
  );
}
