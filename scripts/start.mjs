#!/usr/bin/env node
/**
 * `npm start`: run the workstation.
 *
 * - Electron binary present → build the desktop bundle (electron-vite) and launch it.
 * - Binary missing (it cannot be downloaded on some machines) or `--web` → build the renderer for
 *   the browser if it is stale; the backend serves dist-web/ itself, on the API's own origin
 *   (server/src/http/static.ts), so the browser needs no CORS and the page runs under a strict CSP.
 *
 * In both modes the embedded sync backend is started (see startEmbeddedBackend).
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
const DEFAULT_BACKEND_PORT = 8787;

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
function startEmbeddedBackend(/** @type {number} */ port) {
  if (!existsSync(BACKEND_ENTRY)) return null;
  const child = spawn(process.execPath, ['--import', 'tsx', BACKEND_ENTRY], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PORT: String(port) },
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

/** Resolves once the backend answers /healthz (the first start also loads the demo data). */
async function waitForBackend(/** @type {string} */ url, /** @type {import('node:child_process').ChildProcess} */ child) {
  for (;;) {
    if (child.exitCode !== null) throw new Error('The backend stopped during start-up (see its log above).');
    try {
      if ((await fetch(new URL('/healthz', url))).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function startBrowserMode(/** @type {string | null} */ reasonLine) {
  const port = await freePort(Number(process.env['PORT'] ?? DEFAULT_BACKEND_PORT));
  const url = `http://127.0.0.1:${port}/`;
  if (webBuildIsStale()) {
    const { build } = await import('vite');
    await build({ configFile: WEB_CONFIG, logLevel: 'warn' });
  }
  const backend = startEmbeddedBackend(port);
  if (!backend) throw new Error(`No backend entry point at ${relative(ROOT, BACKEND_ENTRY)}.`);
  console.log('Starting the backend (the first start loads the demo data, about 30 s)…');
  const stop = () => {
    for (const child of children) child.kill('SIGTERM');
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  backend.on('exit', (code) => process.exit(code ?? 0));
  await waitForBackend(url, backend);
  console.log(reasonLine ? `${reasonLine} ${url}` : `Serving the workstation in the browser at ${url}`);
}

async function startDesktop(/** @type {string} */ exe) {
  const { build } = await import('electron-vite');
  await build({ configFile: join(ROOT, 'electron.vite.config.ts') });
  const port = await freePort(Number(process.env['PORT'] ?? DEFAULT_BACKEND_PORT));
  startEmbeddedBackend(port);
  // Main forwards the renderer's API calls here until the user picks another server.
  const env = { ...process.env, POE_BACKEND_URL: process.env['POE_BACKEND_URL'] ?? `http://127.0.0.1:${port}` };
  const app = spawn(exe, [ROOT], { cwd: ROOT, stdio: 'inherit', env });
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
