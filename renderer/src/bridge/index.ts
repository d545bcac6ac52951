/**
 * The renderer's only way to the desktop shell: the preload's `window.workstation` when running in
 * Electron, otherwise the browser implementation. Screens import `bridge` from here, never `window`.
 */
import { BRIDGE_GLOBAL, type WorkstationBridge } from '@shared/bridge';

import { browserNotificationPermission, createBrowserBridge, requestBrowserNotificationPermission } from './browser';

declare global {
  interface Window {
    /** Set by electron/preload (see BRIDGE_GLOBAL); absent in a plain browser. */
    workstation?: WorkstationBridge;
  }
}

type BridgeScope = { [BRIDGE_GLOBAL]?: WorkstationBridge | undefined };

export function resolveBridge(scope: BridgeScope | undefined): WorkstationBridge {
  return scope?.[BRIDGE_GLOBAL] ?? createBrowserBridge();
}

export const bridge: WorkstationBridge = resolveBridge(typeof window === 'undefined' ? undefined : window);

/** The desktop shell notifies without asking; a browser needs the user's permission, asked on a click. */
export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof window !== 'undefined' && window[BRIDGE_GLOBAL] ? 'granted' : browserNotificationPermission();
}

export function requestNotificationPermission(): Promise<boolean> {
  return typeof window !== 'undefined' && window[BRIDGE_GLOBAL] ? Promise.resolve(true) : requestBrowserNotificationPermission();
}

export type { AppInfo, WorkstationBridge } from '@shared/bridge';
