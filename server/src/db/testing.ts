/**
 * Test-only: fresh, migrated databases in well under a second, on both drivers.
 *
 * PGlite: a new in-memory database costs ~5 s (initdb). Instead one migrated database is dumped
 * once to a tarball cached on disk (keyed by the PGlite version and the migrations, so a schema
 * change invalidates it) and every test database is loaded from it (~0.5 s).
 * PostgreSQL (when TEST_DATABASE_URL is set): every test database is a fresh schema on that
 * server, dropped again by `dispose()`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Database } from './database';
import { migrate, migrationChecksum } from './migrate';
import { MIGRATIONS } from './migrations';
import { openPglite } from './pglite-driver';
import { openPostgres } from './postgres-driver';

export type DriverName = 'pglite' | 'postgres';

export type TestDriver = {
  name: DriverName;
  /** Human title for describe blocks, including why it is skipped. */
  title: string;
  skip: boolean;
};

export type TestDatabase = {
  db: Database;
  driver: DriverName;
  /** Another, independent connection (pool) to the same database; PostgreSQL only. */
  connectAgain?: () => Promise<Database>;
  /** Closes every connection and deletes the database. */
  dispose: () => Promise<void>;
};

/**
 * The drivers storage tests must cover. PostgreSQL is skipped, loudly and with the reason in the
 * test title, only when TEST_DATABASE_URL is unset; under CI (CI=true) that is an error instead,
 * so a misconfigured pipeline cannot pass by silently testing one driver.
 */
export function testDrivers(env: Record<string, string | undefined> = process.env): TestDriver[] {
  const url = env.TEST_DATABASE_URL?.trim();
  const inCi = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  if ((url === undefined || url === '') && inCi) {
    throw new Error(
      'CI is set but TEST_DATABASE_URL is not: the PostgreSQL half of the storage tests would be skipped. ' +
        'Start PostgreSQL and set TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5433/postgres).',
    );
  }
  const postgresSkipped = url === undefined || url === '';
  if (postgresSkipped && !warned) {
    warned = true;
    console.warn('[storage tests] PostgreSQL variant SKIPPED: TEST_DATABASE_URL is not set (see server/README.md).');
  }
  return [
    { name: 'pglite', title: 'PGlite', skip: false },
    {
      name: 'postgres',
      title: postgresSkipped ? 'PostgreSQL (SKIPPED: TEST_DATABASE_URL is not set)' : 'PostgreSQL',
      skip: postgresSkipped,
    },
  ];
}
let warned = false;

export async function createTestDatabase(driver: DriverName, { migrated = true } = {}): Promise<TestDatabase> {
  return driver === 'pglite' ? createPgliteTestDatabase(migrated) : createPostgresTestDatabase(migrated);
}

// --- PGlite ---------------------------------------------------------------------------------------

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const templates = new Map<boolean, Promise<Blob>>();

async function createPgliteTestDatabase(migrated: boolean): Promise<TestDatabase> {
  const db = await openPglite({ loadDataDir: await pgliteTemplate(migrated) });
  return { db, driver: 'pglite', dispose: () => db.close() };
}

/** The dump every PGlite test database starts from (also usable with a file-backed `dataDir`). */
export function pgliteTemplate(migrated = true): Promise<Blob> {
  let template = templates.get(migrated);
  if (template === undefined) templates.set(migrated, (template = loadOrBuildTemplate(migrated)));
  return template;
}

async function loadOrBuildTemplate(migrated: boolean): Promise<Blob> {
  const pgliteVersion = (
    JSON.parse(await readFile(path.join(REPO_ROOT, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const key = createHash('sha256')
    .update(pgliteVersion)
    .update(migrated ? MIGRATIONS.map(migrationChecksum).join(',') : 'empty')
    .digest('hex')
    .slice(0, 16);
  const file = path.join(REPO_ROOT, 'node_modules', '.cache', 'poe-server', `pglite-template-${key}.tar`);
  try {
    return new Blob([await readFile(file)]);
  } catch {
    // Not cached yet: build it (the one slow initdb) and cache it for the next test files.
  }
  const db = await openPglite();
  try {
    if (migrated) await migrate(db);
    const dump = await db.dumpDataDir();
    const bytes = new Uint8Array(await dump.arrayBuffer());
    await mkdir(path.dirname(file), { recursive: true });
    // Atomic, because parallel test files may build the same template at once.
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temp, bytes);
    await rename(temp, file);
    return new Blob([bytes]);
  } finally {
    await db.close();
  }
}

// --- PostgreSQL -----------------------------------------------------------------------------------

let admin: pg.Pool | undefined;

async function createPostgresTestDatabase(migrated: boolean): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (url === undefined || url === '') throw new Error('TEST_DATABASE_URL is not set');
  admin ??= new pg.Pool({ connectionString: url, max: 2, allowExitOnIdle: true });
  const schema = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  const opened: Database[] = [];
  const connect = async () => {
    const db = await openPostgres({ url, schema, maxConnections: 4 });
    opened.push(db);
    return db;
  };
  const db = await connect();
  if (migrated) await migrate(db);
  return {
    db,
    driver: 'postgres',
    connectAgain: connect,
    dispose: async () => {
      await Promise.all(opened.map((each) => each.close()));
      await admin?.query(`drop schema ${schema} cascade`);
    },
  };
}
