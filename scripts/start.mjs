#!/usr/bin/env node
/**
 * `npm start`: run the workstation.
 *
 * - Electron binary present → build the desktop bundle (electron-vite) and launch it.
 * - Binary missing (it cannot be downloaded on some machines) or `--web` → build the renderer for
 *   the browser if it is stale and serve dist-web/ with `vite preview`.
 *
 * In both modes the embedded sync backend is started first when the server code has an entry
 * point (see startEmbeddedBackend).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WEB_CONFIG = join(ROOT, 'renderer/vite.config.ts');
const WEB_OUT = join(ROOT, 'dist-web');
const BACKEND_ENTRY = join(ROOT, 'server/src/main.ts');
const DEFAULT_WEB_PORT = 4173;

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];

/**
 * The Electron executable if it is installed, without `require('electron')`: that module
 * downloads the binary on first use, which hangs or fails offline.
 * @returns {string | null}
 */
function electronBinary() {
  // Same lookup as node_modules/electron/index.js, minus its download-on-demand.
  const pkgDir = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkgDir, 'path.txt');
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const relativeExe = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (!relativeExe && !override) return null;
  const exe = join(override ?? join(pkgDir, 'dist'), relativeExe ?? 'electron');
  return existsSync(exe) ? exe : null;
}

/**
 * Starts the sync backend next to the workstation when server/src/main.ts exists (run with tsx,
 * as the server code is TypeScript). Returns null when there is no backend entry to start; the
 * workstation then runs against whatever backend it is configured for, or offline.
 */
function startEmbeddedBackend() {
  if (!existsSync(BACKEND_ENTRY)) return null;
  const child = spawn(process.execPath, ['--import', 'tsx', BACKEND_ENTRY], {
    cwd: ROOT,
    stdio: 'inherit',
    env: process.env,
  });
  children.push(child);
  child.on('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`Embedded backend stopped (${signal ?? code}).`);
  });
  return child;
}

/** Newest modification time of any file below `dir` (0 if it does not exist). */
function newestMtime(/** @type {string} */ dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    if (relative(ROOT, path).split(/[\\/]/).includes('node_modules')) continue;
    newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function webBuildIsStale() {
  const index = join(WEB_OUT, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = Math.max(
    newestMtime(join(ROOT, 'renderer')),
    newestMtime(join(ROOT, 'shared')),
    statSync(join(ROOT, 'package.json')).mtimeMs,
  );
  return sources > built;
}

/** First free TCP port from `start` on, so the URL we print is the one we serve. */
function freePort(/** @type {number} */ start) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      if (error.code === 'EADDRINUSE' && start < 65535) resolve(freePort(start + 1));
      else reject(error);
    });
    probe.listen(start, '127.0.0.1', () => probe.close(() => resolve(start)));
  });
}

async function startBrowserMode(/** @type {string | null} */ reasonLine) {
  const port = await freePort(Number(process.env['PORT'] ?? DEFAULT_WEB_PORT));
  const url = `http://localhost:${port}/`;
  console.log(reasonLine ? `${reasonLine} ${url}` : `Serving the workstation in the browser at ${url}`);

  const { build, preview } = await import('vite');
  if (webBuildIsStale()) await build({ configFile: WEB_CONFIG, logLevel: 'warn' });
  startEmbeddedBackend();
  const server = await preview({
    configFile: WEB_CONFIG,
    logLevel: 'warn',
    preview: { port, strictPort: true, host: 'localhost' },
  });
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    // Open keep-alive connections can hold close() up; don't let them keep us running.
    setTimeout(() => process.exit(0), 2000).unref();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

async function startDesktop(/** @type {string} */ exe) {
  const { build } = await import('electron-vite');
  await build({ configFile: join(ROOT, 'electron.vite.config.ts') });
  startEmbeddedBackend();
  const app = spawn(exe, [ROOT], { cwd: ROOT, stdio: 'inherit', env: process.env });
  children.push(app);
  const exitWithApp = (/** @type {number | null} */ code) => {
    for (const child of children) if (child !== app) child.kill('SIGTERM');
    process.exit(code ?? 0);
  };
  app.on('exit', exitWithApp);
  process.once('SIGINT', () => app.kill('SIGTERM'));
  process.once('SIGTERM', () => app.kill('SIGTERM'));
}

async function main() {
  if (process.argv.includes('--web')) return startBrowserMode(null);
  const exe = electronBinary();
  if (exe) return startDesktop(exe);
  return startBrowserMode(
    'The Electron binary is missing here (node_modules/electron/dist), so the workstation is served in the browser at',
  );
}

main().catch((error) => {
  for (const child of children) child.kill('SIGTERM');
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
