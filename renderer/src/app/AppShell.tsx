/** The signed-in workstation: banner with navigation, the current screen, the status bar. */
import { useEffect, useRef, type ComponentType } from 'react';
import { ClaimScreen } from '../claim/ClaimScreen';
import { useSyncStatus, type Workstation } from '../data/workstation';
import { t } from '../i18n';
import { startDocumentCache } from '../offline/documentCache';
import { signOut } from '../session/sessionStore';
import { ReportsScreen } from '../reports/ReportsScreen';
import { SettingsScreen } from '../settings/SettingsScreen';
import { SlaNotifier } from '../sla/SlaNotifier';
import { SlaScreen } from '../supervisor/SlaScreen';
import { SyncIssuesScreen } from '../syncIssues/SyncIssuesScreen';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { HeaderNav } from './HeaderNav';
import { navigate, useRoute } from './route';
import { StatusBar } from './StatusBar';
import { RefusalNotifier } from './useRefusalNotifications';
import { WorkstationContext } from './WorkstationContext';

export type QueueComponent = ComponentType<{ onOpenClaim(id: string): void }>;

export function AppShell({ workstation, electron, Queue }: { workstation: Workstation; electron: boolean; Queue: QueueComponent }) {
  const route = useRoute();
  const syncState = useSyncStatus((s) => s.state);
  const mainRef = useRef<HTMLElement>(null);
  const routeKey = route.screen === 'claim' ? `claim:${route.claimId}` : route.screen;
  const firstRoute = useRef(true);

  useEffect(() => startDocumentCache(workstation), [workstation]);

  useEffect(() => {
    // After navigating, put keyboard and screen-reader focus on the new screen's heading.
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
  }, [routeKey]);

  return (
    <WorkstationContext.Provider value={workstation}>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        {t('app.skipToMain')}
      </button>
      <RefusalNotifier />
      <SlaNotifier />
      <HeaderNav electron={electron} />
      {syncState === 'signed_out' && (
        <div role="alert" className="banner banner--warning">
          {t('signIn.sessionEnded')}{' '}
          <button type="button" className="button button--small" onClick={() => void signOut('session_ended')}>
            {t('sync.reauth')}
          </button>
        </div>
      )}
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <ErrorBoundary resetKey={routeKey}>
        {route.screen === 'claim' ? (
          <ClaimScreen key={route.claimId} claimId={route.claimId} />
        ) : route.screen === 'syncIssues' ? (
          <SyncIssuesScreen />
        ) : route.screen === 'sla' ? (
          <SlaScreen />
        ) : route.screen === 'reports' ? (
          <ReportsScreen />
        ) : route.screen === 'settings' ? (
          <SettingsScreen />
        ) : (
          <Queue onOpenClaim={(claimId) => navigate({ screen: 'claim', claimId })} />
        )}
        </ErrorBoundary>
      </main>
      <StatusBar />
    </WorkstationContext.Provider>
  );
}
