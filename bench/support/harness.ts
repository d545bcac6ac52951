/**
 * What the Chromium benchmarks (bench/queue, bench/sla, bench/viewer) share: command-line options,
 * building a bench page with the app's own Vite settings, serving it on loopback, launching
 * Debian's Chromium, figures (quantiles, ratios, PASS/FAIL lines) and a CPU-profile summary.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import type { CDPSession, LaunchOptions, Page } from 'playwright';
import { build } from 'vite';

import { aliases, rendererDefines } from '../../renderer/vite.config.ts';

// ---------------------------------------------------------------------------------------------
// Options

/** `--name=N` as a number, or `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
}

/** Whether `--name` was given. */
export const flag = (name: string): boolean => process.argv.includes(`--${name}`);

// ---------------------------------------------------------------------------------------------
// Build, serve, launch

/**
 * Builds the bench page in `folder` (its index.html and what it imports) for production, as the
 * app is built; `minify: false` keeps function names readable in a CPU profile.
 */
export async function buildBenchPage(folder: URL, outDir: string, options: { minify?: boolean } = {}): Promise<number> {
  const t0 = performance.now();
  await build({
    configFile: false,
    root: fileURLToPath(folder),
    base: './',
    plugins: [react()],
    resolve: { alias: aliases },
    define: rendererDefines,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096, ...(options.minify === false ? { minify: false } : {}) },
  });
  return performance.now() - t0;
}

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export type ServeOptions = {
  /** A fixed port (IndexedDB belongs to the origin, port included); default: any free port. */
  port?: number;
  /** Extra files served from memory by path, e.g. `/files/large.pdf`. */
  files?: Readonly<Record<string, Uint8Array>>;
  /** Let the browser cache the (content-hashed) assets, as it does the app's; HTML is never cached. */
  cacheAssets?: boolean;
};

/** Serves a built bench page on 127.0.0.1. */
export function serveStatic(dir: string, options: ServeOptions = {}): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const extra = options.files?.[path];
    if (extra) {
      res.writeHead(200, { 'content-type': MIME[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      res.end(extra);
      return;
    }
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const cache = options.cacheAssets && !file.endsWith('.html') ? 'max-age=3600' : 'no-store';
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': cache });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) =>
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium when installed (as in the e2e tests), Playwright's own otherwise. */
export function chromiumLaunchOptions(extraArgs: readonly string[] = []): LaunchOptions {
  return {
    ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}),
    args: [...CHROMIUM_ARGS, ...extraArgs],
  };
}

/** Opens `url` and waits for the page's `window.__benchResult`. */
export async function pageResult<T>(page: Page, url: string): Promise<T> {
  await page.goto(url);
  return (await page.evaluate(() => (window as unknown as { __benchResult: Promise<unknown> }).__benchResult)) as T;
}

// ---------------------------------------------------------------------------------------------
// Figures

/** The q-quantile (nearest rank) of the samples, NaN ignored. */
export function quantile(xs: readonly number[], q: number): number {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}
export const median = (xs: readonly number[]): number => quantile(xs, 0.5);
export const ms = (x: number): string => `${x.toFixed(1)} ms`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
/** `a / b` as text, `n/a` without a baseline. */
export const ratio = (a: number, b: number, digits = 2): string => (b > 0 ? `${(a / b).toFixed(digits)}×` : 'n/a');

/** PASS/FAIL lines and the summary; a miss never fails the process: machines differ. */
export class Verdicts {
  private readonly results: { name: string; ok: boolean }[] = [];

  report(name: string, ok: boolean, line: string): void {
    this.results.push({ name, ok });
    console.log(`${line} → ${ok ? 'PASS' : 'FAIL'}`);
  }

  summary(): string {
    const failed = this.results.filter((r) => !r.ok);
    return failed.length === 0 ? `all ${this.results.length} targets met` : `${failed.length} of ${this.results.length} targets missed: ${failed.map((f) => f.name).join(', ')}`;
  }
}

// ---------------------------------------------------------------------------------------------
// CPU profiles (--profile)

export type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
};

/**
 * Prints the heaviest functions by self time, and the inclusive time of the named functions
 * (time with them anywhere on the stack), from a CDP `Profiler.stop` result.
 */
export function printProfile(profile: CpuProfile, inclusiveOf: readonly string[] = [], top = 30): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  (profile.samples ?? []).forEach((id, i) => {
    const dt = (profile.timeDeltas?.[i] ?? 0) / 1000;
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop()}:${f.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const names = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) names.add(byId.get(at)!.callFrame.functionName);
    for (const name of names) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
  });
  for (const name of inclusiveOf) console.log(`  inclusive ${(inclusive.get(name) ?? 0).toFixed(1).padStart(9)} ms  ${name}`);
  console.log('CPU profile, self time:');
  for (const [key, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${t.toFixed(1).padStart(9)} ms  ${key}`);
}

// ---------------------------------------------------------------------------------------------
// Main-thread CPU time (--cpu)

type TraceEvent = { name: string; cat: string; ph: string; ts: number; dur?: number; tdur?: number; pid: number; tid: number; id?: string; id2?: { local?: string }; args?: { name?: string } };

/**
 * Records a Chromium trace while `work` runs and returns, for each User Timing measure the page
 * made whose name starts with `prefix`, its wall time and the CPU time of the renderer's main
 * thread during it (the thread time of its tasks, pro rata for a task that straddles an edge). On a loaded machine the
 * wall time includes waiting for a core; the CPU time is the work itself.
 */
export async function mainThreadCpuOf<T>(
  cdp: CDPSession,
  prefix: string,
  work: () => Promise<T>,
): Promise<{ result: T; measures: { name: string; wallMs: number; cpuMs: number }[] }> {
  const events: TraceEvent[] = [];
  const onData = (data: { value: object[] }) => events.push(...(data.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: 'toplevel,blink.user_timing,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  const result = await work();
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);

  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name === 'RunTask' && e.tdur !== undefined);
  tasks.sort((a, b) => a.ts - b.ts);
  const begins = new Map<string, TraceEvent>();
  const measures: { name: string; wallMs: number; cpuMs: number }[] = [];
  for (const e of events.filter((x) => x.cat.includes('blink.user_timing') && x.name.startsWith(prefix)).sort((a, b) => a.ts - b.ts)) {
    const key = `${e.name}\u0000${e.id ?? e.id2?.local ?? ''}`;
    if (e.ph === 'b') begins.set(key, e);
    else if (e.ph === 'e') {
      const b = begins.get(key);
      if (!b) continue;
      begins.delete(key);
      let cpu = 0;
      // A task running past the end (the page's own bookkeeping after the sample) counts pro rata.
      for (const t of tasks) {
        const overlap = Math.min(e.ts, t.ts + (t.dur ?? 0)) - Math.max(b.ts, t.ts);
        if (overlap > 0 && t.dur) cpu += (t.tdur! * overlap) / t.dur;
      }
      measures.push({ name: e.name.slice(prefix.length), wallMs: (e.ts - b.ts) / 1000, cpuMs: cpu / 1000 });
    }
  }
  return { result, measures };
}
