/**
 * SLA panels, notifications and reassignment in the browser against the real backend.
 *
 * Time: Playwright's clock is installed before the page loads, at the real time, so the first sync
 * measures no offset between the page and the server. Then the backend is cut off (so no further
 * sync corrects the page's clock) and the page's clock is taken back to when a seeded claim entered
 * "submitted", and forward across a US holiday and a weekend (the demo calendar is US Pacific):
 * the claim's pickup clock must stand still on those days, turn at risk and then breached at the
 * instants the shared `clocks` computes, in its SLA panel and in its queue row, and a desktop
 * notification must be requested exactly once per level, a reload included.
 *
 * Notifications are counted at the browser API boundary: `window.Notification` is replaced in the
 * page by a stub that records each call (in localStorage, so the count survives the reload).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { addBusinessDays, calendarDays, clocks, type Calendar, type Claim, type Policy } from '../../shared/index';
import { BASE_URL, serverClaim, takeClaim, tokenOf } from './support/api';
import { expectSynced, goOffline, goOnline, signIn } from './support/ui';

const NOTIFICATIONS_KEY = '__e2e_notifications';

async function serverSettings(): Promise<{ calendar: Calendar; policy: Policy }> {
  const response = await fetch(new URL('/settings', BASE_URL), { headers: { authorization: `Bearer ${await tokenOf('supervisor')}` } });
  return (await response.json()) as { calendar: Calendar; policy: Policy };
}

/** Replaces the Notification API with a recorder; permission is granted. */
async function stubNotifications(page: Page): Promise<void> {
  await page.addInitScript((key) => {
    class RecordingNotification {
      static permission: NotificationPermission = 'granted';
      static requestPermission(): Promise<NotificationPermission> {
        return Promise.resolve('granted');
      }
      constructor(title: string, options?: NotificationOptions) {
        const log = JSON.parse(localStorage.getItem(key) ?? '[]') as { title: string; body: string }[];
        log.push({ title, body: options?.body ?? '' });
        localStorage.setItem(key, JSON.stringify(log));
      }
      close(): void {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true, writable: true });
  }, NOTIFICATIONS_KEY);
}

async function notificationsAbout(page: Page, claimId: string): Promise<{ atRisk: number; breached: number; all: { title: string; body: string }[] }> {
  const all = await page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as { title: string; body: string }[], NOTIFICATIONS_KEY);
  const about = all.filter((n) => `${n.title} ${n.body}`.includes(claimId));
  return {
    atRisk: about.filter((n) => /at risk/.test(n.title)).length,
    breached: about.filter((n) => /breached/.test(n.title)).length,
    all,
  };
}

/** The claim's row in the Pickup panel of the SLA screen (filtered to that claim). */
function pickupRow(page: Page, claimId: string) {
  return page.getByRole('region', { name: 'Pickup' }).getByRole('listitem').filter({ hasText: claimId });
}

async function showInSlaScreen(page: Page, claimId: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'SLA' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SLA overview' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Find claims' }).fill(claimId);
  await expect(pickupRow(page, claimId)).toHaveCount(1);
}

async function expectQueueRow(page: Page, claimId: string, level: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'Queue' }).click();
  await page.getByRole('tab', { name: /^All/ }).click();
  await page.getByRole('searchbox', { name: 'Search claims' }).fill(claimId);
  const row = page.getByRole('grid', { name: 'Claims' }).getByRole('row').filter({ hasText: claimId });
  await expect(row).toContainText(level);
}

/** The countdown text of the row ("1d 02:03:04 business time left"). */
async function countdownOf(page: Page, claimId: string): Promise<string> {
  return (await pickupRow(page, claimId).locator('.sla-countdown__time').textContent()) ?? '';
}

/** Noon of a local date in the calendar's zone, as an instant. */
function noonIn(calendar: Calendar, date: string, from: Date, to: Date): number {
  const day = calendarDays(calendar, from, to).find((d) => d.date === date)!;
  return day.start + (day.end - day.start) / 2;
}

test('a claim goes from on track to at risk to breached across Thanksgiving and a weekend; panel, queue row and one notification per level', async ({ page, context }) => {
  test.setTimeout(150_000);
  const { calendar, policy } = await serverSettings();
  const realNow = new Date();
  // A claim picked up by nobody yet, on track now, whose pickup clock has a holiday and a weekend
  // between its start and the instant it turns at risk.
  const plan = (claim: Claim, needHoliday = true) => {
    if (claim.status !== 'submitted' || claim.statusLog.length !== 2) return null;
    const pickup = clocks(claim, realNow, calendar, { policy }).find((r) => r.clock === 'pickup');
    if (!pickup || pickup.level !== 'on_track') return null;
    const start = pickup.startedAt;
    const atRisk = addBusinessDays(calendar, start, policy.atRiskAt * policy.pickupDays);
    const days = calendarDays(calendar, start, atRisk);
    const holiday = days.find((d) => d.kind === 'holiday');
    // Two weekend days in a row (Saturday and Sunday).
    const pair = days.findIndex((d, i) => d.kind === 'weekend' && days[i + 1]?.kind === 'weekend');
    if ((needHoliday && !holiday) || pair < 0) return null;
    return { start, atRisk, due: pickup.dueAt, holiday: holiday?.date ?? null, saturday: days[pair]!.date, sunday: days[pair + 1]!.date };
  };
  // The demo seed lays claims out backwards from today: near Thanksgiving (or another holiday) some
  // pickup clocks span it. On a date with no holiday in reach, the weekend is still checked, and said so.
  const claim = await takeClaim((c) => plan(c) !== null).catch(async () => {
    test.info().annotations.push({ type: 'note', description: 'no seeded pickup clock spans a holiday at this date: weekend only' });
    return takeClaim((c) => plan(c, false) !== null);
  });
  const p = plan(claim, false)!;
  test.info().annotations.push({
    type: 'timeline',
    description: `${claim.id}: submitted ${p.start.toISOString()}, holiday ${p.holiday}, weekend ${p.saturday}/${p.sunday}, at risk ${p.atRisk.toISOString()}, due ${p.due.toISOString()}`,
  });

  await stubNotifications(page);
  await page.clock.install();
  await signIn(page, 'supervisor');
  await showInSlaScreen(page, claim.id);
  await expect(pickupRow(page, claim.id)).toContainText('On track');
  // The notifier's first pass (at real time) has run once the badge shows the breached claims.
  await expect.poll(() => page.title()).toMatch(/^\(\d+\) /);
  expect(await notificationsAbout(page, claim.id)).toMatchObject({ atRisk: 0, breached: 0 });

  // From here on the page's clock is the only clock: no sync corrects it.
  await goOffline(context);
  /** Waits until the SLA screen has ticked at `ms` or within a minute after (its "clocks read at" time). */
  const ticked = (ms: number) =>
    expect
      .poll(async () => {
        const shown = Date.parse((await page.locator('.sla-clock time').getAttribute('datetime')) ?? '0');
        return shown >= Math.floor(ms / 1000) * 1000 && shown <= ms + 60_000;
      })
      .toBe(true);
  const at = async (ms: number) => {
    await page.clock.setSystemTime(new Date(ms));
    await ticked(ms);
  };
  const forward = async (ms: number) => {
    const target = Date.parse((await page.locator('.sla-clock time').getAttribute('datetime')) ?? '0') + ms;
    await page.clock.fastForward(ms);
    await ticked(target);
  };

  // Just after the claim was submitted: on track.
  await at(p.start.getTime() + 10 * 60_000);
  await expect(pickupRow(page, claim.id)).toContainText('On track');
  await expect(pickupRow(page, claim.id)).toContainText('business time left');

  // The holiday (Thanksgiving, near the end of November 2026): six hours pass and the countdown does not move.
  if (p.holiday) {
    await at(noonIn(calendar, p.holiday, p.start, p.due) - 3 * 3_600_000);
    await expect(pickupRow(page, claim.id)).toContainText('On track');
    const holidayMorning = await countdownOf(page, claim.id);
    await forward(6 * 3_600_000);
    expect(await countdownOf(page, claim.id)).toBe(holidayMorning);
  }

  // The weekend: Saturday noon to Sunday noon, still the same business time left.
  await at(noonIn(calendar, p.saturday, p.start, p.due));
  await expect(pickupRow(page, claim.id)).toContainText('On track');
  const saturday = await countdownOf(page, claim.id);
  await forward(24 * 3_600_000);
  await expect(pickupRow(page, claim.id)).toContainText('On track');
  expect(await countdownOf(page, claim.id)).toBe(saturday);

  // Five seconds before the at-risk instant; then past it.
  await at(p.atRisk.getTime() - 5_000);
  await expect(pickupRow(page, claim.id)).toContainText('On track');
  await forward(10_000);
  await expect(pickupRow(page, claim.id)).toContainText('At risk');
  await expect.poll(async () => (await notificationsAbout(page, claim.id)).atRisk).toBe(1);
  await expectQueueRow(page, claim.id, 'At risk');
  await showInSlaScreen(page, claim.id);

  // Five seconds before the due instant; then past it.
  await at(p.due.getTime() - 5_000);
  await expect(pickupRow(page, claim.id)).toContainText('At risk');
  await forward(10_000);
  await expect(pickupRow(page, claim.id)).toContainText('Breached');
  await expect(pickupRow(page, claim.id)).toContainText('business time over');
  await expect.poll(async () => (await notificationsAbout(page, claim.id)).breached).toBe(1);
  await expectQueueRow(page, claim.id, 'Breached');

  // A reload (still offline, same clock) and more time: nothing is announced again.
  await page.reload();
  await showInSlaScreen(page, claim.id);
  await expect(pickupRow(page, claim.id)).toContainText('Breached');
  await forward(3_600_000);
  await expect(page.getByRole('region', { name: 'Pickup' })).toContainText('Breached');
  expect(await notificationsAbout(page, claim.id)).toMatchObject({ atRisk: 1, breached: 1 });
  const notes = await notificationsAbout(page, claim.id);
  expect(notes.all.filter((n) => n.title === `Claim ${claim.id} is at risk of breaching its SLA`)).toHaveLength(1);
  expect(notes.all.filter((n) => n.title === `Claim ${claim.id} breached its SLA`)).toHaveLength(1);
});

test('reassigning from the workload view works offline and reaches the server', async ({ page, context }) => {
  const claim = await takeClaim((c) => c.status === 'in_review' && c.assignee === 'reviewer2');
  await signIn(page, 'supervisor');
  await page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'SLA' }).click();
  await page.getByRole('tab', { name: 'Workload' }).click();
  const table = page.getByRole('table', { name: /Open claims and decisions per reviewer/ });
  await expect(table.getByRole('row', { name: /reviewer2/ })).toBeVisible();

  // Computed on the workstation from the synced claims, the same figures as the server's own route.
  type ServerWorkload = {
    reviewers: { userId: string; assigned: number; inReview: number; disputesInReview: number; atRisk: number; breached: number }[];
    unassigned: { count: number; atRisk: number; breached: number };
  };
  const fromServer = async () => {
    const response = await fetch(new URL('/supervisor/workload', BASE_URL), { headers: { authorization: `Bearer ${await tokenOf('supervisor')}` } });
    const body = (await response.json()) as ServerWorkload;
    return [
      ...body.reviewers.filter((r) => r.assigned > 0).map((r) => [r.userId, r.assigned, r.inReview, r.disputesInReview, r.atRisk, r.breached].join(' ')),
      ['Unassigned', body.unassigned.count, 0, 0, body.unassigned.atRisk, body.unassigned.breached].join(' '),
    ].sort();
  };
  const onScreen = async () =>
    (
      await table.evaluate((t) =>
        [...t.querySelectorAll('tbody tr')].map((tr) => [tr.querySelector('th')!.textContent, ...[...tr.querySelectorAll('td')].slice(0, 5).map((td) => td.textContent)]),
      )
    )
      .filter((cells) => cells[1] !== '0')
      .map((cells) => cells.join(' '))
      .sort();
  // Polled: a clock may cross a threshold between the two readings.
  await expect.poll(async () => JSON.stringify(await onScreen()) === JSON.stringify(await fromServer())).toBe(true);
  expect((await onScreen()).length).toBeGreaterThan(2);

  await goOffline(context);
  await page.getByRole('searchbox', { name: 'Find claims' }).fill(claim.id);
  await table.getByRole('button', { name: 'Show the open claims of reviewer2' }).click();
  const list = page.getByRole('list', { name: 'Claims to reassign' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('checkbox', { name: new RegExp(claim.id) }).check();
  await page.getByLabel('Reassign to').selectOption('reviewer4');
  await page.getByRole('button', { name: 'Reassign 1 claim' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'reassigned to reviewer4' })).toContainText('saved on this device, will sync');
  expect((await serverClaim(claim.id)).assignee).toBe('reviewer2');

  await goOnline(context, page);
  await expectSynced(page);
  expect((await serverClaim(claim.id)).assignee).toBe('reviewer4');
  // The workload follows: the claim is no longer in reviewer2's open claims.
  await expect(page.getByRole('heading', { name: /Open claims of reviewer2 \(0\)/ })).toBeVisible();
});

test('SLA screen: tabs and countdown lists by keyboard, Enter opens the claim, no serious axe violations', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'SLA' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SLA overview' })).toBeVisible();
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);

  // Countdowns: one tab stop per list; arrows move between claims; Enter opens the one in focus.
  const review = page.getByRole('list', { name: 'Review: claims by business time left' });
  const first = review.getByRole('link').first();
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const second = review.getByRole('listitem').nth(1).getByRole('link');
  await expect(second).toBeFocused();
  await expect(second).toHaveAttribute('tabindex', '0');
  await expect(first).toHaveAttribute('tabindex', '-1');
  expect(await serious()).toEqual([]);
  const claimId = ((await second.textContent()) ?? '').match(/CPOR-\d+/)![0];
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Claim ${claimId}`) })).toBeVisible();
  await page.goBack();

  // Tabs by arrow keys; the charts have a text summary and a data table.
  await page.getByRole('tab', { name: 'Countdowns' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Breaches ahead' })).toHaveAttribute('aria-selected', 'true');
  const forecast = page.getByRole('figure', { name: 'Breaches per business day, next 10 business days' });
  await expect(forecast).toContainText(/clocks breach in the next 10 business days|No clock breaches/);
  await forecast.getByText('Data table').click();
  await expect(forecast.getByRole('table').getByRole('row')).toHaveCount(11);
  const trend = page.getByRole('figure', { name: 'Breaches per week' });
  await trend.getByText('Data table').click();
  await expect(trend.getByRole('table').getByRole('columnheader', { name: 'Pickup' })).toBeVisible();
  await expect(trend.getByRole('table').getByRole('row')).toHaveCount(9);
  expect(await serious()).toEqual([]);
  await page.getByRole('tab', { name: 'Breaches ahead' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Workload' })).toBeFocused();
  await expect(page.getByRole('table', { name: /Open claims and decisions per reviewer/ })).toBeVisible();
  expect(await serious()).toEqual([]);
});
