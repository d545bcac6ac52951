/**
 * The two reports as tables, in a given language:
 *
 * - SLA status: one row per claim that was open at any time in the period, with every running
 *   clock's level, due instant and remaining time as of `now` (the same `clocks` the screens use);
 * - decision history: one row per decision event in the period (who, when, what, why).
 *
 * Instants are written in UTC (ISO 8601) for machines and in the reader's local time for people;
 * codes sit beside their labels so a spreadsheet can filter on either.
 */
import { format } from 'date-fns';
import {
  CLOCK_NAMES,
  OPEN_STATUSES,
  clocks,
  type Claim,
  type ClaimEvent,
  type ClaimEventType,
  type ClockName,
  type ClockReading,
  type SyncSettings,
} from '@shared/index';

import { tIn, type Locale } from '../i18n';
import type { Cell, Table } from './table';

/** [fromMs, toMs): local midnight of the first day to local midnight after the last. */
export type ReportRange = { fromMs: number; toMs: number };

/** The period between two local dates 'YYYY-MM-DD', both days included; null when either is not a date. */
export function rangeOf(from: string, to: string): ReportRange | null {
  const parse = (d: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  };
  const start = parse(from);
  const end = parse(to);
  if (!start || !end) return null;
  end.setDate(end.getDate() + 1);
  return { fromMs: start.getTime(), toMs: end.getTime() };
}

/** Events that decide where a claim stands or who holds it. */
export const DECISION_EVENTS: ReadonlySet<ClaimEventType> = new Set<ClaimEventType>([
  'reviewStarted',
  'assigned',
  'infoRequested',
  'approved',
  'rejected',
  'withdrawn',
  'optedOut',
  'disputeApproved',
  'disputeDenied',
  'partnerResponseExpired',
  'sentForEvaluation',
]);

const OPEN: ReadonlySet<string> = new Set(OPEN_STATUSES);

const utc = (ms: number | Date) => new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
const local = (ms: number | Date) => format(ms, 'yyyy-MM-dd HH:mm:ss');
const round2 = (n: number) => Math.round(n * 100) / 100;

/** Whether the claim was open (submitted, in review, waiting for the partner, disputed) at some time in the range. */
export function openDuring(claim: Claim, range: ReportRange): boolean {
  if (claim.firstSubmittedAt === null || Date.parse(claim.firstSubmittedAt) >= range.toMs) return false;
  if (OPEN.has(claim.status)) return true;
  const last = claim.statusLog[claim.statusLog.length - 1];
  const closedAt = last ? (last.fromMs ?? Date.parse(last.from)) : Number.NEGATIVE_INFINITY;
  return closedAt >= range.fromMs;
}

function clockUnit(clock: ClockName, settings: SyncSettings): 'business_days' | 'days' {
  if (clock === 'disputeWindow') return 'days';
  if (clock === 'consent') return settings.policy.consentUnit === 'business_days' ? 'business_days' : 'days';
  return 'business_days';
}

export function slaStatusTable(claims: Iterable<Claim>, settings: SyncSettings, now: Date, range: ReportRange, locale: Locale): Table {
  const t = (key: Parameters<typeof tIn>[1], params?: Parameters<typeof tIn>[2]) => tIn(locale, key, params);
  const headers = [
    t('reports.col.claimId'),
    t('reports.col.partnerId'),
    t('reports.col.partner'),
    t('reports.col.customer'),
    t('reports.col.tenant'),
    t('reports.col.status'),
    t('reports.col.statusCode'),
    t('reports.col.assignee'),
    t('reports.col.firstSubmitted'),
  ];
  for (const clock of CLOCK_NAMES) {
    const name = t(`clock.${clock}`);
    headers.push(
      t('reports.col.clockLevel', { clock: name }),
      t('reports.col.clockDue', { clock: name }),
      t('reports.col.clockRemaining', { clock: name, unit: t(`reports.unit.${clockUnit(clock, settings)}`) }),
    );
  }
  const selected = [...claims].filter((c) => openDuring(c, range)).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  const rows = selected.map((claim): Cell[] => {
    const readings = new Map<ClockName, ClockReading>();
    for (const r of clocks(claim, now, settings.calendar, { policy: settings.policy })) if (r.running || r.paused) readings.set(r.clock, r);
    const row: Cell[] = [
      claim.id,
      claim.partner.partnerId,
      claim.partner.name,
      claim.customer.name,
      claim.customer.tenantId,
      t(`status.${claim.status}`),
      claim.status,
      claim.assignee ?? '',
      claim.firstSubmittedAt === null ? null : utc(Date.parse(claim.firstSubmittedAt)),
    ];
    for (const clock of CLOCK_NAMES) {
      const r = readings.get(clock);
      if (!r) row.push(null, null, null);
      else row.push(`${t(`level.${r.level}`)}${r.paused ? ` (${t('reports.paused')})` : ''}`, utc(r.dueAt), round2(r.remaining));
    }
    return row;
  });
  return { name: t('reports.sheetSla'), headers, rows };
}

function decisionLabel(event: ClaimEvent, locale: Locale): string {
  switch (event.type) {
    case 'reviewStarted':
      return tIn(locale, 'event.reviewStarted', { assignee: event.payload.assignee });
    case 'assigned':
      return tIn(locale, 'event.assigned', { assignee: event.payload.assignee ?? tIn(locale, 'claim.unassigned') });
    default:
      return tIn(locale, `event.${event.type}`);
  }
}

function reasonsOf(event: ClaimEvent, locale: Locale): { labels: string; codes: string } {
  if (event.type === 'rejected') {
    return { labels: event.payload.reasons.map((r) => tIn(locale, `rejection.${r}`)).join('; '), codes: event.payload.reasons.join(';') };
  }
  if (event.type === 'infoRequested') {
    return { labels: event.payload.codes.map((c) => tIn(locale, `deficiency.${c}`)).join('; '), codes: event.payload.codes.join(';') };
  }
  return { labels: '', codes: '' };
}

function messageOf(event: ClaimEvent): string {
  const payload = event.payload as { message?: unknown };
  return typeof payload.message === 'string' ? payload.message : '';
}

/** Decision events in the range, of claims `include` accepts (unknown claims only when it accepts null), oldest first. */
export function decisionTable(
  events: Iterable<ClaimEvent>,
  claims: ReadonlyMap<string, Claim>,
  range: ReportRange,
  locale: Locale,
  include: (claim: Claim | null) => boolean = () => true,
): Table {
  const t = (key: Parameters<typeof tIn>[1]) => tIn(locale, key);
  const headers = [
    t('reports.col.at'),
    t('reports.col.atLocal'),
    t('reports.col.claimId'),
    t('reports.col.partnerId'),
    t('reports.col.partner'),
    t('reports.col.customer'),
    t('reports.col.decision'),
    t('reports.col.eventCode'),
    t('reports.col.actor'),
    t('reports.col.actorRole'),
    t('reports.col.reasons'),
    t('reports.col.reasonCodes'),
    t('reports.col.message'),
  ];
  const selected: { event: ClaimEvent; at: number }[] = [];
  for (const event of events) {
    if (!DECISION_EVENTS.has(event.type)) continue;
    const at = Date.parse(event.at);
    if (!(at >= range.fromMs && at < range.toMs)) continue;
    if (!include(claims.get(event.claimId) ?? null)) continue;
    selected.push({ event, at });
  }
  selected.sort((a, b) => a.at - b.at || a.event.claimId.localeCompare(b.event.claimId) || a.event.seq - b.event.seq);
  const rows = selected.map(({ event, at }): Cell[] => {
    const claim = claims.get(event.claimId);
    const reasons = reasonsOf(event, locale);
    return [
      utc(at),
      local(at),
      event.claimId,
      claim?.partner.partnerId ?? '',
      claim?.partner.name ?? '',
      claim?.customer.name ?? '',
      decisionLabel(event, locale),
      event.type,
      event.actor.id,
      tIn(locale, `role.${event.actor.role}`),
      reasons.labels,
      reasons.codes,
      messageOf(event),
    ];
  });
  return { name: t('reports.sheetDecisions'), headers, rows };
}
