/**
 * Load and soak: simulated reviewer workstations (the renderer's sync engine on fake-indexeddb)
 * plus the partner/customer simulator, against a real server process on PostgreSQL, for a fixed
 * time. Reports throughput, p95 push and pull latency and the invariant check.
 *
 *   npm run soak -- --clients 30 --seconds 120
 *
 * Needs a PostgreSQL server: SOAK_DATABASE_URL or TEST_DATABASE_URL (an admin URL; a scratch
 * database is created and dropped). Loopback only.
 */
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import type { CommandInput, PullResponse, PushRequest, PushResponse } from '../../shared/index';
import { DEFAULT_CALENDAR, DEFAULT_POLICY } from '../../shared/index';
import { perform, syncOnce, type EngineContext } from '../../renderer/src/sync/engine';
import { httpTransport, type SyncTransport } from '../../renderer/src/sync/transport';
import { getMeta, openWorkstationDb } from '../../renderer/src/store/db';
import { DEMO_PASSWORD } from '../../server/src/demo/plan';
import { createScratchDatabase, REPO_ROOT, startServerProcess } from '../server/harness';

export type SoakOptions = { clients: number; seconds: number; adminUrl: string; log?: (line: string) => void };
export type SoakReport = {
  clients: number;
  seconds: number;
  performed: number;
  applied: number;
  refused: number;
  pushes: number;
  pulls: number;
  pushP95Ms: number;
  pullP95Ms: number;
  mutationsPerSecond: number;
  invariantsHeld: boolean;
  problems: string[];
};

const REVIEWERS = ['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4', 'supervisor'];

function p95(xs: number[]): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
}

/** Times every push and pull a workstation makes. */
function timed(transport: SyncTransport, pushes: number[], pulls: number[]): SyncTransport {
  return {
    async push(req: PushRequest): Promise<PushResponse> {
      const t = performance.now();
      try {
        return await transport.push(req);
      } finally {
        pushes.push(performance.now() - t);
      }
    },
    async pull(q): Promise<PullResponse> {
      const t = performance.now();
      try {
        return await transport.pull(q);
      } finally {
        pulls.push(performance.now() - t);
      }
    },
  };
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const db = await createScratchDatabase(options.adminUrl, 'soak');
  const server = await startServerProcess('soak', { DATABASE_URL: db.url, SEED_DEMO: '1' }, { timeoutMs: 120_000 });
  const simulator = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli/simulate.ts', '--url', server.url, '--interval', '1000', '--max', '6'], { cwd: REPO_ROOT, stdio: 'ignore' });
  const pushes: number[] = [];
  const pulls: number[] = [];
  const problems: string[] = [];
  try {
    log(`server ${server.url} on ${db.name}; ${options.clients} workstations for ${options.seconds} s`);
    const workstations: EngineContext[] = [];
    for (let i = 0; i < options.clients; i++) {
      const username = REVIEWERS[i % REVIEWERS.length]!;
      const res = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
      const { token, user } = (await res.json()) as { token: string; user: { id: string; role: 'reviewer' | 'supervisor' } };
      const name = `soak-${db.name}-${i}`;
      workstations.push({
        db: openWorkstationDb(name),
        transport: timed(httpTransport({ baseUrl: server.url, token: () => token }), pushes, pulls),
        actor: { id: user.id, role: user.role },
        deviceNow: () => Date.now(),
        defaults: { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY },
        newClientId: () => `client-${name}`,
      });
    }
    let performed = 0;
    const deadline = Date.now() + options.seconds * 1000;
    await Promise.all(
      workstations.map(async (ws, i) => {
        await syncOnce(ws);
        let n = 0;
        while (Date.now() < deadline) {
          const claims = await ws.db.claims.toArray();
          for (let k = 0; k < 5 && claims.length; k++) {
            const claim = claims[Math.floor(Math.random() * claims.length)]!.view;
            const roll = Math.random();
            const command: Exclude<CommandInput, { type: 'create' }> =
              claim.status === 'submitted' && roll < 0.3
                ? { type: 'startReview', claimId: claim.id }
                : claim.status === 'in_review' && claim.assignee === ws.actor.id && roll < 0.6
                  ? { type: 'setChecklistItem', claimId: claim.id, item: 'date', result: roll < 0.45 ? 'pass' : 'fail', note: `soak ${i}-${n}` }
                  : { type: 'comment', claimId: claim.id, commentId: `soak-${i}-${n++}`, text: `Soak comment ${n} from workstation ${i}` };
            if ((await perform(ws, command)).ok) performed++;
          }
          try {
            await syncOnce(ws);
          } catch (error) {
            problems.push(`workstation ${i}: ${error instanceof Error ? error.message : String(error)}`);
          }
        }
      }),
    );
    simulator.kill('SIGTERM');
    // Converge: push what is left, then everyone pulls once more.
    for (const ws of workstations) await syncOnce(ws);
    for (const ws of workstations) await syncOnce(ws);

    // Invariants: one outcome per mutation, nothing pending, every view equals the server's.
    let applied = 0;
    let refused = 0;
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const ws of workstations) {
        const clientId = (await getMeta(ws.db, 'clientId'))!;
        const last = (await getMeta(ws.db, 'lastMutationId')) ?? 0;
        const rows = (await client.query<{ status: string; n: string }>('select status, count(*) as n from mutation_outcomes where client_id = $1 group by status', [clientId])).rows;
        const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
        applied += count('applied');
        refused += count('refused');
        if (count('applied') + count('refused') !== last) problems.push(`${clientId}: ${count('applied') + count('refused')} outcomes for ${last} mutations`);
        if ((await ws.db.outbox.count()) !== 0) problems.push(`${clientId}: outbox not empty`);
        for (const row of await ws.db.claims.toArray()) {
          const server = (await client.query<{ snapshot: unknown }>('select snapshot from claims where id = $1', [row.id])).rows[0]?.snapshot;
          if (JSON.stringify(server) !== JSON.stringify(row.view)) {
            problems.push(`${clientId}: claim ${row.id} differs from the server`);
            break;
          }
        }
      }
      const dup = (await client.query<{ n: string }>(`select count(*) as n from (select claim_id, payload->>'commentId' from events where type = 'commented' group by 1, 2 having count(*) > 1) d`)).rows[0]!.n;
      if (Number(dup) !== 0) problems.push(`${dup} comments applied twice`);
    } finally {
      await client.end();
    }
    return {
      clients: options.clients,
      seconds: options.seconds,
      performed,
      applied,
      refused,
      pushes: pushes.length,
      pulls: pulls.length,
      pushP95Ms: p95(pushes),
      pullP95Ms: p95(pulls),
      mutationsPerSecond: applied / options.seconds,
      invariantsHeld: problems.filter((p) => !p.startsWith('workstation')).length === 0,
      problems,
    };
  } finally {
    simulator.kill('SIGKILL');
    await server.stop();
    await db.drop();
  }
}

export function formatReport(r: SoakReport): string {
  return [
    `soak: ${r.clients} workstations + partner/customer simulator, ${r.seconds} s on PostgreSQL`,
    `  actions performed ${r.performed}; applied ${r.applied}, refused ${r.refused}; ${r.mutationsPerSecond.toFixed(1)} applied mutations/s`,
    `  push: ${r.pushes} requests, p95 ${r.pushP95Ms.toFixed(1)} ms; pull: ${r.pulls} requests, p95 ${r.pullP95Ms.toFixed(1)} ms`,
    `  invariants (one outcome per mutation, nothing pending, views equal the server, no double apply): ${r.invariantsHeld ? 'HELD' : 'BROKEN'}`,
    ...r.problems.slice(0, 20).map((p) => `  ! ${p}`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { clients: { type: 'string', default: '20' }, seconds: { type: 'string', default: '60' } } });
  const adminUrl = process.env.SOAK_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    console.error('npm run soak needs PostgreSQL: set SOAK_DATABASE_URL or TEST_DATABASE_URL (see server/README.md).');
    process.exit(2);
  }
  runSoak({ clients: Number(values.clients), seconds: Number(values.seconds), adminUrl, log: console.log }).then(
    (report) => {
      console.log(formatReport(report));
      process.exit(report.invariantsHeld ? 0 : 1);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
