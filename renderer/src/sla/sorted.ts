/**
 * Sorted arrays kept up to date by patching instead of re-sorting: a sync that changes 1,000 of
 * 100,000 claims finds the old items and the places of the new ones by binary search and copies
 * the runs in between, and every "how many are due before t" is a binary search.
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

/** First index in [from, items.length) whose item does not order before `item`. */
function lowerBound<T>(items: readonly T[], item: T, compare: (a: T, b: T) => number, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `current` without `removed` (items of `current`, by identity) and with `added` merged in;
 * `compare` orders all of them (a total order: only an item compares equal to itself). The result
 * is a new array (snapshots handed to the UI never change under it); `added` is sorted in place.
 * Comparisons: (removed + added) × log n; the rest is copying.
 */
export function patchSorted<T>(current: readonly T[], removed: readonly T[], added: T[], compare: (a: T, b: T) => number): T[] {
  if (removed.length === 0 && added.length === 0) return current as T[];
  added.sort(compare);
  const drop: number[] = [];
  for (const item of removed) {
    let i = lowerBound(current, item, compare);
    while (i < current.length && current[i] !== item && compare(current[i]!, item) === 0) i++;
    if (current[i] === item) drop.push(i);
  }
  drop.sort((a, b) => a - b);
  const out: T[] = [];
  let i = 0;
  let d = 0;
  const copyUntil = (end: number) => {
    for (; i < end; i++) {
      if (d < drop.length && drop[d] === i) d++;
      else out.push(current[i]!);
    }
  };
  for (const item of added) {
    copyUntil(lowerBound(current, item, compare, i));
    out.push(item);
  }
  copyUntil(current.length);
  return out;
}
