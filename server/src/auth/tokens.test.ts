import { describe, expect, it } from 'vitest';
import { bearerToken, hashToken, looksLikeToken, newSessionToken, sessionState } from './tokens';

const NOW = new Date('2025-06-02T09:00:00Z');

describe('session tokens', () => {
  it('creates a random, prefixed token, its sha256 for storage, and the expiry', () => {
    const session = newSessionToken(NOW, 12);
    expect(session.token).toMatch(/^poe_[\w-]{43}$/);
    expect(session.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(session.tokenHash).toBe(hashToken(session.token));
    expect(session.tokenHash).not.toContain(session.token.slice(4));
    expect(session.expiresAt.toISOString()).toBe('2025-06-02T21:00:00.000Z');
    expect(newSessionToken(NOW, 12).token).not.toBe(session.token);
  });

  it('refuses a non-positive lifetime', () => {
    expect(() => newSessionToken(NOW, 0)).toThrow(RangeError);
  });

  it('reads a bearer token from an Authorization header, and nothing else', () => {
    const { token } = newSessionToken(NOW, 1);
    expect(bearerToken(`Bearer ${token}`)).toBe(token);
    expect(bearerToken(`bearer  ${token}`)).toBe(token);
    expect(bearerToken(token)).toBeNull();
    expect(bearerToken(`Basic ${token}`)).toBeNull();
    expect(bearerToken('Bearer not-a-token')).toBeNull();
    expect(bearerToken(undefined)).toBeNull();
    expect(looksLikeToken(`${token}x`)).toBe(false);
  });

  it('says whether a session is active, expired or revoked', () => {
    const expiresAt = new Date('2025-06-02T10:00:00Z');
    expect(sessionState({ expiresAt, revokedAt: null }, NOW)).toBe('active');
    expect(sessionState({ expiresAt, revokedAt: null }, expiresAt)).toBe('expired');
    expect(sessionState({ expiresAt, revokedAt: new Date('2025-06-02T09:30:00Z') }, NOW)).toBe('revoked');
  });
});
