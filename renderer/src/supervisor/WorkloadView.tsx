/**
 * Workload per reviewer (assigned, in review, disputes, at risk, breached, decided this week) and
 * reassignment: pick a reviewer's (or the unassigned) open claims, choose another reviewer, and
 * each claim is assigned through the shared `decide` (`act`): saved on this device at once, synced
 * when the server is reachable; a refusal lands in Sync issues like any other action.
 */
import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { OPEN_STATUSES, type Claim, type Status } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { t } from '../i18n';
import { useLiveMinute } from '../sla/live';
import { claimLevelAt, type ClaimSla } from '../sla/model';
import type { SlaIndex } from '../sla/slaIndex';
import { Badge } from '../ui/Badge';
import { dayMarks } from './forecast';
import { workload, type WorkloadRow } from './workload';

const OPEN: ReadonlySet<Status> = new Set(OPEN_STATUSES);
const LEVEL_TONE = { on_track: 'success', at_risk: 'warning', breached: 'danger' } as const;
const ROW = 40;
/** Value of the "unassigned" choice (a reviewer id is never empty). */
const NOBODY = '';

type Props = {
  claims: ReadonlyMap<string, Claim>;
  index: SlaIndex;
  /** The screen's search, applied to the claims listed for reassignment. */
  match: ((claim: Claim) => boolean) | null;
};

export function WorkloadView({ claims, index, match }: Props) {
  const { session, act } = useWorkstation();
  const minute = useLiveMinute();
  const calendar = index.settings.calendar;
  const weekStartMs = useMemo(() => dayMarks(calendar, minute).weekStartMs, [calendar, minute]);
  // Open claims (the index holds them all) and the claims changed this week (where its decisions
  // are): a few thousand, not every claim on the workstation.
  const load = useMemo(() => {
    const open = [...index.withClocks()].map((sla) => sla.claim);
    const decided = index.changedSince(weekStartMs).filter((c) => !OPEN.has(c.status));
    return workload([...open, ...decided], (c) => index.of(c, minute), minute, weekStartMs, [session.user.id]);
    // `claims`: the index is brought up to them by the screen before this renders.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [claims, index, minute, weekStartMs, session.user.id]);
  const [owner, setOwner] = useState<string | null | undefined>(undefined);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [target, setTarget] = useState('');
  const [status, setStatus] = useState<{ tone: 'done' | 'refused'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const reviewers = load.rows.map((r) => r.reviewer!);

  const owned = useMemo(() => {
    if (owner === undefined) return [];
    const list: ClaimSla[] = [];
    for (const claim of claims.values()) {
      if (OPEN.has(claim.status) && claim.assignee === owner && (!match || match(claim))) list.push(index.of(claim, minute));
    }
    // Breached first, then by when they will breach.
    return list.sort((a, b) => a.breachMs - b.breachMs || a.riskMs - b.riskMs || (a.claim.id < b.claim.id ? -1 : 1));
  }, [claims, owner, index, minute, match]);

  const show = (reviewer: string | null) => {
    setOwner(reviewer);
    setSelected(new Set());
    setStatus(null);
  };

  const reassign = async () => {
    const assignee = target === NOBODY ? null : target;
    setBusy(true);
    let done = 0;
    const refused: string[] = [];
    for (const claimId of selected) {
      const result = await act({ type: 'assign', claimId, assignee });
      if (result.ok) done++;
      else refused.push(`${claimId}: ${result.error.message}`);
    }
    setBusy(false);
    setSelected(new Set());
    setStatus(
      refused.length === 0
        ? { tone: 'done', text: t('sla.reassigned', { count: done, reviewer: assignee ?? t('sla.unassigned') }) }
        : { tone: 'refused', text: t('sla.reassignRefused', { count: done, refused: refused.join('; ') }) },
    );
  };

  return (
    <div className="sla-workload">
      <table className="sla-workload__table">
        <caption>{t('sla.workloadCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('sla.colReviewer')}</th>
            <th scope="col">{t('sla.colAssigned')}</th>
            <th scope="col">{t('sla.colInReview')}</th>
            <th scope="col">{t('sla.colDisputes')}</th>
            <th scope="col">{t('sla.colAtRisk')}</th>
            <th scope="col">{t('sla.colBreached')}</th>
            <th scope="col">{t('sla.colDecided')}</th>
          </tr>
        </thead>
        <tbody>
          {[...load.rows, load.unassigned].map((row) => (
            <WorkloadTableRow key={row.reviewer ?? NOBODY} row={row} current={owner === row.reviewer} onShow={() => show(row.reviewer)} />
          ))}
        </tbody>
      </table>

      {owner !== undefined && (
        <section className="sla-reassign" aria-labelledby="sla-reassign-heading">
          <h3 id="sla-reassign-heading">{t('sla.claimsOf', { reviewer: owner ?? t('sla.unassigned'), count: owned.length })}</h3>
          <div className="sla-reassign__bar">
            <button type="button" className="button button--small" onClick={() => setSelected(new Set(owned.map((c) => c.claim.id)))} disabled={owned.length === 0}>
              {t('sla.selectAll')}
            </button>
            <button
              type="button"
              className="button button--small"
              onClick={() => setSelected(new Set(owned.filter((c) => claimLevelAt(c, minute) !== 'on_track').map((c) => c.claim.id)))}
              disabled={owned.length === 0}
            >
              {t('sla.selectLate')}
            </button>
            <button type="button" className="button button--small" onClick={() => setSelected(new Set())} disabled={selected.size === 0}>
              {t('sla.selectNone')}
            </button>
            <label>
              <span>{t('sla.reassignTo')}</span>{' '}
              <select value={target} onChange={(e) => setTarget(e.target.value)}>
                <option value={NOBODY}>{t('sla.unassigned')}</option>
                {reviewers
                  .filter((r) => r !== owner)
                  .map((r) => (
                    <option key={r} value={r}>
                      {r}
                    </option>
                  ))}
              </select>
            </label>
            <button type="button" className="button" disabled={busy || selected.size === 0 || (target === NOBODY ? owner === null : target === owner)} onClick={() => void reassign()}>
              {t('sla.reassign', { count: selected.size })}
            </button>
          </div>
          <p role="status" className={status?.tone === 'refused' ? 'sla-status sla-status--refused' : 'sla-status'}>
            {status?.text ?? ''}
          </p>
          <ClaimChecklist claims={owned} selected={selected} minute={minute} onToggle={(id, on) => setSelected((s) => toggled(s, id, on))} />
        </section>
      )}
    </div>
  );
}

function toggled(set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

function WorkloadTableRow({ row, current, onShow }: { row: WorkloadRow; current: boolean; onShow(): void }) {
  const name = row.reviewer ?? t('sla.unassigned');
  return (
    <tr aria-current={current ? 'true' : undefined}>
      <th scope="row">
        <button type="button" className="link-button" onClick={onShow} aria-label={t('sla.showClaimsOf', { reviewer: name })}>
          {name}
        </button>
      </th>
      <td>{row.assigned}</td>
      <td>{row.inReview}</td>
      <td>{row.disputes}</td>
      <td>{row.atRisk}</td>
      <td>{row.breached}</td>
      <td>{row.reviewer === null ? '—' : row.decidedThisWeek}</td>
    </tr>
  );
}

/** The reviewer's open claims with a checkbox each; virtualized (a reviewer may hold thousands). */
function ClaimChecklist({ claims, selected, minute, onToggle }: { claims: readonly ClaimSla[]; selected: ReadonlySet<string>; minute: number; onToggle(id: string, on: boolean): void }) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; its results are not memoized
  const virtualizer = useVirtualizer({ count: claims.length, getScrollElement: () => scrollRef.current, estimateSize: () => ROW, overscan: 6, initialRect: { width: 600, height: 10 * ROW } });
  if (claims.length === 0) return <p className="sla-empty">{t('sla.noOpenClaims')}</p>;
  return (
    <div ref={scrollRef} className="sla-list" style={{ height: Math.min(claims.length, 10) * ROW + 2 }}>
      <ul aria-label={t('sla.claimsToReassign')} style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const sla = claims[item.index]!;
          const level = claimLevelAt(sla, minute);
          const id = sla.claim.id;
          return (
            <li key={id} aria-setsize={claims.length} aria-posinset={item.index + 1} className="sla-check" style={{ transform: `translateY(${item.start}px)`, height: ROW }}>
              <label>
                <input type="checkbox" checked={selected.has(id)} onChange={(e) => onToggle(id, e.target.checked)} /> <strong>{id}</strong>{' '}
                <span>{sla.claim.partner.name}</span> <span className="muted">{t(`status.${sla.claim.status}`)}</span>{' '}
                {level && <Badge tone={LEVEL_TONE[level]}>{t(`level.${level}`)}</Badge>}
              </label>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
