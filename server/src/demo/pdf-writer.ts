/**
 * A small flowing-text layout over pdf-lib: lines, wrapped paragraphs, tables, key/value blocks,
 * signatures and seals, with page breaks. Text is drawn as real text (extractable, selectable), and
 * the writer remembers where notable things landed (signature, date, products) so the demo plan can
 * put reviewer annotations exactly on them.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, StandardFonts, degrees, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { JAPANESE_FONT_FILE, japaneseFontBytes } from './fonts';

export type Rect = { x: number; y: number; width: number; height: number };
export type Region = { page: number; rect: Rect };
export type TextStyle = 'regular' | 'bold' | 'italic' | 'script' | 'mono';

export const LETTER: [number, number] = [612, 792];
export const A4: [number, number] = [595.28, 841.89];

export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.42, 0.44, 0.48);
export const ACCENT = rgb(0.0, 0.32, 0.62);
export const SIGNATURE_INK = rgb(0.05, 0.16, 0.5);
export const SEAL_RED = rgb(0.8, 0.1, 0.1);

type Fonts = Record<Exclude<TextStyle, 'mono'>, PDFFont> & { mono: PDFFont; ja: PDFFont | null };

/** Characters the standard fonts can draw (WinAnsi); anything else goes through the embedded Japanese font. */
const WIN_ANSI = /^[\u0020-\u007e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u20ac\u2122\n]*$/;
export const isWinAnsi = (text: string): boolean => WIN_ANSI.test(text);

export type WriterOptions = {
  size: [number, number];
  margin: number;
  /** Draw all text with the Japanese font (Japanese documents), not only what WinAnsi cannot encode. */
  japanese: boolean;
  /** Footer per page, e.g. "Page 2 of 4"; drawn when the document is finished. */
  footer?: (page: number, pages: number) => string;
};

export class PdfWriter {
  page!: PDFPage;
  y = 0;
  readonly regions: Record<string, Region> = {};
  private pages: PDFPage[] = [];

  private constructor(
    readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    readonly options: WriterOptions,
  ) {
    this.addPage();
  }

  static async create(options: WriterOptions & { needsJapanese: boolean }): Promise<PdfWriter> {
    // No default metadata: pdf-lib would stamp the current time; the caller sets fixed values.
    const doc = await PDFDocument.create({ updateMetadata: false });
    const [regular, bold, italic, script, mono] = await Promise.all([
      doc.embedFont(StandardFonts.Helvetica),
      doc.embedFont(StandardFonts.HelveticaBold),
      doc.embedFont(StandardFonts.HelveticaOblique),
      doc.embedFont(StandardFonts.TimesRomanBoldItalic),
      doc.embedFont(StandardFonts.Courier),
    ]);
    let ja: PDFFont | null = null;
    if (options.japanese || options.needsJapanese) {
      doc.registerFontkit(fontkit);
      // Subset: each PDF carries only the glyphs it draws (a few KB instead of the whole font).
      ja = await doc.embedFont(japaneseFontBytes(), { subset: true });
    }
    return new PdfWriter(doc, { regular, bold, italic, script, mono, ja }, options);
  }

  get width(): number {
    return this.options.size[0];
  }
  get left(): number {
    return this.options.margin;
  }
  get right(): number {
    return this.options.size[0] - this.options.margin;
  }
  get contentWidth(): number {
    return this.right - this.left;
  }
  get pageNumber(): number {
    return this.pages.length;
  }

  addPage(): void {
    this.page = this.doc.addPage(this.options.size);
    this.pages.push(this.page);
    this.y = this.options.size[1] - this.options.margin;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < this.options.margin + 18) this.addPage();
  }

  font(text: string, style: TextStyle = 'regular'): PDFFont {
    if (this.fonts.ja && (this.options.japanese || !isWinAnsi(text))) {
      this.checkCoverage(text);
      return this.fonts.ja;
    }
    if (!isWinAnsi(text)) throw new Error(`cannot draw ${JSON.stringify(text)} without the Japanese font`);
    return this.fonts[style];
  }

  private coverage: Set<number> | null = null;

  /** A character outside the shipped subset would print as an empty box: fail loudly instead. */
  private checkCoverage(text: string): void {
    this.coverage ??= new Set(this.fonts.ja!.getCharacterSet());
    for (const ch of text) {
      if (ch !== '\n' && !this.coverage.has(ch.codePointAt(0)!)) {
        throw new Error(`"${ch}" (U+${ch.codePointAt(0)!.toString(16).toUpperCase()}) is not in resources/fonts/${JAPANESE_FONT_FILE}; rebuild it (resources/fonts/README.md)`);
      }
    }
  }

  private widths = new Map<string, number>();

  /** Text width in points; memoised per font and text, since custom-font layout is slow. */
  widthOf(text: string, size: number, style: TextStyle = 'regular'): number {
    const font = this.font(text, style);
    const key = `${font.name}\u0000${text}`;
    let unit = this.widths.get(key);
    if (unit === undefined) {
      unit = font.widthOfTextAtSize(text, 1000);
      this.widths.set(key, unit);
    }
    return (unit * size) / 1000;
  }

  /** Draws one line at (x, y) without moving the cursor; returns its rectangle. */
  drawAt(text: string, x: number, y: number, size: number, style: TextStyle = 'regular', color: RGB = INK): Rect {
    const font = this.font(text, style);
    this.page.drawText(text, { x, y, size, font, color });
    return { x, y: y - size * 0.25, width: this.widthOf(text, size, style), height: size * 1.2 };
  }

  line(text: string, opts: { size?: number; style?: TextStyle; color?: RGB; align?: 'left' | 'center' | 'right'; x?: number; gap?: number } = {}): Rect {
    const size = opts.size ?? 10;
    this.ensure(size * 1.4);
    const width = this.widthOf(text, size, opts.style);
    const x = opts.x ?? (opts.align === 'center' ? (this.width - width) / 2 : opts.align === 'right' ? this.right - width : this.left);
    this.y -= size;
    const rect = this.drawAt(text, x, this.y, size, opts.style, opts.color);
    this.y -= opts.gap ?? size * 0.45;
    return rect;
  }

  /** Wrapped text; Japanese wraps between characters, other text between words. */
  paragraph(text: string, opts: { size?: number; style?: TextStyle; color?: RGB; indent?: number; gap?: number; width?: number } = {}): Rect {
    const size = opts.size ?? 10;
    const indent = opts.indent ?? 0;
    const lines = this.wrap(text, size, (opts.width ?? this.contentWidth) - indent, opts.style);
    const top = this.y;
    let firstPage = this.pageNumber;
    for (const [i, line] of lines.entries()) {
      this.ensure(size * 1.35);
      if (i === 0) firstPage = this.pageNumber;
      this.y -= size;
      this.drawAt(line, this.left + indent, this.y, size, opts.style, opts.color);
      this.y -= size * 0.35;
    }
    this.y -= opts.gap ?? size * 0.6;
    const sameStart = firstPage === this.pageNumber;
    return { x: this.left + indent, y: this.y, width: this.contentWidth - indent, height: sameStart ? top - this.y : size * 1.35 * lines.length };
  }

  heading(text: string, size = 13): Rect {
    this.ensure(size * 3);
    this.y -= size * 0.5;
    const rect = this.line(text, { size, style: 'bold', color: ACCENT, gap: size * 0.55 });
    return rect;
  }

  bullets(items: string[], size = 10): void {
    for (const item of items) {
      this.ensure(size * 1.4);
      const bullet = this.options.japanese ? '・' : '•';
      this.drawAt(bullet, this.left + 6, this.y - size, size);
      this.paragraph(item, { size, indent: 18, gap: size * 0.25 });
    }
    this.y -= size * 0.4;
  }

  /** Label/value rows, e.g. "Customer:  Fabrikam, Inc."; returns each value's rectangle by label. */
  keyValues(rows: [string, string][], opts: { size?: number; labelWidth?: number } = {}): Record<string, Rect> {
    const size = opts.size ?? 10;
    const labelWidth = opts.labelWidth ?? 130;
    const rects: Record<string, Rect> = {};
    for (const [label, value] of rows) {
      this.ensure(size * 1.5);
      this.y -= size;
      this.drawAt(label, this.left, this.y, size, 'bold', MUTED);
      const lines = this.wrap(value, size, this.contentWidth - labelWidth);
      rects[label] = this.drawAt(lines[0] ?? '', this.left + labelWidth, this.y, size);
      for (const extra of lines.slice(1)) {
        this.y -= size * 1.3;
        this.drawAt(extra, this.left + labelWidth, this.y, size);
      }
      this.y -= size * 0.5;
    }
    this.y -= size * 0.5;
    return rects;
  }

  table(columns: { header: string; width: number; align?: 'left' | 'right' }[], rows: string[][], opts: { size?: number } = {}): Rect {
    const size = opts.size ?? 9;
    const rowHeight = size * 1.9;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const scale = this.contentWidth / total;
    const drawRow = (cells: string[], header: boolean) => {
      this.ensure(rowHeight + 2);
      const top = this.y;
      if (header) this.page.drawRectangle({ x: this.left, y: top - rowHeight, width: this.contentWidth, height: rowHeight, color: rgb(0.92, 0.94, 0.97) });
      let x = this.left;
      for (const [i, col] of columns.entries()) {
        const width = col.width * scale;
        const text = this.fit(cells[i] ?? '', size, width - 8, header ? 'bold' : 'regular');
        const textWidth = this.widthOf(text, size, header ? 'bold' : 'regular');
        const tx = col.align === 'right' ? x + width - 4 - textWidth : x + 4;
        this.drawAt(text, tx, top - size * 1.3, size, header ? 'bold' : 'regular');
        x += width;
      }
      this.y = top - rowHeight;
      this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.right, y: this.y }, thickness: 0.5, color: rgb(0.8, 0.82, 0.86) });
    };
    const startTop = this.y;
    drawRow(columns.map((c) => c.header), true);
    for (const row of rows) drawRow(row, false);
    this.y -= size;
    return { x: this.left, y: this.y, width: this.contentWidth, height: startTop - this.y };
  }

  rule(color: RGB = rgb(0.75, 0.77, 0.8)): void {
    this.y -= 4;
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.right, y: this.y }, thickness: 0.75, color });
    this.y -= 8;
  }

  space(height: number): void {
    this.y -= height;
  }

  remember(name: string, rect: Rect): void {
    this.regions[name] ??= { page: this.pageNumber, rect: roundRect(rect) };
  }

  /** A hand-signed name: script lettering with a pen flourish underneath. */
  drawSignature(name: string, x: number, baseline: number, size = 22): Rect {
    const font = this.fonts.ja && !isWinAnsi(name) ? this.fonts.ja : this.fonts.script;
    if (font === this.fonts.ja) this.checkCoverage(name);
    this.page.drawText(name, { x, y: baseline, size, font, color: SIGNATURE_INK, rotate: degrees(4) });
    const width = font.widthOfTextAtSize(name, size);
    // A loose underline stroke; SVG y points down from the origin given.
    this.page.drawSvgPath(`M 0 4 C ${width * 0.25} 12, ${width * 0.45} -2, ${width * 0.7} 6 S ${width * 0.95} 10, ${width + 14} 0`, {
      x: x - 4,
      y: baseline - 2,
      borderColor: SIGNATURE_INK,
      borderWidth: 1.1,
    });
    return { x: x - 4, y: baseline - 10, width: width + 22, height: size * 1.6 };
  }

  /** A Japanese name seal (印): a red ring with the family name inside. */
  drawSeal(familyName: string, cx: number, cy: number, radius = 22): Rect {
    if (!this.fonts.ja) throw new Error('a seal needs the Japanese font');
    this.checkCoverage(familyName);
    this.page.drawCircle({ x: cx, y: cy, size: radius, borderColor: SEAL_RED, borderWidth: 2 });
    const chars = [...familyName];
    const size = chars.length <= 2 ? radius * 0.72 : radius * 0.55;
    // Vertical, top to bottom, as seals are cut.
    const step = size * 1.02;
    const top = cy + (step * chars.length) / 2 - size * 0.85;
    for (const [i, ch] of chars.entries()) {
      const w = this.fonts.ja.widthOfTextAtSize(ch, size);
      this.page.drawText(ch, { x: cx - w / 2, y: top - i * step, size, font: this.fonts.ja, color: SEAL_RED });
    }
    return { x: cx - radius, y: cy - radius, width: radius * 2, height: radius * 2 };
  }

  /** Finishes the document: footers, fixed metadata, bytes. */
  async finish(meta: { title: string; author: string; subject: string; creator: string; producer: string; keywords: string[]; at: Date }): Promise<Uint8Array> {
    const total = this.pages.length;
    if (this.options.footer) {
      for (const [i, page] of this.pages.entries()) {
        const text = this.options.footer(i + 1, total);
        const font = this.font(text);
        const size = 8;
        page.drawText(text, { x: (this.width - font.widthOfTextAtSize(text, size)) / 2, y: this.options.margin / 2, size, font, color: MUTED });
      }
    }
    const { doc } = this;
    doc.setTitle(meta.title);
    doc.setAuthor(meta.author);
    doc.setSubject(meta.subject);
    doc.setKeywords(meta.keywords);
    doc.setCreator(meta.creator);
    doc.setProducer(meta.producer);
    doc.setCreationDate(meta.at);
    doc.setModificationDate(meta.at);
    return doc.save();
  }

  /** The text cut (with an ellipsis) to fit `width`. */
  fit(text: string, size: number, width: number, style: TextStyle = 'regular'): string {
    if (this.widthOf(text, size, style) <= width) return text;
    const chars = [...text];
    while (chars.length > 1 && this.widthOf(`${chars.join('')}…`, size, style) > width) chars.pop();
    return `${chars.join('')}…`;
  }

  wrap(text: string, size: number, width: number, style: TextStyle = 'regular'): string[] {
    const lines: string[] = [];
    for (const para of text.split('\n')) {
      const tokens = para.match(TOKEN) ?? [''];
      let line = '';
      // Widths are summed per token (no kerning across tokens): measuring whole candidate lines
      // through fontkit's layout is quadratic in a Japanese paragraph, where every character is a token.
      let lineWidth = 0;
      for (const token of tokens) {
        const tokenWidth = this.widthOf(token, size, style);
        const closing = NO_LINE_START.test(token);
        if (line !== '' && !closing && lineWidth + this.widthOf(token.trimEnd(), size, style) > width) {
          lines.push(line.trimEnd());
          line = token.trimStart();
          lineWidth = this.widthOf(line, size, style);
        } else {
          line += token;
          lineWidth += tokenWidth;
        }
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }
}

/** Japanese characters are single tokens (lines may break between any two); other text breaks at spaces. */
const CJK = '\u3000-\u30ff\u3400-\u9fff\uff00-\uffef';
const TOKEN = new RegExp(`[${CJK}]|[^\\s${CJK}]+\\s*|\\s+`, 'g');
/** Japanese punctuation that must not start a line (kinsoku). */
const NO_LINE_START = /^[、。，．）」』】・ー]$/;

function roundRect(rect: Rect): Rect {
  const r = (n: number) => Math.round(n * 10) / 10;
  return { x: r(rect.x), y: r(rect.y), width: r(rect.width), height: r(rect.height) };
}
