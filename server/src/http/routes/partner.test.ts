import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessDays, DEFAULT_CALENDAR } from '../../../../shared/index';
import { testDrivers } from '../../db/testing';
import { makePng } from '../../documents/test-images';
import { ACTORS, claimIn, CONTOSO, execute, FABRIKAM, LITWARE, NORTHWIND } from '../claim-fixtures';
import { createTestApp, type TestApp } from '../testing';

describe.each(testDrivers())('partner API on $title', ({ name, skip }) => {
  describe.skipIf(skip)('partner claims', () => {
    let t: TestApp;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      t = await createTestApp(name);
      for (const u of ['partner-contoso', 'partner-litware', 'reviewer1']) tokens[u] = await t.login(u);
    }, 60_000);
    afterAll(async () => t?.close());

    const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
    const post = (user: string, url: string, payload?: unknown) =>
      t.app.inject({ method: 'POST', url, headers: as(user), ...(payload !== undefined ? { payload: payload as object } : {}) });
    const get = (user: string, url: string) => t.app.inject({ url, headers: as(user) });
    let pngSeed = 100;
    const uploadPng = async (user = 'partner-contoso') => {
      const png = makePng(++pngSeed, 7);
      const res = await t.app.inject({
        method: 'POST',
        url: '/documents',
        headers: { ...as(user), 'content-type': 'image/png', 'x-file-name': `poe-${pngSeed}.png` },
        payload: Buffer.from(png),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { sha256: string; fileName: string; size: number };
    };
    const newClaim = (documents: unknown[], extra: Record<string, unknown> = {}) => ({
      partner: CONTOSO,
      customer: FABRIKAM,
      products: ['d365_sales', 'power_apps'],
      documents,
      ...extra,
    });

    it('files, edits, attaches PoE, submits, comments, resubmits and withdraws a claim', async () => {
      const sow = await uploadPng();
      const created = await post('partner-contoso', '/partner/claims', newClaim([{ sha256: sow.sha256 }]));
      expect(created.statusCode, created.body).toBe(201);
      const claim = created.json().claim;
      expect(claim.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(claim).toMatchObject({ status: 'draft', createdBy: 'partner-1', version: 1 });
      // Everything about the document comes from the upload, not from the request.
      expect(claim.documents).toEqual([
        { sha256: sow.sha256, fileName: sow.fileName, mediaType: 'image/png', size: sow.size, pages: 1, uploadedBy: 'partner-1', uploadedAt: t.clock.now.toISOString() },
      ]);
      const id = claim.id as string;

      const edited = await post('partner-contoso', `/partner/claims/${id}/edit`, {
        changes: { products: ['d365_sales'], customerContact: { name: 'Fay Fabrikam', email: 'fay@fabrikam.com' } },
      });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(edited.json().claim.products).toEqual([{ productId: 'd365_sales', family: 'business_applications' }]);

      const email = await uploadPng();
      const attached = await post('partner-contoso', `/partner/claims/${id}/documents`, { documents: [{ sha256: email.sha256, fileName: 'Acceptance email.png' }] });
      expect(attached.statusCode, attached.body).toBe(200);
      expect(attached.json().claim.documents.map((d: { fileName: string }) => d.fileName)).toEqual([sow.fileName, 'Acceptance email.png']);

      const submitted = await post('partner-contoso', `/partner/claims/${id}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json().claim).toMatchObject({ status: 'submitted', firstSubmittedAt: t.clock.now.toISOString() });

      const script = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
      const commented = await post('partner-contoso', `/partner/claims/${id}/comment`, { text: script });
      expect(commented.statusCode, commented.body).toBe(200);
      expect(commented.json().claim.comments.at(-1)).toMatchObject({ by: 'partner-1', role: 'partner', text: script });
      expect(commented.headers['content-type']).toContain('application/json');

      await execute(t, ACTORS.reviewer1, { type: 'startReview', claimId: id }, t.clock.now);
      await execute(t, ACTORS.reviewer1, { type: 'setChecklistItem', claimId: id, item: 'date', result: 'fail', note: 'internal: date looks edited' }, t.clock.now);
      await execute(t, ACTORS.reviewer1, { type: 'requestInfo', claimId: id, codes: ['missing_or_stale_date'], message: 'Please send a dated SOW.' }, t.clock.now);

      const viewed = await get('partner-contoso', `/partner/claims/${id}`);
      expect(viewed.statusCode).toBe(200);
      const view = viewed.json();
      expect(view.claim.status).toBe('partner_action_needed');
      expect(view.claim.infoRequests[0]).toMatchObject({ codes: ['missing_or_stale_date'], message: 'Please send a dated SOW.' });
      // The reviewers' internal work stays internal.
      expect(view.claim).not.toHaveProperty('checklist');
      expect(view.claim).not.toHaveProperty('annotations');
      expect(view.claim).not.toHaveProperty('assignee');
      const types = view.events.map((e: { type: string }) => e.type);
      expect(types).toEqual(['created', 'edited', 'edited', 'submitted', 'commented', 'reviewStarted', 'infoRequested']);
      expect(view.events.find((e: { type: string }) => e.type === 'reviewStarted').payload).toEqual({});
      expect(JSON.stringify(view)).not.toContain('internal: date looks edited');
      expect(view.events.find((e: { type: string }) => e.type === 'commented').payload.text).toBe(script);

      const fixed = await uploadPng();
      expect((await post('partner-contoso', `/partner/claims/${id}/documents`, { documents: [{ sha256: fixed.sha256 }] })).statusCode).toBe(200);
      const resubmitted = await post('partner-contoso', `/partner/claims/${id}/resubmit`, { message: 'Dated SOW attached.' });
      expect(resubmitted.statusCode, resubmitted.body).toBe(200);
      expect(resubmitted.json().claim.status).toBe('submitted');

      const withdrawn = await post('partner-contoso', `/partner/claims/${id}/withdraw`, { message: 'Wrong customer.' });
      expect(withdrawn.statusCode, withdrawn.body).toBe(200);
      expect(withdrawn.json().claim).toMatchObject({ status: 'rejected', rejection: { reasons: ['partner_request'] } });
      // A withdrawal cannot be disputed: the core's refusal, as 409.
      const disputed = await post('partner-contoso', `/partner/claims/${id}/dispute`, { justification: 'Changed our mind.' });
      expect(disputed.statusCode).toBe(409);
      expect(disputed.json().error.code).toBe('not_disputable');
    });

    it('disputes a rejection with new PoE referenced by sha256', async () => {
      const rejected = await claimIn(t, 'rejected');
      const extra = await uploadPng();
      const res = await post('partner-contoso', `/partner/claims/${rejected.id}/dispute`, {
        justification: 'The customer signature is on page 1.',
        addDocuments: [{ sha256: extra.sha256 }],
      });
      expect(res.statusCode, res.body).toBe(200);
      const claim = res.json().claim;
      expect(claim.status).toBe('disputed');
      expect(claim.documents.at(-1)).toMatchObject({ sha256: extra.sha256, mediaType: 'image/png', uploadedBy: 'partner-1' });
      // At most one dispute per claim.
      expect((await post('partner-contoso', `/partner/claims/${rejected.id}/dispute`, { justification: 'Again.' })).statusCode).toBe(409);
    });

    it('lists only this partner’s claims, newest first, with status filter, paging and deadlines', async () => {
      const waiting = await claimIn(t, 'partner_action_needed');
      await claimIn(t, 'submitted', { partner: LITWARE });
      const all = (await get('partner-contoso', '/partner/claims?limit=500')).json();
      expect(all.claims.length).toBeGreaterThan(1);
      expect(all.claims.every((c: { id: string }) => typeof c.id === 'string')).toBe(true);
      const ids = all.claims.map((c: { id: string }) => c.id);
      const litwareIds = (await get('partner-litware', '/partner/claims')).json().claims.map((c: { id: string }) => c.id);
      expect(litwareIds.length).toBeGreaterThan(0);
      expect(ids.filter((id: string) => litwareIds.includes(id))).toEqual([]);
      const updated = all.claims.map((c: { updatedAt: string }) => c.updatedAt);
      expect([...updated].sort().reverse()).toEqual(updated);

      const filtered = (await get('partner-contoso', '/partner/claims?status=partner_action_needed')).json();
      const row = filtered.claims.find((c: { id: string }) => c.id === waiting.id);
      expect(row).toMatchObject({
        status: 'partner_action_needed',
        statusLabel: 'Partner action required',
        customer: { name: 'Fabrikam' },
        products: ['d365_sales'],
        documentCount: 1,
        deadline: { clock: 'partnerResponse' },
      });
      expect(filtered.claims.every((c: { status: string }) => c.status === 'partner_action_needed')).toBe(true);

      const page1 = (await get('partner-contoso', '/partner/claims?limit=1')).json();
      expect(page1.claims).toHaveLength(1);
      expect(page1.nextOffset).toBe(1);
      const page2 = (await get('partner-contoso', '/partner/claims?limit=1&offset=1')).json();
      expect(page2.claims[0].id).not.toBe(page1.claims[0].id);

      for (const bad of ['?status=lost', '?limit=0', '?limit=501', '?offset=-1', '?limit=abc', '?extra=1']) {
        expect((await get('partner-contoso', `/partner/claims${bad}`)).statusCode, bad).toBe(400);
      }
    });

    it('answers 404 for another partner’s claim, exactly as for a claim that does not exist', async () => {
      const theirs = await claimIn(t, 'submitted', { partner: LITWARE });
      const missing = await get('partner-contoso', '/partner/claims/no-such-claim');
      const foreign = await get('partner-contoso', `/partner/claims/${theirs.id}`);
      expect(foreign.statusCode).toBe(404);
      expect(missing.statusCode).toBe(404);
      expect(foreign.json().error.code).toBe(missing.json().error.code);
      expect(foreign.json().error.message).toBe(`Claim ${theirs.id} does not exist.`);

      const sha = (await uploadPng()).sha256;
      const actions: Array<[string, unknown]> = [
        ['submit', {}],
        ['resubmit', {}],
        ['withdraw', {}],
        ['dispute', { justification: 'x' }],
        ['comment', { text: 'hello' }],
        ['edit', { changes: { products: ['power_bi'] } }],
        ['documents', { documents: [{ sha256: sha }] }],
      ];
      for (const [action, body] of actions) {
        const res = await post('partner-contoso', `/partner/claims/${theirs.id}/${action}`, body);
        expect(res.statusCode, `${action}: ${res.body}`).toBe(404);
        expect(res.json().error.message).toBe(`Claim ${theirs.id} does not exist.`);
      }
      // Untouched.
      const after = (await get('partner-litware', `/partner/claims/${theirs.id}`)).json();
      expect(after.claim.version).toBe(theirs.version);
    });

    it('creates with a client-chosen id once; refuses another Partner ID and unknown documents', async () => {
      const sha = (await uploadPng()).sha256;
      const first = await post('partner-contoso', '/partner/claims', newClaim([{ sha256: sha }], { claimId: 'contoso-2026-0001' }));
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json().claim.id).toBe('contoso-2026-0001');
      const again = await post('partner-contoso', '/partner/claims', newClaim([{ sha256: sha }], { claimId: 'contoso-2026-0001' }));
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('already_exists');

      const foreign = await post('partner-contoso', '/partner/claims', { ...newClaim([]), partner: LITWARE });
      expect(foreign.statusCode).toBe(403);
      expect(foreign.json().error.message).toContain('1234567');

      const unknown = await post('partner-contoso', '/partner/claims', newClaim([{ sha256: 'a'.repeat(64) }]));
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.code).toBe('unknown_document');

      const twice = await post('partner-contoso', '/partner/claims', newClaim([{ sha256: sha }, { sha256: sha }]));
      expect(twice.statusCode).toBe(400);
    });

    it('cleans a file name given with a document reference as an upload’s name is cleaned', async () => {
      const sha = (await uploadPng()).sha256;
      const created = await post('partner-contoso', '/partner/claims', newClaim([{ sha256: sha, fileName: 'C:\\scans\\invoice\u202efdp.exe\u0007.png' }]));
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().claim.documents[0].fileName).toBe('invoicefdp.exe.png');
      const id = created.json().claim.id as string;
      const png = await uploadPng();
      const attached = await post('partner-contoso', `/partner/claims/${id}/documents`, { documents: [{ sha256: png.sha256, fileName: '../\u2067gpj.exe\u2069 acceptance.png' }] });
      expect(attached.statusCode, attached.body).toBe(200);
      expect(attached.json().claim.documents[1].fileName).toBe('gpj.exe acceptance.png');
    });

    it('refuses to move a claim to another Partner ID', async () => {
      const submitted = await claimIn(t, 'submitted');
      const res = await post('partner-contoso', `/partner/claims/${submitted.id}/edit`, { changes: { partnerId: LITWARE.partnerId } });
      expect(res.statusCode).toBe(403);
      const draft = await claimIn(t, 'draft');
      const res2 = await post('partner-contoso', `/partner/claims/${draft.id}/edit`, { changes: { partner: LITWARE } });
      expect(res2.statusCode).toBe(403);
      // Its own Partner ID (a no-op move) and other draft fields are fine.
      const ok = await post('partner-contoso', `/partner/claims/${draft.id}/edit`, { changes: { partner: { ...CONTOSO, name: 'Contoso Limited' }, customer: NORTHWIND } });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().claim.customer.name).toBe('Northwind Traders');
    });

    it('maps the core’s refusals: wrong status 409, closed windows 409, locked fields 403', async () => {
      const draft = await claimIn(t, 'draft');
      const res = await post('partner-contoso', `/partner/claims/${draft.id}/resubmit`, {});
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('invalid_transition');
      expect(res.json().error.message).toContain('status draft, command resubmit');

      const empty = await post('partner-contoso', '/partner/claims', newClaim([]));
      const emptyId = empty.json().claim.id;
      const submit = await post('partner-contoso', `/partner/claims/${emptyId}/submit`, {});
      expect(submit.statusCode).toBe(409);
      expect(submit.json().error.code).toBe('precondition_failed');

      // Asked for information 6 business days ago: the 5-day partner-response window has closed.
      const askedAt = addBusinessDays(DEFAULT_CALENDAR, t.clock.now, -6);
      const late = await claimIn(t, 'partner_action_needed', { at: new Date(askedAt.getTime() - 10 * 60_000), finalAt: askedAt });
      const resubmit = await post('partner-contoso', `/partner/claims/${late.id}/resubmit`, { message: 'Sorry, late.' });
      expect(resubmit.statusCode).toBe(409);
      expect(resubmit.json().error.code).toBe('window_closed');

      const submitted = await claimIn(t, 'submitted');
      const locked = await post('partner-contoso', `/partner/claims/${submitted.id}/edit`, { changes: { customer: NORTHWIND } });
      expect(locked.statusCode).toBe(403);
      expect(locked.json().error.message).toContain('Cannot edit customer');
    });

    it('stores any other Unicode verbatim', async () => {
      const submitted = await claimIn(t, 'submitted');
      const text = '契約書は2ページ目 👍🏽 \u202eevil\u202c\n\t"quoted" \\ back';
      const res = await post('partner-contoso', `/partner/claims/${submitted.id}/comment`, { text });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().claim.comments.at(-1).text).toBe(text);
      expect((await get('partner-contoso', `/partner/claims/${submitted.id}`)).json().claim.comments.at(-1).text).toBe(text);
    });

    it('refuses forged and malformed bodies with 400, never 5xx', async () => {
      const sha = (await uploadPng()).sha256;
      const draft = await claimIn(t, 'draft');
      const submitted = await claimIn(t, 'submitted');
      const cases: Array<[string, unknown]> = [
        // The actor, the type and recorded metadata are the server's to set.
        ['/partner/claims', { ...newClaim([{ sha256: sha }]), actor: { id: 'reviewer-1', role: 'reviewer' } }],
        ['/partner/claims', { ...newClaim([{ sha256: sha }]), type: 'approve' }],
        ['/partner/claims', { ...newClaim([{ sha256: sha }]), createdBy: 'someone-else' }],
        ['/partner/claims', { ...newClaim([{ sha256: sha }]), status: 'approved' }],
        ['/partner/claims', newClaim([{ sha256: sha, size: 1, pages: 999, mediaType: 'application/pdf', uploadedBy: 'x', uploadedAt: '2020-01-01T00:00:00Z' }])],
        [`/partner/claims/${submitted.id}/comment`, { text: 'hi', by: 'reviewer-1' }],
        [`/partner/claims/${submitted.id}/comment`, { text: 'hi', role: 'reviewer' }],
        [`/partner/claims/${submitted.id}/withdraw`, { actor: { role: 'system' } }],
        [`/partner/claims/${draft.id}/submit`, { claimId: 'other' }],
        // Wrong types and values.
        ['/partner/claims', { ...newClaim([]), products: 'd365_sales' }],
        ['/partner/claims', { ...newClaim([]), products: ['not_a_product'] }],
        ['/partner/claims', { ...newClaim([]), customer: { ...FABRIKAM, tenantId: 'not-a-guid' } }],
        ['/partner/claims', { ...newClaim([]), documents: [{ sha256: 'ABC' }] }],
        ['/partner/claims', { ...newClaim([]), partner: { ...CONTOSO, contact: { name: 'x', email: 'not an email' } } }],
        ['/partner/claims', []],
        ['/partner/claims', 'hello'],
        [`/partner/claims/${submitted.id}/comment`, { text: 42 }],
        [`/partner/claims/${submitted.id}/comment`, { text: '   ' }],
        [`/partner/claims/${submitted.id}/comment`, { text: 'x'.repeat(100_001) }],
        // Text PostgreSQL cannot store: refused up front rather than failing in the database.
        [`/partner/claims/${submitted.id}/comment`, { text: 'before\u0000after' }],
        [`/partner/claims/${submitted.id}/comment`, { text: 'lone \ud800 surrogate' }],
        [`/partner/claims/${submitted.id}/withdraw`, { message: '\udc00' }],
        ['/partner/claims', { ...newClaim([{ sha256: sha, fileName: 'a\u0000.pdf' }]) }],
        [`/partner/claims/${submitted.id}/dispute`, {}],
        [`/partner/claims/${submitted.id}/edit`, { changes: {} }],
        [`/partner/claims/${submitted.id}/edit`, { changes: { products: [] } }],
        [`/partner/claims/${submitted.id}/documents`, { documents: [] }],
        [`/partner/claims/${'x'.repeat(201)}/submit`, {}],
      ];
      for (const [url, payload] of cases) {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { ...as('partner-contoso'), 'content-type': 'application/json' },
          payload: JSON.stringify(payload),
        });
        expect(res.statusCode, `${url} ${JSON.stringify(payload).slice(0, 120)} → ${res.body}`).toBe(400);
        expect(res.json().error.code).toBe('validation');
      }
      const malformed = await t.app.inject({
        method: 'POST',
        url: '/partner/claims',
        headers: { ...as('partner-contoso'), 'content-type': 'application/json' },
        payload: '{"partner": {',
      });
      expect(malformed.statusCode).toBe(400);
      expect(malformed.json().error.code).toBe('malformed_json');
      const huge = await t.app.inject({
        method: 'POST',
        url: `/partner/claims/${submitted.id}/comment`,
        headers: { ...as('partner-contoso'), 'content-type': 'application/json' },
        payload: JSON.stringify({ text: 'x'.repeat(9 * 1024 * 1024) }),
      });
      expect(huge.statusCode).toBe(413);
      // Nothing of all that reached the claims.
      const after = (await get('partner-contoso', `/partner/claims/${submitted.id}`)).json();
      expect(after.claim.version).toBe(submitted.version);
    });
  });
});
