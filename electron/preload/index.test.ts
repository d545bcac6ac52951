import { describe, expect, it, vi } from 'vitest';

import { bridgeChannels } from '@shared/bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(() => Promise.resolve('answer')) },
}));
vi.mock('electron', () => ({ ...electron, default: electron }));

describe('preload', () => {
  it('exposes exactly the bridge methods on window.workstation, each on its own channel', async () => {
    await import('./index');
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [name, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
      string,
      Record<string, () => Promise<unknown>>,
    ];
    expect(name).toBe('workstation');
    expect(Object.keys(api).sort()).toEqual(Object.keys(bridgeChannels).sort());

    await expect(api['getAppInfo']?.()).resolves.toBe('answer');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(bridgeChannels.getAppInfo);
    const call = api as unknown as Record<string, (arg?: unknown) => Promise<unknown>>;
    await call['notify']?.({ title: 't', body: 'b' });
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(bridgeChannels.notify, { title: 't', body: 'b' });
    await call['setBackendUrl']?.(null);
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(bridgeChannels.setBackendUrl, null);
  });
});
