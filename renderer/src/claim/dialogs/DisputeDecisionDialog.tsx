/** Approve or deny a dispute, showing the partner's justification; a denial needs a message. */
import { useId, useState } from 'react';
import type { Claim } from '@shared/index';
import { t } from '../../i18n';
import { ActionDialog, type Act } from './ActionDialog';

export function DisputeDecisionDialog({ claim, decision, act, onClose }: { claim: Claim; decision: 'approve' | 'deny'; act: Act; onClose(): void }) {
  const [message, setMessage] = useState('');
  const messageId = useId();
  const approve = decision === 'approve';
  return (
    <ActionDialog
      title={t(approve ? 'dispute.approveTitle' : 'dispute.denyTitle')}
      submitLabel={t(approve ? 'dispute.approveSubmit' : 'dispute.denySubmit')}
      onClose={onClose}
      act={act}
      buildCommand={() =>
        approve
          ? { type: 'approveDispute', claimId: claim.id, ...(message.trim() ? { message } : {}) }
          : { type: 'denyDispute', claimId: claim.id, message }
      }
    >
      {claim.dispute && (
        <figure>
          <figcaption>{t('dispute.justification')}</figcaption>
          <blockquote>{claim.dispute.justification}</blockquote>
        </figure>
      )}
      <label htmlFor={messageId}>{t(approve ? 'dispute.approveMessage' : 'dispute.denyMessage')}</label>
      <textarea id={messageId} rows={3} value={message} required={!approve} onChange={(e) => setMessage(e.target.value)} />
    </ActionDialog>
  );
}
