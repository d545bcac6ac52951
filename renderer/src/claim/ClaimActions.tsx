/** The reviewer's decisions on a claim, each enabled by a dry run of the shared core. */
import { useState } from 'react';
import type { Claim } from '@shared/index';
import { t } from '../i18n';
import { ActionButton } from './ActionButton';
import { ApproveDialog } from './dialogs/ApproveDialog';
import { AssignDialog } from './dialogs/AssignDialog';
import { DisputeDecisionDialog } from './dialogs/DisputeDecisionDialog';
import { RejectDialog } from './dialogs/RejectDialog';
import { RequestInfoDialog } from './dialogs/RequestInfoDialog';
import { useAct } from './useAct';
import { useDryRun } from './useDryRun';

type OpenDialog = 'requestInfo' | 'approve' | 'reject' | 'assign' | 'approveDispute' | 'denyDispute' | null;

export function ClaimActions({ claim }: { claim: Claim }) {
  const dryRun = useDryRun(claim);
  const { act, outcome } = useAct();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const claimId = claim.id;
  const close = () => setDialog(null);
  // Representative inputs: the dry run asks "may I do this now?", the dialog then supplies the real ones.
  const refusals = {
    startReview: dryRun({ type: 'startReview', claimId }),
    requestInfo: dryRun({ type: 'requestInfo', claimId, codes: ['missing_poe'], message: '-' }),
    approve: dryRun({ type: 'approve', claimId }),
    reject: dryRun({ type: 'reject', claimId, reasons: ['insufficient_poe'], message: '-' }),
    // Any assignee other than the current one: "may I reassign this claim?"
    assign: dryRun({ type: 'assign', claimId, assignee: claim.assignee === null ? '-' : null }),
    approveDispute: dryRun({ type: 'approveDispute', claimId }),
    denyDispute: dryRun({ type: 'denyDispute', claimId, message: '-' }),
  };
  return (
    <section aria-labelledby="actions-heading" className="panel">
      <h2 id="actions-heading">{t('actions.heading')}</h2>
      <div className="action-row">
        <ActionButton refusal={refusals.startReview} tone="primary" onClick={() => void act({ type: 'startReview', claimId })}>
          {t('command.startReview')}
        </ActionButton>
        <ActionButton refusal={refusals.requestInfo} onClick={() => setDialog('requestInfo')}>
          {t('command.requestInfo')}
        </ActionButton>
        <ActionButton refusal={refusals.approve} tone="primary" onClick={() => setDialog('approve')}>
          {t('command.approve')}
        </ActionButton>
        <ActionButton refusal={refusals.reject} tone="danger" onClick={() => setDialog('reject')}>
          {t('command.reject')}
        </ActionButton>
        <ActionButton refusal={refusals.assign} onClick={() => setDialog('assign')}>
          {t('command.assign')}
        </ActionButton>
        {/* Dispute decisions only where they can apply, so the usual row stays short. */}
        {claim.status === 'disputed' && (
          <>
            <ActionButton refusal={refusals.approveDispute} tone="primary" onClick={() => setDialog('approveDispute')}>
              {t('command.approveDispute')}
            </ActionButton>
            <ActionButton refusal={refusals.denyDispute} tone="danger" onClick={() => setDialog('denyDispute')}>
              {t('command.denyDispute')}
            </ActionButton>
          </>
        )}
      </div>
      <p role="status" className={`status-line ${outcome?.kind === 'refused' ? 'error-text' : 'muted'}`}>
        {outcome?.text}
      </p>
      {dialog === 'requestInfo' && <RequestInfoDialog claim={claim} act={act} onClose={close} />}
      {dialog === 'approve' && <ApproveDialog claim={claim} act={act} onClose={close} />}
      {dialog === 'reject' && <RejectDialog claim={claim} act={act} onClose={close} />}
      {dialog === 'assign' && <AssignDialog claim={claim} act={act} onClose={close} />}
      {(dialog === 'approveDispute' || dialog === 'denyDispute') && (
        <DisputeDecisionDialog claim={claim} decision={dialog === 'approveDispute' ? 'approve' : 'deny'} act={act} onClose={close} />
      )}
    </section>
  );
}
