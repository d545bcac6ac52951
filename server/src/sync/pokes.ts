/**
 * Fans "the sync log grew" out to this process's SSE clients. The signal comes through the
 * database's LISTEN/NOTIFY, so a change committed by another server process on the same
 * PostgreSQL database pokes these clients too. A notification can be lost while a listener
 * reconnects, so clients also poll with backoff: pokes make sync fast, not correct.
 */
import type { Database, Unlisten } from '../db/index';
import { SYNC_CHANNEL } from '../claims/store';

export type Pokes = {
  subscribe(listener: (cursor: string) => void): () => void;
  close(): Promise<void>;
};

export async function startPokes(db: Database): Promise<Pokes> {
  const listeners = new Set<(cursor: string) => void>();
  const unlisten: Unlisten = await db.listen(SYNC_CHANNEL, (payload) => {
    for (const listener of listeners) listener(payload);
  });
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      listeners.clear();
      await unlisten();
    },
  };
}
