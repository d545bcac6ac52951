/** HTTP to the sync backend, with failures sorted into what the sync loop must do about them. */
import type { PullResponse, PushRequest, PushResponse } from '@shared/index';

export type TransportFailure =
  /** No answer (network down, server stopped, DNS): retry with backoff, stay offline. */
  | 'offline'
  /** The session is gone: sign in again; keep everything. */
  | 'unauthorized'
  /** The server is up but failing (5xx, 503 database unavailable): retry with backoff. */
  | 'unavailable'
  /** The server refused the request as a whole (4xx): a bug or a client of another user. */
  | 'rejected';

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface SyncTransport {
  push(request: PushRequest): Promise<PushResponse>;
  pull(query: { clientId: string; cursor: number; limit?: number }): Promise<PullResponse>;
}

export type HttpTransportOptions = {
  baseUrl: string;
  token: () => string | null;
  fetch?: typeof fetch;
  /** Abort a request that takes longer (ms). */
  timeoutMs?: number;
};

export function httpTransport(options: HttpTransportOptions): SyncTransport {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const request = async <T>(path: string, init: RequestInit): Promise<T> => {
    const token = options.token();
    if (!token) throw new TransportError('unauthorized', 'Not signed in.');
    let response: Response;
    try {
      response = await doFetch(new URL(path, options.baseUrl).toString(), {
        ...init,
        headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (error) {
      throw new TransportError('offline', `The server cannot be reached (${error instanceof Error ? error.message : String(error)}).`);
    }
    if (response.ok) return (await response.json()) as T;
    const message = await errorMessage(response);
    if (response.status === 401) throw new TransportError('unauthorized', message, 401);
    if (response.status >= 500 || response.status === 429 || response.status === 408) throw new TransportError('unavailable', message, response.status);
    throw new TransportError('rejected', message, response.status);
  };
  return {
    push: (body) => request<PushResponse>('/sync/push', { method: 'POST', body: JSON.stringify(body) }),
    pull: ({ clientId, cursor, limit }) =>
      request<PullResponse>(`/sync/pull?${new URLSearchParams({ clientId, cursor: String(cursor), ...(limit ? { limit: String(limit) } : {}) })}`, { method: 'GET' }),
  };
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not JSON (a proxy's error page): fall through to the status line.
  }
  return `The server answered ${response.status} ${response.statusText}.`;
}
