/** SLA preferences of this user on this device (quiet mode), kept in localStorage. */
import { create } from 'zustand';

export type SlaPrefs = { quiet: boolean };

const key = (userId: string) => `poe-workstation:sla-prefs:${userId}`;

function storage(): Pick<Storage, 'getItem' | 'setItem'> | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export const useSlaPrefs = create<SlaPrefs & { userId: string | null }>(() => ({ quiet: false, userId: null }));

/** Loads the signed-in user's preferences. */
export function loadSlaPrefs(userId: string): void {
  let quiet = false;
  try {
    quiet = (JSON.parse(storage()?.getItem(key(userId)) ?? '{}') as Partial<SlaPrefs>).quiet === true;
  } catch {
    // Damaged: defaults.
  }
  useSlaPrefs.setState({ userId, quiet });
}

export function setQuietMode(quiet: boolean): void {
  const { userId } = useSlaPrefs.getState();
  useSlaPrefs.setState({ quiet });
  if (userId) storage()?.setItem(key(userId), JSON.stringify({ quiet }));
}

/** Recent SLA alerts of this session, newest first, for the SLA screen (also what was kept quiet). */
export type RecentAlert = { id: number; atMs: number; level: 'at_risk' | 'breached'; claimIds: string[]; quiet: boolean };

export const useRecentAlerts = create<{ alerts: RecentAlert[] }>(() => ({ alerts: [] }));

let nextAlertId = 1;
export function recordAlert(alert: Omit<RecentAlert, 'id'>): void {
  useRecentAlerts.setState((s) => ({ alerts: [{ ...alert, id: nextAlertId++ }, ...s.alerts].slice(0, 20) }));
}
