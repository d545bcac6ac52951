/**
 * The pre-screen on real PDFs read by pdf.js: the demo PoE generator's variants (each with a known
 * deficiency) and the pdf.js corpus (a real digital signature, an image-only scan).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { prescreen, type Finding } from '../../shared/index';
import { extractForPrescreen, type PdfDocumentLike } from '../../renderer/src/prescreen/extract';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from '../../server/src/demo/data';
import { generatePoePdf } from '../../server/src/demo/poe-pdfs';
import type { PoeKind, PoeVariant } from '../../server/src/demo/poe-context';

const CORPUS = process.env.POE_PDF_CORPUS ?? path.join(import.meta.dirname, '../../server/test-fixtures/pdfs');
const SUBMITTED = new Date('2026-11-02T17:00:00Z');
const STANDARD_FONTS = path.join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');

async function screen(bytes: Uint8Array, claimProducts: string[], customer = DEMO_CUSTOMERS[0]!): Promise<Finding[]> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy.
  const doc = (await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise) as unknown as PdfDocumentLike;
  const { pages, fields } = await extractForPrescreen(doc, bytes);
  return prescreen({
    sha256: 'd'.repeat(64),
    pages,
    fields,
    claim: { products: claimProducts.map((productId) => ({ productId, family: 'business_applications' })), customer: { tenantId: customer.tenantId, name: customer.name, domain: customer.domain } },
    submittedAt: SUBMITTED,
    maxAgeMonths: 12,
  });
}

async function demoDoc(kind: PoeKind, variant: PoeVariant, language: 'en' | 'ja' = 'en', documentDate = new Date('2026-10-01T17:00:00Z')) {
  const customer = language === 'ja' ? DEMO_CUSTOMERS.find((c) => c.language === 'ja')! : DEMO_CUSTOMERS[0]!;
  const generated = await generatePoePdf({ seed: 11, kind, variant, language, partner: DEMO_PARTNERS[0]!, customer, products: ['d365_sales', 'power_bi'], documentDate, pages: 2 });
  return { bytes: generated.bytes, customer };
}

const kindOf = (findings: Finding[], item: string) => findings.find((f) => f.item === item)?.kind;

describe('pre-screen on generated PoE', () => {
  it('a complete statement of work: dated, both products and the customer named, a signature block', async () => {
    const { bytes, customer } = await demoDoc('statement_of_work', 'complete');
    const findings = await screen(bytes, ['d365_sales', 'power_bi'], customer);
    expect(kindOf(findings, 'date')).toBe('dated');
    expect(kindOf(findings, 'product:d365_sales')).toBe('product_named');
    expect(kindOf(findings, 'product:power_bi')).toBe('product_named');
    expect(kindOf(findings, 'poe_present')).toBe('customer_named');
    expect(kindOf(findings, 'customer_verification')).toBe('signature_block');
    const named = findings.find((f) => f.item === 'product:d365_sales')!;
    expect(named.page).toBeGreaterThanOrEqual(1);
    expect(named.rects?.length).toBeGreaterThan(0);
  }, 30_000);

  it('flags the deficient variants', async () => {
    const stale = await demoDoc('acceptance_email', 'stale', 'en', new Date('2025-06-01T17:00:00Z'));
    expect(kindOf(await screen(stale.bytes, ['d365_sales'], stale.customer), 'date')).toBe('stale_date');
    const noProduct = await demoDoc('deployment_report', 'no_product');
    expect(kindOf(await screen(noProduct.bytes, ['d365_sales'], noProduct.customer), 'product:d365_sales')).toBe('product_missing');
    const unrelated = await demoDoc('unrelated', 'unrelated');
    const u = await screen(unrelated.bytes, ['d365_sales', 'power_bi'], unrelated.customer);
    expect(kindOf(u, 'product:d365_sales')).toBe('product_missing');
    expect(kindOf(u, 'product:power_bi')).toBe('product_missing');
  }, 60_000);

  it('reads a Japanese acceptance certificate', async () => {
    const { bytes, customer } = await demoDoc('acceptance_certificate', 'complete', 'ja');
    const findings = await screen(bytes, ['d365_sales'], customer);
    expect(kindOf(findings, 'date')).toBe('dated');
    expect(kindOf(findings, 'poe_present')).toBe('customer_named');
    expect(findings.find((f) => f.item === 'customer_verification')?.kind).toMatch(/signature/);
  }, 30_000);
});

describe('pre-screen on the pdf.js corpus', () => {
  it('finds the digital signature of signed_verified.pdf', async () => {
    const bytes = new Uint8Array(await readFile(path.join(CORPUS, 'signed_verified.pdf')));
    const findings = await screen(bytes, ['d365_sales']);
    expect(findings.find((f) => f.item === 'customer_verification')).toMatchObject({ kind: 'signature_field', suggestion: 'pass' });
  });

  it('reports the image-only pages of a scan as "no text"', async () => {
    const bytes = new Uint8Array(await readFile(path.join(CORPUS, 'cmykjpeg.pdf')));
    const findings = await screen(bytes, ['d365_sales']);
    expect(findings.some((f) => f.kind === 'no_text')).toBe(true);
  });
});
