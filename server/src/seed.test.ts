import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STATUSES } from '../../shared/index';
import { openBlobStore } from './blobs/blob-store';
import { createTestDatabase, testDrivers, type TestDatabase } from './db/testing';
import { isEmpty, seedDemoData } from './seed';
import { DEFAULT_SETTINGS } from './settings';

describe.each(testDrivers())('demo data on $title', ({ name, skip }) => {
  describe.skipIf(skip)('seeding', () => {
    let t: TestDatabase;
    let blobDir: string;
    beforeAll(async () => {
      t = await createTestDatabase(name);
      blobDir = await mkdtemp(path.join(tmpdir(), 'poe-seed-'));
    }, 60_000);
    afterAll(async () => {
      await t?.dispose();
      await rm(blobDir, { recursive: true, force: true });
    });

    it('loads users, documents and every claim history through the real write path', async () => {
      expect(await isEmpty(t.db)).toBe(true);
      const blobs = await openBlobStore(blobDir);
      const report = await seedDemoData(
        { db: t.db, blobs, settings: DEFAULT_SETTINGS },
        { now: new Date('2026-11-30T17:00:00.000Z'), claimCount: 60, passwordParams: { ln: 4, r: 8, p: 1 } },
      );
      expect(report.refused).toEqual([]);
      expect(await isEmpty(t.db)).toBe(false);
      const claims = await t.db.query<{ status: string; n: number }>('select status, count(*) as n from claims group by status');
      const statuses = new Set(claims.rows.map((r) => r.status));
      expect([...statuses].every((s) => (STATUSES as readonly string[]).includes(s))).toBe(true);
      expect(statuses.size).toBeGreaterThanOrEqual(6);
      // Every PoE a claim cites is stored, intact, with its metadata.
      const cited = await t.db.query<{ sha256: string }>(`select distinct d->>'sha256' as sha256 from claims, jsonb_array_elements(snapshot->'documents') d`);
      expect(cited.rows.length).toBeGreaterThan(0);
      for (const { sha256 } of cited.rows) {
        expect(await blobs.get(sha256), sha256).not.toBeNull();
        expect((await t.db.query('select 1 from documents where sha256 = $1', [sha256])).rowCount).toBe(1);
      }
      // Snapshots are the fold of their events.
      const versions = await t.db.query<{ ok: boolean }>(
        'select bool_and(c.version = (select max(seq) from events e where e.claim_id = c.id)) as ok from claims c',
      );
      expect(versions.rows[0]!.ok).toBe(true);
    }, 120_000);
  });
});
