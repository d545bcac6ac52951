/**
 * "Breaches ahead": what breaches in the rest of today, by the end of the next business day and
 * this week (lists of claims), breaches per business day for the next 10 business days, the
 * distribution of business time left, and breaches per week from history. Figures follow the clock
 * by the minute (binary searches over the snapshot); history is derived once per claim.
 */
import { useMemo } from 'react';
import type { Calendar, Claim } from '@shared/index';
import { t } from '../i18n';
import { useLiveMinute } from '../sla/live';
import { SLA_CLOCKS, type SlaEntry, type SlaSettings } from '../sla/model';
import { formatDay } from '../ui/format';
import { Chart } from './Chart';
import { CountdownList } from './CountdownList';
import { breachesAhead, forecastByBusinessDay, remainingDistribution, type PerClock } from './forecast';
import { useClaims } from '../data/claimsStore';
import type { SlaScope } from '../sla/useSla';
import { BreachHistory, breachesOf, weeklyBreaches, weeklyFromItems, type Breach } from './history';

const CLOCK_COLORS: Record<(typeof SLA_CLOCKS)[number], string> = {
  pickup: '#1f6feb',
  review: '#8250df',
  partnerResponse: '#9a6700',
  overall: '#0f7b3f',
  disputeReview: '#cf222e',
};
const TOTAL_COLOR = '#b3261e';

type Props = {
  byDue: PerClock<readonly SlaEntry[]>;
  allByDue: readonly SlaEntry[];
  settings: SlaSettings;
  /** The claims store's map and the screen's scope and search, for the history of breaches. */
  claims: ReadonlyMap<string, Claim>;
  scope: SlaScope;
  match: ((claim: Claim) => boolean) | null;
};

export function BreachesAhead({ byDue, allByDue, settings, claims, scope, match }: Props) {
  const minute = useLiveMinute();
  const { calendar } = settings;
  const ahead = useMemo(() => breachesAhead(allByDue, calendar, minute), [allByDue, calendar, minute]);
  const forecast = useMemo(() => forecastByBusinessDay(byDue, calendar, minute, 10), [byDue, calendar, minute]);
  const distribution = useMemo(() => remainingDistribution(byDue, calendar, minute), [byDue, calendar, minute]);
  const weeks = useWeeklyBreaches(claims, scope, match, settings, minute);

  const busiest = forecast.reduce((best, d) => (d.total > (best?.total ?? -1) ? d : best), forecast[0]);
  const forecastTotal = forecast.reduce((n, d) => n + d.total, 0);
  const breachedNow = distribution[0]?.total ?? 0;
  const weeksTotal = weeks.reduce((n, w) => n + w.total, 0);
  const bucketLabel = (from: number, to: number) =>
    from === Number.NEGATIVE_INFINITY
      ? t('level.breached')
      : to === Number.POSITIVE_INFINITY
        ? t('sla.bucketMore', { from })
        : t('sla.bucket', { from, to });

  return (
    <div className="sla-ahead">
      <div className="sla-ahead__lists">
        <AheadList title={t('sla.aheadToday', { count: ahead.today.length })} entries={ahead.today} calendar={calendar} />
        <AheadList
          title={t('sla.aheadNextDay', { day: formatDay(ahead.marks.nextBusinessDay.date), count: ahead.nextBusinessDay.length })}
          entries={ahead.nextBusinessDay}
          calendar={calendar}
        />
        <AheadList title={t('sla.aheadWeek', { count: ahead.thisWeek.length })} entries={ahead.thisWeek} calendar={calendar} />
      </div>
      <p className="muted">{t('sla.aheadZone', { zone: calendar.timeZone })}</p>
      <div className="sla-charts">
        <Chart
          title={t('sla.forecastTitle')}
          summary={
            busiest && busiest.total > 0
              ? t('sla.forecastSummary', { total: forecastTotal, day: formatDay(busiest.date), count: busiest.total })
              : t('sla.forecastNone')
          }
          labels={forecast.map((d) => formatDay(d.date))}
          series={[{ label: t('sla.seriesBreaches'), values: forecast.map((d) => d.total), color: TOTAL_COLOR }]}
          kind="bars"
          labelHeader={t('sla.columnDay')}
        />
        <Chart
          title={t('sla.distributionTitle')}
          summary={t('sla.distributionSummary', { running: allByDue.length, breached: breachedNow, soon: (distribution[1]?.total ?? 0) + (distribution[2]?.total ?? 0) })}
          labels={distribution.map((b) => bucketLabel(b.from, b.to))}
          series={[{ label: t('sla.seriesClocks'), values: distribution.map((b) => b.total), color: '#1f6feb' }]}
          kind="bars"
          labelHeader={t('sla.columnLeft')}
        />
        <Chart
          title={t('sla.trendTitle')}
          summary={t('sla.trendSummary', { weeks: weeks.length, total: weeksTotal, last: weeks[weeks.length - 1]?.total ?? 0 })}
          labels={weeks.map((w) => formatDay(w.weekStart))}
          series={[{ label: t('sla.seriesBreaches'), values: weeks.map((w) => w.total), color: TOTAL_COLOR }, ...perClockSeries(weeks.map((w) => w.byClock))]}
          kind="lines"
          labelHeader={t('sla.columnWeek')}
        />
      </div>
    </div>
  );
}

function perClockSeries(rows: readonly PerClock<number>[]) {
  return SLA_CLOCKS.map((clock) => ({ label: t(`clock.${clock}`), values: rows.map((r) => r[clock]), color: CLOCK_COLORS[clock] }));
}

function AheadList({ title, entries, calendar }: { title: string; entries: readonly SlaEntry[]; calendar: Calendar }) {
  return (
    <section className="sla-ahead__list" aria-label={title}>
      <h3>{title}</h3>
      <CountdownList label={title} entries={entries} calendar={calendar} showClock rows={4} />
    </section>
  );
}

/** Breach instants per claim, derived once per claim object and settings. */
const historyCaches = new Map<string, (claim: Claim) => readonly Breach[]>();
let sharedHistory: { key: string; history: BreachHistory } | null = null;

function breachesFor(settings: SlaSettings): { key: string; breaches: (claim: Claim) => readonly Breach[] } {
  const key = JSON.stringify([settings.calendar, settings.policy]);
  let breaches = historyCaches.get(key);
  if (!breaches) {
    const cache = new WeakMap<Claim, readonly Breach[]>();
    breaches = (claim: Claim) => {
      let list = cache.get(claim);
      if (!list) cache.set(claim, (list = breachesOf(claim, settings)));
      return list;
    };
    historyCaches.clear();
    historyCaches.set(key, breaches);
  }
  return { key, breaches };
}

/** One history index per scope and settings, kept across visits of the tab. */
function sharedBreachHistory(key: string, breaches: (claim: Claim) => readonly Breach[], scope: SlaScope): BreachHistory {
  if (sharedHistory?.key !== key) sharedHistory = { key, history: new BreachHistory(breaches, scope.inScope) };
  return sharedHistory.history;
}

/**
 * Breaches per week for the last 8 weeks. Unfiltered, from the history index kept up to date with
 * the claims store's delta (a sync re-reads only the changed claims); with a search or reviewer
 * filter, by reading the filtered claims.
 */
function useWeeklyBreaches(claims: ReadonlyMap<string, Claim>, scope: SlaScope, match: ((claim: Claim) => boolean) | null, settings: SlaSettings, minute: number) {
  const revision = useClaims((s) => s.revision);
  const changed = useClaims((s) => s.changed);
  const { key, breaches } = breachesFor(settings);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not by object identity
  const history = useMemo(() => sharedBreachHistory(`${scope.key}|${key}`, breaches, scope), [scope.key, key]);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `revision` and `changed` change with `claims`
  const perClock = useMemo(() => (match ? null : history.update(claims, { revision, changed })), [history, claims, match]);
  const hour = Math.floor(minute / 3_600_000);
  const { calendar } = settings;
  return useMemo(
    () => {
      if (perClock) return weeklyFromItems(perClock, calendar, minute, 8);
      const filtered = [...claims.values()].filter((c) => scope.inScope(c) && match!(c));
      return weeklyBreaches(filtered, breaches, calendar, minute, 8);
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- weeks move by the hour, not the minute
    [perClock, claims, scope, match, breaches, calendar, hour],
  );
}
