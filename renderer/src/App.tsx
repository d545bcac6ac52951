import { useEffect, useState } from 'react';

import type { AppInfo, WorkstationBridge } from './bridge';

type InfoState =
  | { status: 'loading' }
  | { status: 'ready'; info: AppInfo }
  | { status: 'error'; message: string };

export function App({ bridge }: { bridge: WorkstationBridge }) {
  const [state, setState] = useState<InfoState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    bridge.getAppInfo().then(
      (info) => {
        if (current) setState({ status: 'ready', info });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (current) setState({ status: 'error', message });
      },
    );
    return () => {
      current = false;
    };
  }, [bridge]);

  return (
    <>
      <header className="app-header">
        <img src="./favicon.svg" alt="" width={28} height={28} />
        <span className="app-header__name">PoE Reviewer Workstation</span>
        {state.status === 'ready' && (
          <span className="app-header__mode">{state.info.electron ? 'Desktop' : 'Browser mode'}</span>
        )}
      </header>
      <main className="app-main">
        <h1>PoE Reviewer Workstation</h1>
        <p>Review Partner Center customer-association claims and their Proof of Execution, online or offline.</p>
        <section aria-labelledby="about-heading" className="about">
          <h2 id="about-heading">About this workstation</h2>
          {state.status === 'loading' && <p role="status">Loading app information…</p>}
          {state.status === 'error' && <p role="alert">App information unavailable: {state.message}</p>}
          {state.status === 'ready' && (
            <dl>
              <dt>Application</dt>
              <dd>{state.info.name}</dd>
              <dt>Version</dt>
              <dd>{state.info.version}</dd>
              <dt>Platform</dt>
              <dd>{state.info.platform}</dd>
              <dt>Shell</dt>
              <dd>{state.info.electron ? 'Electron desktop app' : 'Browser (no desktop shell)'}</dd>
            </dl>
          )}
        </section>
      </main>
    </>
  );
}
