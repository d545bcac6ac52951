/** Performs a reviewer action (local first, then synced) and keeps its outcome for the live region. */
import { useCallback, useState } from 'react';
import type { CommandInput } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { t } from '../i18n';

export type ActOutcome = { kind: 'done' | 'refused'; text: string } | null;

export function useAct() {
  const workstation = useWorkstation();
  const [outcome, setOutcome] = useState<ActOutcome>(null);
  const act = useCallback(
    async (command: Exclude<CommandInput, { type: 'create' }>): Promise<boolean> => {
      const result = await workstation.act(command);
      if (result.ok) {
        setOutcome({ kind: 'done', text: t('actions.done', { action: t(`command.${command.type}`) }) });
        return true;
      }
      setOutcome({ kind: 'refused', text: t('actions.refusedLocally', { message: result.error.message }) });
      return false;
    },
    [workstation],
  );
  return { act, outcome, clear: () => setOutcome(null) };
}
