import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, DEFAULT_POLICY, type Claim } from '@shared/index';
import { generateClaims } from '../queue/testing/generateClaims';
import { claimLevelAt, levelAt, SLA_CLOCKS } from './model';
import { breachedClaimCount, levelCounts, SlaIndex, type SlaSnapshot } from './slaIndex';

const SETTINGS = { calendar: DEFAULT_CALENDAR, policy: DEFAULT_POLICY };
const NOW = Date.parse('2026-12-01T17:30:00.000Z');
const asMap = (claims: readonly Claim[]) => new Map(claims.map((c) => [c.id, c]));

/** What the snapshot holds, by ids, to compare an incrementally kept index with a fresh one. */
function shape(s: SlaSnapshot) {
  const ids = (xs: readonly { owner: { claim: Claim }; clock: string }[]) => xs.map((e) => `${e.owner.claim.id}:${e.clock}`);
  return {
    byDue: SLA_CLOCKS.map((c) => ids(s.byDue[c])),
    byRisk: SLA_CLOCKS.map((c) => ids(s.byRisk[c])),
    paused: SLA_CLOCKS.map((c) => ids(s.paused[c])),
    all: ids(s.allByDue),
    breach: s.claimsByBreach.map((c) => c.claim.id),
    risk: s.claimsByRisk.map((c) => c.claim.id),
    size: s.size,
    assignees: s.assignees,
  };
}

describe('SLA index', () => {
  const before = generateClaims({ count: 3000, now: new Date(NOW - 86_400_000) });
  const after = generateClaims({ count: 3000, now: new Date(NOW), seed: 7 });

  it('orders running entries by due and at-risk instant, claims by first breach', () => {
    const snap = new SlaIndex(SETTINGS).update(asMap(before), NOW);
    for (const clock of SLA_CLOCKS) {
      const due = snap.byDue[clock].map((e) => e.dueMs);
      expect(due).toEqual([...due].sort((a, b) => a - b));
      const risk = snap.byRisk[clock].map((e) => e.atRiskMs);
      expect(risk).toEqual([...risk].sort((a, b) => a - b));
    }
    expect(snap.allByDue.length).toBe(SLA_CLOCKS.reduce((n, c) => n + snap.byDue[c].length, 0));
    expect(snap.size).toBeGreaterThan(200);
  });

  it('patched after a sync is exactly what a fresh index builds', () => {
    const index = new SlaIndex(SETTINGS);
    index.update(asMap(before), NOW);
    // 400 claims changed, 50 deleted, 100 new.
    const mixed = asMap(before);
    for (const c of after.slice(0, 400)) mixed.set(c.id, c);
    for (const c of before.slice(1000, 1050)) mixed.delete(c.id);
    const extra = generateClaims({ count: 100, now: new Date(NOW), firstNumber: 900_001 });
    for (const c of extra) mixed.set(c.id, c);
    const patched = index.update(mixed, NOW);
    expect(shape(patched)).toEqual(shape(new SlaIndex(SETTINGS).update(mixed, NOW)));
    // The same map again: the same snapshot.
    expect(index.update(mixed, NOW)).toBe(patched);
  });

  it('with the store’s delta looks at the changed claims only, and falls back to comparing all when a revision was missed', () => {
    const index = new SlaIndex(SETTINGS);
    const start = asMap(before);
    index.update(start, NOW, { revision: 1, changed: null });
    const next = new Map(start);
    const changed = after.slice(0, 300).map((c) => c.id);
    for (const c of after.slice(0, 300)) next.set(c.id, c);
    next.delete(before[2000]!.id);
    changed.push(before[2000]!.id);
    expect(shape(index.update(next, NOW, { revision: 2, changed }))).toEqual(shape(new SlaIndex(SETTINGS).update(next, NOW)));
    // Revision 3 was never seen: revision 4's delta alone would miss its changes.
    const skipped = new Map(next);
    for (const c of after.slice(300, 600)) skipped.set(c.id, c);
    expect(shape(index.update(skipped, NOW, { revision: 4, changed: [] }))).toEqual(shape(new SlaIndex(SETTINGS).update(skipped, NOW)));
  });

  it('keeps only claims in scope, and follows a claim reassigned out of it', () => {
    const mine = (c: Claim) => c.assignee === 'reviewer-1';
    const index = new SlaIndex(SETTINGS, mine);
    const claims = asMap(before);
    const snap = index.update(claims, NOW);
    expect(snap.allByDue.every((e) => e.owner.claim.assignee === 'reviewer-1')).toBe(true);
    const one = snap.allByDue[0]!.owner.claim;
    const moved = new Map(claims).set(one.id, { ...one, assignee: 'reviewer-2' });
    expect(index.update(moved, NOW).allByDue.some((e) => e.owner.claim.id === one.id)).toBe(false);
  });

  it('counts levels with binary searches exactly as reading every entry would', () => {
    const index = new SlaIndex(SETTINGS);
    const snap = index.update(asMap(before), NOW);
    for (const t of [NOW - 3 * 86_400_000, NOW, NOW + 86_400_000, NOW + 6 * 86_400_000]) {
      for (const clock of SLA_CLOCKS) {
        const all = [...snap.byDue[clock], ...snap.paused[clock]];
        const counts = levelCounts(snap, clock, t);
        expect(counts.breached).toBe(all.filter((e) => levelAt(e, t) === 'breached').length);
        expect(counts.atRisk).toBe(all.filter((e) => levelAt(e, t) === 'at_risk').length);
      }
      const breachedClaims = [...new Set(snap.allByDue.map((e) => e.owner))].concat(
        SLA_CLOCKS.flatMap((c) => snap.paused[c].map((e) => e.owner)),
      );
      expect(breachedClaimCount(snap, t)).toBe(new Set(breachedClaims.filter((c) => claimLevelAt(c, t) === 'breached')).size);
    }
  });
});
