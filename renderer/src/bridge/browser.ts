/**
 * The WorkstationBridge implemented with plain browser APIs, for browser mode (tests in Chromium,
 * browser deployments, and machines where Electron cannot run). Same contract as the preload.
 *
 * The session lives in localStorage: a browser offers nothing better that survives a reload.
 * Anything on the page's origin can read it, which is why the server serves the page itself with
 * a strict CSP (server/src/http/static.ts) and the token can be revoked by signing out.
 */
import { PRODUCT_NAME, type SaveFileRequest, type StoredSession, type WorkstationBridge } from '@shared/bridge';
import { backendUrlSchema, safeFileName, storedSessionSchema } from '@shared/bridge-schema';

export const SESSION_KEY = 'poe-workstation:session';
export const BACKEND_URL_KEY = 'poe-workstation:backend-url';

export type BrowserEnvironment = {
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  document?: Document;
  Notification?: typeof Notification;
  URL?: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'>;
};

function defaultEnvironment(): BrowserEnvironment {
  const hasWindow = typeof window !== 'undefined';
  let storage: Storage | null = null;
  try {
    storage = hasWindow ? window.localStorage : null;
  } catch {
    // Storage disabled (privacy settings): sessions last for this page only.
  }
  return {
    storage,
    ...(hasWindow ? { document: window.document, URL } : {}),
    ...(typeof Notification !== 'undefined' ? { Notification } : {}),
  };
}

/** Just the Notification API (cheap: asked on every SLA check that has news). */
function notificationEnvironment(): Pick<BrowserEnvironment, 'Notification'> {
  return typeof Notification !== 'undefined' ? { Notification } : {};
}

/**
 * Whether desktop notifications may be shown: browsers ask the user once, and only in answer to a
 * gesture (a click), so the UI offers a button while this is 'default'.
 */
export function browserNotificationPermission(env: Pick<BrowserEnvironment, 'Notification'> = notificationEnvironment()): NotificationPermission | 'unsupported' {
  return env.Notification ? env.Notification.permission : 'unsupported';
}

/** Asks for permission to notify; call from a click handler. */
export async function requestBrowserNotificationPermission(env: Pick<BrowserEnvironment, 'Notification'> = notificationEnvironment()): Promise<boolean> {
  const N = env.Notification;
  if (!N) return false;
  if (N.permission !== 'default') return N.permission === 'granted';
  return (await N.requestPermission()) === 'granted';
}

export function createBrowserBridge(env: BrowserEnvironment = defaultEnvironment()): WorkstationBridge {
  let memorySession: StoredSession | null = null;
  return {
    getAppInfo: () => Promise.resolve({ name: PRODUCT_NAME, version: __APP_VERSION__, platform: 'web', electron: false }),

    async loadSession() {
      const raw = env.storage?.getItem(SESSION_KEY) ?? null;
      if (raw === null) return memorySession;
      try {
        const parsed = storedSessionSchema.safeParse(JSON.parse(raw));
        if (parsed.success) return parsed.data;
      } catch {
        // Damaged: forget it below.
      }
      env.storage?.removeItem(SESSION_KEY);
      return null;
    },
    async saveSession(session) {
      memorySession = storedSessionSchema.parse(session);
      if (!env.storage) return false;
      env.storage.setItem(SESSION_KEY, JSON.stringify(memorySession));
      return true;
    },
    async clearSession() {
      memorySession = null;
      env.storage?.removeItem(SESSION_KEY);
    },

    async saveFile(request: SaveFileRequest) {
      const { document, URL: urls } = env;
      if (!document || !urls) return { saved: false };
      const part: BlobPart = typeof request.data === 'string' ? request.data : new Uint8Array(request.data);
      const href = urls.createObjectURL(new Blob([part], { type: request.mimeType }));
      const link = document.createElement('a');
      link.href = href;
      link.download = safeFileName(request.suggestedName);
      link.rel = 'noopener';
      document.body.append(link);
      link.click();
      link.remove();
      // The download has started from the object URL; give it a moment before releasing it.
      setTimeout(() => urls.revokeObjectURL(href), 10_000);
      return { saved: true };
    },

    async notify({ title, body }) {
      const N = env.Notification;
      if (!N) return false;
      let permission = N.permission;
      if (permission === 'default') permission = await N.requestPermission();
      if (permission !== 'granted') return false;
      new N(title, { body });
      return true;
    },

    async setBadgeCount(count) {
      const document = env.document;
      if (!document) return false;
      // The tab title stands in for a dock badge: "(3) PoE Reviewer Workstation".
      const title = document.title.replace(/^\(\d+\) /, '');
      document.title = count > 0 ? `(${count}) ${title}` : title;
      return true;
    },

    async getBackendUrl() {
      const raw = env.storage?.getItem(BACKEND_URL_KEY) ?? null;
      return raw !== null && backendUrlSchema.safeParse(raw).success ? raw : null;
    },
    async setBackendUrl(url) {
      if (url === null) env.storage?.removeItem(BACKEND_URL_KEY);
      else env.storage?.setItem(BACKEND_URL_KEY, backendUrlSchema.parse(url));
    },
  };
}
