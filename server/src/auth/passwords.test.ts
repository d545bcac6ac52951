import { describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword, verifyPasswordOrDummy, type ScryptParams } from './passwords';

/** Cheap parameters keep the suite fast; the default (OWASP) cost is exercised once below. */
const FAST: ScryptParams = { ln: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('correct horse battery staple', FAST);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('encodes its parameters and a fresh salt, never the password', async () => {
    const [a, b] = [await hashPassword('same', FAST), await hashPassword('same', FAST)];
    expect(a).toMatch(/^scrypt\$ln=10,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('same');
  });

  it('uses the OWASP-recommended cost by default', async () => {
    const hash = await hashPassword('reviewer-1');
    expect(hash.startsWith('scrypt$ln=17,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('reviewer-1', hash)).toBe(true);
  });

  it('treats composed and decomposed Unicode as the same password', async () => {
    const hash = await hashPassword('パスワード', FAST); // composed (NFC)
    expect(await verifyPassword('パスワード'.normalize('NFD'), hash)).toBe(true);
  });

  it('answers false, without throwing, for malformed or absurd stored hashes', async () => {
    for (const stored of ['', 'plain-text-password', 'scrypt$ln=99,r=8,p=1$c2FsdHNhbHRzYWx0$a2V5a2V5a2V5a2V5a2V5', 'bcrypt$2b$10$abc']) {
      expect(await verifyPassword('x', stored)).toBe(false);
    }
  });

  it('refuses empty and absurdly long passwords', async () => {
    await expect(hashPassword('', FAST)).rejects.toThrow(RangeError);
    await expect(hashPassword('x'.repeat(1025), FAST)).rejects.toThrow(RangeError);
    const hash = await hashPassword('x'.repeat(1024), FAST);
    expect(await verifyPassword('x'.repeat(1025), hash)).toBe(false);
  });

  it('spends the same work on an unknown user as on a known one', async () => {
    expect(await verifyPasswordOrDummy('anything', null)).toBe(false);
    const hash = await hashPassword('pw', FAST);
    expect(await verifyPasswordOrDummy('pw', hash)).toBe(true);
  });

  it('tells when a stored hash is weaker than the current policy', async () => {
    const weak = await hashPassword('pw', FAST);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash(weak, FAST)).toBe(false);
    expect(needsRehash('garbage')).toBe(true);
  });
});
