import { describe, expect, it } from 'vitest';

import type { WorkstationBridge } from '@shared/bridge';
import { appInfoSchema } from '@shared/bridge-schema';

import { createBrowserBridge } from './browser';
import { resolveBridge } from './index';

describe('resolveBridge', () => {
  it('uses the preload bridge when Electron exposed one', () => {
    const desktop: WorkstationBridge = {
      getAppInfo: () => Promise.resolve({ name: 'x', version: '1', platform: 'linux', electron: true }),
    };
    expect(resolveBridge({ workstation: desktop })).toBe(desktop);
  });

  it('falls back to the browser implementation', async () => {
    const info = await resolveBridge({}).getAppInfo();
    expect(info).toEqual({ name: 'PoE Reviewer Workstation', version: __APP_VERSION__, platform: 'web', electron: false });
    expect(appInfoSchema.parse(info)).toEqual(info);
    expect(await resolveBridge(undefined).getAppInfo()).toEqual(info);
  });

  it('browser bridge implements every bridge method', () => {
    const browser = createBrowserBridge();
    for (const method of ['getAppInfo'] satisfies Array<keyof WorkstationBridge>) {
      expect(typeof browser[method]).toBe('function');
    }
  });
});
