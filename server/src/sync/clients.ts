/** Client ids: each belongs to the one user who first used it (ARCHITECTURE "Sync protocol"). */
import type { Queryable } from '../db/index';
import { SyncRequestError } from './errors';

/** Registers the client for the user on first use; refuses a client id another user registered. */
export async function claimClient(q: Queryable, clientId: string, userId: string): Promise<number> {
  await q.query('insert into clients (client_id, user_id) values ($1, $2) on conflict (client_id) do nothing', [clientId, userId]);
  const row = (await q.query<{ user_id: string; last_mutation_id: number }>('select user_id, last_mutation_id from clients where client_id = $1', [clientId])).rows[0]!;
  if (row.user_id !== userId) {
    throw new SyncRequestError(403, 'client_of_another_user', 'This client id belongs to another user; sign in again to get a new one.');
  }
  return row.last_mutation_id;
}
