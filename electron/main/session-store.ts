/**
 * The signed-in session on disk, encrypted with the OS keychain through Electron's `safeStorage`
 * (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux). Electron-free: index.ts
 * passes safeStorage and fs in, tests pass fakes.
 *
 * Never falls back to plaintext: when encryption is unavailable (Linux without a keyring gives
 * `basic_text`, which is obfuscation, not encryption) the session lives in memory for this run only
 * and the reviewer signs in again next launch. Local work is unaffected either way.
 */
import { storedSessionSchema } from '@shared/bridge-schema';
import type { StoredSession } from '@shared/bridge';

export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: which secret store backs safeStorage. */
  getSelectedStorageBackend?: () => string;
};

export type FileSystemLike = {
  readFile(path: string): Promise<Buffer>;
  writeFile(path: string, data: Buffer, options: { mode: number }): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
};

export type SessionStore = {
  load(): Promise<StoredSession | null>;
  save(session: StoredSession): Promise<boolean>;
  clear(): Promise<void>;
};

export function canEncrypt(safeStorage: SafeStorageLike): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  // 'basic_text' is a hard-coded key: as good as plaintext.
  return safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
}

export function createSessionStore(file: string, safeStorage: SafeStorageLike, fs: FileSystemLike): SessionStore {
  let memory: StoredSession | null = null;
  return {
    async load() {
      if (memory) return memory;
      if (!canEncrypt(safeStorage)) return null;
      let encrypted: Buffer;
      try {
        encrypted = await fs.readFile(file);
      } catch {
        return null;
      }
      try {
        const parsed = storedSessionSchema.safeParse(JSON.parse(safeStorage.decryptString(encrypted)));
        if (parsed.success) return (memory = parsed.data);
      } catch {
        // Encrypted by another user or keyring, or damaged: treat as signed out.
      }
      await fs.rm(file, { force: true });
      return null;
    },
    async save(session) {
      memory = storedSessionSchema.parse(session);
      if (!canEncrypt(safeStorage)) return false;
      const temp = `${file}.tmp`;
      await fs.writeFile(temp, safeStorage.encryptString(JSON.stringify(memory)), { mode: 0o600 });
      await fs.rename(temp, file);
      return true;
    },
    async clear() {
      memory = null;
      await fs.rm(file, { force: true });
    },
  };
}
