import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROLES, STATUSES } from '../../../shared/domain/catalog';
import { isUniqueViolation, json, sqlState, type Database } from './database';
import { createTestDatabase, testDrivers, type TestDatabase } from './testing';

// Databases (first run: a ~5 s PGlite initdb), worker threads and child processes are slow on a
// loaded 2-core machine; generous limits keep a busy CI from failing on time alone.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

/** The invariants the schema itself enforces, whatever the code above it does. */
describe.each(testDrivers())('schema on $title', ({ name, skip }) => {
  describe.skipIf(skip)('tables and constraints', () => {
    let t: TestDatabase;
    let db: Database;
    let n = 0;
    const uid = (prefix: string) => `${prefix}-${++n}`;

    beforeAll(async () => {
      t = await createTestDatabase(name);
      db = t.db;
    });
    afterAll(async () => t?.dispose());

    const addUser = (id: string, role = 'reviewer', extra: { partnerId?: string; tenantId?: string; username?: string } = {}) =>
      db.query(
        'insert into users (id, username, password_hash, role, partner_id, tenant_id, display_name) values ($1, $2, $3, $4, $5, $6, $7)',
        [id, extra.username ?? id, 'hash', role, extra.partnerId ?? null, extra.tenantId ?? null, id],
      );

    const addClaim = (id: string, status: string = 'submitted', snapshot: unknown = {}) =>
      db.query(
        `insert into claims (id, partner_id, tenant_id, status, version, snapshot, created_at, updated_at, last_global_seq)
         values ($1, 'P1', 'T1', $2, 1, $3, now(), now(), 0)`,
        [id, status, json(snapshot)],
      );

    const addEvent = (claimId: string, seq: number, actorRole = 'partner') =>
      db.query<{ global_seq: number }>(
        `insert into events (claim_id, seq, type, at, actor_id, actor_role, payload)
         values ($1, $2, 'commented', now(), 'u1', $3, $4) returning global_seq`,
        [claimId, seq, actorRole, json({ text: 'hi' })],
      );

    const refusal = async (promise: Promise<unknown>) => sqlState(await promise.then(() => undefined, (error: unknown) => error));

    it('accepts every claim status of the shared core and nothing else', async () => {
      for (const status of STATUSES) await addClaim(uid(`c-${status}`), status);
      expect(await refusal(addClaim(uid('c'), 'archived'))).toBe('23514');
    });

    it('accepts every actor role of the shared core on events and nothing else', async () => {
      const claim = uid('c');
      await addClaim(claim);
      let seq = 0;
      for (const role of ROLES) await addEvent(claim, ++seq, role);
      expect(await refusal(addEvent(claim, seq + 1, 'admin'))).toBe('23514');
    });

    it('lets only one event take a given (claim, seq): the loser of a race gets a unique violation', async () => {
      const claim = uid('c');
      await addClaim(claim);
      await addEvent(claim, 1);
      const error = await addEvent(claim, 1).catch((e: unknown) => e);
      expect(isUniqueViolation(error)).toBe(true);
    });

    it('keeps history append-only', async () => {
      const claim = uid('c');
      await addClaim(claim);
      await addEvent(claim, 1);
      expect(await refusal(db.query("update events set type = 'x' where claim_id = $1", [claim]))).toBe('55000');
      expect(await refusal(db.query('delete from events where claim_id = $1', [claim]))).toBe('55000');
    });

    it('numbers events and mutation outcomes from one increasing sequence (one pull cursor)', async () => {
      const claim = uid('c');
      const user = uid('u');
      const client = uid('client');
      await addClaim(claim);
      await addUser(user);
      await db.query('insert into clients (client_id, user_id) values ($1, $2)', [client, user]);
      const e1 = (await addEvent(claim, 1)).rows[0]!.global_seq;
      const o1 = (
        await db.query<{ global_seq: number }>(
          "insert into mutation_outcomes (client_id, mutation_id, name, status, code, message) values ($1, 1, 'approve', 'refused', 'invalid_transition', 'no') returning global_seq",
          [client],
        )
      ).rows[0]!.global_seq;
      const e2 = (await addEvent(claim, 2)).rows[0]!.global_seq;
      expect(typeof e1).toBe('number');
      expect(e1).toBeLessThan(o1);
      expect(o1).toBeLessThan(e2);
    });

    it('records one outcome per (client, mutation) and a refusal always carries its code', async () => {
      const user = uid('u');
      const client = uid('client');
      await addUser(user);
      await db.query('insert into clients (client_id, user_id) values ($1, $2)', [client, user]);
      const insert = (mutationId: number, status: string, code: string | null) =>
        db.query('insert into mutation_outcomes (client_id, mutation_id, name, status, code) values ($1, $2, $3, $4, $5)', [
          client,
          mutationId,
          'comment',
          status,
          code,
        ]);
      await insert(1, 'applied', null);
      expect(await refusal(insert(1, 'applied', null))).toBe('23505');
      expect(await refusal(insert(2, 'refused', null))).toBe('23514');
      expect(await refusal(insert(3, 'applied', 'forbidden'))).toBe('23514');
    });

    it('never lets a client’s last mutation id go down, nor the client change hands', async () => {
      const [alice, bob, client] = [uid('u'), uid('u'), uid('client')];
      await addUser(alice);
      await addUser(bob);
      await db.query('insert into clients (client_id, user_id) values ($1, $2)', [client, alice]);
      await db.query('update clients set last_mutation_id = 5 where client_id = $1', [client]);
      await db.query('update clients set last_mutation_id = 5 where client_id = $1', [client]); // same is fine
      expect(await refusal(db.query('update clients set last_mutation_id = 4 where client_id = $1', [client]))).toBe('23514');
      expect(await refusal(db.query('update clients set user_id = $2 where client_id = $1', [client, bob]))).toBe('23514');
    });

    it('binds partners to a Partner ID, customers to a tenant, and nobody else to either', async () => {
      await addUser(uid('p'), 'partner', { partnerId: 'P1' });
      await addUser(uid('c'), 'customer', { tenantId: 'T1' });
      expect(await refusal(addUser(uid('p'), 'partner'))).toBe('23514');
      expect(await refusal(addUser(uid('c'), 'customer'))).toBe('23514');
      expect(await refusal(addUser(uid('r'), 'reviewer', { partnerId: 'P1' }))).toBe('23514');
      expect(await refusal(addUser(uid('x'), 'superuser'))).toBe('23514');
    });

    it('treats usernames case-insensitively', async () => {
      await addUser(uid('u'), 'reviewer', { username: 'Mika' });
      expect(await refusal(addUser(uid('u'), 'reviewer', { username: 'mika' }))).toBe('23505');
    });

    it('stores only token hashes in sessions', async () => {
      const user = uid('u');
      await addUser(user);
      const insert = (tokenHash: string) =>
        db.query("insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, now(), now() + interval '1 hour')", [
          tokenHash,
          user,
        ]);
      await insert('a'.repeat(64));
      expect(await refusal(insert('poe_plain-token'))).toBe('23514');
    });

    it('finds every claim citing a given PoE file (reused-document check)', async () => {
      const sha = 'b'.repeat(64);
      const [c1, c2, c3] = [uid('c'), uid('c'), uid('c')];
      await addClaim(c1, 'submitted', { documents: [{ sha256: sha, fileName: 'sow.pdf' }] });
      await addClaim(c2, 'submitted', { documents: [{ sha256: 'c'.repeat(64) }, { sha256: sha, fileName: 'copy.pdf' }] });
      await addClaim(c3, 'submitted', { documents: [{ sha256: 'd'.repeat(64) }] });
      const { rows } = await db.query<{ id: string }>(
        "select id from claims where snapshot -> 'documents' @> $1::jsonb order by id",
        [json([{ sha256: sha }])],
      );
      expect(rows.map((r) => r.id)).toEqual([c1, c2].sort());
    });

    it('accepts documents only with a sha256 hex id, a supported type and at least one page', async () => {
      const insert = (sha: string, mediaType: string, pages: number) =>
        db.query(
          "insert into documents (sha256, media_type, size, pages, file_name, uploaded_by, uploaded_at) values ($1, $2, 10, $3, 'a.pdf', 'u', now())",
          [sha, mediaType, pages],
        );
      await insert('e'.repeat(64), 'application/pdf', 3);
      expect(await refusal(insert('E'.repeat(64), 'application/pdf', 3))).toBe('23514');
      expect(await refusal(insert('f'.repeat(64), 'text/plain', 1))).toBe('23514');
      expect(await refusal(insert('f'.repeat(64), 'image/png', 0))).toBe('23514');
    });

    it('stores settings as JSON', async () => {
      await db.query('insert into settings (key, value) values ($1, $2)', ['calendar', json({ zone: 'Asia/Tokyo', holidays: ['2025-01-01'] })]);
      expect((await db.query('select value from settings where key = $1', ['calendar'])).rows).toEqual([
        { value: { zone: 'Asia/Tokyo', holidays: ['2025-01-01'] } },
      ]);
    });
  });
});
