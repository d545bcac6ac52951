/**
 * Desktop notifications and the dock/taskbar badge for SLA levels (renders nothing). Lives in the
 * signed-in shell; checks on every tick of the shared ticker without re-rendering anything (it
 * subscribes to the ticker directly), and once more whenever a sync brings a new snapshot.
 */
import { useContext, useEffect, useMemo, useState } from 'react';
import { useBridge } from '../app/BridgeContext';
import { useWorkstation } from '../app/WorkstationContext';
import { notificationPermission } from '../bridge';
import { t } from '../i18n';
import { TickerContext } from '../queue/ticker';
import { formatInZone } from '../ui/format';
import type { ClaimSla } from './model';
import { candidates, indexedDbNotifiedStore, takeNews, worstEntry, type Memory, type News, type NotifiedStore } from './notifications';
import { loadSlaPrefs, recordAlert, useSlaPrefs } from './prefs';
import { breachedClaimCount } from './slaIndex';
import { scopeFor, useSlaSnapshot } from './useSla';

/** Ids named in a batch notification before "and N more". */
const NAMED = 3;

export function notificationFor(news: News, timeZone: string): { title: string; body: string } {
  const { level, claims } = news;
  if (claims.length === 1) {
    const sla = claims[0]!;
    const entry = worstEntry(sla, level);
    const title = t(level === 'breached' ? 'sla.notify.breachedOne' : 'sla.notify.atRiskOne', { id: sla.claim.id });
    const due = entry && !entry.paused ? formatInZone(entry.dueMs, timeZone) : t('sla.paused');
    return { title, body: t('sla.notify.oneBody', { clock: entry ? t(`clock.${entry.clock}`) : '', due, partner: sla.claim.partner.name }) };
  }
  const ids = claims.slice(0, NAMED).map((c: ClaimSla) => c.claim.id).join(', ');
  const body = claims.length > NAMED ? t('sla.notify.andMore', { ids, count: claims.length - NAMED }) : ids;
  return { title: t(level === 'breached' ? 'sla.notify.breachedMany' : 'sla.notify.atRiskMany', { count: claims.length }), body };
}

export function SlaNotifier({ store }: { store?: NotifiedStore }) {
  const { session, db } = useWorkstation();
  const bridge = useBridge();
  const ticker = useContext(TickerContext);
  const { id, role } = session.user;
  const scope = useMemo(() => scopeFor({ id, role }), [id, role]);
  const notified = useMemo(() => store ?? indexedDbNotifiedStore(db.name), [store, db]);
  const [memory, setMemory] = useState<Memory | null>(null);
  // Deriving 100,000 claims waits until the screens have had their turn after loading.
  const [ready, setReady] = useState(false);
  const { snapshot } = useSlaSnapshot(scope, ready && memory !== null);

  useEffect(() => loadSlaPrefs(id), [id]);
  // Signed out (or another user): the badge no longer counts anything.
  useEffect(() => () => void bridge.setBadgeCount(0).catch(() => false), [bridge, id]);

  useEffect(() => {
    let live = true;
    void notified.load().then(
      (m) => live && setMemory(m),
      () => live && setMemory(new Map()),
    );
    const idle = typeof requestIdleCallback === 'function';
    const handle = idle ? requestIdleCallback(() => setReady(true), { timeout: 2000 }) : setTimeout(() => setReady(true), 200);
    return () => {
      live = false;
      if (idle) cancelIdleCallback(handle as number);
      else clearTimeout(handle as ReturnType<typeof setTimeout>);
    };
  }, [notified]);

  useEffect(() => {
    if (!snapshot || !memory) return;
    let since: number | null = null;
    let badge = -1;
    let checks = 0;
    // Reading the permission asks the browser process: once a minute is enough.
    let permission: ReturnType<typeof notificationPermission> | null = null;
    const check = () => {
      const now = ticker.now();
      const { news, changed } = takeNews(candidates(snapshot, since, now), now, memory);
      since = now;
      if (changed.length > 0) void notified.save(changed).catch(() => undefined);
      const quiet = useSlaPrefs.getState().quiet;
      if (checks % 60 === 0) permission = null;
      const allowed = news.length > 0 && (permission ??= notificationPermission()) === 'granted';
      for (const item of news) {
        recordAlert({ atMs: now, level: item.level, claimIds: item.claims.map((c) => c.claim.id), quiet: quiet || !allowed });
        if (!quiet && allowed) void bridge.notify(notificationFor(item, snapshot.settings.calendar.timeZone)).catch(() => false);
      }
      const breached = breachedClaimCount(snapshot, now);
      // Also now and then unchanged: a new page title (language switch) drops the browser's prefix.
      if (breached !== badge || ++checks % 60 === 0) {
        badge = breached;
        void bridge.setBadgeCount(breached).catch(() => false);
      }
    };
    check();
    return ticker.subscribe(check);
  }, [snapshot, memory, ticker, bridge, notified]);

  // Forget announcements of stays that are over, now and then (keeps the memory as small as the scope).
  useEffect(() => {
    if (!snapshot || !memory || memory.size < 2 * snapshot.claimsByRisk.length + 1000) return;
    const keys = new Set(snapshot.claimsByRisk.map((c) => c.stayKey));
    for (const key of [...memory.keys()]) if (!keys.has(key)) memory.delete(key);
    void notified.retain(keys).catch(() => undefined);
  }, [snapshot, memory, notified]);

  return null;
}
