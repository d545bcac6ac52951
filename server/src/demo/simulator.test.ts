import { describe, expect, it } from 'vitest';
import { decide, evolve, type Claim } from '../../../shared/index';
import { demoPlan } from './plan';
import { simulatorActions } from './simulator';

describe('simulator actions', () => {
  it('proposes actions the core accepts, round after round, and moves the queue', async () => {
    let now = new Date('2026-10-14T18:30:00Z');
    const plan = await demoPlan({ seed: 5, now, claimCount: 40 });
    const claims = new Map<string, Claim>();
    const apply = (command: Parameters<typeof decide>[1], actor: Parameters<typeof decide>[2]['actor'], at: Date) => {
      const id = (command as { claimId: string }).claimId;
      const decision = decide(claims.get(id) ?? null, command, { actor, now: at, calendar: plan.calendar });
      if (!decision.ok) return decision.error.message;
      let claim = claims.get(id) ?? null;
      for (const event of decision.events) claim = evolve(claim, event);
      claims.set(id, claim!);
      return null;
    };
    for (const step of plan.steps) expect(apply(step.command, step.actor, step.at)).toBeNull();

    const kinds = new Set<string>();
    for (let round = 1; round <= 12; round++) {
      now = new Date(now.getTime() + 3_600_000);
      const actions = await simulatorActions({ seed: 5, round, now, claims: [...claims.values()], max: 6 });
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) {
        expect(apply(action.command, action.actor, now), action.summary).toBeNull();
        kinds.add(action.command.type);
        for (const file of action.uploads) expect(file.bytes.length).toBeGreaterThan(1000);
      }
    }
    expect(kinds.has('create')).toBe(true);
    expect(kinds.has('submit')).toBe(true);
    expect(kinds.size).toBeGreaterThanOrEqual(3);
  }, 30_000);
});
