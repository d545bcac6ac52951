import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInside, installStaticWeb, WEB_CONTENT_SECURITY_POLICY } from './static';

describe('browser workstation served by the backend', () => {
  let dir: string;
  const app = Fastify();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'poe-web-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>PoE</title>');
    await writeFile(path.join(dir, 'assets', 'index-abc.js'), 'console.log(1)');
    await writeFile(path.join(dir, 'favicon.svg'), '<svg/>');
    await writeFile(path.join(tmpdir(), 'poe-web-secret.txt'), 'TOP-SECRET-CONTENT');
    expect(await installStaticWeb(app, dir)).toBe(true);
    app.get('/healthz', async () => ({ ok: true }));
  });
  afterAll(async () => {
    await app.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves index.html with a strict CSP and no caching', async () => {
    const response = await app.inject({ url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['content-security-policy']).toBe(WEB_CONTENT_SECURITY_POLICY);
    expect(WEB_CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('serves hashed assets for good and public files', async () => {
    const js = await app.inject({ url: '/assets/index-abc.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toContain('immutable');
    expect((await app.inject({ url: '/favicon.svg' })).headers['content-type']).toBe('image/svg+xml');
  });

  it.each(['/assets/../../poe-web-secret.txt', '/assets/..%2f..%2fpoe-web-secret.txt', '/assets/%2e%2e/%2e%2e/poe-web-secret.txt', '/assets/missing.js', '/assets/a%00.js'])(
    'refuses %s',
    async (url) => {
      const response = await app.inject({ url });
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain('TOP-SECRET-CONTENT');
    },
  );

  it('leaves API routes alone', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
  });

  it('does nothing without a build', async () => {
    const empty = Fastify();
    expect(await installStaticWeb(empty, path.join(dir, 'nope'))).toBe(false);
    await empty.close();
  });

  it('fileInside never leaves the folder', () => {
    expect(fileInside('/srv/web', 'a/b.js')).toBe('/srv/web/a/b.js');
    expect(fileInside('/srv/web', '..%2fx')).toBeNull();
    expect(fileInside('/srv/web', 'C:/x')).toBeNull();
    expect(fileInside('/srv/web', '')).toBeNull();
  });
});
