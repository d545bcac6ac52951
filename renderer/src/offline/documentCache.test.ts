import { describe, expect, it } from 'vitest';
import { actors, createCommand, TEST_CALENDAR } from '@shared/testing/fixtures';
import { decide, evolve, type Claim, type CommandInput } from '@shared/index';
import { documentsHeldBy } from './documentCache';

function claimWith(id: string, commands: (actor: typeof actors.reviewer) => CommandInput[]): Claim {
  let claim: Claim | null = null;
  const steps: [CommandInput, (typeof actors)[keyof typeof actors]][] = [
    [createCommand(id), actors.partner],
    [{ type: 'submit', claimId: id }, actors.partner],
    ...commands(actors.reviewer).map((c) => [c, actors.reviewer] as [CommandInput, typeof actors.reviewer]),
  ];
  for (const [command, actor] of steps) {
    const decision = decide(claim, command, { actor, now: new Date('2026-11-02T17:00:00Z'), calendar: TEST_CALENDAR });
    if (!decision.ok) throw new Error(decision.error.message);
    for (const event of decision.events) claim = evolve(claim, event);
  }
  return claim!;
}

describe('documents kept offline', () => {
  it('are those of open claims assigned to me', () => {
    const mine = claimWith('c-mine', () => [{ type: 'startReview', claimId: 'c-mine' }]);
    const unassigned = claimWith('c-free', () => []);
    const held = documentsHeldBy([mine, unassigned], actors.reviewer.id);
    expect([...held]).toEqual(mine.documents.map((d) => d.sha256));
    expect(documentsHeldBy([mine], 'someone-else').size).toBe(0);
  });
});
