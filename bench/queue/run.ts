/**
 * `npm run bench:queue`: the review queue with 100,000 claims in IndexedDB, in Chromium.
 *
 * Builds bench/queue (a page mounting the real QueueScreen over the real store and Dexie schema),
 * fills IndexedDB with generated claims through Dexie in the page, then measures, each figure with
 * its baseline taken in the same page and run:
 *
 *   - page load → interactive queue (first rows rendered, next task runs), against a raw IndexedDB
 *     open + getAll of the same store;                                  target ≤ 1.5× getAll
 *   - sort, filter and search latency, p50/p95, from the DOM event to the first frame painted after
 *     the grid caught up, against plain Array.prototype.sort/filter over the same claim objects;
 *                                                                       target p95 < 100 ms
 *   - a sync changing 5 claims while the queue is open (store update → next frame), against
 *     re-sorting all claims with Array.prototype.sort (what a naive queue does on every change);
 *                                                                       target p95 < 100 ms
 *   - rows in the DOM while scrolling;                 target: only the visible ones + overscan
 *   - for reference, react-table's own row models over the same rows (why QueueScreen sorts and
 *     filters itself).
 *
 * Options: --claims=N (default 100000), --loads=N page loads for the load figure (default 6,
 * alternating which of queue and getAll runs first), --keep (leave the build folder), --verbose (every sample), --reuse (keep the
 * browser profile with its filled IndexedDB in a temp folder between runs).
 * A missed target is reported as FAIL, never turned into a non-zero exit: machines differ.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';
import { build } from 'vite';

import type { LoadResult } from './page';

const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const CLAIMS = arg('claims', 100_000);
const LOADS = Math.max(2, arg('loads', 6));
const KEEP = process.argv.includes('--keep');
/** Keep the browser profile (and its IndexedDB) in a fixed temp folder between runs, filling it once. */
const REUSE = process.argv.includes('--reuse');

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

type Timed = { label: string; ms: number; commitMs: number };
const VERBOSE = process.argv.includes('--verbose');

// ---------------------------------------------------------------------------------------------
// Figures

const quantile = (xs: readonly number[], q: number): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
};
const median = (xs: readonly number[]) => quantile(xs, 0.5);
const ms = (x: number) => `${x.toFixed(1)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : 'n/a');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');

const results: { name: string; ok: boolean }[] = [];
function report(name: string, ok: boolean, line: string) {
  results.push({ name, ok });
  console.log(`${line} → ${verdict(ok)}`);
}

// ---------------------------------------------------------------------------------------------
// Build and serve

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
};

function serve(dir: string, port: number): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    resolve({ server, url: `http://127.0.0.1:${port}/` });
  }));
}

async function pageResult<T>(page: Page, url: string): Promise<T> {
  await page.goto(url);
  return (await page.evaluate(() => window.__benchResult)) as T;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'poe-bench-queue-'));
  const t0 = performance.now();
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)), build: { outDir, emptyOutDir: true } });
  const buildMs = performance.now() - t0;
  // A fixed port with --reuse: IndexedDB belongs to the origin, port included.
  const { server, url } = await serve(outDir, REUSE ? 47_123 : 0);

  let browser: Browser | null = null;
  let closeContext: (() => Promise<void>) | null = null;
  try {
    const launch = { ...(existsSync(SYSTEM_CHROMIUM) ? { executablePath: SYSTEM_CHROMIUM } : {}), args: CHROMIUM_ARGS };
    const contextOptions = { viewport: { width: 1440, height: 900 }, locale: 'en-US' };
    let context: BrowserContext;
    if (REUSE) {
      context = await chromium.launchPersistentContext(join(tmpdir(), 'poe-bench-queue-profile'), { ...launch, ...contextOptions });
      closeContext = () => context.close();
    } else {
      browser = await chromium.launch(launch);
      context = await browser.newContext(contextOptions);
    }
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(300_000);
    page.on('pageerror', (e) => console.error('page error:', e.message));

    console.log(`review queue bench — Chromium ${context.browser()?.version() ?? '(persistent profile)'}, bench page built in ${ms(buildMs)}`);
    const filled = await pageResult<{ count: number; generateMs: number; writeMs: number; bytes: number; reused?: boolean }>(page, `${url}?mode=fill&count=${CLAIMS}${REUSE ? '&reuse=1' : ''}`);
    if (filled.reused) console.log(`IndexedDB already holds ${filled.count.toLocaleString('en-US')} claims (--reuse)`);
    else console.log(
      `IndexedDB filled through Dexie: ${filled.count.toLocaleString('en-US')} claims (~${Math.round(filled.bytes)} B of JSON each), generated in ${ms(filled.generateMs)}, written in ${ms(filled.writeMs)}`,
    );

    // 1. Page load → interactive queue, against raw getAll.
    const loads: LoadResult[] = [];
    for (let i = 0; i < LOADS; i++) {
      loads.push(await pageResult<LoadResult>(page, `${url}?mode=load&order=${i % 2 === 0 ? 'queue-first' : 'raw-first'}`));
    }
    const interactive = median(loads.map((l) => l.interactiveMs));
    const raw = median(loads.map((l) => l.rawGetAllMs));
    console.log('');
    console.log(`load (${LOADS} page loads, medians; queue and getAll alternate which runs first):`);
    for (const l of loads) {
      console.log(
        `  ${l.order.padEnd(11)} interactive ${ms(l.interactiveMs)} (script ${ms(l.scriptStartMs)}, Dexie read into store ${ms(l.storeReadMs)}, to first rows ${ms(l.firstRowsMs)}), first key press ${ms(l.firstInputMs)}; raw getAll ${ms(l.rawGetAllMs)} (${l.rawCount} rows)`,
      );
    }
    report('interactive', interactive <= 1.5 * raw, `page load → interactive queue: ${ms(interactive)} vs raw IndexedDB getAll ${ms(raw)}: ${ratio(interactive, raw)} (target ≤ 1.50×)`);

    // 2. Interactions in one more page load.
    await pageResult<LoadResult>(page, `${url}?mode=load&order=queue-first`);
    const quietMs = await page.evaluate(() => window.__bench.quiet());
    console.log(`  background search index finished ${ms(quietMs)} after interactive`);

    const sorts = await page.evaluate(() => window.__bench.sorts());
    const filters = await page.evaluate(() => window.__bench.filters());
    const searches = await page.evaluate(() => window.__bench.searches());
    console.log('');
    console.log('latency, DOM event → first frame after the grid caught up (commit only in brackets), vs plain Array.prototype over the same claims:');
    const latency = (name: string, samples: Timed[], baseline: number[]) => {
      if (VERBOSE) for (const s of samples) console.log(`    ${s.label.padEnd(36)} ${ms(s.ms)} (${ms(s.commitMs)})`);
      const p50 = median(samples.map((s) => s.ms));
      const p95 = quantile(samples.map((s) => s.ms), 0.95);
      const c50 = median(samples.map((s) => s.commitMs));
      const c95 = quantile(samples.map((s) => s.commitMs), 0.95);
      const b50 = median(baseline);
      const b95 = quantile(baseline, 0.95);
      report(
        name,
        p95 < 100,
        `  ${name.padEnd(14)} n=${String(samples.length).padStart(3)}  p50 ${ms(p50)} (${ms(c50)}), p95 ${ms(p95)} (${ms(c95)}), max ${ms(Math.max(...samples.map((s) => s.ms)))}; baseline p50 ${ms(b50)}, p95 ${ms(b95)}; ratio p50 ${ratio(p50, b50)}, p95 ${ratio(p95, b95)} (target p95 < 100 ms)`,
      );
    };
    latency('sort (cold)', sorts.cold, sorts.baseline);
    latency('sort (cached)', sorts.warm, sorts.baseline);
    latency('sort (all)', [...sorts.cold, ...sorts.warm], sorts.baseline);
    latency('filter', filters.samples, filters.baseline);
    latency('search', searches.samples, searches.baseline);
    const syncs = await page.evaluate(() => window.__bench.syncs());
    latency('sync (5 claims)', syncs.samples, syncs.baseline);

    // 3. Rows in the DOM while scrolling.
    const scroll = await page.evaluate(() => window.__bench.scroll());
    const maxRows = Math.max(...scroll.counts);
    console.log('');
    report(
      'virtualization',
      maxRows <= scroll.allowed && Math.min(...scroll.counts) > 0,
      `scrolling ${scroll.total.toLocaleString('en-US')} rows in ${scroll.counts.length} steps: ${Math.min(...scroll.counts)}–${maxRows} rows in the DOM (at most ${scroll.visible} at least partly in the scrollport + ${(scroll.allowed - scroll.visible) / 2} overscan each side = ${scroll.allowed}); scroll step → next frame p50 ${ms(median(scroll.stepMs))}, p95 ${ms(quantile(scroll.stepMs, 0.95))}`,
    );

    // 4. Reference: react-table's own row models at this size.
    const rt = await page.evaluate(() => window.__bench.reactTable());
    console.log('');
    console.log(
      `reference, react-table row models over the same ${CLAIMS.toLocaleString('en-US')} rows: getCoreRowModel ${ms(rt.coreMs)}; getSortedRowModel ${rt.sorts.map((s) => `${s.column} ${ms(s.ms)}`).join(', ')}; getFilteredRowModel (global "contoso") ${ms(rt.globalFilterMs)}`,
    );

    console.log('');
    const failed = results.filter((r) => !r.ok);
    console.log(failed.length === 0 ? `all ${results.length} targets met` : `${failed.length} of ${results.length} targets missed: ${failed.map((f) => f.name).join(', ')}`);
  } finally {
    await closeContext?.();
    await browser?.close();
    server.close();
    if (!KEEP) rmSync(outDir, { recursive: true, force: true });
    else console.log(`build kept in ${outDir}`);
  }
}

main().catch((error: unknown) => {
  // Report, never fail the process on a miss; a crash of the bench itself is still printed.
  console.error('bench:queue could not run:', error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
