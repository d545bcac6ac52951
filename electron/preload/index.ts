/**
 * Sandboxed preload (emitted as CommonJS, out/preload/index.cjs): exposes exactly the
 * WorkstationBridge methods on `window.workstation`, each forwarding to its own IPC channel.
 * Renderer code never sees ipcRenderer or Electron event objects.
 */
import { contextBridge, ipcRenderer } from 'electron';

import {
  BRIDGE_GLOBAL,
  bridgeChannels,
  type AppInfo,
  type NotifyRequest,
  type SaveFileRequest,
  type SaveFileResult,
  type StoredSession,
  type WorkstationBridge,
} from '@shared/bridge';

const bridge = {
  getAppInfo: () => ipcRenderer.invoke(bridgeChannels.getAppInfo) as Promise<AppInfo>,
  loadSession: () => ipcRenderer.invoke(bridgeChannels.loadSession) as Promise<StoredSession | null>,
  saveSession: (session: StoredSession) => ipcRenderer.invoke(bridgeChannels.saveSession, session) as Promise<boolean>,
  clearSession: () => ipcRenderer.invoke(bridgeChannels.clearSession) as Promise<void>,
  saveFile: (request: SaveFileRequest) => ipcRenderer.invoke(bridgeChannels.saveFile, request) as Promise<SaveFileResult>,
  notify: (request: NotifyRequest) => ipcRenderer.invoke(bridgeChannels.notify, request) as Promise<boolean>,
  setBadgeCount: (count: number) => ipcRenderer.invoke(bridgeChannels.setBadgeCount, count) as Promise<boolean>,
  getBackendUrl: () => ipcRenderer.invoke(bridgeChannels.getBackendUrl) as Promise<string | null>,
  setBackendUrl: (url: string | null) => ipcRenderer.invoke(bridgeChannels.setBackendUrl, url) as Promise<void>,
} satisfies WorkstationBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
