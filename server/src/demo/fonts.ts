/**
 * The Japanese font for demo PoE: a subset of Noto Sans CJK JP (SIL Open Font License 1.1) shipped in
 * resources/fonts/, so every machine draws identical glyphs without a system font package.
 * resources/fonts/README.md says how it is rebuilt when demo texts gain new characters.
 */
import { readFileSync } from 'node:fs';

export const JAPANESE_FONT_FILE = 'PoEDemoSansJP-Regular.ttf';

const FONT_URL = new URL(`../../../resources/fonts/${JAPANESE_FONT_FILE}`, import.meta.url);

let cached: Uint8Array | null = null;

export function japaneseFontBytes(): Uint8Array {
  cached ??= new Uint8Array(readFileSync(FONT_URL));
  return cached;
}
