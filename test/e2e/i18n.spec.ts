/**
 * The workstation in Japanese: switched in Settings (kept across a reload), the document language
 * follows, and the supervisor's SLA screen, the queue and a claim speak Japanese — headings, status
 * labels from the source page, dates written the Japanese way. Screenshots for the artifacts and docs.
 */
import { expect, test } from '@playwright/test';
import { takeClaim } from './support/api';
import { signIn } from './support/ui';

const JAPANESE_DATE = /\d{4}年\d{1,2}月\d{1,2}日/;
const SCREENSHOTS = 'docs/screenshots';

test('the supervisor switches the UI to Japanese in Settings', async ({ page }, testInfo) => {
  const claim = await takeClaim((c) => c.status === 'in_review' && c.assignee !== null);
  await signIn(page, 'supervisor');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'Settings' }).click();
  const language = page.getByRole('region', { name: 'Language' });
  await expect(language.getByRole('radio', { name: /^Same as the system \(English\)$/ })).toBeChecked();
  // click, not check(): the screen remounts in the new language, so this element goes away.
  await language.getByRole('radio', { name: '日本語' }).click();

  // The screen comes back in Japanese with focus where it was, and says what happened.
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: '設定' })).toBeVisible();
  const languageJa = page.getByRole('region', { name: '言語' });
  await expect(languageJa.getByRole('radio', { name: '日本語' })).toBeChecked();
  await expect(languageJa.getByRole('radio', { name: '日本語' })).toBeFocused();
  await expect(languageJa.getByRole('status')).toHaveText('ワークステーションの言語を日本語にしました。');
  await expect(page).toHaveTitle(/PoE レビュー担当者ワークステーション$/);
  const calendar = page.getByRole('region', { name: 'SLA カレンダーと期限間近のしきい値' });
  await expect(calendar.getByRole('group', { name: '週末' })).toContainText('土曜日');

  // Kept on this device: a reload still speaks Japanese.
  await page.reload();
  const nav = page.getByRole('navigation', { name: 'ワークステーション' });
  await expect(nav.getByRole('link', { name: 'キュー' })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toContainText('オンライン');

  // The supervisor's SLA screen.
  await nav.getByRole('link', { name: 'SLA' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'SLA の概要' })).toBeVisible();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 2 }).first()).toHaveText(/着手|レビュー|パートナーの応答|争議/);
  await expect(main).toContainText(JAPANESE_DATE);
  await expect(main).not.toContainText(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d/);
  const sla = await page.screenshot({ path: testInfo.outputPath('sla-ja.png'), fullPage: false });
  await testInfo.attach('sla-ja', { body: sla, contentType: 'image/png' });
  await page.screenshot({ path: `${SCREENSHOTS}/sla-ja.png` });

  // The queue: heading, views and status labels in the source page's wording.
  await nav.getByRole('link', { name: 'キュー' }).click();
  await expect(main.getByRole('heading', { level: 1, name: 'レビュー キュー' })).toBeVisible();
  await main.getByRole('tab', { name: /^すべて/ }).click();
  const grid = main.getByRole('grid', { name: '要求' });
  await expect(grid).toContainText(/レビュー中|送信済み|パートナーのアクションが必要/);
  await expect(main.getByRole('columnheader', { name: /状態/ })).toBeVisible();
  const queue = await page.screenshot({ path: testInfo.outputPath('queue-ja.png') });
  await testInfo.attach('queue-ja', { body: queue, contentType: 'image/png' });
  await page.screenshot({ path: `${SCREENSHOTS}/queue-ja.png` });

  // A claim: facts, clocks with Japanese dates, history.
  await page.goto(`/#/claims/${encodeURIComponent(claim.id)}`);
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`要求 ${claim.id}`) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('レビュー中');
  const clocks = page.getByRole('region', { name: 'SLA クロック' });
  await expect(clocks).toContainText(/期限 \d{4}年\d{1,2}月\d{1,2}日/);
  await expect(clocks).toContainText(/順調|期限間近|期限超過/);
  await expect(page.getByRole('region', { name: '履歴' })).toContainText('レビューを開始しました');
  const claimShot = await page.screenshot({ path: testInfo.outputPath('claim-ja.png') });
  await testInfo.attach('claim-ja', { body: claimShot, contentType: 'image/png' });

  // And back to English from the same switch.
  await page.getByRole('navigation', { name: 'ワークステーション' }).getByRole('link', { name: '設定' }).click();
  await page.getByRole('region', { name: '言語' }).getByRole('radio', { name: 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
});
