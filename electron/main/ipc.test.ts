import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';

import { bridgeChannels } from '@shared/bridge';

import { BridgeRequestError, registerBridgeHandlers, type IpcRegistrar } from './ipc';
import { appOrigins } from './security';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

function setup() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcRegistrar = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const getAppInfo = vi.fn(() => ({ name: 'PoE Reviewer Workstation', version: '1.2.3', platform: 'linux', electron: true }));
  registerBridgeHandlers(ipc, { getAppInfo }, appOrigins());
  const invoke = (channel: string, senderUrl: string | null, ...args: unknown[]) => {
    const listener = listeners.get(channel);
    if (!listener) throw new Error(`no handler for ${channel}`);
    // Only senderFrame is read by the handlers; the rest of the event is irrelevant here.
    const event = { senderFrame: senderUrl === null ? null : { url: senderUrl } } as unknown as IpcMainInvokeEvent;
    return listener(event, ...args);
  };
  return { listeners, getAppInfo, invoke };
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

  it('refuses payloads that do not match the schema', async () => {
    const { invoke, getAppInfo } = setup();
    const call = invoke(bridgeChannels.getAppInfo, 'app://workstation/index.html', { unexpected: true });
    await expect(call).rejects.toBeInstanceOf(BridgeRequestError);
    await expect(call).rejects.toMatchObject({ code: 'invalid_payload' });
    expect(getAppInfo).not.toHaveBeenCalled();
  });
});
