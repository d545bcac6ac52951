/**
 * The workstation: restores the stored session (or shows sign-in), then the signed-in shell.
 * Works the same in Electron (bridge from the preload) and in a browser (browser bridge).
 */
import { Fragment, useEffect, useState } from 'react';
import { AppShell, type QueueComponent } from './app/AppShell';
import { BridgeContext } from './app/BridgeContext';
import { QueueSlot } from './app/QueueSlot';
import type { WorkstationBridge } from './bridge';
import { t, useLocale } from './i18n';
import { setSystemLanguages, syncDocumentLanguage } from './i18n/locale';
import { configureSession, restoreSession, useSession } from './session/sessionStore';
import { SignInScreen } from './signin/SignInScreen';

type ShellInfo = { electron: boolean; defaultServerUrl: string };

/** The review queue screen, mounted in the shell's main region. */
const Queue: QueueComponent = QueueSlot;

export function App({ bridge }: { bridge: WorkstationBridge }) {
  const [shell, setShell] = useState<ShellInfo | null>(null);
  const state = useSession();
  // Every screen reads its text through t() while rendering: a new language remounts the tree
  // under this key, so memoized components cannot keep text of the old one.
  const locale = useLocale((s) => s.locale);

  useEffect(() => syncDocumentLanguage(), []);
  useEffect(() => {
    // Keeps the "(n) " badge prefix of browser mode (bridge/browser.ts setBadgeCount).
    const badge = /^\(\d+\) /.exec(document.title)?.[0] ?? '';
    document.title = badge + t('app.name');
  }, [locale]);

  useEffect(() => {
    let current = true;
    void (async () => {
      const info = await bridge.getAppInfo();
      setSystemLanguages(info.locale);
      const origin = window.location.origin;
      // Desktop: API calls go to app://workstation and main forwards them (electron/main/backend-proxy.ts).
      configureSession({ bridge, apiUrlFor: async (serverUrl) => (info.electron ? origin : serverUrl) });
      const configured = await bridge.getBackendUrl().catch(() => null);
      if (!current) return;
      setShell({ electron: info.electron, defaultServerUrl: configured ?? origin });
      await restoreSession();
    })();
    return () => {
      current = false;
    };
  }, [bridge]);

  if (!shell || state.phase === 'restoring') {
    return (
      <main id="main" className="app-main" key={locale}>
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  }
  if (state.phase === 'signed_out') return <SignInScreen key={`${locale}:${state.notice ?? 'none'}`} defaultServerUrl={shell.defaultServerUrl} />;
  return (
    <BridgeContext.Provider value={bridge}>
      <Fragment key={locale}>
        <AppShell workstation={state.workstation} electron={shell.electron} Queue={Queue} />
      </Fragment>
    </BridgeContext.Provider>
  );
}
