/**
 * "Breaches ahead": what breaches in the rest of today, by the end of the next business day and
 * this week (lists of claims), breaches per business day for the next 10 business days, the
 * distribution of business time left, and breaches per week from history. Figures follow the clock
 * by the minute (binary searches over the snapshot); history is derived once per claim.
 */
import { useDeferredValue, useMemo } from 'react';
import type { Calendar, Claim } from '@shared/index';
import { t } from '../i18n';
import { useLiveMinute } from '../sla/live';
import { SLA_CLOCKS, type SlaEntry, type SlaSettings } from '../sla/model';
import { formatDay } from '../ui/format';
import { Chart } from './Chart';
import { CountdownList } from './CountdownList';
import { breachesAhead, forecastByBusinessDay, remainingDistribution, type PerClock } from './forecast';
import { breachesOf, weeklyBreaches, type Breach } from './history';

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
  /** Claims in scope and filter, for the history of breaches. */
  claims: Iterable<Claim>;
};

export function BreachesAhead({ byDue, allByDue, settings, claims }: Props) {
  const minute = useLiveMinute();
  const { calendar } = settings;
  const ahead = useMemo(() => breachesAhead(allByDue, calendar, minute), [allByDue, calendar, minute]);
  const forecast = useMemo(() => forecastByBusinessDay(byDue, calendar, minute, 10), [byDue, calendar, minute]);
  const distribution = useMemo(() => remainingDistribution(byDue, calendar, minute), [byDue, calendar, minute]);
  // The weekly history reads every claim: a sync updates the lists and charts above first, the
  // history in a deferred render right after.
  const historyClaims = useDeferredValue(claims);
  const history = useBreachHistory(historyClaims, settings);
  const hour = Math.floor(minute / 3_600_000);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- weeks move by the hour, not the minute
  const weeks = useMemo(() => weeklyBreaches(historyClaims, history, calendar, minute, 8), [historyClaims, history, calendar, hour]);

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
const historyCaches = new Map<string, WeakMap<Claim, readonly Breach[]>>();

function useBreachHistory(claims: Iterable<Claim>, settings: SlaSettings): (claim: Claim) => readonly Breach[] {
  return useMemo(() => {
    const key = JSON.stringify([settings.calendar, settings.policy]);
    let cache = historyCaches.get(key);
    if (!cache) {
      historyCaches.clear();
      historyCaches.set(key, (cache = new WeakMap()));
    }
    const store = cache;
    return (claim: Claim) => {
      let breaches = store.get(claim);
      if (!breaches) store.set(claim, (breaches = breachesOf(claim, settings)));
      return breaches;
    };
    // `claims` changes after a sync; the function stays valid for every claim object.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by settings content
  }, [settings.calendar, settings.policy, claims]);
}
