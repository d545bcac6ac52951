import { describe, expect, it, vi } from 'vitest';

import type { StoredSession } from '@shared/bridge';

import { createSessionStore, type FileSystemLike, type SafeStorageLike } from './session-store';

const SESSION: StoredSession = {
  serverUrl: 'http://127.0.0.1:8787',
  token: 'poe_secret_token',
  expiresAt: '2026-12-06T13:05:28.652Z',
  user: { id: 'reviewer1', username: 'reviewer1', displayName: 'Alex Johnson', role: 'reviewer' },
};

function fakeSafeStorage(available = true, backend = 'gnome_libsecret'): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    // Reversible but not plaintext, enough to prove the file never holds the token in clear.
    encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
    decryptString: (encrypted) => Buffer.from(encrypted).reverse().toString('utf8'),
  };
}

function memoryFs() {
  const files = new Map<string, Buffer>();
  const fs: FileSystemLike = {
    readFile: async (p) => {
      const data = files.get(p);
      if (!data) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return data;
    },
    writeFile: async (p, data) => void files.set(p, Buffer.from(data)),
    rename: async (from, to) => {
      files.set(to, files.get(from)!);
      files.delete(from);
    },
    rm: vi.fn(async (p: string) => void files.delete(p)),
  };
  return { files, fs };
}

describe('session store (safeStorage)', () => {
  it('round-trips a session through an encrypted file that never holds the token in clear', async () => {
    const { files, fs } = memoryFs();
    const store = createSessionStore('/u/session.bin', fakeSafeStorage(), fs);
    expect(await store.save(SESSION)).toBe(true);
    expect([...files.keys()]).toEqual(['/u/session.bin']);
    expect(files.get('/u/session.bin')!.toString('utf8')).not.toContain('poe_secret_token');
    const reopened = createSessionStore('/u/session.bin', fakeSafeStorage(), fs);
    expect(await reopened.load()).toEqual(SESSION);
  });

  it('never writes plaintext when encryption is unavailable or only basic_text', async () => {
    for (const storage of [fakeSafeStorage(false), fakeSafeStorage(true, 'basic_text')]) {
      const { files, fs } = memoryFs();
      const store = createSessionStore('/u/session.bin', storage, fs);
      expect(await store.save(SESSION)).toBe(false);
      expect(files.size).toBe(0);
      // Still known for this run.
      expect(await store.load()).toEqual(SESSION);
    }
  });

  it('treats a damaged or foreign file as signed out and removes it', async () => {
    const { files, fs } = memoryFs();
    files.set('/u/session.bin', Buffer.from('garbage'));
    const store = createSessionStore('/u/session.bin', fakeSafeStorage(), fs);
    expect(await store.load()).toBeNull();
    expect(files.has('/u/session.bin')).toBe(false);
  });

  it('rejects a session that does not match the schema', async () => {
    const { fs } = memoryFs();
    const store = createSessionStore('/u/session.bin', fakeSafeStorage(), fs);
    await expect(store.save({ ...SESSION, serverUrl: 'file:///etc/passwd' })).rejects.toThrow();
  });

  it('clear forgets the session in memory and on disk', async () => {
    const { files, fs } = memoryFs();
    const store = createSessionStore('/u/session.bin', fakeSafeStorage(), fs);
    await store.save(SESSION);
    await store.clear();
    expect(files.size).toBe(0);
    expect(await store.load()).toBeNull();
  });
});
