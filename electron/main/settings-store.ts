/**
 * Machine-local preferences of the desktop shell (not secrets): the backend URL and the main
 * window's bounds. A small JSON file in userData, validated on read so a hand-edited or damaged
 * file falls back to defaults instead of breaking start-up.
 */
import { z } from 'zod';

import { backendUrlSchema } from '@shared/bridge-schema';

const boundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.output<typeof boundsSchema>;

const settingsSchema = z.object({
  backendUrl: backendUrlSchema.nullable().catch(null).default(null),
  window: boundsSchema.nullable().catch(null).default(null),
});
export type ShellSettings = z.output<typeof settingsSchema>;

export type SettingsFs = {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
};

export const DEFAULT_BACKEND_URL = 'http://127.0.0.1:8787';

export type SettingsStore = {
  read(): Promise<ShellSettings>;
  update(patch: Partial<ShellSettings>): Promise<ShellSettings>;
};

export function parseSettings(text: string): ShellSettings {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: defaults.
  }
  return { backendUrl: null, window: null };
}

export function createSettingsStore(file: string, fs: SettingsFs): SettingsStore {
  let cached: ShellSettings | null = null;
  // Writes are chained so two quick updates never interleave on disk.
  let writing: Promise<unknown> = Promise.resolve();
  const read = async () => {
    if (cached) return cached;
    try {
      cached = parseSettings(await fs.readFile(file, 'utf8'));
    } catch {
      cached = { backendUrl: null, window: null };
    }
    return cached;
  };
  return {
    read,
    async update(patch) {
      const next = { ...(await read()), ...patch };
      cached = next;
      writing = writing.then(async () => {
        const temp = `${file}.tmp`;
        await fs.writeFile(temp, JSON.stringify(next, null, 2), 'utf8');
        await fs.rename(temp, file);
      });
      await writing;
      return next;
    },
  };
}

/** Keeps remembered bounds only if they are still (mostly) on one of the current displays. */
export function visibleBounds(bounds: WindowBounds | null, displays: ReadonlyArray<{ x: number; y: number; width: number; height: number }>): WindowBounds | null {
  if (!bounds) return null;
  const visible = displays.some((d) => {
    const overlapX = Math.min(bounds.x + bounds.width, d.x + d.width) - Math.max(bounds.x, d.x);
    const overlapY = Math.min(bounds.y + bounds.height, d.y + d.height) - Math.max(bounds.y, d.y);
    return overlapX >= 100 && overlapY >= 100;
  });
  return visible ? bounds : null;
}
