/**
 * Live time for SLA views on the queue's one shared 1-second ticker (renderer/src/queue/ticker):
 * only mounted countdowns of panels that are on screen subscribe, so a tick re-renders those few
 * cells and nothing else; a panel scrolled away (or a hidden tab) stops ticking.
 */
import { createContext, useCallback, useContext, useEffect, useState, useSyncExternalStore } from 'react';
import { TickerContext } from '../queue/ticker';

/** False inside a panel that is off screen: its countdowns freeze instead of ticking. */
export const LiveContext = createContext(true);

const noSubscription = () => () => {};

/** The current second (server time) while the surrounding panel is live; frozen otherwise. */
export function useLiveNow(): number {
  const live = useContext(LiveContext);
  const ticker = useContext(TickerContext);
  return useSyncExternalStore(live ? ticker.subscribe : noSubscription, ticker.now, ticker.now);
}

/** The current minute while live: for aggregates that need not move every second. */
export function useLiveMinute(): number {
  const live = useContext(LiveContext);
  const ticker = useContext(TickerContext);
  const minute = () => Math.floor(ticker.now() / 60_000) * 60_000;
  return useSyncExternalStore(live ? ticker.subscribe : noSubscription, minute, minute);
}

/** Whether the element is (partly) in the viewport; true where IntersectionObserver is missing. */
export function useInView<T extends Element>(): [(element: T | null) => void, boolean] {
  const [visible, setVisible] = useState(true);
  const [element, setElement] = useState<T | null>(null);
  useEffect(() => {
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => setVisible(entries.some((e) => e.isIntersecting)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [useCallback((el: T | null) => setElement(el), []), visible];
}
