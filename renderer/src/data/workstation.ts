/**
 * A signed-in workstation: local database, sync engine, sync loop and poke stream wired together.
 * Screens act through `act()` (decide locally, queue, sync) and read claims from `useClaims`.
 */
import { create } from 'zustand';
import type { StoredSession } from '@shared/bridge';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, type Actor, type CommandInput, type SyncSettings } from '@shared/index';
import { makeRoomForWork } from '../offline/storageReserve';
import { databaseName, getMeta, openWorkstationDb, type WorkstationDb } from '../store/db';
import { perform, serverNow, type EngineContext, type PerformResult } from '../sync/engine';
import { SyncLoop, type SyncStatus } from '../sync/loop';
import { listenForPokes } from '../sync/poke';
import { httpTransport } from '../sync/transport';
import { loadAllClaims, refreshClaims, resetClaims } from './claimsStore';

/**
 * A signed-in session. `serverUrl` names the backend (and the local database); `apiUrl` is where
 * requests go when that differs: in the desktop shell, the app's own origin, which main forwards
 * to the backend (electron/main/backend-proxy.ts).
 */
export type Session = StoredSession & { apiUrl?: string };

/** Where this session's HTTP requests go. */
export function apiUrlOf(session: Pick<Session, 'serverUrl' | 'apiUrl'>): string {
  return session.apiUrl ?? session.serverUrl;
}

export type Workstation = {
  session: Session;
  db: WorkstationDb;
  ctx: EngineContext;
  loop: SyncLoop;
  act(command: Exclude<CommandInput, { type: 'create' }>): Promise<PerformResult>;
  serverNow(): Promise<Date>;
  stop(): void;
};

/** Sync state for the status bar; `serverOffsetMs` turns the device clock into server time for countdowns. */
export const useSyncStatus = create<SyncStatus & { pokesConnected: boolean; outbox: number; serverOffsetMs: number }>(() => ({
  state: 'idle',
  lastSyncAt: null,
  lastError: null,
  nextAttemptAt: null,
  lastResult: null,
  pokesConnected: false,
  outbox: 0,
  serverOffsetMs: 0,
}));

/** The server's calendar and policy (from the last pull; the defaults until then), for clocks and dry runs. */
export const useSyncSettings = create<SyncSettings>(() => ({ calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY }));

/** Server time now, synchronously, for tickers. */
export function serverTimeNow(): number {
  return Date.now() + useSyncStatus.getState().serverOffsetMs;
}

export async function startWorkstation(session: Session): Promise<Workstation> {
  const db = openWorkstationDb(databaseName(session.serverUrl, session.user.id));
  const actor: Actor = { id: session.user.id, role: session.user.role };
  const countOutbox = async () => useSyncStatus.setState({ outbox: await db.outbox.count() });
  const ctx: EngineContext = {
    db,
    transport: httpTransport({ baseUrl: apiUrlOf(session), token: () => session.token }),
    actor,
    deviceNow: () => Date.now(),
    defaults: { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY },
    newClientId: () => crypto.randomUUID(),
    onClaimsChanged: (ids) => {
      void refreshClaims(db, ids);
      void countOutbox();
    },
  };
  resetClaims();
  useSyncStatus.setState({ state: 'idle', lastSyncAt: (await getMeta(db, 'lastSyncAt')) ?? null, lastError: null, nextAttemptAt: null, lastResult: null, pokesConnected: false });
  const publishSettings = async () => {
    useSyncSettings.setState((await getMeta(db, 'settings')) ?? { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY });
    useSyncStatus.setState({ serverOffsetMs: (await getMeta(db, 'serverOffsetMs')) ?? 0 });
  };
  await publishSettings();
  await loadAllClaims(db);
  await countOutbox();

  const loop = new SyncLoop(ctx, { onStorageFull: () => makeRoomForWork(db) });
  const unsubscribe = loop.subscribe((status) => {
    // The loop starts without a last sync; keep the one remembered from the previous run until it has one.
    useSyncStatus.setState({ ...status, lastSyncAt: status.lastSyncAt ?? useSyncStatus.getState().lastSyncAt });
    if (status.state === 'idle') void publishSettings();
  });
  const stopPokes = listenForPokes({
    url: new URL('/sync/poke', apiUrlOf(session)).toString(),
    token: () => session.token,
    onPoke: () => void loop.trigger(),
    onConnected: (pokesConnected) => useSyncStatus.setState({ pokesConnected }),
  });
  // The browser's online/offline events are hints: "offline" shows at once; "online" probes the
  // server with a sync right away instead of waiting for the backoff timer.
  const onOnline = () => void loop.trigger();
  const onOffline = () => useSyncStatus.setState({ state: 'offline' });
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  void loop.trigger();

  return {
    session,
    db,
    ctx,
    loop,
    async act(command) {
      const result = await perform(ctx, command);
      if (result.ok) void loop.trigger();
      return result;
    },
    serverNow: () => serverNow(ctx),
    stop() {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
      stopPokes();
      unsubscribe();
      loop.stop();
      db.close();
    },
  };
}
