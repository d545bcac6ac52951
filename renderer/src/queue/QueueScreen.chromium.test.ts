/**
 * QueueScreen in a real browser: the test page (testing/page) is built with Vite and driven in
 * Chromium through Playwright, by role and label as a reviewer (or a screen reader) finds things.
 * No jsdom: keys, focus, scrolling and virtualization are Chromium's own.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import AxeBuilder from '@axe-core/playwright';
import react from '@vitejs/plugin-react';
import { expect as pw } from '@playwright/test';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { aliases, rendererDefines } from '../../vite.config';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const COUNT = 3000;

let outDir = '';
let server: Server;
let baseUrl = '';
let browser: Browser;
let context: BrowserContext | undefined;
let page: Page;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'queue-test-page-'));
  await build({
    configFile: false,
    root: fileURLToPath(new URL('./testing/page', import.meta.url)),
    base: './',
    plugins: [react()],
    resolve: { alias: aliases },
    define: rendererDefines,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, minify: false },
  });
  server = createServer((req, res) => {
    let file = join(outDir, new URL(req.url ?? '/', 'http://x').pathname);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(outDir) || !existsSync(file)) return void res.writeHead(404).end();
    const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}), args: ARGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

async function open(query = ''): Promise<Page> {
  await context?.close();
  // A context of its own (axe needs one to open its helper page in).
  context = await browser.newContext({ viewport: { width: 1400, height: 800 }, locale: 'en-US' });
  page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl}?count=${COUNT}${query}`);
  await grid().locator('[role="row"][aria-rowindex="2"]').waitFor();
  expect(errors).toEqual([]);
  return page;
}

const grid = (): Locator => page.getByRole('grid', { name: 'Claims' });
const activeRow = (): Locator => grid().locator('[role="row"][aria-selected="true"]');
const bodyRows = (): Locator => grid().locator('[role="rowgroup"]').nth(1).getByRole('row');
/** Waits until the grid has caught up with the controls (it is busy while a deferred update runs). */
const settled = async () => expect.poll(() => grid().getAttribute('aria-busy')).toBe('false');

describe('QueueScreen in Chromium', { timeout: 60_000 }, () => {
  beforeEach(async () => {
    await open();
  });

  it('is a grid that knows its full size and keeps only the visible rows in the DOM, also while scrolling', async () => {
    await expect.poll(() => grid().getAttribute('aria-rowcount')).toBe(String(COUNT + 1 + 1));
    const rendered = await bodyRows().count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(40);
    await grid().evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    await expect.poll(async () => Number(await bodyRows().first().getAttribute('aria-rowindex'))).toBeGreaterThan(1000);
    expect(await bodyRows().count()).toBeLessThan(40);
  });

  it('moves the active row with arrows, j/k, Home/End and Page keys, and opens it with Enter', async () => {
    await grid().focus();
    await pw(activeRow()).toHaveAttribute('aria-rowindex', '2'); // focus makes the first claim active
    const descendant = async () => {
      const id = await grid().getAttribute('aria-activedescendant');
      return id ? page.locator(`[id="${id}"]`).getAttribute('aria-rowindex') : null;
    };
    expect(await descendant()).toBe('2');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await pw(activeRow()).toHaveAttribute('aria-rowindex', '5');
    await page.keyboard.press('k');
    await page.keyboard.press('ArrowUp');
    await pw(activeRow()).toHaveAttribute('aria-rowindex', '3');
    expect(await descendant()).toBe('3');
    await page.keyboard.press('PageDown');
    const afterPage = Number(await activeRow().getAttribute('aria-rowindex'));
    expect(afterPage).toBeGreaterThan(8);
    await page.keyboard.press('PageUp');
    await pw(activeRow()).toHaveAttribute('aria-rowindex', '3');
    await page.keyboard.press('End');
    await pw(activeRow()).toHaveAttribute('aria-rowindex', String(COUNT + 2));
    expect(await descendant()).toBe(String(COUNT + 2));
    await page.keyboard.press('Home');
    await pw(activeRow()).toHaveAttribute('aria-rowindex', '2');
    const id = await activeRow().getByRole('button').first().textContent();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => window.__opened)).toEqual([id]);
  });

  it('shows each SLA level in colour and in words: breached, at risk and on track look different', async () => {
    const look = async (level: string) => {
      await page.getByLabel('SLA level').selectOption({ label: level });
      await settled();
      const badge = bodyRows().first().locator('.queue-sla__level');
      await pw(badge).toContainText(level);
      return badge.evaluate((el) => `${getComputedStyle(el).color} on ${getComputedStyle(el).backgroundColor}`);
    };
    const styles = [await look('Breached'), await look('At risk'), await look('On track')];
    expect(new Set(styles).size).toBe(3);
    for (const style of styles) expect(style).not.toContain('rgba(0, 0, 0, 0)');
  });

  it('shows focus: the grid has a visible outline and so does the active row', async () => {
    await grid().focus();
    await page.keyboard.press('ArrowDown');
    const outline = await activeRow().evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
  });

  it('opens a claim from its id button, activates a row on click and opens it on double-click', async () => {
    const second = bodyRows().nth(1);
    const id = (await second.getByRole('button').first().textContent())!;
    await page.getByRole('button', { name: `Open claim ${id}` }).click();
    await second.click({ position: { x: 400, y: 20 } });
    await pw(second).toHaveAttribute('aria-selected', 'true');
    await pw(grid()).toBeFocused();
    await bodyRows().nth(2).dblclick({ position: { x: 400, y: 20 } });
    const third = await bodyRows().nth(2).getByRole('button').first().textContent();
    expect(await page.evaluate(() => window.__opened)).toEqual([id, third]);
  });

  it('sorts by any column both ways from its header and says so with aria-sort', async () => {
    const header = page.getByRole('columnheader', { name: 'Customer' });
    await pw(header).toHaveAttribute('aria-sort', 'none');
    await header.getByRole('button').click();
    await settled();
    await pw(header).toHaveAttribute('aria-sort', 'ascending');
    await pw(page.getByRole('columnheader', { name: 'SLA time left' })).toHaveAttribute('aria-sort', 'none');
    const customers = async () => (await bodyRows().locator('.queue-cell--customer .queue-ellipsis:first-child').allTextContents()).map((s) => s.toLowerCase());
    const asc = await customers();
    expect(asc).toEqual([...asc].sort());
    await header.getByRole('button').click();
    await settled();
    await pw(header).toHaveAttribute('aria-sort', 'descending');
    const desc = await customers();
    expect(desc).toEqual([...desc].sort().reverse());
    expect(desc[0]! >= asc.at(-1)!).toBe(true);
  });

  it('filters by status, SLA level, family and assignee, by label, with a live count', async () => {
    await page.getByLabel('Status').selectOption({ label: 'Disputed — dispute in review' });
    await settled();
    const statuses = await bodyRows().locator('.queue-cell--status').allTextContents();
    expect(new Set(statuses)).toEqual(new Set(['Disputed — dispute in review']));
    await pw(page.getByRole('status').filter({ hasText: 'Showing' })).toHaveText(new RegExp(`^Showing ${statuses.length < 20 ? statuses.length : '\\d+'} of 3,001 claims$`));

    await page.getByLabel('Status').selectOption({ label: 'Any' });
    await page.getByLabel('SLA level').selectOption({ label: 'Breached' });
    await settled();
    expect(new Set(await bodyRows().locator('.queue-sla__level').allTextContents())).toEqual(new Set(['■ Breached']));

    await page.getByLabel('SLA level').selectOption({ label: 'Any' });
    await page.getByLabel('Assignee').selectOption({ label: 'Unassigned' });
    await page.getByLabel('Product family').selectOption({ label: 'Microsoft 365' });
    await settled();
    expect(new Set(await bodyRows().locator('.queue-cell--assignee').allTextContents())).toEqual(new Set(['Unassigned']));

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await settled();
    await pw(page.getByLabel('Assignee')).toHaveValue('');
    await pw(page.getByText('Showing 3,001 of 3,001 claims')).toBeVisible();
  });

  it('searches claim ids, names and domains, Japanese and full-width text included', async () => {
    const search = page.getByLabel('Search claims');
    await search.fill('サンプル商事');
    await settled();
    await pw(bodyRows().getByRole('button', { name: 'Open claim CPOR-900001' })).toBeVisible();
    for (const text of await bodyRows().allTextContents()) expect(text).toContain('サンプル');
    await search.fill('ＣＰＯＲ－９００００１');
    await settled();
    await pw(bodyRows()).toHaveCount(1);
    await search.fill('no such claim anywhere');
    await settled();
    await pw(page.getByText('No claims match this view and these filters.')).toBeVisible();
    await pw(grid()).toHaveAttribute('aria-rowcount', '1');
  });

  it('switches saved views as tabs (click or arrow keys), each with its count', async () => {
    const breached = page.getByRole('tab', { name: /^Breached \d[\d,]*$/ });
    await breached.click();
    await pw(breached).toHaveAttribute('aria-selected', 'true');
    await settled();
    const count = Number((await breached.locator('.queue__view-count').textContent())!.replace(/,/g, ''));
    await pw(grid()).toHaveAttribute('aria-rowcount', String(count + 1));
    await page.keyboard.press('ArrowRight');
    await pw(page.getByRole('tab', { name: /^Disputes/ })).toBeFocused();
    await pw(page.getByRole('tab', { name: /^Disputes/ })).toHaveAttribute('aria-selected', 'true');
    await page.keyboard.press('Home');
    await pw(page.getByRole('tab', { name: /^My claims/ })).toHaveAttribute('aria-selected', 'true');
    await settled();
    expect(new Set(await bodyRows().locator('.queue-cell--assignee').allTextContents())).toEqual(new Set(['reviewer-1 (you)']));
  });

  it('has no accessibility violations (axe), before and after using it', async () => {
    const scan = async () => {
      const { violations } = await new AxeBuilder({ page }).analyze();
      return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    };
    expect(await scan()).toEqual([]);
    await grid().focus();
    await page.keyboard.press('ArrowDown');
    await page.getByLabel('Search claims').fill('contoso');
    await settled();
    expect(await scan()).toEqual([]);
  });

  it('keeps the active claim in view when the sort changes', async () => {
    await grid().focus();
    for (let i = 0; i < 25; i++) await page.keyboard.press('j');
    const id = (await activeRow().getByRole('button').first().textContent())!;
    await page.getByRole('columnheader', { name: 'Claim' }).getByRole('button').click();
    await settled();
    await pw(grid().getByRole('button', { name: `Open claim ${id}` })).toBeVisible();
    await pw(activeRow().getByRole('button').first()).toHaveText(id);
  });
});
