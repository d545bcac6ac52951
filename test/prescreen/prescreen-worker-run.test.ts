/** The worker's run on real generated PoE, with the Node build of pdf.js. */
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from '../../server/src/demo/data';
import { generatePoePdf } from '../../server/src/demo/poe-pdfs';
import { runPrescreen, type GetDocument, type PrescreenRequest } from '../../renderer/src/review/prescreenRun';

const STANDARD_FONTS = path.join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
const customer = DEMO_CUSTOMERS[0]!;

function request(bytes: Uint8Array): PrescreenRequest {
  return {
    kind: 'prescreen',
    id: 7,
    sha256: 'c'.repeat(64),
    bytes: bytes.slice().buffer,
    claim: { products: [{ productId: 'd365_sales', family: 'business_applications' }], customer: { tenantId: customer.tenantId, name: customer.name, domain: customer.domain } },
    submittedAt: '2026-11-02T17:00:00.000Z',
    maxAgeMonths: 12,
  };
}

describe('pre-screen run', () => {
  it('an unsigned statement of work: the empty signature block is a suggested fail, with its page and region', async () => {
    const doc = await generatePoePdf({ seed: 3, kind: 'statement_of_work', variant: 'unsigned', language: 'en', partner: DEMO_PARTNERS[0]!, customer, products: ['d365_sales'], documentDate: new Date('2026-10-01T17:00:00Z'), pages: 2 });
    const response = await runPrescreen(getDocument as unknown as GetDocument, request(doc.bytes), { standardFontDataUrl: STANDARD_FONTS });
    expect(response).toMatchObject({ kind: 'prescreen-result', id: 7, ok: true, pages: doc.pages });
    if (!response.ok) throw new Error(response.error);
    const verification = response.findings.find((f) => f.item === 'customer_verification');
    expect(verification).toMatchObject({ kind: 'unsigned_block', suggestion: 'fail' });
    expect(verification?.page).toBeGreaterThanOrEqual(1);
    expect(verification?.rects?.length).toBeGreaterThan(0);
    expect(response.findings.find((f) => f.item === 'product:d365_sales')?.suggestion).toBe('pass');
  }, 30_000);

  it('a file pdf.js cannot read answers with an error, not a crash', async () => {
    const response = await runPrescreen(getDocument as unknown as GetDocument, request(new TextEncoder().encode('%PDF-1.7 not really')));
    expect(response).toMatchObject({ ok: false, id: 7 });
  });
});
