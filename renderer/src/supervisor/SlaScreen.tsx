/**
 * The SLA screen: countdown panels per clock, breaches ahead with charts, and (supervisors) the
 * workload per reviewer with reassignment. Supervisors see every claim, reviewers the claims
 * assigned to them. Everything is computed here from the synced claims (the workstation works
 * offline) with the shared `clocks`; a tick re-renders only the countdowns of panels in view.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Claim } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { notificationPermission, requestNotificationPermission } from '../bridge';
import { useClaims } from '../data/claimsStore';
import { t } from '../i18n';
import { LiveContext, useInView, useLiveNow } from '../sla/live';
import { SLA_CLOCKS, type SlaClock, type SlaEntry } from '../sla/model';
import { setQuietMode, useRecentAlerts, useSlaPrefs } from '../sla/prefs';
import { breachedClaimCount, levelCounts, type SlaSnapshot } from '../sla/slaIndex';
import { countAtOrBefore } from '../sla/sorted';
import { scopeFor, useSlaSnapshot } from '../sla/useSla';
import { formatInZone, formatTime } from '../ui/format';
import { BreachesAhead } from './BreachesAhead';
import { CountdownList } from './CountdownList';
import type { PerClock } from './forecast';
import { WorkloadView } from './WorkloadView';
import './supervisor.css';

type Tab = 'countdowns' | 'ahead' | 'workload';

/** Filtered views of the snapshot's ordered entries (the snapshot's own arrays when no filter applies). */
type View = { byDue: PerClock<readonly SlaEntry[]>; paused: PerClock<readonly SlaEntry[]>; allByDue: readonly SlaEntry[] };

function matcher(query: string, reviewer: string | null | undefined): ((claim: Claim) => boolean) | null {
  const q = query.trim().toLowerCase();
  if (q === '' && reviewer === undefined) return null;
  return (claim) =>
    (reviewer === undefined || claim.assignee === reviewer) &&
    (q === '' || claim.id.toLowerCase().includes(q) || claim.partner.name.toLowerCase().includes(q) || claim.customer.name.toLowerCase().includes(q));
}

function viewOf(snapshot: SlaSnapshot, match: ((claim: Claim) => boolean) | null): View {
  if (!match) return { byDue: snapshot.byDue, paused: snapshot.paused, allByDue: snapshot.allByDue };
  const keep = (xs: readonly SlaEntry[]) => xs.filter((e) => match(e.owner.claim));
  const per = (source: PerClock<readonly SlaEntry[]>) => {
    const out = {} as Record<SlaClock, readonly SlaEntry[]>;
    for (const c of SLA_CLOCKS) out[c] = keep(source[c]);
    return out;
  };
  return { byDue: per(snapshot.byDue), paused: per(snapshot.paused), allByDue: keep(snapshot.allByDue) };
}

export function SlaScreen() {
  const { session } = useWorkstation();
  const { id, role } = session.user;
  const supervisor = role === 'supervisor';
  const scope = useMemo(() => scopeFor({ id, role }), [id, role]);
  const { index, snapshot } = useSlaSnapshot(scope);
  const claims = useClaims((s) => s.claims);
  const [tab, setTab] = useState<Tab>('countdowns');
  const [query, setQuery] = useState('');
  const [reviewer, setReviewer] = useState<string | null | undefined>(undefined);
  const match = useMemo(() => matcher(query, reviewer), [query, reviewer]);
  const view = useMemo(() => (snapshot ? viewOf(snapshot, match) : null), [snapshot, match]);
  const reviewers = supervisor && snapshot ? snapshot.assignees : [];
  const tabs: Tab[] = supervisor ? ['countdowns', 'ahead', 'workload'] : ['countdowns', 'ahead'];
  const baseId = useId();

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = tabs.indexOf(tab);
    const next = e.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : e.key === 'ArrowLeft' ? tabs[(i + tabs.length - 1) % tabs.length] : e.key === 'Home' ? tabs[0] : e.key === 'End' ? tabs[tabs.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    document.getElementById(`${baseId}-tab-${next}`)?.focus();
  };

  return (
    <div className="sla-screen">
      <div className="sla-screen__head">
        <h1>{supervisor ? t('sla.headingSupervisor') : t('sla.headingReviewer')}</h1>
        {snapshot && <Summary snapshot={snapshot} />}
      </div>
      <NotificationControls />
      <div className="sla-filters" role="search" aria-label={t('sla.filters')}>
        <label>
          <span>{t('sla.search')}</span> <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('sla.searchPlaceholder')} />
        </label>
        {supervisor && (
          <label>
            <span>{t('sla.reviewerFilter')}</span>{' '}
            <select value={reviewer === undefined ? '*' : (reviewer ?? '')} onChange={(e) => setReviewer(e.target.value === '*' ? undefined : e.target.value === '' ? null : e.target.value)}>
              <option value="*">{t('sla.anyReviewer')}</option>
              <option value="">{t('sla.unassigned')}</option>
              {reviewers.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div role="tablist" aria-label={t('sla.views')} className="sla-tabs" onKeyDown={onTabKey}>
        {tabs.map((name) => (
          <button
            key={name}
            id={`${baseId}-tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`${baseId}-panel`}
            tabIndex={tab === name ? 0 : -1}
            className="sla-tab"
            onClick={() => setTab(name)}
          >
            {t(`sla.tab.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${baseId}-panel`} aria-labelledby={`${baseId}-tab-${tab}`} className="sla-tabpanel">
        {!snapshot || !view ? (
          <p role="status">{t('sla.loading')}</p>
        ) : tab === 'countdowns' ? (
          <div className="sla-panels">
            {SLA_CLOCKS.map((clock) => (
              <ClockPanel key={clock} clock={clock} snapshot={snapshot} running={view.byDue[clock]} paused={view.paused[clock]} />
            ))}
          </div>
        ) : tab === 'ahead' ? (
          <BreachesAhead byDue={view.byDue} allByDue={view.allByDue} settings={snapshot.settings} claims={claims} scope={scope} match={match} />
        ) : (
          <WorkloadView claims={claims} index={index} match={match} />
        )}
      </div>
      <RecentAlerts />
    </div>
  );
}

/** Claims breached and at risk now, over every clock in scope (ticks; binary searches only). */
function Summary({ snapshot }: { snapshot: SlaSnapshot }) {
  const now = useLiveNow();
  const breached = breachedClaimCount(snapshot, now);
  const risky = countAtOrBefore(snapshot.claimsByRisk, (c) => c.riskMs, now) - breached;
  return (
    <>
      <p className="sla-summary">{t('sla.summary', { claims: snapshot.size, atRisk: risky, breached })}</p>
      <p className="sla-clock muted">
        {t('sla.readAt')} <time dateTime={new Date(now).toISOString()}>{formatInZone(now, snapshot.settings.calendar.timeZone)}</time>
      </p>
    </>
  );
}

function ClockPanel({ clock, snapshot, running, paused }: { clock: SlaClock; snapshot: SlaSnapshot; running: readonly SlaEntry[]; paused: readonly SlaEntry[] }) {
  const [ref, inView] = useInView<HTMLElement>();
  const headingId = useId();
  const entries = useMemo(() => (paused.length === 0 ? running : [...running, ...paused]), [running, paused]);
  const title = t(`clock.${clock}`);
  return (
    <section ref={ref} className="sla-panel" aria-labelledby={headingId}>
      <LiveContext.Provider value={inView}>
        <h2 id={headingId}>{title}</h2>
        <PanelCounts clock={clock} snapshot={snapshot} shown={entries.length} filtered={running !== snapshot.byDue[clock]} />
        <CountdownList label={t('sla.listLabel', { clock: title })} entries={entries} calendar={snapshot.settings.calendar} />
      </LiveContext.Provider>
    </section>
  );
}

function PanelCounts({ clock, snapshot, shown, filtered }: { clock: SlaClock; snapshot: SlaSnapshot; shown: number; filtered: boolean }) {
  const now = useLiveNow();
  const c = levelCounts(snapshot, clock, now);
  return (
    <p className="sla-panel__counts">
      {t('sla.panelCounts', { running: c.running + c.paused, atRisk: c.atRisk, breached: c.breached })}
      {filtered && <> · {t('sla.panelShown', { count: shown })}</>}
    </p>
  );
}

function NotificationControls() {
  const quiet = useSlaPrefs((s) => s.quiet);
  const [permission, setPermission] = useState(notificationPermission);
  return (
    <div className="sla-notify">
      <label className="sla-switch">
        <input type="checkbox" role="switch" checked={quiet} onChange={(e) => setQuietMode(e.target.checked)} /> <span>{t('sla.quietMode')}</span>
      </label>
      <span className="muted">{quiet ? t('sla.quietOn') : t('sla.quietOff')}</span>
      {permission === 'default' && (
        <button type="button" className="button button--small" onClick={() => void requestNotificationPermission().then(() => setPermission(notificationPermission()))}>
          {t('sla.allowNotifications')}
        </button>
      )}
      {permission === 'denied' && <span className="muted">{t('sla.notificationsBlocked')}</span>}
    </div>
  );
}

function RecentAlerts() {
  const alerts = useRecentAlerts((s) => s.alerts);
  if (alerts.length === 0) return null;
  return (
    <section className="sla-alerts" aria-labelledby="sla-alerts-heading">
      <h2 id="sla-alerts-heading">{t('sla.recentAlerts')}</h2>
      <ul>
        {alerts.map((a) => (
          <li key={a.id}>
            {formatTime(a.atMs)} · {t(a.level === 'breached' ? 'sla.alertBreached' : 'sla.alertAtRisk', { count: a.claimIds.length, ids: a.claimIds.slice(0, 5).join(', ') })}
            {a.quiet && <> · {t('sla.alertQuiet')}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
