import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DataDirInUseError } from './data-dir-lock';
import { openDatabase } from './open';
import { openPglite } from './pglite-driver';
import { pgliteTemplate } from './testing';

// Databases (first run: a ~5 s PGlite initdb), worker threads and child processes are slow on a
// loaded 2-core machine; generous limits keep a busy CI from failing on time alone.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

/** The embedded database as the server runs it: in a data directory on disk. */
describe('PGlite in a data directory', () => {
  let root: string;
  let dataDir: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'poe-pglite-'));
    dataDir = path.join(root, 'pglite');
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('keeps data across close and reopen, and migrating again changes nothing', async () => {
    const first = await openPglite({ dataDir, loadDataDir: await pgliteTemplate() });
    await first.query("insert into settings (key, value) values ('policy', '{\"atRisk\": 0.75}')");
    await first.close();

    const reopened = await openDatabase({ driver: 'pglite', dataDir });
    expect((await reopened.query('select value from settings')).rows).toEqual([{ value: { atRisk: 0.75 } }]);
    expect((await reopened.query('select version from schema_migrations')).rows).toEqual([{ version: 1 }]);
    await reopened.close();
  });

  it('refuses a second opener of the same directory while the first has it open', async () => {
    const first = await openPglite({ dataDir, loadDataDir: await pgliteTemplate() });
    await expect(openPglite({ dataDir })).rejects.toThrow(DataDirInUseError);
    await expect(openPglite({ dataDir })).rejects.toThrow(/already open in process \d+/);
    await first.close();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
    await (await openPglite({ dataDir })).close();
  });

  it('keeps a committed write when the process is killed right after, and reopens despite its stale lock', async () => {
    await (await openPglite({ dataDir, loadDataDir: await pgliteTemplate() })).close();
    const driver = fileURLToPath(new URL('./pglite-driver.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { openPglite } = await import(${JSON.stringify(driver)});
         const db = await openPglite({ dataDir: ${JSON.stringify(dataDir)} });
         await db.transaction((tx) => tx.query("insert into settings (key, value) values ('calendar', '{}')"));
         process.kill(process.pid, 'SIGKILL');`,
      ],
      { stdio: 'inherit' },
    );
    const signal = await new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    expect(signal).toBe('SIGKILL');
    expect(existsSync(`${dataDir}.lock`)).toBe(true); // left behind by the killed process

    const restarted = await openDatabase({ driver: 'pglite', dataDir });
    expect((await restarted.query('select key from settings')).rows).toEqual([{ key: 'calendar' }]);
    await restarted.close();
  });

  it('refuses a lock held by a live process other than this one', async () => {
    await writeFile(`${dataDir}.lock`, String(process.ppid));
    await expect(openPglite({ dataDir })).rejects.toThrow(DataDirInUseError);
  });
});
