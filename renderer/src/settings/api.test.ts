import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_POLICY } from '@shared/index';
import { fetchSettings, saveSettings } from './api';

const session = {
  serverUrl: 'https://sync.example.com',
  token: 'secret-token',
  expiresAt: '2030-01-01T00:00:00Z',
  user: { id: 'supervisor', username: 'supervisor', displayName: 'S', role: 'supervisor' as const },
};
const settings = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY };

function fakeFetch(respond: () => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const doFetch = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return respond();
  }) as unknown as typeof fetch;
  return { calls, doFetch };
}

describe('settings API', () => {
  it('PUTs the settings with the session token and returns what the server stored', async () => {
    const { calls, doFetch } = fakeFetch(() => Response.json(settings));
    await expect(saveSettings(session, settings, doFetch)).resolves.toEqual({ ok: true, settings });
    expect(calls[0]!.url).toBe('https://sync.example.com/settings');
    expect(calls[0]!.init.method).toBe('PUT');
    expect(new Headers(calls[0]!.init.headers).get('authorization')).toBe('Bearer secret-token');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual(settings);
  });

  it('sorts failures into what the screen says', async () => {
    const failing = (status: number, body: unknown = { error: { message: 'bad weekend' } }) => fakeFetch(() => Response.json(body, { status })).doFetch;
    await expect(saveSettings(session, settings, failing(401))).resolves.toEqual({ ok: false, reason: 'session' });
    await expect(saveSettings(session, settings, failing(403))).resolves.toEqual({ ok: false, reason: 'forbidden' });
    await expect(saveSettings(session, settings, failing(400))).resolves.toEqual({ ok: false, reason: 'server', message: 'bad weekend' });
    await expect(saveSettings(session, settings, failing(503))).resolves.toEqual({ ok: false, reason: 'offline' });
    const down = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))).doFetch;
    await expect(fetchSettings(session, down)).resolves.toEqual({ ok: false, reason: 'offline' });
  });

  it('goes through the app origin in the desktop shell', async () => {
    const { calls, doFetch } = fakeFetch(() => Response.json(settings));
    await fetchSettings({ ...session, apiUrl: 'app://workstation' }, doFetch);
    expect(calls[0]!.url).toBe('app://workstation/settings');
    expect(calls[0]!.init.method).toBe('GET');
  });
});
