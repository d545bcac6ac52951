/**
 * The renderer crashes (CDP Page.crash, a real renderer-process crash) between the optimistic
 * write and the push: once when the push never left, once when the server committed it but the
 * answer was lost. A new page finds the outbox intact and it drains exactly once.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { serverClaim, serverEvents, takeClaim } from './support/api';
import { expectSynced, openClaim, signIn, syncStatus } from './support/ui';

const PUSH = /\/sync\/push$/;

async function comment(page: Page, text: string): Promise<void> {
  const comments = page.getByRole('region', { name: 'Comments' });
  await comments.getByLabel('New comment to the partner').fill(text);
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByText(text)).toBeVisible();
}

async function crash(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const crashed = page.waitForEvent('crash');
  // The call never answers: the process it would answer from is gone.
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;
}

for (const when of ['before the push left', 'after the server committed the push, its answer lost'] as const) {
  test(`a renderer crash ${when}: the outbox survives and drains exactly once`, async ({ context, page }) => {
    const claim = await takeClaim((c) => c.status === 'in_review' || c.status === 'submitted');
    await signIn(page, 'reviewer1');
    await openClaim(page, claim.id);

    let pushed = 0;
    // Routes are per page: a crashed page's routes cannot be removed from its context.
    await page.route(PUSH, async (route) => {
      if (when === 'before the push left') return route.abort('connectionreset');
      // The server receives and commits the push; the workstation never hears back.
      await route.fetch();
      pushed++;
      return route.abort('connectionreset');
    });
    const text = `Crash test (${when}) ${Date.now()}`;
    await comment(page, text);
    if (when === 'before the push left') await expect(syncStatus(page)).toContainText('1 pending');
    else await expect.poll(() => pushed, { timeout: 30_000 }).toBeGreaterThan(0);
    await crash(context, page);

    const onServerBefore = (await serverClaim(claim.id)).comments.filter((c) => c.text === text).length;
    expect(onServerBefore).toBe(when === 'before the push left' ? 0 : 1);

    // A new page, pushes still failing: the comment and the pending action are there.
    const again = await context.newPage();
    await again.route(PUSH, (route) => route.abort('connectionreset'));
    await openClaim(again, claim.id);
    await expect(again.getByRole('region', { name: 'Comments' }).getByText(text)).toBeVisible();
    await expect(syncStatus(again)).toContainText('1 pending');

    await again.unroute(PUSH);
    await again.getByRole('button', { name: 'Sync now' }).click();
    await expectSynced(again);
    const events = await serverEvents(claim.id);
    expect(events.filter((e) => e.type === 'commented' && e.payload.text === text)).toHaveLength(1);
    await expect(again.getByRole('region', { name: 'Comments' }).getByText(text)).toHaveCount(1);
  });
}
