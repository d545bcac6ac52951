/**
 * The WorkstationBridge implemented with plain browser APIs, for browser mode (tests in Chromium,
 * browser deployments, and machines where Electron cannot run). Same contract as the preload.
 */
import { PRODUCT_NAME, type WorkstationBridge } from '@shared/bridge';

export function createBrowserBridge(): WorkstationBridge {
  return {
    getAppInfo: () =>
      Promise.resolve({ name: PRODUCT_NAME, version: __APP_VERSION__, platform: 'web', electron: false }),
  };
}
