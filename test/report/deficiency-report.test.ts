/** The deficiency report, built from a real claim history and real PDFs, read back with pdf.js. */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { CommandInput } from '../../shared/index';
import { actors, apply, createCommand } from '../../shared/testing/fixtures';
import { buildDeficiencyReport } from '../../renderer/src/report/deficiencyReport';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from '../../server/src/demo/data';
import { generatePoePdf } from '../../server/src/demo/poe-pdfs';

const STANDARD_FONTS = path.join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
const CORPUS = path.join(import.meta.dirname, '../../server/test-fixtures/pdfs');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const at = (h: number) => new Date(Date.parse('2026-11-02T17:00:00Z') + h * 3_600_000);

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const out: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) out.push(((await (await doc.getPage(n)).getTextContent()).items as { str: string }[]).map((i) => i.str).join(' '));
  return out;
}

describe('deficiency report', () => {
  it('has a cover with the checklist and numbered annotations, then the PoE pages with the marks drawn', async () => {
    const poe = await generatePoePdf({ seed: 5, kind: 'statement_of_work', variant: 'unsigned', language: 'en', partner: DEMO_PARTNERS[0]!, customer: DEMO_CUSTOMERS[0]!, products: ['d365_sales'], documentDate: new Date('2026-10-01T17:00:00Z'), pages: 2 });
    const locked = new Uint8Array(await readFile(path.join(CORPUS, 'issue6010_1.pdf')));
    const doc = (bytes: Uint8Array, fileName: string, pages: number) => ({ sha256: sha(bytes), fileName, mediaType: 'application/pdf' as const, size: bytes.length, pages, uploadedBy: 'partner-1', uploadedAt: '2026-11-01T00:00:00.000Z' });
    const create = { ...(createCommand('claim-report', ['d365_sales']) as Extract<CommandInput, { type: 'create' }>), documents: [doc(poe.bytes, 'SOW.pdf', poe.pages), doc(locked, 'locked.pdf', 1)] };
    let claim = apply(null, create, actors.partner, at(0)).claim;
    claim = apply(claim, { type: 'submit', claimId: claim.id }, actors.partner, at(1)).claim;
    claim = apply(claim, { type: 'startReview', claimId: claim.id }, actors.reviewer, at(2)).claim;
    claim = apply(claim, { type: 'setChecklistItem', claimId: claim.id, item: 'customer_verification', result: 'fail', note: 'Customer signature line is empty — 署名なし' }, actors.reviewer, at(3)).claim;
    claim = apply(claim, { type: 'setChecklistItem', claimId: claim.id, item: 'product:d365_sales', result: 'pass' }, actors.reviewer, at(3)).claim;
    const rect = { x: 72, y: 200, width: 220, height: 60 };
    claim = apply(claim, { type: 'annotate', claimId: claim.id, annotationId: 'a1', sha256: sha(poe.bytes), page: 2, rect, code: 'missing_customer_verification', note: 'Unsigned' }, actors.reviewer, at(4)).claim;
    claim = apply(claim, { type: 'annotate', claimId: claim.id, annotationId: 'a2', sha256: sha(poe.bytes), page: 1, rect: { x: 72, y: 600, width: 100, height: 20 }, note: 'Scope OK' }, actors.reviewer, at(4)).claim;

    const cjkFont = new Uint8Array(await readFile(path.join(import.meta.dirname, '../../resources/fonts/PoEDemoSansJP-Regular.ttf')));
    const report = await buildDeficiencyReport({
      claim,
      documents: [
        { sha256: sha(poe.bytes), fileName: 'SOW.pdf', mediaType: 'application/pdf', bytes: poe.bytes },
        { sha256: sha(locked), fileName: 'locked.pdf', mediaType: 'application/pdf', bytes: locked },
      ],
      generatedAt: at(5),
      generatedBy: 'reviewer-1',
      cjkFont,
    });
    const texts = await pageTexts(report);
    expect(texts).toHaveLength(1 + poe.pages);
    const cover = texts[0]!;
    expect(cover).toContain('claim-report');
    expect(cover).toContain('FAIL');
    expect(cover).toContain('Customer verification');
    expect(cover).toContain('署名なし');
    expect(cover).toContain('[1] SOW.pdf, page 2');
    expect(cover).toContain('[2] SOW.pdf, page 1');
    expect(cover).toContain('Not included (not available offline or unreadable): locked.pdf');
    // The marks are drawn on the pages they were made on: reopening the file shows them.
    expect(texts[1]).toContain('[2]');
    expect(texts[2]).toContain('[1]');
    expect(texts[2]).not.toContain('[2]');
  }, 30_000);

  it('works without a CJK font, replacing what Helvetica cannot draw', async () => {
    let claim = apply(null, { ...(createCommand('claim-plain') as Extract<CommandInput, { type: 'create' }>), customer: { tenantId: actors.customer.tenantId, name: '株式会社サンプル商事', domain: 'sample.co.jp' } }, actors.partner, at(0)).claim;
    claim = apply(claim, { type: 'submit', claimId: claim.id }, actors.partner, at(1)).claim;
    const report = await buildDeficiencyReport({ claim, documents: [], generatedAt: at(2), generatedBy: 'reviewer-1' });
    const [cover] = await pageTexts(report);
    expect(cover).toContain('??????????');
    expect(cover).toContain('Not included (not available offline or unreadable): poe-aaaaaa.pdf');
  });
});
