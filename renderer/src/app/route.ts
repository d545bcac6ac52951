/**
 * Screens by URL hash (#/queue, #/claims/<id>, #/sync-issues, #/reports, #/settings, #/sla): works the same under app://,
 * a static server and the backend, with no server-side routing, and survives reloads.
 */
import { useSyncExternalStore } from 'react';

export type Route = { screen: 'queue' } | { screen: 'claim'; claimId: string } | { screen: 'syncIssues' } | { screen: 'reports' } | { screen: 'settings' } | { screen: 'sla' };

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const claim = /^\/claims\/(.+)$/.exec(path);
  if (claim) {
    try {
      return { screen: 'claim', claimId: decodeURIComponent(claim[1]!) };
    } catch {
      return { screen: 'queue' };
    }
  }
  if (path === '/sync-issues') return { screen: 'syncIssues' };
  if (path === '/reports') return { screen: 'reports' };
  if (path === '/settings') return { screen: 'settings' };
  if (path === '/sla') return { screen: 'sla' };
  return { screen: 'queue' };
}

export function hrefOf(route: Route): string {
  switch (route.screen) {
    case 'claim':
      return `#/claims/${encodeURIComponent(route.claimId)}`;
    case 'syncIssues':
      return '#/sync-issues';
    case 'reports':
      return '#/reports';
    case 'settings':
      return '#/settings';
    case 'sla':
      return '#/sla';
    default:
      return '#/queue';
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

const subscribe = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash, () => '');
  return parseRoute(hash);
}
