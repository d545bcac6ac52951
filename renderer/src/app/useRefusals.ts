/** The refusals (sync issues) of this workstation, live from IndexedDB. */
import type { Refusal } from '../store/db';
import { useLiveQuery } from '../ui/useLiveQuery';
import { useWorkstation } from './WorkstationContext';

export function useOpenRefusals(): Refusal[] {
  const { db } = useWorkstation();
  return useLiveQuery(() => db.refusals.where('dismissed').equals(0).reverse().sortBy('mutationId'), [db], []);
}

export function useOpenRefusalCount(): number {
  const { db } = useWorkstation();
  return useLiveQuery(() => db.refusals.where('dismissed').equals(0).count(), [db], 0);
}
