/** Sign-in, session restore and sign-out in browser mode against the real backend. */
import { expect, test } from '@playwright/test';
import { BASE_URL, DEMO_PASSWORD } from './support/api';
import { expectSynced, signIn } from './support/ui';

test.describe('signing in', () => {
  test('explains a wrong password, an unreachable server, a throttled user and a role without a workstation', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('PoE Reviewer Workstation');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 2, name: 'Sign in' })).toBeVisible();
    // The server URL defaults to the page's own origin: the backend serves the workstation.
    await expect(page.getByLabel('Server URL')).toHaveValue(new URL(page.url()).origin);

    await page.getByLabel('Username').fill('reviewer1');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Wrong username or password.');

    await page.getByLabel('Server URL').fill('http://127.0.0.1:9');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('cannot be reached');

    await page.getByLabel('Server URL').fill('ftp://example.com');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('must start with http:// or https://');

    await page.getByLabel('Server URL').fill(new URL(page.url()).origin);
    await page.getByLabel('Username').fill('partner-contoso');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The workstation is for reviewers and supervisors');

    const throttled = `nobody-${test.info().parallelIndex}-${Date.now()}`;
    await page.getByLabel('Username').fill(throttled);
    await page.getByLabel('Password').fill('guess');
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expect(page.getByRole('alert')).toContainText('Wrong username or password.');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
    }
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('Too many failed sign-ins');
  });

  test('restores the session on reload and signs out', async ({ page }) => {
    await signIn(page, 'reviewer2');
    await expect(page.getByRole('banner')).toContainText('Signed in as Priya Raman (Reviewer)');
    await expect(page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'Queue' })).toHaveAttribute('aria-current', 'page');

    await page.reload();
    await expect(page.getByRole('banner')).toContainText('Signed in as Priya Raman (Reviewer)');
    await expectSynced(page);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    await expect(page.getByText('You are signed out.')).toBeVisible();
    // The next sign-in is offered for the same user.
    await expect(page.getByLabel('Username')).toHaveValue('reviewer2');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  });

  test('a session revoked on the server ends cleanly: sign in again, keep working', async ({ page }) => {
    await signIn(page, 'reviewer3');
    const token = await page.evaluate(() => (JSON.parse(localStorage.getItem('poe-workstation:session') ?? '{}') as { token?: string }).token);
    const response = await fetch(new URL('/auth/logout', BASE_URL), { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(response.ok).toBe(true);

    await page.getByRole('button', { name: 'Sync now' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Your session has ended' });
    await expect(banner).toBeVisible();
    await expect(page.getByRole('status', { name: 'Sync status' })).toContainText('Session ended');
    await banner.getByRole('button', { name: 'Sign in again' }).click();
    await expect(page.getByLabel('Username')).toHaveValue('reviewer3');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectSynced(page);
  });
});
