/**
 * A storage quota for tests. fake-indexeddb stores everything in memory and never refuses a write
 * for lack of room, so the quota is enforced at the smallest seam that still goes through Dexie:
 * a DBCore middleware on the two tables that hold bulk bytes, `documents` (each row's `size`) and
 * `meta` (rows whose value is a Blob: the storage reserve). A put that would take their total over
 * `quota.bytes` fails with the DOMException browsers raise (QuotaExceededError), and Dexie handles
 * and reports it as it would a real one. Real Chromium is covered by
 * test/e2e/storage-pressure.spec.ts. Other tables are not limited: what matters in these tests is
 * that they are left alone.
 */
import type { DBCoreMutateRequest } from 'dexie';
import type { CachedDocument, MetaRow, WorkstationDb } from '../../store/db';

export type FakeQuota = { bytes: number; refusals: number; readonly used: () => number };

const LIMITED = new Set(['documents', 'meta']);

function bytesOf(table: string, row: unknown): number {
  if (table === 'documents') return (row as CachedDocument).size;
  const { value } = row as MetaRow;
  return value instanceof Blob ? value.size : 0;
}

function keyOf(table: string, row: unknown): string {
  return table === 'documents' ? (row as CachedDocument).sha256 : (row as MetaRow).key;
}

/**
 * Limits what db.documents and db.meta hold to `bytes`; must be called before the first use of
 * `db`. Usage is a ledger of the writes that went through (all writes do, seeding included);
 * ranges deleted at once (Table.clear) are not tracked: the code under test deletes by key.
 */
export function limitStorage(db: WorkstationDb, bytes: number): FakeQuota {
  const ledger = new Map<string, number>();
  const used = () => [...ledger.values()].reduce((sum, n) => sum + n, 0);
  const quota: FakeQuota = { bytes, refusals: 0, used };
  db.use({
    stack: 'dbcore',
    name: 'fakeStorageQuota',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!LIMITED.has(name)) return table;
        return {
          ...table,
          mutate: async (req: DBCoreMutateRequest) => {
            const rows = req.type === 'put' || req.type === 'add' ? req.values : [];
            const entries = rows.map((row) => [`${name}:${keyOf(name, row)}`, bytesOf(name, row)] as const);
            if (entries.length > 0) {
              const replaced = entries.reduce((sum, [key]) => sum + (ledger.get(key) ?? 0), 0);
              const adding = entries.reduce((sum, [, n]) => sum + n, 0);
              if (used() - replaced + adding > quota.bytes) {
                quota.refusals++;
                throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
              }
            }
            // Booked before the write, in the same synchronous step as the check: two writes
            // under way at once (the cache downloads two at a time) must not share the same room.
            const before = entries.map(([key]) => [key, ledger.get(key)] as const);
            for (const [key, n] of entries) ledger.set(key, n);
            try {
              const response = await table.mutate(req);
              if (req.type === 'delete') for (const key of req.keys as unknown[]) ledger.delete(`${name}:${String(key)}`);
              return response;
            } catch (error) {
              for (const [key, n] of before) {
                if (n === undefined) ledger.delete(key);
                else ledger.set(key, n);
              }
              throw error;
            }
          },
        };
      },
    }),
  });
  return quota;
}
