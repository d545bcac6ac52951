/**
 * The deployment's SLA settings on the server: GET /settings (any workstation user) and
 * PUT /settings (supervisors). Failures are sorted into what the settings screen says.
 */
import type { SyncSettings } from '@shared/index';

import { apiUrlOf, type Session } from '../data/workstation';

export type SettingsFailure = { reason: 'offline' } | { reason: 'session' } | { reason: 'forbidden' } | { reason: 'server'; message: string };
export type SettingsResult = { ok: true; settings: SyncSettings } | ({ ok: false } & SettingsFailure);

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // Not our JSON.
  }
  return `${response.status} ${response.statusText}`.trim();
}

async function call(session: Session, init: RequestInit, doFetch: typeof fetch): Promise<SettingsResult> {
  let response: Response;
  try {
    response = await doFetch(new URL('/settings', apiUrlOf(session)).toString(), {
      ...init,
      headers: { ...(init.body ? { 'content-type': 'application/json' } : {}), authorization: `Bearer ${session.token}` },
      signal: AbortSignal.timeout(15_000),
    });
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (response.ok) return { ok: true, settings: (await response.json()) as SyncSettings };
  if (response.status === 401) return { ok: false, reason: 'session' };
  if (response.status === 403) return { ok: false, reason: 'forbidden' };
  // A gateway with no backend behind it is as good as offline.
  if (response.status === 502 || response.status === 503 || response.status === 504) return { ok: false, reason: 'offline' };
  return { ok: false, reason: 'server', message: await errorMessage(response) };
}

export function fetchSettings(session: Session, doFetch: typeof fetch = (i, init) => fetch(i, init)): Promise<SettingsResult> {
  return call(session, { method: 'GET' }, doFetch);
}

export function saveSettings(session: Session, settings: SyncSettings, doFetch: typeof fetch = (i, init) => fetch(i, init)): Promise<SettingsResult> {
  return call(session, { method: 'PUT', body: JSON.stringify(settings) }, doFetch);
}
