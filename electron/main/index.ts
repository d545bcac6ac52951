/**
 * Electron main process: one window, the app:// protocol, the security hooks and the bridge.
 * Policy lives in security.ts / protocol.ts / ipc.ts (Electron-free, unit-tested); this file
 * only wires it into Electron.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { app, BrowserWindow, dialog, ipcMain, net, Notification, protocol, safeStorage, screen, session, shell, type WebContents } from 'electron';

import { PRODUCT_NAME } from '@shared/bridge';

import { proxyToBackend } from './backend-proxy';
import { registerBridgeHandlers } from './ipc';
import { createAppProtocolHandler } from './protocol';
import { saveFileWithDialog } from './save-file';
import { createSessionStore } from './session-store';
import { createSettingsStore, DEFAULT_BACKEND_URL, visibleBounds, type SettingsStore } from './settings-store';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  appOrigins,
  buildContentSecurityPolicy,
  createMainWindowOptions,
  isAllowedExternalUrl,
  isAppUrl,
  isPermissionAllowed,
  originOf,
} from './security';

// Build layout (electron-vite): out/main/index.js, out/preload/index.cjs, out/renderer/index.html.
const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

// electron-vite sets this when running `electron-vite dev`; a packaged app never trusts it.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const trustedOrigins = appOrigins(devServerUrl);
const devServerOrigin = devServerUrl ? (originOf(devServerUrl) ?? undefined) : undefined;
const csp = buildContentSecurityPolicy(devServerOrigin ? { devServerOrigin } : {});

let mainWindow: BrowserWindow | null = null;

// Must happen before `ready`: `standard` gives app:// real origins and relative URL resolution,
// `secure` makes it a secure context (needed for crypto.subtle, service-worker-free storage, etc.).
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
  },
]);
app.setName(PRODUCT_NAME);

function hardenWebContents(contents: WebContents): void {
  const openExternally = (url: string) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
  };
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, trustedOrigins)) {
      event.preventDefault();
      openExternally(url);
    }
  });
  // Every frame, subframes included (will-navigate fires for the main frame only): none leaves the app.
  contents.on('will-frame-navigate', (details) => {
    if (!isAppUrl(details.url, trustedOrigins)) details.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, trustedOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
}

function configureSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, trustedOrigins));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, trustedOrigins),
  );
  ses.setDevicePermissionHandler(() => false);
  if (devServerUrl) {
    // app:// responses carry the CSP from the protocol handler; dev-server responses get it here.
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] },
      });
    });
  }
}

async function createMainWindow(settings: SettingsStore): Promise<BrowserWindow> {
  // Remembered size and place, unless that display is gone (then the defaults, centred).
  const bounds = visibleBounds((await settings.read()).window, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow(createMainWindowOptions({ preload: PRELOAD_PATH, ...(bounds ? { bounds } : {}) }));
  window.once('ready-to-show', () => {
    if (bounds?.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    const { x, y, width, height } = window.getNormalBounds();
    void settings.update({ window: { x, y, width, height, maximized: window.isMaximized() } });
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
  return window;
}

async function start(): Promise<void> {
  await app.whenReady();
  const userData = app.getPath('userData');
  const settings = createSettingsStore(path.join(userData, 'settings.json'), { readFile, writeFile, rename });
  const sessions = createSessionStore(path.join(userData, 'session.bin'), safeStorage, { readFile, writeFile, rename, rm });
  const backendUrl = async () => (await settings.read()).backendUrl ?? process.env['POE_BACKEND_URL'] ?? DEFAULT_BACKEND_URL;
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      rootDir: RENDERER_DIR,
      contentSecurityPolicy: csp,
      readFile: (filePath) => readFile(filePath),
      proxy: async (request) => proxyToBackend(request, await backendUrl(), (url, init) => net.fetch(url, init)),
    }),
  );
  configureSession();
  registerBridgeHandlers(
    ipcMain,
    {
      getAppInfo: () => ({
        name: PRODUCT_NAME,
        version: app.getVersion(),
        platform: process.platform,
        electron: true,
        // The OS language (app.getLocale() is Chromium's UI language, which may differ).
        locale: app.getPreferredSystemLanguages()[0] ?? app.getLocale(),
      }),
      loadSession: () => sessions.load(),
      saveSession: (stored) => sessions.save(stored),
      clearSession: () => sessions.clear(),
      saveFile: (request) =>
        saveFileWithDialog(request, {
          showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
          writeFile: (file, data) => writeFile(file, data),
          defaultDir: app.getPath('downloads'),
        }),
      notify: ({ title, body }) => {
        if (!Notification.isSupported()) return false;
        new Notification({ title, body, silent: false }).show();
        return true;
      },
      // macOS dock and Linux launchers (Unity API); false where the platform has no badge.
      setBadgeCount: (count) => app.setBadgeCount(count),
      getBackendUrl: backendUrl,
      setBackendUrl: async (url) => {
        await settings.update({ backendUrl: url });
      },
    },
    trustedOrigins,
  );
  mainWindow = await createMainWindow(settings);
  app.on('activate', () => {
    // macOS: re-create the window when the dock icon is clicked and none is open.
    if (BrowserWindow.getAllWindows().length === 0) void createMainWindow(settings).then((w) => (mainWindow = w));
  });
}

// One instance per user: two instances would race on the same local database and outbox.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  start().catch((error: unknown) => {
    console.error('Failed to start the workstation:', error);
    app.exit(1);
  });
}
