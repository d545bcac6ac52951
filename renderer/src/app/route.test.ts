import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from './route';

describe('hash routes', () => {
  it.each([
    ['', { screen: 'queue' }],
    ['#/queue', { screen: 'queue' }],
    ['#/sync-issues', { screen: 'syncIssues' }],
    ['#/sla', { screen: 'sla' }],
    ['#/reports', { screen: 'reports' }],
    ['#/settings', { screen: 'settings' }],
    ['#/claims/CPOR-100001', { screen: 'claim', claimId: 'CPOR-100001' }],
    ['#/claims/a%2Fb%20c', { screen: 'claim', claimId: 'a/b c' }],
    ['#/claims/%E0%A4%A', { screen: 'queue' }],
    ['#/elsewhere', { screen: 'queue' }],
  ])('%s', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('round-trips claim ids with any characters', () => {
    const route = { screen: 'claim', claimId: 'x/#?é 1' } as const;
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
