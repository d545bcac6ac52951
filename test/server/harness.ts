/**
 * Process-level test support: the backend as it runs in production (`node --import tsx
 * server/src/main.ts`), started as child processes on free ports, plus a minimal HTTP client for
 * the sync API, a poke-stream reader and fresh PostgreSQL databases.
 *
 * Every child started here is tracked; `stopAllServers()` (afterAll/afterEach) and a process exit
 * hook kill whatever is left, so a failed test never leaves a server running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { Mutation, MutationOutcome, PullResponse, PushResponse } from '../../shared/index';
import { hashPassword } from '../../server/src/auth/passwords';
export { randomPng } from '../../server/src/documents/test-images';
import type { Queryable } from '../../server/src/db/index';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const MAIN = fileURLToPath(new URL('../../server/src/main.ts', import.meta.url));

export const TEST_PASSWORD = 'process-level test password';

// --- child processes ------------------------------------------------------------------------------

export type ServerProcess = {
  name: string;
  url: string;
  port: number;
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything the process wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGKILL: no shutdown hooks, no flushing; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

const running = new Set<ServerProcess>();

process.once('exit', () => {
  for (const server of running) server.child.kill('SIGKILL');
});

/** A port nobody listens on right now (the kernel's choice for port 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** Config variables of server/src/config.ts: never inherited from the test's own environment. */
const SERVER_VARS = ['HOST', 'PORT', 'DATABASE_URL', 'DATA_DIR', 'PGLITE_DIR', 'BLOB_DIR', 'SEED_DEMO', 'LOG_LEVEL'];

/**
 * Starts `node --import tsx server/src/main.ts` with `env` (PORT chosen here unless given) and
 * waits until GET /healthz answers 200. Throws with the process output when it exits or stays
 * unhealthy for `timeoutMs`.
 */
export async function startServerProcess(name: string, env: Record<string, string>, { timeoutMs = 40_000 } = {}): Promise<ServerProcess> {
  const port = env.PORT !== undefined ? Number(env.PORT) : await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const key of SERVER_VARS) delete childEnv[key];
  Object.assign(childEnv, { HOST: '127.0.0.1', SEED_DEMO: '0', LOG_LEVEL: 'warn', ...env, PORT: String(port) });

  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], { cwd: REPO_ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });

  const url = `http://127.0.0.1:${port}`;
  const server: ServerProcess = {
    name,
    url,
    port,
    pid: child.pid!,
    child,
    exited,
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      running.delete(server);
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      running.delete(server);
    },
  };
  running.add(server);
  void exited.then(() => running.delete(server));

  const deadline = Date.now() + timeoutMs;
  let gone = false;
  void exited.then(() => (gone = true));
  for (;;) {
    if (gone) throw new Error(`${name} exited before it was healthy (${JSON.stringify(await exited)}):\n${output}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.kill();
      throw new Error(`${name} was not healthy within ${timeoutMs} ms:\n${output}`);
    }
    await sleep(100);
  }
}

/** Kills every server process still running (test clean-up, also after a failure). */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((server) => server.kill()));
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// --- PostgreSQL ---------------------------------------------------------------------------------

export type ScratchDatabase = { name: string; url: string; drop(): Promise<void> };

/** `create database <prefix>_<random>` on the server of `adminUrl`; `drop()` removes it (with force). */
export async function createScratchDatabase(adminUrl: string, prefix: string): Promise<ScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      try {
        // Pools close their connections without waiting for them: give those a moment to go, so
        // `force` does not cut one off mid-goodbye (which its pool would report as an error).
        for (let i = 0; i < 40; i++) {
          const { rows } = await client.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0]!.n === 0) break;
          await sleep(50);
        }
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

// --- data -----------------------------------------------------------------------------------------

export type UserSpec = { id: string; role: 'reviewer' | 'supervisor' | 'partner' | 'customer' | 'admin'; partnerId?: string; tenantId?: string };

/** Users straight into the database (cheap scrypt parameters), all with TEST_PASSWORD; username = id. */
export async function insertUsers(q: Queryable, users: readonly UserSpec[]): Promise<void> {
  const hash = await hashPassword(TEST_PASSWORD, { ln: 4, r: 8, p: 1 });
  for (const u of users) {
    await q.query('insert into users (id, username, password_hash, role, partner_id, tenant_id, display_name) values ($1, $1, $2, $3, $4, $5, $1)', [
      u.id,
      hash,
      u.role,
      u.partnerId ?? null,
      u.tenantId ?? null,
    ]);
  }
}

// --- HTTP -----------------------------------------------------------------------------------------

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`${what}: HTTP ${status} ${body.slice(0, 500)}`);
  }
}

export async function api<T>(baseUrl: string, path: string, init: { method?: string; token?: string; json?: unknown; body?: Uint8Array; contentType?: string } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  let body: BodyInit | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.body !== undefined) {
    headers['content-type'] = init.contentType ?? 'application/octet-stream';
    body = new Blob([new Uint8Array(init.body)]);
  }
  const res = await fetch(new URL(path, baseUrl), { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  if (!res.ok) throw new HttpError(res.status, text, `${init.method ?? (body ? 'POST' : 'GET')} ${path}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export async function login(baseUrl: string, username: string): Promise<string> {
  return (await api<{ token: string }>(baseUrl, '/auth/login', { json: { username, password: TEST_PASSWORD } })).token;
}

export function pushMutations(baseUrl: string, token: string, clientId: string, mutations: Mutation[]): Promise<PushResponse> {
  return api<PushResponse>(baseUrl, '/sync/push', { token, json: { clientId, mutations } });
}

/** Pulls from `cursor` until nothing more waits; returns every page merged (claims by id, latest wins). */
export async function pullAll(baseUrl: string, token: string, clientId: string, cursor = 0): Promise<{ pages: PullResponse[]; cursor: number; claims: PullResponse['claims']; outcomes: MutationOutcome[] }> {
  const pages: PullResponse[] = [];
  for (;;) {
    const page = await api<PullResponse>(baseUrl, `/sync/pull?${new URLSearchParams({ clientId, cursor: String(cursor) })}`, { token });
    pages.push(page);
    cursor = page.cursor;
    if (!page.more) break;
  }
  const byId = new Map<string, PullResponse['claims'][number]>();
  for (const page of pages) {
    for (const entry of page.claims) {
      const before = byId.get(entry.claim.id);
      byId.set(entry.claim.id, { claim: entry.claim, events: [...(before?.events ?? []), ...entry.events] });
    }
  }
  return { pages, cursor, claims: [...byId.values()], outcomes: pages.flatMap((p) => p.outcomes) };
}

/** Routes the running server declares (from /openapi.json), as "METHOD /path". */
export async function declaredRoutes(baseUrl: string): Promise<Set<string>> {
  const doc = await api<{ paths?: Record<string, Record<string, unknown>> }>(baseUrl, '/openapi.json');
  const routes = new Set<string>();
  for (const [path, methods] of Object.entries(doc.paths ?? {})) {
    for (const method of Object.keys(methods)) routes.add(`${method.toUpperCase()} ${path}`);
  }
  return routes;
}

// --- poke stream ----------------------------------------------------------------------------------

export type PokeEvent = { event: string; data: string; receivedAt: number };

export type PokeStream = {
  events: PokeEvent[];
  /** Resolves with the first event (already received or future) matching `predicate`. */
  waitFor(predicate: (e: PokeEvent) => boolean, timeoutMs: number): Promise<PokeEvent>;
  close(): void;
};

/** Connects to GET /sync/poke and parses the server-sent events as they arrive. */
export async function openPokeStream(baseUrl: string, token: string): Promise<PokeStream> {
  const controller = new AbortController();
  const res = await fetch(new URL('/sync/poke', baseUrl), { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: controller.signal });
  if (res.status !== 200 || !res.body) throw new HttpError(res.status, await res.text(), 'GET /sync/poke');
  const events: PokeEvent[] = [];
  const waiters = new Set<{ predicate: (e: PokeEvent) => boolean; resolve: (e: PokeEvent) => void }>();
  let gotHello: () => void = () => undefined;
  const hello = new Promise<void>((resolve) => (gotHello = resolve));

  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (data.length === 0) continue; // comments (keep-alive) and retry lines
          const e: PokeEvent = { event, data: data.join('\n'), receivedAt: Date.now() };
          events.push(e);
          if (event === 'hello') gotHello();
          for (const w of waiters) {
            if (w.predicate(e)) {
              waiters.delete(w);
              w.resolve(e);
            }
          }
        }
      }
    } catch {
      // Aborted by close(), or the server went away.
    }
  })();

  await hello; // subscribed on the server once the hello event is written
  return {
    events,
    waitFor(predicate, timeoutMs) {
      const seen = events.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (e: PokeEvent) => (clearTimeout(timer), resolve(e)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching poke event within ${timeoutMs} ms; received: ${JSON.stringify(events)}`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
    close: () => controller.abort(),
  };
}
