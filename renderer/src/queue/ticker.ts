/**
 * One shared 1-second ticker for every live countdown. Only mounted subscribers (the countdown cells
 * of visible rows, a claim header) listen; with none, no timer runs. Ticks land on whole seconds of
 * the ticker's clock, so every countdown on screen changes in the same frame.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';

import { serverTimeNow } from '../data/workstation';

export type Ticker = {
  subscribe(listener: () => void): () => void;
  /** The time of the last tick, floored to the period (stable between ticks, as useSyncExternalStore requires). */
  now(): number;
};

export function createTicker(clock: () => number, periodMs = 1000): Ticker {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const read = () => Math.floor(clock() / periodMs) * periodMs;
  let current = read();

  const schedule = () => {
    const t = clock();
    timer = setTimeout(tick, periodMs - (((t % periodMs) + periodMs) % periodMs) + 1);
  };
  const tick = () => {
    current = read();
    for (const listener of [...listeners]) listener();
    if (listeners.size > 0) schedule();
    else timer = null;
  };

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (timer === null) {
        current = read();
        schedule();
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && timer !== null) {
          clearTimeout(timer);
          timer = null;
        }
      };
    },
    // Between ticks the same value; while nobody listens, read afresh (floored, so repeated reads
    // within one period agree).
    now: () => (timer === null ? (current = read()) : current),
  };
}

/** Server time (device clock corrected by the sync engine's offset estimate). */
export const serverTicker: Ticker = createTicker(serverTimeNow);

export const TickerContext = createContext<Ticker>(serverTicker);

/** The current tick; re-renders the caller once per second. */
export function useTickerNow(): number {
  const ticker = useContext(TickerContext);
  return useSyncExternalStore(ticker.subscribe, ticker.now, ticker.now);
}

/** The current tick floored to `stepMs`; re-renders the caller only when that value changes. */
export function useTickerStep(stepMs: number): number {
  const ticker = useContext(TickerContext);
  const snapshot = () => Math.floor(ticker.now() / stepMs) * stepMs;
  return useSyncExternalStore(ticker.subscribe, snapshot, snapshot);
}
