import { createHash, randomBytes } from 'node:crypto';

/**
 * Bearer tokens for sessions. The client holds the token; the server stores only its SHA-256, so
 * a copy of the sessions table cannot be replayed. 32 random bytes make guessing hopeless, which
 * is also why a fast hash (not scrypt) is right here. Pure helpers: time is passed in.
 */
const PREFIX = 'poe_';
const TOKEN_PATTERN = /^poe_[A-Za-z0-9_-]{43}$/;

export type NewSession = {
  /** Give to the client once; never store or log it. */
  token: string;
  /** Store this (sessions.token_hash). */
  tokenHash: string;
  createdAt: Date;
  expiresAt: Date;
};

export function newSessionToken(now: Date, ttlHours: number): NewSession {
  if (!(ttlHours > 0)) throw new RangeError('ttlHours must be positive');
  const token = PREFIX + randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token), createdAt: now, expiresAt: new Date(now.getTime() + ttlHours * 3_600_000) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Cheap shape check before any database lookup; a prefix also makes leaked tokens easy to scan for. */
export function looksLikeToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/** The token from an `Authorization: Bearer …` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return match !== null && looksLikeToken(match[1]!) ? match[1]! : null;
}

export type SessionState = 'active' | 'expired' | 'revoked';

export function sessionState(session: { expiresAt: Date; revokedAt: Date | null }, now: Date): SessionState {
  // Any revocation counts at once, even one stamped a little "later" by another process's clock.
  if (session.revokedAt !== null) return 'revoked';
  return now.getTime() < session.expiresAt.getTime() ? 'active' : 'expired';
}
