/**
 * SLA calendar settings: a supervisor lowers the at-risk threshold and a countdown changes level;
 * validation says what is wrong; offline, the screen says saving needs the server; reviewers only
 * read. The settings are the deployment's, shared by parallel tests: they are put back at once.
 */
import { expect, test, type Page } from '@playwright/test';
import { clocks, DEFAULT_CALENDAR, DEFAULT_POLICY, type Claim } from '../../shared/index';
import { BASE_URL, takeClaim, tokenOf } from './support/api';
import { openClaim, signIn } from './support/ui';

async function putSettings(body: unknown): Promise<void> {
  const response = await fetch(new URL('/settings', BASE_URL), {
    method: 'PUT',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await tokenOf('supervisor')}` },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

async function currentSettings(): Promise<{ calendar: typeof DEFAULT_CALENDAR; policy: typeof DEFAULT_POLICY }> {
  const response = await fetch(new URL('/settings', BASE_URL), { headers: { authorization: `Bearer ${await tokenOf('supervisor')}` } });
  return (await response.json()) as { calendar: typeof DEFAULT_CALENDAR; policy: typeof DEFAULT_POLICY };
}

/** The review clock's fraction of time used, by the same core as the app. */
function reviewUsed(claim: Claim, settings: { calendar: typeof DEFAULT_CALENDAR; policy: typeof DEFAULT_POLICY }): number {
  const review = clocks(claim, new Date(), settings.calendar, { policy: settings.policy }).find((r) => r.clock === 'review' && r.running);
  return review?.fractionUsed ?? -1;
}

function reviewClock(page: Page) {
  return page.getByRole('region', { name: 'SLA clocks' }).getByRole('listitem').filter({ hasText: /^Review/ });
}

test('a supervisor lowers the at-risk threshold and a review countdown turns at risk', async ({ page }) => {
  const original = await currentSettings();
  const claim = await takeClaim((c) => c.status === 'in_review' && reviewUsed(c, original) > 0.2 && reviewUsed(c, original) < 0.6);
  const threshold = Math.max(1, Math.floor(reviewUsed(claim, original) * 100) - 10);

  await signIn(page, 'supervisor');
  await openClaim(page, claim.id);
  await expect(reviewClock(page)).toContainText('On track');

  await page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeFocused();
  const calendar = page.getByRole('region', { name: 'SLA calendar and at-risk threshold' });
  const field = calendar.getByLabel('At-risk threshold (% of the SLA time used)');
  await expect(field).toHaveValue('75');

  // Validation first: a clear message, linked to the field, and nothing saved.
  await field.fill('150');
  await calendar.getByRole('button', { name: 'Save settings' }).click();
  const summary = calendar.getByRole('alert');
  await expect(summary).toContainText('The at-risk threshold must be a whole number from 1 to 99.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await summary.getByRole('button', { name: /at-risk threshold/ }).click();
  await expect(field).toBeFocused();

  try {
    await field.fill(String(threshold));
    await calendar.getByRole('button', { name: 'Save settings' }).click();
    await expect(calendar.getByRole('status').filter({ hasText: 'Saved on the server' })).toBeVisible();
    expect((await currentSettings()).policy.atRiskAt).toBeCloseTo(threshold / 100);

    await openClaim(page, claim.id);
    await expect(reviewClock(page)).toContainText('At risk');
  } finally {
    await putSettings(original);
  }
});

test('saving the calendar needs the server: offline it says so and keeps the edits', async ({ page, context }) => {
  await signIn(page, 'supervisor');
  await page.goto('/#/settings');
  const calendar = page.getByRole('region', { name: 'SLA calendar and at-risk threshold' });
  await expect(calendar.getByLabel('Time zone', { exact: true })).toHaveValue(/\//);

  // Weekend and holidays are edited in place; an impossible calendar is refused with a reason.
  const weekdays = calendar.getByRole('group', { name: 'Weekend days' }).getByRole('checkbox');
  await expect(weekdays).toHaveCount(7);
  for (let i = 0; i < 7; i++) await weekdays.nth(i).check();
  await calendar.getByRole('button', { name: 'Save settings' }).click();
  await expect(calendar.getByRole('alert')).toContainText('At least one day of the week must be a business day.');
  await calendar.getByRole('button', { name: 'Discard changes' }).click();

  // A preset fills the holidays; a date is added and removed by hand.
  await calendar.getByLabel('Holiday preset').selectOption({ label: 'Japan — Asia/Tokyo' });
  await calendar.getByRole('button', { name: 'Load the preset’s holidays' }).click();
  await expect(calendar.getByRole('status').filter({ hasText: /Loaded \d+ holidays of Japan/ })).toBeVisible();
  await calendar.getByLabel('Holiday date').fill('2031-12-30');
  await calendar.getByRole('button', { name: 'Add holiday' }).click();
  const list = calendar.getByRole('list', { name: 'Holidays' });
  await expect(list).toContainText('Tue, Dec 30, 2031');
  await calendar.getByLabel('Holiday date').fill('2031-12-30');
  await calendar.getByRole('button', { name: 'Add holiday' }).click();
  await expect(calendar.getByText('Tue, Dec 30, 2031 is already a holiday.')).toBeVisible();
  await list.getByRole('button', { name: 'Remove Tue, Dec 30, 2031' }).click();
  await expect(list).not.toContainText('Dec 30, 2031');

  await context.setOffline(true);
  await expect(calendar.getByText(/You are offline\. These settings are kept on the server/)).toBeVisible();
  const save = calendar.getByRole('button', { name: 'Save settings' });
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await save.press('Enter'); // still focusable (aria-disabled): a keyboard user gets the reason
  await expect(calendar.getByRole('status').filter({ hasText: 'Not saved: the server cannot be reached.' })).toBeVisible();
  await expect(calendar.getByText('Changes not saved yet.')).toBeVisible();
  await context.setOffline(false);
  await calendar.getByRole('button', { name: 'Discard changes' }).click();
  await expect(calendar.getByText('Changes not saved yet.')).toBeHidden();
});

test('reviewers see the calendar settings read-only', async ({ page }) => {
  await signIn(page, 'reviewer2');
  await page.goto('/#/settings');
  const calendar = page.getByRole('region', { name: 'SLA calendar and at-risk threshold' });
  await expect(calendar).toContainText('Only supervisors can change these settings.');
  await expect(calendar.getByLabel('Time zone', { exact: true })).toBeDisabled();
  await expect(calendar.getByLabel('At-risk threshold (% of the SLA time used)')).toBeDisabled();
  await expect(calendar.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
});
