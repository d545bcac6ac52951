/**
 * The bridge between the renderer and the Electron main process (ARCHITECTURE.md, "The bridge").
 *
 * One interface of named methods, no generic `send`/`invoke`: every capability the renderer gets
 * from the desktop shell is listed here, so a review of this file is a review of the attack surface.
 * The preload implements it over IPC; `renderer/src/bridge` implements it again with browser APIs,
 * so the same React code runs in Electron and in a plain browser.
 *
 * This file must stay free of runtime dependencies: the sandboxed preload bundles it.
 */

export const PRODUCT_NAME = 'PoE Reviewer Workstation';

/** Facts about the running shell, shown in the UI and attached to support reports. */
export type AppInfo = {
  name: string;
  version: string;
  /** `process.platform` of the desktop shell (`linux`, `win32`, `darwin`), or `web` in a browser. */
  platform: string;
  /** True inside the Electron shell, false in browser mode. */
  electron: boolean;
};

export interface WorkstationBridge {
  getAppInfo(): Promise<AppInfo>;
}

/** The name under which the preload exposes the bridge: `window.workstation`. */
export const BRIDGE_GLOBAL = 'workstation';

/** IPC channel per bridge method; one channel per method keeps sender/payload checks specific. */
export const bridgeChannels = {
  getAppInfo: 'workstation:get-app-info',
} as const satisfies Record<keyof WorkstationBridge, string>;

export type BridgeChannel = (typeof bridgeChannels)[keyof typeof bridgeChannels];
