/**
 * Sandboxed preload (emitted as CommonJS, out/preload/index.cjs): exposes exactly the
 * WorkstationBridge methods on `window.workstation`, each forwarding to its own IPC channel.
 * Renderer code never sees ipcRenderer or Electron event objects.
 */
import { contextBridge, ipcRenderer } from 'electron';

import { BRIDGE_GLOBAL, bridgeChannels, type AppInfo, type WorkstationBridge } from '@shared/bridge';

const bridge = {
  getAppInfo: () => ipcRenderer.invoke(bridgeChannels.getAppInfo) as Promise<AppInfo>,
} satisfies WorkstationBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
