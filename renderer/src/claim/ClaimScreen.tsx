/**
 * One claim: who and what, its clocks, the reviewer's actions, then the review workspace
 * (checklist, PoE documents, annotations, pre-screen suggestions), comments and history.
 */
import { useEffect } from 'react';
import { useClaims } from '../data/claimsStore';
import { t } from '../i18n';
import { hrefOf } from '../app/route';
import { requestOfflineDocuments } from '../offline/documentCache';
import { ReviewProvider } from '../review/ReviewContext';
import { ReviewWorkspace } from '../review/ReviewWorkspace';
import { ClaimActions } from './ClaimActions';
import { ClaimHeader } from './ClaimHeader';
import { CommentsThread } from './CommentsThread';
import { DocumentsPanel } from './DocumentsPanel';
import { HistoryTimeline } from './HistoryTimeline';
import { SlaClocks } from './SlaClocks';

export function ClaimScreen({ claimId }: { claimId: string }) {
  const loaded = useClaims((s) => s.loaded);
  const claim = useClaims((s) => s.claims.get(claimId));
  const pending = useClaims((s) => s.pending.has(claimId));
  useEffect(() => {
    // Opening a claim makes its PoE available offline, assigned to me or not.
    if (claim) requestOfflineDocuments(claim.documents.map((d) => d.sha256));
  }, [claim]);

  if (!loaded) return <p role="status">{t('claim.loading')}</p>;
  if (!claim) {
    return (
      <section aria-labelledby="claim-missing">
        <h1 id="claim-missing">{t('claim.heading', { id: claimId })}</h1>
        <p>{t('claim.notFound', { id: claimId })}</p>
        <a href={hrefOf({ screen: 'queue' })}>{t('claim.backToQueue')}</a>
      </section>
    );
  }
  return (
    <ReviewProvider key={claim.id} claim={claim}>
      <article aria-labelledby="claim-heading" className="claim">
        <a href={hrefOf({ screen: 'queue' })} className="back-link">
          {t('claim.backToQueue')}
        </a>
        <ClaimHeader claim={claim} pending={pending} />
        <div className="claim__grid">
          <SlaClocks claim={claim} />
          <ClaimActions claim={claim} />
        </div>
        <ReviewWorkspace documents={<DocumentsPanel claim={claim} />} />
        <CommentsThread claim={claim} />
        <HistoryTimeline claimId={claim.id} />
      </article>
    </ReviewProvider>
  );
}
