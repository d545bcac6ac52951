import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../../shared/index';
import { testDrivers } from '../../db/testing';
import { claimIn, NORTHWIND } from '../claim-fixtures';
import { createTestApp, type TestApp } from '../testing';

const DAY = 86_400_000;

describe.each(testDrivers())('customer API on $title', ({ name, skip }) => {
  describe.skipIf(skip)('associations and opt-out', () => {
    let t: TestApp;
    let token: string;
    let approved: Claim;
    let evaluated: Claim;
    let optedOut: Claim;
    let inReview: Claim;
    let otherTenant: Claim;
    beforeAll(async () => {
      t = await createTestApp(name);
      token = await t.login('customer-fabrikam');
      const now = t.clock.now.getTime();
      approved = await claimIn(t, 'approved', { at: new Date(now - 2 * DAY) });
      evaluated = await claimIn(t, 'sent_for_evaluation', { at: new Date(now - 20 * DAY) });
      optedOut = await claimIn(t, 'opted_out', { at: new Date(now - 3 * DAY) });
      inReview = await claimIn(t, 'in_review');
      otherTenant = await claimIn(t, 'approved', { customer: NORTHWIND });
    }, 60_000);
    afterAll(async () => t?.close());

    const auth = () => ({ authorization: `Bearer ${token}` });
    const optOut = (id: string, payload: unknown = {}) =>
      t.app.inject({ method: 'POST', url: `/customer/associations/${id}/opt-out`, headers: auth(), payload: payload as object });

    it('lists the tenant’s associations with the consent window, and nothing else', async () => {
      const res = await t.app.inject({ url: '/customer/associations', headers: auth() });
      expect(res.statusCode).toBe(200);
      const list = res.json().associations as Array<{ id: string }>;
      const byId = new Map(list.map((a) => [a.id, a]));
      expect([...byId.keys()].sort()).toEqual([approved.id, evaluated.id, optedOut.id].sort());
      expect(byId.has(inReview.id)).toBe(false);
      expect(byId.has(otherTenant.id)).toBe(false);

      const approvedAt = approved.statusLog.at(-1)!.from;
      expect(byId.get(approved.id)).toEqual({
        id: approved.id,
        status: 'approved',
        statusLabel: 'Approved — customer consent window open',
        partner: { partnerId: '1234567', name: 'Contoso Ltd' },
        customer: { tenantId: '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f', name: 'Fabrikam', domain: 'fabrikam.com' },
        products: [{ productId: 'd365_sales', name: 'Dynamics 365 Sales', family: 'business_applications' }],
        approvedAt,
        consentWindow: { endsAt: new Date(Date.parse(approvedAt) + 7 * DAY).toISOString(), open: true },
        optedOutAt: null,
      });
      expect(byId.get(evaluated.id)).toMatchObject({ status: 'sent_for_evaluation', consentWindow: { open: false } });
      expect(byId.get(optedOut.id)).toMatchObject({ status: 'rejected', optedOutAt: optedOut.statusLog.at(-1)!.from, consentWindow: { open: false } });
      // The partner's contact details and PoE are not the customer's business.
      expect(JSON.stringify(list)).not.toContain('pat@contoso.com');
      expect(JSON.stringify(list)).not.toContain('sha256');
    });

    it('opts out inside the window, keeping the message verbatim', async () => {
      const fresh = await claimIn(t, 'approved');
      const message = '<b>We never</b> worked with <script>alert(1)</script> them';
      const res = await optOut(fresh.id, { message });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().association).toMatchObject({ id: fresh.id, status: 'rejected', optedOutAt: t.clock.now.toISOString() });
      const events = await t.deps.db.query<{ payload: { message: string } }>(`select payload from events where claim_id = $1 and type = 'optedOut'`, [fresh.id]);
      expect(events.rows[0]!.payload.message).toBe(message);
      // Twice is a wrong-status refusal.
      const again = await optOut(fresh.id);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('invalid_transition');
    });

    it('opts out without a body too', async () => {
      const fresh = await claimIn(t, 'approved');
      const res = await t.app.inject({ method: 'POST', url: `/customer/associations/${fresh.id}/opt-out`, headers: auth() });
      expect(res.statusCode, res.body).toBe(200);
    });

    it('answers 409 window_closed after the 7-day window, whether or not the scheduler has run', async () => {
      const late = await claimIn(t, 'approved', { at: new Date(t.clock.now.getTime() - 8 * DAY) });
      const res = await optOut(late.id);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('window_closed');
      const done = await optOut(evaluated.id);
      expect(done.statusCode).toBe(409);
      expect(done.json().error.code).toBe('window_closed');
      expect(done.json().error.message).toContain('sent for evaluation');
    });

    it('answers 404 for another tenant’s claim and for claims that are no association yet', async () => {
      const missing = await optOut('no-such-claim');
      expect(missing.statusCode).toBe(404);
      for (const claim of [otherTenant, inReview]) {
        const res = await optOut(claim.id);
        expect(res.statusCode, claim.id).toBe(404);
        expect(res.json().error).toEqual({ code: 'not_found', message: `Claim ${claim.id} does not exist.` });
      }
      const untouched = await t.deps.db.query<{ version: number }>('select version from claims where id = $1', [otherTenant.id]);
      expect(untouched.rows[0]!.version).toBe(otherTenant.version);
    });

    it('refuses forged fields and bad input with 400', async () => {
      const fresh = await claimIn(t, 'approved');
      for (const body of [{ actor: { id: 'customer-1', role: 'customer' } }, { tenantId: NORTHWIND.tenantId }, { message: 42 }, { message: '' }, { type: 'approve' }]) {
        const res = await optOut(fresh.id, body);
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
      }
      for (const q of ['?limit=0', '?offset=x', '?tenantId=abc']) {
        expect((await t.app.inject({ url: `/customer/associations${q}`, headers: auth() })).statusCode, q).toBe(400);
      }
    });
  });
});
