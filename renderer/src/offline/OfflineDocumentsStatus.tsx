/**
 * Progress of keeping PoE documents offline, and how much of the device's storage the app uses.
 * When storage ran out, an alert says so (and that the reviewer's work is safe), with a way to try
 * again once space is freed. The alert sits beside the status region, not inside it: nested live
 * regions are announced twice by some screen readers.
 */
import { t } from '../i18n';
import { formatBytes } from '../ui/format';
import { retryOfflineDocuments, useOfflineProgress } from './documentCache';

export function OfflineDocumentsStatus() {
  const { total, done, failed, storage, full } = useOfflineProgress();
  const text = total === 0 ? t('offline.none') : done >= total ? t('offline.complete', { total }) : t('offline.progress', { done, total });
  return (
    <>
      <div role="status" aria-label={t('offline.region')} className="status-bar__offline">
        {total > 0 && done < total && <progress max={total} value={done} aria-label={t('offline.progress', { done, total })} />}
        <span>{text}</span>
        {failed > 0 && <span className="error-text">{t('offline.failed', { count: failed })}</span>}
        <span className="muted">{storage ? t('offline.storage', { used: formatBytes(storage.usage), quota: formatBytes(storage.quota) }) : t('offline.storageUnknown')}</span>
      </div>
      {full && (
        <div className="status-bar__offline">
          <span role="alert" className="error-text">
            {t('offline.full', { kept: full.kept })}
          </span>
          <button type="button" className="button button--small" onClick={retryOfflineDocuments}>
            {t('offline.retry')}
          </button>
        </div>
      )}
    </>
  );
}
