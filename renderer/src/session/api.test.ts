import { describe, expect, it, vi } from 'vitest';
import { normalizeServerUrl, signIn } from './api';

const user = { id: 'reviewer1', username: 'reviewer1', displayName: 'Alex Johnson', role: 'reviewer' };

function answering(status: number, body: unknown): typeof fetch {
  return vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
}

describe('sign-in requests', () => {
  it('normalizes the server URL and refuses what is not http(s)', () => {
    expect(normalizeServerUrl(' https://poe.example.com/ ')).toBe('https://poe.example.com');
    expect(normalizeServerUrl('ftp://x')).toBeNull();
    expect(normalizeServerUrl('not a url')).toBeNull();
  });

  it('returns the session for a reviewer, sending the request to the API URL', async () => {
    const fetch = answering(200, { token: 't', expiresAt: '2026-12-06T13:05:28.652Z', user });
    const result = await signIn({ serverUrl: 'http://127.0.0.1:8787/', apiUrl: 'app://workstation', username: ' reviewer1 ', password: 'pw' }, fetch);
    expect(result).toEqual({ ok: true, session: { serverUrl: 'http://127.0.0.1:8787', token: 't', expiresAt: '2026-12-06T13:05:28.652Z', user } });
    expect(vi.mocked(fetch).mock.calls[0]![0]).toBe('app://workstation/auth/login');
    expect(JSON.parse(String(vi.mocked(fetch).mock.calls[0]![1]!.body))).toEqual({ username: 'reviewer1', password: 'pw' });
  });

  it.each([
    [401, { error: { message: 'Wrong username or password.' } }, { reason: 'wrong_credentials' }],
    [429, { error: { message: 'Too many' } }, { reason: 'throttled' }],
    [503, { error: { message: 'database unavailable' } }, { reason: 'server_error', message: 'database unavailable' }],
  ])('sorts a %s answer', async (status, body, expected) => {
    expect(await signIn({ serverUrl: 'http://h', username: 'u', password: 'p' }, answering(status, body))).toEqual({ ok: false, ...expected });
  });

  it('reports an unreachable server', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed');
    };
    expect(await signIn({ serverUrl: 'http://h', username: 'u', password: 'p' }, down)).toEqual({ ok: false, reason: 'unreachable' });
  });

  it('refuses partners and customers, revoking the token it was given', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async (input) =>
      String(input).endsWith('/auth/login')
        ? new Response(JSON.stringify({ token: 't', expiresAt: '2026-12-06T13:05:28.652Z', user: { ...user, role: 'partner' } }), { status: 200 })
        : new Response('{"ok":true}', { status: 200 }),
    );
    expect(await signIn({ serverUrl: 'http://h', username: 'u', password: 'p' }, fetch)).toEqual({ ok: false, reason: 'role_not_allowed', role: 'partner' });
    await vi.waitFor(() => expect(fetch.mock.calls.map((c) => String(c[0]))).toContain('http://h/auth/logout'));
  });
});
