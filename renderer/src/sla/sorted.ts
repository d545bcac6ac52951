/**
 * Sorted arrays kept up to date by patching instead of re-sorting: a sync that changes 1,000 of
 * 100,000 claims removes their old items and merges their new ones in one linear pass, and every
 * "how many are due before t" is a binary search.
 */

/** Number of items whose key is <= `t` (items ordered by `key` ascending). */
export function countAtOrBefore<T>(items: readonly T[], key: (item: T) => number, t: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]!) <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Items whose key lies in (from, to], in order. */
export function itemsBetween<T>(items: readonly T[], key: (item: T) => number, from: number, to: number): T[] {
  if (to <= from) return [];
  return items.slice(countAtOrBefore(items, key, from), countAtOrBefore(items, key, to));
}

/**
 * `current` without the items `isRemoved` picks, with `added` merged in; `compare` orders both. The
 * result is a new array (snapshots handed to the UI never change under it). `added` is sorted in place.
 */
export function patchSorted<T>(current: readonly T[], isRemoved: ((item: T) => boolean) | null, added: T[], compare: (a: T, b: T) => number): T[] {
  added.sort(compare);
  if (!isRemoved && added.length === 0) return current as T[];
  const out: T[] = [];
  let j = 0;
  for (let i = 0; i < current.length; i++) {
    const item = current[i]!;
    if (isRemoved && isRemoved(item)) continue;
    while (j < added.length && compare(added[j]!, item) < 0) out.push(added[j++]!);
    out.push(item);
  }
  while (j < added.length) out.push(added[j++]!);
  return out;
}
