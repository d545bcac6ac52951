/**
 * When to sync: right after every local action, when the server pokes (SSE), when the browser
 * says it is back online, and otherwise on a timer — backing off exponentially with jitter while
 * the server cannot be reached, so a fleet of laptops coming back online does not stampede it.
 */
import { isQuotaError } from '../offline/quotaError';
import { syncOnce, type EngineContext, type SyncResult } from './engine';
import { TransportError, type TransportFailure } from './transport';

export type SyncStatus = {
  /** `storage_full`: the device had no room to write what the server sent; retried with backoff. */
  state: 'idle' | 'syncing' | 'offline' | 'signed_out' | 'error' | 'storage_full';
  /** Server time of the last successful sync. */
  lastSyncAt: string | null;
  lastError: string | null;
  /** When the next attempt is planned (device clock, ms). */
  nextAttemptAt: number | null;
  lastResult: SyncResult | null;
};

export type LoopOptions = {
  /** Poll interval when healthy; pokes make sync immediate, this is the safety net. */
  idleIntervalMs?: number;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /**
   * A sync could not write what it received for lack of space on the device: make room (the
   * document cache stops and gives back the space it held); the sync is then tried again at once.
   */
  onStorageFull?: () => Promise<void>;
};

export function backoffDelay(attempt: number, min: number, max: number, random: () => number): number {
  // "Full jitter": uniformly random up to the exponential cap.
  const cap = Math.min(max, min * 2 ** Math.max(0, attempt - 1));
  return Math.max(min, Math.round(cap * random()));
}

export class SyncLoop {
  private status: SyncStatus = { state: 'idle', lastSyncAt: null, lastError: null, nextAttemptAt: null, lastResult: null };
  private listeners = new Set<(status: SyncStatus) => void>();
  private timer: unknown = null;
  private failures = 0;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly opts: Required<Omit<LoopOptions, 'onStorageFull'>>;
  private readonly onStorageFull: (() => Promise<void>) | undefined;

  constructor(
    private readonly ctx: EngineContext,
    options: LoopOptions = {},
  ) {
    this.opts = {
      idleIntervalMs: options.idleIntervalMs ?? 60_000,
      minBackoffMs: options.minBackoffMs ?? 1_000,
      maxBackoffMs: options.maxBackoffMs ?? 60_000,
      random: options.random ?? Math.random,
      setTimer: options.setTimer ?? ((fn, ms) => setTimeout(fn, ms)),
      clearTimer: options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>)),
    };
    this.onStorageFull = options.onStorageFull;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  getStatus(): SyncStatus {
    return this.status;
  }

  /** Sync as soon as possible; calls during a sync schedule exactly one more. */
  trigger(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.opts.clearTimer(this.timer);
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.trigger();
      }
    });
    return this.running;
  }

  stop(): void {
    this.stopped = true;
    this.opts.clearTimer(this.timer);
  }

  private async run(): Promise<void> {
    this.update({ state: 'syncing' });
    try {
      const result = await this.syncMakingRoom();
      this.failures = 0;
      const lastSyncAt = new Date(this.ctx.deviceNow()).toISOString();
      this.schedule(this.opts.idleIntervalMs, { state: 'idle', lastError: null, lastResult: result, lastSyncAt });
    } catch (error) {
      const failure: TransportFailure = error instanceof TransportError ? error.failure : 'unavailable';
      const message = error instanceof Error ? error.message : String(error);
      if (failure === 'unauthorized') {
        // Nothing to retry until the reviewer signs in again; local work stays in the outbox.
        this.update({ state: 'signed_out', lastError: message, nextAttemptAt: null });
        return;
      }
      this.failures++;
      const delay = backoffDelay(this.failures, this.opts.minBackoffMs, this.opts.maxBackoffMs, this.opts.random);
      const state = isQuotaError(error) ? 'storage_full' : failure === 'offline' ? 'offline' : 'error';
      this.schedule(delay, { state, lastError: message });
    }
  }

  /** One sync; if the device is out of space, room is made and it is tried once more. */
  private async syncMakingRoom(): Promise<SyncResult> {
    try {
      return await syncOnce(this.ctx);
    } catch (error) {
      if (!isQuotaError(error) || !this.onStorageFull) throw error;
      await this.onStorageFull();
      return syncOnce(this.ctx);
    }
  }

  private schedule(ms: number, patch: Partial<SyncStatus>): void {
    if (this.stopped) return;
    this.timer = this.opts.setTimer(() => void this.trigger(), ms);
    this.update({ ...patch, nextAttemptAt: this.ctx.deviceNow() + ms });
  }

  private update(patch: Partial<SyncStatus>): void {
    this.status = { ...this.status, ...patch };
    for (const listener of this.listeners) listener(this.status);
  }
}
