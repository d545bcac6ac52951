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
 * alternating which of queue and getAll runs first), --keep (leave the build folder), --verbose (every sample), --profile (an
 * unminified build and a CPU profile of the sorts, filters and searches), --cpu (the main thread's
 * CPU time per interaction from a Chromium trace, beside the latency), --reuse (keep the
 * browser profile with its filled IndexedDB in a temp folder between runs).
 * A missed target is reported as FAIL, never turned into a non-zero exit: machines differ.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type Browser, type BrowserContext } from 'playwright';

import {
  buildBenchPage,
  chromiumLaunchOptions,
  flag,
  mainThreadCpuOf,
  median,
  ms,
  numberArg,
  pageResult,
  printProfile,
  quantile,
  ratio,
  serveStatic,
  Verdicts,
  type CpuProfile,
} from '../support/harness';
import type { LoadResult } from './page';

const CLAIMS = numberArg('claims', 100_000);
const LOADS = Math.max(2, numberArg('loads', 6));
const KEEP = flag('keep');
/** Keep the browser profile (and its IndexedDB) in a fixed temp folder between runs, filling it once. */
const REUSE = flag('reuse');
const VERBOSE = flag('verbose');
/** An unminified build and a CPU profile of the sort, filter and search rounds, summarized by function. */
const PROFILE = flag('profile');
/** Also the main thread's CPU time per interaction, from a Chromium trace (what the work costs, without waiting for a core). */
const CPU = flag('cpu');

type Timed = { label: string; ms: number; commitMs: number };

const verdicts = new Verdicts();
const report = verdicts.report.bind(verdicts);

// ---------------------------------------------------------------------------------------------

async function main() {
  const outDir = mkdtempSync(join(tmpdir(), 'poe-bench-queue-'));
  const buildMs = await buildBenchPage(new URL('.', import.meta.url), outDir, { minify: !PROFILE });
  // A fixed port with --reuse: IndexedDB belongs to the origin, port included.
  const { server, url } = await serveStatic(outDir, REUSE ? { port: 47_123 } : {});

  let browser: Browser | null = null;
  let closeContext: (() => Promise<void>) | null = null;
  try {
    const launch = chromiumLaunchOptions();
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

    const cdp = PROFILE ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    const rounds = async () => ({
      sorts: await page.evaluate(() => window.__bench.sorts()),
      filters: await page.evaluate(() => window.__bench.filters()),
      searches: await page.evaluate(() => window.__bench.searches()),
    });
    const traced = CPU ? await mainThreadCpuOf(await context.newCDPSession(page), 'sample:', rounds) : { result: await rounds(), measures: [] };
    const { sorts, filters, searches } = traced.result;
    const baselines = await page.evaluate((partner) => window.__bench.baselines(partner), filters.partner);
    // Per sample, in the order taken (labels repeat: sorts come twice per column and round).
    if (VERBOSE) for (const m of traced.measures) console.log(`    cpu ${m.name.padEnd(36)} wall ${ms(m.wallMs)} cpu ${ms(m.cpuMs)}`);
    const cpuQueue = traced.measures.map((m) => m.cpuMs);
    const cpuOf = (samples: Timed[]) => samples.map(() => cpuQueue.shift() ?? Number.NaN);
    const cpu = CPU ? { sorts: [...cpuOf(sorts.cold), ...cpuOf(sorts.warm)], filters: cpuOf(filters.samples), searches: cpuOf(searches.samples) } : null;
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      printProfile(profile, ['filter', 'sorted', 'filterRows', 'performWorkOnRoot', 'commitRoot', 'QueueGrid', 'Queue', 'GridRow', 'getVirtualItems', 'calculateRange']);
    }
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
    latency('sort (cold)', sorts.cold, baselines.sorts);
    latency('sort (cached)', sorts.warm, baselines.sorts);
    latency('sort (all)', [...sorts.cold, ...sorts.warm], baselines.sorts);
    latency('filter', filters.samples, baselines.filters);
    latency('search', searches.samples, baselines.searches);
    if (cpu) {
      const line = (name: string, xs: number[]) => console.log(`  ${name.padEnd(14)} main-thread CPU p50 ${ms(median(xs))}, p95 ${ms(quantile(xs, 0.95))}, max ${ms(Math.max(...xs))}`);
      console.log('main-thread CPU time per interaction (trace thread time of the tasks within it; no waiting for a core):');
      line('sort (all)', cpu.sorts);
      line('filter', cpu.filters);
      line('search', cpu.searches);
    }
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
    console.log(verdicts.summary());
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
