import type { ServerConfig } from '../config';
import type { Database } from './database';
import { migrate } from './migrate';
import { openPglite, type PgliteOptions } from './pglite-driver';
import { openPostgres, type PostgresOptions } from './postgres-driver';

export type DatabaseOptions = ({ driver: 'pglite' } & PgliteOptions) | ({ driver: 'postgres' } & PostgresOptions);

/** PostgreSQL when a URL is configured, otherwise the embedded database under the data directory. */
export function databaseOptionsFrom(config: Pick<ServerConfig, 'databaseUrl' | 'pgliteDir'>): DatabaseOptions {
  return config.databaseUrl !== undefined
    ? { driver: 'postgres', url: config.databaseUrl }
    : { driver: 'pglite', dataDir: config.pgliteDir };
}

/** Opens the database and brings its schema up to date (unless `migrate: false`). */
export async function openDatabase(options: DatabaseOptions, { migrate: runMigrations = true } = {}): Promise<Database> {
  const db = options.driver === 'postgres' ? await openPostgres(options) : await openPglite(options);
  if (runMigrations) {
    try {
      await migrate(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}
