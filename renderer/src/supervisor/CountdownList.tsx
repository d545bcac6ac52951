/**
 * A virtualized list of SLA clocks ordered by time left: each row a link that opens the claim
 * (click or Enter), with a live countdown of business time left, the level as text and colour, and
 * the due instant in the reader's time and in the SLA calendar's zone. Arrow keys, Page Up/Down,
 * Home and End move between rows (one tab stop per list); only the rows in view are in the DOM and
 * only their countdown cells re-render on a tick.
 */
import { memo, useContext, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer, defaultRangeExtractor, type Range } from '@tanstack/react-virtual';
import type { Calendar } from '@shared/index';
import { hrefOf } from '../app/route';
import { t } from '../i18n';
import { LiveContext, useLiveNow } from '../sla/live';
import { levelAt, remainingAt, type SlaEntry } from '../sla/model';
import { Badge } from '../ui/Badge';
import { formatCountdown, formatInZone, formatLocal } from '../ui/format';

export const ROW_HEIGHT = 60;
const LEVEL_TONE = { on_track: 'success', at_risk: 'warning', breached: 'danger' } as const;

type Props = {
  label: string;
  entries: readonly SlaEntry[];
  calendar: Calendar;
  /** Show which clock each row is (lists that mix clocks). */
  showClock?: boolean;
  /** Visible rows before the list scrolls. */
  rows?: number;
};

export function CountdownList({ label, entries, calendar, showClock = false, rows = 6 }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const live = useContext(LiveContext);
  const [active, setActive] = useState(0);
  const activeIndex = Math.min(active, Math.max(0, entries.length - 1));
  const focusAfterRender = useRef(false);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; its results are not memoized
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
    // The row holding the tab stop stays in the DOM even when scrolled away.
    rangeExtractor: (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      return indexes.includes(activeIndex) || entries.length === 0 ? indexes : [...indexes, activeIndex].sort((a, b) => a - b);
    },
    initialRect: { width: 600, height: rows * ROW_HEIGHT },
  });

  useEffect(() => {
    if (!focusAfterRender.current) return;
    focusAfterRender.current = false;
    scrollRef.current?.querySelector<HTMLAnchorElement>(`[data-index="${activeIndex}"] a`)?.focus();
  }, [activeIndex]);

  const move = (to: number) => {
    const next = Math.max(0, Math.min(entries.length - 1, to));
    focusAfterRender.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, rows - 1);
    const keys: Record<string, () => number> = {
      ArrowDown: () => activeIndex + 1,
      ArrowUp: () => activeIndex - 1,
      PageDown: () => activeIndex + page,
      PageUp: () => activeIndex - page,
      Home: () => 0,
      End: () => entries.length - 1,
    };
    const target = keys[e.key];
    if (!target || entries.length === 0) return;
    e.preventDefault();
    move(target());
  };

  // Only rows in the scrollport tick; the overscan rows above and below wait until scrolled in.
  const visible = virtualizer.range;

  if (entries.length === 0) return <p className="sla-empty">{t('sla.emptyList')}</p>;
  return (
    <div ref={scrollRef} className="sla-list" style={{ height: Math.min(entries.length, rows) * ROW_HEIGHT + 2 }} onKeyDown={onKeyDown}>
      <div role="list" aria-label={label} style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            role="listitem"
            aria-setsize={entries.length}
            aria-posinset={item.index + 1}
            data-index={item.index}
            className="sla-row"
            style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
          >
            <LiveContext.Provider value={live && visible !== null && item.index >= visible.startIndex && item.index <= visible.endIndex}>
              <CountdownRow entry={entries[item.index]!} calendar={calendar} showClock={showClock} tabStop={item.index === activeIndex} onFocus={() => setActive(item.index)} />
            </LiveContext.Provider>
          </div>
        ))}
      </div>
    </div>
  );
}

type RowProps = { entry: SlaEntry; calendar: Calendar; showClock: boolean; tabStop: boolean; onFocus(): void };

/** The static part of a row: rendered again only when the row changes, not on ticks. */
const CountdownRow = memo(function CountdownRow({ entry, calendar, showClock, tabStop, onFocus }: RowProps) {
  const claim = entry.owner.claim;
  return (
    <a href={hrefOf({ screen: 'claim', claimId: claim.id })} className="sla-row__link" tabIndex={tabStop ? 0 : -1} onFocus={onFocus}>
      <span className="sla-row__line">
        <strong>{claim.id}</strong>
        {showClock && <span className="sla-row__clock">{t(`clock.${entry.clock}`)}</span>}
        <span className="sla-row__partner">{claim.partner.name}</span>
        <span className="muted">{claim.assignee ?? t('sla.unassigned')}</span>
      </span>
      <span className="sla-row__line">
        <LiveCountdown entry={entry} calendar={calendar} />
        <DueText entry={entry} calendar={calendar} />
      </span>
    </a>
  );
});

/** Level and business time left; the only part of a row that changes every second. */
function LiveCountdown({ entry, calendar }: { entry: SlaEntry; calendar: Calendar }) {
  const now = useLiveNow();
  const level = levelAt(entry, now);
  const left = remainingAt(entry, now, calendar);
  const time = formatCountdown(left);
  return (
    <span className={`sla-countdown sla-countdown--${level}`}>
      <Badge tone={LEVEL_TONE[level]}>{t(`level.${level}`)}</Badge>{' '}
      <span className="sla-countdown__time">{entry.paused ? t('sla.pausedLeft', { time }) : left > 0 ? t('sla.businessLeft', { time }) : t('sla.businessOver', { time })}</span>
    </span>
  );
}

function DueText({ entry, calendar }: { entry: SlaEntry; calendar: Calendar }) {
  if (entry.paused) return <span className="muted">{t('sla.paused')}</span>;
  return <span className="muted">{t('sla.due', { local: formatLocal(entry.dueMs), zoned: formatInZone(entry.dueMs, calendar.timeZone) })}</span>;
}
