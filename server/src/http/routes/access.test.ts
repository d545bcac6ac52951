/**
 * The authorization matrix of the partner, customer, supervisor, document, settings and claim
 * routes: every identity (signed out, expired, revoked, each role, the other partner) against
 * every route, with the exact status expected — and nothing written when refused.
 */
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../../../shared/index';
import { newSessionToken } from '../../auth/tokens';
import { testDrivers } from '../../db/testing';
import { makePng } from '../../documents/test-images';
import { claimIn, CONTOSO, fakeDocument, FABRIKAM, type FixtureStatus } from '../claim-fixtures';
import { createTestApp, type TestApp } from '../testing';

const IDENTITIES = ['anonymous', 'expired', 'revoked', 'reviewer1', 'supervisor', 'partner-contoso', 'partner-litware', 'customer-fabrikam', 'admin'] as const;
type Identity = (typeof IDENTITIES)[number];

/** Each route: how to call it (fresh fixtures when the call is expected to write) and who gets what. */
type Case = {
  route: string;
  request: (ctx: { ok: boolean }) => Promise<InjectOptions>;
  /** Status per signed-in identity; anyone absent gets 403, anonymous/expired/revoked always 401. */
  allowed: Partial<Record<Identity, number>>;
};

describe.each(testDrivers())('authorization matrix on $title', ({ name, skip }) => {
  describe.skipIf(skip)('every identity × every route', () => {
    let t: TestApp;
    const tokens = {} as Record<Identity, string | undefined>;
    let shared: { claimId: string; approvedId: string; sha256: string };
    let pngSeed = 0;

    beforeAll(async () => {
      t = await createTestApp(name);
      for (const u of IDENTITIES.slice(3)) tokens[u] = await t.login(u);
      // A session that ran out an hour ago, and one signed out of.
      const old = newSessionToken(new Date(t.clock.now.getTime() - 13 * 3_600_000), 12);
      await t.deps.db.query('insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [old.tokenHash, 'supervisor-1', old.createdAt, old.expiresAt]);
      tokens.expired = old.token;
      tokens.revoked = await t.login('supervisor');
      await t.app.inject({ method: 'POST', url: '/auth/logout', headers: { authorization: `Bearer ${tokens.revoked}` } });
      tokens.anonymous = undefined;

      const sha256 = await upload();
      const claim = await claimIn(t, 'submitted', { documents: [{ ...fakeDocument('x'), sha256, mediaType: 'image/png' }] });
      const approved = await claimIn(t, 'approved');
      shared = { claimId: claim.id, approvedId: approved.id, sha256 };
    }, 60_000);
    afterAll(async () => t?.close());

    async function upload(): Promise<string> {
      const res = await t.app.inject({
        method: 'POST',
        url: '/documents',
        headers: { authorization: `Bearer ${tokens['partner-contoso']}`, 'content-type': 'image/png' },
        payload: Buffer.from(makePng(++pngSeed, 3)),
      });
      return (res.json() as { sha256: string }).sha256;
    }
    /** A claim of Contoso in `status` when the call should succeed; the shared one otherwise (nothing is written then). */
    const claimFor = async (ok: boolean, status: FixtureStatus) => (ok ? (await claimIn(t, status)).id : status === 'approved' ? shared.approvedId : shared.claimId);

    const PARTNER = { 'partner-contoso': 200, 'partner-litware': 404 } as const;
    const REVIEW = { reviewer1: 200, supervisor: 200 } as const;
    const cases: Case[] = [
      {
        route: 'POST /documents',
        request: async () => ({ method: 'POST', url: '/documents', headers: { 'content-type': 'image/png' }, payload: Buffer.from(makePng(++pngSeed, 5)) }),
        allowed: { 'partner-contoso': 201, 'partner-litware': 201, reviewer1: 201, supervisor: 201 },
      },
      { route: 'GET /documents/:sha256', request: async () => ({ url: `/documents/${shared.sha256}` }), allowed: { ...REVIEW, ...PARTNER } },
      { route: 'GET /documents/:sha256/meta', request: async () => ({ url: `/documents/${shared.sha256}/meta` }), allowed: { ...REVIEW, ...PARTNER } },
      { route: 'GET /partner/claims', request: async () => ({ url: '/partner/claims' }), allowed: { 'partner-contoso': 200, 'partner-litware': 200 } },
      { route: 'GET /partner/claims/:id', request: async () => ({ url: `/partner/claims/${shared.claimId}` }), allowed: PARTNER },
      {
        route: 'POST /partner/claims',
        request: async () => ({ method: 'POST', url: '/partner/claims', payload: { partner: CONTOSO, customer: FABRIKAM, products: ['teams'], documents: [{ sha256: shared.sha256 }] } }),
        // Litware filing for Contoso's Partner ID: refused by the rules, no claim to hide.
        allowed: { 'partner-contoso': 201, 'partner-litware': 403 },
      },
      {
        route: 'POST /partner/claims/:id/submit',
        request: async ({ ok }) => ({ method: 'POST', url: `/partner/claims/${await claimFor(ok, 'draft')}/submit`, payload: {} }),
        allowed: PARTNER,
      },
      {
        route: 'POST /partner/claims/:id/resubmit',
        request: async ({ ok }) => ({ method: 'POST', url: `/partner/claims/${await claimFor(ok, 'partner_action_needed')}/resubmit`, payload: { message: 'Added.' } }),
        allowed: PARTNER,
      },
      {
        route: 'POST /partner/claims/:id/withdraw',
        request: async ({ ok }) => ({ method: 'POST', url: `/partner/claims/${await claimFor(ok, 'submitted')}/withdraw`, payload: {} }),
        allowed: PARTNER,
      },
      {
        route: 'POST /partner/claims/:id/dispute',
        request: async ({ ok }) => ({ method: 'POST', url: `/partner/claims/${await claimFor(ok, 'rejected')}/dispute`, payload: { justification: 'Signed on page 2.' } }),
        allowed: PARTNER,
      },
      {
        route: 'POST /partner/claims/:id/comment',
        request: async ({ ok }) => ({ method: 'POST', url: `/partner/claims/${await claimFor(ok, 'submitted')}/comment`, payload: { text: 'Any news?' } }),
        allowed: PARTNER,
      },
      {
        route: 'POST /partner/claims/:id/edit',
        request: async ({ ok }) => ({ method: 'POST', url: `/partner/claims/${await claimFor(ok, 'submitted')}/edit`, payload: { changes: { products: ['power_bi'] } } }),
        allowed: PARTNER,
      },
      {
        route: 'POST /partner/claims/:id/documents',
        request: async ({ ok }) => ({
          method: 'POST',
          url: `/partner/claims/${await claimFor(ok, 'submitted')}/documents`,
          payload: { documents: [{ sha256: ok ? await upload() : shared.sha256 }] },
        }),
        allowed: PARTNER,
      },
      { route: 'GET /customer/associations', request: async () => ({ url: '/customer/associations' }), allowed: { 'customer-fabrikam': 200 } },
      {
        route: 'POST /customer/associations/:id/opt-out',
        request: async ({ ok }) => ({ method: 'POST', url: `/customer/associations/${await claimFor(ok, 'approved')}/opt-out`, payload: {} }),
        allowed: { 'customer-fabrikam': 200 },
      },
      {
        route: 'POST /supervisor/claims/:id/assign',
        request: async ({ ok }) => ({ method: 'POST', url: `/supervisor/claims/${await claimFor(ok, 'submitted')}/assign`, payload: { assignee: 'reviewer-2' } }),
        allowed: { supervisor: 200 },
      },
      { route: 'GET /supervisor/workload', request: async () => ({ url: '/supervisor/workload' }), allowed: { supervisor: 200 } },
      { route: 'GET /supervisor/sla', request: async () => ({ url: '/supervisor/sla' }), allowed: { supervisor: 200 } },
      { route: 'GET /settings', request: async () => ({ url: '/settings' }), allowed: { ...REVIEW, admin: 200 } },
      {
        route: 'PUT /settings',
        request: async () => ({ method: 'PUT', url: '/settings', payload: { calendar: DEFAULT_CALENDAR, policy: {} } }),
        allowed: { supervisor: 200, admin: 200 },
      },
      { route: 'GET /claims/:id', request: async () => ({ url: `/claims/${shared.claimId}` }), allowed: REVIEW },
      { route: 'GET /claims/:id/events', request: async () => ({ url: `/claims/${shared.claimId}/events` }), allowed: REVIEW },
      { route: 'GET /claims/:id/related', request: async () => ({ url: `/claims/${shared.claimId}/related` }), allowed: REVIEW },
    ];

    it('covers every route these modules declare', () => {
      const mine = t.app.routeSpecs
        .filter((r) => ['documents', 'partner', 'customer', 'supervisor', 'settings', 'claims'].includes(r.tag))
        .map((r) => `${r.method} ${r.url}`);
      expect(cases.map((c) => c.route).sort()).toEqual(mine.sort());
    });

    it.each(cases.map((c) => [c.route, c] as const))('%s', async (_route, c) => {
      const failures: string[] = [];
      for (const identity of IDENTITIES) {
        const signedIn = identity !== 'anonymous' && identity !== 'expired' && identity !== 'revoked';
        const expected = signedIn ? (c.allowed[identity] ?? 403) : 401;
        const ok = expected < 300;
        const request = await c.request({ ok });
        const before = (await t.deps.db.query<{ n: number | null }>('select max(global_seq) as n from events')).rows[0]!.n;
        const token = tokens[identity];
        const res = await t.app.inject({ ...request, headers: { ...(request.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
        if (res.statusCode !== expected) failures.push(`${identity}: expected ${expected}, got ${res.statusCode} ${res.body.slice(0, 200)}`);
        if (!ok) {
          expect(typeof res.json().error.message, identity).toBe('string');
          const after = (await t.deps.db.query<{ n: number | null }>('select max(global_seq) as n from events')).rows[0]!.n;
          if (after !== before) failures.push(`${identity}: refused with ${res.statusCode} but the event log grew`);
        }
      }
      expect(failures).toEqual([]);
    });

    it('answers garbage with 4xx on every route, never 5xx, and writes nothing', async () => {
      const deep = `${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}`;
      const bodies = ['{', '[]', 'null', '42', '"text"', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', deep, JSON.stringify({ text: 'x'.repeat(2_000_000), message: 'y'.repeat(2_000_000) })];
      const before = (await t.deps.db.query<{ n: number | null }>('select max(global_seq) as n from events')).rows[0]!.n;
      const failures: string[] = [];
      for (const c of cases) {
        const identity = (Object.entries(c.allowed).find(([, status]) => status < 300)?.[0] ?? 'supervisor') as Identity;
        const request = await c.request({ ok: false });
        const url = String(request.url);
        const headers = { authorization: `Bearer ${tokens[identity]}` };
        const attempts: InjectOptions[] =
          request.method === 'POST' || request.method === 'PUT'
            ? bodies.map((payload) => ({ ...request, headers: { ...headers, 'content-type': c.route === 'POST /documents' ? 'application/pdf' : 'application/json' }, payload }))
            : ['?limit=1e999', '?offset=-0.5&limit=NaN', '?status[]=x', '?%00=1'].map((q) => ({ ...request, url: `${url}${q}`, headers }));
        if (c.route.includes(':id')) attempts.push({ ...request, url: url.replace(shared.claimId, '%E2%80%AE%00<script>').replace(shared.approvedId, '..%2F..%2Fx'), headers });
        for (const attempt of attempts) {
          const res = await t.app.inject(attempt);
          const body = typeof attempt.payload === 'string' ? attempt.payload.slice(0, 40) : '';
          // GETs may well succeed when the junk is only an unknown query parameter; what never may happen is a 5xx.
          if (res.statusCode >= 500) failures.push(`${c.route} ${attempt.url} ${body}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          else if (res.statusCode >= 400 && typeof res.json().error?.message !== 'string') failures.push(`${c.route} ${attempt.url}: no error message`);
        }
      }
      expect(failures).toEqual([]);
      const after = (await t.deps.db.query<{ n: number | null }>('select max(global_seq) as n from events')).rows[0]!.n;
      expect(after).toBe(before);
    });

    it('treats a malformed Authorization header as signed out', async () => {
      for (const authorization of ['Bearer', 'Bearer nope', `Basic ${Buffer.from('admin:x').toString('base64')}`, `Bearer ${tokens.supervisor}x`]) {
        const res = await t.app.inject({ url: '/supervisor/workload', headers: { authorization } });
        expect(res.statusCode, authorization).toBe(401);
      }
    });
  });
});
