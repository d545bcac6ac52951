import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { bridgeChannels } from '@shared/bridge';

import { BridgeRequestError, registerBridgeHandlers, type IpcRegistrar } from './ipc';
import { appOrigins } from './security';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;
type FakeFrame = { url: string; parent: FakeFrame | null; processId: number; routingId: number };

function setup() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcRegistrar = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const getAppInfo = vi.fn(() => ({ name: 'PoE Reviewer Workstation', version: '1.2.3', platform: 'linux', electron: true }));
  const handlers = {
    getAppInfo,
    loadSession: vi.fn(() => null),
    saveSession: vi.fn(() => true),
    clearSession: vi.fn(async () => {}),
    saveFile: vi.fn(() => ({ saved: false as const })),
    notify: vi.fn(() => true),
    setBadgeCount: vi.fn(() => true),
    getBackendUrl: vi.fn(() => 'http://127.0.0.1:8787'),
    setBackendUrl: vi.fn(async () => {}),
  };
  registerBridgeHandlers(ipc, handlers, appOrigins());
  // The window's main frame (top level) and a subframe inside it, in the same renderer process.
  const mainFrame = { url: 'app://workstation/index.html', parent: null, processId: 4, routingId: 1 };
  const sender = { mainFrame };
  /** Calls a channel as `frame` of `sender` would (only these parts of the event are read). */
  const invokeFrom = (channel: string, from: { senderFrame: FakeFrame | null; sender?: { mainFrame: FakeFrame } }, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    // The fake carries only what the handlers read; the rest of the Electron event is irrelevant here.
    const event = { sender, ...from } as unknown as IpcMainInvokeEvent;
    return listener(event, ...args);
  };
  /** Calls a channel from the main frame showing `senderUrl` (null: the frame is gone). */
  const invoke = (channel: string, senderUrl: string | null, ...args: unknown[]) =>
    invokeFrom(channel, { senderFrame: senderUrl === null ? null : { ...mainFrame, url: senderUrl } }, ...args);
  return { listeners, getAppInfo, handlers, invoke, invokeFrom, mainFrame };
}

describe('registerBridgeHandlers', () => {
  it('registers exactly one channel per bridge method', () => {
    const { listeners } = setup();
    expect([...listeners.keys()].sort()).toEqual(Object.values(bridgeChannels).sort());
  });

  it('answers the app itself', async () => {
    const { invoke, getAppInfo } = setup();
    await expect(invoke(bridgeChannels.getAppInfo, 'app://workstation/index.html')).resolves.toEqual({
      name: 'PoE Reviewer Workstation',
      version: '1.2.3',
      platform: 'linux',
      electron: true,
    });
    expect(getAppInfo).toHaveBeenCalledOnce();
  });

  it.each([['https://evil.example/'], ['file:///tmp/x.html'], ['app://other/'], [null]])(
    'refuses sender %s without running the handler',
    async (senderUrl) => {
      const { invoke, getAppInfo } = setup();
      await expect(invoke(bridgeChannels.getAppInfo, senderUrl)).rejects.toMatchObject({
        name: 'BridgeRequestError',
        code: 'untrusted_sender',
      });
      expect(getAppInfo).not.toHaveBeenCalled();
    },
  );

  it('refuses a subframe of the window even when it shows an app:// URL', async () => {
    const { invokeFrom, getAppInfo, mainFrame } = setup();
    const subframe: FakeFrame = { url: 'app://workstation/index.html', parent: mainFrame, processId: 4, routingId: 7 };
    await expect(invokeFrom(bridgeChannels.getAppInfo, { senderFrame: subframe })).rejects.toMatchObject({
      name: 'BridgeRequestError',
      code: 'untrusted_sender',
    });
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  it('refuses a top-level frame that is not the main frame of the sending window', async () => {
    const { invokeFrom, getAppInfo, mainFrame } = setup();
    // Parentless but another frame (e.g. a frame swapped in after a navigation, or another process).
    for (const senderFrame of [
      { ...mainFrame, routingId: 2 },
      { ...mainFrame, processId: 5 },
    ]) {
      await expect(invokeFrom(bridgeChannels.getAppInfo, { senderFrame })).rejects.toMatchObject({ code: 'untrusted_sender' });
    }
    // A frame of another window's webContents calling with this window's sender is likewise refused.
    const otherWindow = { mainFrame: { ...mainFrame, processId: 9 } };
    await expect(invokeFrom(bridgeChannels.getAppInfo, { senderFrame: mainFrame, sender: otherWindow })).rejects.toMatchObject({
      code: 'untrusted_sender',
    });
    expect(getAppInfo).not.toHaveBeenCalled();
    // The main frame itself is answered.
    await expect(invokeFrom(bridgeChannels.getAppInfo, { senderFrame: mainFrame })).resolves.toMatchObject({ name: 'PoE Reviewer Workstation' });
  });

  it('refuses payloads that do not match the schema', async () => {
    const { invoke, getAppInfo } = setup();
    const call = invoke(bridgeChannels.getAppInfo, 'app://workstation/index.html', { unexpected: true });
    await expect(call).rejects.toBeInstanceOf(BridgeRequestError);
    await expect(call).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(getAppInfo).not.toHaveBeenCalled();
  });

  const APP = 'app://workstation/index.html';
  const session = {
    serverUrl: 'http://127.0.0.1:8787',
    token: 't',
    expiresAt: '2026-12-06T13:05:28.652Z',
    user: { id: 'r1', username: 'r1', displayName: 'R', role: 'reviewer' },
  };

  it.each([
    ['saveSession', [session]],
    ['saveFile', [{ suggestedName: 'report.csv', mimeType: 'text/csv', data: 'a,b' }]],
    ['saveFile', [{ suggestedName: 'doc.pdf', mimeType: 'application/pdf', data: new Uint8Array([37, 80]) }]],
    ['notify', [{ title: 'Claims due today', body: '3 claims' }]],
    ['setBadgeCount', [12]],
    ['setBadgeCount', [0]],
    ['setBackendUrl', ['https://sync.example.com']],
    ['setBackendUrl', [null]],
  ] as const)('passes a valid %s payload to its handler', async (method, args) => {
    const { invoke, handlers } = setup();
    await invoke(bridgeChannels[method], APP, ...args);
    expect(handlers[method]).toHaveBeenCalledWith(...args);
  });

  it.each([
    ['saveSession', [{ ...session, user: { ...session.user, role: 'partner' } }]],
    ['saveSession', [{ ...session, serverUrl: 'file:///etc' }]],
    ['saveSession', [{ ...session, extra: 1 }]],
    ['saveFile', [{ suggestedName: '', mimeType: 'text/csv', data: 'x' }]],
    ['saveFile', [{ suggestedName: 'a', mimeType: 'not a type', data: 'x' }]],
    ['saveFile', [{ suggestedName: 'a', mimeType: 'text/csv', data: 42 }]],
    ['notify', [{ title: '', body: 'x' }]],
    ['notify', [{ title: 'x'.repeat(201), body: 'x' }]],
    ['setBadgeCount', [-1]],
    ['setBadgeCount', [1.5]],
    ['setBadgeCount', ['12']],
    ['setBadgeCount', []],
    ['setBackendUrl', ['javascript:alert(1)']],
    ['setBackendUrl', ['https://user:pw@sync.example.com']],
    ['setBackendUrl', []],
  ] as const)('refuses an invalid %s payload', async (method, args) => {
    const { invoke, handlers } = setup();
    await expect(invoke(bridgeChannels[method], APP, ...args)).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(handlers[method]).not.toHaveBeenCalled();
  });
});
