/**
 * The one storage interface the server talks to. Two drivers implement it (PGlite embedded,
 * PostgreSQL via `pg`) and both speak the same SQL, so every query is written once and every
 * test runs against both.
 */

/**
 * What a query parameter may be. Plain objects are deliberately absent: `pg` sends a JS array as a
 * PostgreSQL array literal, PGlite as JSON, so jsonb values always go in as `json(value)` (a
 * string), which both drivers treat the same.
 */
export type SqlParam =
  | string
  | number
  | boolean
  | null
  | Date
  | Uint8Array
  | readonly string[]
  | readonly number[];

export type Row = Record<string, unknown>;

export type QueryResult<R extends Row = Row> = {
  rows: R[];
  /** Rows returned by a SELECT or touched by INSERT/UPDATE/DELETE. */
  rowCount: number;
};

export interface Queryable {
  /** One statement; `$1…$n` placeholders. int8 comes back as a JS number, timestamptz as Date. */
  query<R extends Row = Row>(sql: string, params?: readonly SqlParam[]): Promise<QueryResult<R>>;
}

export interface Tx extends Queryable {
  /** Queued in the transaction: listeners hear it only if, and when, the transaction commits. */
  notify(channel: string, payload: string): Promise<void>;
}

export type Isolation = 'serializable' | 'read committed';

export type TransactionOptions = {
  /**
   * Default `serializable`, which on PostgreSQL gives the same outcome as PGlite's strictly serial
   * transactions, so code proven on one driver is safe on the other. Serialization failures and
   * deadlocks are retried, which re-runs `fn`: keep it free of side effects outside the database.
   * Use `read committed` when the transaction takes an advisory lock first and then must see what
   * the previous lock holder committed (a serializable snapshot is taken before the lock is
   * granted, so it would not).
   */
  isolation?: Isolation;
  /** Attempts for retryable failures on PostgreSQL (default 5). */
  maxAttempts?: number;
};

export type Unlisten = () => Promise<void>;

export interface Database extends Queryable {
  readonly driver: 'pglite' | 'postgres';
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T>;
  notify(channel: string, payload: string): Promise<void>;
  /**
   * Calls `handler` for every notification on `channel` (PostgreSQL: from any process on the
   * database; PGlite: from this process). Notifications are hints, not a queue: one sent while
   * a PostgreSQL listener connection is being re-established is lost, so consumers must also poll.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<Unlisten>;
  close(): Promise<void>;
}

/** Encodes a value for a jsonb parameter (see SqlParam). */
export function json(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) throw new TypeError(`Cannot store ${typeof value} as JSON`);
  return text;
}

/** Channel names go into LISTEN unquoted on PostgreSQL, so only plain identifiers are allowed. */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new Error(`Invalid notification channel "${channel}": use lower-case letters, digits and _`);
  }
}

/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; fail early with a clear message. */
export function assertNotifyPayload(payload: string): void {
  if (Buffer.byteLength(payload, 'utf8') >= 8000) {
    throw new Error('Notification payload must be shorter than 8000 bytes; send an id, not the data');
  }
}

/** NOTIFY through any connection or transaction, with the checks both drivers need. */
export async function notifyThrough(queryable: Queryable, channel: string, payload: string): Promise<void> {
  assertChannelName(channel);
  assertNotifyPayload(payload);
  await queryable.query('select pg_notify($1, $2)', [channel, payload]);
}

/** SQLSTATE of a database error from either driver, if it has one. */
export function sqlState(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

export function isUniqueViolation(error: unknown): boolean {
  return sqlState(error) === '23505';
}

/** Serialization failure or deadlock: the transaction did nothing and may simply be run again. */
export function isRetryableTransactionError(error: unknown): boolean {
  const state = sqlState(error);
  return state === '40001' || state === '40P01';
}

/**
 * True when the database could not be reached or went away (a temporary failure: the sync layer
 * must advance nothing and let the client retry), as opposed to the database refusing a statement.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const state = sqlState(error);
  // 08: connection exception; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now;
  // 53300: too many connections.
  if (state !== undefined) return state.startsWith('08') || /^57P0[1-3]$/.test(state) || state === '53300';
  if (!(error instanceof Error)) return false;
  const nodeCode = (error as NodeJS.ErrnoException).code;
  if (nodeCode !== undefined && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH'].includes(nodeCode)) {
    return true;
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error|database is closed|PGlite is closed/i.test(
    error.message,
  );
}
