/**
 * TEMPORARY: a plain list of the claims on this workstation, mounted until the review queue
 * (renderer/src/queue, QueueScreen) lands. Same props as QueueScreen.
 */
import { useMemo } from 'react';
import { useClaims } from '../data/claimsStore';
import { t } from '../i18n';

export function TemporaryQueue({ onOpenClaim }: { onOpenClaim(id: string): void }) {
  const loaded = useClaims((s) => s.loaded);
  const claims = useClaims((s) => s.claims);
  const rows = useMemo(() => [...claims.values()].sort((a, b) => a.id.localeCompare(b.id)), [claims]);
  return (
    <section aria-labelledby="temporary-queue-heading">
      <h1 id="temporary-queue-heading">{t('queue.temporaryHeading')}</h1>
      <p>{t('queue.temporaryNote')}</p>
      {!loaded && <p role="status">{t('queue.loading')}</p>}
      {loaded && rows.length === 0 && <p>{t('queue.empty')}</p>}
      <ul className="temporary-queue">
        {rows.map((claim) => (
          <li key={claim.id}>
            <button type="button" className="link-button" onClick={() => onOpenClaim(claim.id)} aria-label={t('queue.open', { id: claim.id })}>
              {claim.id}
            </button>{' '}
            {claim.partner.name} · {claim.customer.name} · {t(`status.${claim.status}`)} · {claim.assignee ?? t('claim.unassigned')}
          </li>
        ))}
      </ul>
    </section>
  );
}
