/**
 * PoE files for viewer tests: a partner files a submitted claim with uploaded files through the
 * partner API, and a test can put other bytes into the workstation's offline store under a claim
 * document's hash (POST /documents refuses damaged, protected and hostile files by design; the
 * viewer and pre-screen read the offline store, so that is where such files are put).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from '../../../server/src/demo/data';
import { BASE_URL, tokenOf } from './api';

const partner = DEMO_PARTNERS[0]!;
const customer = DEMO_CUSTOMERS[0]!;

export type Upload = { bytes: Uint8Array; fileName: string; mediaType: 'application/pdf' | 'image/png' };

async function post(path: string, token: string, body: Uint8Array | object, headers: Record<string, string> = {}): Promise<void> {
  const bytes = body instanceof Uint8Array;
  const response = await fetch(new URL(path, BASE_URL), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(bytes ? {} : { 'content-type': 'application/json' }), ...headers },
    body: bytes ? Buffer.from(body) : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
}

/** A small ordinary PDF, unique per call (so its sha256 is the test's own). */
export async function placeholderPdf(label: string): Promise<Upload> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  pdf.addPage([612, 792]).drawText(`Placeholder ${label} ${randomUUID()}`, { x: 72, y: 700, size: 14, font });
  return { bytes: await pdf.save(), fileName: `${label}.pdf`, mediaType: 'application/pdf' };
}

/** The partner uploads the files and files a submitted claim with them; returns its id and the documents' hashes. */
export async function fileClaim(uploads: Upload[], idPrefix = 'E2E-VIEWER'): Promise<{ claimId: string; hashes: string[] }> {
  const token = await tokenOf(partner.username);
  const hashes: string[] = [];
  for (const u of uploads) {
    await post('/documents', token, u.bytes, { 'content-type': u.mediaType, 'x-file-name': encodeURIComponent(u.fileName) });
    hashes.push(createHash('sha256').update(u.bytes).digest('hex'));
  }
  const claimId = `${idPrefix}-${randomUUID().slice(0, 8).toUpperCase()}`;
  await post('/partner/claims', token, {
    claimId,
    partner: { partnerId: partner.partnerId, name: partner.name, contact: { name: partner.contact.name, email: partner.contact.email } },
    customer: { tenantId: customer.tenantId, name: customer.name, domain: customer.domain },
    products: ['d365_sales'],
    documents: hashes.map((sha256, i) => ({ sha256, fileName: uploads[i]!.fileName })),
  });
  await post(`/partner/claims/${claimId}/submit`, token, {});
  return { claimId, hashes };
}

/** Puts `bytes` in this browser's offline store as the document `sha256`. */
export async function storeOffline(page: Page, sha256: string, bytes: Uint8Array): Promise<void> {
  await page.evaluate(
    async ({ sha256, base64 }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const open = (name: string) =>
        new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name);
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      // The workstation's database is the one with the `documents` store (there are others, e.g. for notifications).
      let db: IDBDatabase | null = null;
      for (const { name } of await indexedDB.databases()) {
        if (!name?.startsWith('poe-workstation:')) continue;
        const candidate = await open(name);
        if (candidate.objectStoreNames.contains('documents')) db = candidate;
        else candidate.close();
      }
      if (!db) throw new Error('no workstation database with a documents store');
      const now = new Date().toISOString();
      await new Promise<void>((resolve, reject) => {
        const tx = db!.transaction('documents', 'readwrite');
        tx.objectStore('documents').put({ sha256, blob: new Blob([data], { type: 'application/pdf' }), mediaType: 'application/pdf', size: data.length, fetchedAt: now, lastOpenedAt: now });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { sha256, base64: Buffer.from(bytes).toString('base64') },
  );
}
