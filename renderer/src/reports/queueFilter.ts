/**
 * "Filtered as on screen": the queue's current view, filters and search (kept in useQueueUi while
 * the reviewer works the queue) applied to claims with the queue's own predicate, so a report holds
 * exactly the claims the queue shows.
 */
import type { Claim, SyncSettings } from '@shared/index';

import { t } from '../i18n';
import { endOfLocalDay } from '../queue/format';
import { buildRow } from '../queue/model';
import { rowPredicate, type QueueFilters, type ViewId } from '../queue/query';
import { toQueueFilters } from '../queue/QueueScreen';
import { useQueueUi } from '../queue/state';

export type QueueSelection = { view: ViewId; filters: QueueFilters; search: string };

/** What the queue is showing now. */
export function currentQueueSelection(): QueueSelection {
  const { view, columnFilters, search } = useQueueUi.getState();
  return { view, filters: toQueueFilters(columnFilters), search };
}

/** The queue's predicate over claims at `nowMs` for `userId` ("my claims", "due today" depend on both). */
export function queuePredicate(selection: QueueSelection, settings: SyncSettings, nowMs: number, userId: string): (claim: Claim) => boolean {
  const matches = rowPredicate(selection.view, selection.filters, selection.search, { nowMs, endOfDayMs: endOfLocalDay(nowMs), userId });
  const now = new Date(nowMs);
  return (claim) => matches(buildRow(claim, settings, now));
}

const VIEW_KEYS = {
  mine: 'queue.viewMine',
  unassigned: 'queue.viewUnassigned',
  dueToday: 'queue.viewDueToday',
  breached: 'queue.viewBreached',
  disputes: 'queue.viewDisputes',
  all: 'queue.viewAll',
} as const satisfies Record<ViewId, string>;

/** The selection in words, for the report screen ("view “My claims”, Status: Under review, …"). */
export function describeSelection(selection: QueueSelection, userId: string): string {
  const { filters, search } = selection;
  const parts = [t('reports.queueView', { view: t(VIEW_KEYS[selection.view]) })];
  const value = (name: string, v: string) => parts.push(t('reports.queueFilterValue', { name, value: v }));
  if (filters.status) value(t('queue.filterStatus'), t(`status.${filters.status}`));
  if (filters.level) value(t('queue.filterLevel'), filters.level === 'none' ? t('queue.levelNone') : t(`level.${filters.level}`));
  if (filters.family) value(t('queue.filterFamily'), t(`family.${filters.family}`));
  if (filters.assignee !== undefined) {
    value(t('queue.filterAssignee'), filters.assignee === null ? t('queue.assigneeNone') : filters.assignee === userId ? t('queue.assigneeMe') : filters.assignee);
  }
  if (filters.partner) value(t('queue.filterPartner'), filters.partner);
  if (search.trim() !== '') parts.push(t('reports.queueSearch', { search: search.trim() }));
  if (parts.length === 1 && selection.view === 'all') parts.push(t('reports.queueNone'));
  return parts.join(', ');
}
