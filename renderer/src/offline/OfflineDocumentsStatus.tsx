/** Progress of keeping PoE documents offline, and how much of the device's storage the app uses. */
import { t } from '../i18n';
import { formatBytes } from '../ui/format';
import { useOfflineProgress } from './documentCache';

export function OfflineDocumentsStatus() {
  const { total, done, failed, storage } = useOfflineProgress();
  const text = total === 0 ? t('offline.none') : done >= total ? t('offline.complete', { total }) : t('offline.progress', { done, total });
  return (
    <div role="status" aria-label={t('offline.region')} className="status-bar__offline">
      {total > 0 && done < total && <progress max={total} value={done} aria-label={t('offline.progress', { done, total })} />}
      <span>{text}</span>
      {failed > 0 && <span className="error-text">{t('offline.failed', { count: failed })}</span>}
      <span className="muted">{storage ? t('offline.storage', { used: formatBytes(storage.usage), quota: formatBytes(storage.quota) }) : t('offline.storageUnknown')}</span>
    </div>
  );
}
