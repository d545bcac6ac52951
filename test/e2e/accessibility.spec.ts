/** Accessibility: landmarks, keyboard use, and axe scans of the queue and the claim page; screenshots for the README. */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { takeClaim } from './support/api';
import { openClaim, signIn } from './support/ui';

const SCREENSHOTS = 'docs/screenshots';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test.describe('accessibility', () => {
  test('sign-in screen has no serious violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('queue and claim page: landmarks, keyboard, no serious axe violations, screenshots', async ({ page }) => {
    // A claim in review, assigned to the signed-in reviewer, with a running clock.
    const claim = await takeClaim((c) => c.status === 'in_review' && c.assignee === 'reviewer2');
    await signIn(page, 'reviewer2');
    await expect(page.getByRole('banner')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Workstation' })).toBeVisible();
    await expect(page.getByRole('main')).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.getByRole('status', { name: 'Available offline' })).toContainText(/available offline/);

    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/queue.png` });

    // Keyboard: the skip link is the first stop and moves focus to the main content.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'Skip to main content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();

    await openClaim(page, claim.id);
    await expect(page.getByRole('region', { name: 'PoE documents' })).toContainText(/Available offline/, { timeout: 20_000 });
    // Header, clocks, actions, checklist and PoE list in one picture.
    await page.setViewportSize({ width: 1366, height: 1300 });
    await page.screenshot({ path: `${SCREENSHOTS}/claim.png` });
    await page.setViewportSize({ width: 1366, height: 900 });
    // Every action is reachable by keyboard, including refused ones, whose reason is their description.
    const actions = page.getByRole('region', { name: 'Actions' });
    const startReview = actions.getByRole('button', { name: 'Start review' });
    await startReview.focus();
    await expect(startReview).toBeDisabled();
    await expect(startReview).toHaveAccessibleDescription(/.+/);
    await page.keyboard.press('Tab');
    await expect(actions.getByRole('button', { name: 'Request information' })).toBeFocused();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Request more information' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    await page.getByRole('button', { name: 'Why is this due then?' }).first().click();
    await expect(page.getByRole('heading', { name: /How the .* deadline is computed/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
