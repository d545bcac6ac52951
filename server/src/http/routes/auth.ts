/** Sign-in with username and password; bearer tokens stored hashed, expiring, revocable. */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SignedInUser, UserRole } from '../../actor';
import { verifyPasswordOrDummy } from '../../auth/passwords';
import { hashToken, looksLikeToken, newSessionToken } from '../../auth/tokens';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { route, type Authenticate, type RouteSpec } from '../route';

const loginSchema = z.strictObject({
  username: z.string().trim().min(1, 'username is required').max(200),
  password: z.string().min(1, 'password is required').max(1024),
});

type UserRow = { id: string; username: string; display_name: string; role: UserRole; partner_id: string | null; tenant_id: string | null };

const userFromRow = (row: UserRow): SignedInUser => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  partnerId: row.partner_id,
  tenantId: row.tenant_id,
});

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match && looksLikeToken(match[1]!) ? match[1]! : null;
}

/** The signed-in user of a request, or null. Expired and revoked sessions count as none. */
export function authenticator(deps: AppDeps): Authenticate {
  return async (request) => {
    const token = bearerToken(request);
    if (!token) return null;
    const row = (
      await deps.db.query<UserRow>(
        `select u.id, u.username, u.display_name, u.role, u.partner_id, u.tenant_id
         from sessions s join users u on u.id = s.user_id
         where s.token_hash = $1 and s.revoked_at is null and s.expires_at > $2`,
        [hashToken(token), deps.now()],
      )
    ).rows[0];
    return row ? userFromRow(row) : null;
  };
}

/** Failed sign-ins per username: after 5 in 15 minutes, the next ones wait out the window. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

export function authRoutes(deps: AppDeps): RouteSpec[] {
  const failures = new Map<string, number[]>();
  const recentFailures = (key: string, now: number) => (failures.get(key) ?? []).filter((t) => now - t < FAILURE_WINDOW_MS);

  return [
    route({
      method: 'POST',
      url: '/auth/login',
      tag: 'auth',
      summary: 'Sign in; returns a bearer token and who you are',
      roles: 'public',
      schemas: { body: loginSchema },
      responds: '{ token, expiresAt, user }',
      handler: async ({ body }) => {
        const key = body.username.toLowerCase();
        const now = deps.now();
        const recent = recentFailures(key, now.getTime());
        if (recent.length >= MAX_FAILURES) {
          throw new ApiError(429, 'too_many_attempts', 'Too many failed sign-ins for this user; wait 15 minutes and try again.');
        }
        const row = (
          await deps.db.query<UserRow & { password_hash: string }>(
            'select id, username, display_name, role, partner_id, tenant_id, password_hash from users where lower(username) = $1',
            [key],
          )
        ).rows[0];
        const ok = await verifyPasswordOrDummy(body.password, row?.password_hash ?? null);
        if (!ok || !row) {
          failures.set(key, [...recent, now.getTime()]);
          throw new ApiError(401, 'invalid_credentials', 'Wrong username or password.');
        }
        failures.delete(key);
        const session = newSessionToken(now, deps.config.tokenTtlHours);
        await deps.db.query('insert into sessions (token_hash, user_id, created_at, expires_at) values ($1, $2, $3, $4)', [
          session.tokenHash,
          row.id,
          session.createdAt,
          session.expiresAt,
        ]);
        return { token: session.token, expiresAt: session.expiresAt.toISOString(), user: userFromRow(row) };
      },
    }),
    route({
      method: 'POST',
      url: '/auth/logout',
      tag: 'auth',
      summary: 'Revoke the session of this token',
      roles: ['reviewer', 'supervisor', 'partner', 'customer', 'admin'],
      responds: '{ ok: true }',
      handler: async ({ request }) => {
        await deps.db.query('update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null', [hashToken(bearerToken(request)!), deps.now()]);
        return { ok: true };
      },
    }),
    route({
      method: 'GET',
      url: '/auth/me',
      tag: 'auth',
      summary: 'The signed-in user',
      roles: ['reviewer', 'supervisor', 'partner', 'customer', 'admin'],
      responds: 'SignedInUser',
      handler: async ({ user }) => user,
    }),
  ];
}
