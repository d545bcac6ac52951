import { describe, expect, it } from 'vitest';

import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  appOrigins,
  buildContentSecurityPolicy,
  createMainWindowOptions,
  isAllowedExternalUrl,
  isAppUrl,
  isPermissionAllowed,
  originOf,
} from './security';

describe('createMainWindowOptions', () => {
  it('isolates the renderer from Node and Electron', () => {
    const options = createMainWindowOptions({ preload: '/app/out/preload/index.cjs' });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('buildContentSecurityPolicy', () => {
  const directives = (csp: string) =>
    new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)] as const));

  it('allows only our own scripts and no plugins, frames or inline code', () => {
    const csp = directives(buildContentSecurityPolicy());
    expect(csp.get('default-src')).toEqual(["'self'"]);
    // WebAssembly may compile (pdf.js image decoders); JavaScript may not be eval'd.
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect([...csp.values()].flat()).not.toContain("'unsafe-eval'");
    expect([...csp.values()].flat()).not.toContain("'unsafe-inline'");
  });

  it('adds the backend to connect-src', () => {
    const csp = directives(buildContentSecurityPolicy({ connectSrc: ['https://sync.example.com'] }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://sync.example.com']);
  });

  it('relaxes only for the dev server', () => {
    const csp = directives(buildContentSecurityPolicy({ devServerOrigin: 'http://localhost:5173' }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(csp.get('script-src')).toContain("'unsafe-inline'");
  });
});

describe('originOf / isAppUrl', () => {
  const origins = appOrigins();

  it('rebuilds the origin of the non-special app: scheme', () => {
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN);
    expect(originOf('https://example.com:8443/a')).toBe('https://example.com:8443');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
  });

  it.each([
    ['app://workstation/index.html', true],
    ['app://workstation/assets/x.js?y#z', true],
    // Chromium canonicalises standard-scheme hosts to lower case before we see them; anything
    // else is not a URL our app produced, so it is refused rather than normalised.
    ['app://WORKSTATION/index.html', false],
    ['app://workstation.evil.com/index.html', false],
    ['app://evil/index.html', false],
    ['app://workstationx/', false],
    ['file:///etc/passwd', false],
    ['https://workstation/index.html', false],
    ['http://localhost:5173/', false],
    ['javascript:alert(1)', false],
    ['about:blank', false],
    ['', false],
  ])('%s → %s', (url, expected) => {
    expect(isAppUrl(url, origins)).toBe(expected);
  });

  it('trusts the dev server only when configured, by exact origin', () => {
    const dev = appOrigins('http://localhost:5173/');
    expect(isAppUrl('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.com/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl(undefined, dev)).toBe(false);
  });
});

describe('isAllowedExternalUrl', () => {
  it.each([
    ['https://partner.microsoft.com/dashboard', true],
    ['https://learn.microsoft.com/en-us/partner-center/', true],
    ['http://partner.microsoft.com/', false],
    ['https://partner.microsoft.com.evil.com/', false],
    ['https://evilpartner.microsoft.com/', false],
    ['https://user:pw@partner.microsoft.com/', false],
    ['https://partner.microsoft.com:8443/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['smb://host/share', false],
    ['javascript:alert(1)', false],
    ['nonsense', false],
  ])('%s → %s', (url, expected) => {
    expect(isAllowedExternalUrl(url)).toBe(expected);
  });
});

describe('isPermissionAllowed', () => {
  it('denies every permission by default, even to the app', () => {
    const origins = appOrigins();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(isPermissionAllowed(permission, APP_ENTRY_URL, origins)).toBe(false);
    }
  });
});
