/**
 * Workload per reviewer, from the claims on this workstation (it works offline, so the figures are
 * computed here rather than fetched): open claims assigned, in review, disputes in review, at risk
 * and breached (the worst of the claim's reviewer clocks, as the server's `/supervisor/workload`),
 * and decisions made this week (Monday 00:00 in the calendar's zone until now).
 *
 * Who decided: the rejection records its reviewer; an approval is credited to the claim's assignee.
 * Withdrawals, opt-outs and expired response windows are not decisions.
 */
import { OPEN_STATUSES, type Claim, type RejectionReason, type Status } from '@shared/index';
import { claimLevelAt, type ClaimSla } from '../sla/model';

export type WorkloadRow = {
  /** The reviewer's id; null for the unassigned claims. */
  reviewer: string | null;
  assigned: number;
  inReview: number;
  disputes: number;
  atRisk: number;
  breached: number;
  decidedThisWeek: number;
};

export type Decision = { atMs: number; by: string | null };

const OPEN: ReadonlySet<Status> = new Set(OPEN_STATUSES);
const DECIDING: ReadonlySet<Status> = new Set(['in_review', 'disputed']);
const NOT_DECISIONS: ReadonlySet<RejectionReason> = new Set(['partner_request', 'customer_rejected', 'no_partner_response']);

const decisionCache = new WeakMap<Claim, readonly Decision[]>();

/** A reviewer's decisions on the claim (approve, reject, approve or deny a dispute), oldest first. */
export function decisionsOf(claim: Claim): readonly Decision[] {
  let decisions = decisionCache.get(claim);
  if (decisions) return decisions;
  const out: Decision[] = [];
  const log = claim.statusLog;
  for (let i = 1; i < log.length; i++) {
    const span = log[i]!;
    if (!DECIDING.has(log[i - 1]!.status)) continue;
    const atMs = span.fromMs ?? Date.parse(span.from);
    if (span.status === 'approved') out.push({ atMs, by: claim.assignee });
    else if (span.status === 'rejected') {
      // The claim keeps its latest rejection: it tells the reasons and the reviewer of the last one.
      const latest = i === lastIndexOf(log, 'rejected') ? claim.rejection : null;
      if (latest && latest.reasons.some((r) => NOT_DECISIONS.has(r))) continue;
      out.push({ atMs, by: latest?.by ?? claim.assignee });
    }
  }
  decisions = out;
  decisionCache.set(claim, decisions);
  return decisions;
}

function lastIndexOf(log: Claim['statusLog'], status: Status): number {
  for (let i = log.length - 1; i >= 0; i--) if (log[i]!.status === status) return i;
  return -1;
}

const emptyRow = (reviewer: string | null): WorkloadRow => ({ reviewer, assigned: 0, inReview: 0, disputes: 0, atRisk: 0, breached: 0, decidedThisWeek: 0 });

export type Workload = {
  /** One row per reviewer (anyone with open claims or decisions this week, plus `reviewers`), by id. */
  rows: WorkloadRow[];
  unassigned: WorkloadRow;
};

export function workload(
  claims: Iterable<Claim>,
  slaOf: (claim: Claim) => ClaimSla,
  nowMs: number,
  weekStartMs: number,
  reviewers: Iterable<string> = [],
): Workload {
  const rows = new Map<string, WorkloadRow>();
  const unassigned = emptyRow(null);
  const rowOf = (id: string | null): WorkloadRow => {
    if (id === null) return unassigned;
    let row = rows.get(id);
    if (!row) rows.set(id, (row = emptyRow(id)));
    return row;
  };
  for (const id of reviewers) rowOf(id);
  // A claim decided this week changed this week: older ones need no look at their history.
  const weekStartIso = new Date(weekStartMs).toISOString();
  for (const claim of claims) {
    if (OPEN.has(claim.status)) {
      const row = rowOf(claim.assignee);
      row.assigned++;
      if (claim.status === 'in_review') row.inReview++;
      else if (claim.status === 'disputed') row.disputes++;
      const level = claimLevelAt(slaOf(claim), nowMs);
      if (level === 'at_risk') row.atRisk++;
      else if (level === 'breached') row.breached++;
    }
    if (claim.updatedAt < weekStartIso) continue;
    const decisions = decisionsOf(claim);
    for (let i = decisions.length - 1; i >= 0; i--) {
      const d = decisions[i]!;
      if (d.atMs < weekStartMs) break;
      if (d.atMs <= nowMs && d.by !== null) rowOf(d.by).decidedThisWeek++;
    }
  }
  return { rows: [...rows.values()].sort((a, b) => (a.reviewer! < b.reviewer! ? -1 : 1)), unassigned };
}
