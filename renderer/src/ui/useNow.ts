/**
 * One shared 1-second ticker for every countdown on screen (not one interval per clock). It runs
 * only while something subscribes, and reports server time (device clock + measured offset).
 */
import { useSyncExternalStore } from 'react';
import { serverTimeNow } from '../data/workstation';

const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;
let now = serverTimeNow();

function tick(): void {
  now = serverTimeNow();
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === null) {
    now = serverTimeNow();
    // Aligned to whole seconds so every countdown changes together.
    timer = setInterval(tick, 1000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== null) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Server time in epoch ms, updated once a second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
