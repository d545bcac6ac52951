/** Driving the workstation like a reviewer: sign in, open claims, cut and restore the backend. */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './api';

/** API paths of the backend; blocking them is "the server is unreachable" while the app itself still loads. */
export const BACKEND_ROUTES = /\/(auth|sync|documents|claims)\/|\/healthz$/;

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('banner')).toContainText(/Signed in as/);
  await expectSynced(page);
}

export function syncStatus(page: Page) {
  return page.getByRole('status', { name: 'Sync status' });
}

/** Online with nothing pending. */
export async function expectSynced(page: Page, timeout = 30_000): Promise<void> {
  await expect(syncStatus(page)).toContainText('Online', { timeout });
  await expect(syncStatus(page)).toContainText('0 pending', { timeout });
  await expect(syncStatus(page)).toContainText('Last sync', { timeout });
}

export async function goOffline(context: BrowserContext): Promise<void> {
  await context.route(BACKEND_ROUTES, (route) => route.abort('internetdisconnected'));
}

export async function goOnline(context: BrowserContext, page?: Page): Promise<void> {
  await context.unroute(BACKEND_ROUTES);
  // The loop would retry on its own within its backoff; the button makes the test quick.
  if (page) await page.getByRole('button', { name: 'Sync now' }).click();
}

export async function openClaim(page: Page, claimId: string): Promise<void> {
  await page.goto(`/#/claims/${encodeURIComponent(claimId)}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Claim ${claimId}`) })).toBeVisible();
}

/** Marks every checklist item of the open claim as passed. */
export async function passWholeChecklist(page: Page): Promise<void> {
  const checklist = page.getByRole('region', { name: 'Checklist' });
  const groups = checklist.getByRole('group');
  const count = await groups.count();
  for (let i = 0; i < count; i++) await groups.nth(i).getByRole('radio', { name: 'Pass' }).check();
  await expect(checklist).toContainText(`${count} of ${count} items pass`);
}
