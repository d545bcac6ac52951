/** The queue's columns (react-table definitions) and their cells. */
import { createColumnHelper, type ColumnDef, type FilterFn } from '@tanstack/react-table';

import { t } from '../i18n';
import { clockText, countdownText, formatInstant, isoDuration, levelText, remainingText } from './format';
import { levelAt, remainingAt, type QueueRow } from './model';
import type { SortColumn } from './query';
import { useTickerNow } from './ticker';

export type CellEnv = {
  currentUserId: string;
  nameOf: (userId: string) => string;
  onOpenClaim: (id: string) => void;
};

const col = createColumnHelper<QueueRow>();

/**
 * Filtering is manual (query.ts); this only tells react-table when a filter value means "no filter".
 * Every column names it: the default ('auto') makes react-table build its core row model, all
 * 100,000 rows, to look at the first row's type on each filter change.
 */
const manualFilter: FilterFn<QueueRow> = () => true;
manualFilter.autoRemove = (value: unknown) => value === undefined || value === '';

/** Column ids are the sort columns of query.ts. */
export function queueColumns(env: CellEnv): ColumnDef<QueueRow, unknown>[] {
  const columns = [
    col.accessor((r) => r.id, {
      id: 'id' satisfies SortColumn,
      header: t('queue.colClaim'),
      cell: ({ row }) => (
        <button type="button" tabIndex={-1} className="queue-link" onClick={() => env.onOpenClaim(row.original.id)} aria-label={t('queue.openClaim', { id: row.original.id })}>
          {row.original.id}
        </button>
      ),
    }),
    col.accessor((r) => r.claim.partner.name, {
      id: 'partner' satisfies SortColumn,
      header: t('queue.colPartner'),
      cell: ({ row }) => {
        const p = row.original.claim.partner;
        return (
          <TwoLines first={p.name} second={t('queue.partnerId', { id: p.partnerId })} />
        );
      },
    }),
    col.accessor((r) => r.claim.customer.name, {
      id: 'customer' satisfies SortColumn,
      header: t('queue.colCustomer'),
      cell: ({ row }) => {
        const c = row.original.claim.customer;
        return <TwoLines first={c.name} second={c.domain} />;
      },
    }),
    col.accessor((r) => r.productNames.join(', '), {
      id: 'products' satisfies SortColumn,
      header: t('queue.colProducts'),
      cell: ({ getValue }) => {
        const text = getValue() as string;
        return (
          <span className="queue-clamp" title={text}>
            {text}
          </span>
        );
      },
    }),
    col.accessor((r) => r.claim.status, {
      id: 'status' satisfies SortColumn,
      header: t('queue.colStatus'),
      cell: ({ row }) => {
        const label = t(`status.${row.original.claim.status}`);
        return (
          <span className={`queue-status queue-status--${row.original.claim.status}`} title={label}>
            {label}
          </span>
        );
      },
    }),
    col.accessor((r) => r.claim.assignee, {
      id: 'assignee' satisfies SortColumn,
      header: t('queue.colAssignee'),
      cell: ({ row }) => {
        const id = row.original.claim.assignee;
        if (id === null) return <span className="queue-muted">{t('queue.unassigned')}</span>;
        const name = env.nameOf(id);
        return <span className="queue-ellipsis">{id === env.currentUserId ? t('queue.you', { name }) : name}</span>;
      },
    }),
    col.accessor((r) => r.submittedMs, {
      id: 'submitted' satisfies SortColumn,
      header: t('queue.colSubmitted'),
      cell: ({ row }) => {
        const at = row.original.claim.firstSubmittedAt;
        if (at === null) return <span className="queue-muted">{t('queue.notSubmitted')}</span>;
        return <time dateTime={at}>{formatInstant(row.original.submittedMs)}</time>;
      },
    }),
    col.accessor((r) => r.clock?.dueMs ?? null, {
      id: 'sla' satisfies SortColumn,
      header: t('queue.colSla'),
      cell: ({ row }) => <SlaCell row={row.original} />,
    }),
    col.accessor((r) => r.deficiencies.length, {
      id: 'deficiencies' satisfies SortColumn,
      header: t('queue.colDeficiencies'),
      cell: ({ row }) => {
        const codes = row.original.deficiencies;
        if (codes.length === 0) return <span className="queue-muted">{t('queue.noDeficiencies')}</span>;
        return (
          <span className="queue-count" title={codes.map((c) => t(`deficiency.${c}`)).join('\n')}>
            {codes.length}
          </span>
        );
      },
    }),
  ];
  return columns.map((c) => ({ ...c, filterFn: manualFilter })) as ColumnDef<QueueRow, unknown>[];
}

function TwoLines({ first, second }: { first: string; second: string }) {
  return (
    <span className="queue-two">
      <span className="queue-ellipsis" title={first}>
        {first}
      </span>
      <span className="queue-ellipsis queue-muted">{second}</span>
    </span>
  );
}

const LEVEL_ICON = { on_track: '●', at_risk: '▲', breached: '■' } as const;

/** The running clock: level (icon, colour and words), live countdown, and days left in the clock's unit. */
export function SlaCell({ row }: { row: QueueRow }) {
  if (!row.clock) return <span className="queue-muted">{t('queue.noClock')}</span>;
  return <LiveClock row={row} />;
}

function LiveClock({ row }: { row: QueueRow }) {
  const now = useTickerNow();
  const clock = row.clock!;
  const level = levelAt(row, now)!;
  const remaining = remainingAt(row, now);
  return (
    <span className={`queue-sla queue-sla--${clock.kind} queue-sla--${level}`}>
      <span className="queue-sla__line">
        <span className="queue-sla__level">
          <span aria-hidden="true">{LEVEL_ICON[level]} </span>
          {levelText(clock.kind, level)}
        </span>{' '}
        <time dateTime={isoDuration(clock.dueMs - now)} className="queue-sla__time">
          {countdownText(clock, now)}
        </time>
      </span>
      <span className="queue-ellipsis queue-muted">
        {clockText(clock.name)}
        {remaining === null ? '' : ` · ${remainingText(clock, remaining)}`}
      </span>
    </span>
  );
}
