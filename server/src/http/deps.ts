/** What the HTTP layer needs from the rest of the server; tests build it with a test database and a fixed clock. */
import type { BlobStore } from '../blobs/blob-store';
import type { ServerConfig } from '../config';
import type { Database } from '../db/index';
import type { SlaSettings } from '../settings';
import type { Pokes } from '../sync/pokes';

export type AppDeps = {
  db: Database;
  blobs: BlobStore;
  config: Pick<ServerConfig, 'maxUploadBytes' | 'tokenTtlHours'> & Partial<ServerConfig>;
  /** The server clock, injectable for tests; decisions never use the client's time. */
  now: () => Date;
  settings: () => Promise<SlaSettings>;
  pokes: Pokes;
  /** Registers cleanup for long-lived responses (SSE) on graceful shutdown. */
  onShutdown: (fn: () => void) => void;
  version: string;
};
