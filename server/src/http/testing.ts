/** Test-only: the real HTTP app on a fresh test database, with users and a controllable clock. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { SignedInUser } from '../actor';
import { hashPassword } from '../auth/passwords';
import { openBlobStore } from '../blobs/blob-store';
import { createTestDatabase, type DriverName, type TestDatabase } from '../db/testing';
import { DEFAULT_SETTINGS, type SlaSettings } from '../settings';
import { startPokes } from '../sync/pokes';
import { buildApp, type AppOptions } from './app';
import type { AppDeps } from './deps';

export const TEST_PASSWORD = 'correct horse battery staple';

export type TestUser = Omit<SignedInUser, 'displayName'>;

export const TEST_USERS: TestUser[] = [
  { id: 'reviewer-1', username: 'reviewer1', role: 'reviewer', partnerId: null, tenantId: null },
  { id: 'reviewer-2', username: 'reviewer2', role: 'reviewer', partnerId: null, tenantId: null },
  { id: 'supervisor-1', username: 'supervisor', role: 'supervisor', partnerId: null, tenantId: null },
  { id: 'partner-1', username: 'partner-contoso', role: 'partner', partnerId: '1234567', tenantId: null },
  { id: 'partner-2', username: 'partner-litware', role: 'partner', partnerId: '7654321', tenantId: null },
  { id: 'customer-1', username: 'customer-fabrikam', role: 'customer', partnerId: null, tenantId: '6f1c2b9e-3d4a-4c5b-8e7f-0a1b2c3d4e5f' },
  { id: 'admin-1', username: 'admin', role: 'admin', partnerId: null, tenantId: null },
];

export type TestApp = {
  app: FastifyInstance;
  db: TestDatabase;
  deps: AppDeps;
  clock: { now: Date };
  /** Signs in through the API and returns the bearer token. */
  login(username: string): Promise<string>;
  close(): Promise<void>;
};

export async function createTestApp(driver: DriverName, options: { settings?: SlaSettings; app?: AppOptions } = {}): Promise<TestApp> {
  const db = await createTestDatabase(driver);
  // Cheap scrypt parameters: the cost is a production concern, not what these tests check.
  const hash = await hashPassword(TEST_PASSWORD, { ln: 4, r: 8, p: 1 });
  for (const u of TEST_USERS) {
    await db.db.query('insert into users (id, username, password_hash, role, partner_id, tenant_id, display_name) values ($1, $2, $3, $4, $5, $6, $7)', [
      u.id,
      u.username,
      hash,
      u.role,
      u.partnerId,
      u.tenantId,
      u.username,
    ]);
  }
  const blobDir = await mkdtemp(path.join(tmpdir(), 'poe-blobs-'));
  const clock = { now: new Date('2026-11-02T17:00:00.000Z') };
  const shutdown: (() => void)[] = [];
  const deps: AppDeps = {
    db: db.db,
    blobs: await openBlobStore(blobDir),
    config: { maxUploadBytes: 25 * 1024 * 1024, tokenTtlHours: 12 },
    now: () => clock.now,
    settings: async () => options.settings ?? DEFAULT_SETTINGS,
    pokes: await startPokes(db.db),
    onShutdown: (fn) => shutdown.push(fn),
    version: 'test',
  };
  const app = await buildApp(deps, options.app);
  await app.ready();
  return {
    app,
    db,
    deps,
    clock,
    async login(username) {
      const res = await app.inject({ method: 'POST', url: '/auth/login', payload: { username, password: TEST_PASSWORD } });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      return (res.json() as { token: string }).token;
    },
    async close() {
      for (const fn of shutdown) fn();
      await app.close();
      await deps.pokes.close();
      await db.dispose();
      await rm(blobDir, { recursive: true, force: true });
    },
  };
}
