/**
 * Serves the built renderer over `app://workstation/…` (see security.ts for why not file://).
 * Electron-free so the path-traversal rules are unit-tested; index.ts passes it to protocol.handle.
 */
import nodePath from 'node:path';

import { APP_HOST, APP_SCHEME } from './security';

export type ResolvedAppPath = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps an app:// URL to a file strictly inside `rootDir`. Dot segments, percent-encoded dots,
 * backslashes, NUL bytes and drive letters are all refused rather than "cleaned up", because a
 * request that needs cleaning up is not one our own bundle makes.
 * `pathApi` is injectable so Windows semantics can be tested on any OS.
 */
export function resolveAppPath(
  requestUrl: string,
  rootDir: string,
  pathApi: PathApi = nodePath,
): ResolvedAppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { ok: false, status: 404 };

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { ok: false, status: 403 };
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) {
    return { ok: false, status: 403 };
  }

  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, ...(segments.length === 0 ? ['index.html'] : segments));
  // Belt and braces: whatever the checks above missed, the result must still be under root.
  const rel = pathApi.relative(root, filePath);
  if (rel === '' || rel === '..' || rel.startsWith(`..${pathApi.sep}`) || pathApi.isAbsolute(rel)) {
    return { ok: false, status: 403 };
  }
  return { ok: true, filePath };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  // pdf.js ships binary character maps and standard font data.
  '.bcmap': 'application/octet-stream',
  '.pfb': 'application/octet-stream',
};

export function contentTypeFor(filePath: string): string {
  const dot = filePath.lastIndexOf('.');
  const ext = dot === -1 ? '' : filePath.slice(dot).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

export type AppProtocolOptions = {
  rootDir: string;
  contentSecurityPolicy: string;
  readFile: (filePath: string) => Promise<Uint8Array>;
  /** Answers API paths (see backend-proxy.ts); null means "not mine", and the file is served. */
  proxy?: (request: Request) => Promise<Response | null>;
};

/** A `protocol.handle` handler: API paths to the proxy, else GET/HEAD of files under rootDir with the CSP. */
export function createAppProtocolHandler(options: AppProtocolOptions) {
  const baseHeaders = {
    'Content-Security-Policy': options.contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
  const fail = (status: number) =>
    new Response(null, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain' } });

  return async (request: Request): Promise<Response> => {
    const proxied = await options.proxy?.(request);
    if (proxied) return proxied;
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(405);
    const resolved = resolveAppPath(request.url, options.rootDir);
    if (!resolved.ok) return fail(resolved.status);
    let body: Uint8Array;
    try {
      body = await options.readFile(resolved.filePath);
    } catch {
      // Missing file or a directory: both are simply "not found" to the page.
      return fail(404);
    }
    const headers = { ...baseHeaders, 'Content-Type': contentTypeFor(resolved.filePath) };
    return new Response(request.method === 'HEAD' ? null : new Blob([body as BlobPart]), {
      status: 200,
      headers,
    });
  };
}
