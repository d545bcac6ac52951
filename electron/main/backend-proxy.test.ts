import { describe, expect, it, vi } from 'vitest';

import { backendTarget, isBackendPath, proxyToBackend, type Fetcher } from './backend-proxy';

describe('backend proxy', () => {
  it.each([
    ['/sync/pull', true],
    ['/auth/login', true],
    ['/documents/abc', true],
    ['/healthz', true],
    ['/healthz/x', false],
    ['/index.html', false],
    ['/assets/index.js', false],
    ['/', false],
    ['/syncx', false],
  ])('%s is an API path: %s', (path, expected) => {
    expect(isBackendPath(path)).toBe(expected);
  });

  it('maps app:// API URLs onto the backend, keeping a mount path and the query', () => {
    expect(backendTarget('app://workstation/sync/pull?cursor=3', 'http://127.0.0.1:8787')).toBe('http://127.0.0.1:8787/sync/pull?cursor=3');
    expect(backendTarget('app://workstation/auth/login', 'https://poe.example.com/api/')).toBe('https://poe.example.com/api/auth/login');
    expect(backendTarget('app://workstation/index.html', 'http://127.0.0.1:8787')).toBeNull();
  });

  it('forwards only the headers the API needs and streams the body', async () => {
    const fetcher = vi.fn<Fetcher>(async () => new Response('{"ok":true}', { status: 200 }));
    const request = new Request('app://workstation/sync/push', {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json', cookie: 'secret=1', origin: 'app://workstation' },
      body: '{"a":1}',
    });
    const response = await proxyToBackend(request, 'http://127.0.0.1:8787', fetcher);
    expect(response?.status).toBe(200);
    const [url, init] = fetcher.mock.calls[0]!;
    expect(url).toBe('http://127.0.0.1:8787/sync/push');
    expect(init.method).toBe('POST');
    const headers = new Headers(init.headers);
    expect(headers.get('authorization')).toBe('Bearer t');
    expect(headers.get('cookie')).toBeNull();
    expect(headers.get('origin')).toBeNull();
    expect(init.redirect).toBe('manual');
  });

  it('answers a network error when the backend is unreachable, and nothing for non-API paths', async () => {
    const down: Fetcher = async () => {
      throw new TypeError('fetch failed');
    };
    const response = await proxyToBackend(new Request('app://workstation/healthz'), 'http://127.0.0.1:1', down);
    expect(response?.type).toBe('error');
    expect(await proxyToBackend(new Request('app://workstation/index.html'), 'http://127.0.0.1:1', down)).toBeNull();
    expect(await proxyToBackend(new Request('app://workstation/healthz'), null, down)).toBeNull();
  });
});
