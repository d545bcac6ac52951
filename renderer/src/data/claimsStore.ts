/**
 * All claims in memory for the screens, loaded once from IndexedDB and then refreshed claim by
 * claim as the sync engine reports changes (a full reload of 100,000 claims on every change
 * would stall the queue). Screens subscribe with zustand selectors.
 */
import { create } from 'zustand';
import type { Claim } from '@shared/index';
import type { WorkstationDb } from '../store/db';

export type ClaimsState = {
  loaded: boolean;
  /** Immutable snapshot: replaced (not mutated) on every change, so memoized views recompute. */
  claims: ReadonlyMap<string, Claim>;
  /** Bumped on every change; cheap dependency for memoized derived data. */
  revision: number;
  /**
   * The ids the last change touched (from `revision - 1` to `revision`), so derived indexes can
   * update those alone instead of comparing 100,000 claims; null after a full load or a reset.
   */
  changed: readonly string[] | null;
  pending: ReadonlySet<string>;
};

export const useClaims = create<ClaimsState>(() => ({ loaded: false, claims: new Map(), revision: 0, changed: null, pending: new Set() }));

export async function loadAllClaims(db: WorkstationDb): Promise<void> {
  const rows = await db.claims.toArray();
  const claims = new Map<string, Claim>();
  const pending = new Set<string>();
  for (const row of rows) {
    claims.set(row.id, row.view);
    if (row.base) pending.add(row.id);
  }
  useClaims.setState((s) => ({ loaded: true, claims, pending, revision: s.revision + 1, changed: null }));
}

export async function refreshClaims(db: WorkstationDb, ids: readonly string[]): Promise<void> {
  const rows = await db.claims.bulkGet([...ids]);
  useClaims.setState((s) => {
    const claims = new Map(s.claims);
    const pending = new Set(s.pending);
    rows.forEach((row, i) => {
      const id = ids[i]!;
      if (row) claims.set(id, row.view);
      else claims.delete(id);
      if (row?.base) pending.add(id);
      else pending.delete(id);
    });
    return { claims, pending, revision: s.revision + 1, changed: ids };
  });
}

export function resetClaims(): void {
  useClaims.setState({ loaded: false, claims: new Map(), revision: 0, changed: null, pending: new Set() });
}
