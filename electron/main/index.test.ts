/**
 * Wiring test for the main process with Electron replaced by a recording fake: the real module
 * would try to download the Electron binary (ARCHITECTURE.md, "Toolchain facts").
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

import { bridgeChannels } from '@shared/bridge';

import { buildContentSecurityPolicy, originOf } from './security';

const originOfUrl = (url: string) => originOf(url) ?? '';

type Handler = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const appListeners = new Map<string, Handler>();
  const windows: Array<{ options: unknown; loadURL: ReturnType<typeof vi.fn> }> = [];
  const state = {
    gotLock: true,
    appListeners,
    windows,
    protocolHandlers: new Map<string, Handler>(),
    privileged: [] as unknown[],
    ipcChannels: [] as string[],
    permissionRequestHandler: undefined as Handler | undefined,
    permissionCheckHandler: undefined as Handler | undefined,
    devicePermissionHandler: undefined as Handler | undefined,
    headersHandler: undefined as Handler | undefined,
  };
  class BrowserWindow {
    static getAllWindows = () => windows;
    loadURL = vi.fn(() => Promise.resolve());
    constructor(readonly options: unknown) {
      windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    maximize() {}
  }
  const electron = {
    app: {
      isPackaged: true,
      setName: vi.fn(),
      getVersion: () => '9.9.9',
      getPath: (name: string) => `/tmp/poe-workstation-test-${name}`,
      requestSingleInstanceLock: () => state.gotLock,
      quit: vi.fn(),
      exit: vi.fn(),
      whenReady: () => Promise.resolve(),
      on: (name: string, fn: Handler) => void appListeners.set(name, fn),
    },
    BrowserWindow,
    ipcMain: { handle: (channel: string) => void state.ipcChannels.push(channel) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void state.privileged.push(...schemes),
      handle: (scheme: string, fn: Handler) => void state.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Handler) => void (state.permissionRequestHandler = fn),
        setPermissionCheckHandler: (fn: Handler) => void (state.permissionCheckHandler = fn),
        setDevicePermissionHandler: vi.fn((fn: Handler) => void (state.devicePermissionHandler = fn)),
        webRequest: { onHeadersReceived: vi.fn((fn: Handler) => void (state.headersHandler = fn)) },
      },
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showSaveDialog: vi.fn() },
    net: { fetch: vi.fn() },
    Notification: Object.assign(vi.fn(), { isSupported: () => false }),
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

/** A fake webContents that records its hooks, as passed to `web-contents-created`. */
function fakeWebContents() {
  const listeners = new Map<string, Handler>();
  let openHandler: Handler | undefined;
  return {
    on: (name: string, fn: Handler) => void listeners.set(name, fn),
    setWindowOpenHandler: (fn: Handler) => void (openHandler = fn),
    emit(name: string, url: string) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event, url);
      return event.preventDefault.mock.calls.length > 0;
    },
    /** Events whose listener gets one details object (url and frame on the event itself). Whether it was prevented. */
    emitDetails(name: string, details: { url: string; isMainFrame: boolean }) {
      const event = { ...details, preventDefault: vi.fn() };
      listeners.get(name)?.(event);
      return event.preventDefault.mock.calls.length > 0;
    },
    has: (name: string) => listeners.has(name),
    open: (url: string) => openHandler?.({ url }),
  };
}

async function loadMain() {
  vi.resetModules();
  await import('./index');
  // Let start() run past `await app.whenReady()` and the settings read.
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('electron main', () => {
  beforeEach(() => {
    fake.state.gotLock = true;
    fake.state.windows.length = 0;
    fake.state.appListeners.clear();
    fake.state.protocolHandlers.clear();
    fake.state.privileged.length = 0;
    fake.state.ipcChannels.length = 0;
    fake.electron.shell.openExternal.mockClear();
    fake.electron.app.quit.mockClear();
    fake.electron.app.isPackaged = true;
    fake.state.permissionRequestHandler = undefined;
    fake.state.permissionCheckHandler = undefined;
    fake.state.devicePermissionHandler = undefined;
    fake.state.headersHandler = undefined;
    delete process.env['ELECTRON_RENDERER_URL'];
  });

  it('serves the renderer from the privileged app:// scheme, not file://', async () => {
    await loadMain();
    expect(fake.state.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(fake.state.protocolHandlers.has('app')).toBe(true);
    const [window] = fake.state.windows;
    expect(window?.loadURL).toHaveBeenCalledWith('app://workstation/index.html');
    expect(window?.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true },
    });
    expect(String((window?.options as { webPreferences: { preload: string } }).webPreferences.preload)).toMatch(
      /preload[\\/]index\.cjs$/,
    );
  });

  it('registers the bridge and denies permission requests', async () => {
    await loadMain();
    expect(fake.state.ipcChannels.sort()).toEqual(Object.values(bridgeChannels).sort());
    const callback = vi.fn();
    fake.state.permissionRequestHandler?.({}, 'media', callback, { requestingUrl: 'app://workstation/index.html' });
    expect(callback).toHaveBeenCalledWith(false);
    expect(fake.state.permissionCheckHandler?.({}, 'notifications', 'app://workstation')).toBe(false);
  });

  it('creates the window with every setting of the security checklist', async () => {
    await loadMain();
    const [window] = fake.state.windows;
    expect(window?.options).toMatchObject({
      show: false,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        experimentalFeatures: false,
        navigateOnDragDrop: false,
      },
    });
    // Nothing that would reopen a door is set at all.
    const prefs = (window?.options as { webPreferences: Record<string, unknown> }).webPreferences;
    for (const key of ['enableBlinkFeatures', 'additionalArguments', 'partition', 'session']) {
      expect(prefs).not.toHaveProperty(key);
    }
  });

  it('denies every permission request, permission check and device permission, to the app and to others', async () => {
    await loadMain();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'fullscreen', 'hid', 'serial']) {
      for (const url of ['app://workstation/index.html', 'https://evil.example/']) {
        const callback = vi.fn();
        fake.state.permissionRequestHandler?.({}, permission, callback, { requestingUrl: url });
        expect(callback).toHaveBeenCalledExactlyOnceWith(false);
        expect(fake.state.permissionCheckHandler?.({}, permission, originOfUrl(url), {})).toBe(false);
      }
    }
    expect(fake.state.devicePermissionHandler?.({ deviceType: 'usb', origin: 'app://workstation' })).toBe(false);
  });

  it('sends the CSP with every app:// response, also refusals', async () => {
    await loadMain();
    const handler = fake.state.protocolHandlers.get('app') as (request: Request) => Promise<Response>;
    for (const url of ['app://workstation/no-such-file.js', 'app://workstation/../etc/passwd', 'app://workstation/%2e%2e/secret']) {
      const response = await handler(new Request(url));
      expect(response.ok).toBe(false);
      expect(response.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy());
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // Packaged: the protocol handler is the only source of documents, so no header rewriting is installed.
    expect(fake.state.headersHandler).toBeUndefined();
  });

  it('puts the CSP on dev-server responses while developing', async () => {
    fake.electron.app.isPackaged = false;
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173/';
    await loadMain();
    const callback = vi.fn();
    fake.state.headersHandler?.({ responseHeaders: { 'Content-Type': ['text/html'] } }, callback);
    expect(callback).toHaveBeenCalledExactlyOnceWith({
      responseHeaders: { 'Content-Type': ['text/html'], 'Content-Security-Policy': [buildContentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' })] },
    });
  });

  it('keeps every frame, subframes included, inside the app', async () => {
    await loadMain();
    const contents = fakeWebContents();
    fake.state.appListeners.get('web-contents-created')?.({}, contents);
    expect(contents.has('will-frame-navigate')).toBe(true);
    expect(contents.emitDetails('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true);
    expect(contents.emitDetails('will-frame-navigate', { url: 'file:///etc/passwd', isMainFrame: true })).toBe(true);
    expect(contents.emitDetails('will-frame-navigate', { url: 'app://workstation.evil.example/', isMainFrame: false })).toBe(true);
    expect(contents.emitDetails('will-frame-navigate', { url: 'app://workstation/index.html', isMainFrame: true })).toBe(false);
    // A subframe's attempt to open a window is denied too, and nothing is opened externally.
    expect(contents.open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(contents.open('app://workstation/index.html')).toEqual({ action: 'deny' });
    expect(fake.electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies navigation away from the app and new windows', async () => {
    await loadMain();
    const contents = fakeWebContents();
    fake.state.appListeners.get('web-contents-created')?.({}, contents);

    expect(contents.emit('will-navigate', 'app://workstation/other.html')).toBe(false);
    expect(contents.emit('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.emit('will-navigate', 'app://workstation.evil.example/')).toBe(true);
    expect(contents.emit('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(contents.emit('will-attach-webview', 'app://workstation/')).toBe(true);

    expect(contents.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(contents.open('https://learn.microsoft.com/partner-center/')).toEqual({ action: 'deny' });
    // Allow-listed links open in the user's browser, never inside the app.
    expect(fake.electron.shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://learn.microsoft.com/partner-center/');
  });

  it('forwards API paths from app:// to the backend and serves everything else from the bundle', async () => {
    fake.electron.net.fetch.mockResolvedValue(new Response('{"ok":true}'));
    await loadMain();
    const handler = fake.state.protocolHandlers.get('app') as (request: Request) => Promise<Response>;
    const response = await handler(new Request('app://workstation/sync/pull?cursor=1', { headers: { authorization: 'Bearer t' } }));
    expect(await response.json()).toEqual({ ok: true });
    expect(fake.electron.net.fetch).toHaveBeenCalledWith('http://127.0.0.1:8787/sync/pull?cursor=1', expect.objectContaining({ method: 'GET' }));
    fake.electron.net.fetch.mockClear();
    await handler(new Request('app://workstation/no-such-file.js'));
    expect(fake.electron.net.fetch).not.toHaveBeenCalled();
  });

  it('quits when another instance already holds the lock', async () => {
    fake.state.gotLock = false;
    await loadMain();
    expect(fake.electron.app.quit).toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
  });
});
