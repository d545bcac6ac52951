/**
 * Runs the shared `decide` on the current claim without writing anything: an action's button is
 * enabled exactly when the core would accept it now, and a refused one shows the core's reason.
 */
import { useCallback, useMemo } from 'react';
import { decide, type Actor, type Claim, type CommandInput, type DecisionError } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { useSyncSettings } from '../data/workstation';
import { useNow } from '../ui/useNow';

export type DryRun = (command: Exclude<CommandInput, { type: 'create' }>) => DecisionError | null;

export function useActor(): Actor {
  const { session } = useWorkstation();
  return useMemo(() => ({ id: session.user.id, role: session.user.role }), [session.user.id, session.user.role]);
}

export function useDryRun(claim: Claim): DryRun {
  const actor = useActor();
  const settings = useSyncSettings();
  // Windows close with time, so the answer is re-evaluated on the shared ticker.
  const now = useNow();
  return useCallback(
    (command) => {
      const decision = decide(claim, command, { actor, now: new Date(now), calendar: settings.calendar, policy: settings.policy });
      return decision.ok ? null : decision.error;
    },
    [claim, actor, now, settings],
  );
}
