/**
 * The workstation's local database (IndexedDB through Dexie): everything a reviewer needs to work
 * offline, and everything they did that the server has not acknowledged yet.
 *
 * One database per server and user, so two people sharing a laptop never see each other's work.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Claim, ClaimEvent, CommandType, MutationOutcome, SyncSettings } from '@shared/index';

/** A claim as the queue shows it: the server's snapshot with pending local actions on top. */
export type LocalClaim = {
  id: string;
  /** Server snapshot plus pending mutations, replayed; what every screen reads. */
  view: Claim;
  /** The last server snapshot, kept only while local mutations on it are pending. */
  base: Claim | null;
  /** Denormalized for indexes: the queue filters on these without opening `view`. */
  status: Claim['status'];
  assignee: string;
  updatedAt: string;
};

/** A user action waiting for the server (the outbox). Its text is never dropped, even when refused. */
export type PendingMutation = {
  mutationId: number;
  name: Exclude<CommandType, 'create'>;
  args: Record<string, unknown> & { claimId: string };
  claimId: string;
  /** Server time (by our offset estimate) when the reviewer acted. */
  clientTime: string;
};

/** A mutation the server refused, kept with what the reviewer wrote, until dismissed. */
export type Refusal = PendingMutation & { outcome: MutationOutcome; dismissed: 0 | 1 };

export type CachedDocument = {
  sha256: string;
  blob: Blob;
  mediaType: string;
  size: number;
  fetchedAt: string;
  lastOpenedAt: string;
};

/** An annotation being drawn, before it becomes an `annotate` mutation. */
export type AnnotationDraft = { id: string; claimId: string; sha256: string; page: number; createdAt: string; data: Record<string, unknown> };

type MetaValues = {
  clientId: string;
  cursor: number;
  lastMutationId: number;
  serverOffsetMs: number;
  lastSyncAt: string;
  settings: SyncSettings;
};
export type MetaKey = keyof MetaValues;
export type MetaRow = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

export type WorkstationDb = Dexie & {
  claims: EntityTable<LocalClaim, 'id'>;
  events: EntityTable<ClaimEvent, 'id'>;
  outbox: EntityTable<PendingMutation, 'mutationId'>;
  refusals: EntityTable<Refusal, 'mutationId'>;
  documents: EntityTable<CachedDocument, 'sha256'>;
  annotationDrafts: EntityTable<AnnotationDraft, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export function databaseName(serverUrl: string, userId: string): string {
  return `poe-workstation:${serverUrl}:${userId}`;
}

export function openWorkstationDb(name: string, options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange }): WorkstationDb {
  const db = new Dexie(name, options) as WorkstationDb;
  // Version 1. Later versions add `.version(n).stores(...).upgrade(tx => ...)` below, never edit this.
  db.version(1).stores({
    claims: 'id, status, assignee, updatedAt, [assignee+status]',
    events: 'id, claimId, [claimId+seq]',
    outbox: 'mutationId, claimId',
    refusals: 'mutationId, claimId, dismissed',
    documents: 'sha256, lastOpenedAt',
    annotationDrafts: 'id, claimId',
    meta: 'key',
  });
  return db;
}

export async function getMeta<K extends MetaKey>(db: WorkstationDb, key: K): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends MetaKey>(db: WorkstationDb, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value } as MetaRow);
}

/** The index value for "no assignee" (IndexedDB cannot index null). */
export const UNASSIGNED = '';

export function localClaim(view: Claim, base: Claim | null): LocalClaim {
  return { id: view.id, view, base, status: view.status, assignee: view.assignee ?? UNASSIGNED, updatedAt: view.updatedAt };
}
