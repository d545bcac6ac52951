import { migration001 } from './001_init';
import type { Migration } from './types';

export type { Migration } from './types';

/** Every migration, oldest first. Append new ones; never edit or reorder released ones. */
export const MIGRATIONS: readonly Migration[] = [migration001];
