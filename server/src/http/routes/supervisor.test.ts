import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addBusinessDays, DEFAULT_CALENDAR, DEFAULT_POLICY, type Claim } from '../../../../shared/index';
import { testDrivers } from '../../db/testing';
import { loadSettings } from '../../settings';
import { ACTORS, claimIn, execute } from '../claim-fixtures';
import { createTestApp, type TestApp } from '../testing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe.each(testDrivers())('supervisor API on $title', ({ name, skip }) => {
  describe.skipIf(skip)('assignment, workload and settings', () => {
    let t: TestApp;
    const tokens: Record<string, string> = {};
    const fixtures: Record<string, Claim> = {};
    beforeAll(async () => {
      t = await createTestApp(name);
      for (const u of ['supervisor', 'reviewer1', 'admin']) tokens[u] = await t.login(u);
      const now = t.clock.now;
      const cal = DEFAULT_CALENDAR;
      // reviewer-1: one fresh review, one review breached (started 6 business days ago), one
      // pickup at risk (submitted 4 business days ago, assigned by the supervisor), one approval today.
      fixtures.fresh = await claimIn(t, 'in_review');
      const breachedStart = addBusinessDays(cal, now, -6);
      fixtures.breached = await claimIn(t, 'in_review', { at: new Date(breachedStart.getTime() - 2 * MINUTE), finalAt: breachedStart });
      const atRiskSubmit = addBusinessDays(cal, now, -4);
      fixtures.atRisk = await claimIn(t, 'submitted', { at: new Date(atRiskSubmit.getTime() - MINUTE), finalAt: atRiskSubmit });
      await execute(t, ACTORS.supervisor, { type: 'assign', claimId: fixtures.atRisk.id, assignee: 'reviewer-1' }, new Date(now.getTime() - HOUR));
      fixtures.approved = await claimIn(t, 'approved');
      // Decided last week: does not count this week.
      await claimIn(t, 'approved', { at: new Date(now.getTime() - 5 * 24 * HOUR) });
      // reviewer-2: a rejection today, then disputed by the partner.
      fixtures.disputed = await claimIn(t, 'disputed', { reviewer: ACTORS.reviewer2 });
      // Nobody's yet.
      fixtures.unassigned = await claimIn(t, 'submitted');
    }, 60_000);
    afterAll(async () => t?.close());

    const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
    const assign = (claimId: string, assignee: unknown, user = 'supervisor') =>
      t.app.inject({ method: 'POST', url: `/supervisor/claims/${claimId}/assign`, headers: as(user), payload: { assignee } });

    it('reports each reviewer’s load, risk and decisions this week, and the unassigned claims', async () => {
      const res = await t.app.inject({ url: '/supervisor/workload', headers: as('supervisor') });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      // Monday 2 November 2026, midnight in Los Angeles (PST after the DST change of 1 November).
      expect(body.weekStartsAt).toBe('2026-11-02T08:00:00.000Z');
      const row = (id: string) => body.reviewers.find((r: { userId: string }) => r.userId === id);
      expect(row('reviewer-1')).toEqual({
        userId: 'reviewer-1',
        username: 'reviewer1',
        displayName: 'reviewer1',
        role: 'reviewer',
        assigned: 3,
        inReview: 2,
        disputesInReview: 0,
        atRisk: 1,
        breached: 1,
        decidedThisWeek: 1,
      });
      expect(row('reviewer-2')).toMatchObject({ assigned: 1, inReview: 0, disputesInReview: 1, atRisk: 0, breached: 0, decidedThisWeek: 1 });
      expect(row('supervisor-1')).toMatchObject({ role: 'supervisor', assigned: 0, decidedThisWeek: 0 });
      expect(body.reviewers.map((r: { userId: string }) => r.userId).sort()).toEqual(['reviewer-1', 'reviewer-2', 'supervisor-1']);
      expect(body.unassigned).toEqual({ count: 1, atRisk: 0, breached: 0 });
    });

    it('assigns, reassigns and unassigns; refuses unknown assignees and closed claims', async () => {
      const claim = await claimIn(t, 'submitted');
      const res = await assign(claim.id, 'reviewer-2');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().claim).toMatchObject({ id: claim.id, assignee: 'reviewer-2' });
      expect((await assign(claim.id, 'supervisor-1')).json().claim.assignee).toBe('supervisor-1');
      expect((await assign(claim.id, null)).json().claim.assignee).toBeNull();

      const same = await assign(claim.id, null);
      expect(same.statusCode).toBe(409);
      expect(same.json().error.code).toBe('precondition_failed');

      for (const who of ['partner-1', 'customer-1', 'admin-1', 'nobody']) {
        const bad = await assign(claim.id, who);
        expect(bad.statusCode, who).toBe(400);
        expect(bad.json().error.code).toBe('unknown_assignee');
      }
      for (const body of [{}, { assignee: 42 }, { assignee: '' }, { assignee: 'reviewer-2', actor: { role: 'supervisor' } }]) {
        const bad = await t.app.inject({ method: 'POST', url: `/supervisor/claims/${claim.id}/assign`, headers: as('supervisor'), payload: body });
        expect(bad.statusCode, JSON.stringify(body)).toBe(400);
      }
      const closed = await assign(fixtures.approved!.id, 'reviewer-2');
      expect(closed.statusCode).toBe(409);
      expect(closed.json().error.code).toBe('invalid_transition');
      expect((await assign('no-such-claim', 'reviewer-2')).statusCode).toBe(404);
      expect((await assign(claim.id, 'reviewer-1', 'reviewer1')).statusCode).toBe(403);
    });

    it('reads and replaces the SLA settings', async () => {
      const current = await t.app.inject({ url: '/settings', headers: as('reviewer1') });
      expect(current.statusCode).toBe(200);
      expect(current.json()).toEqual({ calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY });

      const next = { calendar: { timeZone: 'Asia/Tokyo', weekend: [0, 6], holidays: ['2027-01-01'] }, policy: { consentDays: 5, consentUnit: 'business_days' } };
      const put = await t.app.inject({ method: 'PUT', url: '/settings', headers: as('supervisor'), payload: next });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toEqual({ calendar: next.calendar, policy: { ...DEFAULT_POLICY, consentDays: 5, consentUnit: 'business_days' } });
      expect(await loadSettings(t.deps.db)).toEqual(put.json());

      for (const bad of [
        { ...next, calendar: { ...next.calendar, timeZone: 'Mars/Olympus' } },
        { ...next, policy: { atRiskAt: 1.5 } },
        { ...next, policy: { unknownKnob: 1 } },
        { calendar: next.calendar },
        { ...next, calendar: { ...next.calendar, holidays: ['tomorrow'] } },
      ]) {
        const res = await t.app.inject({ method: 'PUT', url: '/settings', headers: as('supervisor'), payload: bad });
        expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      }
      expect((await t.app.inject({ method: 'PUT', url: '/settings', headers: as('reviewer1'), payload: next })).statusCode).toBe(403);
      expect((await t.app.inject({ method: 'PUT', url: '/settings', headers: as('admin'), payload: next })).statusCode).toBe(200);
    });

    it('pokes the workstations when the settings change, so they pull them', async () => {
      const poked = new Promise<string>((resolve) => {
        const stop = t.deps.pokes.subscribe((payload) => {
          stop();
          resolve(payload);
        });
      });
      const payload = { calendar: DEFAULT_CALENDAR, policy: { atRiskAt: 0.5 } };
      expect((await t.app.inject({ method: 'PUT', url: '/settings', headers: as('supervisor'), payload })).statusCode).toBe(200);
      await expect(poked).resolves.toBe('settings');
    });
  });

  describe.skipIf(skip)('SLA summary', () => {
    let t: TestApp;
    let token: string;
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      t = await createTestApp(name);
      token = await t.login('supervisor');
      const now = t.clock.now;
      const cal = DEFAULT_CALENDAR;
      const enter = async (key: string, status: 'submitted' | 'in_review' | 'partner_action_needed', enteredAt: Date) => {
        ids[key] = (await claimIn(t, status, { at: new Date(enteredAt.getTime() - 3 * MINUTE), finalAt: enteredAt })).id;
      };
      // Pickup due in 4 hours (13:00 local, today).
      await enter('dueToday', 'submitted', addBusinessDays(cal, new Date(now.getTime() + 4 * HOUR), -5));
      // Pickup due tomorrow at 09:00 local (the next business day).
      await enter('dueTomorrow', 'submitted', addBusinessDays(cal, now, -4));
      // Review breached two days ago.
      await enter('breached', 'in_review', addBusinessDays(cal, now, -7));
      // Partner response due in half a business day (21:00 local today); the overall clock is paused.
      await enter('partner', 'partner_action_needed', addBusinessDays(cal, now, -4.5));
      // Not open: no SLA clock.
      await claimIn(t, 'approved');
    }, 60_000);
    afterAll(async () => t?.close());

    it('counts running clocks per clock and level and lists what breaches today and on the next business day', async () => {
      const res = await t.app.inject({ url: '/supervisor/sla', headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.serverTime).toBe('2026-11-02T17:00:00.000Z');
      expect(body.endOfToday).toBe('2026-11-03T08:00:00.000Z');
      expect(body.endOfNextBusinessDay).toBe('2026-11-04T08:00:00.000Z');
      expect(body.counts).toEqual({
        pickup: { on_track: 0, at_risk: 2, breached: 0 },
        review: { on_track: 0, at_risk: 0, breached: 1 },
        partnerResponse: { on_track: 0, at_risk: 1, breached: 0 },
        overall: { on_track: 3, at_risk: 0, breached: 0 },
        disputeReview: { on_track: 0, at_risk: 0, breached: 0 },
      });
      expect(body.pausedOverall).toBe(1);
      expect(body.breachingToday.map((b: { claimId: string; clock: string }) => [b.claimId, b.clock])).toEqual([
        [ids.dueToday, 'pickup'],
        [ids.partner, 'partnerResponse'],
      ]);
      expect(body.breachingToday[0]).toMatchObject({
        dueAt: '2026-11-02T21:00:00.000Z',
        level: 'at_risk',
        status: 'submitted',
        assignee: null,
        partner: { partnerId: '1234567', name: 'Contoso Ltd' },
        customer: { name: 'Fabrikam' },
      });
      expect(body.breachingNextBusinessDay.map((b: { claimId: string; clock: string; dueAt: string }) => [b.claimId, b.clock, b.dueAt])).toEqual([
        [ids.dueTomorrow, 'pickup', '2026-11-03T17:00:00.000Z'],
      ]);
    });
  });
});
