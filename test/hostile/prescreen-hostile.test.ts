/**
 * The pre-screen on hostile inputs (test/hostile/mutations.ts), through the same run the Web Worker
 * does (`runPrescreen`: pdf.js opens the file, text and signature fields are extracted, the shared
 * `prescreen` judges them), with the Node build of pdf.js. Every input answers — findings, or an
 * error the panel shows — within a bound, never an exception; huge page counts are read only up to
 * the pre-screen's cap, and the answer says how far it read; cut-off files are reported as such.
 */
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractForPrescreen, PRESCREEN_MAX_PAGES, type PdfDocumentLike } from '../../renderer/src/prescreen/extract';
import { runPrescreen, type GetDocument, type PrescreenRequest, type PrescreenResponse } from '../../renderer/src/review/prescreenRun';
import { hostileInputs, manyPagesPdf, MANY_PAGES, type HostileInput } from './mutations';

const STANDARD_FONTS = path.join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
/** Generous: a hang, not slowness, is what this catches (the 100,000-page file reads 300 pages). */
const BOUND_MS = 60_000;

const inputs = await hostileInputs();

function request(input: HostileInput): PrescreenRequest {
  return {
    kind: 'prescreen',
    id: 11,
    sha256: 'e'.repeat(64),
    bytes: input.bytes.slice().buffer,
    claim: { products: [{ productId: 'd365_sales', family: 'business_applications' }], customer: { tenantId: '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f', name: 'Fabrikam', domain: 'fabrikam.com' } },
    submittedAt: '2026-11-02T17:00:00.000Z',
    maxAgeMonths: 12,
  };
}

const run = (input: HostileInput) => runPrescreen(getDocument as unknown as GetDocument, request(input), { standardFontDataUrl: STANDARD_FONTS });

/** Inputs pdf.js cannot open at all: an error, never findings. */
const UNREADABLE = new Set([
  'zero-length',
  'PNG renamed .pdf',
  'ZIP renamed .pdf',
  'HTML with a script renamed .pdf',
  'plain text renamed .pdf',
  'circular page tree',
  'bug1782186.pdf',
  'issue6010_1.pdf',
]);

describe('pre-screen on hostile inputs', () => {
  const outcomes = new Map<string, PrescreenResponse>();

  it('has the whole corpus, its mutations, the renamed files and the bombs', () => {
    expect(inputs.filter((i) => i.family === 'corpus').length).toBeGreaterThanOrEqual(12);
    expect(new Set(inputs.map((i) => i.family))).toEqual(new Set(['corpus', 'truncated', 'bit-flipped', 'empty', 'renamed', 'bomb']));
  });

  it.each(inputs.map((i) => [i.id, i] as const))('%s: findings or a clear error, bounded', async (_id, input) => {
    const response = await run(input);
    outcomes.set(input.id, response);
    expect(response).toMatchObject({ kind: 'prescreen-result', id: 11, sha256: 'e'.repeat(64) });
    if (!response.ok) {
      expect(response.error.trim()).not.toBe('');
      expect(UNREADABLE.has(input.id) || input.family === 'truncated' || input.family === 'bit-flipped', `${input.id}: ${response.error}`).toBe(true);
      return;
    }
    expect(UNREADABLE.has(input.id), `${input.id} should not open`).toBe(false);
    expect(response.pages).toBeGreaterThanOrEqual(1);
    expect(response.pagesRead).toBe(Math.min(response.pages, PRESCREEN_MAX_PAGES));
    // At most a "no text" per page read plus one finding per checklist question.
    expect(response.findings.length).toBeLessThanOrEqual(response.pagesRead + 4);
    for (const f of response.findings) {
      expect(f.sha256).toBe('e'.repeat(64));
      if (f.page !== undefined) expect(f.page).toBeLessThanOrEqual(response.pagesRead);
    }
    // A file cut off before its end is said to be cut off.
    if (input.family === 'truncated') expect(response.truncated).toBe(true);
    if (input.family === 'corpus' && input.id !== 'scan-bad.pdf') expect(response.truncated).toBe(false);
  }, BOUND_MS);

  it('the bombs: huge page counts are read up to the cap and say so; huge pages are read', () => {
    const many = outcomes.get(`${MANY_PAGES.toLocaleString('en-US')} pages`);
    expect(many).toMatchObject({ ok: true, pages: MANY_PAGES, pagesRead: PRESCREEN_MAX_PAGES });
    const shared = outcomes.get('page tree of shared nodes (1,000,000 pages claimed)');
    expect(shared).toMatchObject({ ok: true, pages: 1_000_000, pagesRead: PRESCREEN_MAX_PAGES });
    for (const id of ['page 14400 × 14400 pt', 'page 1e6 × 1e6 pt', 'page 1e6 × 10 pt', 'page 14400 pt × UserUnit 75000']) {
      const r = outcomes.get(id);
      expect(r, id).toMatchObject({ ok: true, pages: 1, pagesRead: 1 });
      // The text on the page is found: the customer and the date.
      if (r?.ok) expect(r.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['customer_named', 'dated']));
    }
    expect(outcomes.get('circular page tree')).toMatchObject({ ok: false });
  });

  it('the password-protected corpus files answer "password", not findings', () => {
    for (const id of ['bug1782186.pdf', 'issue6010_1.pdf']) expect(outcomes.get(id)).toMatchObject({ ok: false, error: expect.stringMatching(/password/i) });
  });
});

describe('the pre-screen’s time budget', () => {
  let doc: PdfDocumentLike;
  beforeAll(async () => {
    const bytes = await manyPagesPdf(50);
    doc = (await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise) as unknown as PdfDocumentLike;
  });

  it('starts no page once the budget is spent (each page here "takes" 10 s of a 30 s budget)', async () => {
    let clock = 0;
    const now = () => {
      const t = clock;
      clock += 10_000;
      return t;
    };
    const extracted = await extractForPrescreen(doc, new Uint8Array(), { budgetMs: 30_000, now });
    expect(extracted.pagesRead).toBe(3);
    expect(extracted.pages.map((p) => p.page)).toEqual([1, 2, 3]);
  });

  it('reads every page of a file within the cap and the budget', async () => {
    const extracted = await extractForPrescreen(doc, new Uint8Array());
    expect(extracted.pagesRead).toBe(50);
    expect(extracted.pages.at(-1)?.items.map((i) => i.str).join(' ')).toContain('Fabrikam');
  });

  it('reads no more pages than the cap', async () => {
    expect((await extractForPrescreen(doc, new Uint8Array(), { maxPages: 7 })).pagesRead).toBe(7);
  });
});
