import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing';
import { claimIn, fakeDocument, LITWARE, NORTHWIND } from '../claim-fixtures';
import { createTestApp, type TestApp } from '../testing';

describe.each(testDrivers())('reviewer claim reads on $title', ({ name, skip }) => {
  describe.skipIf(skip)('claim, history, cross-claim checks', () => {
    let t: TestApp;
    let token: string;
    beforeAll(async () => {
      t = await createTestApp(name);
      token = await t.login('reviewer1');
    }, 60_000);
    afterAll(async () => t?.close());

    const get = (url: string) => t.app.inject({ url, headers: { authorization: `Bearer ${token}` } });

    it('returns a claim with its clocks, and its full history', async () => {
      const claim = await claimIn(t, 'partner_action_needed');
      const res = await get(`/claims/${claim.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().claim).toEqual(claim);
      expect(res.json().clocks.map((c: { clock: string }) => c.clock)).toEqual(['partnerResponse', 'overall']);
      expect(res.json().clocks[1]).toMatchObject({ paused: true, running: false });

      const events = (await get(`/claims/${claim.id}/events`)).json().events;
      expect(events.map((e: { type: string }) => e.type)).toEqual(['created', 'submitted', 'reviewStarted', 'infoRequested']);
      expect(events.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4]);

      for (const url of ['/claims/nope', '/claims/nope/events', '/claims/nope/related']) {
        const missing = await get(url);
        expect(missing.statusCode, url).toBe(404);
        expect(missing.json().error.code).toBe('not_found');
      }
    });

    it('finds other claims on the same tenant and product, and reused PoE files', async () => {
      const adatum = { tenantId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', name: 'Adatum', domain: 'adatum.com' };
      const shared = fakeDocument('reused-sow');
      const mine = await claimIn(t, 'in_review', { customer: adatum, products: ['d365_sales', 'power_bi'], documents: [shared, fakeDocument('own-email')] });
      const rival = await claimIn(t, 'submitted', { customer: adatum, partner: LITWARE, products: ['power_bi', 'teams'] });
      const reuse = await claimIn(t, 'submitted', { partner: LITWARE, customer: NORTHWIND, products: ['intune'], documents: [{ ...shared, uploadedBy: 'partner-2' }] });
      await claimIn(t, 'submitted', { customer: adatum, products: ['teams'] }); // same tenant, other product
      await claimIn(t, 'submitted', { customer: NORTHWIND, products: ['power_bi'] }); // same product, other tenant

      const res = await get(`/claims/${mine.id}/related`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.claimId).toBe(mine.id);
      expect(body.sameTenantProduct).toEqual([
        {
          id: rival.id,
          status: 'submitted',
          statusLabel: 'Submitted',
          partner: { partnerId: '7654321', name: 'Litware Inc' },
          customer: { tenantId: adatum.tenantId, name: 'Adatum' },
          products: ['power_bi', 'teams'],
          assignee: null,
          firstSubmittedAt: rival.firstSubmittedAt,
          updatedAt: rival.updatedAt,
          sharedProducts: ['power_bi'],
        },
      ]);
      expect(body.sharedDocuments).toEqual([
        { sha256: shared.sha256, fileName: shared.fileName, claims: [expect.objectContaining({ id: reuse.id, partner: { partnerId: '7654321', name: 'Litware Inc' } })] },
      ]);

      // And from the other side.
      const back = (await get(`/claims/${reuse.id}/related`)).json();
      expect(back.sameTenantProduct).toEqual([]);
      expect(back.sharedDocuments[0].claims.map((c: { id: string }) => c.id)).toEqual([mine.id]);
    });
  });
});
