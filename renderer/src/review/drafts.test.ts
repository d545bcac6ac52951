import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openWorkstationDb } from '../store/db';
import { deleteDraft, loadDraft, saveDraft } from './drafts';

describe('annotation drafts', () => {
  it('survive reopening the database until discarded', async () => {
    const name = `drafts-${Math.random()}`;
    const db = openWorkstationDb(name);
    const draft = { sha256: 'a'.repeat(64), page: 2, rect: { x: 1, y: 2, width: 3, height: 4 }, quote: 'Signature:' };
    expect(await loadDraft(db, 'claim-1')).toBeNull();
    await saveDraft(db, 'claim-1', draft);
    db.close();
    const again = openWorkstationDb(name);
    expect(await loadDraft(again, 'claim-1')).toEqual(draft);
    expect(await loadDraft(again, 'claim-2')).toBeNull();
    await deleteDraft(again, 'claim-1');
    expect(await loadDraft(again, 'claim-1')).toBeNull();
    again.close();
  });
});
