/**
 * How good the pre-screen is, measured: the demo PoE generator knows what each document lacks
 * (its variant's deficiencies), so each finding type gets a precision and recall over every kind ×
 * variant × language, and the test enforces floors.
 */
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { prescreen, type Finding } from '../../shared/index';
import { extractForPrescreen, type PdfDocumentLike } from '../../renderer/src/prescreen/extract';
import { DEMO_CUSTOMERS, DEMO_PARTNERS } from '../../server/src/demo/data';
import { KIND_VARIANTS, type PoeKind, type PoeVariant } from '../../server/src/demo/poe-context';
import { generatePoePdf } from '../../server/src/demo/poe-pdfs';

const STANDARD_FONTS = path.join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
const SUBMITTED = new Date('2026-11-02T17:00:00Z');

type Case = { kind: PoeKind; variant: PoeVariant; language: 'en' | 'ja'; findings: Finding[]; products: string[] };

/** A finding type: what the pre-screen predicts and what the generator says is true. */
const TYPES: Record<string, { predicted: (c: Case) => boolean; truth: (c: Case) => boolean; scored?: (c: Case) => boolean; floor: { precision: number; recall: number } }> = {
  'date missing or stale': {
    predicted: (c) => c.findings.some((f) => f.item === 'date' && f.suggestion === 'fail'),
    truth: (c) => c.variant === 'undated' || c.variant === 'stale',
    // An unrelated document fails "PoE present" first; what it says about dates is not scored.
    scored: (c) => c.variant !== 'unrelated',
    floor: { precision: 0.9, recall: 0.95 },
  },
  'product not named': {
    predicted: (c) => c.findings.some((f) => f.kind === 'product_missing'),
    truth: (c) => c.variant === 'no_product' || c.variant === 'unrelated',
    floor: { precision: 0.95, recall: 0.95 },
  },
  'no customer verification': {
    predicted: (c) => c.findings.some((f) => f.item === 'customer_verification' && f.suggestion === 'fail'),
    truth: (c) => c.variant === 'unsigned',
    scored: (c) => c.variant !== 'unrelated',
    floor: { precision: 0.9, recall: 0.9 },
  },
};

async function screenCase(kind: PoeKind, variant: PoeVariant, language: 'en' | 'ja', seed: number): Promise<Case> {
  const customer = DEMO_CUSTOMERS.filter((c) => c.language === language)[seed % 2] ?? DEMO_CUSTOMERS[0]!;
  const partner = DEMO_PARTNERS[seed % DEMO_PARTNERS.length]!;
  const products = seed % 2 ? ['d365_sales', 'power_bi'] : ['teams'];
  const documentDate = variant === 'stale' ? new Date('2025-03-10T17:00:00Z') : new Date('2026-10-01T17:00:00Z');
  const { bytes } = await generatePoePdf({ seed, kind, variant, language, partner, customer, products, documentDate, pages: 2 });
  const doc = (await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise) as unknown as PdfDocumentLike;
  const { pages, fields } = await extractForPrescreen(doc, bytes);
  const findings = prescreen({
    sha256: 'e'.repeat(64),
    pages,
    fields,
    claim: { products: products.map((productId) => ({ productId, family: 'business_applications' })), customer: { tenantId: customer.tenantId, name: customer.name, domain: customer.domain } },
    submittedAt: SUBMITTED,
    maxAgeMonths: 12,
  });
  return { kind, variant, language, findings, products };
}

describe('pre-screen accuracy on the generated demo PoE set', () => {
  it('meets the precision and recall floors of each finding type', async () => {
    const cases: Case[] = [];
    for (const [kind, variants] of Object.entries(KIND_VARIANTS) as [PoeKind, readonly PoeVariant[]][]) {
      for (const variant of variants) {
        for (const language of ['en', 'ja'] as const) {
          for (const seed of [1, 2]) cases.push(await screenCase(kind, variant, language, seed));
        }
      }
    }
    const rows: string[] = [];
    const misses: string[] = [];
    for (const [name, type] of Object.entries(TYPES)) {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      for (const c of cases.filter((x) => type.scored?.(x) ?? true)) {
        const p = type.predicted(c);
        const t = type.truth(c);
        if (p && t) tp++;
        else if (p) {
          fp++;
          misses.push(`false positive ${name}: ${c.kind}/${c.variant}/${c.language}`);
        } else if (t) {
          fn++;
          misses.push(`missed ${name}: ${c.kind}/${c.variant}/${c.language}`);
        }
      }
      const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
      const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
      rows.push(`${name.padEnd(26)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`);
      expect.soft(precision, `${name} precision`).toBeGreaterThanOrEqual(type.floor.precision);
      expect.soft(recall, `${name} recall`).toBeGreaterThanOrEqual(type.floor.recall);
    }
    console.log(`pre-screen on ${cases.length} generated documents:\n${rows.join('\n')}${misses.length ? `\n${misses.join('\n')}` : ''}`);
  }, 180_000);
});
