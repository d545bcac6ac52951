/**
 * The review queue: every claim on the workstation in one virtualized ARIA grid, with saved views
 * (and their counts), filters, free-text search, sorting on every column, live SLA countdowns and
 * keyboard navigation. Claims come from `useClaims`; nothing here talks to the network.
 *
 * Performance at 100,000 claims (see bench/queue): rows are derived once per claim object, sorted
 * orders are cached per column, filters walk the sorted order once, only the visible rows (plus
 * overscan) are in the DOM, and only their countdown cells re-render on the 1-second tick.
 */
import {
  createRow,
  flexRender,
  functionalUpdate,
  getCoreRowModel,
  useReactTable,
  type ColumnFiltersState,
  type Row,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, PRODUCT_FAMILIES, STATUSES, type ProductFamily, type Status } from '@shared/index';
import {
  memo,
  useCallback,
  useContext,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react';

import { useClaims } from '../data/claimsStore';
import { t, type MessageKey } from '../i18n';
import { queueColumns } from './columns';
import { endOfLocalDay, formatCount } from './format';
import { ensureHaystack, RowIndex, sameSettings, type QueueRow, type QueueSettings } from './model';
import {
  AssigneeCounter,
  FilterMemo,
  SortIndex,
  type Sorter,
  SORT_COLUMNS,
  VIEW_IDS,
  type LevelFilter,
  type QueueContext,
  type QueueFilters,
  type SortColumn,
  type SortSpec,
  type ViewId,
  ViewCounter,
} from './query';
import { useQueueUi } from './state';
import { serverTicker, TickerContext, useTickerStep, type Ticker } from './ticker';
import './queue.css';

export type QueueScreenProps = {
  onOpenClaim(id: string): void;
  currentUserId: string;
  /** Calendar and policy for the SLA clocks (the server's sync settings); default: the shared defaults. */
  settings?: QueueSettings;
  /** Display name of a user id, for the assignee column and filter; default: the id itself. Keep it stable. */
  userName?: (userId: string) => string;
  /** The view shown the first time the queue opens (later visits restore the last one); default "My claims". */
  initialView?: ViewId;
  /** Source of "now" for countdowns and time-based views; default: server time, ticking every second. */
  ticker?: Ticker;
};

/** Fixed row and header heights (px): virtualization needs them, queue.css uses the same. */
export const ROW_HEIGHT = 56;
export const HEADER_HEIGHT = 44;
export const OVERSCAN = 6;

const DEFAULT_SETTINGS: QueueSettings = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY };
const identity = (id: string) => id;

const VIEW_KEYS: Record<ViewId, { label: MessageKey; hint: MessageKey }> = {
  mine: { label: 'queue.viewMine', hint: 'queue.viewMineHint' },
  unassigned: { label: 'queue.viewUnassigned', hint: 'queue.viewUnassignedHint' },
  dueToday: { label: 'queue.viewDueToday', hint: 'queue.viewDueTodayHint' },
  breached: { label: 'queue.viewBreached', hint: 'queue.viewBreachedHint' },
  disputes: { label: 'queue.viewDisputes', hint: 'queue.viewDisputesHint' },
  all: { label: 'queue.viewAll', hint: 'queue.viewAllHint' },
};

const LEVEL_OPTIONS: { value: LevelFilter; label: MessageKey }[] = [
  { value: 'on_track', label: 'queue.levelOnTrack' },
  { value: 'at_risk', label: 'queue.levelAtRisk' },
  { value: 'breached', label: 'queue.levelBreached' },
  { value: 'none', label: 'queue.levelNone' },
];

/** Column filter ids (react-table state) and the queue filter each one sets. */
const FILTER_COLUMN = { status: 'status', level: 'sla', family: 'products', assignee: 'assignee', partner: 'partner' } as const;

export function toQueueFilters(state: ColumnFiltersState): QueueFilters {
  const filters: QueueFilters = {};
  for (const { id, value } of state) {
    if (id === FILTER_COLUMN.status) filters.status = value as Status;
    else if (id === FILTER_COLUMN.level) filters.level = value as LevelFilter;
    else if (id === FILTER_COLUMN.family) filters.family = value as ProductFamily;
    else if (id === FILTER_COLUMN.assignee) filters.assignee = value as string | null;
    else if (id === FILTER_COLUMN.partner && typeof value === 'string' && value.trim() !== '') filters.partner = value;
  }
  return filters;
}

export function toSortSpec(sorting: SortingState): SortSpec {
  const first = sorting[0];
  const column = first && (SORT_COLUMNS as readonly string[]).includes(first.id) ? (first.id as SortColumn) : 'sla';
  return { column, desc: first?.desc ?? false };
}

export function QueueScreen({ ticker, ...props }: QueueScreenProps) {
  return (
    <TickerContext.Provider value={ticker ?? serverTicker}>
      <Queue {...props} />
    </TickerContext.Provider>
  );
}

function Queue({ onOpenClaim, currentUserId, settings = DEFAULT_SETTINGS, userName = identity, initialView = 'mine' }: Omit<QueueScreenProps, 'ticker'>) {
  const claims = useClaims((s) => s.claims);
  const loaded = useClaims((s) => s.loaded);
  const ui = useQueueUi();
  const view = ui.initialized ? ui.view : initialView;
  const { sorting, columnFilters, search } = ui;
  useEffect(() => {
    if (!useQueueUi.getState().initialized) useQueueUi.setState({ view: initialView, initialized: true });
  }, [initialView]);

  const ticker = useContext(TickerContext);
  const [index] = useState(() => new RowIndex(settings));
  const [sortIndex] = useState(() => new SortIndex());
  // The workstation republishes its settings after every sync as new objects: only a real change counts.
  const [stableSettings, setStableSettings] = useState(settings);
  if (settings !== stableSettings && !sameSettings(settings, stableSettings)) setStableSettings(settings);
  const update = useMemo(() => {
    index.setSettings(stableSettings);
    return index.update(claims, ticker.now());
  }, [index, claims, stableSettings, ticker]);
  const rows = update.rows;
  // A sync that changes a few claims merges them into the current order instead of re-sorting all.
  const sorter = useMemo(() => sortIndex.next(update, userName), [sortIndex, update, userName]);
  const rowFor = useCallback(
    (id: string) => {
      const claim = claims.get(id);
      return claim ? index.peek(claim) : undefined;
    },
    [claims, index],
  );
  useBackgroundIndexing(rows, sorter, update.changes === null ? 0 : 2000);

  const minute = useTickerStep(60_000);
  const ctx = useMemo<QueueContext>(() => ({ nowMs: minute, endOfDayMs: endOfLocalDay(minute), userId: currentUserId }), [minute, currentUserId]);
  const [viewCounter] = useState(() => new ViewCounter());
  const counts = useMemo(() => viewCounter.count(update, ctx), [viewCounter, update, ctx]);

  // Controls update at once; the grid follows with the deferred query (and says it is busy meanwhile).
  const query = useMemo(() => ({ view, sorting, columnFilters, search }), [view, sorting, columnFilters, search]);
  const deferred = useDeferredValue(query);
  const busy = deferred !== query;
  const filters = useMemo(() => toQueueFilters(deferred.columnFilters), [deferred.columnFilters]);
  const sorted = useMemo(() => sorter.sorted(toSortSpec(deferred.sorting)), [sorter, deferred.sorting]);
  const [filterMemo] = useState(() => new FilterMemo());
  const filtered = useMemo(
    () => filterMemo.filter(sorted, deferred.view, filters, deferred.search, ctx),
    [filterMemo, sorted, deferred.view, deferred.search, filters, ctx],
  );

  const [assigneeCounter] = useState(() => new AssigneeCounter());
  const assignees = useMemo(
    () =>
      assigneeCounter
        .assignees(update)
        .filter((id) => id !== currentUserId)
        .map((id) => ({ id, name: userName(id) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [assigneeCounter, update, currentUserId, userName],
  );

  const openRef = useRef(onOpenClaim);
  useEffect(() => {
    openRef.current = onOpenClaim;
  }, [onOpenClaim]);
  const open = useCallback((id: string) => openRef.current(id), []);
  const columns = useMemo(() => queueColumns({ currentUserId, nameOf: userName, onOpenClaim: open }), [currentUserId, userName, open]);

  const set = useQueueUi.setState;
  // eslint-disable-next-line react-hooks/incompatible-library -- the table instance is only read during render here; nothing memoizes its methods
  const table = useReactTable<QueueRow>({
    data: filtered as QueueRow[], // react-table types data as mutable; it never writes to it
    columns,
    getRowId: (row) => row.id,
    // Only the state models are used: the row models are never built (sorting and filtering are
    // done by query.ts over plain arrays, see bench:queue for why).
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualFiltering: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting, columnFilters, globalFilter: search },
    onSortingChange: (u: Updater<SortingState>) => set((s) => ({ sorting: functionalUpdate(u, s.sorting) })),
    onColumnFiltersChange: (u: Updater<ColumnFiltersState>) => set((s) => ({ columnFilters: functionalUpdate(u, s.columnFilters) })),
    onGlobalFilterChange: (u: Updater<string>) => set((s) => ({ search: functionalUpdate(u, s.search) })),
  });

  const baseId = useId();
  const gridId = `${baseId}-grid`;
  const panelId = `${baseId}-panel`;
  const helpId = `${baseId}-help`;
  const tabId = (v: ViewId) => `${baseId}-tab-${v}`;

  if (!loaded) {
    return (
      <section className="queue" aria-labelledby={`${baseId}-heading`}>
        <h1 id={`${baseId}-heading`} className="queue__heading">
          {t('queue.heading')}
        </h1>
        <p role="status">{t('queue.loading')}</p>
      </section>
    );
  }

  const filterValue = (id: string) => columnFilters.find((f) => f.id === id)?.value;
  // Straight to the filter state: column.setFilterValue would ask for the column's auto filter
  // function, which makes react-table build its core row model (100,000 Row objects) to look at row one.
  const setFilter = (id: string, value: unknown) =>
    table.setColumnFilters((old) => {
      const rest = old.filter((f) => f.id !== id);
      return value === '' || value === undefined ? rest : [...rest, { id, value }];
    });
  const assigneeValue = filterValue(FILTER_COLUMN.assignee);
  const assigneeSelect = assigneeValue === undefined ? '' : assigneeValue === null ? ':none' : `user:${String(assigneeValue)}`;

  return (
    <section className="queue" aria-labelledby={`${baseId}-heading`}>
      <h1 id={`${baseId}-heading`} className="queue__heading">
        {t('queue.heading')}
      </h1>

      <form role="search" aria-label={t('queue.filtersLabel')} className="queue__filters" onSubmit={(e) => e.preventDefault()}>
        <label className="queue__field queue__field--search">
          <span>{t('queue.searchLabel')}</span>
          <input type="search" value={search} placeholder={t('queue.searchPlaceholder')} onChange={(e) => table.setGlobalFilter(e.target.value)} />
        </label>
        <label className="queue__field">
          <span>{t('queue.filterStatus')}</span>
          <select value={(filterValue(FILTER_COLUMN.status) as string | undefined) ?? ''} onChange={(e) => setFilter(FILTER_COLUMN.status, e.target.value)}>
            <option value="">{t('queue.filterAny')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="queue__field">
          <span>{t('queue.filterLevel')}</span>
          <select value={(filterValue(FILTER_COLUMN.level) as string | undefined) ?? ''} onChange={(e) => setFilter(FILTER_COLUMN.level, e.target.value)}>
            <option value="">{t('queue.filterAny')}</option>
            {LEVEL_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {t(o.label)}
              </option>
            ))}
          </select>
        </label>
        <label className="queue__field">
          <span>{t('queue.filterFamily')}</span>
          <select value={(filterValue(FILTER_COLUMN.family) as string | undefined) ?? ''} onChange={(e) => setFilter(FILTER_COLUMN.family, e.target.value)}>
            <option value="">{t('queue.filterAny')}</option>
            {PRODUCT_FAMILIES.map((f) => (
              <option key={f} value={f}>
                {t(`family.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="queue__field">
          <span>{t('queue.filterAssignee')}</span>
          <select
            value={assigneeSelect}
            onChange={(e) => {
              const v = e.target.value;
              setFilter(FILTER_COLUMN.assignee, v === '' ? undefined : v === ':none' ? null : v.slice('user:'.length));
            }}
          >
            <option value="">{t('queue.filterAny')}</option>
            <option value={`user:${currentUserId}`}>{t('queue.assigneeMe')}</option>
            <option value=":none">{t('queue.assigneeNone')}</option>
            {assignees.map((a) => (
              <option key={a.id} value={`user:${a.id}`}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="queue__field">
          <span>{t('queue.filterPartner')}</span>
          <input
            type="text"
            value={(filterValue(FILTER_COLUMN.partner) as string | undefined) ?? ''}
            placeholder={t('queue.filterPartnerPlaceholder')}
            onChange={(e) => setFilter(FILTER_COLUMN.partner, e.target.value)}
          />
        </label>
        <button type="button" className="queue__clear" onClick={() => set({ columnFilters: [], search: '' })}>
          {t('queue.clearFilters')}
        </button>
      </form>

      <ViewTabs view={view} counts={counts} tabId={tabId} panelId={panelId} onSelect={(v) => set({ view: v, initialized: true })} />

      <div role="tabpanel" id={panelId} aria-labelledby={tabId(view)} className="queue__panel">
        <p role="status" className="queue__count">
          {t('queue.resultCount', { shown: filtered.length, total: rows.length })}
        </p>
        <p id={helpId} className="queue__help">
          {t('queue.gridHelp')}
        </p>
        <QueueGrid
          gridId={gridId}
          helpId={helpId}
          rows={filtered}
          query={deferred}
          busy={busy}
          table={table}
          columnsKey={columns}
          rowFor={rowFor}
          onOpen={open}
        />
        {filtered.length === 0 && <p className="queue__empty">{t('queue.empty')}</p>}
      </div>
    </section>
  );
}

/**
 * Idle-time work once the queue is on screen: the search text of every row, then the sort keys of
 * every column. So neither loading nor the first search or first click on a column header pays for
 * 100,000 of them; whatever is still missing when needed is built on the spot.
 */
function useBackgroundIndexing(rows: readonly QueueRow[], sorter: Sorter, settleMs: number) {
  useEffect(() => {
    let next = 0;
    let handle: number | ReturnType<typeof setTimeout> | null = null;
    const idle = typeof requestIdleCallback === 'function';
    const step = (deadline?: IdleDeadline) => {
      const left = deadline ? deadline.timeRemaining() : 8;
      const until = performance.now() + Math.min(left, 12);
      if (next < rows.length) {
        while (next < rows.length) {
          ensureHaystack(rows[next++]!);
          if ((next & 255) === 0 && performance.now() >= until) break;
        }
        handle = schedule();
        return;
      }
      // A column's keys take tens of milliseconds in one piece: only in a long idle period, and
      // only once the claims have stood still for a while (a sync in progress changes them again).
      if (performance.now() < sortKeysFrom || (deadline && !deadline.didTimeout && left < 40)) {
        handle = schedule();
        return;
      }
      handle = sorter.prepareNext() ? schedule() : null;
    };
    const schedule = () => (idle ? requestIdleCallback(step, { timeout: 1000 }) : setTimeout(step, 16));
    const sortKeysFrom = performance.now() + settleMs;
    handle = schedule();
    return () => {
      if (handle === null) return;
      if (idle) cancelIdleCallback(handle as number);
      else clearTimeout(handle);
    };
  }, [rows, sorter, settleMs]);
}

function ViewTabs({
  view,
  counts,
  tabId,
  panelId,
  onSelect,
}: {
  view: ViewId;
  counts: Record<ViewId, number>;
  tabId: (v: ViewId) => string;
  panelId: string;
  onSelect: (v: ViewId) => void;
}) {
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = VIEW_IDS.indexOf(view);
    const next =
      e.key === 'ArrowRight' ? (i + 1) % VIEW_IDS.length
      : e.key === 'ArrowLeft' ? (i - 1 + VIEW_IDS.length) % VIEW_IDS.length
      : e.key === 'Home' ? 0
      : e.key === 'End' ? VIEW_IDS.length - 1
      : -1;
    if (next < 0) return;
    e.preventDefault();
    const v = VIEW_IDS[next]!;
    onSelect(v);
    document.getElementById(tabId(v))?.focus();
  };
  return (
    <div role="tablist" aria-label={t('queue.viewsLabel')} className="queue__views" onKeyDown={onKeyDown}>
      {VIEW_IDS.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={tabId(v)}
          aria-selected={v === view}
          aria-controls={panelId}
          tabIndex={v === view ? 0 : -1}
          title={t(VIEW_KEYS[v].hint)}
          className="queue__view"
          onClick={() => onSelect(v)}
        >
          {t(VIEW_KEYS[v].label)} <span className="queue__view-count">{formatCount(counts[v])}</span>
        </button>
      ))}
    </div>
  );
}

type GridProps = {
  gridId: string;
  helpId: string;
  rows: readonly QueueRow[];
  query: unknown;
  busy: boolean;
  table: ReturnType<typeof useReactTable<QueueRow>>;
  /** Changes when the column definitions change (cached react-table rows are then rebuilt). */
  columnsKey: unknown;
  /** The row of a claim id (O(1)), so finding its position is a native indexOf by identity. */
  rowFor: (id: string) => QueueRow | undefined;
  onOpen: (id: string) => void;
};

function QueueGrid({ gridId, helpId, rows, query, busy, table, columnsKey, rowFor, onOpen }: GridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeId = useQueueUi((s) => s.activeId);
  const [initialOffset] = useState(() => useQueueUi.getState().scrollTop);
  const n = rows.length;

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; its results are not memoized
  const virtualizer = useVirtualizer({
    count: n,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // No getItemKey: the virtualizer rebuilds its measurements (one object per row, 100,000 of
    // them) whenever that function changes; keyed by index they are rebuilt only when the count does.
    overscan: OVERSCAN,
    scrollMargin: HEADER_HEIGHT,
    initialOffset,
    // Before the first measurement (and in server-side rendering): a typical window.
    initialRect: { width: 1280, height: 720 },
  });

  // Where the active claim is: among the rendered rows (the usual case when moving by keyboard),
  // else by identity over all rows (on demand, never per render).
  const items = virtualizer.getVirtualItems();
  const activeItem = activeId === null ? undefined : items.find((v) => rows[v.index]?.id === activeId);
  const indexOf = useCallback(
    (id: string | null): number => {
      const row = id === null ? undefined : rowFor(id);
      return row ? rows.indexOf(row) : -1;
    },
    [rows, rowFor],
  );
  const activeIndex = (): number => activeItem?.index ?? indexOf(activeId);

  // Keep the scroll position for the next visit.
  useEffect(() => {
    const el = scrollRef.current;
    return () => {
      if (el) useQueueUi.setState({ scrollTop: el.scrollTop });
    };
  }, []);

  // A new view, sort, filter or search: show the active claim if it is still there, else the top.
  // Decided from the virtualizer's cached offset and the fixed row height, and applied in the next
  // frame: asking the element (scrollHeight, scrollTop) right after a commit forces a layout.
  const lastQuery = useRef(query);
  useEffect(() => {
    if (lastQuery.current === query) return;
    lastQuery.current = query;
    const activeIndex = indexOf(useQueueUi.getState().activeId);
    const offset = virtualizer.scrollOffset ?? 0;
    const viewport = (virtualizer.scrollRect?.height ?? 0) - HEADER_HEIGHT;
    let target = 0;
    if (activeIndex >= 0) {
      const top = activeIndex * ROW_HEIGHT;
      target = top < offset ? top : top + ROW_HEIGHT > offset + viewport ? top + ROW_HEIGHT - viewport : offset;
    }
    if (target === offset) return;
    requestAnimationFrame(() => {
      // Unless yet another query came in meanwhile (it scrolls for itself).
      if (scrollRef.current && lastQuery.current === query) scrollRef.current.scrollTop = target;
    });
  }, [query, virtualizer, indexOf]);

  const rowCache = useMemo(() => {
    void columnsKey;
    return new WeakMap<QueueRow, Row<QueueRow>>();
  }, [columnsKey]);
  const tableRow = (row: QueueRow, index: number) => {
    let r = rowCache.get(row);
    if (!r) {
      r = createRow(table, row.id, row, index, 0);
      rowCache.set(row, r);
    }
    return r;
  };

  const activate = useCallback((index: number, id: string) => {
    useQueueUi.setState({ activeId: id });
    scrollRef.current?.focus({ preventScroll: true });
    void index;
  }, []);

  const move = (to: number) => {
    if (n === 0) return;
    const i = Math.max(0, Math.min(n - 1, to));
    useQueueUi.setState({ activeId: rows[i]!.id });
    virtualizer.scrollToIndex(i, { align: 'auto' });
  };


  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.metaKey || (e.ctrlKey && e.key !== 'Home' && e.key !== 'End')) return;
    if (e.target !== e.currentTarget) return; // keys inside a cell's own control stay with it
    const el = scrollRef.current;
    const page = Math.max(1, Math.floor(((el?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    const at = activeIndex();
    switch (e.key) {
      case 'ArrowDown':
      case 'j':
        move(at + 1);
        break;
      case 'ArrowUp':
      case 'k':
        move(at < 0 ? 0 : at - 1);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(n - 1);
        break;
      case 'PageDown':
        move(at + page);
        break;
      case 'PageUp':
        move(at < 0 ? 0 : at - page);
        break;
      case 'Enter':
        if (at >= 0) onOpen(rows[at]!.id);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  // Focus with no active claim (or one filtered away): make the first claim on screen active.
  const onFocus = () => {
    if (n === 0 || activeIndex() >= 0) return;
    const first = virtualizer.getVirtualItems().find((v) => v.start - HEADER_HEIGHT >= (scrollRef.current?.scrollTop ?? 0) - 1);
    const i = first?.index ?? 0;
    useQueueUi.setState({ activeId: rows[i]!.id });
  };

  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const rowDomId = (i: number) => `${gridId}-row-${i}`;

  return (
    <div
      ref={scrollRef}
      id={gridId}
      role="grid"
      aria-label={t('queue.gridLabel')}
      aria-describedby={helpId}
      aria-rowcount={n + 1}
      aria-colcount={headers.length}
      aria-busy={busy}
      aria-activedescendant={activeItem ? rowDomId(activeItem.index) : undefined}
      tabIndex={0}
      className="queue-grid"
      onKeyDown={onKeyDown}
      onFocus={onFocus}
    >
      <div role="rowgroup" className="queue-grid__head">
        <div role="row" aria-rowindex={1} className="queue-grid__row">
          {headers.map((h) => {
            const sorted = h.column.getIsSorted();
            return (
              <div
                key={h.id}
                role="columnheader"
                aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                className={`queue-cell queue-cell--${h.column.id}`}
              >
                <button type="button" className="queue-sort" onClick={h.column.getToggleSortingHandler()} title={t('queue.sortBy', { column: String(h.column.columnDef.header) })}>
                  {flexRender(h.column.columnDef.header, h.getContext())}
                  <span aria-hidden="true" className="queue-sort__icon">
                    {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                  </span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div role="rowgroup" className="queue-grid__body" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <GridRow
              key={row.id}
              domId={rowDomId(item.index)}
              index={item.index}
              top={item.start - HEADER_HEIGHT}
              active={item === activeItem}
              tableRow={tableRow(row, item.index)}
              onActivate={activate}
              onOpen={onOpen}
            />
          );
        })}
      </div>
    </div>
  );
}


type GridRowProps = {
  domId: string;
  index: number;
  top: number;
  active: boolean;
  tableRow: Row<QueueRow>;
  onActivate: (index: number, id: string) => void;
  onOpen: (id: string) => void;
};

const GridRow = memo(function GridRow({ domId, index, top, active, tableRow, onActivate, onOpen }: GridRowProps) {
  const id = tableRow.original.id;
  return (
    <div
      role="row"
      id={domId}
      aria-rowindex={index + 2}
      aria-selected={active}
      className="queue-grid__row queue-grid__row--body"
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onActivate(index, id)}
      onDoubleClick={() => onOpen(id)}
    >
      {tableRow.getVisibleCells().map((cell) => (
        <div key={cell.column.id} role="gridcell" className={`queue-cell queue-cell--${cell.column.id}`}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </div>
      ))}
    </div>
  );
});
