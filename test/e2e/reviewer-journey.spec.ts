/** A reviewer's day: sign in, see the queue, open a claim, start review, request info, comment. */
import { expect, test } from '@playwright/test';
import { isSubmittedUnassigned, serverClaim, takeClaim } from './support/api';
import { expectSynced, signIn } from './support/ui';

test('reviewer journey reaches the server exactly as done on screen', async ({ page }) => {
  const claim = await takeClaim(isSubmittedUnassigned);
  await signIn(page, 'reviewer1');

  // The queue lists the seeded claims; find ours among the unassigned ones and open it.
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Review queue' })).toBeVisible();
  const grid = main.getByRole('grid', { name: 'Claims' });
  await main.getByRole('tab', { name: /^All/ }).click();
  await expect.poll(() => grid.getByRole('row').count()).toBeGreaterThan(5);
  await main.getByRole('tab', { name: /^Unassigned/ }).click();
  await main.getByLabel('Search claims').fill(claim.id);
  await expect(grid.getByRole('row')).toHaveCount(2);
  await grid.getByRole('button', { name: `Open claim ${claim.id}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(`Claim ${claim.id}`) })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();

  const actions = page.getByRole('region', { name: 'Actions' });
  const clocks = page.getByRole('region', { name: 'SLA clocks' });
  await expect(clocks).toContainText('Pickup');
  await expect(clocks).toContainText(/left|over/);

  // Not in review yet: approving is refused by the core, and the button says why.
  const approve = actions.getByRole('button', { name: 'Approve' });
  await expect(approve).toBeDisabled();
  await expect(approve).toHaveAccessibleDescription(/status submitted|Submitted/);

  await actions.getByRole('button', { name: 'Start review' }).click();
  await expect(page.getByRole('term').filter({ hasText: 'Assignee' }).locator('xpath=following-sibling::dd')).toHaveText('reviewer1');
  await expect(clocks).toContainText('Review');
  await expect(actions.getByRole('button', { name: 'Start review' })).toBeDisabled();

  await actions.getByRole('button', { name: 'Request information' }).click();
  const dialog = page.getByRole('dialog', { name: 'Request more information' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('checkbox', { name: /No customer signature/ }).check();
  await dialog.getByLabel('Message to the partner').fill('Please add the customer’s signed acceptance of the deployment.');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Partner action required');

  const comments = page.getByRole('region', { name: 'Comments' });
  const hostile = '<img src=x onerror="document.title=\'pwned\'"> Thanks — we also need the SOW dated within 12 months.';
  await comments.getByLabel('New comment to the partner').fill(hostile);
  await comments.getByRole('button', { name: 'Add comment' }).click();
  // Rendered as text, not markup.
  await expect(comments.getByText(hostile)).toBeVisible();
  // The title may carry the breached-claims badge, "(n) "; the hostile comment must not have changed it.
  await expect(page).toHaveTitle(/^(\(\d+\) )?PoE Reviewer Workstation$/);

  await expectSynced(page);
  const history = page.getByRole('region', { name: 'History' });
  await expect(history).toContainText('Review started by reviewer1');
  await expect(history).toContainText('More information requested');

  const onServer = await serverClaim(claim.id);
  expect(onServer.status).toBe('partner_action_needed');
  expect(onServer.assignee).toBe('reviewer1');
  expect(onServer.infoRequests.at(-1)).toMatchObject({ codes: ['missing_customer_verification'], by: 'reviewer1' });
  expect(onServer.comments.filter((c) => c.text === hostile)).toHaveLength(1);
});
