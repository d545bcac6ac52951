/**
 * The supervisor API: assign and reassign claims, see who is overloaded and what breaches soon,
 * and the deployment's SLA settings. Clock readings come from the shared `clocks` with the
 * deployment's calendar and policy at the server's time, so they match the workstations'.
 */
import {
  calendarDays,
  clocks,
  commandSchemas,
  OPEN_STATUSES,
  MS_PER_DAY,
  type Claim,
  type ClockLevel,
  type ClockName,
  type ClockReading,
} from '../../../../shared/index';
import { SYNC_CHANNEL } from '../../claims/store';
import { loadSettings, saveSettings, settingsSchema, type SlaSettings } from '../../settings';
import { claimParamsSchema, runCommand, storable } from '../commands';
import type { AppDeps } from '../deps';
import { ApiError } from '../errors';
import { route, type RouteSpec } from '../route';

/** Clocks that measure the reviewers' work (the partner-response clock is the partner's). */
const REVIEWER_CLOCKS: ReadonlySet<ClockName> = new Set(['pickup', 'review', 'overall', 'disputeReview']);
/** Clocks a supervisor watches: every business-day clock of an open claim. */
const SLA_CLOCKS = ['pickup', 'review', 'partnerResponse', 'overall', 'disputeReview'] as const satisfies readonly ClockName[];
const SLA_CLOCK_SET: ReadonlySet<ClockName> = new Set(SLA_CLOCKS);
const LEVELS: readonly ClockLevel[] = ['on_track', 'at_risk', 'breached'];
const LEVEL_RANK: Record<ClockLevel, number> = { on_track: 0, at_risk: 1, breached: 2 };
/** Events that record a reviewer's decision on a claim. */
const DECISION_EVENTS = ['approved', 'rejected', 'disputeApproved', 'disputeDenied'];

async function openClaims(deps: AppDeps): Promise<Claim[]> {
  return (await deps.db.query<{ snapshot: Claim }>('select snapshot from claims where status = any($1::text[])', [[...OPEN_STATUSES]])).rows.map(
    (r) => r.snapshot,
  );
}

/** The worst level among the running clocks of `names`, or null when none runs. */
function worstLevel(readings: readonly ClockReading[], names: ReadonlySet<ClockName>): ClockLevel | null {
  let worst: ClockLevel | null = null;
  for (const r of readings) {
    if (!r.running || !names.has(r.clock)) continue;
    if (worst === null || LEVEL_RANK[r.level] > LEVEL_RANK[worst]) worst = r.level;
  }
  return worst;
}

/** Start of the current week (Monday, local midnight of the calendar's zone) and the ends of today and of the next business day. */
function dayMarks(settings: SlaSettings, now: Date) {
  const days = calendarDays(settings.calendar, new Date(now.getTime() - 7 * MS_PER_DAY), new Date(now.getTime() + 21 * MS_PER_DAY));
  const todayIndex = days.findIndex((d) => d.start <= now.getTime() && now.getTime() < d.end);
  const today = days[todayIndex]!;
  let weekStart = today;
  for (let i = todayIndex; i >= 0; i--) {
    weekStart = days[i]!;
    if (new Date(`${weekStart.date}T00:00:00Z`).getUTCDay() === 1) break;
  }
  const nextBusiness = days.slice(todayIndex + 1).find((d) => d.kind === 'business') ?? days[days.length - 1]!;
  return { weekStart: new Date(weekStart.start), endOfToday: new Date(today.end), endOfNextBusinessDay: new Date(nextBusiness.end) };
}

const assignBodySchema = storable(commandSchemas.assign.omit({ type: true, claimId: true }));

type UserRow = { id: string; username: string; display_name: string; role: 'reviewer' | 'supervisor' };

export function supervisorRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route({
      method: 'POST',
      url: '/supervisor/claims/:id/assign',
      tag: 'supervisor',
      summary: 'Assign a claim to a reviewer or supervisor, or unassign it (assignee: null)',
      roles: ['supervisor'],
      schemas: { params: claimParamsSchema, body: assignBodySchema },
      responds: '{ claim }; 400 when the assignee is not a reviewer or supervisor; 409 when the claim is closed or already so assigned',
      handler: async ({ params, body, user }) => {
        if (body.assignee !== null) {
          const row = (await deps.db.query<{ role: string }>('select role from users where id = $1', [body.assignee])).rows[0];
          if (!row || (row.role !== 'reviewer' && row.role !== 'supervisor')) {
            throw new ApiError(400, 'unknown_assignee', `${body.assignee} is not a reviewer or supervisor; claims can only be assigned to them.`);
          }
        }
        const result = await runCommand(deps, user, { type: 'assign', claimId: params.id, assignee: body.assignee });
        return { claim: result.claim };
      },
    }),
    route({
      method: 'GET',
      url: '/supervisor/workload',
      tag: 'supervisor',
      summary:
        'Per reviewer and supervisor: open claims assigned, in review, disputes in review, at risk and breached (worst reviewer clock), decisions this week (from Monday in the calendar’s zone); and the unassigned open claims',
      roles: ['supervisor'],
      responds: '{ serverTime, weekStartsAt, reviewers: [...], unassigned: { count, atRisk, breached } }',
      handler: async () => {
        const now = deps.now();
        const settings = await deps.settings();
        const { weekStart } = dayMarks(settings, now);
        const users = (
          await deps.db.query<UserRow>(`select id, username, display_name, role from users where role in ('reviewer', 'supervisor') order by role desc, username`)
        ).rows;
        const decided = new Map(
          (
            await deps.db.query<{ actor_id: string; n: number }>(
              'select actor_id, count(*)::int as n from events where type = any($1::text[]) and at >= $2 and at <= $3 group by actor_id',
              [DECISION_EVENTS, weekStart, now],
            )
          ).rows.map((r) => [r.actor_id, r.n]),
        );
        const empty = () => ({ assigned: 0, inReview: 0, disputesInReview: 0, atRisk: 0, breached: 0 });
        const load = new Map<string | null, ReturnType<typeof empty>>();
        for (const claim of await openClaims(deps)) {
          const row = load.get(claim.assignee) ?? empty();
          row.assigned++;
          if (claim.status === 'in_review') row.inReview++;
          if (claim.status === 'disputed') row.disputesInReview++;
          const level = worstLevel(clocks(claim, now, settings.calendar, { policy: settings.policy }), REVIEWER_CLOCKS);
          if (level === 'at_risk') row.atRisk++;
          if (level === 'breached') row.breached++;
          load.set(claim.assignee, row);
        }
        const unassigned = load.get(null) ?? empty();
        return {
          serverTime: now.toISOString(),
          weekStartsAt: weekStart.toISOString(),
          reviewers: users.map((u) => ({
            userId: u.id,
            username: u.username,
            displayName: u.display_name,
            role: u.role,
            ...(load.get(u.id) ?? empty()),
            decidedThisWeek: decided.get(u.id) ?? 0,
          })),
          unassigned: { count: unassigned.assigned, atRisk: unassigned.atRisk, breached: unassigned.breached },
        };
      },
    }),
    route({
      method: 'GET',
      url: '/supervisor/sla',
      tag: 'supervisor',
      summary:
        'Open claims’ running SLA clocks counted per clock and level, and the claims whose clock breaches in the rest of today or by the end of the next business day (calendar’s zone)',
      roles: ['supervisor'],
      responds: '{ serverTime, endOfToday, endOfNextBusinessDay, counts: { [clock]: { on_track, at_risk, breached } }, pausedOverall, breachingToday: [...], breachingNextBusinessDay: [...] }',
      handler: async () => {
        const now = deps.now();
        const settings = await deps.settings();
        const { endOfToday, endOfNextBusinessDay } = dayMarks(settings, now);
        const counts = Object.fromEntries(SLA_CLOCKS.map((c) => [c, Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<ClockLevel, number>])) as Record<
          (typeof SLA_CLOCKS)[number],
          Record<ClockLevel, number>
        >;
        let pausedOverall = 0;
        const breachItem = (claim: Claim, r: ClockReading) => ({
          claimId: claim.id,
          clock: r.clock,
          dueAt: r.dueAt.toISOString(),
          level: r.level,
          fractionUsed: r.fractionUsed,
          status: claim.status,
          assignee: claim.assignee,
          partner: { partnerId: claim.partner.partnerId, name: claim.partner.name },
          customer: { tenantId: claim.customer.tenantId, name: claim.customer.name },
        });
        type Breach = ReturnType<typeof breachItem>;
        const today: Breach[] = [];
        const nextBusinessDay: Breach[] = [];
        for (const claim of await openClaims(deps)) {
          for (const r of clocks(claim, now, settings.calendar, { policy: settings.policy })) {
            if (!SLA_CLOCK_SET.has(r.clock)) continue;
            if (r.paused) pausedOverall++;
            if (!r.running) continue;
            counts[r.clock as (typeof SLA_CLOCKS)[number]][r.level]++;
            const due = r.dueAt.getTime();
            if (due <= now.getTime()) continue;
            if (due <= endOfToday.getTime()) today.push(breachItem(claim, r));
            else if (due <= endOfNextBusinessDay.getTime()) nextBusinessDay.push(breachItem(claim, r));
          }
        }
        const byDue = (a: Breach, b: Breach) => a.dueAt.localeCompare(b.dueAt) || a.claimId.localeCompare(b.claimId);
        return {
          serverTime: now.toISOString(),
          endOfToday: endOfToday.toISOString(),
          endOfNextBusinessDay: endOfNextBusinessDay.toISOString(),
          counts,
          pausedOverall,
          breachingToday: today.sort(byDue),
          breachingNextBusinessDay: nextBusinessDay.sort(byDue),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/settings',
      tag: 'settings',
      summary: 'The SLA settings in effect: business calendar (zone, weekend, holidays) and policy (windows, at-risk threshold)',
      roles: ['reviewer', 'supervisor', 'admin'],
      responds: '{ calendar, policy }',
      handler: () => deps.settings(),
    }),
    route({
      method: 'PUT',
      url: '/settings',
      tag: 'settings',
      summary: 'Replace the SLA settings (policy fields left out keep their defaults); every decision and workstation uses them from then on',
      roles: ['supervisor', 'admin'],
      schemas: { body: storable(settingsSchema) },
      responds: '{ calendar, policy } as stored',
      handler: async ({ body }) => {
        await saveSettings(deps.db, body);
        // Poke every workstation (on every server process): their next pull brings the new settings.
        await deps.db.notify(SYNC_CHANNEL, 'settings');
        return loadSettings(deps.db);
      },
    }),
  ];
}
