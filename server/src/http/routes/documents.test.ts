import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../db/testing';
import { makeJpeg, makePng } from '../../documents/test-images';
import { buildApp } from '../app';
import { CONTOSO, FABRIKAM } from '../claim-fixtures';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../testing';
import { contentDisposition } from './documents';

/** The pdf.js corpus of ../shared/pdfs, vendored in server/test-fixtures/pdfs (POE_PDF_CORPUS overrides). */
const CORPUS =
  process.env.POE_PDF_CORPUS !== undefined && process.env.POE_PDF_CORPUS !== ''
    ? process.env.POE_PDF_CORPUS
    : fileURLToPath(new URL('../../../test-fixtures/pdfs/', import.meta.url));
if (!existsSync(path.join(CORPUS, 'tracemonkey.pdf'))) throw new Error(`PDF corpus not found in ${CORPUS}`);
const corpus = (name: string) => readFileSync(path.join(CORPUS, name));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What the API answers for each corpus file (see inspect.test.ts for why the broken ones open). */
const EXPECTED: Record<string, { pages: number } | { status: number; code: string; message?: string }> = {
  'TAMReview.pdf': { pages: 23 },
  'bug1782186.pdf': { status: 422, code: 'password_protected', message: 'PoE file “bug1782186.pdf” is password-protected; upload an unprotected copy.' },
  'cmykjpeg.pdf': { pages: 1 },
  'form_two_pages.pdf': { pages: 2 },
  'helloworld-bad.pdf': { pages: 1 },
  'issue6010_1.pdf': { status: 422, code: 'password_protected', message: 'PoE file “issue6010_1.pdf” is password-protected; upload an unprotected copy.' },
  'noembed-eucjp.pdf': { pages: 1 },
  'scan-bad.pdf': { status: 422, code: 'incomplete_pdf' },
  'signed_verified.pdf': { pages: 1 },
  'sizes.pdf': { pages: 3 },
  'tracemonkey.pdf': { pages: 14 },
  'xref_command_missing.pdf': { pages: 1 },
};

const BOUNDARY = '----poe-test-boundary-7d1f';
function multipart(parts: Array<{ name: string; fileName?: string; type?: string; data: Uint8Array | string }>): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName !== undefined ? `; filename="${p.fileName}"` : ''}`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${BOUNDARY}` };
}

describe.each(testDrivers())('documents on $title', ({ name, skip }) => {
  describe.skipIf(skip)('upload, inspect, download', () => {
    let t: TestApp;
    const tokens: Record<string, string> = {};
    beforeAll(async () => {
      t = await createTestApp(name);
      for (const u of ['reviewer1', 'supervisor', 'partner-contoso', 'partner-litware', 'customer-fabrikam', 'admin']) tokens[u] = await t.login(u);
    }, 60_000);
    afterAll(async () => t?.close());

    const auth = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });
    const upload = (user: string, bytes: Uint8Array, fileName: string, contentType = 'application/pdf') =>
      t.app.inject({
        method: 'POST',
        url: '/documents',
        headers: { ...auth(user), 'content-type': contentType, 'x-file-name': encodeURIComponent(fileName) },
        payload: Buffer.from(bytes),
      });

    it('covers every file of the shared corpus', () => {
      expect(readdirSync(CORPUS).filter((f) => f.endsWith('.pdf')).sort()).toEqual(Object.keys(EXPECTED).sort());
    });

    it.each(Object.entries(EXPECTED))('%s → %j', async (file, expected) => {
      const bytes = corpus(file);
      const res = await upload('partner-contoso', bytes, file);
      if ('pages' in expected) {
        expect(res.statusCode, res.body).toBe(201);
        expect(res.json()).toEqual({ sha256: sha256(bytes), fileName: file, mediaType: 'application/pdf', size: bytes.byteLength, pages: expected.pages });
      } else {
        expect(res.statusCode, res.body).toBe(expected.status);
        expect(res.json().error.code).toBe(expected.code);
        if (expected.message) expect(res.json().error.message).toBe(expected.message);
        // Nothing of a refused file is kept.
        expect(await t.deps.blobs.has(sha256(bytes))).toBe(false);
        const row = await t.deps.db.query('select 1 from documents where sha256 = $1', [sha256(bytes)]);
        expect(row.rowCount).toBe(0);
      }
    });

    it('is idempotent: the same bytes again give the same document (200), stored once', async () => {
      const bytes = corpus('form_two_pages.pdf');
      const first = await upload('partner-contoso', bytes, 'form.pdf');
      const again = await upload('partner-contoso', bytes, 'form again.pdf');
      expect([201, 200]).toContain(first.statusCode);
      expect(again.statusCode).toBe(200);
      expect(again.json()).toMatchObject({ sha256: sha256(bytes), pages: 2, fileName: 'form again.pdf' });
      const rows = await t.deps.db.query('select file_name from documents where sha256 = $1', [sha256(bytes)]);
      expect(rows.rowCount).toBe(1);
    });

    it('takes the file name from ?fileName= and keeps non-ASCII names', async () => {
      const png = makePng(9, 4);
      const res = await t.app.inject({
        method: 'POST',
        url: `/documents?fileName=${encodeURIComponent('受領確認.png')}`,
        headers: { ...auth('partner-contoso'), 'content-type': 'application/octet-stream' },
        payload: Buffer.from(png),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toEqual({ sha256: sha256(png), fileName: '受領確認.png', mediaType: 'image/png', size: png.byteLength, pages: 1 });
    });

    it('accepts PNG and JPEG by content, whatever the declared type', async () => {
      const png = makePng(30, 20);
      const jpeg = makeJpeg(24, 16);
      expect((await upload('partner-contoso', png, 'screenshot.png', 'image/png')).json()).toMatchObject({ mediaType: 'image/png', pages: 1 });
      // Declared as a PDF, but the bytes are a JPEG: stored as what it is.
      expect((await upload('partner-contoso', jpeg, 'scan.jpg', 'application/pdf')).json()).toMatchObject({ mediaType: 'image/jpeg', pages: 1, size: jpeg.byteLength });
    });

    it('refuses an empty file, a renamed text file, and HTML with the inspector’s messages', async () => {
      const empty = await upload('partner-contoso', new Uint8Array(), 'sow.pdf');
      expect(empty.statusCode).toBe(422);
      expect(empty.json().error).toEqual({ code: 'empty_file', message: 'PoE file “sow.pdf” is empty (0 bytes); choose the file again and upload it.' });

      const text = await upload('partner-contoso', new TextEncoder().encode('Statement of work\nSigned: Fabrikam\n'), 'statement-of-work.pdf');
      expect(text.statusCode).toBe(415);
      expect(text.json().error).toEqual({
        code: 'unsupported_type',
        message: 'PoE file “statement-of-work.pdf” is not a PDF, PNG or JPEG file (whatever its name says). Export or scan the PoE as a PDF and upload that.',
      });

      const html = await upload('partner-contoso', new TextEncoder().encode('<html><script>alert(1)</script></html>'), '<script>.pdf', 'application/octet-stream');
      expect(html.statusCode).toBe(415);
      expect(html.json().error.code).toBe('unsupported_type');
    });

    it('refuses bodies of other content types, and JSON, with 415', async () => {
      const gif = await t.app.inject({
        method: 'POST',
        url: '/documents',
        headers: { ...auth('partner-contoso'), 'content-type': 'image/gif' },
        payload: Buffer.from('GIF89a'),
      });
      expect(gif.statusCode).toBe(415);
      const json = await t.app.inject({ method: 'POST', url: '/documents', headers: auth('partner-contoso'), payload: { sha256: 'x' } });
      expect(json.statusCode).toBe(415);
      expect(json.json().error.code).toBe('unsupported_media_type');
      // Other routes do not take files, so they never buffer one.
      for (const type of ['application/pdf', 'application/octet-stream', `multipart/form-data; boundary=${BOUNDARY}`]) {
        const elsewhere = await t.app.inject({
          method: 'POST',
          url: '/partner/claims',
          headers: { ...auth('partner-contoso'), 'content-type': type },
          payload: corpus('sizes.pdf'),
        });
        expect(elsewhere.statusCode, type).toBe(415);
        expect(elsewhere.json().error.code).toBe('unsupported_media_type');
      }
    });

    it('accepts multipart/form-data with the file name of the part', async () => {
      const bytes = corpus('sizes.pdf');
      const form = multipart([
        { name: 'note', data: 'signed SOW' },
        { name: 'file', fileName: 'Fabrikam SOW.pdf', type: 'application/pdf', data: bytes },
      ]);
      const res = await t.app.inject({ method: 'POST', url: '/documents', headers: { ...auth('partner-litware'), 'content-type': form.contentType }, payload: form.body });
      expect([200, 201]).toContain(res.statusCode);
      expect(res.json()).toEqual({ sha256: sha256(bytes), fileName: 'Fabrikam SOW.pdf', mediaType: 'application/pdf', size: bytes.byteLength, pages: 3 });
    });

    it('refuses multipart bodies without a file, malformed ones, and protected PDFs in them, with 4xx', async () => {
      const noFile = multipart([{ name: 'note', data: 'hello' }]);
      const a = await t.app.inject({ method: 'POST', url: '/documents', headers: { ...auth('partner-contoso'), 'content-type': noFile.contentType }, payload: noFile.body });
      expect(a.statusCode).toBe(400);
      expect(a.json().error.code).toBe('no_file');

      const cut = await t.app.inject({
        method: 'POST',
        url: '/documents',
        headers: { ...auth('partner-contoso'), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
        payload: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="x.pdf"\r\n\r\n%PDF-1.4 trunc`,
      });
      expect(cut.statusCode).toBeGreaterThanOrEqual(400);
      expect(cut.statusCode).toBeLessThan(500);

      const noBoundary = await t.app.inject({ method: 'POST', url: '/documents', headers: { ...auth('partner-contoso'), 'content-type': 'multipart/form-data' }, payload: 'x' });
      expect(noBoundary.statusCode).toBeGreaterThanOrEqual(400);
      expect(noBoundary.statusCode).toBeLessThan(500);

      const locked = multipart([{ name: 'file', fileName: 'issue6010_1.pdf', data: corpus('issue6010_1.pdf') }]);
      const c = await t.app.inject({ method: 'POST', url: '/documents', headers: { ...auth('partner-contoso'), 'content-type': locked.contentType }, payload: locked.body });
      expect(c.statusCode).toBe(422);
      expect(c.json().error.message).toBe('PoE file “issue6010_1.pdf” is password-protected; upload an unprotected copy.');
    });

    it('round-trips a download byte for byte with safe headers, and answers 304 to its ETag', async () => {
      const bytes = corpus('tracemonkey.pdf');
      const { sha256: hash } = (await upload('partner-contoso', bytes, 'tracemonkey.pdf')).json() as { sha256: string };
      const res = await t.app.inject({ url: `/documents/${hash}`, headers: auth('reviewer1') });
      expect(res.statusCode).toBe(200);
      expect(sha256(res.rawPayload)).toBe(sha256(bytes));
      expect(res.rawPayload.byteLength).toBe(bytes.byteLength);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="tracemonkey.pdf"; filename*=UTF-8''tracemonkey.pdf`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['cache-control']).toContain('private');
      expect(res.headers['cache-control']).toContain('immutable');
      expect(res.headers.etag).toBe(`"${hash}"`);

      const cached = await t.app.inject({ url: `/documents/${hash}`, headers: { ...auth('reviewer1'), 'if-none-match': `"${hash}"` } });
      expect(cached.statusCode).toBe(304);
      expect(cached.rawPayload.byteLength).toBe(0);

      const meta = await t.app.inject({ url: `/documents/${hash}/meta`, headers: auth('partner-contoso') });
      expect(meta.json()).toEqual({
        sha256: hash,
        fileName: 'tracemonkey.pdf',
        mediaType: 'application/pdf',
        size: bytes.byteLength,
        pages: 14,
        uploadedBy: 'partner-1',
        uploadedAt: t.clock.now.toISOString(),
      });
    });

    it('serves images with their own content type', async () => {
      const jpeg = makeJpeg(8, 8);
      const { sha256: hash } = (await upload('partner-contoso', jpeg, 'photo.jpg', 'image/jpeg')).json() as { sha256: string };
      const res = await t.app.inject({ url: `/documents/${hash}`, headers: auth('supervisor') });
      expect(res.headers['content-type']).toBe('image/jpeg');
      expect(Buffer.compare(res.rawPayload, Buffer.from(jpeg))).toBe(0);
    });

    it('lets a partner read only documents of its organization or on its claims; others get 404', async () => {
      const bytes = makePng(41, 17); // uploaded by nobody else in this file
      const hash = sha256(bytes);
      expect((await upload('partner-litware', bytes, 'litware-sow.png', 'image/png')).statusCode).toBe(201);
      expect((await t.app.inject({ url: `/documents/${hash}`, headers: auth('partner-litware') })).statusCode).toBe(200);

      for (const url of [`/documents/${hash}`, `/documents/${hash}/meta`]) {
        const res = await t.app.inject({ url, headers: auth('partner-contoso') });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().error.message).toBe(`Document ${hash} does not exist.`);
      }
      // Exactly what an unknown hash answers: existence does not leak.
      const unknown = 'f'.repeat(64);
      expect((await t.app.inject({ url: `/documents/${unknown}`, headers: auth('partner-contoso') })).json().error.message).toBe(`Document ${unknown} does not exist.`);

      // Contoso has the same bytes and uploads them: the first upload's name is not revealed.
      const again = await upload('partner-contoso', bytes, 'contoso-copy.png', 'image/png');
      expect(again.statusCode).toBe(200);
      expect(again.json().fileName).toBe('contoso-copy.png');
      // Once the document is on one of Contoso's claims, Contoso may read it, under a neutral name.
      const created = await t.app.inject({
        method: 'POST',
        url: '/partner/claims',
        headers: auth('partner-contoso'),
        payload: { partner: CONTOSO, customer: FABRIKAM, products: ['power_bi'], documents: [{ sha256: hash }] },
      });
      expect(created.statusCode, created.body).toBe(201);
      const doc = created.json().claim.documents[0];
      expect(doc).toMatchObject({ sha256: hash, uploadedBy: 'partner-1', fileName: `PoE-${hash.slice(0, 12)}.png` });
      const res = await t.app.inject({ url: `/documents/${hash}`, headers: auth('partner-contoso') });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain(`PoE-${hash.slice(0, 12)}.png`);
      const meta = (await t.app.inject({ url: `/documents/${hash}/meta`, headers: auth('partner-contoso') })).json();
      expect(meta).not.toHaveProperty('uploadedBy');
      expect(meta.fileName).toBe(`PoE-${hash.slice(0, 12)}.png`);
    });

    it('keeps customers and admins out, and checks the hash', async () => {
      const hash = sha256(corpus('tracemonkey.pdf'));
      for (const user of ['customer-fabrikam', 'admin']) {
        expect((await t.app.inject({ url: `/documents/${hash}`, headers: auth(user) })).statusCode, user).toBe(403);
        expect((await upload(user, corpus('sizes.pdf'), 'x.pdf')).statusCode, user).toBe(403);
      }
      expect((await t.app.inject({ url: `/documents/${hash}` })).statusCode).toBe(401);
      expect((await t.app.inject({ method: 'POST', url: '/documents', headers: { 'content-type': 'application/pdf' }, payload: corpus('sizes.pdf') })).statusCode).toBe(401);
      for (const bad of [hash.toUpperCase(), 'abc', '../../etc/passwd', `${hash}0`]) {
        const res = await t.app.inject({ url: `/documents/${encodeURIComponent(bad)}`, headers: auth('reviewer1') });
        expect(res.statusCode, bad).toBe(400);
        expect(res.json().error.code).toBe('validation');
      }
    });

    it('says the file is gone when its bytes are missing from the store', async () => {
      const png = makePng(3, 3);
      const { sha256: hash } = (await upload('partner-contoso', png, 'p.png', 'image/png')).json() as { sha256: string };
      const original = t.deps.blobs.get;
      t.deps.blobs.get = async () => null;
      try {
        const res = await t.app.inject({ url: `/documents/${hash}`, headers: auth('reviewer1') });
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('document_unavailable');
      } finally {
        t.deps.blobs.get = original;
      }
    });

    it('refuses a body announced as 1 GB at once, before reading it', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as AddressInfo;
      const started = Date.now();
      const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/documents',
            headers: { ...auth('partner-contoso'), 'content-type': 'application/pdf', 'content-length': String(1024 ** 3) },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => (body += c.toString()));
            res.on('end', () => {
              req.destroy();
              resolve({ status: res.statusCode ?? 0, body });
            });
          },
        );
        req.on('error', reject);
        req.write(Buffer.alloc(64 * 1024));
      });
      expect(status.status).toBe(413);
      expect(JSON.parse(status.body).error).toMatchObject({ code: 'file_too_large' });
      expect(JSON.parse(status.body).error.message).toContain('the limit is 25 MB');
      expect(Date.now() - started).toBeLessThan(5000);
    });
  });

  describe.skipIf(skip)('with a 10 KB upload limit', () => {
    let t: TestApp;
    let small: FastifyInstance;
    let token: string;
    beforeAll(async () => {
      t = await createTestApp(name);
      small = await buildApp({ ...t.deps, config: { ...t.deps.config, maxUploadBytes: 10 * 1024 } });
      await small.ready();
      token = (
        (await small.inject({ method: 'POST', url: '/auth/login', payload: { username: 'partner-contoso', password: TEST_PASSWORD } })).json() as { token: string }
      ).token;
    }, 60_000);
    afterAll(async () => {
      await small?.close();
      await t?.close();
    });

    it('refuses a larger raw body with 413 and a message naming the limit', async () => {
      const res = await small.inject({
        method: 'POST',
        url: '/documents',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
        payload: corpus('sizes.pdf'),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error).toEqual({
        code: 'file_too_large',
        message:
          'The PoE file is about 13.4 KB; the limit is 10 KB. Reduce it (for example, export with compressed images, or upload only the relevant pages) and upload it again.',
      });
    });

    it('refuses a larger file in a multipart body with 413', async () => {
      const form = multipart([{ name: 'file', fileName: 'sizes.pdf', data: corpus('sizes.pdf') }]);
      const res = await small.inject({ method: 'POST', url: '/documents', headers: { authorization: `Bearer ${token}`, 'content-type': form.contentType }, payload: form.body });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('file_too_large');
    });

    it('cuts off a streamed body without a length at the limit', async () => {
      const res = await small.inject({
        method: 'POST',
        url: '/documents',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
        payload: Readable.from([corpus('sizes.pdf').subarray(0, 8000), corpus('sizes.pdf').subarray(8000)]),
      });
      expect(res.statusCode).toBe(413);
    });

    it('accepts a file under the limit', async () => {
      const res = await small.inject({
        method: 'POST',
        url: '/documents',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/pdf' },
        payload: corpus('xref_command_missing.pdf'),
      });
      expect(res.statusCode).toBe(201);
    });
  });
});

describe('contentDisposition', () => {
  it('quotes safely and carries the exact name in UTF-8', () => {
    expect(contentDisposition('a "b"\\c;.pdf')).toBe(`attachment; filename="a _b__c_.pdf"; filename*=UTF-8''a%20%22b%22%5Cc%3B.pdf`);
    expect(contentDisposition('見積書 (1).pdf')).toBe(`attachment; filename="___ (1).pdf"; filename*=UTF-8''%E8%A6%8B%E7%A9%8D%E6%9B%B8%20%281%29.pdf`);
  });
});
