/**
 * The deficiency report a reviewer sends or files: a cover page with the claim, its parties and
 * products, the checklist with notes and a numbered list of annotations, followed by the PoE pages
 * with every annotation drawn and numbered where it was made (PDF user space, so the marks land
 * exactly). Built offline with pdf-lib from the documents cached on the workstation.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import {
  CHECKLIST_LABELS,
  DEFICIENCY_LABELS,
  PRODUCT_BY_ID,
  STATUS_LABELS,
  checklistItems,
  type Annotation,
  type ChecklistItemKey,
  type Claim,
} from '@shared/index';

export type ReportDocument = { sha256: string; fileName: string; mediaType: string; bytes: Uint8Array };

export type DeficiencyReportInput = {
  claim: Claim;
  /** The claim's PoE files that are available (cached); missing ones are named on the cover. */
  documents: ReportDocument[];
  generatedAt: Date;
  generatedBy: string;
  /** A font with Japanese glyphs for names and notes outside Latin-1 (optional). */
  cjkFont?: Uint8Array;
};

const MARK = rgb(0.8, 0.1, 0.1);
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.4, 0.4, 0.45);
const PAGE: [number, number] = [595.28, 841.89]; // A4
const MARGIN = 50;

type Fonts = { regular: PDFFont; bold: PDFFont; cjk: PDFFont | null };

/** Whether Helvetica (WinAnsi) can draw the text; otherwise the CJK font is used. */
function latinOnly(text: string): boolean {
  return /^[\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac]*$/.test(text);
}

function fontFor(text: string, fonts: Fonts, bold = false): PDFFont {
  if (latinOnly(text)) return bold ? fonts.bold : fonts.regular;
  return fonts.cjk ?? (bold ? fonts.bold : fonts.regular);
}

/**
 * Direction overrides and embeddings. A PDF draws characters in the order they are stored, so an
 * override (say `invoice\u202Efdp.exe`, shown on screen as "invoiceexe.pdf") is printed as a
 * visible `[U+202E]` and the real order stays readable.
 */
const BIDI_OVERRIDES = /[\u202a-\u202e]/g;
/**
 * Characters that draw nothing: zero-width spaces and joiners, word joiner, BOM, direction marks
 * and isolates (which the workstation itself puts around names in sentences), control characters.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2060-\u2064\u2066-\u2069\ufeff]/g;

/** The text as the report prints it: one line of visible characters. */
function visibleText(text: string): string {
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(BIDI_OVERRIDES, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`)
    .replace(INVISIBLE, '');
}

/** The code points each font has a glyph for (asked once per font). */
const characterSets = new WeakMap<PDFFont, ReadonlySet<number>>();
function characterSetOf(font: PDFFont): ReadonlySet<number> {
  let set = characterSets.get(font);
  if (!set) {
    set = new Set(font.getCharacterSet());
    characterSets.set(font, set);
  }
  return set;
}

/** Text the font can encode: a character it has no glyph for (emoji, marks, scripts it lacks) becomes '?'. */
function encodable(text: string, font: PDFFont): string {
  const set = characterSetOf(font);
  let out = '';
  for (const char of text) out += set.has(char.codePointAt(0)!) || char === ' ' ? char : '?';
  return out;
}

/** Breaks text into lines that fit `width` at `size`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // Latin text breaks at spaces; CJK text may break between any two characters.
  const tokens = text.match(/\S+\s*|\s+/g) ?? [];
  for (const token of tokens) {
    const pieces = font.widthOfTextAtSize(token, size) > width ? Array.from(token) : [token];
    for (const piece of pieces) {
      if (line && font.widthOfTextAtSize(line + piece, size) > width) {
        lines.push(line.trimEnd());
        line = piece.trimStart();
      } else {
        line += piece;
      }
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** Writes flowing text top-down, adding pages as needed. */
class CoverWriter {
  private page: PDFPage;
  private y: number;
  constructor(
    private readonly pdf: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = pdf.addPage(PAGE);
    this.y = PAGE[1] - MARGIN;
  }
  text(text: string, options: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number; gap?: number } = {}): void {
    const size = options.size ?? 10;
    const visible = visibleText(text);
    const font = fontFor(visible, this.fonts, options.bold);
    const clean = encodable(visible, font);
    const indent = options.indent ?? 0;
    for (const line of wrap(clean, font, size, PAGE[0] - 2 * MARGIN - indent)) {
      if (this.y - size < MARGIN) {
        this.page = this.pdf.addPage(PAGE);
        this.y = PAGE[1] - MARGIN;
      }
      this.y -= size * 1.35;
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 2;
  }
  space(points: number): void {
    this.y -= points;
  }
}

function itemLabel(item: ChecklistItemKey): string {
  if (item.startsWith('product:')) {
    const id = item.slice('product:'.length);
    return `Product: ${PRODUCT_BY_ID.get(id)?.name ?? id}`;
  }
  return CHECKLIST_LABELS[item as keyof typeof CHECKLIST_LABELS];
}

function writeCover(cover: CoverWriter, input: DeficiencyReportInput, numbered: Map<Annotation, number>, missing: string[]): void {
  const { claim } = input;
  cover.text('Proof of Execution — deficiency report', { size: 18, bold: true, gap: 8 });
  cover.text(`Claim ${claim.id} · ${STATUS_LABELS[claim.status]}`, { size: 12, bold: true });
  cover.text(`Generated ${input.generatedAt.toISOString()} by ${input.generatedBy}`, { color: MUTED, gap: 10 });
  cover.text('Partner', { bold: true });
  cover.text(`${claim.partner.name} (Partner ID ${claim.partner.partnerId}) — ${claim.partner.contact.name}, ${claim.partner.contact.email}`, { indent: 12 });
  cover.text('Customer', { bold: true });
  cover.text(`${claim.customer.name} (${claim.customer.domain}, tenant ${claim.customer.tenantId})`, { indent: 12 });
  cover.text('Products', { bold: true });
  for (const p of claim.products) cover.text(`• ${PRODUCT_BY_ID.get(p.productId)?.name ?? p.productId}`, { indent: 12 });
  cover.text('PoE documents', { bold: true });
  for (const d of claim.documents) cover.text(`• ${d.fileName} (${d.pages} page${d.pages === 1 ? '' : 's'}, sha256 ${d.sha256.slice(0, 12)}…)`, { indent: 12 });
  for (const name of missing) cover.text(`Not included (not available offline or unreadable): ${name}`, { indent: 12, color: MARK });
  cover.space(8);
  cover.text('Checklist', { size: 12, bold: true });
  for (const item of checklistItems(claim)) {
    const entry = claim.checklist[item];
    const result = entry?.result === 'pass' ? 'PASS' : entry?.result === 'fail' ? 'FAIL' : '—';
    cover.text(`${result.padEnd(5)} ${itemLabel(item)}`, { bold: entry?.result === 'fail', color: entry?.result === 'fail' ? MARK : INK, indent: 12 });
    if (entry?.note) cover.text(entry.note, { indent: 40, color: MUTED });
  }
  cover.space(8);
  cover.text('Annotations', { size: 12, bold: true });
  if (numbered.size === 0) cover.text('None.', { indent: 12, color: MUTED });
  for (const [annotation, n] of numbered) {
    const doc = claim.documents.find((d) => d.sha256 === annotation.sha256);
    const what = [annotation.code ? DEFICIENCY_LABELS[annotation.code] : null, annotation.note, annotation.quote ? `“${annotation.quote}”` : null].filter(Boolean).join(' — ');
    cover.text(`[${n}] ${doc?.fileName ?? annotation.sha256.slice(0, 12)}, page ${annotation.page}: ${what || 'marked'}`, { indent: 12 });
  }
}

function drawMarks(page: PDFPage, marks: [Annotation, number][], fonts: Fonts): void {
  for (const [a, n] of marks) {
    page.drawRectangle({ x: a.rect.x, y: a.rect.y, width: a.rect.width, height: a.rect.height, borderColor: MARK, borderWidth: 1.5, opacity: 0, borderOpacity: 0.9 });
    const label = `[${n}]`;
    page.drawText(label, { x: a.rect.x, y: a.rect.y + a.rect.height + 2, size: 9, font: fonts.bold, color: MARK });
  }
}

export async function buildDeficiencyReport(input: DeficiencyReportInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    cjk: input.cjkFont ? await pdf.embedFont(input.cjkFont, { subset: true }) : null,
  };
  pdf.setTitle(`Deficiency report ${input.claim.id}`);
  pdf.setCreator('PoE Reviewer Workstation');
  pdf.setCreationDate(input.generatedAt);
  pdf.setModificationDate(input.generatedAt);

  const numbered = new Map(input.claim.annotations.map((a, i) => [a, i + 1] as const));
  const cover = new CoverWriter(pdf, fonts);
  const missing: string[] = [];
  const pagesToAppend: { doc: ReportDocument; loaded: PDFDocument | null }[] = [];
  for (const ref of input.claim.documents) {
    const doc = input.documents.find((d) => d.sha256 === ref.sha256);
    if (!doc) {
      missing.push(ref.fileName);
      continue;
    }
    if (doc.mediaType === 'application/pdf') {
      try {
        pagesToAppend.push({ doc, loaded: await PDFDocument.load(doc.bytes, { updateMetadata: false }) });
      } catch {
        missing.push(ref.fileName);
      }
    } else {
      pagesToAppend.push({ doc, loaded: null });
    }
  }
  writeCover(cover, input, numbered, missing);

  for (const { doc, loaded } of pagesToAppend) {
    const marks = [...numbered].filter(([a]) => a.sha256 === doc.sha256);
    if (loaded) {
      const copied = await pdf.copyPages(loaded, loaded.getPageIndices());
      copied.forEach((page, i) => {
        pdf.addPage(page);
        drawMarks(page, marks.filter(([a]) => a.page === i + 1), fonts);
      });
    } else {
      // An image PoE is one page the size of the image; its user space is pixels from the bottom left.
      const image = doc.mediaType === 'image/png' ? await pdf.embedPng(doc.bytes) : await pdf.embedJpg(doc.bytes);
      const page = pdf.addPage([image.width, image.height]);
      page.drawImage(image, { x: 0, y: 0, width: image.width, height: image.height });
      drawMarks(page, marks.filter(([a]) => a.page === 1), fonts);
    }
  }
  return pdf.save();
}
