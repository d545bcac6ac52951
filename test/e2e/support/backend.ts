/**
 * The e2e backend: the real server (Fastify + PGlite) on a fresh temporary data directory, seeded
 * with the demo data, serving the browser build (dist-web/) on the same origin. Started by
 * Playwright's webServer (see playwright.config.ts); deletes its data directory when stopped.
 *
 *   node --import tsx test/e2e/support/backend.ts
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const dataDir = mkdtempSync(path.join(tmpdir(), 'poe-e2e-'));
const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'server/src/main.ts')], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, DATA_DIR: dataDir, SEED_DEMO: '1', HOST: '127.0.0.1', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' },
});

const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
child.on('exit', (code, signal) => {
  cleanUp();
  process.exit(code ?? (signal ? 0 : 1));
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
