/**
 * A small seeded PRNG (mulberry32) for demo data: the same seed always gives the same plan and the
 * same PDF bytes, so demo data never depends on Math.random or the clock.
 */
import { mulberry32 } from '../../../shared/random';

export { mulberry32 };

export type Rng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  float(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** `count` distinct items, in random order. */
  sample<T>(items: readonly T[], count: number): T[];
  shuffle<T>(items: readonly T[]): T[];
  hex(length: number): string;
  /** An independent generator derived from this one's seed and a label, so adding draws in one place does not shift another. */
  fork(label: string): Rng;
};


/** FNV-1a: turns labels (and a seed) into 32-bit seeds. */
export function hash32(text: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    float: (min, max) => min + next() * (max - min),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('cannot pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    sample: (items, count) => rng.shuffle(items).slice(0, count),
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
    hex: (length) => {
      let s = '';
      while (s.length < length) s += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
      return s.slice(0, length);
    },
    fork: (label) => createRng(hash32(label, seed)),
  };
  return rng;
}
