import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, type PullResponse } from '@shared/index';
import { openWorkstationDb } from '../store/db';
import type { EngineContext } from './engine';
import { backoffDelay, SyncLoop, type SyncStatus } from './loop';
import { readEvents } from './poke';
import { TransportError, type SyncTransport } from './transport';

const emptyPull = (cursor = 0): PullResponse => ({
  claims: [],
  cursor,
  more: false,
  lastMutationId: 0,
  outcomes: [],
  serverTime: '2026-11-02T17:00:00.000Z',
  settings: { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY },
});

function context(transport: SyncTransport, name: string): EngineContext {
  return {
    db: openWorkstationDb(name),
    transport,
    actor: { id: 'reviewer-1', role: 'reviewer' },
    deviceNow: () => Date.parse('2026-11-02T17:00:00.000Z'),
    defaults: { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY },
    newClientId: () => `client-${name}`,
  };
}

/** Timers the test fires by hand, so backoff can be observed without waiting. */
function manualTimers() {
  const timers: { fn: () => void; ms: number }[] = [];
  return {
    timers,
    setTimer: (fn: () => void, ms: number) => timers.push({ fn, ms }),
    clearTimer: () => undefined,
  };
}

describe('backoff', () => {
  it('grows exponentially with full jitter and stays within bounds', () => {
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(20, 1000, 60_000, () => 1)).toBe(60_000);
    expect(backoffDelay(5, 1000, 60_000, () => 0)).toBe(1000);
    expect(backoffDelay(5, 1000, 60_000, () => 0.5)).toBe(8000);
  });
});

describe('SyncLoop', () => {
  it('backs off while offline, recovers, and reports each state', async () => {
    let online = false;
    const transport: SyncTransport = {
      push: async () => ({ outcomes: [], lastMutationId: 0 }),
      pull: async () => {
        if (!online) throw new TransportError('offline', 'The server cannot be reached.');
        return emptyPull(7);
      },
    };
    const timers = manualTimers();
    const loop = new SyncLoop(context(transport, 'loop-offline'), { random: () => 1, ...timers });
    const states: SyncStatus['state'][] = [];
    loop.subscribe((s) => states.push(s.state));
    await loop.trigger();
    await loop.trigger();
    expect(timers.timers.map((t) => t.ms)).toEqual([1000, 2000]);
    expect(loop.getStatus()).toMatchObject({ state: 'offline', lastError: 'The server cannot be reached.' });
    online = true;
    await loop.trigger();
    expect(loop.getStatus()).toMatchObject({ state: 'idle', lastError: null, lastResult: { cursor: 7 } });
    expect(timers.timers.at(-1)!.ms).toBe(60_000);
    expect(states).toContain('syncing');
    loop.stop();
  });

  it('stops retrying when signed out, keeping the outbox', async () => {
    const transport: SyncTransport = {
      push: async () => ({ outcomes: [], lastMutationId: 0 }),
      pull: async () => {
        throw new TransportError('unauthorized', 'Sign in first.', 401);
      },
    };
    const timers = manualTimers();
    const loop = new SyncLoop(context(transport, 'loop-signed-out'), timers);
    await loop.trigger();
    expect(loop.getStatus().state).toBe('signed_out');
    expect(timers.timers).toHaveLength(0);
  });

  describe('a device out of space', () => {
    /** A database whose writes fail as a full disk's do (QuotaExceededError) while `disk.full`. */
    function fullDisk(name: string) {
      const disk = { full: true, refusals: 0 };
      const transport: SyncTransport = { push: async () => ({ outcomes: [], lastMutationId: 0 }), pull: async () => emptyPull(3) };
      const ctx = context(transport, name);
      ctx.db.use({
        stack: 'dbcore',
        name: 'fullDisk',
        create: (down) => ({
          ...down,
          table: (table) => {
            const t = down.table(table);
            return {
              ...t,
              mutate: async (req) => {
                if (disk.full && req.type !== 'delete') {
                  disk.refusals++;
                  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
                }
                return t.mutate(req);
              },
            };
          },
        }),
      });
      return { disk, ctx };
    }

    it('makes room (the document cache gives its reserve back) and syncs at once', async () => {
      const { disk, ctx } = fullDisk('loop-full-room');
      let asked = 0;
      const loop = new SyncLoop(ctx, {
        ...manualTimers(),
        onStorageFull: async () => {
          asked++;
          disk.full = false;
        },
      });
      await loop.trigger();
      expect(asked).toBe(1);
      expect(disk.refusals).toBeGreaterThan(0);
      expect(loop.getStatus()).toMatchObject({ state: 'idle', lastError: null, lastResult: { cursor: 3 } });
      loop.stop();
    });

    it('says the device is full (not a server error) and retries with backoff when no room can be made', async () => {
      const { ctx } = fullDisk('loop-full-none');
      const timers = manualTimers();
      let asked = 0;
      const loop = new SyncLoop(ctx, { random: () => 1, ...timers, onStorageFull: async () => void asked++ });
      await loop.trigger();
      expect(asked).toBe(1);
      expect(loop.getStatus()).toMatchObject({ state: 'storage_full' });
      expect(timers.timers.map((t) => t.ms)).toEqual([1000]);
      loop.stop();
    });
  });

  it('coalesces triggers during a sync into one more run', async () => {
    let pulls = 0;
    let release: () => void = () => undefined;
    const transport: SyncTransport = {
      push: async () => ({ outcomes: [], lastMutationId: 0 }),
      pull: async () => {
        pulls++;
        if (pulls === 1) await new Promise<void>((r) => (release = r));
        return emptyPull();
      },
    };
    const loop = new SyncLoop(context(transport, 'loop-coalesce'), manualTimers());
    const first = loop.trigger();
    await new Promise((r) => setTimeout(r, 20));
    void loop.trigger();
    void loop.trigger();
    release();
    await first;
    await new Promise((r) => setTimeout(r, 50));
    expect(pulls).toBe(2);
    loop.stop();
  });
});

describe('readEvents', () => {
  it('parses server-sent events split across chunks', async () => {
    const chunks = ['retry: 3000\nevent: hel', 'lo\ndata: {}\n\n: keep-alive\n\nevent: poke\ndata: 42\n', '\n'];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const c of chunks) controller.enqueue(new TextEncoder().encode(c));
        controller.close();
      },
    });
    const events: [string, string][] = [];
    await readEvents(body, (name, data) => events.push([name, data]));
    expect(events).toEqual([
      ['hello', '{}'],
      ['poke', '42'],
    ]);
  });
});
