import { describe, expect, it } from 'vitest';
import type { Claim } from '../domain/model';
import { monthsBefore, prescreen, type PageText } from './analyze';

const SHA = 'c'.repeat(64);
const claim: Pick<Claim, 'products' | 'customer'> = {
  products: [
    { productId: 'd365_sales', family: 'business_applications' },
    { productId: 'power_bi', family: 'business_applications' },
  ],
  customer: { tenantId: '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f', name: 'Fabrikam Ltd', domain: 'fabrikam.example' },
};

/** One text item per line, stacked down the page. */
function page(n: number, lines: string[]): PageText {
  return { page: n, items: lines.map((str, i) => ({ str, rect: { x: 72, y: 720 - i * 14, width: str.length * 5, height: 12 } })) };
}

const run = (pages: PageText[], extra: Partial<Parameters<typeof prescreen>[0]> = {}) =>
  prescreen({ sha256: SHA, pages, fields: [], claim, submittedAt: new Date('2026-11-02T17:00:00Z'), maxAgeMonths: 12, ...extra });

const byItem = (findings: ReturnType<typeof run>, item: string) => findings.filter((f) => f.item === item);

describe('prescreen', () => {
  it('suggests passes with page and region for a complete statement of work', () => {
    const findings = run([
      page(1, ['Statement of Work', 'Customer: Fabrikam Ltd', 'Scope: Dynamics 365 Sales rollout']),
      page(2, ['Reporting with Power BI', 'Accepted by: Ren Sato', 'Signature: ____', 'Date: October 1, 2026']),
    ]);
    expect(byItem(findings, 'date')).toEqual([expect.objectContaining({ kind: 'dated', suggestion: 'pass', page: 2, text: 'October 1, 2026' })]);
    expect(byItem(findings, 'product:d365_sales')[0]).toMatchObject({ kind: 'product_named', page: 1, text: 'Dynamics 365 Sales' });
    expect(byItem(findings, 'product:power_bi')[0]).toMatchObject({ kind: 'product_named', page: 2 });
    expect(byItem(findings, 'poe_present')[0]).toMatchObject({ kind: 'customer_named', suggestion: 'pass' });
    expect(byItem(findings, 'customer_verification')[0]).toMatchObject({ kind: 'signature_block', suggestion: 'check', page: 2 });
    const date = byItem(findings, 'date')[0]!;
    expect(date.rects).toEqual([{ x: 72, y: 720 - 3 * 14, width: 'Date: October 1, 2026'.length * 5, height: 12 }]);
  });

  it('flags the newest date as stale when older than 12 months before submission', () => {
    const stale = run([page(1, ['Fabrikam Ltd', 'Dynamics 365 Sales', 'Signed 2025/10/01', 'Kick-off 2024/01/15'])]);
    expect(byItem(stale, 'date')[0]).toMatchObject({ kind: 'stale_date', suggestion: 'fail', text: '2025/10/01' });
    const edge = run([page(1, ['Signed 2025/11/02'])]);
    expect(byItem(edge, 'date')[0]).toMatchObject({ kind: 'dated' });
    const shorter = run([page(1, ['Signed 2026/06/01'])], { maxAgeMonths: 3 });
    expect(byItem(shorter, 'date')[0]).toMatchObject({ kind: 'stale_date' });
  });

  it('fails what is missing: no date, an unnamed product, no signature', () => {
    const findings = run([page(1, ['Cafeteria menu', 'Monday: soup'])]);
    expect(byItem(findings, 'date')[0]).toMatchObject({ kind: 'no_date', suggestion: 'fail' });
    expect(byItem(findings, 'product:d365_sales')[0]).toMatchObject({ kind: 'product_missing', suggestion: 'fail' });
    expect(byItem(findings, 'poe_present')[0]).toMatchObject({ kind: 'customer_missing', suggestion: 'check' });
    expect(byItem(findings, 'customer_verification')[0]).toMatchObject({ kind: 'no_signature', suggestion: 'fail' });
  });

  it('matches aliases and spacing, but not inside other words', () => {
    const findings = run([page(1, ['We deployed PowerBI and D365 Sales for fabrikam.example'])]);
    expect(byItem(findings, 'product:power_bi')[0]).toMatchObject({ kind: 'product_named', text: 'PowerBI' });
    expect(byItem(findings, 'product:d365_sales')[0]).toMatchObject({ kind: 'product_named' });
    expect(byItem(findings, 'poe_present')[0]).toMatchObject({ kind: 'customer_named', text: 'fabrikam.example' });
    const teams = prescreen({ sha256: SHA, pages: [page(1, ['Steams of work'])], fields: [], claim: { ...claim, products: [{ productId: 'teams', family: 'microsoft_365' }] }, submittedAt: null, maxAgeMonths: 12 });
    expect(byItem(teams, 'product:teams')[0]).toMatchObject({ kind: 'product_missing' });
  });

  it('reads Japanese documents, full-width digits included', () => {
    const jp = prescreen({
      sha256: SHA,
      pages: [page(1, ['検収書', '株式会社サンプル商事 御中', 'Microsoft Teams 導入作業', '検収日 ２０２６年１０月１日', '署名'])],
      fields: [],
      claim: { products: [{ productId: 'teams', family: 'microsoft_365' }], customer: { ...claim.customer, name: '株式会社サンプル商事', domain: 'sample.co.jp' } },
      submittedAt: new Date('2026-11-02T00:00:00Z'),
      maxAgeMonths: 12,
    });
    expect(byItem(jp, 'date')[0]).toMatchObject({ kind: 'dated', detail: 'dated 2026-10-01' });
    expect(byItem(jp, 'poe_present')[0]).toMatchObject({ kind: 'customer_named' });
    expect(byItem(jp, 'customer_verification')[0]).toMatchObject({ kind: 'signature_block', text: '署名' });
  });

  it('prefers a signed signature field, and says so for an empty one', () => {
    const rect = { x: 400, y: 100, width: 150, height: 40 };
    const signed = run([page(1, ['Fabrikam Ltd'])], { fields: [{ page: 1, rect, kind: 'signature', name: 'CustomerSig', signed: true }] });
    expect(byItem(signed, 'customer_verification')[0]).toMatchObject({ kind: 'signature_field', suggestion: 'pass', rects: [rect] });
    const empty = run([page(1, ['Fabrikam Ltd'])], { fields: [{ page: 1, rect, kind: 'signature', name: 'CustomerSig', signed: false }] });
    expect(byItem(empty, 'customer_verification')[0]).toMatchObject({ kind: 'unsigned_block', suggestion: 'check' });
  });

  it('reports image-only pages as "no text: check by eye" and draws no other conclusion from them', () => {
    const findings = run([{ page: 1, items: [] }, { page: 2, items: [{ str: '   ', rect: { x: 0, y: 0, width: 1, height: 1 } }] }]);
    expect(findings.filter((f) => f.kind === 'no_text').map((f) => f.page)).toEqual([1, 2]);
    expect(byItem(findings, 'date')).toEqual([]);
    expect(byItem(findings, 'customer_verification')).toEqual([]);
  });
});

describe('monthsBefore', () => {
  it('clamps to month ends', () => {
    expect(monthsBefore(new Date('2026-03-31T00:00:00Z'), 1)).toBe('2026-02-28');
    expect(monthsBefore(new Date('2026-11-02T00:00:00Z'), 12)).toBe('2025-11-02');
    expect(monthsBefore(new Date('2026-01-15T00:00:00Z'), 13)).toBe('2024-12-15');
  });
});
