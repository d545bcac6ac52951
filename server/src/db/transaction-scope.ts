import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Catches the classic mistake of calling `db.query` (or a nested `db.transaction`) from inside a
 * transaction function. On PGlite that waits for the transaction's own lock and hangs forever; on
 * PostgreSQL it silently runs outside the transaction. Both drivers refuse it the same way.
 */
type Scope = { owner: object; open: boolean };

const current = new AsyncLocalStorage<Scope>();

export async function inTransactionScope<T>(owner: object, fn: () => Promise<T>): Promise<T> {
  const scope: Scope = { owner, open: true };
  try {
    return await current.run(scope, fn);
  } finally {
    // Async work started inside but still running afterwards keeps the store; it is no longer a
    // transaction, so it may use the database normally.
    scope.open = false;
  }
}

export function assertOutsideTransaction(owner: object, what: string): void {
  const scope = current.getStore();
  if (scope?.open === true && scope.owner === owner) {
    throw new Error(`${what} was called inside a transaction on the same database; use the tx passed to the transaction function`);
  }
}

/**
 * int8 (bigint, bigserial, count(*)) as a JS number on both drivers, instead of pg's string. Values
 * beyond 2^53 would silently lose precision, so they fail loudly instead.
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`int8 value ${text} does not fit a JS number`);
  return value;
}
