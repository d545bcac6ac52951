/**
 * `npm run bench:server`: the sync backend's write and read paths on both storage drivers.
 *
 * - Push: one workstation client pushes batches of 100 mutations (comments and checklist changes,
 *   spread over many claims) through `push()`: each mutation in its own transaction through the
 *   shared `decide`, with its outcome recorded (exactly what POST /sync/push runs, without HTTP).
 * - Pull: the initial pull of a workstation (cursor 0, default page size) over 10,000 claims in
 *   review, pages followed until `more` is false, plus the JSON encoding of the responses.
 * - Baseline, same database, same run: the same event rows inserted raw into a scratch table
 *   shaped like `events` (same columns and unique key), one multi-row INSERT per batch of 100.
 *
 * PGlite runs in-process on a data directory on disk (as the server does by default); PostgreSQL
 * on BENCH_DATABASE_URL or TEST_DATABASE_URL (a scratch database is created and dropped), skipped
 * with a note when neither is set.
 *
 * Targets (issue 3): ≥ 1,000 mutations/s on PostgreSQL, push ≤ 5× the raw inserts, 10,000-claim
 * pull < 2 s. Misses are reported, never turned into a non-zero exit: machines differ.
 *
 * Options: --claims=N (10000), --mutations=N (3000; rounded to batches), --batch=N (100),
 * --only=pglite|postgres, --profile (time per kind of statement during the pushes).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import type { Claim, ClaimEvent, Mutation } from '../../shared/index';
import { actors, apply, createCommand } from '../../shared/testing/fixtures';
import type { SignedInUser } from '../../server/src/actor';
import { json, openDatabase, type Database, type QueryResult, type Row, type SqlParam, type Tx } from '../../server/src/db/index';
import { openPglite } from '../../server/src/db/pglite-driver';
import { pgliteTemplate } from '../../server/src/db/testing';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { pull } from '../../server/src/sync/pull';
import { push } from '../../server/src/sync/push';
import { mulberry32 } from '../../server/src/demo/random';

const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const PROFILE = process.argv.includes('--profile');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const CLAIMS = arg('claims', 10_000);
const BATCH = arg('batch', 100);
const MUTATIONS = Math.max(BATCH, Math.round(arg('mutations', 3_000) / BATCH) * BATCH);

const TARGET_PUSH_PER_S = 1_000;
const TARGET_RATIO = 5;
const TARGET_PULL_MS = 2_000;

const REVIEWER: SignedInUser = { id: 'bench-reviewer', username: 'bench-reviewer', displayName: 'Bench Reviewer', role: 'reviewer', partnerId: null, tenantId: null };
const CHECKLIST_ITEMS = ['poe_present', 'customer_verification', 'date', 'partner_solution'] as const;
const PRODUCT_SETS = [['d365_sales', 'power_bi'], ['d365_sales'], ['power_bi']];

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');


// --- a database with CLAIMS claims in review ---------------------------------------------------------

/** Claims built through the real decide/evolve, written in bulk (the seeding is not what is measured). */
async function seedClaims(db: Database, count: number): Promise<string[]> {
  await db.query(
    `insert into users (id, username, password_hash, role, display_name) values ($1, $1, 'x', 'reviewer', 'Bench Reviewer')`,
    [REVIEWER.id],
  );
  const base = Date.parse('2026-11-02T17:00:00.000Z');
  const ids: string[] = [];
  const CHUNK = 500;
  for (let start = 0; start < count; start += CHUNK) {
    const built: { claim: Claim; events: ClaimEvent[] }[] = [];
    for (let i = start; i < Math.min(count, start + CHUNK); i++) {
      const claimId = `bench-${String(i).padStart(6, '0')}`;
      ids.push(claimId);
      const t = base - (count - i) * 60_000;
      const created = apply(null, createCommand(claimId, PRODUCT_SETS[i % PRODUCT_SETS.length]), actors.partner, new Date(t));
      const submitted = apply(created.claim, { type: 'submit', claimId }, actors.partner, new Date(t + 1_000));
      const started = apply(submitted.claim, { type: 'startReview', claimId }, { id: REVIEWER.id, role: 'reviewer' }, new Date(t + 2_000));
      built.push({ claim: started.claim, events: [...created.events, ...submitted.events, ...started.events] });
    }
    await db.transaction(async (tx) => {
      const events = built.flatMap((b) => b.events);
      const inserted = await insertEventRows(tx, 'events', events, 'returning claim_id, global_seq');
      const lastSeq = new Map<string, number>();
      for (const row of inserted.rows as { claim_id: string; global_seq: number }[]) lastSeq.set(row.claim_id, Math.max(lastSeq.get(row.claim_id) ?? 0, row.global_seq));
      const params: SqlParam[] = [];
      const values = built.map(({ claim }, i) => {
        params.push(claim.id, claim.partner.partnerId, claim.customer.tenantId, claim.status, claim.assignee, claim.version, json(claim), new Date(claim.createdAt), new Date(claim.updatedAt), lastSeq.get(claim.id)!);
        const p = i * 10;
        return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb, $${p + 8}, $${p + 9}, $${p + 10})`;
      });
      await tx.query(
        `insert into claims (id, partner_id, tenant_id, status, assignee, version, snapshot, created_at, updated_at, last_global_seq) values ${values.join(', ')}`,
        params,
      );
    });
  }
  return ids;
}

/** One multi-row INSERT of event rows into `table` (the store's columns, in the store's encoding). */
function insertEventRows(q: Pick<Tx, 'query'>, table: string, events: readonly ClaimEvent[], returning = ''): Promise<QueryResult<Row>> {
  const params: SqlParam[] = [];
  const values = events.map((e, i) => {
    params.push(e.claimId, e.seq, e.type, new Date(e.at), e.actor.id, e.actor.role, json(e.payload));
    const p = i * 7;
    return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}::jsonb)`;
  });
  return q.query(`insert into ${table} (claim_id, seq, type, at, actor_id, actor_role, payload) values ${values.join(', ')} ${returning}`, params);
}

/** The raw baseline: `events` rows into a table shaped like it, one multi-row INSERT per batch. */
async function rawInsert(db: Database, events: readonly ClaimEvent[]): Promise<number> {
  await db.query('drop table if exists bench_raw_events');
  await db.query(`create table bench_raw_events (
    global_seq bigint generated always as identity primary key,
    claim_id text not null, seq integer not null, type text not null, at timestamptz not null,
    actor_id text not null, actor_role text not null, payload jsonb not null, unique (claim_id, seq))`);
  const t0 = performance.now();
  for (let i = 0; i < events.length; i += BATCH) await insertEventRows(db, 'bench_raw_events', events.slice(i, i + BATCH));
  const ms = performance.now() - t0;
  await db.query('drop table bench_raw_events');
  return ms;
}

// --- statements per mutation (profile) ----------------------------------------------------------

/**
 * Counts statements sent to the database (each a round trip on PostgreSQL), BEGIN/COMMIT excluded,
 * and the time spent in each kind (keyed by the statement's first words).
 */
function counting(db: Database): { db: Database; statements: () => number; profile: Map<string, { n: number; ms: number }> } {
  let statements = 0;
  const profile = new Map<string, { n: number; ms: number }>();
  const timed = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    statements++;
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      const key = sql.replace(/\s+/g, ' ').trim().slice(0, 60);
      const entry = profile.get(key) ?? { n: 0, ms: 0 };
      entry.n++;
      entry.ms += performance.now() - t0;
      profile.set(key, entry);
    }
  };
  const wrapped: Database = {
    driver: db.driver,
    query: (sql, params) => timed(sql, () => db.query(sql, params)),
    transaction: (fn, options) =>
      db.transaction((tx) => fn({ query: (sql, params) => timed(sql, () => tx.query(sql, params)), notify: (c, p) => timed('notify', () => tx.notify(c, p)) }), options),
    notify: (c, p) => db.notify(c, p),
    listen: (c, h) => db.listen(c, h),
    close: () => db.close(),
  };
  return { db: wrapped, statements: () => statements, profile };
}

// --- the runs -----------------------------------------------------------------------------------

type Report = {
  driver: string;
  pushPerS: number;
  pushMs: number;
  /** Time per kind of statement during the timed pushes. */
  profile: [string, { n: number; ms: number }][];
  rawPushMs: number;
  statementsPerMutation: number;
  pullMs: number;
  jsonMs: number;
  pulledClaims: number;
  pulledEvents: number;
  pages: number;
  rawPullMs: number;
};

async function run(label: string, db: Database): Promise<Report> {
  process.stdout.write(`\n${label}: seeding ${fmt(CLAIMS)} claims in review… `);
  let t0 = performance.now();
  const claimIds = await seedClaims(db, CLAIMS);
  console.log(`${fmt(performance.now() - t0)} ms`);

  // Push: one client, batches of BATCH mutations over random claims; one warm-up batch first.
  const rand = mulberry32(20261129);
  const clientId = `bench-${randomBytes(4).toString('hex')}`;
  let nextId = 1;
  const batch = (): Mutation[] =>
    Array.from({ length: BATCH }, () => {
      const id = nextId++;
      const claimId = claimIds[Math.floor(rand() * claimIds.length)]!;
      const args =
        rand() < 0.5
          ? { claimId, commentId: `bench-c-${id}`, text: `Checked the statement of work, page ${1 + Math.floor(rand() * 9)}: signature and date present.` }
          : { claimId, item: CHECKLIST_ITEMS[Math.floor(rand() * CHECKLIST_ITEMS.length)]!, result: rand() < 0.85 ? 'pass' : 'fail' };
      return { id, name: 'commentId' in args ? 'comment' : 'setChecklistItem', args, clientTime: '2026-11-02T17:00:00.000Z' };
    });
  const counted = counting(db);
  const deps = { db: counted.db, now: () => new Date(), settings: async () => DEFAULT_SETTINGS };
  const warm = await push(deps, REVIEWER, { protocolVersion: 1, clientId, mutations: batch() });
  if (warm.outcomes.some((o) => o.status !== 'applied')) throw new Error(`warm-up refused: ${JSON.stringify(warm.outcomes.find((o) => o.status !== 'applied'))}`);
  const seqBefore = (await db.query<{ max: number }>('select max(global_seq) as max from events')).rows[0]!.max;
  const statementsBefore = counted.statements();
  counted.profile.clear();
  t0 = performance.now();
  for (let sent = 0; sent < MUTATIONS; sent += BATCH) {
    const res = await push(deps, REVIEWER, { protocolVersion: 1, clientId, mutations: batch() });
    const refused = res.outcomes.find((o) => o.status !== 'applied');
    if (refused || res.outcomes.length !== BATCH) throw new Error(`push did not apply everything: ${JSON.stringify(refused ?? res)}`);
  }
  const pushMs = performance.now() - t0;
  const statementsPerMutation = (counted.statements() - statementsBefore) / MUTATIONS;
  const profile = [...counted.profile].sort((x, y) => y[1].ms - x[1].ms);

  // The same event rows, raw.
  const pushed = (
    await db.query<EventRowLike>(
      `select claim_id, seq, type, at, actor_id, actor_role, payload from events where global_seq > $1 order by global_seq`,
      [seqBefore],
    )
  ).rows.map(toEvent);
  if (pushed.length !== MUTATIONS) throw new Error(`expected ${MUTATIONS} pushed events, found ${pushed.length}`);
  const rawPushMs = await rawInsert(db, pushed);

  // Pull: the initial pull of a new workstation, pages until done, and encoding the responses.
  const pullClient = `bench-pull-${randomBytes(4).toString('hex')}`;
  let cursor = 0;
  let pages = 0;
  let pulledClaims = 0;
  let pulledEvents = 0;
  let jsonMs = 0;
  const allEvents: ClaimEvent[] = [];
  t0 = performance.now();
  for (;;) {
    const page = await pull(deps, REVIEWER, { clientId: pullClient, cursor, limit: 5_000 });
    const j0 = performance.now();
    const body = JSON.stringify(page);
    jsonMs += performance.now() - j0;
    if (body.length === 0) throw new Error('empty');
    pages++;
    pulledClaims += page.claims.length;
    for (const c of page.claims) {
      pulledEvents += c.events.length;
      allEvents.push(...c.events);
    }
    cursor = page.cursor;
    if (!page.more) break;
  }
  const pullMs = performance.now() - t0 - jsonMs;
  const rawPullMs = await rawInsert(db, allEvents);

  return {
    driver: label,
    pushPerS: (MUTATIONS / pushMs) * 1000,
    pushMs,
    profile,
    rawPushMs,
    statementsPerMutation,
    pullMs,
    jsonMs,
    pulledClaims,
    pulledEvents,
    pages,
    rawPullMs,
  };
}

type EventRowLike = { claim_id: string; seq: number; type: string; at: Date; actor_id: string; actor_role: string; payload: unknown };

function toEvent(r: EventRowLike): ClaimEvent {
  return { id: `${r.claim_id}:${r.seq}`, claimId: r.claim_id, seq: r.seq, type: r.type, at: r.at.toISOString(), actor: { id: r.actor_id, role: r.actor_role }, payload: r.payload } as ClaimEvent;
}

function print(r: Report, targetThroughput: boolean): void {
  const ratio = r.pushMs / r.rawPushMs;
  const pullRatio = r.pullMs / r.rawPullMs;
  console.log(
    `  push: ${fmt(MUTATIONS)} mutations in batches of ${BATCH} (one client): ${fmt(r.pushMs)} ms → ${fmt(r.pushPerS)} mutations/s, ` +
      `${fmt((r.pushMs * 1000) / MUTATIONS)} µs and ${fmt(r.statementsPerMutation, 1)} statements per mutation (plus BEGIN/COMMIT)`,
  );
  if (PROFILE) {
    const inStatements = r.profile.reduce((sum, [, e]) => sum + e.ms, 0);
    for (const [sql, e] of r.profile) console.log(`      ${fmt(e.ms).padStart(7)} ms ${String(e.n).padStart(6)}× ${sql}`);
    console.log(`      ${fmt(r.pushMs - inStatements).padStart(7)} ms outside statements (BEGIN/COMMIT, decide/evolve, JSON)`);
  }
  console.log(`  raw:  the same ${fmt(MUTATIONS)} event rows, one INSERT per ${BATCH}: ${fmt(r.rawPushMs)} ms → ${fmt((MUTATIONS / r.rawPushMs) * 1000)} rows/s`);
  console.log(
    `  push / raw: ${fmt(ratio, 1)}× (target ≤ ${TARGET_RATIO}×) ${verdict(ratio <= TARGET_RATIO)}` +
      (targetThroughput ? `; throughput target ≥ ${fmt(TARGET_PUSH_PER_S)}/s ${verdict(r.pushPerS >= TARGET_PUSH_PER_S)}` : ' (throughput target is for PostgreSQL)'),
  );
  console.log(
    `  pull: ${fmt(r.pulledClaims)} claims with ${fmt(r.pulledEvents)} events from cursor 0 in ${r.pages} page(s): ${fmt(r.pullMs)} ms ` +
      `(+ ${fmt(r.jsonMs)} ms JSON encoding = ${fmt(r.pullMs + r.jsonMs)} ms) (target < ${fmt(TARGET_PULL_MS)} ms) ${verdict(r.pullMs + r.jsonMs < TARGET_PULL_MS)}`,
  );
  console.log(`  raw:  the same ${fmt(r.pulledEvents)} event rows, one INSERT per ${BATCH}: ${fmt(r.rawPullMs)} ms → pull / raw ${fmt((r.pullMs + r.jsonMs) / r.rawPullMs, 2)}× (database part ${fmt(pullRatio, 2)}×)`);
}

async function main(): Promise<void> {
  console.log(
    `bench:server — ${fmt(CLAIMS)} claims, ${fmt(MUTATIONS)} timed mutations in batches of ${BATCH}; Node ${process.version}, ` +
      `${cpus().length} CPU(s), load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );

  if (only === undefined || only === 'pglite') {
    const dir = await mkdtemp(path.join(tmpdir(), 'poe-bench-pglite-'));
    const dataDir = path.join(dir, 'pglite');
    try {
      await (await openPglite({ dataDir, loadDataDir: await pgliteTemplate() })).close();
      const db = await openDatabase({ driver: 'pglite', dataDir });
      try {
        print(await run('PGlite (in-process, data directory on disk)', db), false);
      } finally {
        await db.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  if (only === undefined || only === 'postgres') {
    const adminUrl = process.env.BENCH_DATABASE_URL?.trim() || process.env.TEST_DATABASE_URL?.trim();
    if (!adminUrl) {
      console.log('\nPostgreSQL: SKIPPED — set BENCH_DATABASE_URL or TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5433/postgres) to measure it.');
    } else {
      const name = `poe_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      try {
        const db = await openDatabase({ driver: 'postgres', url: url.toString() });
        try {
          const settings = (await db.query<{ fsync: string; sc: string }>(`select current_setting('fsync') as fsync, current_setting('synchronous_commit') as sc`)).rows[0]!;
          print(await run(`PostgreSQL (${url.host}, fsync=${settings.fsync}, synchronous_commit=${settings.sc})`, db), true);
        } finally {
          await db.close();
        }
      } finally {
        // The pool closes its connections without waiting for them: let them go before `force`.
        for (let i = 0; i < 40; i++) {
          const { rows } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  }
}

main().catch((error: unknown) => {
  // A broken bench (not a missed target) is worth a non-zero exit.
  console.error(error);
  process.exitCode = 1;
});
