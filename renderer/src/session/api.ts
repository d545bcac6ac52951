/**
 * The sign-in endpoints of the backend (`/auth/*`), with every failure sorted into something the
 * sign-in screen can say plainly: wrong password, server unreachable, throttled, wrong role.
 */
import type { StoredSession, WorkstationRole } from '@shared/bridge';
import { backendUrlSchema } from '@shared/bridge-schema';

type ServerUser = { id: string; username: string; displayName: string; role: string };

export type SignInFailure =
  | { reason: 'bad_url' }
  | { reason: 'wrong_credentials' }
  | { reason: 'unreachable' }
  | { reason: 'throttled' }
  | { reason: 'role_not_allowed'; role: string }
  | { reason: 'server_error'; message: string };

export type SignInResult = { ok: true; session: StoredSession } | ({ ok: false } & SignInFailure);

const WORKSTATION_ROLES: readonly string[] = ['reviewer', 'supervisor'] satisfies WorkstationRole[];

/** Trims and drops a trailing slash; null when it is not an http(s) URL. */
export function normalizeServerUrl(input: string): string | null {
  const trimmed = input.trim().replace(/\/+$/, '');
  return backendUrlSchema.safeParse(trimmed).success ? trimmed : null;
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not our JSON: use the status line.
  }
  return `${response.status} ${response.statusText}`.trim();
}

export async function signIn(
  input: { serverUrl: string; apiUrl?: string; username: string; password: string },
  doFetch: typeof fetch = (i, init) => fetch(i, init),
): Promise<SignInResult> {
  const serverUrl = normalizeServerUrl(input.serverUrl);
  if (!serverUrl) return { ok: false, reason: 'bad_url' };
  let response: Response;
  try {
    response = await doFetch(new URL('/auth/login', input.apiUrl ?? serverUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: input.username.trim(), password: input.password }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (response.status === 401) return { ok: false, reason: 'wrong_credentials' };
  if (response.status === 429) return { ok: false, reason: 'throttled' };
  // A proxy or an unrelated web server answering: as good as unreachable, but say what it said.
  if (!response.ok) return { ok: false, reason: 'server_error', message: await errorMessage(response) };
  let body: { token: string; expiresAt: string; user: ServerUser };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    return { ok: false, reason: 'server_error', message: 'not a workstation server' };
  }
  if (!WORKSTATION_ROLES.includes(body.user.role)) {
    // Do not keep a session the workstation cannot use; revoke it right away.
    void signOutRemote(input.apiUrl ?? serverUrl, body.token, doFetch);
    return { ok: false, reason: 'role_not_allowed', role: body.user.role };
  }
  return {
    ok: true,
    session: {
      serverUrl,
      token: body.token,
      expiresAt: body.expiresAt,
      user: { id: body.user.id, username: body.user.username, displayName: body.user.displayName, role: body.user.role as WorkstationRole },
    },
  };
}

/** Revokes the token on the server; best effort (offline sign-out still forgets it locally). */
export async function signOutRemote(apiUrl: string, token: string, doFetch: typeof fetch = (i, init) => fetch(i, init)): Promise<void> {
  try {
    await doFetch(new URL('/auth/logout', apiUrl).toString(), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(5_000),
    });
  } catch {
    // Unreachable: the token expires on its own.
  }
}
