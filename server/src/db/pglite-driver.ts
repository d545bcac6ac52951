import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type Results, type Transaction } from '@electric-sql/pglite';
import {
  assertChannelName,
  notifyThrough,
  type Database,
  type QueryResult,
  type Row,
  type SqlParam,
  type Tx,
  type Unlisten,
} from './database';
import { lockDataDir } from './data-dir-lock';
import { assertOutsideTransaction, inTransactionScope, parseInt8 } from './transaction-scope';

export type PgliteOptions = {
  /** Directory of the database files; omitted: in memory (tests). */
  dataDir?: string;
  /** A `dumpDataDir()` tarball to start from: a fresh test database in ~0.5 s instead of ~5 s. */
  loadDataDir?: Blob;
};

const INT8_OID = 20;

/**
 * The embedded driver. PGlite has one connection and runs one transaction at a time, so its
 * transactions are serial by construction; isolation options have nothing to do here.
 */
export async function openPglite(options: PgliteOptions = {}): Promise<PgliteDatabase> {
  let unlock: (() => Promise<void>) | undefined;
  if (options.dataDir !== undefined) {
    const dataDir = path.resolve(options.dataDir);
    await mkdir(path.dirname(dataDir), { recursive: true });
    unlock = await lockDataDir(dataDir);
  }
  try {
    const pg = await PGlite.create({
      ...(options.dataDir !== undefined ? { dataDir: path.resolve(options.dataDir) } : {}),
      ...(options.loadDataDir !== undefined ? { loadDataDir: options.loadDataDir } : {}),
      parsers: { [INT8_OID]: parseInt8 },
    });
    return new PgliteDatabase(pg, unlock);
  } catch (error) {
    await unlock?.();
    throw error;
  }
}

export class PgliteDatabase implements Database {
  readonly driver = 'pglite' as const;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly pg: PGlite,
    private readonly unlock: (() => Promise<void>) | undefined,
  ) {}

  async query<R extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<R>> {
    assertOutsideTransaction(this, 'db.query');
    return toResult(await this.pg.query<R>(sql, [...params]));
  }

  async transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    assertOutsideTransaction(this, 'db.transaction');
    return this.pg.transaction((raw) => inTransactionScope(this, () => fn(new PgliteTx(raw))));
  }

  notify(channel: string, payload: string): Promise<void> {
    return notifyThrough(this, channel, payload);
  }

  async listen(channel: string, handler: (payload: string) => void): Promise<Unlisten> {
    assertChannelName(channel);
    return this.pg.listen(channel, handler);
  }

  /** A tarball of the whole database (backups; test templates). */
  dumpDataDir(): Promise<Blob> {
    return this.pg.dumpDataDir('none');
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      try {
        if (!this.pg.closed) await this.pg.close();
      } finally {
        await this.unlock?.();
      }
    })();
    return this.closing;
  }
}

class PgliteTx implements Tx {
  constructor(private readonly raw: Transaction) {}

  async query<R extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<R>> {
    if (this.raw.closed) throw new Error('This transaction has already finished; queries must run inside its function');
    return toResult(await this.raw.query<R>(sql, [...params]));
  }

  notify(channel: string, payload: string): Promise<void> {
    return notifyThrough(this, channel, payload);
  }
}

function toResult<R extends Row>(result: Results<R>): QueryResult<R> {
  return { rows: result.rows, rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length };
}
