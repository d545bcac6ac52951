import { createHash } from 'node:crypto';
import { ADVISORY_LOCKS } from './advisory-locks';
import type { Database } from './database';
import { MIGRATIONS, type Migration } from './migrations';

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export type MigrationReport = { applied: number[]; current: number };

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.statements.join('\n;\n')).digest('hex');
}

/**
 * Brings the schema up to date in one transaction: all pending migrations or none. Several
 * processes may start at once: the advisory lock makes the others wait, and because the
 * transaction is READ COMMITTED they then see what the first one recorded and apply nothing.
 */
export async function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationReport> {
  assertWellFormed(migrations);
  return db.transaction(
    async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.migrations]);
      await tx.query(`create table if not exists schema_migrations (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`);
      const { rows } = await tx.query<{ version: number; name: string; checksum: string }>(
        'select version, name, checksum from schema_migrations order by version',
      );
      const known = new Map(migrations.map((m) => [m.version, m]));
      for (const row of rows) {
        const migration = known.get(row.version);
        if (migration === undefined) {
          throw new MigrationError(
            `The database has schema version ${row.version} (${row.name}), newer than this server knows ` +
              `(up to ${migrations.at(-1)?.version ?? 0}). Run a newer server against it.`,
          );
        }
        if (row.checksum !== migrationChecksum(migration)) {
          throw new MigrationError(
            `Migration ${row.version} (${row.name}) was changed after it was applied to this database. ` +
              `Restore its original text and put the change in a new migration.`,
          );
        }
      }
      const done = new Set(rows.map((row) => row.version));
      const applied: number[] = [];
      for (const migration of migrations) {
        if (done.has(migration.version)) continue;
        for (const statement of migration.statements) await tx.query(statement);
        await tx.query('insert into schema_migrations (version, name, checksum) values ($1, $2, $3)', [
          migration.version,
          migration.name,
          migrationChecksum(migration),
        ]);
        applied.push(migration.version);
      }
      return { applied, current: migrations.at(-1)?.version ?? 0 };
    },
    { isolation: 'read committed' },
  );
}

function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new MigrationError(`Migration versions must be 1, 2, 3… in order; found ${migration.version} at position ${index + 1}`);
    }
  });
}
