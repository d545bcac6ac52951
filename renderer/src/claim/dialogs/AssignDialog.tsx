/** Assign (supervisor): a reviewer seen on this workstation, or any reviewer ID typed in. */
import { useId, useMemo, useState } from 'react';
import type { Claim } from '@shared/index';
import { useClaims } from '../../data/claimsStore';
import { t } from '../../i18n';
import { ActionDialog, type Act } from './ActionDialog';

/** Reviewer IDs this workstation has seen as assignees, sorted. */
export function knownAssignees(claims: Iterable<Claim>): string[] {
  const seen = new Set<string>();
  for (const claim of claims) if (claim.assignee) seen.add(claim.assignee);
  return [...seen].sort();
}

export function AssignDialog({ claim, act, onClose }: { claim: Claim; act: Act; onClose(): void }) {
  const claims = useClaims((s) => s.claims);
  const known = useMemo(() => knownAssignees(claims.values()), [claims]);
  const [assignee, setAssignee] = useState(claim.assignee ?? '');
  const inputId = useId();
  const listId = useId();
  return (
    <ActionDialog
      title={t('assign.title')}
      submitLabel={t('assign.submit')}
      onClose={onClose}
      act={act}
      buildCommand={() => ({ type: 'assign', claimId: claim.id, assignee: assignee.trim() === '' ? null : assignee.trim() })}
    >
      <label htmlFor={inputId}>{t('assign.reviewer')}</label>
      <input id={inputId} list={listId} value={assignee} onChange={(e) => setAssignee(e.target.value)} autoComplete="off" />
      <datalist id={listId}>
        {known.map((id) => (
          <option key={id} value={id} />
        ))}
      </datalist>
      <p className="muted">
        {t('assign.known')}: {known.join(', ') || t('format.unknown')}
      </p>
    </ActionDialog>
  );
}
