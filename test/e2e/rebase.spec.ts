/** The partner acts on the server while the reviewer has unsent local work on the same claim. */
import { expect, test } from '@playwright/test';
import { actAsReviewer, isSubmittedUnassigned, partnerResubmits, serverClaim, takeClaim } from './support/api';
import { expectSynced, goOffline, goOnline, openClaim, signIn, syncStatus } from './support/ui';

test('a partner resubmits while the reviewer has pending comments: rebased, nothing lost', async ({ context, page }) => {
  const claim = await takeClaim(isSubmittedUnassigned);
  await actAsReviewer('reviewer3', [
    { type: 'startReview', claimId: claim.id },
    { type: 'requestInfo', claimId: claim.id, codes: ['missing_or_stale_date'], message: 'The PoE is undated.' },
  ]);
  await signIn(page, 'reviewer3');
  await openClaim(page, claim.id);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Partner action required');

  await goOffline(context);
  const text = 'Noted locally while the partner was uploading: check the new date against the SOW.';
  const comments = page.getByRole('region', { name: 'Comments' });
  await comments.getByLabel('New comment to the partner').fill(text);
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(syncStatus(page)).toContainText('1 pending');

  await partnerResubmits(claim, 'Dated acceptance attached.');
  expect((await serverClaim(claim.id)).status).toBe('submitted');

  await goOnline(context, page);
  await expectSynced(page);
  // The server's new state with the reviewer's comment on top.
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Submitted');
  await expect(comments.getByText(text)).toBeVisible();
  await expect(page.getByRole('region', { name: 'History' })).toContainText('Resubmitted by the partner');
  const onServer = await serverClaim(claim.id);
  expect(onServer.status).toBe('submitted');
  expect(onServer.comments.filter((c) => c.text === text)).toHaveLength(1);
  await page.getByRole('link', { name: /Sync issues/ }).click();
  await expect(page.getByText('No sync issues.')).toBeVisible();
});
