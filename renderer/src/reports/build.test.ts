import { DEFAULT_POLICY, type Claim, type ClaimEvent, type CommandInput, type Actor } from '@shared/index';
import { actors, apply, createCommand, passAll, TEST_CALENDAR } from '@shared/testing/fixtures';
import { describe, expect, it } from 'vitest';
import { decisionTable, openDuring, rangeOf, slaStatusTable } from './build';

const settings = { calendar: TEST_CALENDAR, policy: DEFAULT_POLICY };

/** Runs commands in order and keeps every event, as the workstation's events table does. */
function history(steps: [CommandInput, Actor, string][]): { claim: Claim; events: ClaimEvent[] } {
  let claim: Claim | null = null;
  const events: ClaimEvent[] = [];
  for (const [command, actor, at] of steps) {
    if (command.type === 'approve' && claim) claim = passAll(claim, actor, new Date(at));
    const result = apply(claim, command, actor, new Date(at));
    claim = result.claim;
    events.push(...result.events);
  }
  return { claim: claim!, events };
}

const inReview = history([
  [createCommand('C-2'), actors.partner, '2026-11-02T17:00:00Z'],
  [{ type: 'submit', claimId: 'C-2' }, actors.partner, '2026-11-02T18:00:00Z'],
  [{ type: 'startReview', claimId: 'C-2' }, actors.reviewer, '2026-11-03T17:00:00Z'],
]);
const approved = history([
  [createCommand('C-10'), actors.partner, '2026-11-02T17:00:00Z'],
  [{ type: 'submit', claimId: 'C-10' }, actors.partner, '2026-11-02T18:00:00Z'],
  [{ type: 'startReview', claimId: 'C-10' }, actors.reviewer, '2026-11-03T17:00:00Z'],
  [{ type: 'approve', claimId: 'C-10', message: '=cmd|" /C calc"!A0' }, actors.reviewer, '2026-11-04T17:00:00Z'],
]);
const rejected = history([
  [createCommand('C-3'), actors.partner, '2026-10-01T17:00:00Z'],
  [{ type: 'submit', claimId: 'C-3' }, actors.partner, '2026-10-01T18:00:00Z'],
  [{ type: 'startReview', claimId: 'C-3' }, actors.reviewer, '2026-10-02T17:00:00Z'],
  [{ type: 'reject', claimId: 'C-3', reasons: ['insufficient_poe', 'missing_product'], message: 'No signature,\nno product' }, actors.reviewer, '2026-10-05T17:00:00Z'],
]);
const draft = history([[createCommand('C-1'), actors.partner, '2026-11-02T17:00:00Z']]);
const claims = new Map([inReview, approved, rejected, draft].map((h) => [h.claim.id, h.claim]));
const events = [inReview, approved, rejected, draft].flatMap((h) => h.events);
const november = rangeOf('2026-11-01', '2026-11-30')!;

describe('report period', () => {
  it('runs from local midnight of the first day to local midnight after the last', () => {
    const r = rangeOf('2026-11-01', '2026-11-01')!;
    expect(r.toMs - r.fromMs).toBe(24 * 3600_000);
    expect(new Date(r.fromMs).getHours()).toBe(0);
    expect(rangeOf('2026-11-01', 'x')).toBeNull();
  });

  it('takes claims open at some time in the period', () => {
    expect(openDuring(inReview.claim, november)).toBe(true);
    expect(openDuring(approved.claim, november)).toBe(true); // approved on Nov 4
    expect(openDuring(rejected.claim, november)).toBe(false); // closed in October
    expect(openDuring(rejected.claim, rangeOf('2026-10-01', '2026-10-31')!)).toBe(true);
    expect(openDuring(draft.claim, november)).toBe(false); // never submitted
  });
});

describe('SLA status report', () => {
  it('has one row per claim with the running clocks as of now, in natural id order', () => {
    const table = slaStatusTable(claims.values(), settings, new Date('2026-11-05T17:00:00Z'), november, 'en');
    expect(table.rows.map((r) => r[0])).toEqual(['C-2', 'C-10']);
    const [row] = table.rows;
    const col = (name: string) => table.headers.indexOf(name);
    expect(row![col('Status')]).toBe('Under review');
    expect(row![col('Status code')]).toBe('in_review');
    expect(row![col('Assignee')]).toBe('reviewer-1');
    expect(row![col('Review: level')]).toBe('On track');
    expect(row![col('Review: due (UTC)')]).toMatch(/^2026-11-10T\d\d:\d\d:\d\dZ$/);
    expect(row![col('Review: remaining (business days)')]).toBe(3);
    expect(row![col('Pickup: level')]).toBeNull(); // not running any more
    // The approved claim: its consent window runs, in calendar days.
    const approvedRow = table.rows[1]!;
    expect(approvedRow[col('Customer consent window: level')]).toBe('On track');
    expect(typeof approvedRow[col('Customer consent window: remaining (days)')]).toBe('number');
  });

  it('speaks Japanese when asked', () => {
    const table = slaStatusTable(claims.values(), settings, new Date('2026-11-05T17:00:00Z'), november, 'ja');
    expect(table.name).toBe('SLA の状態');
    expect(table.headers).toContain('状態');
    expect(table.rows[0]).toContain('レビュー中');
    expect(table.headers).toContain('レビュー: 残り（営業日）');
  });

  it('takes the at-risk threshold from the settings', () => {
    const strict = { ...settings, policy: { ...DEFAULT_POLICY, atRiskAt: 0.3 } };
    const table = slaStatusTable([inReview.claim], strict, new Date('2026-11-05T17:00:00Z'), november, 'en');
    expect(table.rows[0]![table.headers.indexOf('Review: level')]).toBe('At risk');
  });
});

describe('decision history report', () => {
  it('lists decisions in the period with who, when, why, oldest first', () => {
    const table = decisionTable(events, claims, november, 'en');
    const col = (name: string) => table.headers.indexOf(name);
    expect(table.rows.map((r) => [r[col('Claim ID')], r[col('Event code')]])).toEqual([
      ['C-10', 'reviewStarted'],
      ['C-2', 'reviewStarted'],
      ['C-10', 'approved'],
    ]);
    const approvedRow = table.rows[2]!;
    expect(approvedRow[col('When (UTC)')]).toBe('2026-11-04T17:00:00Z');
    expect(approvedRow[col('By')]).toBe('reviewer-1');
    expect(approvedRow[col('Role')]).toBe('Reviewer');
    expect(approvedRow[col('Message')]).toBe('=cmd|" /C calc"!A0'); // the CSV writer defuses it
    expect(table.rows[0]![col('Decision')]).toBe('Review started by reviewer-1');
  });

  it('writes rejection reasons as labels and codes', () => {
    const table = decisionTable(events, claims, rangeOf('2026-10-01', '2026-10-31')!, 'ja');
    const rejection = table.rows.find((r) => r.includes('rejected'))!;
    expect(rejection).toContain('実行の証明が不十分; 不足している製品');
    expect(rejection).toContain('insufficient_poe;missing_product');
    expect(rejection).toContain('No signature,\nno product');
  });

  it('keeps only claims the filter accepts', () => {
    const table = decisionTable(events, claims, november, 'en', (claim) => claim?.id === 'C-2');
    expect(table.rows.map((r) => r[2])).toEqual(['C-2']);
  });
});
