/**
 * The backend's logs carry no secrets and no claim content: the real HTTP app with the production
 * logger configuration (server/src/logging.ts, as server/src/main.ts uses it) writes into a
 * capture while a partner and a reviewer sign in (right and wrong passwords), send malformed and
 * invalid bodies with the password in them, upload PoE (accepted and refused), file, comment and
 * sign out. Then no captured line contains the password, a token, the PoE's marker text or bytes.
 */
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTOSO, FABRIKAM } from '../../server/src/http/claim-fixtures';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../../server/src/http/testing';
import { serverLoggerOptions } from '../../server/src/logging';
import type { LogLevel } from '../../server/src/config';

const WRONG_PASSWORD = 'Wrong-Sesame-7f3a9c';
/** Text only the PoE file holds (its content and its title). */
const POE_MARKER = 'PoE-Marker-Q7Zx41-Confidential-Pricing';
/** The file's name (a partner's file name is claim content too). */
const FILE_MARKER = 'FileName-Marker-K2w8';
const COMMENT_MARKER = 'Comment-Marker-M9v3';

async function poePdf(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(POE_MARKER);
  // Also as a plain (not hex, not compressed) string, so the marker is literally in the bytes.
  pdf.catalog.set(PDFName.of('PoeMarker'), PDFString.of(POE_MARKER));
  const page = pdf.addPage([400, 300]);
  page.drawText(`Statement of work ${POE_MARKER}`, { x: 40, y: 200, size: 12, font: await pdf.embedFont(StandardFonts.Helvetica) });
  return pdf.save({ useObjectStreams: false });
}

/** Pieces of the file a log could carry: raw (Latin-1), base64 and hex of a stretch of its bytes. */
function byteTraces(bytes: Uint8Array): string[] {
  const middle = Buffer.from(bytes.subarray(Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 48));
  return [middle.toString('base64'), middle.toString('hex'), Buffer.from(bytes.subarray(0, 9)).toString('base64')];
}

describe.each<{ level: LogLevel }>([{ level: 'info' }, { level: 'trace' }])('server logs at level $level', ({ level }) => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', { app: { logger: serverLoggerOptions(level, { write: (line: string) => lines.push(line) }) } });
  }, 60_000);
  afterAll(async () => t?.close());

  it('contain no password, token, PoE content or claim text', async () => {
    const inject = t.app.inject.bind(t.app);
    const secrets: string[] = [TEST_PASSWORD, WRONG_PASSWORD];

    // Sign-ins: right and wrong password, then bodies refused before any check, with the password in them.
    const tokens: Record<string, string> = {};
    for (const username of ['partner-contoso', 'reviewer1']) {
      const ok = await inject({ method: 'POST', url: '/auth/login', payload: { username, password: TEST_PASSWORD } });
      expect(ok.statusCode, ok.body).toBe(200);
      tokens[username] = (ok.json() as { token: string }).token;
    }
    const wrong = await inject({ method: 'POST', url: '/auth/login', payload: { username: 'reviewer1', password: WRONG_PASSWORD } });
    expect(wrong.statusCode).toBe(401);
    const invalid = await inject({ method: 'POST', url: '/auth/login', payload: { username: 'reviewer1', password: TEST_PASSWORD, remember: 'yes' } });
    expect(invalid.statusCode).toBe(400);
    const badType = await inject({ method: 'POST', url: '/auth/login', payload: { username: TEST_PASSWORD, password: 42 } });
    expect(badType.statusCode).toBe(400);
    const malformed = await inject({
      method: 'POST',
      url: '/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: `{"username":"reviewer1","password":"${TEST_PASSWORD}"`,
    });
    expect(malformed.statusCode).toBe(400);
    const queryPassword = await inject({ method: 'POST', url: `/auth/login?password=${encodeURIComponent(WRONG_PASSWORD)}`, payload: { username: 'reviewer1' } });
    expect(queryPassword.statusCode).toBe(400);
    secrets.push(...Object.values(tokens));
    const as = (user: string) => ({ authorization: `Bearer ${tokens[user]}` });

    // PoE upload: the file name in the query string and in the header; then a damaged copy, refused.
    const pdf = await poePdf();
    expect(Buffer.from(pdf).toString('latin1')).toContain(POE_MARKER);
    const upload = await inject({
      method: 'POST',
      url: `/documents?fileName=${encodeURIComponent(`${FILE_MARKER}.pdf`)}`,
      headers: { ...as('partner-contoso'), 'content-type': 'application/pdf', 'x-file-name': `${FILE_MARKER}-header.pdf` },
      payload: Buffer.from(pdf),
    });
    expect(upload.statusCode, upload.body).toBe(201);
    const { sha256 } = upload.json() as { sha256: string };
    const damaged = Buffer.concat([Buffer.from(pdf.subarray(0, 40)), Buffer.from(`\n(${POE_MARKER}) Tj garbage ${POE_MARKER}\n%%EOF`)]);
    const refused = await inject({
      method: 'POST',
      url: `/documents?fileName=${encodeURIComponent(`${FILE_MARKER}-damaged.pdf`)}`,
      headers: { ...as('partner-contoso'), 'content-type': 'application/pdf' },
      payload: damaged,
    });
    expect(refused.statusCode, refused.body).toBe(422);
    const read = await inject({ url: `/documents/${sha256}`, headers: as('reviewer1') });
    expect(read.statusCode).toBe(200);

    // A claim with it, a partner comment and a reviewer comment through sync.
    const created = await inject({
      method: 'POST',
      url: '/partner/claims',
      headers: as('partner-contoso'),
      payload: { partner: CONTOSO, customer: FABRIKAM, products: ['d365_sales'], documents: [{ sha256 }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const claimId = (created.json() as { claim: { id: string } }).claim.id;
    expect((await inject({ method: 'POST', url: `/partner/claims/${claimId}/submit`, headers: as('partner-contoso') })).statusCode).toBe(200);
    const partnerComment = await inject({
      method: 'POST',
      url: `/partner/claims/${claimId}/comment`,
      headers: as('partner-contoso'),
      payload: { text: `${COMMENT_MARKER} partner: our password is ${TEST_PASSWORD}` },
    });
    expect(partnerComment.statusCode, partnerComment.body).toBe(200);
    const push = await inject({
      method: 'POST',
      url: '/sync/push',
      headers: as('reviewer1'),
      payload: {
        clientId: 'logging-test',
        mutations: [{ id: 1, name: 'comment', args: { claimId, commentId: 'c-1', text: `${COMMENT_MARKER} reviewer` }, clientTime: t.clock.now.toISOString() }],
      },
    });
    expect(push.statusCode, push.body).toBe(200);
    expect((push.json() as { outcomes: { status: string }[] }).outcomes[0]?.status).toBe('applied');
    // An invalid comment with the marker: refused by validation.
    const invalidComment = await inject({ method: 'POST', url: `/partner/claims/${claimId}/comment`, headers: as('partner-contoso'), payload: { text: COMMENT_MARKER, extra: TEST_PASSWORD } });
    expect(invalidComment.statusCode).toBe(400);
    // A forged token and a signed-out one.
    expect((await inject({ url: '/auth/me', headers: { authorization: `Bearer ${tokens['reviewer1']}x` } })).statusCode).toBe(401);
    expect((await inject({ method: 'POST', url: '/auth/logout', headers: as('reviewer1') })).statusCode).toBe(200);
    expect((await inject({ url: '/auth/me', headers: as('reviewer1') })).statusCode).toBe(401);

    // The capture did record the requests (so an empty log cannot pass).
    const log = lines.join('');
    expect(lines.length).toBeGreaterThan(20);
    expect(log).toContain('/auth/login');
    expect(log).toContain('/documents');

    // Tokens also by their distinctive parts (a prefix or suffix of each).
    const tokenParts = Object.values(tokens).flatMap((token) => [token.slice(0, 24), token.slice(-24)]);
    const leaks = [...secrets, ...tokenParts, POE_MARKER, FILE_MARKER, COMMENT_MARKER, ...byteTraces(pdf), ...byteTraces(damaged)]
      .filter((secret) => log.includes(secret))
      .map((secret) => `${secret} in: ${lines.find((line) => line.includes(secret))}`);
    expect(leaks).toEqual([]);
  }, 60_000);

  it('blanks secrets and bodies in objects logged by mistake', () => {
    const before = lines.length;
    t.app.log.error({ password: TEST_PASSWORD, body: { text: COMMENT_MARKER }, user: { token: 'tok-123456789', password: WRONG_PASSWORD } }, 'oops');
    const written = lines.slice(before).join('');
    expect(written).toContain('oops');
    expect(written).toContain('[redacted]');
    for (const secret of [TEST_PASSWORD, WRONG_PASSWORD, COMMENT_MARKER, 'tok-123456789']) expect(written).not.toContain(secret);
  });
});
