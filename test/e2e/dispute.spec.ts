/** A supervisor decides a dispute from the claim page, seeing the partner's justification. */
import { expect, test } from '@playwright/test';
import { serverClaim, takeClaim } from './support/api';
import { expectSynced, openClaim, signIn } from './support/ui';

test('a supervisor denies a dispute with a message; the denial is final on the server', async ({ page }) => {
  const claim = await takeClaim((c) => c.status === 'disputed');
  await signIn(page, 'supervisor');
  await openClaim(page, claim.id);
  const actions = page.getByRole('region', { name: 'Actions' });
  await actions.getByRole('button', { name: 'Deny dispute' }).click();
  const dialog = page.getByRole('dialog', { name: 'Deny the dispute' });
  await expect(dialog).toContainText(claim.dispute!.justification.slice(0, 40));
  await dialog.getByLabel('Message to the partner (required: a denial is final)').fill('The new PoE is still unsigned by the customer.');
  await dialog.getByRole('button', { name: 'Deny dispute' }).click();
  await expect(dialog).toBeHidden();
  await expectSynced(page);
  const after = await serverClaim(claim.id);
  expect(after.status).toBe('rejected');
  expect(after.rejection?.reasons).toEqual(['dispute_denied']);
  // Nothing more to decide: the dispute buttons are gone with the disputed status.
  await expect(actions.getByRole('button', { name: 'Deny dispute' })).toHaveCount(0);
});
