/**
 * Hostile text from partners and reviewers — markup, script, a right-to-left override, zero-width
 * and combining characters, unbroken runs, a 100,000-character comment without spaces — put into
 * a claim through the real partner API and the workstation, then read back in the queue, the
 * claim page, the comments and the history: shown as literal text, no script runs, no dialog
 * opens, and nothing pushes the layout wider than the window.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from '../../server/src/demo/data';
import { makePng } from '../../server/src/documents/test-images';
import { BASE_URL, tokenOf } from './support/api';
import { expectSynced, openClaim, signIn } from './support/ui';

const STANDARD_FONTS = path.join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
const A4_WIDTH = 595.28;
const PDF_MARGIN = 50;

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const SVG = '<svg/onload=alert(document.domain)>';
const RLO = '\u202E';
/** On screen an override makes this read "Fabrikam exe.png" — only inside its own name. */
const CUSTOMER_NAME = `Fabrikam ${RLO}gnp.exe`;
/** Markup and a long run without spaces (183 characters) where a name is shown. */
const PARTNER_NAME = `${SCRIPT}${'W'.repeat(150)}`;
const FILE_NAME = `${IMG.replaceAll(' ', '_')}${'X'.repeat(120)}.png`;
const ZALGO = `Z${'\u0351\u0308\u0301\u0300\u0317\u031B'.repeat(8)}algo pay\u200Bpal\u200D\uFEFF\u2060 done`;
const LONG = Array.from({ length: 100_000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[i % 36]).join('');
const UI_COMMENT = `${SVG} ${RLO}reversed tail ${IMG}`;

async function api<T>(path: string, username: string, init: { method?: string; body?: unknown; raw?: Uint8Array; headers?: Record<string, string> } = {}): Promise<T> {
  const response = await fetch(new URL(path, BASE_URL), {
    method: init.method ?? (init.body !== undefined || init.raw ? 'POST' : 'GET'),
    headers: {
      authorization: `Bearer ${await tokenOf(username)}`,
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.raw ? { body: Buffer.from(init.raw) } : init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** A partner files and submits a claim with hostile names and comments on it. */
async function fileHostileClaim(): Promise<string> {
  const partner = DEMO_PARTNERS.find((p) => p.username === 'partner-contoso')!;
  const customer = DEMO_CUSTOMERS[0]!;
  const png = makePng(31 + Math.floor(Math.random() * 400), 17);
  const uploaded = await api<{ sha256: string }>('/documents', partner.username, { raw: png, headers: { 'content-type': 'image/png', 'x-file-name': 'poe.png' } });
  const claimId = `hostile-${randomUUID().slice(0, 8)}`;
  await api('/partner/claims', partner.username, {
    body: {
      claimId,
      partner: { partnerId: partner.partnerId, name: PARTNER_NAME, contact: { name: partner.contact.name, email: partner.contact.email } },
      customer: { tenantId: customer.tenantId, name: CUSTOMER_NAME, domain: customer.domain },
      products: ['d365_sales'],
      documents: [{ sha256: uploaded.sha256, fileName: FILE_NAME }],
    },
  });
  await api(`/partner/claims/${claimId}/submit`, partner.username, { method: 'POST' });
  for (const text of [SCRIPT, IMG, ZALGO, LONG]) await api(`/partner/claims/${claimId}/comment`, partner.username, { body: { text } });
  return claimId;
}

type Box = { left: number; right: number; top: number; bottom: number };

/** Where pieces of an element's text are drawn (the union of each piece's glyph boxes). */
function textBoxes(locator: Locator, pieces: string[]): Promise<Box[]> {
  return locator.evaluate((element, wanted) => {
    const nodes: Text[] = [];
    const starts: number[] = [];
    let all = '';
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      starts.push(all.length);
      nodes.push(node as Text);
      all += (node as Text).data;
    }
    const at = (offset: number): [Text, number] => {
      let i = nodes.length - 1;
      while (i > 0 && starts[i]! > offset) i--;
      return [nodes[i]!, offset - starts[i]!];
    };
    return wanted.map((piece) => {
      const start = all.indexOf(piece);
      if (start < 0) throw new Error(`text not found: ${piece}`);
      const range = document.createRange();
      range.setStart(...at(start));
      range.setEnd(...at(start + piece.length));
      const r = range.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
    });
  }, pieces);
}

async function expectNoScriptRan(page: Page, dialogs: string[]): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img[src="x"], svg[onload], script:not([src])')).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

/** Nothing is wider than the window: no sideways scrolling of the page, every box inside the viewport. */
async function expectWithinWindow(page: Page, boxes: Locator[]): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
  // Nor does the claim, or anything it sits in, scroll sideways.
  const wider = await page.locator('article.claim').evaluate((claim) => {
    const out: string[] = [];
    for (let el: Element | null = claim; el; el = el.parentElement) {
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.tagName}.${el.className}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return out;
  });
  expect(wider).toEqual([]);
  for (const locator of boxes) {
    const box = await locator.boundingBox();
    expect(box, String(locator)).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, String(locator)).toBeLessThanOrEqual(innerWidth);
  }
}

/** The element's box lies within the container's box (horizontally). */
async function expectInside(element: Locator, container: Locator): Promise<void> {
  const inner = await element.boundingBox();
  const outer = await container.boundingBox();
  expect(inner, String(element)).not.toBeNull();
  expect(outer, String(container)).not.toBeNull();
  expect(inner!.x, String(element)).toBeGreaterThanOrEqual(outer!.x - 0.5);
  expect(inner!.x + inner!.width, `${String(element)} inside ${String(container)}`).toBeLessThanOrEqual(outer!.x + outer!.width + 0.5);
}

test('hostile text in a claim is shown as text, runs nothing and keeps the layout', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const claimId = await fileHostileClaim();
  await signIn(page, 'supervisor');

  // The queue row: the names as text, clipped inside their cells.
  const main = page.getByRole('main');
  const grid = main.getByRole('grid', { name: 'Claims' });
  await main.getByRole('tab', { name: /^All/ }).click();
  await main.getByLabel('Search claims').fill(claimId);
  await expect(grid.getByRole('row')).toHaveCount(2);
  const row = grid.getByRole('row').nth(1);
  await expect(row.getByText(PARTNER_NAME, { exact: true })).toBeVisible();
  await expect(row.getByText(CUSTOMER_NAME, { exact: true })).toBeVisible();
  const rowBox = (await row.boundingBox())!;
  for (const cell of await row.getByRole('gridcell').all()) {
    const box = (await cell.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(rowBox.x + rowBox.width + 0.5);
    expect(box.height).toBeLessThanOrEqual(rowBox.height + 0.5);
  }
  // The partner cell does not spill into the customer cell.
  const [partnerCell, customerCell] = [row.getByRole('gridcell').nth(1), row.getByRole('gridcell').nth(2)];
  const partnerText = (await partnerCell.getByText(PARTNER_NAME, { exact: true }).boundingBox())!;
  expect(partnerText.x + partnerText.width).toBeLessThanOrEqual((await customerCell.boundingBox())!.x + 0.5);
  await expectNoScriptRan(page, dialogs);

  await openClaim(page, claimId);
  await expectSynced(page);

  // The header: names as text; the override stays inside the customer's name, so the domain
  // after it still reads left to right, to its right.
  const header = page.locator('.claim-header');
  await expect(header.getByText(SCRIPT, { exact: false })).toBeVisible();
  const customerFact = header.locator('dd').filter({ hasText: 'gnp.exe' });
  const [nameBox, domainBox] = await textBoxes(customerFact, [CUSTOMER_NAME, `(${DEMO_CUSTOMERS[0]!.domain})`]);
  // After the name: to its right on the same line, or on a line below it.
  expect(domainBox!.left >= nameBox!.right - 0.5 || domainBox!.top >= nameBox!.bottom - 0.5, JSON.stringify({ nameBox, domainBox })).toBe(true);
  // And in reading order: its first characters left of its last ones (an override leaking out would reverse them).
  const domain = DEMO_CUSTOMERS[0]!.domain;
  const [domainStart, domainEnd] = await textBoxes(customerFact, [`(${domain.slice(0, 2)}`, `${domain.slice(-2)})`]);
  expect(domainStart!.right).toBeLessThanOrEqual(domainEnd!.left + 0.5);
  // Long runs without spaces wrap inside their boxes instead of running out of them.
  const claimArticle = page.locator('article.claim');
  await expectInside(header.getByText(PARTNER_NAME, { exact: true }), header.locator('dd').filter({ hasText: PARTNER_NAME }));
  await expectInside(header.locator('dd').filter({ hasText: PARTNER_NAME }), claimArticle);
  const documentsPanel = page.getByRole('region', { name: 'PoE documents' });
  const fileName = documentsPanel.locator('.document-list').getByText(FILE_NAME, { exact: true });
  await expect(fileName).toBeVisible();
  await expectInside(fileName, documentsPanel);

  // The comments thread: each comment literally, the long one wrapped inside the panel.
  const comments = page.getByRole('region', { name: 'Comments' });
  for (const text of [SCRIPT, IMG]) await expect(comments.getByText(text, { exact: true })).toBeVisible();
  await expect(comments.locator('.comment__text').filter({ hasText: 'algo pay' })).toHaveText(ZALGO);
  const long = comments.locator('.comment__text').filter({ hasText: LONG.slice(0, 60) });
  expect(await long.evaluate((p) => p.textContent)).toBe(LONG);
  const commentsBox = (await comments.boundingBox())!;
  const longBox = (await long.boundingBox())!;
  expect(longBox.x + longBox.width).toBeLessThanOrEqual(commentsBox.x + commentsBox.width);
  // Wrapped onto many lines, not one line cut off or spilling out.
  expect(longBox.height).toBeGreaterThan(longBox.width / 10);

  // A comment written here, with markup and an override, is sent and shown the same way.
  await comments.getByLabel('New comment to the partner').fill(UI_COMMENT);
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByText(UI_COMMENT, { exact: true })).toBeVisible();
  await expectSynced(page);

  // The history: the same texts as the details of its "commented" entries.
  const history = page.getByRole('region', { name: 'History' });
  for (const text of [SCRIPT, IMG, UI_COMMENT]) await expect(history.getByText(text, { exact: true })).toBeVisible();
  const longDetail = history.locator('.timeline__detail').filter({ hasText: LONG.slice(0, 60) });
  expect(await longDetail.evaluate((p) => p.textContent)).toBe(LONG);
  const historyBox = (await history.boundingBox())!;
  const longDetailBox = (await longDetail.boundingBox())!;
  expect(longDetailBox.x + longDetailBox.width).toBeLessThanOrEqual(historyBox.x + historyBox.width);

  await expectWithinWindow(page, [header, page.getByRole('region', { name: 'PoE documents' }), comments, history, long, longDetail]);
  await expectNoScriptRan(page, dialogs);

  // The deficiency report made here: the names literally, the override shown rather than applied,
  // every line of the cover inside the page's margins.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export deficiency report' }).click();
  const download = await downloading;
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(await download.path())), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const cover = (await (await pdf.getPage(1)).getTextContent()).items.flatMap((item) => ('str' in item ? [item] : []));
  const coverText = cover.map((item) => item.str).join('');
  expect(coverText).toContain(PARTNER_NAME);
  expect(coverText).toContain('Fabrikam [U+202E]gnp.exe');
  expect(coverText).toContain(FILE_NAME);
  for (const item of cover.filter((i) => i.str.trim() !== '')) {
    expect(item.transform[4], item.str).toBeGreaterThanOrEqual(PDF_MARGIN - 0.5);
    expect((item.transform[4] as number) + item.width, item.str).toBeLessThanOrEqual(A4_WIDTH - PDF_MARGIN + 0.5);
  }
  await expectNoScriptRan(page, dialogs);
});
