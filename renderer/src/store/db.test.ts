import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { actors, apply, createCommand } from '@shared/testing/fixtures';
import { openWorkstationDb } from './db';

describe('local database schema versions', () => {
  it('upgrades a version-1 database: claims get status times, outbox and meta are kept', async () => {
    const name = 'upgrade-from-v1';
    // A database as version 1 of the app left it: claims without `fromMs`, a pending action.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      claims: 'id, status, assignee, updatedAt, [assignee+status]',
      events: 'id, claimId, [claimId+seq]',
      outbox: 'mutationId, claimId',
      refusals: 'mutationId, claimId, dismissed',
      documents: 'sha256, lastOpenedAt',
      annotationDrafts: 'id, claimId',
      meta: 'key',
    });
    const claim = apply(null, createCommand('claim-old'), actors.partner, new Date('2026-11-02T17:00:00Z')).claim;
    const legacy = { ...claim, statusLog: claim.statusLog.map(({ status, from }) => ({ status, from })) };
    await v1.table('claims').put({ id: legacy.id, view: legacy, base: legacy, status: legacy.status, assignee: '', updatedAt: legacy.updatedAt });
    await v1.table('outbox').put({ mutationId: 7, name: 'comment', args: { claimId: 'claim-old', commentId: 'c', text: 'kept' }, claimId: 'claim-old', clientTime: legacy.updatedAt });
    await v1.table('meta').put({ key: 'cursor', value: 42 });
    v1.close();

    const db = openWorkstationDb(name);
    const row = await db.claims.get('claim-old');
    expect(row?.view.statusLog[0]).toEqual({ status: 'draft', from: '2026-11-02T17:00:00.000Z', fromMs: Date.parse('2026-11-02T17:00:00.000Z') });
    expect(row?.base?.statusLog[0]?.fromMs).toBe(Date.parse('2026-11-02T17:00:00.000Z'));
    expect((await db.outbox.get(7))?.args.text).toBe('kept');
    expect((await db.meta.get('cursor'))?.value).toBe(42);
    expect(db.verno).toBe(2);
    expect(await db.refusals.where('[claimId+dismissed]').equals(['claim-old', 0]).count()).toBe(0);
    db.close();
  });
});
