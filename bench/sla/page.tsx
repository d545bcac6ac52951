/**
 * The SLA bench page (bench/sla/index.html), driven by run.ts through Playwright:
 *
 *   ?mode=fill&count=N   generate N claims (the queue bench's generator) into the workstation's IndexedDB
 *   ?mode=run            load them into the claims store, mount the real SLA screen and notifier, then
 *                        measure ticks and the recompute after a sync of 1,000 changed claims,
 *                        each with its baseline (a bare loop calling the shared `clocks`)
 *
 * The outcome is published as `window.__benchResult` (a promise).
 */
import { createRoot } from 'react-dom/client';

import { BridgeContext } from '../../renderer/src/app/BridgeContext';
import { WorkstationContext } from '../../renderer/src/app/WorkstationContext';
import { createBrowserBridge } from '../../renderer/src/bridge/browser';
import { loadAllClaims, refreshClaims, useClaims } from '../../renderer/src/data/claimsStore';
import { useSyncStatus, type Workstation } from '../../renderer/src/data/workstation';
import { TickerContext, type Ticker } from '../../renderer/src/queue/ticker';
import { generateClaims } from '../../renderer/src/queue/testing/generateClaims';
import { SlaNotifier } from '../../renderer/src/sla/SlaNotifier';
import { memoryStore } from '../../renderer/src/sla/notifications';
import { databaseName, localClaim, openWorkstationDb } from '../../renderer/src/store/db';
import { SlaScreen } from '../../renderer/src/supervisor/SlaScreen';
import { clocks, decide, DEFAULT_CALENDAR, DEFAULT_POLICY, evolve, OPEN_STATUSES, type Claim, type CommandInput } from '../../shared/index';

const params = new URLSearchParams(location.search);
const DB_NAME = databaseName('https://bench.invalid', 'supervisor');
/** The claims are generated up to this instant; the page's ticker starts here. */
const NOW = Date.parse('2026-12-01T17:30:00.000Z');
const SETTINGS = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY };

declare global {
  interface Window {
    __benchResult: Promise<unknown>;
  }
}

/** A ticker the bench advances by hand: one call, one tick, measured. */
function manualTicker(start: number): Ticker & { advance(ms: number): void } {
  const listeners = new Set<() => void>();
  let current = start;
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    now: () => current,
    advance(ms) {
      current += ms;
      for (const listener of [...listeners]) listener();
    },
  };
}

const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => {
  const t0 = performance.now();
  void nextTask().then(() => resolve(performance.now() - t0));
}));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function waitFor<T>(probe: () => T | null | undefined, timeoutMs = 120_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const poll = () => {
      const value = probe();
      if (value) resolve(value);
      else if (performance.now() - started > timeoutMs) reject(new Error('waitFor: timed out'));
      else setTimeout(poll, 20);
    };
    poll();
  });
}

async function fill(count: number) {
  const db = openWorkstationDb(DB_NAME);
  if ((await db.claims.count()) === count) {
    db.close();
    return { count, reused: true, generateMs: 0, writeMs: 0 };
  }
  await db.claims.clear();
  const t0 = performance.now();
  const claims = generateClaims({ count, now: new Date(NOW), reviewers: Array.from({ length: 40 }, (_, i) => `reviewer-${i + 1}`) });
  const generateMs = performance.now() - t0;
  const t1 = performance.now();
  for (let i = 0; i < claims.length; i += 5000) await db.claims.bulkPut(claims.slice(i, i + 5000).map((c) => localClaim(c, null)));
  const writeMs = performance.now() - t1;
  db.close();
  return { count, reused: false, generateMs, writeMs };
}

function baselineMs(claims: readonly Claim[], now: number): number {
  const t0 = performance.now();
  let n = 0;
  for (const claim of claims) n += clocks(claim, new Date(now), SETTINGS.calendar, { policy: SETTINGS.policy }).length;
  const ms = performance.now() - t0;
  if (n < 0) throw new Error('unreachable');
  return ms;
}

/** 1,000 claims changed as a sync would bring them: picked up, reassigned, through the shared decide. */
function changedClaims(all: readonly Claim[], round: number, count: number, now: number): Claim[] {
  const open = new Set<string>(OPEN_STATUSES);
  const candidates = all.filter((c) => open.has(c.status));
  const out: Claim[] = [];
  const ctx = { actor: { id: 'supervisor', role: 'supervisor' as const }, now: new Date(now), calendar: SETTINGS.calendar };
  for (let i = 0; out.length < count && i < candidates.length; i++) {
    const claim = candidates[(i * 7919 + round * 104_729) % candidates.length]!;
    if (out.some((c) => c.id === claim.id)) continue;
    const command: Exclude<CommandInput, { type: 'create' }> =
      claim.status === 'submitted' && claim.assignee === null
        ? { type: 'startReview', claimId: claim.id }
        : { type: 'assign', claimId: claim.id, assignee: `reviewer-${((i + round) % 40) + 1}` === claim.assignee ? 'reviewer-41' : `reviewer-${((i + round) % 40) + 1}` };
    const decision = decide(claim, command, ctx);
    let next: Claim = { ...claim, version: claim.version + 1 };
    if (decision.ok) for (const event of decision.events) next = evolve(next, event);
    out.push(next);
  }
  return out;
}

async function run() {
  const db = openWorkstationDb(DB_NAME);
  const ticker = manualTicker(NOW);
  // Server time = the bench's NOW (the store and the notifier read it when deriving).
  useSyncStatus.setState({ serverOffsetMs: NOW - Date.now() });
  const bridge = createBrowserBridge({ storage: null, document });
  const workstation = {
    session: { serverUrl: 'https://bench.invalid', token: 'x', expiresAt: '2099-01-01T00:00:00.000Z', user: { id: 'supervisor', username: 'supervisor', displayName: 'Bench', role: 'supervisor' } },
    db,
    act: async () => ({ ok: true }),
  } as unknown as Workstation;

  const t0 = performance.now();
  await loadAllClaims(db);
  const loadMs = performance.now() - t0;
  const all = [...useClaims.getState().claims.values()];

  const longTasks: number[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });

  // Subscribed before React is: runs first when a refresh lands in the store.
  let storeSetAt = 0;
  useClaims.subscribe(() => {
    storeSetAt = performance.now();
  });
  const root = createRoot(document.getElementById('root')!);
  const t1 = performance.now();
  root.render(
    <WorkstationContext.Provider value={workstation}>
      <BridgeContext.Provider value={bridge}>
        <TickerContext.Provider value={ticker}>
          <SlaNotifier store={memoryStore()} />
          <SlaScreen />
        </TickerContext.Provider>
      </BridgeContext.Provider>
    </WorkstationContext.Provider>,
  );
  await waitFor(() => document.querySelector('.sla-row'));
  const firstPanelsMs = performance.now() - t1;
  // Let the notifier's idle start and first pass happen before measuring ticks.
  await sleep(2500);
  await nextTask();

  // Ticks: the listeners (visible countdowns, the notifier) and React's render and commit, then the frame.
  const rows = document.querySelectorAll('.sla-row').length;
  const tickMs: number[] = [];
  const frameMs: number[] = [];
  const longBefore = longTasks.length;
  for (let i = 0; i < 40; i++) {
    await sleep(30);
    const s = performance.now();
    ticker.advance(1000);
    await nextTask();
    tickMs.push(performance.now() - s);
    frameMs.push(await nextFrame());
  }
  const tickLongTasks = longTasks.length - longBefore;
  // The same frame measurement with no tick before it: what any frame of this page costs.
  const idleFrameMs: number[] = [];
  for (let i = 0; i < 40; i++) {
    await sleep(30);
    idleFrameMs.push(await nextFrame());
  }
  // And after changing a single text on the page: the fixed price of any frame that paints something.
  const oneTextFrameMs: number[] = [];
  const probe = document.querySelector('.sla-clock time');
  for (let i = 0; i < 40 && probe; i++) {
    await sleep(30);
    probe.textContent = `probe ${i}`;
    oneTextFrameMs.push(await nextFrame());
  }
  const tickBaseline = [baselineMs(all, ticker.now()), baselineMs(all, ticker.now() + 1000), baselineMs(all, ticker.now() + 2000)];

  // A sync brings 1,000 changed claims: written to IndexedDB as the engine does, then the store refresh.
  const recompute: { storeMs: number; renderMs: number; frameMs: number; totalMs: number; baseline1k: number; baselineAll: number }[] = [];
  for (let round = 0; round < 6; round++) {
    const current = [...useClaims.getState().claims.values()];
    const changed = changedClaims(current, round, 1000, ticker.now());
    await db.claims.bulkPut(changed.map((c) => localClaim(c, null)));
    await sleep(50);
    await nextTask();
    const s = performance.now();
    const refreshed = refreshClaims(db, changed.map((c) => c.id));
    // The store is updated when refreshClaims resolves; React re-renders in the same task.
    await refreshed;
    await nextTask();
    const rendered = performance.now();
    const storeDone = storeSetAt;
    const frame = await nextFrame();
    recompute.push({
      storeMs: storeDone - s,
      renderMs: rendered - storeDone,
      frameMs: frame,
      totalMs: performance.now() - s,
      baseline1k: baselineMs(changed, ticker.now()),
      baselineAll: round < 2 ? baselineMs([...useClaims.getState().claims.values()], ticker.now()) : Number.NaN,
    });
  }

  // The other tabs: first render, then a sync of 1,000 claims while they are shown.
  const tabs: { tab: string; firstMs: number; recomputeMs: number }[] = [];
  for (const name of ['Breaches ahead', 'Workload']) {
    const button = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((b) => b.textContent === name)!;
    const s = performance.now();
    button.click();
    await nextTask();
    const firstMs = performance.now() - s + (await nextFrame());
    await sleep(100);
    const changed = changedClaims([...useClaims.getState().claims.values()], 10 + tabs.length, 1000, ticker.now());
    await db.claims.bulkPut(changed.map((c) => localClaim(c, null)));
    await nextTask();
    await refreshClaims(db, changed.map((c) => c.id));
    await nextTask();
    const renderMs = performance.now() - storeSetAt;
    tabs.push({ tab: name, firstMs, recomputeMs: renderMs + (await nextFrame()) });
  }

  const summary = document.querySelector('.sla-summary')?.textContent ?? '';
  root.unmount();
  db.close();
  return {
    claims: all.length,
    summary,
    loadMs,
    firstPanelsMs,
    rows,
    tickMs,
    frameMs,
    idleFrameMs,
    oneTextFrameMs,
    tickLongTasks,
    tickBaseline,
    recompute,
    tabs,
  };
}

const mode = params.get('mode');
window.__benchResult = mode === 'fill' ? fill(Number(params.get('count') ?? 100_000)) : mode === 'run' ? run() : Promise.resolve(null);
