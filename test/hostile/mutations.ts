/**
 * Hostile PoE inputs, generated deterministically (no randomness beyond a fixed seed, nothing
 * written into the repository): every file of the real-world PDF corpus (../shared/pdfs) as it
 * is, cut off at several points, with seeded bytes flipped; an empty file; other kinds of files
 * renamed .pdf (PNG, ZIP, HTML with a script, plain text); and generated "bombs" — a PDF of
 * 100,000 pages sharing one content stream, pages of enormous dimensions, a page tree that points
 * back at itself or shares its nodes, an object nested 100,000 levels deep, a content stream that
 * inflates to 64 MB.
 *
 * Used by the upload, pre-screen and viewer hostile-input suites (test/hostile, test/e2e).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFNumber, StandardFonts, type PDFRef } from 'pdf-lib';
import { mulberry32 } from '../../shared/random';
import { makePng } from '../../server/src/documents/test-images';

export type HostileFamily = 'corpus' | 'truncated' | 'bit-flipped' | 'empty' | 'renamed' | 'bomb';

export type HostileInput = {
  /** Unique and stable, e.g. "tracemonkey.pdf ~ truncated 50%". */
  id: string;
  family: HostileFamily;
  /** The name it is uploaded under (always ends in .pdf). */
  fileName: string;
  bytes: Uint8Array;
  /** The corpus file it was derived from. */
  source?: string;
};

const REPO = path.resolve(import.meta.dirname, '../..');

/**
 * The corpus: POE_PDF_CORPUS, else ../shared/pdfs next to the repository, else the copy vendored
 * in server/test-fixtures/pdfs. Throws when none has the corpus (the suites must not pass empty).
 */
export function corpusDir(): string {
  const candidates = [process.env.POE_PDF_CORPUS, path.resolve(REPO, '../shared/pdfs'), path.join(REPO, 'server/test-fixtures/pdfs')];
  for (const dir of candidates) if (dir && existsSync(path.join(dir, 'tracemonkey.pdf'))) return dir;
  throw new Error(`PDF corpus not found (tried ${candidates.filter(Boolean).join(', ')})`);
}

export function corpusFiles(dir = corpusDir()): { name: string; bytes: Uint8Array }[] {
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) }));
}


/** FNV-1a of a string: a per-file seed. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Cut points: a single byte, 10 %, 50 % and 99 % of the file. */
export const TRUNCATIONS: readonly { label: string; length(size: number): number }[] = [
  { label: '1 byte', length: () => 1 },
  { label: '10%', length: (n) => Math.max(1, Math.floor(n * 0.1)) },
  { label: '50%', length: (n) => Math.max(1, Math.floor(n * 0.5)) },
  { label: '99%', length: (n) => Math.max(1, Math.min(n - 1, Math.floor(n * 0.99))) },
];

/** How many bytes each bit-flipped variant changes. */
export const BIT_FLIPS: readonly number[] = [1, 16, 256];

/** `count` seeded bytes of a copy of `bytes` with one random bit flipped each. */
export function flipBits(bytes: Uint8Array, count: number, seed: number): Uint8Array {
  const out = bytes.slice();
  const random = mulberry32(seed);
  for (let k = 0; k < count && out.length > 0; k++) {
    const at = Math.floor(random() * out.length);
    out[at] = out[at]! ^ (1 << Math.floor(random() * 8));
  }
  return out;
}

export function mutationsOf(name: string, bytes: Uint8Array, seed = 20261129): HostileInput[] {
  const stem = name.replace(/\.pdf$/i, '');
  const out: HostileInput[] = [{ id: name, family: 'corpus', fileName: name, bytes, source: name }];
  for (const cut of TRUNCATIONS) {
    const length = cut.length(bytes.length);
    out.push({ id: `${name} ~ truncated ${cut.label}`, family: 'truncated', fileName: `${stem}-cut-${cut.label.replace(/\W+/g, '')}.pdf`, bytes: bytes.slice(0, length), source: name });
  }
  for (const count of BIT_FLIPS) {
    out.push({ id: `${name} ~ ${count} bytes flipped`, family: 'bit-flipped', fileName: `${stem}-flipped-${count}.pdf`, bytes: flipBits(bytes, count, hashString(name) ^ seed ^ count), source: name });
  }
  return out;
}

const text = (s: string) => new TextEncoder().encode(s);

/** A minimal ZIP archive with one stored file (what a .docx or .zip renamed .pdf starts like). */
function makeZip(): Uint8Array {
  const name = text('word/document.xml');
  const data = text('<w:document>Statement of work</w:document>');
  const local = new Uint8Array(30 + name.length + data.length);
  const view = new DataView(local.buffer);
  view.setUint32(0, 0x04034b50, true);
  view.setUint16(4, 20, true);
  view.setUint32(18, data.length, true);
  view.setUint32(22, data.length, true);
  view.setUint16(26, name.length, true);
  local.set(name, 30);
  local.set(data, 30 + name.length);
  const end = new Uint8Array(22);
  new DataView(end.buffer).setUint32(0, 0x06054b50, true);
  return new Uint8Array([...local, ...end]);
}

/** Scripts that must never run anywhere they are shown; the viewer e2e watches for this marker. */
export const SCRIPT_MARKER = '__poeHostileScriptRan';

export function renamedInputs(): HostileInput[] {
  return [
    { id: 'PNG renamed .pdf', family: 'renamed', fileName: 'scan-renamed.pdf', bytes: makePng(40, 30) },
    { id: 'ZIP renamed .pdf', family: 'renamed', fileName: 'statement-of-work.docx.pdf', bytes: makeZip() },
    {
      id: 'HTML with a script renamed .pdf',
      family: 'renamed',
      fileName: 'invoice.html.pdf',
      bytes: text(`<!doctype html><html><body onload="alert(1)"><script>window.${SCRIPT_MARKER}=true;alert('xss')</script><img src=x onerror="window.${SCRIPT_MARKER}=true"></body></html>`),
    },
    { id: 'plain text renamed .pdf', family: 'renamed', fileName: 'notes.pdf', bytes: text('Statement of work\nSigned by Fabrikam on 2026-10-01\n') },
  ];
}

/**
 * A PDF built from raw object bodies (object k is `bodies[k - 1]`, object 1 the catalog), with a
 * correct cross-reference table: for structures pdf-lib will not write (its writer recurses).
 */
export function rawPdf(bodies: readonly (string | Uint8Array)[]): Uint8Array {
  const chunks: Uint8Array[] = [text('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(offset);
    const parts = [text(`${i + 1} 0 obj\n`), typeof body === 'string' ? text(body) : body, text('\nendobj\n')];
    for (const p of parts) {
      chunks.push(p);
      offset += p.length;
    }
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n0000000000 65535 f \n`, ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  chunks.push(text(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function streamObject(content: Uint8Array, compress: boolean): Uint8Array {
  const data = compress ? new Uint8Array(deflateSync(content)) : content;
  const head = text(`<< /Length ${data.length}${compress ? ' /Filter /FlateDecode' : ''} >>\nstream\n`);
  const tail = text('\nendstream');
  return new Uint8Array([...head, ...data, ...tail]);
}

/** Words the pre-screen looks for: the demo customer (Fabrikam, Inc., fabrikam.com) and a date. */
const PAGE_WORDS = 'Statement of work for Fabrikam, Inc. - fabrikam.com - dated 2026-10-01';
const PAGE_TEXT = `BT /F1 12 Tf 72 700 Td (${PAGE_WORDS}) Tj ET`;

/**
 * `pages` Letter pages sharing one content stream, in a two-level page tree (so no array has more
 * than ~1000 entries), written with object streams: 100,000 pages in a few hundred KB.
 */
export async function manyPagesPdf(pages: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const ctx = pdf.context;
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const content = ctx.register(ctx.flateStream(PAGE_TEXT));
  const root = pdf.catalog.get(PDFName.of('Pages'));
  const rootRef = root as PDFRef;
  const resources = ctx.obj({ Font: { F1: font.ref } });
  const perNode = 1000;
  const nodes: PDFRef[] = [];
  for (let start = 0; start < pages; start += perNode) {
    const count = Math.min(perNode, pages - start);
    const nodeRef = ctx.nextRef();
    const kids: PDFRef[] = [];
    for (let k = 0; k < count; k++) kids.push(ctx.register(ctx.obj({ Type: 'Page', Parent: nodeRef, Contents: content })));
    ctx.assign(nodeRef, ctx.obj({ Type: 'Pages', Parent: rootRef, Kids: kids, Count: count }));
    nodes.push(nodeRef);
  }
  ctx.assign(rootRef, ctx.obj({ Type: 'Pages', Kids: nodes, Count: pages, MediaBox: [0, 0, 612, 792], Resources: resources }));
  return pdf.save({ useObjectStreams: true, addDefaultPage: false, objectsPerTick: Infinity });
}

/** One page of `width` × `height` points (MediaBox), with text and a rule across it; optional /UserUnit. */
export async function hugePagePdf(width: number, height: number, userUnit?: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([width, height]);
  const size = Math.max(12, Math.min(width / 40, height / 4));
  page.drawText(PAGE_WORDS, { x: width / 40, y: height / 2, size, font });
  page.drawRectangle({ x: 0, y: height / 3, width, height: Math.max(1, height / 200) });
  if (userUnit !== undefined) page.node.set(PDFName.of('UserUnit'), PDFNumber.of(userUnit));
  return pdf.save();
}

/** A page tree whose only kid is the tree itself. */
function circularPageTree(): Uint8Array {
  return rawPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 /MediaBox [0 0 612 792] >>']);
}

/** Six levels of a node listing the next one ten times: /Count 1,000,000 pages out of eight objects. */
function sharedNodesPageTree(): Uint8Array {
  const levels = 6;
  const bodies: (string | Uint8Array)[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  for (let level = 0; level < levels; level++) {
    const self = 2 + level;
    const kid = self + 1;
    const parent = level === 0 ? '' : `/Parent ${self - 1} 0 R `;
    bodies.push(`<< /Type /Pages ${parent}/Kids [${Array(10).fill(`${kid} 0 R`).join(' ')}] /Count ${10 ** (levels - level)} /MediaBox [0 0 612 792] >>`);
  }
  const leaf = 2 + levels;
  bodies.push(`<< /Type /Page /Parent ${leaf - 1} 0 R /Contents ${leaf + 1} 0 R >>`);
  bodies.push(streamObject(text('0 0 m 100 100 l S'), false));
  return rawPdf(bodies);
}

/** A page whose resources hold an array nested `depth` levels deep (a parser that recurses overflows). */
function deeplyNestedPdf(depth: number): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>',
    '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Nested 5 0 R >> >>',
    streamObject(text(PAGE_TEXT.replace('/F1 ', '/Helv ')), false),
    `${'['.repeat(depth)}${']'.repeat(depth)}`,
  ]);
}

/** A one-page PDF whose content stream inflates to `mb` MB (of harmless path operators). */
function inflationBombPdf(mb: number): Uint8Array {
  const unit = text('0 0 m ');
  const content = new Uint8Array(mb * 1024 * 1024);
  for (let i = 0; i < content.length; i++) content[i] = unit[i % unit.length]!;
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 612 792] >>',
    '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
    streamObject(content, true),
  ]);
}

export const MANY_PAGES = 100_000;

export async function bombInputs(): Promise<HostileInput[]> {
  const bomb = (id: string, fileName: string, bytes: Uint8Array): HostileInput => ({ id, family: 'bomb', fileName, bytes });
  return [
    bomb(`${MANY_PAGES.toLocaleString('en-US')} pages`, 'many-pages.pdf', await manyPagesPdf(MANY_PAGES)),
    bomb('page 14400 × 14400 pt', 'huge-14400.pdf', await hugePagePdf(14_400, 14_400)),
    bomb('page 1e6 × 1e6 pt', 'huge-1e6.pdf', await hugePagePdf(1e6, 1e6)),
    bomb('page 1e6 × 10 pt', 'huge-strip.pdf', await hugePagePdf(1e6, 10)),
    bomb('page 14400 pt × UserUnit 75000', 'huge-userunit.pdf', await hugePagePdf(14_400, 14_400, 75_000)),
    bomb('circular page tree', 'circular-tree.pdf', circularPageTree()),
    bomb('page tree of shared nodes (1,000,000 pages claimed)', 'shared-tree.pdf', sharedNodesPageTree()),
    bomb('array nested 100,000 deep', 'nested.pdf', deeplyNestedPdf(100_000)),
    bomb('content stream inflating to 64 MB', 'inflation.pdf', inflationBombPdf(64)),
  ];
}

/** Every hostile input: the corpus and its mutations, an empty file, renamed files, the bombs. */
export async function hostileInputs(): Promise<HostileInput[]> {
  const out: HostileInput[] = [];
  for (const { name, bytes } of corpusFiles()) out.push(...mutationsOf(name, bytes));
  out.push({ id: 'zero-length', family: 'empty', fileName: 'empty.pdf', bytes: new Uint8Array() });
  out.push(...renamedInputs());
  out.push(...(await bombInputs()));
  const ids = new Set(out.map((i) => i.id));
  if (ids.size !== out.length) throw new Error('hostile input ids must be unique');
  return out;
}
