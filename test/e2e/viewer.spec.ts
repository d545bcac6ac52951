/**
 * The PoE viewer (issue 5, "Viewer") in Chromium against the real backend: a seeded claim's PoE
 * renders; on claims a partner files through the partner API with real-world files (the pdf.js
 * corpus's tracemonkey.pdf and sizes.pdf, a PNG, a generated 500-page PDF, the damaged-but-readable
 * corpus files) pages render, find highlights and navigates, zoom and rotation keep the overlay
 * geometry on the text, thumbnails and the keyboard navigate, and the long file keeps only a few
 * pages in the DOM.
 *
 * Cut-off, password-protected and unreadable files: POST /documents refuses them by design (a
 * partner must upload a file a reviewer can open), so they can never reach a claim through the API.
 * Those tests file a claim with an ordinary PDF and then put the problem file's bytes into the
 * workstation's offline store (IndexedDB `documents`, keyed by the claim document's sha256) before
 * the claim is opened: exactly what the viewer reads, as if the stored copy were that file.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { makeLargePdf } from '../../bench/viewer/large-pdf';
import { actAsReviewer, BASE_URL, isSubmittedUnassigned, serverClaim, takeClaim } from './support/api';
import { fileClaim, placeholderPdf, storeOffline } from './support/poe';
import { openClaim, signIn } from './support/ui';

const corpus = (name: string) => new Uint8Array(readFileSync(new URL(`../../server/test-fixtures/pdfs/${name}`, import.meta.url)));

function viewerOf(page: Page): Locator {
  return page.getByRole('region', { name: 'PoE viewer' });
}

/** Page `n` of the document shown has its canvas painted, and the canvas is not blank. */
async function expectPainted(viewer: Locator, n: number, timeout = 30_000): Promise<void> {
  const box = viewer.getByRole('group', { name: `Page ${n}`, exact: true });
  await expect(box).toHaveAttribute('data-painted', 'true', { timeout });
  const inked = await box.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d')!;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let marked = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.min(data[i]!, data[i + 1]!, data[i + 2]!) < 200) marked++;
    return marked;
  });
  // Not a blank (white) canvas: pixels carry ink (a sparse page, e.g. one line, has a hundred or so).
  expect(inked).toBeGreaterThan(50);
}

const pageNumber = (viewer: Locator) => viewer.getByRole('spinbutton', { name: 'Page number' });

test('a seeded claim: its PoE renders in the viewer, and find works on it', async ({ page }) => {
  const claim = await takeClaim((c) => isSubmittedUnassigned(c) && c.documents.some((d) => d.mediaType === 'application/pdf'));
  await signIn(page, 'reviewer3');
  await openClaim(page, claim.id);
  const viewer = viewerOf(page);
  await expect(viewer).toBeVisible();
  if (claim.documents.length > 1) {
    const pdf = claim.documents.find((d) => d.mediaType === 'application/pdf')!;
    await viewer.getByRole('tab', { name: pdf.fileName }).click();
  }
  await expectPainted(viewer, 1);
  // Find a word the text layer shows on page 1 (seeded PoE are English or Japanese, of several kinds).
  const spans = viewer.getByRole('group', { name: 'Page 1', exact: true }).locator('.textLayer span');
  await expect(spans.first()).toBeAttached({ timeout: 20_000 });
  const word = (await spans.allTextContents()).map((s) => s.trim()).find((s) => s.length >= 4)!;
  await viewer.getByRole('region', { name: /^Pages of / }).press('Control+f');
  await viewer.getByRole('searchbox', { name: 'Find in document' }).fill(word);
  await expect(viewer.getByRole('status')).toHaveText(/Match 1 of \d+/, { timeout: 20_000 });
  await expect(viewer.locator('.poe-hl--find').first()).toBeVisible();
});

test.describe('real-world files filed by a partner', () => {
  // Several files, many steps: longer than the default on a busy machine.
  test.describe.configure({ timeout: 150_000 });

  test('pages, thumbnails, page number, keyboard, tabs and a PNG in the same frame', async ({ page }) => {
    const { claimId } = await fileClaim([
      { bytes: corpus('tracemonkey.pdf'), fileName: 'tracemonkey.pdf', mediaType: 'application/pdf' },
      { bytes: corpus('sizes.pdf'), fileName: 'sizes.pdf', mediaType: 'application/pdf' },
      { bytes: new Uint8Array(readFileSync(new URL('../../resources/icon.png', import.meta.url))), fileName: 'scan.png', mediaType: 'image/png' },
    ]);
    await signIn(page, 'reviewer3');
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    const tabs = viewer.getByRole('tablist', { name: 'PoE files' });
    await expect(tabs.getByRole('tab')).toHaveText(['tracemonkey.pdf', 'sizes.pdf', 'scan.png']);
    await expect(tabs.getByRole('tab', { name: 'tracemonkey.pdf' })).toHaveAttribute('aria-selected', 'true');
    await expectPainted(viewer, 1);
    await expect(viewer.getByRole('toolbar', { name: 'Viewer tools' })).toContainText('of 14');

    // Thumbnails: a list of buttons "Page N"; one navigates.
    const thumbnails = viewer.getByRole('navigation', { name: 'Pages' });
    await expect(thumbnails.getByRole('button', { name: 'Page 1', exact: true })).toHaveAttribute('aria-current', 'page');
    await thumbnails.getByRole('button', { name: 'Page 3', exact: true }).click();
    await expect(pageNumber(viewer)).toHaveValue('3');
    await expectPainted(viewer, 3);
    await expect(thumbnails.getByRole('button', { name: 'Page 3', exact: true })).toHaveAttribute('aria-current', 'page');

    // Keyboard on the pages.
    const pages = viewer.getByRole('region', { name: 'Pages of tracemonkey.pdf' });
    await pages.focus();
    await page.keyboard.press('PageDown');
    await expect(pageNumber(viewer)).toHaveValue('4');
    await page.keyboard.press('End');
    await expect(pageNumber(viewer)).toHaveValue('14');
    await expectPainted(viewer, 14);
    await page.keyboard.press('PageUp');
    await expect(pageNumber(viewer)).toHaveValue('13');
    await page.keyboard.press('Home');
    await expect(pageNumber(viewer)).toHaveValue('1');

    // The page number field.
    await pageNumber(viewer).fill('7');
    await pageNumber(viewer).press('Enter');
    await expect(pageNumber(viewer)).toHaveValue('7');
    await expectPainted(viewer, 7);
    await expect(viewer.getByRole('button', { name: 'Previous page' })).toBeEnabled();

    // Another file: mixed page sizes.
    await tabs.getByRole('tab', { name: 'sizes.pdf' }).click();
    await expect(viewer.getByRole('toolbar', { name: 'Viewer tools' })).toContainText('of 3');
    await expectPainted(viewer, 1);
    const sizes = await viewer.locator('.poe-page').evaluateAll((els) => els.map((e) => `${Math.round(e.getBoundingClientRect().width)}x${Math.round(e.getBoundingClientRect().height)}`));
    expect(new Set(sizes).size).toBeGreaterThan(1);

    // The PNG: one page, same frame and tools.
    await tabs.getByRole('tab', { name: 'scan.png' }).click();
    await expect(viewer.getByRole('toolbar', { name: 'Viewer tools' })).toContainText('of 1');
    await expectPainted(viewer, 1);

    // Back to the first file: where the reader left it.
    await tabs.getByRole('tab', { name: 'tracemonkey.pdf' }).click();
    await expect(pageNumber(viewer)).toHaveValue('7');

    // No serious accessibility violations in the viewer, find bar open.
    await viewer.getByRole('button', { name: 'Find in document' }).click();
    await expect(viewer.getByRole('searchbox', { name: 'Find in document' })).toBeFocused();
    const results = await new AxeBuilder({ page }).include('.poe-viewer').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  });

  test('find: Ctrl+F, match count, highlighted matches, Enter / Shift+Enter across pages', async ({ page }) => {
    const { claimId } = await fileClaim([{ bytes: corpus('tracemonkey.pdf'), fileName: 'tracemonkey.pdf', mediaType: 'application/pdf' }]);
    await signIn(page, 'reviewer3');
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    await expectPainted(viewer, 1);
    await viewer.getByRole('region', { name: 'Pages of tracemonkey.pdf' }).press('Control+f');
    const find = viewer.getByRole('searchbox', { name: 'Find in document' });
    await expect(find).toBeFocused();
    // "nanojit" first appears on page 7 (once), then three times on page 8.
    await find.fill('NanoJIT');
    const status = viewer.getByRole('status');
    await expect(status).toHaveText('Match 1 of 4', { timeout: 20_000 });
    await expect(pageNumber(viewer)).toHaveValue('7');
    const current = viewer.locator('.poe-hl--find.poe-hl--current');
    await expect(current).toHaveCount(1);
    await expect(current).toBeInViewport();
    await find.press('Enter');
    await expect(status).toHaveText('Match 2 of 4');
    await expect(pageNumber(viewer)).toHaveValue('8');
    await expect(viewer.getByRole('group', { name: 'Page 8', exact: true }).locator('.poe-hl--find')).toHaveCount(3);
    await find.press('Shift+Enter');
    await expect(status).toHaveText('Match 1 of 4');
    await expect(pageNumber(viewer)).toHaveValue('7');
    await find.fill('no such words here');
    await expect(status).toHaveText('No matches', { timeout: 20_000 });
    await find.press('Escape');
    await expect(find).toBeHidden();
    await expect(viewer.locator('.poe-hl--find')).toHaveCount(0);
  });

  test('zoom and rotation keep the overlay geometry on the text (find highlight vs pdf.js text layer)', async ({ page }) => {
    const { claimId } = await fileClaim([{ bytes: corpus('tracemonkey.pdf'), fileName: 'tracemonkey.pdf', mediaType: 'application/pdf' }]);
    await signIn(page, 'reviewer3');
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    await expectPainted(viewer, 1);
    const pages = viewer.getByRole('region', { name: 'Pages of tracemonkey.pdf' });
    await pages.press('Control+f');
    await viewer.getByRole('searchbox', { name: 'Find in document' }).fill('Just-in-Time Type Specialization');
    await expect(viewer.getByRole('status')).toHaveText('Match 1 of 1', { timeout: 20_000 });
    const page1 = viewer.getByRole('group', { name: 'Page 1', exact: true });

    /**
     * The highlight (placed by the viewer's toCss from PDF user space) and pdf.js' own text layer
     * span of the title (placed by pdf.js): the highlight's centre must lie on the span, and its
     * position as a fraction of the page box is reported for the rotation check.
     */
    const measure = async () => {
      await expect(page1).toHaveAttribute('data-painted', 'true');
      await expect(page1.locator('.textLayer span', { hasText: 'Specialization' }).first()).toBeAttached();
      return page1.evaluate((el) => {
        const box = el.getBoundingClientRect();
        const hl = el.querySelector('.poe-hl--current')!.getBoundingClientRect();
        const span = [...el.querySelectorAll('.textLayer span')].find((s) => s.textContent?.includes('Specialization'))!.getBoundingClientRect();
        const cx = hl.left + hl.width / 2;
        const cy = hl.top + hl.height / 2;
        return {
          onText: cx >= span.left - 2 && cx <= span.right + 2 && cy >= span.top - 2 && cy <= span.bottom + 2,
          u: (cx - box.left) / box.width,
          v: (cy - box.top) / box.height,
          pageWidth: box.width,
        };
      });
    };

    const base = await measure();
    expect(base.onText).toBe(true);
    // The title is in the upper part of the page, around the middle.
    expect(base.v).toBeLessThan(0.3);

    // Zoom: the zoom field, Ctrl+= and Ctrl+wheel; the highlight stays on the text, at the same place on the page.
    await viewer.getByRole('combobox', { name: 'Zoom' }).selectOption({ label: '200 %' });
    await expect.poll(async () => (await measure()).pageWidth).toBeCloseTo(612 * (96 / 72) * 2, 0);
    let m = await measure();
    expect(m.onText).toBe(true);
    expect(m.u).toBeCloseTo(base.u, 2);
    expect(m.v).toBeCloseTo(base.v, 2);
    await pages.press('Control+=');
    await expect(viewer.getByRole('combobox', { name: 'Zoom' })).toHaveValue('2.5');
    await pages.hover();
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, 300);
    await page.keyboard.up('Control');
    await expect(viewer.getByRole('combobox', { name: 'Zoom' })).not.toHaveValue('2.5');
    m = await measure();
    expect(m.onText).toBe(true);
    expect(m.u).toBeCloseTo(base.u, 2);
    await viewer.getByRole('combobox', { name: 'Zoom' }).selectOption({ label: '50 %' });
    await expect.poll(async () => (await measure()).pageWidth).toBeCloseTo(612 * (96 / 72) * 0.5, 0);
    expect((await measure()).onText).toBe(true);

    // Rotation: the same point of the page, turned with it (clockwise: (u, v) → (1 − v, u)).
    const expected = [
      { u: 1 - base.v, v: base.u },
      { u: 1 - base.u, v: 1 - base.v },
      { u: base.v, v: 1 - base.u },
      { u: base.u, v: base.v },
    ];
    for (const want of expected) {
      await viewer.getByRole('button', { name: 'Rotate clockwise' }).click();
      await expect.poll(async () => {
        const r = await measure();
        return r.onText && Math.abs(r.u - want.u) < 0.01 && Math.abs(r.v - want.v) < 0.01;
      }).toBe(true);
    }
    await viewer.getByRole('button', { name: 'Rotate counterclockwise' }).click();
    await expect.poll(async () => {
      const r = await measure();
      return r.onText && Math.abs(r.u - base.v) < 0.01 && Math.abs(r.v - (1 - base.u)) < 0.01;
    }).toBe(true);
  });

  test('a 500-page PDF opens fast and only pages near the view are in the DOM while scrolling', async ({ page }) => {
    const { claimId } = await fileClaim([{ bytes: await makeLargePdf(500), fileName: 'long-sow.pdf', mediaType: 'application/pdf' }]);
    await signIn(page, 'reviewer3');
    const started = Date.now();
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    await expectPainted(viewer, 1);
    const opened = Date.now() - started;
    expect(opened).toBeLessThan(15_000);
    await expect(viewer.getByRole('toolbar', { name: 'Viewer tools' })).toContainText('of 500');
    const pages = viewer.getByRole('region', { name: 'Pages of long-sow.pdf' });
    const domCost = () => pages.evaluate((el) => ({ boxes: el.querySelectorAll('.poe-page').length, canvases: el.querySelectorAll('canvas').length }));
    for (const target of ['120', '250', '499']) {
      await pageNumber(viewer).fill(target);
      await pageNumber(viewer).press('Enter');
      await expectPainted(viewer, Number(target));
      const cost = await domCost();
      expect(cost.boxes).toBeLessThanOrEqual(8);
      expect(cost.canvases).toBeLessThanOrEqual(4);
    }
    await pages.focus();
    await page.keyboard.press('End');
    await expectPainted(viewer, 500);
    // Find reaches the end of the file.
    await pages.press('Control+f');
    await viewer.getByRole('searchbox', { name: 'Find in document' }).fill('Milestone marker 10');
    await expect(viewer.getByRole('status')).toHaveText('Match 1 of 1', { timeout: 60_000 });
    await expect(pageNumber(viewer)).toHaveValue('500');
  });

  test('Japanese text through the CMaps bundled with the app (no network beyond the workstation)', async ({ page }) => {
    const { claimId } = await fileClaim([{ bytes: corpus('noembed-eucjp.pdf'), fileName: 'noembed-eucjp.pdf', mediaType: 'application/pdf' }]);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await signIn(page, 'reviewer3');
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    await expectPainted(viewer, 1);
    // EUC-JP text only decodes with its CMap: find and the text layer see the Japanese.
    await viewer.getByRole('region', { name: 'Pages of noembed-eucjp.pdf' }).press('Control+f');
    await viewer.getByRole('searchbox', { name: 'Find in document' }).fill('いうえ');
    await expect(viewer.getByRole('status')).toHaveText('Match 1 of 1', { timeout: 20_000 });
    await expect(viewer.getByRole('group', { name: 'Page 1', exact: true }).locator('.textLayer')).toContainText('あいうえお');
    expect(requests.some((url) => /\/assets\/EUC-H-[\w-]+\.bcmap$/.test(url))).toBe(true);
    expect(requests.filter((url) => !url.startsWith(BASE_URL) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
  });

  test('damaged files pdf.js can repair open like any other', async ({ page }) => {
    const { claimId } = await fileClaim([
      { bytes: corpus('helloworld-bad.pdf'), fileName: 'helloworld-bad.pdf', mediaType: 'application/pdf' },
      { bytes: corpus('xref_command_missing.pdf'), fileName: 'xref_command_missing.pdf', mediaType: 'application/pdf' },
    ]);
    await signIn(page, 'reviewer3');
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    await expectPainted(viewer, 1);
    await viewer.getByRole('tab', { name: 'xref_command_missing.pdf' }).click();
    await expectPainted(viewer, 1);
    await expect(viewer.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('files that cannot simply be shown (stored on the device, see the file comment)', () => {
  test('password-protected: says so plainly, wrong password, then opens (both corpus files)', async ({ page }) => {
    const placeholders = [await placeholderPdf('protected-a'), await placeholderPdf('protected-b')];
    const { claimId, hashes } = await fileClaim(placeholders);
    await signIn(page, 'reviewer4');
    await storeOffline(page, hashes[0]!, corpus('issue6010_1.pdf'));
    await storeOffline(page, hashes[1]!, corpus('bug1782186.pdf'));
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    for (const [tab, password] of [
      ['protected-a.pdf', 'abc'],
      ['protected-b.pdf', 'Hello'],
    ] as const) {
      await viewer.getByRole('tab', { name: tab }).click();
      const form = viewer.getByRole('form', { name: 'This file is password-protected' });
      await expect(form).toBeVisible();
      await expect(form).toContainText(`${tab} is protected with a password`);
      await form.getByLabel('Password').fill('not-the-password');
      await form.getByRole('button', { name: 'Open' }).click();
      await expect(viewer.getByRole('alert')).toHaveText('Wrong password. Check it and try again.');
      await form.getByLabel('Password').fill(password);
      await form.getByRole('button', { name: 'Open' }).click();
      await expectPainted(viewer, 1);
    }
  });

  test('unreadable file: a clear alert, and "Mark PoE missing or invalid" fails the PoE checklist item', async ({ page }) => {
    const { claimId, hashes } = await fileClaim([await placeholderPdf('garbled')]);
    await signIn(page, 'reviewer4');
    // Stored before the claim is this reviewer's, so the offline cache never fetches the real file.
    await storeOffline(page, hashes[0]!, new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage that is no PDF at all\n%%EOF\n'));
    await actAsReviewer('reviewer4', [{ type: 'startReview', claimId }]);
    await openClaim(page, claimId);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Under review', { timeout: 30_000 });
    const viewer = viewerOf(page);
    const alert = viewer.getByRole('alert');
    await expect(alert).toContainText('garbled.pdf cannot be opened: the file is damaged or is not a PDF, PNG or JPEG.');
    await viewer.getByRole('button', { name: 'Mark PoE missing or invalid' }).click();
    await expect.poll(async () => (await serverClaim(claimId)).checklist['poe_present'], { timeout: 30_000 }).toMatchObject({
      result: 'fail',
      note: 'The PoE file garbled.pdf cannot be opened: it is damaged.',
    });
  });

  test('cut-off file (scan-bad.pdf, no %%EOF): warns that only part may show, then shows it on request', async ({ page }) => {
    const { claimId, hashes } = await fileClaim([await placeholderPdf('scan')]);
    await signIn(page, 'reviewer4');
    await storeOffline(page, hashes[0]!, corpus('scan-bad.pdf'));
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    await expect(viewer.getByRole('alert')).toContainText('scan.pdf is incomplete');
    await expect(viewer.getByRole('button', { name: 'Mark PoE missing or invalid' })).toBeVisible();
    await viewer.getByRole('button', { name: 'Show what can be read' }).click();
    await expect(viewer.getByRole('group', { name: 'Page 1', exact: true })).toHaveAttribute('data-painted', 'true', { timeout: 30_000 });
  });

  test('opening can be cancelled, and reopened', async ({ page, context }) => {
    const { claimId } = await fileClaim([await placeholderPdf('slow')]);
    await signIn(page, 'reviewer4');
    // The document is not on the device yet: hold its download so opening takes a while.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await context.route(/\/documents\/[0-9a-f]{64}$/, async (route) => {
      await held;
      // Released after the test stopped routing: then the request has gone through already.
      await route.continue().catch(() => undefined);
    });
    await openClaim(page, claimId);
    const viewer = viewerOf(page);
    await expect(viewer.getByRole('status').filter({ hasText: 'Opening slow.pdf…' })).toBeVisible();
    await viewer.getByRole('button', { name: 'Cancel' }).click();
    await expect(viewer.getByText('Opening slow.pdf was cancelled.')).toBeVisible();
    release();
    await context.unroute(/\/documents\/[0-9a-f]{64}$/);
    await viewer.getByRole('button', { name: 'Open again' }).click();
    await expectPainted(viewer, 1);
  });
});
