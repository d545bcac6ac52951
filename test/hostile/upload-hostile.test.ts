/**
 * POST /documents with hostile inputs (test/hostile/mutations.ts: the real-world corpus, cut off,
 * bit-flipped, empty, other files renamed .pdf, page-count and page-size bombs, recursive page
 * trees), through the real app. Each upload is accepted as a document (2xx, with what the server
 * measured) or refused with a 4xx and a message for the partner — never a 5xx, each within a bound;
 * the server answers other requests afterwards and the documents stored before are unchanged.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../server/src/http/testing';
import { corpusFiles, hostileInputs, type HostileInput } from './mutations';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** Generous: a hang, not slowness, is what this catches (the server gives pdf.js 15 s per file). */
const BOUND_MS = 30_000;

const inputs = await hostileInputs();
/** Ordinary documents stored before the hostile uploads, re-read afterwards. */
const BASELINE = ['tracemonkey.pdf', 'form_two_pages.pdf', 'sizes.pdf'];

type Outcome = { status: number; body: { sha256?: string; pages?: number; mediaType?: string; error?: { code: string; message: string } } };

describe('hostile uploads', () => {
  let t: TestApp;
  let token = '';
  const stored = new Map<string, string>();
  const outcomes = new Map<string, Outcome>();

  beforeAll(async () => {
    t = await createTestApp('pglite');
    token = await t.login('partner-contoso');
    const corpus = new Map(corpusFiles().map((f) => [f.name, f.bytes]));
    for (const name of BASELINE) {
      const bytes = corpus.get(name)!;
      const res = await upload(bytes, `baseline-${name}`);
      expect(res.statusCode, res.body).toBe(201);
      stored.set(name, sha256(bytes));
    }
  }, 60_000);
  afterAll(async () => t?.close());

  function upload(bytes: Uint8Array, fileName: string, contentType = 'application/pdf') {
    return t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) },
      payload: Buffer.from(bytes),
    });
  }

  function multipartUpload(bytes: Uint8Array, fileName: string) {
    const boundary = '----poe-hostile-7f3a';
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`),
      Buffer.from(bytes),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: '/documents',
      headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  }

  async function expectAnswered(input: HostileInput, res: { statusCode: number; body: string; json(): unknown }): Promise<Outcome> {
    const body = res.json() as Outcome['body'];
    expect(res.statusCode, `${input.id}: ${res.body}`).toBeLessThan(500);
    if (res.statusCode < 300) {
      // Accepted: the server measured it, and the stored bytes are the uploaded bytes.
      expect([200, 201]).toContain(res.statusCode);
      expect(body.sha256).toBe(sha256(input.bytes));
      expect(body.pages).toBeGreaterThanOrEqual(1);
      const kept = await t.deps.blobs.get(sha256(input.bytes));
      expect(kept && sha256(kept)).toBe(sha256(input.bytes));
    } else {
      // Refused: a 4xx with a stable code and a sentence for the partner that names the file.
      expect([413, 415, 422]).toContain(res.statusCode);
      expect(body.error?.code).toMatch(/^[a-z_]+$/);
      expect(body.error?.message).toMatch(/^PoE (file|image) “.+”.*\.$/);
      expect(body.error?.message).not.toMatch(/Error|exception|undefined|\bat \w+ \(/);
      if (input.bytes.length > 0) {
        expect(await t.deps.blobs.has(sha256(input.bytes))).toBe(false);
        expect((await t.deps.db.query('select 1 from documents where sha256 = $1', [sha256(input.bytes)])).rowCount).toBe(0);
      }
    }
    const outcome = { status: res.statusCode, body };
    outcomes.set(input.id, outcome);
    return outcome;
  }

  it.each(inputs.map((i) => [i.id, i] as const))('%s: 2xx or a 4xx with a message, within the bound', async (_id, input) => {
    await expectAnswered(input, await upload(input.bytes, input.fileName));
  }, BOUND_MS);

  it.each(inputs.filter((i) => i.family === 'renamed' || i.family === 'bomb' || i.family === 'empty').map((i) => [i.id, i] as const))(
    '%s as multipart/form-data: the same answer',
    async (id, input) => {
      const res = await multipartUpload(input.bytes, input.fileName);
      const raw = outcomes.get(id);
      expect(res.statusCode, res.body).toBeLessThan(500);
      // Accepted bytes were stored by the raw upload already: 200 instead of 201.
      if (raw && raw.status >= 400) expect({ status: res.statusCode, code: (res.json() as Outcome['body']).error?.code }).toEqual({ status: raw.status, code: raw.body.error?.code });
      else expect(res.statusCode).toBe(200);
    },
    BOUND_MS,
  );

  it('refuses what no reviewer could open: empty, renamed non-PDFs, cut-off files, password-protected, page-count bombs, a circular page tree', () => {
    const refused = (id: string) => outcomes.get(id)?.body.error?.code;
    expect(refused('zero-length')).toBe('empty_file');
    for (const id of ['ZIP renamed .pdf', 'HTML with a script renamed .pdf', 'plain text renamed .pdf']) expect(refused(id), id).toBe('unsupported_type');
    for (const input of inputs.filter((i) => i.family === 'truncated')) expect(refused(input.id), input.id).toMatch(/^(incomplete_pdf|unsupported_type)$/);
    expect(refused('bug1782186.pdf')).toBe('password_protected');
    expect(refused('issue6010_1.pdf')).toBe('password_protected');
    expect(refused('100,000 pages')).toBe('too_many_pages');
    expect(outcomes.get('100,000 pages')?.body.error?.message).toContain('100000 pages; the limit is 1000');
    expect(refused('page tree of shared nodes (1,000,000 pages claimed)')).toBe('too_many_pages');
    expect(refused('circular page tree')).toBe('damaged_pdf');
  });

  it('accepts what a reviewer can open, measured by content: the corpus, a PNG named .pdf, huge pages (one page each)', () => {
    expect(outcomes.get('PNG renamed .pdf')?.body).toMatchObject({ mediaType: 'image/png', pages: 1 });
    expect(outcomes.get('tracemonkey.pdf')?.body).toMatchObject({ mediaType: 'application/pdf', pages: 14 });
    for (const id of ['page 14400 × 14400 pt', 'page 1e6 × 1e6 pt', 'page 1e6 × 10 pt', 'page 14400 pt × UserUnit 75000']) {
      expect(outcomes.get(id)?.body, id).toMatchObject({ mediaType: 'application/pdf', pages: 1 });
    }
    const accepted = [...outcomes.values()].filter((o) => o.status < 300).length;
    const refused = outcomes.size - accepted;
    // Every input was answered; a few dozen of each.
    expect(outcomes.size).toBe(inputs.length);
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(40);
  });

  it('still answers afterwards, and the documents stored before are unchanged', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    for (const [name, hash] of stored) {
      const res = await t.app.inject({ method: 'GET', url: `/documents/${hash}`, headers: { authorization: `Bearer ${token}` } });
      expect(res.statusCode, name).toBe(200);
      expect(sha256(res.rawPayload)).toBe(hash);
      const meta = await t.app.inject({ method: 'GET', url: `/documents/${hash}/meta`, headers: { authorization: `Bearer ${token}` } });
      expect(meta.json()).toMatchObject({ sha256: hash, fileName: `baseline-${name}` });
    }
  });
});
