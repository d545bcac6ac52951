import { describe, expect, it, vi } from 'vitest';

import { bridgeChannels, type StoredSession, type WorkstationBridge } from '@shared/bridge';
import { appInfoSchema } from '@shared/bridge-schema';

import {
  BACKEND_URL_KEY,
  browserNotificationPermission,
  createBrowserBridge,
  requestBrowserNotificationPermission,
  SESSION_KEY,
  type BrowserEnvironment,
} from './browser';
import { resolveBridge } from './index';

const SESSION: StoredSession = {
  serverUrl: 'http://127.0.0.1:8787',
  token: 'poe_token',
  expiresAt: '2026-12-06T13:05:28.652Z',
  user: { id: 'reviewer1', username: 'reviewer1', displayName: 'Alex Johnson', role: 'reviewer' },
};

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    storage: {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    },
  };
}

describe('resolveBridge', () => {
  it('uses the preload bridge when Electron exposed one', () => {
    const desktop = { getAppInfo: () => Promise.resolve({ name: 'x', version: '1', platform: 'linux', electron: true }) } as WorkstationBridge;
    expect(resolveBridge({ workstation: desktop })).toBe(desktop);
  });

  it('falls back to the browser implementation', async () => {
    const info = await resolveBridge({}).getAppInfo();
    expect(info).toEqual({ name: 'PoE Reviewer Workstation', version: __APP_VERSION__, platform: 'web', electron: false });
    expect(appInfoSchema.parse(info)).toEqual(info);
    expect(await resolveBridge(undefined).getAppInfo()).toEqual(info);
  });

  it('browser bridge implements every bridge method', () => {
    const browser = createBrowserBridge({ storage: null });
    for (const method of Object.keys(bridgeChannels) as Array<keyof WorkstationBridge>) {
      expect(typeof browser[method]).toBe('function');
    }
  });
});

describe('browser bridge', () => {
  it('keeps the session in localStorage and forgets damaged ones', async () => {
    const { items, storage } = memoryStorage();
    const bridge = createBrowserBridge({ storage });
    expect(await bridge.loadSession()).toBeNull();
    expect(await bridge.saveSession(SESSION)).toBe(true);
    expect(await createBrowserBridge({ storage }).loadSession()).toEqual(SESSION);
    items.set(SESSION_KEY, '{"token":1}');
    expect(await bridge.loadSession()).toBeNull();
    expect(items.has(SESSION_KEY)).toBe(false);
    await bridge.saveSession(SESSION);
    await bridge.clearSession();
    expect(await bridge.loadSession()).toBeNull();
  });

  it('keeps a session for this page when storage is unavailable', async () => {
    const bridge = createBrowserBridge({ storage: null });
    expect(await bridge.saveSession(SESSION)).toBe(false);
    expect(await bridge.loadSession()).toEqual(SESSION);
  });

  it('stores a valid backend URL only', async () => {
    const { items, storage } = memoryStorage();
    const bridge = createBrowserBridge({ storage });
    expect(await bridge.getBackendUrl()).toBeNull();
    await bridge.setBackendUrl('https://sync.example.com');
    expect(await bridge.getBackendUrl()).toBe('https://sync.example.com');
    await expect(bridge.setBackendUrl('javascript:alert(1)')).rejects.toThrow();
    items.set(BACKEND_URL_KEY, 'ftp://x');
    expect(await bridge.getBackendUrl()).toBeNull();
    await bridge.setBackendUrl(null);
    expect(items.has(BACKEND_URL_KEY)).toBe(false);
  });

  it('downloads a file through a Blob URL with a safe name', async () => {
    const clicked: { href: string; download: string }[] = [];
    const link = { href: '', download: '', rel: '', click: () => clicked.push({ href: link.href, download: link.download }), remove: vi.fn() };
    const document = { createElement: () => link, body: { append: vi.fn() } } as unknown as Document;
    const urls = { createObjectURL: vi.fn(() => 'blob:x'), revokeObjectURL: vi.fn() };
    const env: BrowserEnvironment = { storage: null, document, URL: urls };
    const result = await createBrowserBridge(env).saveFile({ suggestedName: '../report.csv', mimeType: 'text/csv', data: 'a,b' });
    expect(result).toEqual({ saved: true });
    expect(clicked).toEqual([{ href: 'blob:x', download: 'report.csv' }]);
    expect(link.remove).toHaveBeenCalled();
  });

  it('notifies only with permission', async () => {
    const shown: string[] = [];
    const make = (permission: NotificationPermission, answer: NotificationPermission) =>
      Object.assign(
        function FakeNotification(title: string) {
          shown.push(title);
        },
        { permission, requestPermission: vi.fn(async () => answer) },
      ) as unknown as typeof Notification;
    expect(await createBrowserBridge({ storage: null, Notification: make('granted', 'granted') }).notify({ title: 'a', body: '' })).toBe(true);
    expect(await createBrowserBridge({ storage: null, Notification: make('default', 'denied') }).notify({ title: 'b', body: '' })).toBe(false);
    expect(await createBrowserBridge({ storage: null }).notify({ title: 'c', body: '' })).toBe(false);
    expect(shown).toEqual(['a']);
  });

  it('asks for notification permission only while undecided', async () => {
    const make = (permission: NotificationPermission, answer: NotificationPermission) =>
      ({ permission, requestPermission: vi.fn(async () => answer) }) as unknown as typeof Notification;
    expect(browserNotificationPermission({})).toBe('unsupported');
    expect(browserNotificationPermission({ Notification: make('denied', 'granted') })).toBe('denied');
    const undecided = make('default', 'granted');
    expect(await requestBrowserNotificationPermission({ Notification: undecided })).toBe(true);
    expect(undecided.requestPermission).toHaveBeenCalledOnce();
    const denied = make('denied', 'granted');
    expect(await requestBrowserNotificationPermission({ Notification: denied })).toBe(false);
    expect(denied.requestPermission).not.toHaveBeenCalled();
  });

  it('shows the badge count as a prefix of the page title', async () => {
    const document = { title: 'PoE Reviewer Workstation' } as Document;
    const bridge = createBrowserBridge({ storage: null, document });
    expect(await bridge.setBadgeCount(12)).toBe(true);
    expect(document.title).toBe('(12) PoE Reviewer Workstation');
    await bridge.setBadgeCount(3);
    expect(document.title).toBe('(3) PoE Reviewer Workstation');
    await bridge.setBadgeCount(0);
    expect(document.title).toBe('PoE Reviewer Workstation');
    expect(await createBrowserBridge({ storage: null }).setBadgeCount(1)).toBe(false);
  });
});
