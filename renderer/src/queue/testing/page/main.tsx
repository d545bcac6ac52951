/**
 * Test page for QueueScreen.chromium.test.ts: the queue over generated claims (plus a few written
 * for the tests), a stopped clock, and every "open claim" recorded on `window.__opened`.
 */
import { DEFAULT_POLICY } from '@shared/index';
import { TEST_CALENDAR } from '@shared/testing/fixtures';
import { createRoot } from 'react-dom/client';

import { useClaims } from '../../../data/claimsStore';
import { QueueScreen } from '../../QueueScreen';
import type { ViewId } from '../../query';
import { createTicker } from '../../ticker';
import { makeClaim } from '../claims';
import { generateClaims } from '../generateClaims';

declare global {
  interface Window {
    __opened: string[];
  }
}

const NOW = Date.parse('2026-12-01T17:30:00.000Z');
const params = new URLSearchParams(location.search);
const count = Number(params.get('count') ?? 3000);

const claims = [
  ...generateClaims({ count, now: new Date(NOW), seed: 42 }),
  makeClaim('CPOR-900001', {
    customer: { tenantId: '11111111-2222-4333-8444-555555555555', name: '株式会社サンプル商事', domain: 'sample-shoji.co.jp' },
    assignee: 'reviewer-1',
  }),
];
useClaims.setState({ loaded: true, claims: new Map(claims.map((c) => [c.id, c])), revision: 1, pending: new Set() });

window.__opened = [];
createRoot(document.getElementById('root')!).render(
  // The shell puts screens in its <main>; so does this page.
  <main style={{ height: '100%' }}>
    <QueueScreen
      onOpenClaim={(id) => window.__opened.push(id)}
      currentUserId="reviewer-1"
      settings={{ calendar: TEST_CALENDAR, policy: DEFAULT_POLICY }}
      initialView={(params.get('view') as ViewId | null) ?? 'all'}
      ticker={createTicker(() => NOW)}
    />
  </main>,
);
