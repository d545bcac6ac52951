import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { contentTypeFor, createAppProtocolHandler, resolveAppPath } from './protocol';

describe('resolveAppPath (posix)', () => {
  const root = '/opt/app/out/renderer';

  it.each([
    ['app://workstation/', '/opt/app/out/renderer/index.html'],
    ['app://workstation/index.html', '/opt/app/out/renderer/index.html'],
    ['app://workstation/assets/index-abc.js?v=1#x', '/opt/app/out/renderer/assets/index-abc.js'],
    ['app://workstation/assets/a%20b.css', '/opt/app/out/renderer/assets/a b.css'],
    ['app://workstation/fonts/%E6%97%A5%E6%9C%AC.woff2', '/opt/app/out/renderer/fonts/日本.woff2'],
    // The URL parser already removes literal dot segments, so these stay inside root.
    ['app://workstation/../../etc/passwd', '/opt/app/out/renderer/etc/passwd'],
    ['app://workstation/assets/../index.html', '/opt/app/out/renderer/index.html'],
    // …and so does the WHATWG parser for percent-encoded dot segments.
    ['app://workstation/%2e%2e/%2e%2e/etc/passwd', '/opt/app/out/renderer/etc/passwd'],
    ['app://workstation/assets/%2E%2E/%2E%2E/secret', '/opt/app/out/renderer/secret'],
  ])('%s → %s', (url, filePath) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: true, filePath });
  });

  it.each([
    ['app://workstation/..%2f..%2fetc%2fpasswd', 403],
    ['app://workstation/..%5c..%5cwindows', 403],
    ['app://workstation/index.html%00.png', 403],
    ['app://workstation/%2fetc%2fpasswd', 200],
    ['app://workstation/C:/Windows/win.ini', 403],
    ['app://workstation/%E0%A4%A', 400],
    ['app://other/index.html', 404],
    ['file:///opt/app/out/renderer/index.html', 404],
    ['::not a url', 400],
  ])('%s → %s', (url, status) => {
    const result = resolveAppPath(url, root);
    if (status === 200) {
      // An encoded leading slash must not escape either: it is joined below root.
      expect(result).toEqual({ ok: true, filePath: '/opt/app/out/renderer/etc/passwd' });
    } else {
      expect(result).toEqual({ ok: false, status });
    }
  });
});

describe('resolveAppPath (windows semantics)', () => {
  const root = 'C:\\Program Files\\PoE Reviewer Workstation\\resources\\app.asar\\out\\renderer';

  it('serves files under root', () => {
    expect(resolveAppPath('app://workstation/assets/x.js', root, path.win32)).toEqual({
      ok: true,
      filePath: `${root}\\assets\\x.js`,
    });
  });

  it.each([
    'app://workstation/..%5C..%5Csecret',
    'app://workstation/D:%5Csecret',
    'app://workstation/C:/Windows/win.ini',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root, path.win32)).toMatchObject({ ok: false });
  });
});

describe('contentTypeFor', () => {
  it('serves module workers and scripts as JavaScript', () => {
    expect(contentTypeFor('/x/pdf.worker.min.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/INDEX.HTML')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/no-extension')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let rootDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'poe-protocol-'));
    rootDir = path.join(dir, 'renderer');
    await mkdir(path.join(rootDir, 'assets'), { recursive: true });
    await writeFile(path.join(rootDir, 'index.html'), '<!doctype html><title>t</title>');
    await writeFile(path.join(rootDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'secret.txt'), 'do not serve');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const handler = () =>
    createAppProtocolHandler({ rootDir, contentSecurityPolicy: "default-src 'self'", readFile: (p) => readFile(p) });

  it('serves files with type, CSP and nosniff', async () => {
    const response = await handler()(new Request('app://workstation/assets/app.js'));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('console.log(1)');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves index.html for the root', async () => {
    const response = await handler()(new Request('app://workstation/'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('refuses traversal, missing files, directories and writes', async () => {
    const h = handler();
    expect((await h(new Request('app://workstation/..%2fsecret.txt'))).status).toBe(403);
    expect((await h(new Request('app://workstation/%2e%2e/secret.txt'))).status).toBe(404);
    expect((await h(new Request('app://workstation/missing.js'))).status).toBe(404);
    expect((await h(new Request('app://workstation/assets'))).status).toBe(404);
    const post = await h(new Request('app://workstation/index.html', { method: 'POST', body: 'x' }));
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe("default-src 'self'");
  });

  it('answers HEAD without a body', async () => {
    const response = await handler()(new Request('app://workstation/index.html', { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });
});
