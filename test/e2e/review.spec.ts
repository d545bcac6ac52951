/**
 * The review tools (issue 5) on a real claim: a partner files an unsigned statement of work; the
 * assignee views its pages, finds text, sees the pre-screen's suggestions and accepts one with a
 * key, draws a deficiency annotation over the empty signature block, fails "customer
 * verification" with it, annotates a text selection, requests information (pre-filled with the
 * code and note), exports the deficiency report; the annotations are there after a reload and on
 * a supervisor's client after sync, drawn where they were made.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from '../../server/src/demo/data';
import { generatePoePdf } from '../../server/src/demo/poe-pdfs';
import { actAsReviewer, BASE_URL, serverClaim, tokenOf } from './support/api';
import { expectSynced, openClaim, signIn } from './support/ui';

const STANDARD_FONTS = path.join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
const partner = DEMO_PARTNERS[0]!;
const customer = DEMO_CUSTOMERS.find((c) => c.language === 'en')!;

async function api(path: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<void> {
  const bytes = body instanceof Uint8Array;
  const response = await fetch(new URL(path, BASE_URL), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(bytes ? {} : { 'content-type': 'application/json' }), ...headers },
    body: bytes ? Buffer.from(body) : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

/** A partner files a claim whose only PoE is an unsigned statement of work (known deficiency). */
async function fileUnsignedClaim() {
  const poe = await generatePoePdf({
    seed: 41,
    kind: 'statement_of_work',
    variant: 'unsigned',
    language: 'en',
    partner,
    customer,
    products: ['d365_sales', 'power_bi'],
    documentDate: new Date(Date.now() - 20 * 86_400_000),
    pages: 2,
  });
  const token = await tokenOf(partner.username);
  const sha256 = createHash('sha256').update(poe.bytes).digest('hex');
  await api('/documents', token, poe.bytes, { 'content-type': poe.mediaType, 'x-file-name': encodeURIComponent(poe.fileName) });
  const claimId = `E2E-REVIEW-${randomUUID().slice(0, 8).toUpperCase()}`;
  await api('/partner/claims', token, {
    claimId,
    partner: { partnerId: partner.partnerId, name: partner.name, contact: { name: partner.contact.name, email: partner.contact.email } },
    customer: { tenantId: customer.tenantId, name: customer.name, domain: customer.domain },
    products: ['d365_sales', 'power_bi'],
    documents: [{ sha256 }],
  });
  await api(`/partner/claims/${claimId}/submit`, token, {});
  return { claimId, poe, sha256 };
}

/** Drags a rectangle over a region given in PDF user space on an unrotated page of `pageSize`. */
async function dragOver(page: Page, pageNumber: number, rect: { x: number; y: number; width: number; height: number }, pageSize: [number, number]) {
  const surface = page.getByRole('group', { name: `Drag to mark a region on page ${pageNumber}` });
  await surface.scrollIntoViewIfNeeded();
  const box = (await surface.boundingBox())!;
  const sx = box.width / pageSize[0];
  const sy = box.height / pageSize[1];
  const from = { x: box.x + rect.x * sx, y: box.y + (pageSize[1] - rect.y - rect.height) * sy };
  const to = { x: from.x + rect.width * sx, y: from.y + rect.height * sy };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

test('review tools: checklist, annotations, pre-screen, request info, report; annotations survive reload and sync', async ({ browser }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  const { claimId, poe } = await fileUnsignedClaim();
  await actAsReviewer('reviewer1', [{ type: 'startReview', claimId }]);

  const reviewerContext = await browser.newContext({ acceptDownloads: true });
  const page = await reviewerContext.newPage();
  await signIn(page, 'reviewer1');
  await openClaim(page, claimId);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Under review');

  // The pages render in the viewer, with the review overlay on each.
  const viewer = page.getByRole('region', { name: 'PoE viewer' });
  await expect(viewer).toBeVisible();
  await expect(viewer.getByRole('group', { name: 'Annotations on page 1' })).toBeVisible({ timeout: 30_000 });

  // The pre-screen (in a Web Worker) finds the empty customer signature block and the products.
  const suggestions = page.getByRole('region', { name: 'Pre-screen suggestions' });
  const unsigned = suggestions.getByRole('listitem', { name: /Customer verification.*signature block is empty/ });
  await expect(unsigned).toBeVisible({ timeout: 30_000 });
  await expect(unsigned).toContainText('Suggests fail');
  const powerBi = suggestions.getByRole('listitem', { name: /Product: Power BI: Power BI is named/ });
  await expect(powerBi).toBeVisible();

  // Find text (the `/` shortcut opens the viewer's find bar).
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('/');
  const find = viewer.getByRole('searchbox', { name: 'Find in document' }).or(viewer.getByRole('textbox', { name: 'Find in document' }));
  await expect(find).toBeFocused();
  await find.fill('Statement of Work');
  await expect(viewer).toContainText(/Match 1 of \d+/);
  await find.press('Escape');

  // Keyboard-first: the shortcut sheet, then pass "PoE present" with p and move on with j.
  await page.getByRole('heading', { level: 1 }).focus();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Accept the focused suggestion/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  // n / Shift+N turn the pages.
  const pageNumber = viewer.getByRole('spinbutton', { name: 'Page number' });
  await expect(pageNumber).toHaveValue('1');
  await page.keyboard.press('n');
  await expect(pageNumber).toHaveValue('2');
  await page.keyboard.press('Shift+N');
  await expect(pageNumber).toHaveValue('1');

  const checklist = page.getByRole('region', { name: 'Checklist' });
  const poePresent = checklist.getByRole('listitem', { name: /PoE present/ });
  await poePresent.click({ position: { x: 4, y: 4 } });
  await expect(poePresent).toBeFocused();
  await page.keyboard.press('p');
  await expect(checklist.getByRole('group', { name: /PoE present/ }).getByRole('radio', { name: 'Pass' })).toBeChecked();
  await page.keyboard.press('j');
  const verificationRow = checklist.getByRole('listitem', { name: /Customer verification/ });
  await expect(verificationRow).toBeFocused();
  await expect(page.getByTestId('review-announcer')).toContainText('PoE present and related to this claim: Pass');

  // Accept a suggestion with one key.
  await powerBi.focus();
  await page.keyboard.press('a');
  await expect(checklist.getByRole('group', { name: /Product: Power BI/ }).getByRole('radio', { name: 'Pass' })).toBeChecked();
  await expect(checklist.getByRole('listitem', { name: /Product: Power BI/ })).toContainText(/Evidence/);

  // Draw a rectangle over the empty signature block and fail customer verification with it.
  const signature = poe.regions.signature!;
  await unsigned.getByRole('button', { name: /Show on page/ }).click();
  await verificationRow.click({ position: { x: 4, y: 4 } });
  await page.keyboard.press('d');
  const pageSize: [number, number] = [612, 792];
  await dragOver(page, signature.page, signature.rect, pageSize);
  const form = page.getByRole('form', { name: new RegExp(`New annotation: page ${signature.page} of`) });
  await expect(form).toBeVisible();
  await expect(form.getByLabel('Checklist item')).toHaveValue('customer_verification');
  await expect(form.getByRole('radio', { name: 'A deficiency: fail the item' })).toBeChecked();
  await expect(form.getByLabel('Deficiency code')).toHaveValue('missing_customer_verification');
  // The review tools (checklist, form, suggestions, overlay) pass an axe scan with the form open.
  const axe = await new AxeBuilder({ page }).include('.review-layout__checklist').include('.review-layout__tools').include('.review-overlay').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  const note = 'The customer’s signature block is empty: no name, title or date.';
  await form.getByLabel('Note', { exact: true }).fill(note);
  await form.getByRole('button', { name: 'Add annotation' }).click();
  await expect(form).toBeHidden();
  const annotations = page.getByRole('region', { name: 'Annotations' });
  await expect(annotations.getByRole('button', { name: `Show annotation 1 on page ${signature.page}` })).toBeVisible();
  await expect(annotations).toContainText(note);
  await expect(checklist.getByRole('group', { name: /Customer verification/ }).getByRole('radio', { name: 'Fail' })).toBeChecked();
  await expect(viewer.getByRole('img', { name: 'Annotation 1' })).toBeVisible();
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/review.png' });

  // Keyboard alternative: select text on page 1 and annotate the selection (a note only).
  const words = viewer.locator('.textLayer span').filter({ hasText: /Statement of Work/ }).first();
  await words.scrollIntoViewIfNeeded();
  await words.click({ clickCount: 3 });
  await annotations.getByRole('button', { name: 'Annotate selection' }).click();
  const second = page.getByRole('form', { name: /New annotation: page 1 of/ });
  await expect(second.getByText('Selected text')).toBeVisible();
  await second.getByRole('radio', { name: 'A note only: leave the item as it is' }).check();
  await second.getByLabel('Note', { exact: true }).fill('Title page names the engagement.');
  await second.getByRole('button', { name: 'Add annotation' }).click();
  await expect(annotations.getByRole('button', { name: 'Show annotation 2 on page 1' })).toBeVisible();

  // Request information: pre-filled with the code and the note.
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Request information' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request more information' });
  await expect(dialog.getByRole('checkbox', { name: /No customer signature/ })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: /PoE missing/ })).not.toBeChecked();
  const message = dialog.getByLabel('Message to the partner');
  await expect(message).toHaveValue(/No customer signature or confirmation in the PoE/);
  await expect(message).toHaveValue(new RegExp(`\\[1\\] ${poe.fileName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, page ${signature.page}: ${note}`));
  await expect(message).not.toHaveValue(/Title page names the engagement/);
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Partner action required');
  await expectSynced(page);

  // On the server, exactly as made: the drawn rectangle is the signature block in PDF user space.
  const onServer = await serverClaim(claimId);
  expect(onServer.infoRequests.at(-1)).toMatchObject({ codes: ['missing_customer_verification'] });
  expect(onServer.infoRequests.at(-1)!.message).toContain(note);
  expect(onServer.annotations).toHaveLength(2);
  const drawn = onServer.annotations[0]!;
  expect(drawn).toMatchObject({ page: signature.page, item: 'customer_verification', code: 'missing_customer_verification', note, by: 'reviewer1' });
  for (const key of ['x', 'y', 'width', 'height'] as const) expect(Math.abs(drawn.rect[key] - signature.rect[key])).toBeLessThan(3);
  expect(onServer.checklist.customer_verification).toMatchObject({ result: 'fail', evidence: [{ page: signature.page }] });

  // After a reload: the same annotations, in the list and on the page.
  await page.reload();
  await expect(annotations.getByRole('button', { name: `Show annotation 1 on page ${signature.page}` })).toBeVisible();
  await expect(annotations.getByRole('button', { name: 'Show annotation 2 on page 1' })).toBeVisible();
  await annotations.getByRole('button', { name: `Show annotation 1 on page ${signature.page}` }).click();
  await expect(viewer.getByRole('img', { name: 'Annotation 1' })).toBeInViewport();

  // Export the deficiency report: a PDF naming the claim, with the numbered marks.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export deficiency report' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`deficiency-report-${claimId}.pdf`);
  const pdf = await getDocument({ data: new Uint8Array(readFileSync(await download.path())), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  let text = '';
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join(' ') + '\n';
  }
  expect(text).toContain(claimId);
  expect(text).toContain('[1]');
  expect(text).toContain('[2]');
  expect(pdf.numPages).toBeGreaterThan(poe.pages);
  await expect(page.getByTestId('review-announcer')).toHaveText(`Deficiency report saved as deficiency-report-${claimId}.pdf.`);

  // A second client (the supervisor, who sees every claim) has the same annotations after sync.
  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor, 'supervisor');
  await openClaim(supervisor, claimId);
  const theirs = supervisor.getByRole('region', { name: 'Annotations' });
  await expect(theirs.getByRole('button', { name: `Show annotation 1 on page ${signature.page}` })).toBeVisible();
  await expect(theirs).toContainText(note);
  await expect(theirs).toContainText('Title page names the engagement.');
  await theirs.getByRole('button', { name: `Show annotation 1 on page ${signature.page}` }).click();
  await expect(supervisor.getByRole('region', { name: 'PoE viewer' }).getByRole('img', { name: 'Annotation 1' })).toBeInViewport();
  await expect(supervisor.getByRole('region', { name: 'Checklist' }).getByRole('group', { name: /Customer verification/ }).getByRole('radio', { name: 'Fail' })).toBeChecked();

  console.log(`review journey: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  await reviewerContext.close();
  await supervisorContext.close();
});
