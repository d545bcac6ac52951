/**
 * The annotation being made, kept in IndexedDB (db.annotationDrafts) until it is added or
 * discarded, so a region marked just before a reload or a crash is still there. One per claim.
 */
import type { Rect } from '@shared/index';
import type { WorkstationDb } from '../store/db';

/** A region marked on a page (drawn, or from a text selection), waiting for its form to be filled. */
export type AnnotationDraft = { sha256: string; page: number; rect: Rect; quote?: string };

const idOf = (claimId: string) => `draft:${claimId}`;

function isRect(value: unknown): value is Rect {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

export async function loadDraft(db: WorkstationDb, claimId: string): Promise<AnnotationDraft | null> {
  const row = await db.annotationDrafts.get(idOf(claimId));
  if (!row || !isRect(row.data['rect'])) return null;
  const quote = row.data['quote'];
  return { sha256: row.sha256, page: row.page, rect: row.data['rect'], ...(typeof quote === 'string' ? { quote } : {}) };
}

export async function saveDraft(db: WorkstationDb, claimId: string, draft: AnnotationDraft): Promise<void> {
  await db.annotationDrafts.put({
    id: idOf(claimId),
    claimId,
    sha256: draft.sha256,
    page: draft.page,
    createdAt: new Date().toISOString(),
    data: { rect: draft.rect, ...(draft.quote !== undefined ? { quote: draft.quote } : {}) },
  });
}

export async function deleteDraft(db: WorkstationDb, claimId: string): Promise<void> {
  await db.annotationDrafts.delete(idOf(claimId));
}
