import { afterEach, describe, expect, it, vi } from 'vitest';
import { migrate, MigrationError } from './migrate';
import { MIGRATIONS, type Migration } from './migrations';
import { createTestDatabase, testDrivers, type TestDatabase } from './testing';

// Databases (first run: a ~5 s PGlite initdb), worker threads and child processes are slow on a
// loaded 2-core machine; generous limits keep a busy CI from failing on time alone.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const EXPECTED_TABLES = ['claims', 'clients', 'documents', 'events', 'mutation_outcomes', 'schema_migrations', 'sessions', 'settings', 'users'];

describe.each(testDrivers())('migrations on $title', ({ name, skip }) => {
  describe.skipIf(skip)('migrate()', () => {
    const opened: TestDatabase[] = [];
    const fresh = async () => {
      const t = await createTestDatabase(name, { migrated: false });
      opened.push(t);
      return t;
    };
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((t) => t.dispose()));
    });

    const tables = async (t: TestDatabase) =>
      (
        await t.db.query<{ table_name: string }>(
          "select table_name from information_schema.tables where table_schema = current_schema() order by table_name",
        )
      ).rows.map((row) => row.table_name);

    it('creates every table on an empty database, then does nothing the second time', async () => {
      const t = await fresh();
      expect(await migrate(t.db)).toEqual({ applied: [1], current: 1 });
      expect(await tables(t)).toEqual(EXPECTED_TABLES);
      expect(await migrate(t.db)).toEqual({ applied: [], current: 1 });
      expect((await t.db.query('select version, name from schema_migrations')).rows).toEqual([{ version: 1, name: 'init' }]);
    });

    it('applies the schema exactly once when two connections migrate at the same moment', async () => {
      const t = await fresh();
      // PostgreSQL: two independent pools race for the advisory lock. PGlite is one connection per
      // process, so there the race is two concurrent calls on it.
      const second = t.connectAgain === undefined ? t.db : await t.connectAgain();
      const reports = await Promise.all([migrate(t.db), migrate(second), migrate(t.db)]);
      expect(reports.map((r) => r.applied).flat()).toEqual([1]);
      expect(await tables(t)).toEqual(EXPECTED_TABLES);
    });

    it('applies nothing of a migration that fails part-way', async () => {
      const t = await fresh();
      await migrate(t.db);
      const broken: Migration = {
        version: 2,
        name: 'broken',
        statements: ['create table half_done (id integer)', 'alter table no_such_table add column x integer'],
      };
      await expect(migrate(t.db, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_table/);
      expect(await tables(t)).not.toContain('half_done');
      expect((await t.db.query('select max(version) as v from schema_migrations')).rows).toEqual([{ v: 1 }]);
    });

    it('refuses to run when an applied migration was edited afterwards', async () => {
      const t = await fresh();
      await migrate(t.db);
      const edited: Migration = { ...MIGRATIONS[0]!, statements: [...MIGRATIONS[0]!.statements, 'select 1'] };
      await expect(migrate(t.db, [edited])).rejects.toThrow(MigrationError);
      await expect(migrate(t.db, [edited])).rejects.toThrow(/changed after it was applied/);
    });

    it('refuses to run an older server against a newer schema', async () => {
      const t = await fresh();
      const next: Migration = { version: 2, name: 'add_notes', statements: ['create table notes (id integer)'] };
      await migrate(t.db, [...MIGRATIONS, next]);
      await expect(migrate(t.db)).rejects.toThrow(/schema version 2 \(add_notes\), newer than this server/);
    });

    it('refuses a migration list that is out of order', async () => {
      const t = await fresh();
      const skipped: Migration = { version: 3, name: 'gap', statements: ['select 1'] };
      await expect(migrate(t.db, [...MIGRATIONS, skipped])).rejects.toThrow(/1, 2, 3… in order/);
    });
  });
});
