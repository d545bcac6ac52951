/**
 * Electron-free security policy for the desktop shell (ARCHITECTURE.md, "Electron security
 * checklist"). Everything here is plain data and pure functions so it is unit-tested without the
 * Electron binary; electron/main/index.ts only wires it into Electron's hooks.
 */
import type { BrowserWindowConstructorOptions } from 'electron';

/** The renderer is served from this privileged custom scheme instead of file:// (no ambient file access). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'workstation';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Hosts that `shell.openExternal` may open (https only, exact host match). Everything else a page
 * tries to open is dropped: a PoE document can contain arbitrary links.
 */
export const EXTERNAL_URL_ALLOW_LIST: ReadonlySet<string> = new Set([
  'partner.microsoft.com',
  'learn.microsoft.com',
]);

/** Permissions the renderer may use. Empty: notifications etc. go through the bridge instead. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set();

export type CspOptions = {
  /** Extra origins the renderer may fetch from, e.g. the sync backend (`https://sync.example`). */
  connectSrc?: readonly string[];
  /** Origin of the Vite dev server in development; relaxes script/connect rules for HMR only. */
  devServerOrigin?: string;
};

export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const connect = ["'self'", ...(options.connectSrc ?? [])];
  // pdf.js decodes JPEG 2000, JBIG2 and CCITT images (scanned PoE) with WebAssembly; this allows
  // compiling WebAssembly only, never eval of JavaScript.
  const script = ["'self'", "'wasm-unsafe-eval'"];
  if (options.devServerOrigin) {
    const ws = options.devServerOrigin.replace(/^http/, 'ws');
    connect.push(options.devServerOrigin, ws);
    // The React refresh preamble is an inline script; only ever allowed against the dev server.
    script.push("'unsafe-inline'");
  }
  const directives: Array<[string, string[]]> = [
    ['default-src', ["'self'"]],
    ['script-src', script],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'"]],
    ['connect-src', connect],
    // pdf.js runs its parser in a worker loaded from our own bundle.
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['frame-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, values]) => `${name} ${values.join(' ')}`).join('; ');
}

export function createMainWindowOptions(paths: {
  preload: string;
  icon?: string;
  /** Remembered from the last run (already checked to be on a current display). */
  bounds?: { x: number; y: number; width: number; height: number };
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    ...(paths.bounds ? { x: paths.bounds.x, y: paths.bounds.y, width: paths.bounds.width, height: paths.bounds.height } : {}),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'PoE Reviewer Workstation',
    ...(paths.icon ? { icon: paths.icon } : {}),
    webPreferences: {
      preload: paths.preload,
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
      spellcheck: true,
    },
  };
}

/**
 * The origin of a URL, also for our custom scheme: WHATWG URL reports `null` as the origin of
 * non-special schemes such as `app:`, so it is rebuilt from protocol and host. Null if unparseable.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === `${APP_SCHEME}:`) return `${parsed.protocol}//${parsed.host}`;
  return parsed.origin === 'null' ? null : parsed.origin;
}

/** Origins that are "our app": the custom scheme, and the dev server while developing. */
export function appOrigins(devServerUrl?: string): ReadonlySet<string> {
  const origins = new Set([APP_ORIGIN]);
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev) origins.add(dev);
  return origins;
}

/** Whether a navigation or IPC sender URL belongs to the app. Parsed origins, never string prefixes. */
export function isAppUrl(url: string | undefined | null, origins: ReadonlySet<string>): boolean {
  if (!url) return false;
  const origin = originOf(url);
  return origin !== null && origins.has(origin);
}

/** Whether `shell.openExternal` may open this URL in the user's browser. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_URL_ALLOW_LIST.has(parsed.hostname)
  );
}

/** Permission requests are denied unless allow-listed and asked for by the app itself. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  origins: ReadonlySet<string>,
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && isAppUrl(requestingUrl, origins);
}
