/** Offline work: decisions and comments survive closing the page and reach the server exactly once. */
import { expect, test } from '@playwright/test';
import { actAsReviewer, isSubmittedUnassigned, serverClaim, serverEvents, takeClaim } from './support/api';
import { expectSynced, goOffline, goOnline, openClaim, passWholeChecklist, signIn, syncStatus } from './support/ui';

test('approve and comment offline, close the page, reconnect: synced exactly once', async ({ context, page }) => {
  const claim = await takeClaim(isSubmittedUnassigned);
  await actAsReviewer('reviewer1', [{ type: 'startReview', claimId: claim.id }]);
  await signIn(page, 'reviewer1');
  await openClaim(page, claim.id);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Under review');

  await goOffline(context);
  await passWholeChecklist(page);
  await page.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Approve' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve the claim' });
  await dialog.getByRole('button', { name: 'Approve claim' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Approved — customer consent window open');

  const comments = page.getByRole('region', { name: 'Comments' });
  const texts = ['Approved offline on the train — PoE checked line by line.', 'Second note: signature page 3 matches the tenant admin.'];
  for (const text of texts) {
    await comments.getByLabel('New comment to the partner').fill(text);
    await comments.getByRole('button', { name: 'Add comment' }).click();
    await expect(comments.getByText(text)).toBeVisible();
  }
  await expect(syncStatus(page)).toContainText('Offline');
  const checklistCount = await page.getByRole('region', { name: 'Checklist' }).getByRole('group').count();
  const pending = checklistCount + 1 + texts.length;
  await expect(syncStatus(page)).toContainText(`${pending} pending`);
  expect((await serverClaim(claim.id)).status).toBe('in_review');

  // Close the page and open a new one, still offline: the session, the claim and the outbox are there.
  await page.close();
  const again = await context.newPage();
  await openClaim(again, claim.id);
  await expect(again.getByRole('heading', { level: 1 })).toContainText('Approved');
  await expect(again.getByRole('heading', { level: 1 })).toContainText('Changes not yet synced');
  await expect(syncStatus(again)).toContainText(`${pending} pending`);
  for (const text of texts) await expect(again.getByRole('region', { name: 'Comments' }).getByText(text)).toBeVisible();
  await expect(again.getByRole('region', { name: 'History' })).toContainText('Pending on this device: Approve');

  await goOnline(context, again);
  await expectSynced(again);
  await expect(again.getByRole('heading', { level: 1 })).not.toContainText('Changes not yet synced');

  const onServer = await serverClaim(claim.id);
  expect(onServer.status).toBe('approved');
  for (const text of texts) expect(onServer.comments.filter((c) => c.text === text)).toHaveLength(1);
  const events = await serverEvents(claim.id);
  expect(events.filter((e) => e.type === 'approved')).toHaveLength(1);
  expect(events.filter((e) => e.type === 'commented' && texts.includes(e.payload.text))).toHaveLength(2);
  // A further sync (and a reload) sends nothing again.
  await again.getByRole('button', { name: 'Sync now' }).click();
  await expectSynced(again);
  expect((await serverEvents(claim.id)).length).toBe(events.length);
});

test('signing out with unsent work warns, keeps it, and sends it after the next sign-in', async ({ context, page }) => {
  const claim = await takeClaim(isSubmittedUnassigned);
  await signIn(page, 'reviewer4');
  await openClaim(page, claim.id);
  await goOffline(context);
  const text = 'Written offline just before signing out.';
  const comments = page.getByRole('region', { name: 'Comments' });
  await comments.getByLabel('New comment to the partner').fill(text);
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(syncStatus(page)).toContainText('1 pending');

  await page.getByRole('button', { name: 'Sign out' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign out with unsent work?' });
  await expect(dialog).toHaveAccessibleDescription(/1 of your actions have not reached the server/);
  await dialog.getByRole('button', { name: 'Sign out, keep them on this device' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();

  await goOnline(context);
  await signIn(page, 'reviewer4');
  await expect.poll(async () => (await serverClaim(claim.id)).comments.filter((c) => c.text === text).length).toBe(1);
});
