/**
 * The bench page (bench/queue/index.html), driven by run.ts through Playwright. The URL says what
 * to do; the outcome is published as `window.__benchResult` (a promise) and further measurements
 * are offered on `window.__bench`.
 *
 *   ?mode=fill&count=N      generate N claims and write them into the workstation's IndexedDB
 *   ?mode=load&order=…      time page load → interactive queue, and the raw IndexedDB getAll
 *                           (`queue-first` or `raw-first`: which of the two runs first in this page)
 *
 * Everything is the real thing: Dexie schema (store/db), claims store (data/claimsStore) and
 * QueueScreen, in a production build.
 */
import { createTable, getCoreRowModel, getFilteredRowModel, getSortedRowModel, type SortingState, type TableState } from '@tanstack/react-table';
import { createRoot } from 'react-dom/client';

import { loadAllClaims, useClaims } from '../../renderer/src/data/claimsStore';
import { queueColumns } from '../../renderer/src/queue/columns';
import { RowIndex, type QueueRow } from '../../renderer/src/queue/model';
import { OVERSCAN, QueueScreen, ROW_HEIGHT } from '../../renderer/src/queue/QueueScreen';
import { generateClaims } from '../../renderer/src/queue/testing/generateClaims';
import { createTicker } from '../../renderer/src/queue/ticker';
import { databaseName, localClaim, openWorkstationDb } from '../../renderer/src/store/db';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, type Claim } from '../../shared/index';

const scriptStart = performance.now();
const params = new URLSearchParams(location.search);
const DB_NAME = databaseName('https://bench.invalid', 'reviewer-1');
const USER = 'reviewer-1';
/** The claims are generated up to this instant; the page's clock starts here and runs in real time. */
const NOW = Date.parse('2026-12-01T17:30:00.000Z');
const clockStart = performance.now();
const ticker = createTicker(() => NOW + (performance.now() - clockStart));

export type LoadResult = {
  order: 'queue-first' | 'raw-first';
  count: number;
  /** Navigation start → the script runs (bundle fetched, parsed, evaluated). */
  scriptStartMs: number;
  /** Navigation start → first rows rendered and a following task ran: the queue is interactive. */
  interactiveMs: number;
  /** Of which: reading the claims through Dexie into the store. */
  storeReadMs: number;
  /** Of which: store loaded → first rows in the DOM (derive rows, sort, render). */
  firstRowsMs: number;
  /** A key press (ArrowDown) right after interactive → the active row shows. */
  firstInputMs: number;
  /** Raw IndexedDB open + getAll of the same store, in this page. */
  rawGetAllMs: number;
  rawCount: number;
};

type Timed = { label: string; ms: number; commitMs: number };

declare global {
  interface Window {
    __benchResult: Promise<unknown>;
    __bench: typeof api;
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

const grid = () => document.querySelector<HTMLElement>('[role="grid"]');
const bodyRows = () => grid()?.querySelectorAll('[role="rowgroup"]:last-child > [role="row"]') ?? [];

function waitFor<T>(probe: () => T | null | undefined, timeoutMs = 120_000): Promise<T> {
  const hit = probe();
  if (hit) return Promise.resolve(hit);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error('waitFor: timed out'));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      const value = probe();
      if (value) {
        observer.disconnect();
        clearTimeout(timer);
        resolve(value);
      }
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

/** Resolves in the next task (after anything already queued on the main thread). */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });

/** Resolves once the next frame has been produced. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => void nextTask().then(resolve)));

/** Resolves when the main thread has been idle for a while (background indexing finished). */
async function quiet(): Promise<void> {
  for (let calm = 0; calm < 10; ) {
    const remaining = await new Promise<number>((resolve) => requestIdleCallback((d) => resolve(d.timeRemaining())));
    calm = remaining >= 45 ? calm + 1 : 0;
  }
}

function rawGetAll(): Promise<{ ms: number; count: number }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME);
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('claims', 'readonly').objectStore('claims').getAll();
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        // Reading `result` is what deserializes the 100,000 values: it belongs in the time.
        const count = (request.result as unknown[]).length;
        const ms = performance.now() - t0;
        db.close();
        resolve({ ms, count });
      };
    };
  });
}

const root = createRoot(document.getElementById('root')!);
const noop = () => {};

/** Mounts the queue over the real store and returns when it is interactive. */
async function mountQueue(): Promise<{ beganAt: number; storeReadMs: number; firstRowsMs: number; interactiveAt: number; firstInputMs: number }> {
  const beganAt = performance.now();
  const db = openWorkstationDb(DB_NAME);
  // Subscribed before React is: this listener runs first, when the claims land in the store.
  let loadedAt = 0;
  const unsubscribe = useClaims.subscribe((s) => {
    if (s.loaded && loadedAt === 0) loadedAt = performance.now();
  });
  root.render(<QueueScreen onOpenClaim={noop} currentUserId={USER} initialView="all" ticker={ticker} />);
  await loadAllClaims(db);
  unsubscribe();
  await waitFor(() => grid()?.querySelector('[role="row"][aria-rowindex="2"]'));
  const rowsAt = performance.now();
  await nextTask();
  const interactiveAt = performance.now();
  const g = grid()!;
  g.focus();
  const t0 = performance.now();
  g.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
  await waitFor(() => g.querySelector('[role="row"][aria-selected="true"]'));
  const firstInputMs = performance.now() - t0;
  return { beganAt, storeReadMs: loadedAt - beganAt, firstRowsMs: rowsAt - loadedAt, interactiveAt, firstInputMs };
}

// ---------------------------------------------------------------------------------------------
// Modes

async function fill(count: number): Promise<{ count: number; generateMs: number; writeMs: number; bytes: number; reused?: boolean }> {
  const db = openWorkstationDb(DB_NAME);
  if (params.get('reuse') === '1' && (await db.claims.count()) === count) {
    db.close();
    return { count, generateMs: 0, writeMs: 0, bytes: 0, reused: true };
  }
  await db.claims.clear();
  const t0 = performance.now();
  const claims = generateClaims({ count, now: new Date(NOW), reviewers: Array.from({ length: 40 }, (_, i) => `reviewer-${i + 1}`) });
  const generateMs = performance.now() - t0;
  const t1 = performance.now();
  for (let i = 0; i < claims.length; i += 5000) {
    await db.claims.bulkPut(claims.slice(i, i + 5000).map((c) => localClaim(c, null)));
  }
  const writeMs = performance.now() - t1;
  const bytes = claims.slice(0, 1000).reduce((sum, c) => sum + JSON.stringify(c).length, 0) / 1000;
  db.close();
  return { count: await openWorkstationDb(DB_NAME).claims.count(), generateMs, writeMs, bytes };
}

async function load(order: LoadResult['order']): Promise<LoadResult> {
  let raw = { ms: 0, count: 0 };
  if (order === 'raw-first') raw = await rawGetAll();
  const q = await mountQueue();
  if (order === 'queue-first') raw = await rawGetAll();
  // From navigation start, as if the queue had started right after the script did.
  const interactiveMs = scriptStart + (q.interactiveAt - q.beganAt);
  return {
    order,
    count: useClaims.getState().claims.size,
    scriptStartMs: scriptStart,
    interactiveMs,
    storeReadMs: q.storeReadMs,
    firstRowsMs: q.firstRowsMs,
    firstInputMs: q.firstInputMs,
    rawGetAllMs: raw.ms,
    rawCount: raw.count,
  };
}

// ---------------------------------------------------------------------------------------------
// Interactions (after a `load`): each one is timed from the DOM event to the first frame painted
// after the grid has caught up (aria-busy back to false).

async function settle(t0: number, label = ''): Promise<Timed> {
  const g = grid()!;
  await waitFor(() => g.getAttribute('aria-busy') === 'true' || null, 5_000).catch(() => null);
  await waitFor(() => g.getAttribute('aria-busy') === 'false' || null);
  const commitMs = performance.now() - t0;
  await nextFrame();
  const end = performance.now();
  // For run.ts --cpu: the main thread's CPU time within this interaction, from a trace.
  if (label) performance.measure(`${SAMPLE}${label}`, { start: t0, end });
  return { label, ms: end - t0, commitMs };
}

/** Prefix of the User Timing measures of interaction samples. */
const SAMPLE = 'sample:';

function control(label: string): HTMLInputElement | HTMLSelectElement {
  const l = [...document.querySelectorAll('label')].find((x) => x.querySelector('span')?.textContent === label);
  const c = l?.querySelector<HTMLInputElement | HTMLSelectElement>('input, select');
  if (!c) throw new Error(`no control labelled ${label}`);
  return c;
}

function setValue(el: HTMLInputElement | HTMLSelectElement, value: string) {
  const proto = el instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
  el.dispatchEvent(new Event(el instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
}

async function sortBy(column: string): Promise<Timed> {
  const header = [...grid()!.querySelectorAll('[role="columnheader"] button')].find((b) => b.firstChild?.textContent === column) as HTMLButtonElement | undefined;
  if (!header) throw new Error(`no column ${column}`);
  const t0 = performance.now();
  header.click();
  return settle(t0, `sort ${column}`);
}

async function filterBy(label: string, value: string): Promise<Timed> {
  const el = control(label);
  const t0 = performance.now();
  setValue(el, value);
  return settle(t0, `${label}=${value}`);
}

/** Types `text` one character at a time (each keystroke is a sample), then clears the field. */
async function type(label: string, text: string, samples: Timed[]): Promise<void> {
  const el = control(label);
  const chars = [...text];
  for (let i = 1; i <= chars.length; i++) {
    const t0 = performance.now();
    setValue(el, chars.slice(0, i).join(''));
    samples.push(await settle(t0, `${label}: ${chars.slice(0, i).join('')}`));
  }
  setValue(el, '');
  await settle(performance.now());
}

const SORT_COLUMNS = ['Claim', 'Partner', 'Customer', 'Products', 'Status', 'Assignee', 'Submitted', 'SLA time left', 'Deficiencies'];
const SEARCHES = ['contoso', 'サンプル', 'cpor-12345', 'power bi', '.co.jp', 'ｃｏｎｔｏｓｏ'];

const claimsArray = (): Claim[] => [...useClaims.getState().claims.values()];
const by = <T,>(key: (c: Claim) => T) => (a: Claim, b: Claim) => {
  const x = key(a);
  const y = key(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
const BASELINE_SORTS: ((a: Claim, b: Claim) => number)[] = [
  by((c) => c.id),
  by((c) => c.partner.name),
  by((c) => c.customer.name),
  by((c) => c.products[0]?.productId ?? ''),
  by((c) => c.status),
  by((c) => c.assignee ?? '\uffff'),
  by((c) => c.firstSubmittedAt ?? '\uffff'),
  by((c) => c.statusLog[c.statusLog.length - 1]!.from),
  by((c) => c.infoRequests.length),
];

function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

const api = {
  /** Background work (search index) done: ms after it was asked. */
  async quiet(): Promise<number> {
    const t0 = performance.now();
    await quiet();
    return performance.now() - t0;
  },

  /** Two rounds over every column, ascending then descending: round one is cold (keys built), round two cached. */
  async sorts(): Promise<{ cold: Timed[]; warm: Timed[] }> {
    const cold: Timed[] = [];
    const warm: Timed[] = [];
    for (const round of [cold, warm]) {
      for (const column of SORT_COLUMNS) {
        // The default sort is "SLA time left" ascending: a first click there sorts descending.
        round.push(await sortBy(column));
        round.push(await sortBy(column));
      }
    }
    await sortBy('SLA time left'); // back to the default (ascending)
    return { cold, warm };
  },

  async filters(): Promise<{ samples: Timed[]; partner: { partnerId: string; name: string } }> {
    const samples: Timed[] = [];
    const steps: [string, string][] = [
      ['Status', 'in_review'],
      ['Status', 'submitted'],
      ['Status', 'partner_action_needed'],
      ['Status', 'disputed'],
      ['Status', 'rejected'],
      ['Status', ''],
      ['SLA level', 'breached'],
      ['SLA level', 'at_risk'],
      ['SLA level', 'on_track'],
      ['SLA level', 'none'],
      ['SLA level', ''],
      ['Product family', 'microsoft_365'],
      ['Product family', 'business_applications'],
      ['Product family', ''],
      ['Assignee', `user:${USER}`],
      ['Assignee', ':none'],
      ['Assignee', 'user:reviewer-7'],
      ['Assignee', ''],
    ];
    for (const [label, value] of steps) samples.push(await filterBy(label, value));
    const partner = claimsArray()[4242]!.partner;
    await type('Partner', partner.partnerId, samples);
    await type('Partner', partner.name.slice(0, 8), samples);
    for (const view of ['Breached', 'Due today', 'Unassigned', 'Disputes', 'My claims', 'All']) {
      const tab = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')].find((t) => t.firstChild?.textContent?.trim() === view)!;
      const t0 = performance.now();
      tab.click();
      samples.push(await settle(t0, `view ${view}`));
    }
    return { samples, partner: { partnerId: partner.partnerId, name: partner.name } };
  },

  async searches(): Promise<{ samples: Timed[] }> {
    const samples: Timed[] = [];
    for (const q of SEARCHES) await type('Search claims', q, samples);
    return { samples };
  },

  /**
   * Plain Array.prototype.sort/filter over the same claim objects, for the sorts, filters and
   * searches above. Taken after every interaction sample, so the garbage they leave is not
   * collected in the middle of the queue's samples.
   */
  baselines(partner: { partnerId: string; name: string }): { sorts: number[]; filters: number[]; searches: number[] } {
    const claims = claimsArray();
    const sorts: number[] = [];
    for (let r = 0; r < 2; r++) {
      for (const cmp of BASELINE_SORTS) {
        sorts.push(time(() => claims.slice().sort(cmp)));
        sorts.push(time(() => claims.slice().sort((a, b) => cmp(b, a))));
      }
    }
    const filters: number[] = [];
    for (const s of ['in_review', 'submitted', 'partner_action_needed', 'disputed', 'rejected']) filters.push(time(() => claims.filter((c) => c.status === s)));
    for (const f of ['microsoft_365', 'business_applications']) filters.push(time(() => claims.filter((c) => c.products.some((p) => p.family === f))));
    for (const a of [USER, null, 'reviewer-7']) filters.push(time(() => claims.filter((c) => c.assignee === a)));
    const cutoff = new Date(NOW - 5 * 86_400_000).toISOString();
    for (let i = 0; i < 4; i++) filters.push(time(() => claims.filter((c) => c.statusLog[c.statusLog.length - 1]!.from < cutoff)));
    for (const q of [partner.partnerId, partner.name.slice(0, 8).toLowerCase()]) {
      for (let i = 1; i <= q.length; i++) {
        const p = q.slice(0, i);
        filters.push(time(() => claims.filter((c) => c.partner.partnerId === p || c.partner.name.toLowerCase().includes(p))));
      }
    }
    const searches: number[] = [];
    for (const q of SEARCHES) {
      for (let i = 1; i <= [...q].length; i++) {
        const p = [...q].slice(0, i).join('').toLowerCase();
        searches.push(
          time(() =>
            claims.filter((c) =>
              [c.id, c.partner.name, c.partner.partnerId, c.customer.name, c.customer.domain, c.customer.tenantId].some((f) => f.toLowerCase().includes(p)),
            ),
          ),
        );
      }
    }
    return { sorts, filters, searches };
  },

  /**
   * Syncs landing while the queue is open: each round replaces a few claims in the store the way
   * refreshClaims does (a new Map, new claim objects) and times it to the next frame.
   */
  async syncs(): Promise<{ samples: Timed[]; baseline: number[] }> {
    const samples: Timed[] = [];
    const baseline: number[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647);
    for (let round = 0; round < 30; round++) {
      const all = claimsArray();
      const changed = Array.from({ length: 5 }, () => {
        const c = all[next() % all.length]!;
        return { ...c, assignee: `reviewer-${(next() % 40) + 1}`, version: c.version + 1, updatedAt: new Date(NOW).toISOString() };
      });
      await nextFrame();
      const t0 = performance.now();
      useClaims.setState((s) => {
        const claims = new Map(s.claims);
        for (const c of changed) claims.set(c.id, c);
        return { claims, revision: s.revision + 1 };
      });
      await nextTask();
      const commitMs = performance.now() - t0;
      await nextFrame();
      samples.push({ label: `sync of ${changed.length} claims`, ms: performance.now() - t0, commitMs });
    }
    // After the samples (see `baselines`): re-sorting every claim on each sync, as a naive queue would.
    const cmp = BASELINE_SORTS[7]!;
    for (let round = 0; round < 30; round++) baseline.push(time(() => claimsArray().sort(cmp)));
    return { samples, baseline };
  },

  /** Scrolls through the grid and counts the rows in the DOM after each step. */
  async scroll(): Promise<{ total: number; visible: number; allowed: number; counts: number[]; stepMs: number[] }> {
    const g = grid()!;
    const total = Number(g.getAttribute('aria-rowcount')) - 1;
    // Rows at least partly in the scrollport, one more than fit when the top one is cut. The
    // scrollport includes the strip under the sticky header row, as it does for the virtualizer.
    const visible = Math.ceil(g.clientHeight / ROW_HEIGHT) + 1;
    const allowed = visible + 2 * OVERSCAN;
    const counts: number[] = [];
    const stepMs: number[] = [];
    const max = g.scrollHeight - g.clientHeight;
    const positions = [
      ...Array.from({ length: 60 }, (_, i) => i * ROW_HEIGHT * 3), // smooth: three rows a step
      ...Array.from({ length: 40 }, (_, i) => Math.round((max * i) / 39)), // jumps across the whole list
    ];
    for (const top of positions) {
      const t0 = performance.now();
      g.scrollTop = top;
      await nextFrame();
      stepMs.push(performance.now() - t0);
      await nextFrame();
      counts.push(bodyRows().length);
    }
    g.scrollTop = 0;
    await nextFrame();
    return { total, visible, allowed, counts, stepMs };
  },

  /** react-table's own row models over the same rows: what QueueScreen does not use, measured. */
  reactTable(): { coreMs: number; sorts: { column: string; ms: number }[]; globalFilterMs: number } {
    const rows: QueueRow[] = new RowIndex({ calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY }).rows(useClaims.getState().claims, NOW);
    let state: Partial<TableState> = { sorting: [], globalFilter: '', columnFilters: [] };
    const table = createTable<QueueRow>({
      data: rows,
      columns: queueColumns({ currentUserId: USER, nameOf: (id) => id, onOpenClaim: noop }),
      getCoreRowModel: getCoreRowModel(),
      getSortedRowModel: getSortedRowModel(),
      getFilteredRowModel: getFilteredRowModel(),
      state,
      onStateChange: (u) => {
        state = typeof u === 'function' ? u(state as TableState) : u;
        table.setOptions((o) => ({ ...o, state }));
      },
      renderFallbackValue: null,
    });
    table.setOptions((o) => ({ ...o, state: { ...table.initialState, ...state } }));
    const coreMs = time(() => table.getCoreRowModel());
    const sorts: { column: string; ms: number }[] = [];
    for (const column of ['customer', 'status', 'submitted', 'sla']) {
      const sorting: SortingState = [{ id: column, desc: false }];
      table.setSorting(sorting);
      sorts.push({ column, ms: time(() => table.getRowModel()) });
    }
    table.setSorting([]);
    table.setGlobalFilter('contoso');
    const globalFilterMs = time(() => table.getRowModel());
    return { coreMs, sorts, globalFilterMs };
  },
};

window.__bench = api;
const mode = params.get('mode');
window.__benchResult =
  mode === 'fill'
    ? fill(Number(params.get('count') ?? 100_000))
    : mode === 'load'
      ? load(params.get('order') === 'raw-first' ? 'raw-first' : 'queue-first')
      : Promise.resolve(null);
