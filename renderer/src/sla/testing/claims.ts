/** Claims with known histories for SLA tests, driven through the real decide/evolve (shared fixtures). */
import type { Actor, Calendar, Claim, CommandInput } from '@shared/index';
import { actors, apply, createCommand, passAll, TEST_CALENDAR } from '@shared/testing/fixtures';
import { DEFAULT_POLICY } from '@shared/index';
import type { SlaSettings } from '../model';

export { actors, TEST_CALENDAR };

/** The test calendar (US Pacific, holidays 2026-11-26/27, 12-25, 2027-01-01) and the default policy. */
export const SETTINGS: SlaSettings = { calendar: TEST_CALENDAR, policy: DEFAULT_POLICY };

export const at = (iso: string) => new Date(iso);

/** Drives claim `id` through [command type, actor, ISO time] steps (created at the first step's time). */
export function history(id: string, steps: [CommandInput['type'], Actor, string][], calendar: Calendar = TEST_CALENDAR): Claim {
  let claim = apply(null, createCommand(id), actors.partner, at(steps[0]![2]), calendar).claim;
  for (const [type, actor, when] of steps) {
    if (type === 'create') continue;
    const command: CommandInput =
      type === 'requestInfo'
        ? { type, claimId: id, codes: ['missing_product'], message: 'Power BI is not named.' }
        : type === 'reject'
          ? { type, claimId: id, reasons: ['insufficient_poe'], message: 'Unsigned.' }
          : ({ type, claimId: id } as CommandInput);
    if (type === 'approve') claim = passAll(claim, actor, at(when));
    claim = apply(claim, command, actor, at(when), calendar).claim;
  }
  return claim;
}

/** Reassigns a claim (as the supervisor). */
export function assign(claim: Claim, assignee: string | null, when: string): Claim {
  return apply(claim, { type: 'assign', claimId: claim.id, assignee }, actors.supervisor, at(when)).claim;
}
