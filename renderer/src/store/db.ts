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
  /**
   * Space held back for the reviewer's work while PoE documents are kept offline, given up when
   * storage runs out (renderer/src/offline/storageReserve.ts). Not indexed: no schema change.
   */
  storageReserve: Blob;
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
  // Each version's stores() is kept as written; later versions add on and say what they migrate.
  db.version(1).stores({
    claims: 'id, status, assignee, updatedAt, [assignee+status]',
    events: 'id, claimId, [claimId+seq]',
    outbox: 'mutationId, claimId',
    refusals: 'mutationId, claimId, dismissed',
    documents: 'sha256, lastOpenedAt',
    annotationDrafts: 'id, claimId',
    meta: 'key',
  });
  // Version 2: status-log entries carry `fromMs` (clocks read it instead of parsing every second);
  // claims stored by version 1 get it filled in. Refusals are also listed per claim and state.
  db.version(2)
    .stores({ refusals: 'mutationId, claimId, dismissed, [claimId+dismissed]' })
    .upgrade(async (tx) => {
      await tx
        .table<LocalClaim, string>('claims')
        .toCollection()
        .modify((row) => {
          row.view = withStatusTimes(row.view);
          if (row.base) row.base = withStatusTimes(row.base);
        });
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

/** A claim whose status-log entries all carry `fromMs`. */
export function withStatusTimes(claim: Claim): Claim {
  if (claim.statusLog.every((span) => span.fromMs !== undefined)) return claim;
  return { ...claim, statusLog: claim.statusLog.map((span) => (span.fromMs !== undefined ? span : { ...span, fromMs: Date.parse(span.from) })) };
}

/** The index value for "no assignee" (IndexedDB cannot index null). */
export const UNASSIGNED = '';

export function localClaim(view: Claim, base: Claim | null): LocalClaim {
  return { id: view.id, view, base, status: view.status, assignee: view.assignee ?? UNASSIGNED, updatedAt: view.updatedAt };
}
