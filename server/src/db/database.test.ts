import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { json, type Database } from './database';
import { createTestDatabase, testDrivers, type TestDatabase } from './testing';

// Databases (first run: a ~5 s PGlite initdb), worker threads and child processes are slow on a
// loaded 2-core machine; generous limits keep a busy CI from failing on time alone.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

/** The driver contract: both drivers must behave identically for everything below. */
describe.each(testDrivers())('Database on $title', ({ name, skip }) => {
  describe.skipIf(skip)('driver contract', () => {
    let t: TestDatabase;
    let db: Database;
    beforeAll(async () => {
      t = await createTestDatabase(name, { migrated: false });
      db = t.db;
      await db.query('create table items (id integer primary key, label text not null, big bigint, doc jsonb, at timestamptz, bytes bytea)');
    });
    afterAll(async () => t?.dispose());

    it('returns int8 as a number, jsonb parsed, timestamptz as Date, bytea as bytes', async () => {
      const at = new Date('2025-03-01T09:30:00.123Z');
      await db.query('insert into items values ($1, $2, $3, $4, $5, $6)', [1, 'one', 9007199254740991, json([{ a: 1 }]), at, new Uint8Array([1, 2, 3])]);
      const { rows } = await db.query<{ big: number; doc: unknown; at: Date; bytes: Uint8Array; n: number }>(
        'select big, doc, at, bytes, (select count(*) from items) as n from items where id = 1',
      );
      expect(rows[0]).toMatchObject({ big: 9007199254740991, doc: [{ a: 1 }], at, n: 1 });
      expect([...rows[0]!.bytes]).toEqual([1, 2, 3]);
    });

    it('refuses an int8 that a JS number cannot hold exactly', async () => {
      await expect(db.query('select 9007199254740993::bigint as v')).rejects.toThrow(/does not fit/);
    });

    it('accepts string arrays for = any($1) and reports rowCount for every statement kind', async () => {
      await db.query("insert into items (id, label) values (2, 'two'), (3, 'three')");
      const selected = await db.query('select id from items where label = any($1::text[]) order by id', [['two', 'three']]);
      expect(selected.rows).toEqual([{ id: 2 }, { id: 3 }]);
      expect(selected.rowCount).toBe(2);
      expect((await db.query("update items set label = label || '!' where id in (2, 3)")).rowCount).toBe(2);
    });

    it('commits a transaction and returns its value', async () => {
      const value = await db.transaction(async (tx) => {
        await tx.query("insert into items (id, label) values (10, 'ten')");
        return 'done';
      });
      expect(value).toBe('done');
      expect((await db.query('select label from items where id = 10')).rows).toEqual([{ label: 'ten' }]);
    });

    it('rolls back everything when the function throws', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into items (id, label) values (20, 'twenty')");
          await tx.query("update items set label = 'changed' where id = 10");
          throw new Error('decide refused');
        }),
      ).rejects.toThrow('decide refused');
      expect((await db.query('select * from items where id = 20')).rowCount).toBe(0);
      expect((await db.query('select label from items where id = 10')).rows).toEqual([{ label: 'ten' }]);
    });

    it('rolls back everything when a statement fails mid-way', async () => {
      await expect(
        db.transaction(async (tx) => {
          await tx.query("insert into items (id, label) values (21, 'ok')");
          await tx.query("insert into items (id, label) values (10, 'duplicate key')");
        }),
      ).rejects.toMatchObject({ code: '23505' });
      expect((await db.query('select * from items where id = 21')).rowCount).toBe(0);
    });

    it('refuses db.query and nested transactions inside a transaction, instead of deadlocking', async () => {
      await expect(db.transaction(async () => db.query('select 1'))).rejects.toThrow(/inside a transaction/);
      await expect(db.transaction(async () => db.transaction(async () => 1))).rejects.toThrow(/inside a transaction/);
      // ...and the database is still usable afterwards.
      expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
    });

    it('refuses a transaction handle used after its transaction finished', async () => {
      let leaked: { query: (sql: string) => Promise<unknown> } | undefined;
      await db.transaction(async (tx) => {
        leaked = tx;
      });
      await expect(leaked!.query('select 1')).rejects.toThrow(/already finished/);
    });

    it('delivers notifications to listeners, and a transaction’s only when it commits', async () => {
      const channel = `poke_${name}_${Date.now()}`;
      const heard: string[] = [];
      const unlisten = await db.listen(channel, (payload) => heard.push(payload));
      await db.notify(channel, 'direct');
      await db.transaction(async (tx) => tx.notify(channel, 'committed'));
      await db
        .transaction(async (tx) => {
          await tx.notify(channel, 'rolled back');
          throw new Error('abort');
        })
        .catch(() => undefined);
      await expect.poll(() => heard, { timeout: 3000 }).toEqual(['direct', 'committed']);
      await unlisten();
      await db.notify(channel, 'after unlisten');
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toEqual(['direct', 'committed']);
    });

    it('refuses channel names that are not plain identifiers and oversized payloads', async () => {
      await expect(db.listen('poke; drop table items', () => undefined)).rejects.toThrow(/Invalid notification channel/);
      await expect(db.notify('poke', 'x'.repeat(8000))).rejects.toThrow(/8000 bytes/);
    });
  });
});

describe.each(testDrivers().filter((d) => d.name === 'postgres'))('PostgreSQL-only behaviour ($title)', ({ skip }) => {
  describe.skipIf(skip)('concurrency and connections', () => {
    let t: TestDatabase;
    beforeAll(async () => {
      t = await createTestDatabase('postgres', { migrated: false });
      await t.db.query('create table counter (id integer primary key, n integer not null)');
      await t.db.query('insert into counter values (1, 0)');
    });
    afterAll(async () => t?.dispose());

    it('makes concurrent read-modify-write transactions serial (retrying serialization failures)', async () => {
      const other = await t.connectAgain!();
      const increment = (db: Database) =>
        db.transaction(async (tx) => {
          const { rows } = await tx.query<{ n: number }>('select n from counter where id = 1');
          await new Promise((resolve) => setTimeout(resolve, 5)); // widen the race window
          await tx.query('update counter set n = $1 where id = 1', [rows[0]!.n + 1]);
        }, { maxAttempts: 50 });
      await Promise.all(Array.from({ length: 8 }, (_, i) => increment(i % 2 === 0 ? t.db : other)));
      expect((await t.db.query('select n from counter')).rows).toEqual([{ n: 8 }]);
    });

    it('delivers a notification sent through one connection pool to a listener on another', async () => {
      const other = await t.connectAgain!();
      const heard: string[] = [];
      await t.db.listen('cross_process_poke', (payload) => heard.push(payload));
      await other.notify('cross_process_poke', 'claim-1');
      await expect.poll(() => heard, { timeout: 3000 }).toEqual(['claim-1']);
    });

    it('re-listens after the listener connection is killed', async () => {
      const errors: string[] = [];
      const { openPostgres } = await import('./postgres-driver');
      const url = process.env.TEST_DATABASE_URL!;
      const db = await openPostgres({ url, onBackgroundError: (e) => errors.push(e.message) });
      try {
        const heard: string[] = [];
        await db.listen('reconnect_poke', (payload) => heard.push(payload));
        await t.db.query(
          "select pg_terminate_backend(pid) from pg_stat_activity where pid <> pg_backend_pid() and query = 'LISTEN reconnect_poke'",
        );
        await expect.poll(() => errors.length, { timeout: 3000 }).toBeGreaterThan(0);
        // Keep notifying until the re-established listener hears one.
        await expect
          .poll(
            async () => {
              await t.db.notify('reconnect_poke', 'again');
              return heard.length;
            },
            { timeout: 5000, interval: 100 },
          )
          .toBeGreaterThan(0);
      } finally {
        await db.close();
      }
    });
  });
});

describe('which drivers the storage tests cover', () => {
  it('runs both when TEST_DATABASE_URL is set', () => {
    expect(testDrivers({ TEST_DATABASE_URL: 'postgres://x@h/db', CI: 'true' }).map((d) => [d.name, d.skip])).toEqual([
      ['pglite', false],
      ['postgres', false],
    ]);
  });

  it('skips PostgreSQL locally without TEST_DATABASE_URL, saying why in the test title', () => {
    expect(testDrivers({})[1]).toEqual({ name: 'postgres', title: 'PostgreSQL (SKIPPED: TEST_DATABASE_URL is not set)', skip: true });
  });

  it.each(['true', '1'])('fails instead of skipping under CI=%s without TEST_DATABASE_URL', (ci) => {
    expect(() => testDrivers({ CI: ci })).toThrow(/CI is set but TEST_DATABASE_URL is not/);
  });
});
