/**
 * The backend's HTTP API from the tests' side: to find claims to work on, to act as a partner,
 * and to check what reached the server. Talks to the same server the browser uses.
 */
import { randomUUID } from 'node:crypto';
import { test } from '@playwright/test';
import type { Claim, ClaimEvent, CommandInput } from '../../../shared/index';

export const BASE_URL = process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:4319';
export const DEMO_PASSWORD = 'demo-password';

const tokens = new Map<string, Promise<string>>();

async function json<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const { token, ...rest } = init;
  const response = await fetch(new URL(path, BASE_URL), {
    ...rest,
    headers: { ...(rest.body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const body = (await response.json()) as T & { error?: { message: string } };
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${body.error?.message ?? ''}`);
  return body;
}

export function tokenOf(username: string): Promise<string> {
  let token = tokens.get(username);
  if (!token) {
    token = json<{ token: string }>('/auth/login', { method: 'POST', body: JSON.stringify({ username, password: DEMO_PASSWORD }) }).then((r) => r.token);
    tokens.set(username, token);
  }
  return token;
}

/** Every claim as the server holds it now (a pull from a throw-away client id). */
export async function allClaims(): Promise<Claim[]> {
  const token = await tokenOf('supervisor');
  const clientId = `e2e-${randomUUID()}`;
  const claims: Claim[] = [];
  let cursor = 0;
  for (;;) {
    const page = await json<{ claims: { claim: Claim }[]; cursor: number; more: boolean }>(`/sync/pull?clientId=${clientId}&cursor=${cursor}`, { token });
    claims.push(...page.claims.map((c) => c.claim));
    cursor = page.cursor;
    if (!page.more) return claims;
  }
}

export async function serverClaim(id: string): Promise<Claim> {
  return (await json<{ claim: Claim }>(`/claims/${encodeURIComponent(id)}`, { token: await tokenOf('supervisor') })).claim;
}

export async function serverEvents(id: string): Promise<ClaimEvent[]> {
  return (await json<{ events: ClaimEvent[] }>(`/claims/${encodeURIComponent(id)}/events`, { token: await tokenOf('supervisor') })).events;
}

/**
 * A claim for one test: the last (by id) that matches and has not been taken by another test of
 * this run. Tests share one seeded server, so each works on claims of its own.
 */
const taken = new Set<string>();
export async function takeClaim(match: (claim: Claim) => boolean): Promise<Claim> {
  // Parallel workers are separate processes: each takes only claims of its own share.
  const { parallelIndex, config } = test.info();
  const workers = Math.max(1, config.workers);
  const candidates = (await allClaims())
    .filter((c) => match(c) && !taken.has(c.id) && shareOf(c.id, workers) === parallelIndex)
    .sort((a, b) => b.id.localeCompare(a.id));
  const claim = candidates[0];
  if (!claim) throw new Error('no seeded claim left for this test');
  taken.add(claim.id);
  return claim;
}

function shareOf(id: string, workers: number): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % workers;
}

export const isSubmittedUnassigned = (c: Claim) => c.status === 'submitted' && c.assignee === null;

/** Runs reviewer commands through the sync API, as another workstation would. */
export async function actAsReviewer(username: string, commands: Exclude<CommandInput, { type: 'create' }>[]): Promise<void> {
  const token = await tokenOf(username);
  const result = await json<{ outcomes: { status: string; message?: string }[] }>('/sync/push', {
    method: 'POST',
    token,
    body: JSON.stringify({
      clientId: `e2e-${randomUUID()}`,
      mutations: commands.map(({ type, ...args }, i) => ({ id: i + 1, name: type, args, clientTime: new Date().toISOString() })),
    }),
  });
  const refused = result.outcomes.filter((o) => o.status !== 'applied');
  if (refused.length) throw new Error(`refused: ${refused.map((o) => o.message).join('; ')}`);
}

const PARTNER_USERS: Record<string, string> = {
  '4102387': 'partner-contoso',
  '4287110': 'partner-adatum',
  '5029334': 'partner-litware',
};

/** The partner of a claim resubmits it (after a request for information). */
export async function partnerResubmits(claim: Claim, message: string): Promise<void> {
  const username = PARTNER_USERS[claim.partner.partnerId] ?? (await partnerUsername(claim.partner.partnerId));
  await json(`/partner/claims/${encodeURIComponent(claim.id)}/resubmit`, { method: 'POST', token: await tokenOf(username), body: JSON.stringify({ message }) });
}

async function partnerUsername(partnerId: string): Promise<string> {
  const { DEMO_PARTNERS } = await import('../../../server/src/demo/data');
  const partner = DEMO_PARTNERS.find((p) => p.partnerId === partnerId);
  if (!partner) throw new Error(`no demo partner ${partnerId}`);
  return partner.username;
}
