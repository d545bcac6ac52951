/**
 * A workstation whose clock is hours off: countdowns follow the server's time (the offset measured
 * at each pull), and what the reviewer does is dated by the server, never by the device.
 */
import { expect, test } from '@playwright/test';
import { clocks, DEFAULT_CALENDAR, DEFAULT_POLICY, MS_PER_DAY, type Claim } from '../../shared/index';
import { serverEvents, takeClaim } from './support/api';
import { openClaim, signIn } from './support/ui';

const SKEW_MS = 6 * 3_600_000;

/** A running clock counted in calendar days: it moves with wall time even on a weekend or holiday. */
const dayClock = (claim: Claim) =>
  clocks(claim, new Date(), DEFAULT_CALENDAR, { policy: DEFAULT_POLICY }).find((r) => r.running && r.unit === 'days' && r.remaining > 1);

/** "2d 04:12:09 left" → milliseconds. */
function parseLeft(text: string): number {
  const m = /(?:(\d+)d )?(\d+):(\d\d):(\d\d) left/.exec(text);
  if (!m) throw new Error(`no countdown in "${text}"`);
  const [, d = '0', h, min, s] = m;
  return Number(d) * MS_PER_DAY + Number(h) * 3_600_000 + Number(min) * 60_000 + Number(s) * 1000;
}

test('a device clock six hours fast still shows the server-time countdown, and the server dates the comment', async ({ page }) => {
  const claim = await takeClaim((c) => dayClock(c) !== undefined);
  const reading = dayClock(claim)!;
  const label = { disputeWindow: 'Dispute window', consent: 'Customer consent window' }[reading.clock as 'disputeWindow' | 'consent'] ?? reading.clock;

  await page.clock.install({ time: new Date(Date.now() + SKEW_MS) });
  expect(await page.evaluate(() => Date.now()) - Date.now()).toBeGreaterThan(SKEW_MS - 60_000);
  await signIn(page, 'reviewer1');
  await openClaim(page, claim.id);

  const clockItem = page.getByRole('region', { name: 'SLA clocks' }).getByRole('listitem').filter({ hasText: label });
  await expect(clockItem).toContainText(/ left/);
  const shownLeft = parseLeft(await clockItem.innerText());
  const trueLeft = reading.dueAt.getTime() - Date.now();
  // Six hours off if the device clock were used; within a minute of the truth with the server's.
  expect(Math.abs(shownLeft - trueLeft)).toBeLessThan(60_000);

  const text = `Checked with a fast clock ${Date.now()}`;
  const comments = page.getByRole('region', { name: 'Comments' });
  await comments.getByLabel(/New comment/).fill(text);
  await comments.getByRole('button', { name: 'Add comment' }).click();
  await expect(comments.getByText(text)).toBeVisible();
  await expect
    .poll(async () => (await serverEvents(claim.id)).find((e) => e.type === 'commented' && JSON.stringify(e).includes(text))?.at ?? null, { timeout: 30_000 })
    .not.toBeNull();
  const event = (await serverEvents(claim.id)).find((e) => e.type === 'commented' && JSON.stringify(e).includes(text))!;
  expect(Math.abs(Date.parse(event.at) - Date.now())).toBeLessThan(120_000);
});
