/**
 * Loads the demo data set into a database: users, PoE documents (through the same checks and blob
 * store as uploads) and claim histories (through the same write path as every API). Used by
 * `npm run seed` and on the first start of an empty embedded database.
 */
import { hashPassword, type ScryptParams } from './auth/passwords';
import type { BlobStore } from './blobs/blob-store';
import { executeCommand } from './claims/execute';
import type { Database } from './db/index';
import { demoPlan, type DemoPlan } from './demo/plan';
import type { SlaSettings } from './settings';

export type SeedReport = { users: number; documents: number; steps: number; refused: { step: number; message: string }[] };

export async function isEmpty(db: Database): Promise<boolean> {
  const row = (await db.query<{ n: number }>('select (select count(*) from users) + (select count(*) from claims) as n')).rows[0]!;
  return row.n === 0;
}

export async function seedDemoData(
  deps: { db: Database; blobs: BlobStore; settings: SlaSettings },
  options: { now: Date; seed?: number; claimCount?: number; passwordParams?: ScryptParams; plan?: DemoPlan },
): Promise<SeedReport> {
  const { db, blobs, settings } = deps;
  const plan = options.plan ?? (await demoPlan({ seed: options.seed ?? 20261129, now: options.now, claimCount: options.claimCount ?? 300 }));

  // One hash per distinct password: demo users share one, and scrypt is deliberately slow.
  const hashes = new Map<string, Promise<string>>();
  for (const user of plan.users) {
    if (!hashes.has(user.password)) hashes.set(user.password, hashPassword(user.password, options.passwordParams));
    await db.query(
      `insert into users (id, username, password_hash, role, partner_id, tenant_id, display_name)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (id) do nothing`,
      [user.id, user.username, await hashes.get(user.password)!, user.role, user.partnerId ?? null, user.tenantId ?? null, user.displayName],
    );
  }

  for (const doc of plan.documents) {
    const bytes = await doc.build();
    const { sha256 } = await blobs.put(bytes);
    await db.query(
      `insert into documents (sha256, media_type, size, pages, file_name, uploaded_by, uploaded_at)
       values ($1, $2, $3, $4, $5, $6, $7) on conflict (sha256) do nothing`,
      [sha256, doc.mediaType, bytes.byteLength, doc.pages, doc.fileName, doc.uploadedBy, doc.uploadedAt],
    );
  }

  const refused: SeedReport['refused'] = [];
  for (const [i, step] of plan.steps.entries()) {
    const result = await db.transaction((tx) => executeCommand(tx, step.command, step.actor, step.at, settings), { isolation: 'read committed' });
    if (!result.ok) refused.push({ step: i, message: `${step.command.type} on ${step.command.claimId}: ${result.error.message}` });
  }
  return { users: plan.users.length, documents: plan.documents.length, steps: plan.steps.length, refused };
}
