import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../db/testing';
import { createTestApp, TEST_PASSWORD, type TestApp } from './testing';

describe.each(testDrivers())('HTTP basics on $title', ({ name, skip }) => {
  describe.skipIf(skip)('auth, errors, documentation', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp(name);
    }, 60_000);
    afterAll(async () => t?.close());

    const auth = (token: string) => ({ authorization: `Bearer ${token}` });

    it('signs in, answers who I am, and logs out for good', async () => {
      const token = await t.login('Reviewer1'); // usernames are case-insensitive
      const me = await t.app.inject({ url: '/auth/me', headers: auth(token) });
      expect(me.json()).toMatchObject({ id: 'reviewer-1', role: 'reviewer' });
      expect((await t.app.inject({ method: 'POST', url: '/auth/logout', headers: auth(token) })).statusCode).toBe(200);
      const after = await t.app.inject({ url: '/auth/me', headers: auth(token) });
      expect(after.statusCode).toBe(401);
      expect(after.json().error.code).toBe('unauthenticated');
    });

    it('refuses wrong passwords alike for known and unknown users, then throttles', async () => {
      const wrong = (username: string) => t.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: 'nope' } });
      expect((await wrong('nobody')).json()).toEqual({ error: { code: 'invalid_credentials', message: 'Wrong username or password.' } });
      for (let i = 0; i < 5; i++) expect((await wrong('reviewer2')).statusCode).toBe(401);
      const throttled = await t.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'reviewer2', password: TEST_PASSWORD } });
      expect(throttled.statusCode).toBe(429);
      t.clock.now = new Date(t.clock.now.getTime() + 16 * 60_000);
      expect((await t.app.inject({ method: 'POST', url: '/auth/login', payload: { username: 'reviewer2', password: TEST_PASSWORD } })).statusCode).toBe(200);
    });

    it('expires tokens after their lifetime', async () => {
      const token = await t.login('supervisor');
      expect((await t.app.inject({ url: '/auth/me', headers: auth(token) })).statusCode).toBe(200);
      t.clock.now = new Date(t.clock.now.getTime() + 12 * 3_600_000);
      expect((await t.app.inject({ url: '/auth/me', headers: auth(token) })).statusCode).toBe(401);
    });

    it('rejects malformed input with 4xx and a message, never 5xx', async () => {
      const token = await t.login('reviewer1');
      const cases = [
        { method: 'POST' as const, url: '/sync/push', headers: { ...auth(token), 'content-type': 'application/json' }, payload: '{"clientId":' },
        { method: 'POST' as const, url: '/sync/push', headers: auth(token), payload: { clientId: 'short', mutations: [] } },
        { method: 'POST' as const, url: '/sync/push', headers: auth(token), payload: { clientId: 'client-abcdefgh', mutations: [{ id: 'one', name: 'x', args: {}, clientTime: 'now' }] } },
        { method: 'GET' as const, url: '/sync/pull?clientId=client-abcdefgh&cursor=-4', headers: auth(token) },
        { method: 'POST' as const, url: '/auth/login', payload: { username: 'x' } },
        { method: 'POST' as const, url: '/auth/login', headers: { 'content-type': 'text/plain' }, payload: 'hello' },
        { method: 'GET' as const, url: '/no/such/route' },
        { method: 'GET' as const, url: '/claims/%E0%A4%A' },
        { method: 'GET' as const, url: `/claims/${'x'.repeat(300)}` },
      ];
      for (const c of cases) {
        const res = await t.app.inject(c);
        expect(res.statusCode, `${c.method} ${c.url} ${res.body}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${c.method} ${c.url}`).toBeLessThan(500);
        expect(typeof res.json().error.message).toBe('string');
      }
    });

    it('refuses an oversized body with 413', async () => {
      const token = await t.login('reviewer1');
      const res = await t.app.inject({
        method: 'POST',
        url: '/sync/push',
        headers: { ...auth(token), 'content-type': 'application/json' },
        payload: JSON.stringify({ clientId: 'client-abcdefgh', mutations: [], pad: 'x'.repeat(9 * 1024 * 1024) }),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('too_large');
    });

    it('keeps partners, customers and admins out of the workstation protocol', async () => {
      for (const username of ['partner-contoso', 'customer-fabrikam', 'admin']) {
        const token = await t.login(username);
        const res = await t.app.inject({ method: 'POST', url: '/sync/push', headers: auth(token), payload: { clientId: 'client-abcdefgh', mutations: [] } });
        expect(res.statusCode, username).toBe(403);
      }
    });

    it('documents every route in /openapi.json', async () => {
      const doc = (await t.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
      const served = t.app.routeSpecs.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
      const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
      expect(documented.sort()).toEqual(served.sort());
      const printed = t.app.printRoutes({ commonPrefix: false });
      for (const r of t.app.routeSpecs) expect(printed).toContain(r.url.split('/').pop()!);
      expect(doc.paths['/sync/push']!.post).toMatchObject({ requestBody: { required: true } });
    });

    it('answers health and version without sign-in', async () => {
      expect((await t.app.inject({ url: '/healthz' })).json()).toMatchObject({ ok: true, database: name });
      expect((await t.app.inject({ url: '/version' })).json()).toEqual({ version: 'test', protocolVersion: 1 });
    });
  });
});
