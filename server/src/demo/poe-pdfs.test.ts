import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../../shared/index';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from './data';
import { generatePoePdf, KIND_VARIANTS, PDF_PRODUCER, POE_KINDS, type PoeSpec } from './poe-pdfs';

const fabrikam = DEMO_CUSTOMERS.find((c) => c.name === 'Fabrikam, Inc.')!;
const sample = DEMO_CUSTOMERS.find((c) => c.name === '株式会社サンプル商事')!;
const contoso = DEMO_PARTNERS.find((p) => p.name === 'Contoso Consulting')!;
const nihon = DEMO_PARTNERS.find((p) => p.language === 'ja')!;
const DATE = new Date('2026-10-01T17:30:00Z');

function spec(overrides: Partial<PoeSpec>): PoeSpec {
  return {
    seed: 7,
    kind: 'statement_of_work',
    variant: 'complete',
    language: 'en',
    partner: contoso,
    customer: fabrikam,
    products: ['d365_sales', 'power_bi'],
    documentDate: DATE,
    pages: 3,
    ...overrides,
  };
}

/** Text of each page as pdf.js extracts it (what the renderer's text layer and search see). */
async function extract(bytes: Uint8Array): Promise<{ pages: string[]; info: Record<string, unknown> }> {
  const pdf = await getDocument({ data: bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, info: info as Record<string, unknown> };
}

const DATE_PATTERNS = [
  /\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}\b/,
  /\b\d{4}\/\d{2}\/\d{2}\b/,
  /\b\d{2}\/\d{2}\/\d{4}\b/,
  /\d{4}年\d{1,2}月\d{1,2}日/,
  /令和\d+年/,
];

describe('PoE PDFs', () => {
  it('a signed statement of work names the customer, the partner, every product, the signatory and the date, on the pages asked for', async () => {
    for (const pages of [2, 4, 6]) {
      const doc = await generatePoePdf(spec({ pages }));
      const { pages: text, info } = await extract(doc.bytes);
      expect(text).toHaveLength(pages);
      expect(doc.pages).toBe(pages);
      const all = text.join('\n');
      for (const needle of ['Statement of Work', 'Fabrikam, Inc.', 'Contoso Consulting', 'Dynamics 365 Sales', 'Power BI', 'Partner ID 4102387']) expect(all).toContain(needle);
      const last = text.at(-1)!;
      expect(last).toMatch(/Date: October 1, 2026/);
      expect(fabrikam.signatories.some((s) => last.includes(`Name: ${s.name}`))).toBe(true);
      expect(info.Producer).toBe(PDF_PRODUCER);
      expect(doc.regions.signature?.page).toBe(pages);
      expect(doc.deficiencies).toEqual([]);
    }
  });

  it('is byte-identical for the same spec, and different for another seed', async () => {
    const a = await generatePoePdf(spec({ kind: 'deployment_report', pages: 4 }));
    const b = await generatePoePdf(spec({ kind: 'deployment_report', pages: 4 }));
    const c = await generatePoePdf(spec({ kind: 'deployment_report', pages: 4, seed: 8 }));
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    expect(Buffer.from(a.bytes).equals(Buffer.from(c.bytes))).toBe(false);
    const ja1 = await generatePoePdf(spec({ language: 'ja', customer: sample, partner: nihon, kind: 'acceptance_certificate' }));
    const ja2 = await generatePoePdf(spec({ language: 'ja', customer: sample, partner: nihon, kind: 'acceptance_certificate' }));
    expect(Buffer.from(ja1.bytes).equals(Buffer.from(ja2.bytes))).toBe(true);
  });

  it('Japanese documents carry extractable Japanese text: 署名, the customer, the products and a Japanese date', async () => {
    for (const kind of ['acceptance_certificate', 'deployment_report', 'invoice', 'acceptance_email'] as const) {
      const doc = await generatePoePdf(spec({ language: 'ja', customer: sample, partner: nihon, kind, seed: 10 }));
      const all = (await extract(doc.bytes)).pages.join('\n');
      expect(doc.language).toBe('ja');
      expect(all).toContain('株式会社サンプル商事');
      expect(all).toContain('Dynamics 365 Sales');
      if (kind !== 'acceptance_email') expect(all).toContain('署名');
      expect(all).toMatch(/2026年10月[12]日|令和8年10月[12]日|2026\/10\/0[12]/);
      expect(all).toContain('日本クラウドソリューションズ株式会社');
    }
  });

  it('an English document for a Japanese customer draws the Japanese name with the embedded font', async () => {
    const doc = await generatePoePdf(spec({ customer: sample, kind: 'acceptance_certificate' }));
    const all = (await extract(doc.bytes)).pages.join('\n');
    expect(all).toContain('株式会社サンプル商事');
    expect(all).toContain('Sample Shoji Co., Ltd.');
  });

  it('an unrelated document names no product and reads as something else', async () => {
    for (const [language, seed] of [['en', 2], ['en', 3], ['ja', 4]] as const) {
      const customer = language === 'ja' ? sample : fabrikam;
      const doc = await generatePoePdf(spec({ kind: 'unrelated', variant: 'unrelated', language, customer, seed }));
      const all = (await extract(doc.bytes)).pages.join('\n');
      for (const product of PRODUCTS) expect(all).not.toContain(product.name);
      expect(all).toMatch(/menu|Cafe|digital transformation|メニュー/i);
      expect(doc.deficiencies).toEqual(['missing_poe']);
    }
  });

  it('deficient variants leave out exactly what they claim to', async () => {
    const text = async (s: Partial<PoeSpec>) => (await extract((await generatePoePdf(spec(s))).bytes)).pages.join('\n');

    const noProduct = await text({ variant: 'no_product', kind: 'deployment_report' });
    for (const product of PRODUCTS) expect(noProduct).not.toContain(product.name);
    expect(noProduct).toContain('Fabrikam, Inc.');

    for (const kind of ['statement_of_work', 'acceptance_certificate', 'deployment_report'] as const) {
      const undated = await text({ variant: 'undated', kind });
      for (const pattern of DATE_PATTERNS) expect(undated).not.toMatch(pattern);
      const unsigned = await text({ variant: 'unsigned', kind });
      // The customer's signature column is empty (the sponsor may still be named elsewhere in the text).
      for (const s of fabrikam.signatories) expect(unsigned).not.toContain(`Name: ${s.name}`);
      expect(unsigned).toMatch(/Name: Title: Date: _+/);
    }
    const undatedJa = await text({ variant: 'undated', kind: 'acceptance_certificate', language: 'ja', customer: sample, partner: nihon });
    for (const pattern of DATE_PATTERNS) expect(undatedJa).not.toMatch(pattern);
    expect(undatedJa).toContain('署名');

    const stale = await text({ variant: 'stale', kind: 'acceptance_certificate', documentDate: new Date('2025-03-02T18:00:00Z') });
    expect(stale).toContain('March 2, 2025');

    const vague = await text({ variant: 'no_solution', kind: 'acceptance_email' });
    expect(vague).toContain('Dynamics 365 Sales');
    expect(vague).not.toContain('configured');
  });

  it('every kind and variant renders in both languages with the page count it reports', async () => {
    for (const language of ['en', 'ja'] as const) {
      for (const kind of POE_KINDS) {
        for (const variant of KIND_VARIANTS[kind]) {
          const doc = await generatePoePdf(spec({ kind, variant, language, pages: 6, customer: language === 'ja' ? sample : fabrikam, partner: language === 'ja' ? nihon : contoso }));
          const pdf = await getDocument({ data: doc.bytes.slice(), isEvalSupported: false, verbosity: 0 }).promise;
          expect(pdf.numPages, `${language} ${kind} ${variant}`).toBe(doc.pages);
          await pdf.destroy();
          expect(doc.bytes.length).toBeLessThan(80_000);
        }
      }
    }
  });
});
