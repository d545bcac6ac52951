import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { createTicker } from './ticker';

describe('the shared ticker', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-12-01T17:30:00.250Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('runs one timer for every subscriber, on whole seconds, and only while someone listens', () => {
    const ticker = createTicker(() => Date.now());
    const a = vi.fn();
    const b = vi.fn();
    expect(vi.getTimerCount()).toBe(0);
    const offA = ticker.subscribe(a);
    const offB = ticker.subscribe(b);
    expect(vi.getTimerCount()).toBe(1);
    expect(ticker.now()).toBe(Date.parse('2026-12-01T17:30:00.000Z'));

    vi.advanceTimersByTime(760); // to 17:30:01.010, just past the whole second
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    expect(ticker.now()).toBe(Date.parse('2026-12-01T17:30:01.000Z'));

    vi.advanceTimersByTime(3000);
    expect(a).toHaveBeenCalledTimes(4);
    expect(ticker.now()).toBe(Date.parse('2026-12-01T17:30:04.000Z'));

    offA();
    vi.advanceTimersByTime(1000);
    expect(a).toHaveBeenCalledTimes(4);
    expect(b).toHaveBeenCalledTimes(5);
    offB();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives the same value to every reader within a tick, and fresh values while idle', () => {
    let t = 10_400;
    const ticker = createTicker(() => t);
    expect(ticker.now()).toBe(10_000);
    t = 11_900;
    expect(ticker.now()).toBe(11_000); // nobody listens: read afresh
    const off = ticker.subscribe(() => {});
    t = 11_999;
    expect(ticker.now()).toBe(11_000); // between ticks: stable
    off();
  });

  it('follows its clock (server time), not the device clock', () => {
    const offset = 42_000;
    const ticker = createTicker(() => Date.now() + offset);
    const off = ticker.subscribe(() => {});
    expect(ticker.now()).toBe(Date.parse('2026-12-01T17:30:42.000Z'));
    off();
  });
});
