import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  clocks,
  commandSchema,
  decide,
  dueSystemCommands,
  evolve,
  primaryClock,
  STATUSES,
  type Claim,
  type ClockLevel,
} from '../../../shared/index';
import { DEMO_PASSWORD, demoPlan, type DemoPlan } from './plan';

const NOW = new Date('2026-10-14T18:30:00Z');
const SEED = 20261014;
const LEVELS: ClockLevel[] = ['on_track', 'at_risk', 'breached'];

let plan: DemoPlan;
let claims: Map<string, Claim>;
let buildMs = 0;

/** Replays the plan exactly as seeding does: in order, each step decided at its own time by its own actor. */
function replay(p: DemoPlan): { claims: Map<string, Claim>; refusals: string[] } {
  const result = new Map<string, Claim>();
  const refusals: string[] = [];
  for (const [i, step] of p.steps.entries()) {
    const { claimId } = step.command;
    const decision = decide(result.get(claimId) ?? null, step.command, { actor: step.actor, now: step.at, calendar: p.calendar });
    if (!decision.ok) {
      refusals.push(`#${i} ${step.command.type} on ${claimId}: ${decision.error.message}`);
      continue;
    }
    let claim = result.get(claimId) ?? null;
    for (const event of decision.events) claim = evolve(claim, event);
    result.set(claimId, claim!);
  }
  return { claims: result, refusals };
}

/** The plan without its byte builders, for deep comparison. */
const comparable = (p: DemoPlan) => ({ ...p, documents: p.documents.map(({ build: _build, ...rest }) => rest) });

beforeAll(async () => {
  const started = performance.now();
  plan = await demoPlan({ seed: SEED, now: NOW });
  buildMs = performance.now() - started;
  const replayed = replay(plan);
  expect(replayed.refusals).toEqual([]);
  claims = replayed.claims;
}, 60_000);

describe('demo plan', () => {
  // How long building takes is reported, not asserted: timings belong in benchmarks, not unit tests.
  it('builds 300 claims', () => {
    expect(claims.size).toBe(300);
    console.info(`demo plan: ${plan.steps.length} steps, ${plan.documents.length} documents, built in ${Math.round(buildMs)} ms`);
  });

  it('has every step valid, in time order, in the past, by a known actor', () => {
    const users = new Set(plan.users.map((u) => u.id));
    let previous = 0;
    for (const step of plan.steps) {
      expect(commandSchema.safeParse(step.command).success).toBe(true);
      expect(step.at.getTime()).toBeGreaterThanOrEqual(previous);
      expect(step.at.getTime()).toBeLessThanOrEqual(NOW.getTime());
      previous = step.at.getTime();
      if (step.actor.role !== 'system') expect(users.has(step.actor.id), step.actor.id).toBe(true);
    }
  });

  it('covers every status and, for each clocked status, every SLA level', () => {
    const statuses = new Set([...claims.values()].map((c) => c.status));
    expect([...statuses].sort()).toEqual([...STATUSES].sort());
    const seen = new Map<string, Set<ClockLevel>>();
    const overall = new Set<ClockLevel>();
    for (const claim of claims.values()) {
      const readings = clocks(claim, NOW, plan.calendar);
      const primary = primaryClock(readings);
      if (primary) {
        const key = `${claim.status}/${primary.clock}`;
        seen.set(key, (seen.get(key) ?? new Set()).add(primary.level));
      }
      const o = readings.find((r) => r.clock === 'overall' && r.running);
      if (o) overall.add(o.level);
    }
    for (const key of ['submitted/pickup', 'in_review/review', 'partner_action_needed/partnerResponse', 'disputed/disputeReview', 'approved/consent', 'rejected/disputeWindow']) {
      expect([...(seen.get(key) ?? [])].sort(), key).toEqual([...LEVELS].sort());
    }
    expect([...overall].sort()).toEqual([...LEVELS].sort());
  });

  it('leaves the scheduler overdue work: expired partner responses and closed consent windows', () => {
    const due = [...claims.values()].flatMap((c) => dueSystemCommands(c, NOW, plan.calendar));
    expect(due.some((c) => c.type === 'expirePartnerResponse')).toBe(true);
    expect(due.some((c) => c.type === 'closeConsentWindow')).toBe(true);
    expect(due.length).toBeLessThan(20);
  });

  it('has what reviewers need to see: contested workloads, a reused file, checklists, annotations, comments in both languages', () => {
    const all = [...claims.values()];
    const holders = new Map<string, Set<string>>();
    for (const c of all) for (const p of c.products) {
      const key = `${c.customer.tenantId}/${p.productId}`;
      holders.set(key, (holders.get(key) ?? new Set()).add(c.partner.partnerId));
    }
    expect([...holders.values()].filter((s) => s.size >= 2).length).toBeGreaterThanOrEqual(3);

    const claimsBySha = new Map<string, Set<string>>();
    for (const c of all) for (const d of c.documents) claimsBySha.set(d.sha256, (claimsBySha.get(d.sha256) ?? new Set()).add(c.id));
    expect([...claimsBySha.values()].some((s) => s.size >= 2)).toBe(true);

    const inReview = all.filter((c) => c.status === 'in_review');
    expect(inReview.filter((c) => Object.keys(c.checklist).length > 0).length).toBeGreaterThan(10);
    expect(inReview.some((c) => c.annotations.length > 0)).toBe(true);
    const comments = all.flatMap((c) => c.comments);
    expect(comments.some((c) => c.role === 'partner')).toBe(true);
    expect(comments.some((c) => c.role === 'reviewer')).toBe(true);
    expect(comments.some((c) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(c.text))).toBe(true);
    expect(all.some((c) => c.infoRequests.some((r) => r.removeProducts?.length))).toBe(true);
    expect(new Set(all.map((c) => c.partner.partnerId)).size).toBeGreaterThanOrEqual(4);
    expect(all.some((c) => c.customer.name === '株式会社サンプル商事')).toBe(true);
  });

  it('ships every referenced document with the bytes, hash and page count the commands state', async () => {
    const byHash = new Map(plan.documents.map((d) => [d.sha256, d]));
    for (const claim of claims.values()) {
      for (const doc of claim.documents) {
        const shipped = byHash.get(doc.sha256);
        expect(shipped, doc.fileName).toBeDefined();
        expect(doc.pages).toBe(shipped!.pages);
        expect(doc.size).toBe(shipped!.size);
      }
    }
    for (const doc of plan.documents.slice(0, 25)) {
      const bytes = await doc.build();
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);
    }
    const pages = plan.documents.map((d) => d.pages);
    expect(Math.max(...pages)).toBeGreaterThanOrEqual(5);
    expect(plan.documents.some((d) => d.language === 'ja')).toBe(true);
    const flagged = new Set(plan.documents.flatMap((d) => d.deficiencies));
    expect([...flagged].sort()).toEqual(['missing_customer_verification', 'missing_or_stale_date', 'missing_partner_solution', 'missing_poe', 'missing_product']);
  });

  it('has demo users for every role with one well-known password', () => {
    const roles = new Set(plan.users.map((u) => u.role));
    expect([...roles].sort()).toEqual(['admin', 'customer', 'partner', 'reviewer', 'supervisor']);
    expect(plan.users.every((u) => u.password === DEMO_PASSWORD)).toBe(true);
    expect(plan.users.filter((u) => u.role === 'partner').every((u) => /^\d{7}$/.test(u.partnerId ?? ''))).toBe(true);
    expect(plan.users.some((u) => u.role === 'reviewer' && /[\u3040-\u9fff]/.test(u.displayName))).toBe(true);
    expect(new Set(plan.users.map((u) => u.username)).size).toBe(plan.users.length);
  });

  it('is deterministic: same seed and now, same plan and bytes; another seed, another plan', async () => {
    const again = await demoPlan({ seed: SEED, now: NOW });
    expect(comparable(again)).toEqual(comparable(plan));
    const [a, b] = [plan.documents.at(-1)!, again.documents.at(-1)!];
    expect(Buffer.from(await a.build()).equals(Buffer.from(await b.build()))).toBe(true);
    const other = await demoPlan({ seed: SEED + 1, now: NOW, claimCount: 40 });
    expect(other.steps.length).toBeGreaterThan(0);
    expect(replay(other).refusals).toEqual([]);
    expect(other.steps.slice(0, 5)).not.toEqual(plan.steps.slice(0, 5));
  }, 30_000);

  it('stays valid for other seeds, other days of the week and small claim counts', async () => {
    for (const [seed, now, count] of [
      [1, new Date('2026-12-26T09:00:00Z'), 60], // a Saturday after a holiday
      [2, new Date('2027-03-08T16:00:00Z'), 45], // the day after the DST change
      [3, new Date('2026-07-06T15:00:00Z'), 10],
    ] as const) {
      const p = await demoPlan({ seed, now, claimCount: count });
      const { claims: c, refusals } = replay(p);
      expect(refusals).toEqual([]);
      expect(c.size).toBe(count);
    }
  }, 30_000);
});
