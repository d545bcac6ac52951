/**
 * What the reviewer set up in the queue (view, sort, filters, search, active row, scroll position),
 * kept outside the component so opening a claim and coming back finds the queue as it was left.
 */
import type { ColumnFiltersState, SortingState } from '@tanstack/react-table';
import { create } from 'zustand';

import type { ViewId } from './query';

export type QueueUiState = {
  view: ViewId;
  sorting: SortingState;
  columnFilters: ColumnFiltersState;
  search: string;
  activeId: string | null;
  scrollTop: number;
  /** False until a QueueScreen has applied its `initialView`. */
  initialized: boolean;
};

export const DEFAULT_SORTING: SortingState = [{ id: 'sla', desc: false }];

const initial = (): QueueUiState => ({
  view: 'mine',
  sorting: DEFAULT_SORTING,
  columnFilters: [],
  search: '',
  activeId: null,
  scrollTop: 0,
  initialized: false,
});

export const useQueueUi = create<QueueUiState>(initial);

/** Forget the queue set-up (sign-out, another user). */
export function resetQueueUi(): void {
  useQueueUi.setState(initial());
}
