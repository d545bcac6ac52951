/**
 * Forwards the renderer's API calls from app://workstation/<api path> to the configured backend.
 *
 * Why: the renderer is served from our own app:// origin. Calling a user-chosen backend directly
 * would need CORS on the server and a CSP `connect-src` for a host only known at run time. Through
 * this proxy the renderer talks to its own origin only (`connect-src 'self'`), and main decides
 * where that goes. Only the API path prefixes are forwarded; only the headers the API needs pass.
 */
import { BACKEND_PATH_PREFIXES } from '@shared/bridge';

const FORWARDED_REQUEST_HEADERS = ['authorization', 'content-type', 'accept', 'if-none-match', 'x-file-name'];

export function isBackendPath(pathname: string): boolean {
  return BACKEND_PATH_PREFIXES.some((prefix) => (prefix.endsWith('/') ? pathname.startsWith(prefix) : pathname === prefix));
}

/** The backend URL for an app:// request URL, or null when the path is not an API path. */
export function backendTarget(requestUrl: string, backendUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isBackendPath(url.pathname)) return null;
  const base = new URL(backendUrl);
  const target = new URL(base.origin);
  // A backend mounted under a path keeps it: https://host/poe + /sync/pull → https://host/poe/sync/pull.
  target.pathname = `${base.pathname.replace(/\/$/, '')}${url.pathname}`;
  target.search = url.search;
  return target.toString();
}

export type Fetcher = (url: string, init: RequestInit & { duplex?: 'half' }) => Promise<Response>;

export async function proxyToBackend(request: Request, backendUrl: string | null, fetcher: Fetcher): Promise<Response | null> {
  if (!backendUrl) return null;
  const target = backendTarget(request.url, backendUrl);
  if (!target) return null;
  const headers = new Headers();
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  try {
    return await fetcher(target, {
      method: request.method,
      headers,
      ...(hasBody ? { body: request.body, duplex: 'half' as const } : {}),
      redirect: 'manual',
      signal: request.signal,
    });
  } catch {
    // Same as the browser sees an unreachable server: a network error, not an HTTP answer.
    return Response.error();
  }
}
