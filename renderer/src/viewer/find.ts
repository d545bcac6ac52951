/**
 * Find in the document: a compact search index per page built from pdf.js text content, and the
 * regions (user space) of each match, cut per text item so a match across items or lines gets a
 * rectangle on each. Case-insensitive, whitespace-insensitive (any run of spaces and line breaks
 * matches one space), full-width and half-width forms alike (NFKC per character), so "Ｐａｒｔｎｅｒ"
 * finds "Partner" and Japanese text without spaces is matched as written.
 */
import type { Rect } from './types';

/** The fields of a pdf.js text item this module reads. */
export type TextItemLike = { str: string; transform: number[]; width: number; height: number; hasEOL?: boolean };

export type PageTextIndex = {
  /** Normalised page text. */
  text: string;
  /** For each character of `text`: its item, or -1 for a separator the index added. */
  item: Int32Array;
  /** For each character of `text`: its offset in that item's string. */
  offset: Int32Array;
  /** Geometry of each item: [e, f, ux, uy, vx, vy, width, height, length] per item. */
  geometry: Float64Array;
};

export type FindMatch = { page: number; start: number; end: number };

const FIELDS = 9;

function isTextItem(item: unknown): item is TextItemLike {
  return typeof item === 'object' && item !== null && 'str' in item && 'transform' in item;
}

function normalizeChar(ch: string): string {
  const n = ch.normalize('NFKC').toLowerCase();
  // Keep one-to-one offsets: a character whose normal form is longer stays as it is (lower-cased if that keeps it single).
  if (n.length === 1) return n;
  const lower = ch.toLowerCase();
  return lower.length === ch.length ? lower : ch;
}

const SPACE = /\s/;

export function normalizeQuery(query: string): string {
  let out = '';
  let lastSpace = true;
  for (const ch of query) {
    if (SPACE.test(ch)) {
      if (!lastSpace) out += ' ';
      lastSpace = true;
      continue;
    }
    for (const unit of normalizeCharUnits(ch)) out += unit;
    lastSpace = false;
  }
  return out.trimEnd();
}

/** A code point may be two UTF-16 units; normalise those as a whole, keeping the unit count. */
function normalizeCharUnits(ch: string): string {
  if (ch.length === 1) return normalizeChar(ch);
  const n = ch.normalize('NFKC').toLowerCase();
  return n.length === ch.length ? n : ch;
}

export function buildPageIndex(items: readonly unknown[]): PageTextIndex {
  const chars: string[] = [];
  const itemOf: number[] = [];
  const offsetOf: number[] = [];
  const textItems = items.filter(isTextItem);
  const geometry = new Float64Array(textItems.length * FIELDS);
  let lastSpace = true;
  const pushSpace = (itemIndex: number, offset: number) => {
    if (lastSpace) return;
    chars.push(' ');
    itemOf.push(itemIndex);
    offsetOf.push(offset);
    lastSpace = true;
  };
  textItems.forEach((it, i) => {
    const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = it.transform;
    const along = Math.hypot(a, b) || 1;
    const up = Math.hypot(c, d) || 1;
    const g = i * FIELDS;
    geometry[g] = e;
    geometry[g + 1] = f;
    geometry[g + 2] = a / along;
    geometry[g + 3] = b / along;
    geometry[g + 4] = c / up;
    geometry[g + 5] = d / up;
    geometry[g + 6] = it.width;
    geometry[g + 7] = it.height || up;
    geometry[g + 8] = it.str.length;
    for (let k = 0; k < it.str.length; k++) {
      const ch = it.str[k]!;
      if (SPACE.test(ch)) {
        pushSpace(i, k);
        continue;
      }
      const code = ch.charCodeAt(0);
      // Surrogate pairs: normalise the pair, keep both units mapped to this item.
      if (code >= 0xd800 && code <= 0xdbff && k + 1 < it.str.length) {
        const pair = normalizeCharUnits(it.str.slice(k, k + 2));
        chars.push(pair[0]!, pair[1] ?? '');
        itemOf.push(i, i);
        offsetOf.push(k, k + 1);
        k++;
      } else {
        chars.push(normalizeChar(ch));
        itemOf.push(i);
        offsetOf.push(k);
      }
      lastSpace = false;
    }
    if (it.hasEOL) pushSpace(-1, 0);
  });
  return { text: chars.join(''), item: Int32Array.from(itemOf), offset: Int32Array.from(offsetOf), geometry };
}

/** Every match of a normalised query on one page, in reading order, not overlapping. */
export function findInPage(index: PageTextIndex, page: number, normalizedQuery: string): FindMatch[] {
  if (normalizedQuery === '') return [];
  const out: FindMatch[] = [];
  let from = 0;
  for (;;) {
    const at = index.text.indexOf(normalizedQuery, from);
    if (at < 0) return out;
    out.push({ page, start: at, end: at + normalizedQuery.length });
    from = at + normalizedQuery.length;
  }
}

/** The user-space rectangles of a match: one per text item it touches. */
export function matchRects(index: PageTextIndex, match: Pick<FindMatch, 'start' | 'end'>): Rect[] {
  const rects: Rect[] = [];
  let k = match.start;
  while (k < match.end) {
    const item = index.item[k]!;
    if (item < 0) {
      k++;
      continue;
    }
    const from = index.offset[k]!;
    let to = from + 1;
    while (k + 1 < match.end && index.item[k + 1] === item) {
      k++;
      to = index.offset[k]! + 1;
    }
    k++;
    rects.push(itemSpanRect(index.geometry, item, from, to));
  }
  return rects;
}

/** Bounding box of characters [from, to) of an item, spread evenly over its width. */
function itemSpanRect(geometry: Float64Array, item: number, from: number, to: number): Rect {
  const g = item * FIELDS;
  const e = geometry[g]!;
  const f = geometry[g + 1]!;
  const ux = geometry[g + 2]!;
  const uy = geometry[g + 3]!;
  const vx = geometry[g + 4]!;
  const vy = geometry[g + 5]!;
  const width = geometry[g + 6]!;
  const height = geometry[g + 7]!;
  const length = Math.max(1, geometry[g + 8]!);
  const s0 = (width * from) / length;
  const s1 = (width * to) / length;
  // From a little below the baseline (descenders) to about the cap height.
  const below = -0.22 * height;
  const above = 0.95 * height;
  const corners = [
    [s0, below],
    [s1, below],
    [s0, above],
    [s1, above],
  ].map(([s, t]) => [e + ux * s! + vx * t!, f + uy * s! + vy * t!] as const);
  const xs = corners.map((p) => p[0]);
  const ys = corners.map((p) => p[1]);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
}

/** Index of the first match on or after `page` (wrapping), for "start from where I am". */
export function firstMatchFrom(matches: readonly FindMatch[], page: number): number {
  if (matches.length === 0) return -1;
  const i = matches.findIndex((m) => m.page >= page);
  return i < 0 ? 0 : i;
}
