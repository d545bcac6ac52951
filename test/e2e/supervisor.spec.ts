/** The supervisor reassigns a claim; a reviewer may not, and is told why. */
import { expect, test } from '@playwright/test';
import { serverClaim, takeClaim } from './support/api';
import { expectSynced, openClaim, signIn } from './support/ui';

test('a supervisor assigns a claim to another reviewer; reviewers see why they cannot', async ({ browser }) => {
  const claim = await takeClaim((c) => c.status === 'in_review' && c.assignee === 'reviewer3');
  const reviewerContext = await browser.newContext();
  const reviewer = await reviewerContext.newPage();
  await signIn(reviewer, 'reviewer3');
  await openClaim(reviewer, claim.id);
  const refused = reviewer.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Assign' });
  await expect(refused).toBeDisabled();
  await expect(refused).toHaveAccessibleDescription('A reviewer cannot assign a claim.');

  const supervisorContext = await browser.newContext();
  const supervisor = await supervisorContext.newPage();
  await signIn(supervisor, 'supervisor');
  await openClaim(supervisor, claim.id);
  await supervisor.getByRole('region', { name: 'Actions' }).getByRole('button', { name: 'Assign' }).click();
  const dialog = supervisor.getByRole('dialog', { name: 'Assign the claim' });
  await expect(dialog).toContainText('reviewer1');
  await dialog.getByLabel('Reviewer ID').fill('reviewer4');
  await dialog.getByRole('button', { name: 'Assign' }).click();
  await expect(dialog).toBeHidden();
  await expectSynced(supervisor);
  expect((await serverClaim(claim.id)).assignee).toBe('reviewer4');
  // The poke reaches the reviewer's workstation: the claim is no longer theirs.
  await expect(reviewer.getByRole('region', { name: 'History' })).toContainText('Assigned to reviewer4', { timeout: 20_000 });
  await reviewerContext.close();
  await supervisorContext.close();
});
