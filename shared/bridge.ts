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
  /**
   * The OS language as a BCP 47 tag (`ja-JP`), where the shell knows it (Electron: the system's
   * preferred language); absent in a browser, where `navigator.languages` says it.
   */
  locale?: string;
};

/** Roles that use the workstation; partners and customers use the backend API only. */
export type WorkstationRole = 'reviewer' | 'supervisor';

/**
 * A signed-in session as the workstation keeps it between launches. The token is a secret: the
 * desktop shell stores it encrypted with the OS keychain (Electron `safeStorage`).
 */
export type StoredSession = {
  /** The backend this session belongs to (also names the local database). */
  serverUrl: string;
  token: string;
  expiresAt: string;
  user: { id: string; username: string; displayName: string; role: WorkstationRole };
};

/** A file the user saves (exports, reports). `data` is text (UTF-8) or bytes. */
export type SaveFileRequest = { suggestedName: string; mimeType: string; data: string | Uint8Array };

/** `saved: false` when the user cancelled; `location` is the chosen path where the shell knows it. */
export type SaveFileResult = { saved: true; location?: string } | { saved: false };

export type NotifyRequest = { title: string; body: string };

export interface WorkstationBridge {
  getAppInfo(): Promise<AppInfo>;
  /** The stored session, or null when none is stored, it cannot be decrypted, or it is damaged. */
  loadSession(): Promise<StoredSession | null>;
  /** Stores the session; resolves false when it cannot be stored securely (then only this run knows it). */
  saveSession(session: StoredSession): Promise<boolean>;
  clearSession(): Promise<void>;
  /** Asks where to save (desktop: a save dialog) and writes the file. */
  saveFile(request: SaveFileRequest): Promise<SaveFileResult>;
  /** Shows a desktop notification; resolves false when notifications are unavailable or denied. */
  notify(request: NotifyRequest): Promise<boolean>;
  /**
   * The count on the app's dock/taskbar/launcher badge (breached claims); 0 clears it. Resolves
   * false where the OS shows no badge. Browser mode: a "(n) " prefix on the page title.
   */
  setBadgeCount(count: number): Promise<boolean>;
  /** The backend URL chosen on this machine, or null for the default (browser: the page's own origin). */
  getBackendUrl(): Promise<string | null>;
  setBackendUrl(url: string | null): Promise<void>;
}

/** The name under which the preload exposes the bridge: `window.workstation`. */
export const BRIDGE_GLOBAL = 'workstation';

/** IPC channel per bridge method; one channel per method keeps sender/payload checks specific. */
export const bridgeChannels = {
  getAppInfo: 'workstation:get-app-info',
  loadSession: 'workstation:load-session',
  saveSession: 'workstation:save-session',
  clearSession: 'workstation:clear-session',
  saveFile: 'workstation:save-file',
  notify: 'workstation:notify',
  setBadgeCount: 'workstation:set-badge-count',
  getBackendUrl: 'workstation:get-backend-url',
  setBackendUrl: 'workstation:set-backend-url',
} as const satisfies Record<keyof WorkstationBridge, string>;

export type BridgeChannel = (typeof bridgeChannels)[keyof typeof bridgeChannels];

/**
 * Paths of the sync backend's HTTP API. In the desktop shell the renderer calls them on its own
 * origin (app://workstation/…) and main forwards them to the configured backend, so the renderer
 * never needs CORS or a CSP exception for a user-chosen host.
 */
export const BACKEND_PATH_PREFIXES = ['/auth/', '/sync/', '/documents/', '/claims/', '/settings', '/healthz', '/version'] as const;
