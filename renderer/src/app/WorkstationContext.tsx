/** The signed-in workstation for the screens below the shell. */
import { createContext, useContext } from 'react';
import type { Workstation } from '../data/workstation';

export const WorkstationContext = createContext<Workstation | null>(null);

export function useWorkstation(): Workstation {
  const workstation = useContext(WorkstationContext);
  if (!workstation) throw new Error('useWorkstation() outside a signed-in shell');
  return workstation;
}
