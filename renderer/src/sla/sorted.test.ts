import { describe, expect, it } from 'vitest';
import { countAtOrBefore, itemsBetween, patchSorted } from './sorted';

type Item = { key: number; id: string };
const compare = (a: Item, b: Item) => a.key - b.key || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

describe('sorted arrays', () => {
  it('patches by binary search exactly as removing, adding and sorting again would', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    let current: Item[] = Array.from({ length: 500 }, (_, i) => ({ key: Math.floor(rand() * 50), id: `c${i}` })).sort(compare);
    for (let round = 0; round < 50; round++) {
      const removed = current.filter(() => rand() < 0.1);
      // A replacement with the same key and id as a removed item (a claim changed but not its due time).
      const added = [...removed.slice(0, 3).map((r) => ({ ...r })), ...Array.from({ length: 20 }, (_, i) => ({ key: Math.floor(rand() * 60), id: `n${round}-${i}` }))];
      const expected = [...current.filter((x) => !removed.includes(x)), ...added].sort(compare);
      const patched = patchSorted(current, removed, [...added], compare);
      expect(patched).toEqual(expected);
      for (const a of added) expect(patched).toContain(a);
      for (const r of removed) expect(patched).not.toContain(r);
      current = patched;
    }
    expect(patchSorted(current, [], [], compare)).toBe(current);
  });

  it('counts and slices by key', () => {
    const items = [1, 2, 2, 3, 5].map((key) => ({ key, id: '' }));
    expect(countAtOrBefore(items, (x) => x.key, 2)).toBe(3);
    expect(itemsBetween(items, (x) => x.key, 1, 3).map((x) => x.key)).toEqual([2, 2, 3]);
    expect(itemsBetween(items, (x) => x.key, 3, 3)).toEqual([]);
  });
});
