import { describe, expect, it } from 'vitest';

import { createSettingsStore, parseSettings, visibleBounds, type SettingsFs } from './settings-store';

function memoryFs(initial?: string) {
  const files = new Map<string, string>(initial === undefined ? [] : [['/u/settings.json', initial]]);
  const fs: SettingsFs = {
    readFile: async (p) => {
      const text = files.get(p);
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    writeFile: async (p, data) => void files.set(p, data),
    rename: async (from, to) => {
      files.set(to, files.get(from)!);
      files.delete(from);
    },
  };
  return { files, fs };
}

describe('shell settings', () => {
  it('defaults when the file is missing, damaged or hand-edited badly', () => {
    expect(parseSettings('not json')).toEqual({ backendUrl: null, window: null });
    expect(parseSettings('{"backendUrl":"javascript:alert(1)","window":{"x":"a"}}')).toEqual({ backendUrl: null, window: null });
  });

  it('stores the backend URL and window bounds atomically', async () => {
    const { files, fs } = memoryFs();
    const store = createSettingsStore('/u/settings.json', fs);
    expect(await store.read()).toEqual({ backendUrl: null, window: null });
    await store.update({ backendUrl: 'https://sync.example.com' });
    await store.update({ window: { x: 10, y: 20, width: 1200, height: 800, maximized: false } });
    expect([...files.keys()]).toEqual(['/u/settings.json']);
    const reread = createSettingsStore('/u/settings.json', fs);
    expect(await reread.read()).toEqual({
      backendUrl: 'https://sync.example.com',
      window: { x: 10, y: 20, width: 1200, height: 800, maximized: false },
    });
  });

  it('forgets window bounds that are no longer on any display', () => {
    const bounds = { x: 3000, y: 0, width: 1000, height: 700, maximized: false };
    expect(visibleBounds(bounds, [{ x: 0, y: 0, width: 1920, height: 1080 }])).toBeNull();
    expect(visibleBounds(bounds, [{ x: 0, y: 0, width: 1920, height: 1080 }, { x: 1920, y: 0, width: 2560, height: 1440 }])).toEqual(bounds);
    expect(visibleBounds(null, [])).toBeNull();
  });
});
