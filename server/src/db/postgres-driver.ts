import pg from 'pg';
import {
  assertChannelName,
  notifyThrough,
  isRetryableTransactionError,
  type Database,
  type QueryResult,
  type Row,
  type SqlParam,
  type TransactionOptions,
  type Tx,
  type Unlisten,
} from './database';
import { assertOutsideTransaction, inTransactionScope, parseInt8 } from './transaction-scope';

export type PostgresOptions = {
  url: string;
  /** Put every unqualified name in this schema (tests use a fresh schema each). */
  schema?: string;
  maxConnections?: number;
  /** Errors with no caller to throw to (idle connection lost, listener dropped). */
  onBackgroundError?: (error: Error, context: string) => void;
};

const INT8_OID = 20;

const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
    throw new Error(`Invalid schema name "${options.schema}"`);
  }
  const config: pg.ClientConfig = {
    connectionString: options.url,
    types,
    application_name: 'poe-server',
    ...(options.schema !== undefined ? { options: `-c search_path=${options.schema}` } : {}),
  };
  const onBackgroundError = options.onBackgroundError ?? ((error, context) => console.error(`[db] ${context}:`, error.message));
  const pool = new pg.Pool({ ...config, max: options.maxConnections ?? 10 });
  // Without a listener an idle client's error (server restart) would crash the process.
  pool.on('error', (error) => onBackgroundError(error, 'idle connection error'));
  try {
    // Fail at start-up, with the driver's own message, rather than on the first request.
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
  return new PostgresDatabase(pool, new Listener(config, onBackgroundError));
}

class PostgresDatabase implements Database {
  readonly driver = 'postgres' as const;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly pool: pg.Pool,
    private readonly listener: Listener,
  ) {}

  async query<R extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<R>> {
    assertOutsideTransaction(this, 'db.query');
    return toResult(await this.pool.query<R>(sql, [...params]));
  }

  /** A dedicated pooled client per attempt: BEGIN … COMMIT, ROLLBACK on any error. */
  async transaction<T>(fn: (tx: Tx) => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    assertOutsideTransaction(this, 'db.transaction');
    const level = (options.isolation ?? 'serializable') === 'serializable' ? 'SERIALIZABLE' : 'READ COMMITTED';
    const maxAttempts = options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      const tx = new PostgresTx(client);
      let broken: Error | undefined;
      try {
        await client.query(`BEGIN ISOLATION LEVEL ${level}`);
        const result = await inTransactionScope(this, () => fn(tx));
        tx.finished = true;
        await client.query('COMMIT');
        return result;
      } catch (error) {
        tx.finished = true;
        await client.query('ROLLBACK').catch((rollbackError: Error) => {
          broken = rollbackError; // the connection is unusable: destroy it instead of pooling it
        });
        if (attempt < maxAttempts && isRetryableTransactionError(error)) {
          await delay(Math.random() * 10 * 2 ** attempt);
          continue;
        }
        throw error;
      } finally {
        client.release(broken);
      }
    }
  }

  notify(channel: string, payload: string): Promise<void> {
    return notifyThrough(this, channel, payload);
  }

  async listen(channel: string, handler: (payload: string) => void): Promise<Unlisten> {
    assertChannelName(channel);
    return this.listener.add(channel, handler);
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.listener.close();
      await this.pool.end();
    })();
    return this.closing;
  }
}

class PostgresTx implements Tx {
  finished = false;

  constructor(private readonly client: pg.PoolClient) {}

  async query<R extends Row = Row>(sql: string, params: readonly SqlParam[] = []): Promise<QueryResult<R>> {
    if (this.finished) throw new Error('This transaction has already finished; queries must run inside its function');
    return toResult(await this.client.query<R>(sql, [...params]));
  }

  notify(channel: string, payload: string): Promise<void> {
    return notifyThrough(this, channel, payload);
  }
}

/**
 * LISTEN needs a connection of its own that never goes back to the pool. If it drops (server
 * restart, network), it reconnects with backoff and listens again to every channel; what was
 * notified in between is lost (see Database.listen).
 */
class Listener {
  private readonly handlers = new Map<string, Set<(payload: string) => void>>();
  private client: pg.Client | undefined;
  private listening = new Set<string>();
  private connecting: Promise<pg.Client> | undefined;
  private retryDelayMs = 100;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onBackgroundError: (error: Error, context: string) => void,
  ) {}

  async add(channel: string, handler: (payload: string) => void): Promise<Unlisten> {
    if (this.closed) throw new Error('The database is closed');
    let set = this.handlers.get(channel);
    if (set === undefined) this.handlers.set(channel, (set = new Set()));
    set.add(handler);
    try {
      const client = await this.connect();
      if (!this.listening.has(channel)) {
        this.listening.add(channel);
        await client.query(`LISTEN ${channel}`);
      }
    } catch (error) {
      this.remove(channel, handler);
      throw error;
    }
    return async () => {
      if (this.remove(channel, handler) && this.client !== undefined && this.listening.delete(channel)) {
        await this.client.query(`UNLISTEN ${channel}`).catch(() => undefined);
      }
    };
  }

  /** Returns true when the channel has no handler left. */
  private remove(channel: string, handler: (payload: string) => void): boolean {
    const set = this.handlers.get(channel);
    set?.delete(handler);
    if (set !== undefined && set.size === 0) {
      this.handlers.delete(channel);
      return true;
    }
    return false;
  }

  private connect(): Promise<pg.Client> {
    if (this.client !== undefined) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client(this.config);
      client.on('notification', (message) => {
        for (const handler of this.handlers.get(message.channel) ?? []) {
          try {
            handler(message.payload ?? '');
          } catch (error) {
            this.onBackgroundError(error as Error, `notification handler for ${message.channel}`);
          }
        }
      });
      client.on('error', (error) => this.lost(client, error));
      client.on('end', () => this.lost(client, new Error('listener connection ended')));
      try {
        await client.connect();
        const listening = new Set<string>();
        for (const channel of this.handlers.keys()) {
          await client.query(`LISTEN ${channel}`);
          listening.add(channel);
        }
        this.client = client;
        this.listening = listening;
        this.retryDelayMs = 100;
        return client;
      } catch (error) {
        client.removeAllListeners('end');
        await client.end().catch(() => undefined);
        throw error;
      } finally {
        this.connecting = undefined;
      }
    })();
    return this.connecting;
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.client !== client) return;
    this.client = undefined;
    this.listening.clear();
    if (this.closed) return;
    this.onBackgroundError(error, 'listener connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.reconnectTimer !== undefined || this.handlers.size === 0) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.connect().catch((error: Error) => {
        this.onBackgroundError(error, 'listener reconnect failed');
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, 5000);
        this.scheduleReconnect();
      });
    }, this.retryDelayMs);
    this.reconnectTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.reconnectTimer);
    this.handlers.clear();
    const client = this.client ?? (await this.connecting?.catch(() => undefined));
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }
}

function toResult<R extends Row>(result: pg.QueryResult<R>): QueryResult<R> {
  return { rows: result.rows, rowCount: result.rowCount ?? result.rows.length };
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
