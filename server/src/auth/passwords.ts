import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (Node built-in, memory-hard). The stored string carries its own
 * parameters and salt — `scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64url) — so the cost can be
 * raised later without invalidating existing hashes (see needsRehash).
 */
export type ScryptParams = {
  /** log2 of the CPU/memory cost N. */
  ln: number;
  r: number;
  p: number;
};

/** OWASP's recommended minimum (N = 2^17, r = 8, p = 1): ~128 MiB and ~0.3 s per hash here. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { ln: 17, r: 8, p: 1 };

const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Longer input is refused (hash) or never matches (verify): no megabyte passwords to hash. */
export const MAX_PASSWORD_LENGTH = 1024;

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<string> {
  assertSaneParams(params);
  if (password.length === 0 || password.length > MAX_PASSWORD_LENGTH) {
    throw new RangeError(`A password must have 1 to ${MAX_PASSWORD_LENGTH} characters`);
  }
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return `scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

/** False for a wrong password and for a malformed stored hash (which is logged by the caller, not thrown). */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parsed = parse(encoded);
  if (parsed === null || password.length > MAX_PASSWORD_LENGTH) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
}

/**
 * Login for an unknown user must cost as much as for a known one, or response time tells an
 * attacker which usernames exist. Call this with the user's hash, or null when there is none.
 */
export async function verifyPasswordOrDummy(password: string, encoded: string | null): Promise<boolean> {
  if (encoded !== null) return verifyPassword(password, encoded);
  dummyHash ??= hashPassword('dummy password for timing', DEFAULT_SCRYPT_PARAMS);
  await verifyPassword(password, await dummyHash);
  return false;
}
let dummyHash: Promise<string> | undefined;

/** True when the stored hash is weaker than `params` (rehash after a successful login). */
export function needsRehash(encoded: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): boolean {
  const parsed = parse(encoded);
  return parsed === null || parsed.params.ln < params.ln || parsed.params.r < params.r || parsed.params.p < params.p;
}

function derive(password: string, salt: Buffer, { ln, r, p }: ScryptParams, length = KEY_BYTES): Promise<Buffer> {
  const N = 2 ** ln;
  // Node refuses scrypt above 32 MiB by default; allow what the parameters need, with headroom.
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 32 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function parse(encoded: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const match = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([\w-]+)\$([\w-]+)$/.exec(encoded);
  if (match === null) return null;
  const params = { ln: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  const salt = Buffer.from(match[4]!, 'base64url');
  const key = Buffer.from(match[5]!, 'base64url');
  try {
    assertSaneParams(params);
  } catch {
    return null;
  }
  return salt.length >= 8 && key.length >= 16 ? { params, salt, key } : null;
}

/** Bounds, so that a corrupted or planted hash cannot make one login take minutes or gigabytes. */
function assertSaneParams({ ln, r, p }: ScryptParams): void {
  const integers = [ln, r, p].every(Number.isInteger);
  const inRange = ln >= 1 && ln <= 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16 && 128 * 2 ** ln * r <= 2 ** 30;
  if (!integers || !inRange) throw new RangeError(`Unsupported scrypt parameters ln=${ln}, r=${r}, p=${p}`);
}
