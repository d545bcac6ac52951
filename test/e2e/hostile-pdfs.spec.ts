/**
 * Hostile PoE files in the viewer and the pre-screen, in Chromium against the real backend
 * (test/hostile/mutations.ts makes them): a cut-off file, a bit-flipped one, an empty one, an HTML
 * page with scripts named .pdf, a PDF of 100,000 pages and pages of enormous dimensions. Each shows
 * a clear message or displays gracefully, the page stays responsive (tabs and buttons react), and
 * no script runs and no dialog opens.
 *
 * POST /documents refuses most of these (see test/hostile/upload-hostile.test.ts), so, as in
 * viewer.spec.ts, each test files a claim with ordinary placeholder PDFs and puts the hostile bytes
 * into the workstation's offline store under the placeholders' hashes before the claim is opened:
 * exactly what the viewer and the pre-screen read.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { bombInputs, corpusFiles, flipBits, hugePagePdf, manyPagesPdf, MANY_PAGES, renamedInputs, SCRIPT_MARKER } from '../hostile/mutations';
import { actAsReviewer } from './support/api';
import { fileClaim, placeholderPdf, storeOffline } from './support/poe';
import { openClaim, signIn } from './support/ui';

const REVIEWER = 'reviewer2';
/** What the viewer lays out at most (renderer/src/viewer/source.ts MAX_VIEW_PAGES). */
const VIEW_PAGES = 5000;
/** What the pre-screen reads at most (renderer/src/prescreen/extract.ts PRESCREEN_MAX_PAGES). */
const PRESCREEN_PAGES = 300;


/**
 * Signs in, stores the hostile files under the placeholders' hashes, starts the review as the
 * reviewer (so the pre-screen runs) and opens the claim. Dialogs are recorded (and dismissed).
 */
async function openHostileClaim(page: Page, files: { label: string; bytes: Uint8Array }[]): Promise<{ viewer: Locator; dialogs: string[] }> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  const { claimId, hashes } = await fileClaim(await Promise.all(files.map((f) => placeholderPdf(f.label))), 'E2E-HOSTILE');
  await signIn(page, REVIEWER);
  // Before the claim is this reviewer's, so the offline cache never fetches the placeholders.
  for (const [i, f] of files.entries()) await storeOffline(page, hashes[i]!, f.bytes);
  await actAsReviewer(REVIEWER, [{ type: 'startReview', claimId }]);
  await openClaim(page, claimId);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Under review', { timeout: 30_000 });
  const viewer = page.getByRole('region', { name: 'PoE viewer' });
  await expect(viewer).toBeVisible();
  return { viewer, dialogs };
}

/** Selects a document's tab: the click is answered at once (the page is not blocked). */
async function selectTab(viewer: Locator, fileName: string): Promise<void> {
  const tab = viewer.getByRole('tablist', { name: 'PoE files' }).getByRole('tab', { name: fileName });
  await tab.click({ timeout: 10_000 });
  await expect(tab).toHaveAttribute('aria-selected', 'true', { timeout: 10_000 });
}

/** Page `n`'s box (its label groups digits as the app's language does: "Page 5,000"). */
const pageBox = (viewer: Locator, n: number) => viewer.getByRole('group', { name: `Page ${n.toLocaleString('en-US')}`, exact: true });

/** The find button of the viewer's toolbar opens the find bar: the document view reacts. */
async function expectResponsive(viewer: Locator): Promise<void> {
  await viewer.getByRole('toolbar', { name: 'Viewer tools' }).getByRole('button', { name: 'Find in document' }).click({ timeout: 10_000 });
  const find = viewer.getByRole('searchbox', { name: 'Find in document' });
  await expect(find).toBeFocused({ timeout: 10_000 });
  await find.press('Escape');
  await expect(find).toBeHidden();
}

test.describe('hostile PoE files in the viewer and the pre-screen', () => {
  test.describe.configure({ timeout: 180_000 });

  test('cut-off, bit-flipped, empty and HTML-with-script files: a clear message or the pages, and nothing runs', async ({ page }) => {
    const tracemonkey = corpusFiles().find((f) => f.name === 'tracemonkey.pdf')!.bytes;
    const html = renamedInputs().find((i) => i.id === 'HTML with a script renamed .pdf')!.bytes;
    const files = [
      { label: 'cut-half', bytes: tracemonkey.slice(0, Math.floor(tracemonkey.length / 2)) },
      { label: 'cut-end', bytes: tracemonkey.slice(0, Math.floor(tracemonkey.length * 0.99)) },
      { label: 'flipped', bytes: flipBits(tracemonkey, 256, 7) },
      { label: 'empty', bytes: new Uint8Array() },
      { label: 'invoice-html', bytes: html },
    ];
    const { viewer, dialogs } = await openHostileClaim(page, files);

    // Cut off: pdf.js cannot open the first half of this file; the last 1 % missing is said plainly.
    await selectTab(viewer, 'cut-half.pdf');
    await expect(viewer.getByRole('alert')).toContainText(/cut-half\.pdf (cannot be opened|is incomplete)/, { timeout: 30_000 });
    await expect(viewer.getByRole('button', { name: 'Mark PoE missing or invalid' })).toBeVisible();
    await selectTab(viewer, 'cut-end.pdf');
    await expect(viewer.getByRole('alert')).toContainText(/cut-end\.pdf (cannot be opened|is incomplete)/, { timeout: 30_000 });

    // Bit-flipped: pdf.js repairs what it can; the pages show (a page it cannot paint says so).
    await selectTab(viewer, 'flipped.pdf');
    await expect(pageBox(viewer, 1).or(viewer.getByRole('alert').first())).toBeVisible({ timeout: 30_000 });
    if (await pageBox(viewer, 1).isVisible()) {
      await expect(pageBox(viewer, 1)).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
      await expectResponsive(viewer);
    }

    // Empty and HTML: not a PDF, PNG or JPEG, whatever the name says; the markup is never rendered.
    for (const name of ['empty.pdf', 'invoice-html.pdf']) {
      await selectTab(viewer, name);
      await expect(viewer.getByRole('alert')).toContainText(`${name} cannot be opened: the file is damaged or is not a PDF, PNG or JPEG.`, { timeout: 30_000 });
    }
    await expect(viewer.locator('script, iframe, object, embed')).toHaveCount(0);

    // The pre-screen answers for every file (an error for those pdf.js cannot open), and says a cut-off file is cut off.
    const suggestions = page.getByRole('region', { name: 'Pre-screen suggestions' });
    for (const f of files) await expect(suggestions.getByRole('heading', { name: `${f.label}.pdf` })).toBeVisible();
    await expect(suggestions.getByText(/^Could not read empty\.pdf: /)).toBeVisible({ timeout: 60_000 });
    await expect(suggestions.getByText(/^Could not read invoice-html\.pdf: /)).toBeVisible({ timeout: 60_000 });
    await expect(suggestions.getByText(/^Could not read cut-half\.pdf: |^cut-half\.pdf is cut off/)).toBeVisible({ timeout: 60_000 });
    await expect(suggestions.getByRole('status')).toHaveCount(0, { timeout: 60_000 });

    // Still responsive after all of it, and nothing ran.
    await selectTab(viewer, 'flipped.pdf');
    expect(await page.evaluate((marker) => (window as unknown as Record<string, unknown>)[marker], SCRIPT_MARKER)).toBeUndefined();
    expect(dialogs).toEqual([]);
  });

  test(`${MANY_PAGES.toLocaleString('en-US')} pages: the first ${VIEW_PAGES.toLocaleString('en-US')} are shown (and it says so), scrolling stays light, the pre-screen reads ${PRESCREEN_PAGES}`, async ({ page }) => {
    const { viewer, dialogs } = await openHostileClaim(page, [{ label: 'many-pages', bytes: await manyPagesPdf(MANY_PAGES) }]);
    await expect(pageBox(viewer, 1)).toHaveAttribute('data-painted', 'true', { timeout: 60_000 });
    await expect(viewer.getByRole('toolbar', { name: 'Viewer tools' })).toContainText(`of ${VIEW_PAGES.toLocaleString('en-US')}`);
    await expect(viewer.getByRole('status').filter({ hasText: 'This file has 100,000 pages; the viewer shows the first 5,000.' })).toBeVisible();

    const pages = viewer.getByRole('region', { name: 'Pages of many-pages.pdf' });
    await pages.focus();
    await page.keyboard.press('End');
    await expect(viewer.getByRole('spinbutton', { name: 'Page number' })).toHaveValue(String(VIEW_PAGES));
    await expect(pageBox(viewer, VIEW_PAGES)).toHaveAttribute('data-painted', 'true', { timeout: 60_000 });
    const cost = await pages.evaluate((el) => ({ boxes: el.querySelectorAll('.poe-page').length, canvases: el.querySelectorAll('canvas').length }));
    expect(cost.boxes).toBeLessThanOrEqual(8);
    expect(cost.canvases).toBeLessThanOrEqual(4);
    // The last page sits where the scroll content can place it (not past the browser's layout limit).
    const inView = await pageBox(viewer, VIEW_PAGES).evaluate((el) => {
      const box = el.getBoundingClientRect();
      const port = el.closest('.poe-scroller')!.getBoundingClientRect();
      return box.bottom > port.top && box.top < port.bottom;
    });
    expect(inView).toBe(true);
    await expectResponsive(viewer);

    const suggestions = page.getByRole('region', { name: 'Pre-screen suggestions' });
    await expect(suggestions.getByText(`Only the first ${PRESCREEN_PAGES} of 100,000 pages of many-pages.pdf were read: check the rest by eye.`)).toBeVisible({ timeout: 90_000 });
    await expect(suggestions.getByRole('listitem', { name: /The customer is named/ })).toBeVisible();
    expect(dialogs).toEqual([]);
  });

  test('enormous pages (14,400 pt, 1,000,000 pt, a 1,000,000 × 10 pt strip, /UserUnit 75,000) fit the view, within canvas limits', async ({ page }) => {
    const files = [
      { label: 'huge-14400', bytes: await hugePagePdf(14_400, 14_400) },
      { label: 'huge-1e6', bytes: await hugePagePdf(1e6, 1e6) },
      { label: 'huge-strip', bytes: await hugePagePdf(1e6, 10) },
      { label: 'huge-userunit', bytes: await hugePagePdf(14_400, 14_400, 75_000) },
    ];
    const { viewer, dialogs } = await openHostileClaim(page, files);
    for (const f of files) {
      await selectTab(viewer, `${f.label}.pdf`);
      const box = pageBox(viewer, 1);
      await expect(box).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
      const measured = await box.evaluate((el) => {
        const canvas = el.querySelector('canvas')!;
        const port = el.closest('.poe-scroller')!;
        const r = el.getBoundingClientRect();
        let inked = 0;
        if (canvas.width * canvas.height > 0) {
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          for (let i = 0; i < data.length; i += 4) if (Math.min(data[i]!, data[i + 1]!, data[i + 2]!) < 200) inked++;
        }
        return { width: r.width, height: r.height, viewport: port.clientWidth, canvas: { width: canvas.width, height: canvas.height }, inked };
      });
      // Fitted to the width of the view, like any page; the canvas within the browser's limits.
      expect(measured.width, f.label).toBeLessThanOrEqual(measured.viewport);
      expect(measured.width, f.label).toBeGreaterThan(measured.viewport / 2);
      expect(measured.canvas.width).toBeLessThanOrEqual(16_384);
      expect(measured.canvas.height).toBeLessThanOrEqual(16_384);
      // Square pages show their text and rule; the strip is a sliver a pixel high at this width.
      if (f.label !== 'huge-strip') expect(measured.inked, f.label).toBeGreaterThan(50);
      // Zooming out of a page fitted below the smallest zoom keeps it fitted (it must not jump to 50 %).
      await viewer.getByRole('button', { name: 'Zoom out' }).click();
      expect((await box.boundingBox())?.width ?? Infinity).toBeLessThanOrEqual(measured.viewport);
      await expectResponsive(viewer);
    }
    const suggestions = page.getByRole('region', { name: 'Pre-screen suggestions' });
    await expect(suggestions.getByRole('listitem', { name: /The customer is named/ })).toHaveCount(files.length, { timeout: 90_000 });
    expect(dialogs).toEqual([]);
  });
  test('page-tree and content bombs: a circular tree refused, a million shared pages capped, a 64 MB content stream and a 100,000-deep array shown', async ({ page }) => {
    const bombs = new Map((await bombInputs()).map((b) => [b.id, b.bytes]));
    const files = [
      { label: 'circular-tree', bytes: bombs.get('circular page tree')! },
      { label: 'shared-tree', bytes: bombs.get('page tree of shared nodes (1,000,000 pages claimed)')! },
      { label: 'inflation', bytes: bombs.get('content stream inflating to 64 MB')! },
      { label: 'nested', bytes: bombs.get('array nested 100,000 deep')! },
    ];
    const { viewer, dialogs } = await openHostileClaim(page, files);

    await selectTab(viewer, 'circular-tree.pdf');
    await expect(viewer.getByRole('alert')).toContainText('circular-tree.pdf cannot be opened', { timeout: 30_000 });

    await selectTab(viewer, 'shared-tree.pdf');
    await expect(viewer.getByRole('status').filter({ hasText: 'This file has 1,000,000 pages; the viewer shows the first 5,000.' })).toBeVisible({ timeout: 30_000 });
    await expect(pageBox(viewer, 1)).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
    await expectResponsive(viewer);

    // While pdf.js works through 64 MB of path operators (in its worker), the page answers.
    await selectTab(viewer, 'inflation.pdf');
    await selectTab(viewer, 'nested.pdf');
    await expect(pageBox(viewer, 1)).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
    await selectTab(viewer, 'inflation.pdf');
    await expect(pageBox(viewer, 1)).toHaveAttribute('data-painted', 'true', { timeout: 90_000 });
    await expectResponsive(viewer);

    const suggestions = page.getByRole('region', { name: 'Pre-screen suggestions' });
    await expect(suggestions.getByText(/^Could not read circular-tree\.pdf: /)).toBeVisible({ timeout: 90_000 });
    await expect(suggestions.getByText(`Only the first ${PRESCREEN_PAGES} of 1,000,000 pages of shared-tree.pdf were read: check the rest by eye.`)).toBeVisible({ timeout: 90_000 });
    await expect(suggestions.getByRole('status')).toHaveCount(0, { timeout: 120_000 });
    expect(dialogs).toEqual([]);
  });
});
