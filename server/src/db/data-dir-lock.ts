import { open, readFile, unlink } from 'node:fs/promises';

/**
 * PGlite is a single-process database: two processes (or two instances in one process) opening the
 * same data directory corrupt it. A pid lock file next to the directory turns that into a clear
 * start-up error. A lock left by a killed process is taken over, so a crash never blocks a restart.
 */
export class DataDirInUseError extends Error {
  constructor(dataDir: string, pid: number, lockPath: string) {
    super(
      `The embedded database at ${dataDir} is already open in process ${pid}. Stop that process, or set ` +
        `DATABASE_URL to let several processes share one PostgreSQL server. (Lock file: ${lockPath})`,
    );
    this.name = 'DataDirInUseError';
  }
}

const held = new Set<string>();

export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockPath = `${dataDir.replace(/[/\\]+$/, '')}.lock`;
  if (held.has(lockPath)) throw new DataDirInUseError(dataDir, process.pid, lockPath);

  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      held.add(lockPath);
      return async () => {
        held.delete(lockPath);
        await unlink(lockPath).catch(() => undefined);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(dataDir, owner, lockPath);
      }
      // Stale: its process is gone (or it is ours from an instance that was never closed).
      await unlink(lockPath).catch(() => undefined);
    }
  }
  throw new Error(`Could not take the lock ${lockPath}; another process keeps recreating it`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
