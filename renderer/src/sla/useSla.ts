/**
 * The SLA snapshot of the signed-in user's scope (supervisors: every claim; reviewers: the claims
 * assigned to them), shared by the SLA screen and the notifier: one index, updated from the claims
 * store's immutable map, so a sync re-derives only the claims it changed.
 */
import { useMemo } from 'react';
import type { Claim } from '@shared/index';
import { useClaims } from '../data/claimsStore';
import { serverTimeNow, useSyncSettings } from '../data/workstation';
import type { SlaSettings } from './model';
import { SlaIndex, type SlaSnapshot } from './slaIndex';

export type SlaScope = { key: string; inScope(claim: Claim): boolean };

const everything: SlaScope = { key: 'all', inScope: () => true };

export function scopeFor(user: { id: string; role: string }): SlaScope {
  if (user.role === 'supervisor') return everything;
  return { key: `assignee:${user.id}`, inScope: (claim) => claim.assignee === user.id };
}

let shared: { key: string; index: SlaIndex } | null = null;
const settingsKeys = new WeakMap<object, string>();

/** Calendar and policy by content: the sync loop republishes equal settings as new objects. */
function settingsKey(settings: SlaSettings): string {
  let key = settingsKeys.get(settings);
  if (key === undefined) {
    key = JSON.stringify([settings.calendar, settings.policy]);
    settingsKeys.set(settings, key);
  }
  return key;
}

/** The one index for this scope and these settings (a new one when either changes). */
export function sharedSlaIndex(settings: SlaSettings, scope: SlaScope): SlaIndex {
  const key = `${scope.key}|${settingsKey(settings)}`;
  if (shared?.key !== key) shared = { key, index: new SlaIndex({ calendar: settings.calendar, policy: settings.policy }, scope.inScope) };
  return shared.index;
}

export function useSlaIndex(scope: SlaScope): SlaIndex {
  const settings = useSyncSettings();
  const key = `${scope.key}|${settingsKey(settings)}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by content, not by object identity
  return useMemo(() => sharedSlaIndex(settings, scope), [key]);
}

/** The snapshot for the current claims; null until the claims are loaded. */
export function useSlaSnapshot(scope: SlaScope, enabled = true): { index: SlaIndex; snapshot: SlaSnapshot | null } {
  const index = useSlaIndex(scope);
  const claims = useClaims((s) => s.claims);
  const loaded = useClaims((s) => s.loaded);
  const revision = useClaims((s) => s.revision);
  const changed = useClaims((s) => s.changed);
  const snapshot = useMemo(
    () => (enabled && loaded ? index.update(claims, serverTimeNow(), { revision, changed }) : null),
    // `revision` and `changed` change together with `claims`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, claims, loaded, enabled],
  );
  return { index, snapshot };
}
