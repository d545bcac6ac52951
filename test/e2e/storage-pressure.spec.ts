/**
 * Storage pressure in real Chromium: the origin's quota is cut to a little above what the claims
 * take (CDP Storage.overrideQuotaForOrigin), so keeping PoE documents offline runs into IndexedDB's
 * real QuotaExceededError. Cached documents of closed claims are evicted to make room; when that is
 * not enough, caching stops with a clear message and gives the space it held back for the
 * reviewer's work; work done offline is kept and syncs, on the same full device.
 */
import { expect, test, type Page } from '@playwright/test';
import { OPEN_STATUSES } from '../../shared/index';
import { actAsReviewer, allClaims, isSubmittedUnassigned, serverClaim, takeClaim } from './support/api';
import { expectSynced, goOffline, goOnline, openClaim, signIn, syncStatus } from './support/ui';

const DOCUMENTS = /\/documents\//;
/** Room left for PoE documents: a few of the demo's documents (2–30 KB each) fit, not all. */
const HEADROOM = 60_000;
/**
 * Chromium's IndexedDB lets writes use space it learnt of from the quota manager for up to 30 s
 * without asking again (BucketContext::kBucketSpaceCacheTimeLimit); a quota lowered while the
 * database is open takes effect once that allowance has run out.
 */
const QUOTA_ALLOWANCE_MS = 31_000;
/** Documents of closed claims already on the device, as a past session would have left them. */
const OLD_DOCUMENT_BYTES = 20_000;

/** The rows of a store of the workstation's database (the one with a `documents` store), read in the page. */
async function storedRows<T>(page: Page, store: 'documents' | 'outbox' | 'meta'): Promise<T[]> {
  return page.evaluate(async (store) => {
    for (const { name } of await indexedDB.databases()) {
      if (!name?.startsWith('poe-workstation:')) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      try {
        if (!db.objectStoreNames.contains('documents')) continue;
        const request = db.transaction(store).objectStore(store).getAll();
        return await new Promise<T[]>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result as T[]);
          request.onerror = () => reject(request.error);
        });
      } finally {
        db.close();
      }
    }
    throw new Error('no workstation database with a documents store');
  }, store);
}

/** Puts documents in the offline store as a past session would have left them (last opened long ago). */
async function storeOldDocuments(page: Page, hashes: string[], size: number): Promise<void> {
  await page.evaluate(
    async ({ hashes, size }) => {
      for (const { name } of await indexedDB.databases()) {
        if (!name?.startsWith('poe-workstation:')) continue;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        try {
          if (!db.objectStoreNames.contains('documents')) continue;
          const tx = db.transaction('documents', 'readwrite');
          hashes.forEach((sha256, i) => {
            const when = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
            const blob = new Blob([new Uint8Array(size).fill(i + 1)], { type: 'application/pdf' });
            tx.objectStore('documents').put({ sha256, blob, mediaType: 'application/pdf', size, fetchedAt: when, lastOpenedAt: when });
          });
          await new Promise<void>((resolve, reject) => {
            tx.oncomplete = () => resolve();
            tx.onabort = () => reject(tx.error);
          });
          return;
        } finally {
          db.close();
        }
      }
      throw new Error('no workstation database with a documents store');
    },
    { hashes, size },
  );
}

test('storage full while keeping PoE offline: closed claims’ documents go first, then a clear message; offline work is kept and syncs', async ({ context, page }) => {
  test.setTimeout(150_000);
  const claim = await takeClaim(isSubmittedUnassigned);
  await actAsReviewer('reviewer3', [{ type: 'startReview', claimId: claim.id }]);
  // Documents of claims past any decision (sent for evaluation: other tests running meanwhile cannot
  // reopen them), and of no open claim.
  const claims = await allClaims();
  const open = new Set(claims.filter((c) => OPEN_STATUSES.includes(c.status)).flatMap((c) => c.documents.map((d) => d.sha256)));
  const done = claims.filter((c) => c.status === 'sent_for_evaluation').flatMap((c) => c.documents.map((d) => d.sha256));
  const oldDocuments = [...new Set(done)].filter((h) => !open.has(h)).slice(0, 3);
  expect(oldDocuments).toHaveLength(3);

  // Sign in with PoE downloads held back, so the quota can be set just above what the claims take.
  await context.route(DOCUMENTS, (route) => route.abort('internetdisconnected'));
  await signIn(page, 'reviewer3');
  await storeOldDocuments(page, oldDocuments, OLD_DOCUMENT_BYTES);

  const origin = new URL(page.url()).origin;
  const cdp = await context.newCDPSession(page);
  const { usage = 0 } = await page.evaluate(() => navigator.storage.estimate());
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: usage + HEADROOM });
  try {
    await page.waitForTimeout(QUOTA_ALLOWANCE_MS);
    await context.unroute(DOCUMENTS);
    // A sync that goes through retries the documents that could not be fetched.
    await page.getByRole('button', { name: 'Sync now' }).click();

    const message = page.getByRole('alert').filter({ hasText: 'Not enough disk space to keep more PoE documents offline' });
    await expect(message).toBeVisible({ timeout: 30_000 });
    await expect(message).toContainText('Your work and unsynced actions are safe.');
    // How many fit depends on what the database itself took meanwhile (a sync that ran short of
    // room first takes the reserve and the old documents: makeRoomForWork); the message says it.
    const kept = (await storedRows<{ sha256: string }>(page, 'documents')).map((d) => d.sha256);
    await expect(message).toContainText(`${kept.length} document`);
    // The closed claims' documents made room before caching gave up.
    expect(kept.filter((h) => oldDocuments.includes(h))).toEqual([]);
    await expect(page.getByRole('status', { name: 'Available offline' })).toContainText(/PoE documents offline: \d+ of \d+/);
    expect((await storedRows<{ key: string }>(page, 'meta')).map((row) => row.key)).not.toContain('storageReserve');

    // Work done offline on the full device is kept in the outbox and reaches the server later.
    await goOffline(context);
    await openClaim(page, claim.id);
    const text = 'Written offline while the disk was full.';
    const comments = page.getByRole('region', { name: 'Comments' });
    await comments.getByLabel('New comment to the partner').fill(text);
    await comments.getByRole('button', { name: 'Add comment' }).click();
    await expect(syncStatus(page)).toContainText('1 pending');
    const outbox = await storedRows<{ args: { text?: string } }>(page, 'outbox');
    expect(outbox.map((m) => m.args.text)).toEqual([text]);
    await expect(message).toBeVisible();

    // Still the tiny quota: the sync writes the server's answer into the room given back.
    await goOnline(context, page);
    await expectSynced(page);
    expect((await serverClaim(claim.id)).comments.filter((c) => c.text === text)).toHaveLength(1);
  } finally {
    await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  }
});
