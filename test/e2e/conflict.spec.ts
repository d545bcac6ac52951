/** Two reviewers decide the same claim offline; one wins, the other keeps its words in Sync issues. */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { isSubmittedUnassigned, serverClaim, takeClaim } from './support/api';
import { expectSynced, goOffline, goOnline, openClaim, signIn, syncStatus } from './support/ui';

test('conflicting offline decisions: one applied, the other refused with its reason and text kept', async ({ browser }) => {
  const claim = await takeClaim(isSubmittedUnassigned);
  const first = await browser.newContext();
  const second = await browser.newContext();
  const alex = await first.newPage();
  const priya = await second.newPage();
  await signIn(alex, 'reviewer1');
  await signIn(priya, 'reviewer2');
  await openClaim(alex, claim.id);
  await openClaim(priya, claim.id);
  await goOffline(first);
  await goOffline(second);

  const decide = async (page: typeof alex, message: string) => {
    const actions = page.getByRole('region', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Start review' }).click();
    await actions.getByRole('button', { name: 'Request information' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request more information' });
    await dialog.getByRole('checkbox', { name: /PoE missing/ }).check();
    await dialog.getByLabel('Message to the partner').fill(message);
    await dialog.getByRole('button', { name: 'Send request' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Partner action required');
    await expect(syncStatus(page)).toContainText('2 pending');
  };
  const alexText = 'Alex: the PoE is a draft quote, not a signed statement of work.';
  const priyaText = 'Priya: please attach the customer’s signed acceptance — three paragraphs of careful wording I must not lose.';
  await decide(alex, alexText);
  await decide(priya, priyaText);

  await goOnline(first, alex);
  await expectSynced(alex);
  await goOnline(second, priya);
  await expectSynced(priya);

  const issuesLink = priya.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: /Sync issues/ });
  await expect(issuesLink).toContainText('2 unresolved');
  await issuesLink.click();
  const issues = priya.getByRole('main');
  await expect(issues.getByRole('heading', { level: 1, name: 'Sync issues' })).toBeVisible();
  const requestIssue = issues.getByRole('article', { name: `Request information on claim ${claim.id}` });
  await expect(requestIssue).toContainText('Server’s reason');
  await expect(requestIssue).toContainText(/reviewer1|assignee|Partner action required|partner_action_needed/);
  await expect(requestIssue.getByRole('blockquote')).toHaveText(priyaText);
  await expect(requestIssue).toContainText('The claim now: Partner action required, assigned to reviewer1');
  await expect(issues.getByRole('article', { name: `Start review on claim ${claim.id}` })).toBeVisible();
  // Priya's claim page now shows the server's state.
  await openClaim(priya, claim.id);
  await expect(priya.getByRole('term').filter({ hasText: 'Assignee' }).locator('xpath=following-sibling::dd')).toHaveText('reviewer1');

  const onServer = await serverClaim(claim.id);
  expect(onServer.assignee).toBe('reviewer1');
  expect(onServer.status).toBe('partner_action_needed');
  expect(onServer.infoRequests.map((r) => r.message)).toEqual([alexText]);

  // The list can be saved as a file (browser: a download), text included.
  await priya.getByRole('navigation', { name: 'Workstation' }).getByRole('link', { name: /Sync issues/ }).click();
  const downloading = priya.waitForEvent('download');
  await issues.getByRole('button', { name: 'Save the list as a file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('sync-issues.json');
  await expect(issues.getByRole('status')).toHaveText('Saved.');
  expect(JSON.stringify(JSON.parse(readFileSync(await download.path(), 'utf8')))).toContain(JSON.stringify(priyaText).slice(1, -1));

  // Dismissing clears the badge; the text stays under "dismissed".
  const dismiss = issues.getByRole('button', { name: 'Dismiss', exact: true });
  await expect(dismiss).toHaveCount(2);
  await dismiss.first().click();
  await expect(dismiss).toHaveCount(1);
  await dismiss.first().click();
  await expect(issues.getByText('No sync issues.')).toBeVisible();
  await issues.getByRole('button', { name: /Show dismissed/ }).click();
  await expect(issues.getByRole('blockquote').filter({ hasText: priyaText })).toBeVisible();
  await first.close();
  await second.close();
});
