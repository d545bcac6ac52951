/**
 * The deficiency report with hostile text in everything a partner or reviewer can write: markup,
 * a right-to-left override, zero-width and combining characters, emoji, a 100,000-character note
 * without spaces. The PDF is made (with and without the CJK font), reopens with pdf.js, holds the
 * text literally, and no line of the cover runs outside the page's margins.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type { Claim, CommandInput } from '../../shared/index';
import { actors, apply, createCommand, SHA_A } from '../../shared/testing/fixtures';
import { buildDeficiencyReport } from '../../renderer/src/report/deficiencyReport';

const STANDARD_FONTS = path.join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
const at = (h: number) => new Date(Date.parse('2026-11-02T17:00:00Z') + h * 3_600_000);
const A4_WIDTH = 595.28;
const MARGIN = 50;

const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const RLO = '\u202E';
const RTL_FILE = `invoice${RLO}fdp.exe`;
const ZERO_WIDTH = 'pay\u200Bpal\u200D\uFEFF\u2060';
const ZALGO = 'Z\u0351\u0308\u0301a\u0300\u0317\u031Bl\u0336g\u0338o';
const EMOJI = '👩‍💻🏳️‍🌈';
const LONG = Array.from({ length: 100_000 }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[i % 36]).join('');

type Item = { str: string; transform: number[]; width: number };

async function readBack(bytes: Uint8Array): Promise<Item[][]> {
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, standardFontDataUrl: STANDARD_FONTS }).promise;
  const pages: Item[][] = [];
  for (let n = 1; n <= doc.numPages; n++) pages.push((await (await doc.getPage(n)).getTextContent()).items as Item[]);
  return pages;
}

function hostileClaim(): Claim {
  const create = createCommand('claim-hostile', ['d365_sales']) as Extract<CommandInput, { type: 'create' }>;
  let claim = apply(
    null,
    {
      ...create,
      partner: { ...create.partner, name: `${SCRIPT} ${EMOJI}` },
      customer: { ...create.customer, name: `Fabrikam ${RLO}gnp.exe ${ZALGO}` },
      documents: [{ sha256: SHA_A, fileName: RTL_FILE, mediaType: 'application/pdf', size: 10, pages: 1, uploadedBy: 'partner-1', uploadedAt: at(0).toISOString() }],
    },
    actors.partner,
    at(0),
  ).claim;
  claim = apply(claim, { type: 'submit', claimId: claim.id }, actors.partner, at(1)).claim;
  claim = apply(claim, { type: 'startReview', claimId: claim.id }, actors.reviewer, at(2)).claim;
  claim = apply(claim, { type: 'setChecklistItem', claimId: claim.id, item: 'date', result: 'fail', note: LONG }, actors.reviewer, at(3)).claim;
  claim = apply(claim, { type: 'setChecklistItem', claimId: claim.id, item: 'customer_verification', result: 'fail', note: `${IMG} ${ZERO_WIDTH} 署名なし` }, actors.reviewer, at(3)).claim;
  const rect = { x: 72, y: 200, width: 220, height: 60 };
  claim = apply(claim, { type: 'annotate', claimId: claim.id, annotationId: 'a1', sha256: SHA_A, page: 1, rect, note: `${SCRIPT}\n\t${RLO}txt.exe`, quote: ZALGO }, actors.reviewer, at(4)).claim;
  // A note the workstation wrote about a file, with the name isolated in the sentence (FSI … PDI).
  claim = apply(claim, { type: 'setChecklistItem', claimId: claim.id, item: 'poe_present', result: 'fail', note: `\u2068${RTL_FILE}\u2069 is not a PoE document` }, actors.reviewer, at(4)).claim;
  return claim;
}

describe.each([
  { title: 'with the CJK font', withCjk: true },
  { title: 'with Helvetica only', withCjk: false },
])('deficiency report with hostile text, $title', ({ withCjk }) => {
  it('is a valid PDF that shows the text literally and keeps every cover line inside the margins', async () => {
    const cjkFont = withCjk ? new Uint8Array(await readFile(path.join(import.meta.dirname, '../../resources/fonts/PoEDemoSansJP-Regular.ttf'))) : undefined;
    const claim = hostileClaim();
    const report = await buildDeficiencyReport({ claim, documents: [], generatedAt: at(5), generatedBy: 'reviewer-1', ...(cjkFont ? { cjkFont } : {}) });
    const pages = await readBack(report);
    // The 100,000 characters take many pages of wrapped lines.
    expect(pages.length).toBeGreaterThan(10);
    const text = pages.map((items) => items.map((i) => i.str).join('')).join('');

    expect(text).toContain(SCRIPT);
    expect(text).toContain(IMG);
    expect(text).toContain('Claim claim-hostile');
    // Every character of the long note, in order, across its lines and pages.
    expect(text).toContain(LONG);
    // The override is shown, not applied: the file's real extension reads as it is.
    expect(text).toContain('invoice[U+202E]fdp.exe');
    expect(text).toContain('Fabrikam [U+202E]gnp.exe');
    expect(text).not.toContain(RLO);
    // Isolates and marks draw nothing and are simply left out.
    expect(text).toContain('invoice[U+202E]fdp.exe is not a PoE document');
    expect(text).not.toMatch(/U\+2068|U\+2069|\u2068|\u2069/);
    // Zero-width characters are dropped; what they hid reads plainly.
    expect(text).toContain('paypal');
    if (withCjk) expect(text).toContain('署名なし');

    // No line starts left of the margin or ends right of it (a little slack for rounding).
    for (const items of pages) {
      for (const item of items) {
        if (item.str.trim() === '') continue;
        const x = item.transform[4]!;
        expect(x, item.str.slice(0, 40)).toBeGreaterThanOrEqual(MARGIN - 0.5);
        expect(x + item.width, item.str.slice(0, 40)).toBeLessThanOrEqual(A4_WIDTH - MARGIN + 0.5);
      }
    }
  }, 60_000);
});
