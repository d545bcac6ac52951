/**
 * Who is signed in, and the running workstation for them. Restoring a stored session starts the
 * workstation at once, without asking the server: a reviewer on a plane opens the app and works.
 * If the server later says the token is gone, the sync loop reports `signed_out`, local work stays
 * in the outbox, and the sign-in screen offers to continue as the same user.
 */
import { create } from 'zustand';
import type { StoredSession, WorkstationBridge } from '@shared/bridge';
import { startWorkstation, type Session, type Workstation } from '../data/workstation';
import { signIn as signInRequest, signOutRemote, type SignInResult } from './api';

export type SessionState =
  | { phase: 'restoring' }
  | { phase: 'signed_out'; previous: StoredSession | null; notice: 'signed_out' | 'session_ended' | null }
  | { phase: 'signed_in'; workstation: Workstation };

export const useSession = create<SessionState>(() => ({ phase: 'restoring' }));

export type SessionEnvironment = {
  bridge: WorkstationBridge;
  /** Where API requests go for a backend: the backend itself, or the desktop shell's proxy origin. */
  apiUrlFor(serverUrl: string): Promise<string>;
  fetch?: typeof fetch;
  now?: () => number;
};

let env: SessionEnvironment | null = null;

function requireEnv(): SessionEnvironment {
  if (!env) throw new Error('configureSession() first');
  return env;
}

export function configureSession(environment: SessionEnvironment): void {
  env = environment;
}

async function begin(stored: StoredSession): Promise<void> {
  const { apiUrlFor } = requireEnv();
  const apiUrl = await apiUrlFor(stored.serverUrl);
  const session: Session = apiUrl === stored.serverUrl ? stored : { ...stored, apiUrl };
  const workstation = await startWorkstation(session);
  useSession.setState({ phase: 'signed_in', workstation });
}

/** On start-up: continue the stored session if there is one that has not expired. */
export async function restoreSession(): Promise<void> {
  const { bridge, now = Date.now } = requireEnv();
  const stored = await bridge.loadSession().catch(() => null);
  if (!stored) return useSession.setState({ phase: 'signed_out', previous: null, notice: null });
  if (Date.parse(stored.expiresAt) <= now()) {
    await bridge.clearSession();
    return useSession.setState({ phase: 'signed_out', previous: stored, notice: 'session_ended' });
  }
  await begin(stored);
}

export async function signIn(input: { serverUrl: string; username: string; password: string }): Promise<SignInResult> {
  const { bridge, apiUrlFor, fetch: doFetch } = requireEnv();
  const result = await signInRequest({ ...input, apiUrl: await apiUrlFor(input.serverUrl.trim().replace(/\/+$/, '')) }, doFetch);
  if (!result.ok) return result;
  await bridge.setBackendUrl(result.session.serverUrl).catch(() => undefined);
  await bridge.saveSession(result.session);
  await begin(result.session);
  return result;
}

/** Unsent actions of the signed-in user (they stay on this device after signing out). */
export async function pendingCount(): Promise<number> {
  const state = useSession.getState();
  return state.phase === 'signed_in' ? state.workstation.db.outbox.count() : 0;
}

/**
 * Signs out: stops syncing, revokes the token if the server is reachable, forgets the stored
 * session. The local database (claims, outbox, refusals, cached PoE) stays for the next sign-in
 * of the same user on the same server: nothing unsent is ever thrown away here.
 */
export async function signOut(reason: 'signed_out' | 'session_ended' = 'signed_out'): Promise<void> {
  const state = useSession.getState();
  if (state.phase !== 'signed_in') return;
  const { bridge, fetch: doFetch } = requireEnv();
  const { session } = state.workstation;
  state.workstation.stop();
  if (reason === 'signed_out') await signOutRemote(session.apiUrl ?? session.serverUrl, session.token, doFetch);
  await bridge.clearSession();
  const { apiUrl: _apiUrl, ...stored } = session;
  useSession.setState({ phase: 'signed_out', previous: stored, notice: reason });
}
