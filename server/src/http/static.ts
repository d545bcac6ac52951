/**
 * Serves the workstation's browser build (dist-web/, `npm run build:web`) from the sync backend
 * itself, so the browser workstation and the API share one origin.
 *
 * Why not CORS: with one origin the bearer token never has to be sent cross-origin, the page can
 * run under `connect-src 'self'` (a strict CSP is the main defence for a token kept in
 * localStorage), there is no allow-list of origins to configure per deployment, and `npm run
 * start:web` is one process on one port. The desktop app needs no CORS either: its main process
 * forwards API calls from app:// to the backend (electron/main/backend-proxy.ts).
 *
 * Only files that exist under the build folder are served (index.html, hashed assets/, files
 * from renderer/public/); API routes are registered separately and always win.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist-web/', import.meta.url));

/** The browser workstation's policy: everything from this origin, no inline script, no framing. */
export const WEB_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  // WebAssembly compilation only (pdf.js' JPEG 2000/JBIG2/CCITT decoders for scanned PoE), never eval.
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

function securityHeaders(reply: FastifyReply): FastifyReply {
  return reply
    .header('content-security-policy', WEB_CONTENT_SECURITY_POLICY)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cross-origin-opener-policy', 'same-origin')
    .header('x-frame-options', 'DENY');
}

/** A file strictly inside `dir` for a URL path segment list, or null. */
export function fileInside(dir: string, relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..' || s.includes(':'))) return null;
  const root = path.resolve(dir);
  const file = path.resolve(root, ...segments);
  const rel = path.relative(root, file);
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? null : file;
}

/**
 * Registers GET routes for the build in `rootDir`; does nothing (and says so) when there is no
 * build, e.g. in server tests or before `npm run build:web`.
 */
export async function installStaticWeb(app: FastifyInstance, rootDir: string = DEFAULT_WEB_ROOT): Promise<boolean> {
  if (!existsSync(path.join(rootDir, 'index.html'))) return false;

  const send = async (reply: FastifyReply, file: string, cache: string) => {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return securityHeaders(reply).status(404).send({ error: { code: 'not_found', message: 'No such file.' } });
    }
    const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    return securityHeaders(reply).header('content-type', type).header('cache-control', cache).send(bytes);
  };

  // index.html is re-read on every request so a rebuild shows up without a restart; it must not be cached.
  const index = path.join(rootDir, 'index.html');
  app.get('/', (_request, reply) => send(reply, index, 'no-cache'));
  app.get('/index.html', (_request, reply) => send(reply, index, 'no-cache'));

  // Hashed bundles: cached for good.
  app.get<{ Params: { '*': string } }>('/assets/*', (request, reply) => {
    const file = fileInside(path.join(rootDir, 'assets'), request.params['*']);
    if (!file) return securityHeaders(reply).status(404).send({ error: { code: 'not_found', message: 'No such file.' } });
    return send(reply, file, 'public, max-age=31536000, immutable');
  });

  // Top-level files copied from renderer/public (favicon…), known at start-up.
  const entries = await readdir(rootDir, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || entry.name === 'index.html') continue;
    const file = path.join(rootDir, entry.name);
    app.get(`/${entry.name}`, (_request, reply) => send(reply, file, 'no-cache'));
  }
  return true;
}
