/**
 * The slot for the PoE viewer (next issue): for now the claim's documents with pages, size and
 * whether their bytes are on this device.
 */
import type { Claim } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { t } from '../i18n';
import { Badge } from '../ui/Badge';
import { formatBytes, formatLocal } from '../ui/format';
import { useLiveQuery } from '../ui/useLiveQuery';
import { ClaimPoeViewer } from '../viewer';
import { useReviewViewerProps } from '../review/useReviewViewerProps';

export function DocumentsPanel({ claim }: { claim: Claim }) {
  const { db } = useWorkstation();
  // The review tools' overlay, highlights, selection and controller (nothing outside a review).
  const reviewProps = useReviewViewerProps();
  const hashes = claim.documents.map((d) => d.sha256);
  const cached = useLiveQuery(
    async () => new Set((await db.documents.where('sha256').anyOf(hashes).primaryKeys()) as string[]),
    [db, hashes.join(',')],
    new Set<string>(),
  );
  return (
    <section aria-labelledby="documents-heading" className="panel poe-slot">
      <h2 id="documents-heading">{t('documents.heading')}</h2>
      {claim.documents.length === 0 ? (
        <p>{t('documents.none')}</p>
      ) : (
        <ul className="document-list">
          {claim.documents.map((doc) => (
            <li key={doc.sha256}>
              <strong className="document-list__name">
                <bdi>{doc.fileName}</bdi>
              </strong>
              <div className="muted">
                {t('documents.pages', { count: doc.pages })} · {formatBytes(doc.size)} · {t('documents.uploaded', { by: doc.uploadedBy, at: formatLocal(doc.uploadedAt) })}
              </div>
              {cached.has(doc.sha256) ? <Badge tone="success">{t('documents.offline')}</Badge> : <Badge>{t('documents.notOffline')}</Badge>}
            </li>
          ))}
        </ul>
      )}
      <ClaimPoeViewer claim={claim} {...reviewProps} />
    </section>
  );
}
