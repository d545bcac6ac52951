import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test.describe('workstation shell (browser mode)', () => {
  test('shows the product heading and the app info from the browser bridge', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });

    await page.goto('/');

    await expect(page).toHaveTitle('PoE Reviewer Workstation');
    await expect(page.getByRole('banner')).toContainText('PoE Reviewer Workstation');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { level: 1, name: 'PoE Reviewer Workstation' })).toBeVisible();

    const about = main.getByRole('region', { name: 'About this workstation' });
    await expect(about.getByRole('definition')).toHaveText([
      'PoE Reviewer Workstation',
      /^\d+\.\d+\.\d+/,
      'web',
      'Browser (no desktop shell)',
    ]);
    await expect(page.getByRole('banner')).toContainText('Browser mode');
    expect(errors).toEqual([]);
  });

  test('has no serious accessibility violations', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('main').getByRole('definition').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
