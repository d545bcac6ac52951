import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Content-addressed store for PoE bytes: a file's name is its SHA-256, so the same document
 * uploaded twice is stored once, and any corruption is detectable by re-hashing on read.
 *
 * Layout: <dir>/ab/cd/abcd…(64 hex) and <dir>/tmp/ for writes in progress. A blob is written to
 * tmp/, fsynced, then renamed into place (atomic on one filesystem) and its directory fsynced,
 * so a reader — or a restart after a crash — sees either the whole file or nothing.
 */
export interface BlobStore {
  /** Stores the bytes (idempotent) and returns their SHA-256 (lower-case hex). */
  put(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }>;
  /** The bytes, or null when absent. Throws BlobCorruptedError when they no longer match the hash. */
  get(sha256: string): Promise<Uint8Array | null>;
  has(sha256: string): Promise<boolean>;
}

export class BlobCorruptedError extends Error {
  override name = 'BlobCorruptedError';
  constructor(readonly sha256: string, readonly quarantinedAt: string) {
    super(`Stored document ${sha256} is corrupted on disk (moved to ${quarantinedAt}); it must be uploaded again`);
  }
}

export type BlobStoreOptions = {
  /** Temp files older than this are leftovers of a crash and are deleted on open (default 1 h). */
  staleTempAgeMs?: number;
  /** Test seam: runs after the temp file is durable and before it is renamed into place. */
  afterTempWritten?: (tempPath: string) => Promise<void> | void;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

export async function openBlobStore(dir: string, options: BlobStoreOptions = {}): Promise<BlobStore> {
  const root = path.resolve(dir);
  const tmpDir = path.join(root, 'tmp');
  const quarantineDir = path.join(root, 'quarantine');
  await mkdir(tmpDir, { recursive: true });
  await removeStaleTemps(tmpDir, options.staleTempAgeMs ?? 60 * 60 * 1000);

  const pathOf = (sha256: string) => {
    // Only 64 hex chars ever become a path: no traversal, no odd names.
    if (!isSha256Hex(sha256)) throw new TypeError(`Not a SHA-256 hex digest: ${JSON.stringify(sha256).slice(0, 80)}`);
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };

  return {
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      const target = pathOf(sha256);
      // Already stored? Only if the file still holds exactly these bytes; a damaged copy is replaced.
      if (await holds(target, sha256, bytes.byteLength)) return { sha256, created: false };

      const temp = path.join(tmpDir, `${sha256}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        const handle = await open(temp, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await options.afterTempWritten?.(temp);
        await mkdir(path.dirname(target), { recursive: true });
        await rename(temp, target);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        // A concurrent put of the same bytes won the rename (Windows refuses to replace): fine.
        if (await holds(target, sha256, bytes.byteLength)) return { sha256, created: false };
        throw error;
      }
      await fsyncDir(path.dirname(target));
      return { sha256, created: true };
    },

    async get(sha256) {
      const file = pathOf(sha256);
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
      if (sha256Hex(bytes) !== sha256) {
        // Move it aside: it is never served, has() says false, and the next upload of the true
        // bytes stores a good copy.
        await mkdir(quarantineDir, { recursive: true });
        const aside = path.join(quarantineDir, `${sha256}.${Date.now()}`);
        await rename(file, aside).catch(() => undefined);
        throw new BlobCorruptedError(sha256, aside);
      }
      return bytes;
    },

    async has(sha256) {
      return (await stat(pathOf(sha256)).catch(() => undefined))?.isFile() === true;
    },
  };
}

async function holds(file: string, sha256: string, size: number): Promise<boolean> {
  const info = await stat(file).catch(() => undefined);
  if (info?.size !== size) return false;
  const bytes = await readFile(file).catch(() => undefined);
  return bytes !== undefined && sha256Hex(bytes) === sha256;
}

async function removeStaleTemps(tmpDir: string, maxAgeMs: number): Promise<void> {
  // Only old ones: another server process sharing this directory may be writing the young ones.
  const cutoff = Date.now() - maxAgeMs;
  for (const name of await readdir(tmpDir)) {
    const file = path.join(tmpDir, name);
    const info = await stat(file).catch(() => undefined);
    if (info !== undefined && info.mtimeMs <= cutoff) await unlink(file).catch(() => undefined);
  }
}

/** Makes a rename durable: the directory entry itself must reach the disk. */
async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some filesystems (and Windows) refuse to open or fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
