/** The status bar: connection, pending actions, last sync, live updates; plus "Sync now". */
import { useSyncStatus } from '../data/workstation';
import { t } from '../i18n';
import { formatTime } from '../ui/format';
import { OfflineDocumentsStatus } from '../offline/OfflineDocumentsStatus';
import { useWorkstation } from './WorkstationContext';

function connectionText(state: ReturnType<typeof useSyncStatus.getState>['state']): string {
  switch (state) {
    case 'offline':
      return t('sync.offline');
    case 'syncing':
      return t('sync.syncing');
    case 'error':
      return t('sync.error');
    case 'storage_full':
      return t('sync.storageFull');
    case 'signed_out':
      return t('sync.signedOut');
    default:
      return t('sync.online');
  }
}

export function StatusBar() {
  const { loop } = useWorkstation();
  const state = useSyncStatus((s) => s.state);
  const outbox = useSyncStatus((s) => s.outbox);
  const lastSyncAt = useSyncStatus((s) => s.lastSyncAt);
  const pokes = useSyncStatus((s) => s.pokesConnected);
  const tone = state === 'offline' || state === 'signed_out' ? 'offline' : state === 'error' || state === 'storage_full' ? 'error' : 'online';
  return (
    <footer className="status-bar">
      <div role="status" aria-label={t('sync.bar')} className="status-bar__sync">
        <span className={`status-dot status-dot--${tone}`} aria-hidden="true" />
        <span>{connectionText(state)}</span>
        <span>{t('sync.pending', { count: outbox })}</span>
        <span>{lastSyncAt ? t('sync.lastSync', { time: formatTime(lastSyncAt) }) : t('sync.neverSynced')}</span>
        <span>{pokes ? t('sync.pokesOn') : t('sync.pokesOff')}</span>
      </div>
      <button type="button" className="button button--small" onClick={() => void loop.trigger()}>
        {t('sync.syncNow')}
      </button>
      <OfflineDocumentsStatus />
    </footer>
  );
}
