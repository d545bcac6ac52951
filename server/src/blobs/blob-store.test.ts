import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlobCorruptedError, openBlobStore, sha256Hex } from './blob-store';

// One test starts a child process (tsx), which is slow on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

const bytesOf = (text: string) => new TextEncoder().encode(text);
const HELLO_SHA = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824'; // sha256("hello")

describe('content-addressed blob store', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'poe-blobs-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const blobPath = (sha: string) => path.join(dir, sha.slice(0, 2), sha.slice(2, 4), sha);
  const tempFiles = () => readdir(path.join(dir, 'tmp'));

  it('names a blob by its SHA-256, returns the same bytes and stores duplicates once', async () => {
    const store = await openBlobStore(dir);
    expect(await store.put(bytesOf('hello'))).toEqual({ sha256: HELLO_SHA, created: true });
    expect(await store.has(HELLO_SHA)).toBe(true);
    expect(Buffer.from((await store.get(HELLO_SHA))!).toString()).toBe('hello');
    expect(await store.put(bytesOf('hello'))).toEqual({ sha256: HELLO_SHA, created: false });
    expect(await tempFiles()).toEqual([]);
  });

  it('answers null / false for a blob it does not have', async () => {
    const store = await openBlobStore(dir);
    const absent = sha256Hex(bytesOf('never stored'));
    expect(await store.get(absent)).toBeNull();
    expect(await store.has(absent)).toBe(false);
  });

  it('refuses anything but a 64-hex digest as a name (no path traversal)', async () => {
    const store = await openBlobStore(dir);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(TypeError);
    await expect(store.has(HELLO_SHA.toUpperCase())).rejects.toThrow(TypeError);
  });

  it('replaces a same-size corrupted copy when the document is uploaded again', async () => {
    const store = await openBlobStore(dir);
    await store.put(bytesOf('hello'));
    await writeFile(blobPath(HELLO_SHA), 'jello');
    expect(await store.put(bytesOf('hello'))).toEqual({ sha256: HELLO_SHA, created: true });
    expect(Buffer.from((await store.get(HELLO_SHA))!).toString()).toBe('hello');
  });

  it('detects a blob corrupted on disk, never serves it, and heals on the next upload', async () => {
    const store = await openBlobStore(dir);
    await store.put(bytesOf('hello'));
    await writeFile(blobPath(HELLO_SHA), 'jello'); // same size, different bytes: bit rot
    await expect(store.get(HELLO_SHA)).rejects.toThrow(BlobCorruptedError);
    expect(await store.has(HELLO_SHA)).toBe(false);
    expect(await readdir(path.join(dir, 'quarantine'))).toHaveLength(1);
    expect(await store.put(bytesOf('hello'))).toEqual({ sha256: HELLO_SHA, created: true });
    expect(Buffer.from((await store.get(HELLO_SHA))!).toString()).toBe('hello');
  });

  it('replaces a truncated blob when the same document is uploaded again', async () => {
    const store = await openBlobStore(dir);
    await store.put(bytesOf('hello'));
    await truncate(blobPath(HELLO_SHA), 2);
    expect(await store.put(bytesOf('hello'))).toEqual({ sha256: HELLO_SHA, created: true });
    expect(Buffer.from((await store.get(HELLO_SHA))!).toString()).toBe('hello');
  });

  it('leaves no blob and no temp file when writing fails between temp write and rename', async () => {
    const store = await openBlobStore(dir, {
      afterTempWritten: () => {
        throw new Error('disk full');
      },
    });
    await expect(store.put(bytesOf('hello'))).rejects.toThrow('disk full');
    expect(await store.has(HELLO_SHA)).toBe(false);
    expect(await tempFiles()).toEqual([]);
  });

  it('shows no blob after a process is killed between temp write and rename; the leftover is swept later', async () => {
    // A real crash: a child process SIGKILLs itself at the worst moment, no cleanup code runs.
    const modulePath = fileURLToPath(new URL('./blob-store.ts', import.meta.url));
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const { openBlobStore } = await import(${JSON.stringify(modulePath)});
         const store = await openBlobStore(${JSON.stringify(dir)}, { afterTempWritten: () => process.kill(process.pid, 'SIGKILL') });
         await store.put(new TextEncoder().encode('hello'));`,
      ],
      { encoding: 'utf8', timeout: 30_000 },
    );
    expect(child.signal).toBe('SIGKILL');
    const leftovers = await tempFiles();
    expect(leftovers).toHaveLength(1);
    expect((await stat(path.join(dir, 'tmp', leftovers[0]!))).size).toBe(5);

    // Restart: the half-done write is invisible; a young temp is kept (another process might own it)…
    const restarted = await openBlobStore(dir);
    expect(await restarted.has(HELLO_SHA)).toBe(false);
    expect(await restarted.get(HELLO_SHA)).toBeNull();
    expect(await tempFiles()).toHaveLength(1);
    // …and an old one is swept.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await utimes(path.join(dir, 'tmp', leftovers[0]!), old, old);
    await openBlobStore(dir);
    expect(await tempFiles()).toEqual([]);
    // The retried upload then succeeds.
    expect((await restarted.put(bytesOf('hello'))).created).toBe(true);
  });

  it('lets concurrent uploads of the same document all succeed with one stored copy', async () => {
    const store = await openBlobStore(dir);
    const big = new Uint8Array(2 * 1024 * 1024).map((_, i) => i % 251);
    const results = await Promise.all(Array.from({ length: 5 }, () => store.put(big)));
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
    expect(Buffer.compare(Buffer.from((await store.get(results[0]!.sha256))!), Buffer.from(big))).toBe(0);
    expect(await tempFiles()).toEqual([]);
  });
});
