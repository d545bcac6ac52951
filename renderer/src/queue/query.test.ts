import { addBusinessDays, clocks, DEFAULT_POLICY, primaryClock, STATUSES, type Claim } from '@shared/index';
import { TEST_CALENDAR } from '@shared/testing/fixtures';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildRow, ensureHaystack, levelAt, remainingAt, RowIndex, slaLevelAt, type QueueRow, type QueueSettings } from './model';
import {
  AssigneeCounter,
  countViews,
  FilterMemo,
  filterRows,
  inView,
  naturalKey,
  rowPredicate,
  searchTerms,
  Sorter,
  SortIndex,
  SORT_COLUMNS,
  VIEW_IDS,
  type QueueContext,
  type QueueFilters,
  type SortColumn,
  type SortSpec,
  ViewCounter,
} from './query';
import { makeClaim } from './testing/claims';
import { generateClaims } from './testing/generateClaims';

const settings: QueueSettings = { calendar: TEST_CALENDAR, policy: DEFAULT_POLICY };
/** Tuesday 1 December 2026, 09:30 in Los Angeles (the test calendar's zone). */
const NOW = Date.parse('2026-12-01T17:30:00.000Z');
const ctx: QueueContext = { nowMs: NOW, endOfDayMs: Date.parse('2026-12-02T07:59:59.999Z'), userId: 'reviewer-1' };
const ago = (businessDays: number) => addBusinessDays(TEST_CALENDAR, new Date(NOW), -businessDays).toISOString();
const row = (claim: Claim) => buildRow(claim, settings, new Date(NOW));
const ids = (rows: readonly QueueRow[]) => rows.map((r) => r.id);

/** One claim per interesting case; ids say what each one is. */
function scenario(): QueueRow[] {
  return [
    makeClaim('CPOR-1-pickup-breached', { submittedAt: '2026-11-10T17:00:00.000Z', assignee: 'reviewer-1' }),
    makeClaim('CPOR-2-pickup-at-risk', { submittedAt: ago(4) }),
    makeClaim('CPOR-3-pickup-on-track', { submittedAt: new Date(NOW - 3_600_000).toISOString(), assignee: 'reviewer-2' }),
    makeClaim('CPOR-4-due-today', { submittedAt: ago(4.95), assignee: 'reviewer-1' }),
    makeClaim('CPOR-5-review', { status: 'in_review', enteredAt: ago(1), assignee: 'reviewer-1' }),
    makeClaim('CPOR-6-approved', { status: 'approved', enteredAt: new Date(NOW - 2 * 86_400_000).toISOString(), assignee: 'reviewer-1' }),
    makeClaim('CPOR-7-dispute-window-closed', { status: 'rejected', enteredAt: '2026-10-20T17:00:00.000Z' }),
    makeClaim('CPOR-8-disputed', { status: 'disputed', enteredAt: ago(2), dispute: { justification: 'Delivered.', by: 'partner-1', at: ago(2) } }),
    makeClaim('CPOR-9-draft', { status: 'draft', submittedAt: null }),
    makeClaim('CPOR-10-sent', { status: 'sent_for_evaluation', enteredAt: ago(20), assignee: 'reviewer-2' }),
  ].map(row);
}

describe('queue rows', () => {
  it('carry the primary running clock of the shared core, and its level at any instant', () => {
    for (const r of scenario()) {
      const reading = primaryClock(clocks(r.claim, new Date(NOW), TEST_CALENDAR, { policy: DEFAULT_POLICY }));
      expect(r.clock?.dueMs ?? null, r.id).toBe(reading ? reading.dueAt.getTime() : null);
      // Same level as the core at a spread of instants (never within a millisecond of a threshold).
      for (const offset of [-3, -1, 0, 0.5, 1, 2, 6].map((d) => d * 86_400_000 + 1234)) {
        const at = NOW + offset;
        const now = primaryClock(clocks(r.claim, new Date(at), TEST_CALENDAR, { policy: DEFAULT_POLICY }));
        expect(levelAt(r, at), `${r.id} at ${new Date(at).toISOString()}`).toBe(now?.level ?? null);
      }
    }
  });

  it('have no clock when none runs (draft, sent for evaluation)', () => {
    const rows = scenario();
    expect(rows.find((r) => r.id === 'CPOR-9-draft')!.clock).toBeNull();
    expect(rows.find((r) => r.id === 'CPOR-10-sent')!.clock).toBeNull();
    expect(Number.isNaN(rows.find((r) => r.id === 'CPOR-9-draft')!.submittedMs)).toBe(true);
  });

  it('treat consent and dispute windows as windows, not service levels', () => {
    const rows = scenario();
    const closed = rows.find((r) => r.id === 'CPOR-7-dispute-window-closed')!;
    expect(closed.clock).toMatchObject({ name: 'disputeWindow', kind: 'window' });
    expect(levelAt(closed, NOW)).toBe('breached');
    expect(slaLevelAt(closed, NOW)).toBeNull();
    expect(rows.find((r) => r.id === 'CPOR-6-approved')!.clock).toMatchObject({ name: 'consent', kind: 'window' });
  });

  it('count failed checklist items as deficiencies, else the last request on an open claim', () => {
    const failed = makeClaim('A', {
      status: 'in_review',
      checklist: {
        date: { result: 'fail', by: 'r', at: ago(1) },
        customer_verification: { result: 'fail', note: '署名がありません', by: 'r', at: ago(1) },
        poe_present: { result: 'pass', by: 'r', at: ago(1) },
      },
    });
    expect(row(failed).deficiencies).toEqual(['missing_customer_verification', 'missing_or_stale_date']);
    const request = { codes: ['missing_poe' as const, 'missing_product' as const], message: 'Please add the PoE.', by: 'r', at: ago(1) };
    expect(row(makeClaim('B', { status: 'partner_action_needed', enteredAt: ago(1), infoRequests: [request] })).deficiencies).toEqual(['missing_poe', 'missing_product']);
    // Decided claims keep their history, but nothing is deficient any more.
    expect(row(makeClaim('C', { status: 'approved', enteredAt: ago(1), infoRequests: [request] })).deficiencies).toEqual([]);
  });

  it('are derived once per claim object: unchanged claims keep their row', () => {
    const claims = new Map(scenario().map((r) => [r.id, r.claim]));
    const index = new RowIndex(settings);
    const first = index.rows(claims, NOW);
    const changed = { ...claims.get('CPOR-5-review')!, assignee: 'reviewer-9' };
    const next = index.rows(new Map(claims).set(changed.id, changed), NOW);
    expect(next.filter((r, i) => r !== first[i]).map((r) => r.id)).toEqual(['CPOR-5-review']);
    expect(index.peek(changed)).toBe(next[4]);
    // The same settings again as new objects (as every sync republishes them): rows stay.
    index.setSettings(JSON.parse(JSON.stringify(settings)) as QueueSettings);
    expect(index.rows(claims, NOW)[0]).toBe(first[0]);
    index.setSettings({ ...settings, policy: { ...DEFAULT_POLICY, pickupDays: 3 } });
    expect(index.rows(claims, NOW)[0]).not.toBe(first[0]);
  });

  it('read the days left once a minute per row (the countdown seconds come from the due instant)', () => {
    const r = scenario().find((x) => x.id === 'CPOR-2-pickup-at-risk')!;
    const a = remainingAt(r, NOW + 1_000);
    expect(remainingAt(r, NOW + 59_000)).toBe(a);
    expect(remainingAt(r, NOW + 61_000)).toBeLessThan(a!);
    expect(a).toBeCloseTo(1, 3);
  });
});

describe('saved views and their counts', () => {
  it('count each view in one pass, consistently with the view itself', () => {
    const rows = scenario();
    const counts = countViews(rows, ctx);
    expect(counts).toEqual({ mine: 3, unassigned: 2, dueToday: 1, breached: 1, disputes: 1, all: 10 });
    for (const view of VIEW_IDS) expect(rows.filter((r) => inView(view, r, ctx)).length, view).toBe(counts[view]);
  });

  it('put the right claims in each view', () => {
    const rows = scenario();
    const of = (view: (typeof VIEW_IDS)[number]) => ids(rows.filter((r) => inView(view, r, ctx)));
    // Mine: open and mine; the approved one assigned to me is done.
    expect(of('mine')).toEqual(['CPOR-1-pickup-breached', 'CPOR-4-due-today', 'CPOR-5-review']);
    // Unassigned: open only (not the closed rejection, not the draft).
    expect(of('unassigned')).toEqual(['CPOR-2-pickup-at-risk', 'CPOR-8-disputed']);
    expect(of('dueToday')).toEqual(['CPOR-4-due-today']);
    // A closed dispute window is not a breached service level.
    expect(of('breached')).toEqual(['CPOR-1-pickup-breached']);
    expect(of('disputes')).toEqual(['CPOR-8-disputed']);
  });

  it('agree with the views for generated claims at any instant', () => {
    const rows = generateClaims({ count: 600, now: new Date(NOW), seed: 7 }).map(row);
    fc.assert(
      fc.property(fc.integer({ min: -5 * 86_400_000, max: 5 * 86_400_000 }), fc.constantFrom('reviewer-1', 'reviewer-2', 'nobody'), (offset, userId) => {
        const c: QueueContext = { nowMs: NOW + offset, endOfDayMs: NOW + offset + 8 * 3_600_000, userId };
        const counts = countViews(rows, c);
        for (const view of VIEW_IDS) expect(rows.filter((r) => inView(view, r, c)).length).toBe(counts[view]);
      }),
      { numRuns: 40 },
    );
  });
});

describe('filters', () => {
  const rows = scenario();
  const pick = (filters: QueueFilters, search = '', view: (typeof VIEW_IDS)[number] = 'all') => ids(filterRows(rows, rowPredicate(view, filters, search, ctx)));

  it('filter by status, product family and assignee (unassigned included)', () => {
    expect(pick({ status: 'in_review' })).toEqual(['CPOR-5-review']);
    expect(pick({ family: 'microsoft_365' })).toEqual([]);
    expect(pick({ family: 'business_applications' })).toHaveLength(10);
    expect(pick({ assignee: 'reviewer-2' })).toEqual(['CPOR-3-pickup-on-track', 'CPOR-10-sent']);
    expect(pick({ assignee: null })).toEqual(['CPOR-2-pickup-at-risk', 'CPOR-7-dispute-window-closed', 'CPOR-8-disputed', 'CPOR-9-draft']);
  });

  it('filter by SLA level; claims without a running service-level clock are "none"', () => {
    expect(pick({ level: 'breached' })).toEqual(['CPOR-1-pickup-breached']);
    expect(pick({ level: 'at_risk' })).toEqual(['CPOR-2-pickup-at-risk', 'CPOR-4-due-today']);
    expect(pick({ level: 'on_track' })).toEqual(['CPOR-3-pickup-on-track', 'CPOR-5-review', 'CPOR-8-disputed']);
    expect(pick({ level: 'none' })).toEqual(['CPOR-6-approved', 'CPOR-7-dispute-window-closed', 'CPOR-9-draft', 'CPOR-10-sent']);
  });

  it('filter by partner: the exact Partner ID, or part of the name in any case or width', () => {
    const other = row(makeClaim('P2', { partner: { partnerId: '7654321', name: '株式会社サンプル商事', contact: { name: 'x', email: 'x@y.example' } } }));
    const all = [...rows, other];
    const by = (partner: string) => ids(filterRows(all, rowPredicate('all', { partner }, '', ctx)));
    expect(by('7654321')).toEqual(['P2']);
    expect(by('765432')).toEqual([]); // a Partner ID matches whole, not in part
    expect(by('CONTOSO')).toHaveLength(10);
    expect(by('ｻﾝﾌﾟﾙ')).toEqual(['P2']); // half-width katakana folds to サンプル
  });

  it('a predicate made before the rows it tests (reports build rows lazily) matches a new partner and assignee', () => {
    const matches = rowPredicate('all', { partner: '9988776', assignee: 'reviewer-new' }, '', ctx);
    const both = row(
      makeClaim('NEW-1', {
        assignee: 'reviewer-new',
        partner: { partnerId: '9988776', name: 'Brand New Partner', contact: { name: 'x', email: 'x@y.example' } },
      }),
    );
    const otherAssignee = row(makeClaim('NEW-2', { assignee: 'reviewer-newer', partner: both.claim.partner }));
    expect([both, otherAssignee].filter(matches).map((r) => r.id)).toEqual(['NEW-1']);
    expect(rowPredicate('all', { partner: 'brand new' }, '', ctx)(both)).toBe(true);
    expect(rowPredicate('all', { assignee: null }, '', ctx)(both)).toBe(false);
  });

  it('combine filters, view and search (all must hold)', () => {
    expect(pick({ assignee: 'reviewer-1' }, '', 'mine')).toEqual(['CPOR-1-pickup-breached', 'CPOR-4-due-today', 'CPOR-5-review']);
    expect(pick({ assignee: 'reviewer-1', level: 'at_risk' }, 'cpor-4', 'mine')).toEqual(['CPOR-4-due-today']);
    expect(pick({ status: 'draft' }, '', 'mine')).toEqual([]);
  });
});

describe('search', () => {
  const jp = makeClaim('CPOR-200', {
    partner: { partnerId: '4455667', name: 'Nihon Cloud Solutions K.K.', contact: { name: '田中 愛子', email: 'a@nihon.example' } },
    customer: { tenantId: 'aaaabbbb-cccc-4ddd-8eee-ffff00001111', name: '株式会社サンプル商事', domain: 'sample-shoji.co.jp' },
    products: [
      { productId: 'teams', family: 'microsoft_365' },
      { productId: 'power_bi', family: 'business_applications' },
    ],
  });
  const en = makeClaim('CPOR-201');
  const rows = [jp, en].map(row);
  const find = (q: string) => ids(filterRows(rows, rowPredicate('all', {}, q, ctx)));

  it('finds by claim id, partner name and ID, customer name, domain and tenant, product names', () => {
    expect(find('cpor-200')).toEqual(['CPOR-200']);
    expect(find('nihon cloud')).toEqual(['CPOR-200']);
    expect(find('4455667')).toEqual(['CPOR-200']);
    expect(find('fabrikam')).toEqual(['CPOR-201']);
    expect(find('sample-shoji.co.jp')).toEqual(['CPOR-200']);
    expect(find('AAAABBBB-CCCC')).toEqual(['CPOR-200']);
    expect(find('microsoft teams')).toEqual(['CPOR-200']);
    expect(find('dynamics 365 sales')).toEqual(['CPOR-201']);
  });

  it('matches Japanese text, full-width and half-width forms alike', () => {
    expect(find('サンプル')).toEqual(['CPOR-200']);
    expect(find('株式会社')).toEqual(['CPOR-200']);
    expect(find('ｻﾝﾌﾟﾙ')).toEqual(['CPOR-200']);
    expect(find('ＣＯＮＴＯＳＯ')).toEqual(['CPOR-201']);
    expect(find('ｃｐｏｒ－２００')).toEqual(['CPOR-200']);
  });

  it('needs every term (split on any white space, the ideographic space too), each within one field', () => {
    expect(searchTerms('  サンプル　商事 ')).toEqual(['サンプル', '商事']);
    expect(find('サンプル　商事')).toEqual(['CPOR-200']);
    expect(find('サンプル fabrikam')).toEqual([]);
    // The end of one field and the start of the next are not one word.
    expect(find('consultingfabrikam')).toEqual([]);
    expect(find('k.k.4455667')).toEqual([]);
  });

  it('treats an empty or blank query as no search', () => {
    expect(find('')).toEqual(['CPOR-200', 'CPOR-201']);
    expect(find(' \u3000 ')).toEqual(['CPOR-200', 'CPOR-201']);
  });

  it('keeps the search text once built', () => {
    const r = row(en);
    expect(r.hay).toBe('');
    const hay = ensureHaystack(r);
    expect(hay).toContain('fabrikam ltd');
    expect(ensureHaystack(r)).toBe(hay);
  });
});

describe('FilterMemo', () => {
  const rows = generateClaims({ count: 800, now: new Date(NOW), seed: 11 }).map(row);
  const sorter = new Sorter(rows);
  const sorted = sorter.sorted({ column: 'sla', desc: false });
  const fresh = (search: string, filters: QueueFilters = {}) => ids(filterRows(sorted, rowPredicate('all', filters, search, ctx)));

  it('gives the same result as filtering afresh, whatever is typed, deleted or pasted', () => {
    const alphabet = ['c', 'o', 'n', 't', 's', ' ', 'サ', 'ン', 'プ', 'ル', '1', '0', 'カ', '\u3099', '-', 'ｃ'];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...alphabet), { maxLength: 6 }).map((cs) => cs.join('')), { minLength: 1, maxLength: 12 }), (queries) => {
        const memo = new FilterMemo();
        for (const q of queries) expect(ids(memo.filter(sorted, 'all', {}, q, ctx))).toEqual(fresh(q));
      }),
      { numRuns: 60 },
    );
  });

  it('narrows only when every earlier term lies inside a new one (a combining mark changes the letter)', () => {
    const memo = new FilterMemo();
    memo.filter(sorted, 'all', {}, 'カ', ctx);
    // "カ" + combining voiced mark is "ガ" after NFKC, which does not contain "カ": start again.
    expect(ids(memo.filter(sorted, 'all', {}, 'カ\u3099', ctx))).toEqual(fresh('カ\u3099'));
  });

  it('returns the same array while nothing changes, the sorted array itself when nothing filters', () => {
    const memo = new FilterMemo();
    const a = memo.filter(sorted, 'all', { status: 'submitted' }, 'co', ctx);
    expect(memo.filter(sorted, 'all', { status: 'submitted' }, 'co', { ...ctx })).toBe(a);
    expect(memo.filter(sorted, 'all', {}, '  ', ctx)).toBe(sorted);
  });
});

// ---------------------------------------------------------------------------------------------
// Sorting, against a plain comparator that says what the order must be.

const STATUS_INDEX = new Map(STATUSES.map((s, i) => [s, i]));
function referenceKey(r: QueueRow, column: SortColumn): number | string | null {
  const c = r.claim;
  switch (column) {
    case 'id':
      return naturalKey(r.id);
    case 'partner':
      return `${c.partner.name.toLowerCase()}\u0000${c.partner.partnerId}`;
    case 'customer':
      return c.customer.name.toLowerCase();
    case 'products':
      return r.productNames.join(', ').toLowerCase();
    case 'status':
      return STATUS_INDEX.get(c.status)!;
    case 'assignee':
      return c.assignee === null ? null : naturalKey(c.assignee);
    case 'submitted':
      return Number.isNaN(r.submittedMs) ? null : r.submittedMs;
    case 'sla':
      return r.clock === null ? null : r.clock.dueMs;
    case 'deficiencies':
      return r.deficiencies.length;
  }
}
const cmp = (x: number | string | null, y: number | string | null, sign: number): number => {
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return x < y ? -sign : sign;
};
/** Service levels before windows before no clock, in either direction. */
const tier = (r: QueueRow) => (r.clock === null ? 2 : r.clock.kind === 'sla' ? 0 : 1);
function referenceSort(rows: readonly QueueRow[], spec: SortSpec): string[] {
  return [...rows]
    .sort(
      (a, b) =>
        (spec.column === 'sla' ? tier(a) - tier(b) : 0) ||
        cmp(referenceKey(a, spec.column), referenceKey(b, spec.column), spec.desc ? -1 : 1) ||
        tier(a) - tier(b) ||
        cmp(referenceKey(a, 'sla'), referenceKey(b, 'sla'), 1) ||
        cmp(`${naturalKey(a.id)}\u0000${a.id}`, `${naturalKey(b.id)}\u0000${b.id}`, 1),
    )
    .map((r) => r.id);
}

describe('sorting', () => {
  it('orders every column both ways like the reference comparator (generated claims)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 400 }), (seed, count) => {
        const rows = generateClaims({ count, now: new Date(NOW), seed }).map(row);
        const sorter = new Sorter(rows);
        for (const column of SORT_COLUMNS) {
          for (const desc of [false, true]) expect(ids(sorter.sorted({ column, desc })), `${column} ${desc ? 'desc' : 'asc'}`).toEqual(referenceSort(rows, { column, desc }));
        }
      }),
      { numRuns: 12 },
    );
  });

  it('breaks ties on the most urgent SLA first, then on the claim id', () => {
    const rows = [
      makeClaim('CPOR-30', { status: 'in_review', enteredAt: ago(1) }),
      makeClaim('CPOR-31', { status: 'in_review', enteredAt: ago(3) }),
      makeClaim('CPOR-32', { status: 'in_review', enteredAt: ago(3) }),
      makeClaim('CPOR-29', { status: 'sent_for_evaluation', enteredAt: ago(9) }),
      makeClaim('CPOR-28', { status: 'sent_for_evaluation', enteredAt: ago(9) }),
    ].map(row);
    const sorter = new Sorter(rows);
    expect(ids(sorter.sorted({ column: 'status', desc: false }))).toEqual(['CPOR-31', 'CPOR-32', 'CPOR-30', 'CPOR-28', 'CPOR-29']);
    // Descending flips the column, not the tie-break.
    expect(ids(sorter.sorted({ column: 'status', desc: true }))).toEqual(['CPOR-28', 'CPOR-29', 'CPOR-31', 'CPOR-32', 'CPOR-30']);
  });

  it('puts missing values last in both directions (no assignee, never submitted, no running clock)', () => {
    const rows = scenario();
    const sorter = new Sorter(rows);
    for (const desc of [false, true]) {
      const byAssignee = sorter.sorted({ column: 'assignee', desc });
      expect(byAssignee.slice(-4).every((r) => r.claim.assignee === null)).toBe(true);
      expect(sorter.sorted({ column: 'submitted', desc }).at(-1)!.id).toBe('CPOR-9-draft');
      const bySla = ids(sorter.sorted({ column: 'sla', desc }));
      expect(bySla.slice(-2).sort()).toEqual(['CPOR-10-sent', 'CPOR-9-draft']);
      // Windows (consent, dispute) come after every service-level clock.
      expect(bySla.slice(-4, -2).sort()).toEqual(['CPOR-6-approved', 'CPOR-7-dispute-window-closed']);
    }
    expect(ids(sorter.sorted({ column: 'sla', desc: false })).slice(0, 3)).toEqual(['CPOR-1-pickup-breached', 'CPOR-4-due-today', 'CPOR-2-pickup-at-risk']);
  });

  it('orders ids naturally (CPOR-99 before CPOR-100), also when prefixes differ or zeros lead', () => {
    const sortIds = (list: string[]) => ids(new Sorter(list.map((id) => row(makeClaim(id)))).sorted({ column: 'id', desc: false }));
    expect(sortIds(['CPOR-100', 'CPOR-99', 'CPOR-1000', 'CPOR-2'])).toEqual(['CPOR-2', 'CPOR-99', 'CPOR-100', 'CPOR-1000']);
    expect(sortIds(['B-1', 'A-10', 'A-2', 'a-3'])).toEqual(['A-2', 'a-3', 'A-10', 'B-1']);
    expect(sortIds(['X-1', 'X-01', 'X-001', 'X-0'])).toEqual(['X-0', 'X-001', 'X-01', 'X-1']);
  });

  it('caches each order, prepares every column ahead of time, and copes with no claims', () => {
    const rows = generateClaims({ count: 50, now: new Date(NOW), seed: 3 }).map(row);
    const sorter = new Sorter(rows);
    let steps = 0;
    while (sorter.prepareNext()) steps++;
    // The base order brings 'sla' and 'id' along; the descending SLA key is one more.
    expect(steps).toBe(SORT_COLUMNS.length);
    const a = sorter.sorted({ column: 'customer', desc: true });
    expect(sorter.sorted({ column: 'customer', desc: true })).toBe(a);
    const empty = new Sorter([]);
    expect(empty.prepareNext()).toBe(false);
    expect(empty.sorted({ column: 'partner', desc: false })).toEqual([]);
  });
});

describe('after a sync (a few claims changed)', () => {
  const byId = (id: string) => id;
  const before = generateClaims({ count: 500, now: new Date(NOW), seed: 21 });
  const other = generateClaims({ count: 700, now: new Date(NOW), seed: 22 }); // same ids, other content, 200 more

  it('tells which rows were added and which are gone', () => {
    const index = new RowIndex(settings);
    const first = index.update(new Map(before.map((c) => [c.id, c])), NOW);
    expect(first.changes).toBeNull();
    const next = new Map(before.map((c) => [c.id, c]));
    next.set(other[3]!.id, other[3]!); // changed
    next.delete(before[7]!.id); // gone
    next.set(other[600]!.id, other[600]!); // new
    const { rows, changes } = index.update(next, NOW);
    expect(changes!.added.map((r) => r.id)).toEqual([other[3]!.id, other[600]!.id]);
    expect(changes!.removed.map((r) => r.id).sort()).toEqual([before[3]!.id, before[7]!.id].sort());
    expect(changes!.removed).toContain(first.rows[3]);
    expect(rows).toHaveLength(500);
    expect(index.update(next, NOW).changes).toEqual({ added: [], removed: [] });
  });

  it('merges the changed rows into the current order exactly where a full sort puts them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SORT_COLUMNS),
        fc.boolean(),
        fc.uniqueArray(fc.integer({ min: 0, max: 699 }), { maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 499 }), { maxLength: 10 }),
        (column, desc, replaced, deleted) => {
          const index = new RowIndex(settings);
          const sorts = new SortIndex();
          const claims = new Map(before.map((c) => [c.id, c]));
          const spec = { column, desc };
          sorts.next(index.update(claims, NOW), byId).sorted(spec);
          const next = new Map(claims);
          for (const i of replaced) next.set(other[i]!.id, other[i]!);
          for (const i of deleted) next.delete(before[i]!.id);
          const update = index.update(next, NOW);
          const derived = sorts.next(update, byId);
          const changed = update.changes!.added.length + update.changes!.removed.length;
          expect(derived.hasOrder(spec)).toBe(changed <= 64); // carried over, not sorted again
          expect(ids(derived.sorted(spec))).toEqual(ids(new Sorter(update.rows).sorted(spec)));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('keeps view counts and the assignee list right through a series of syncs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uniqueArray(fc.integer({ min: 0, max: 699 }), { maxLength: 8 }), fc.uniqueArray(fc.integer({ min: 0, max: 499 }), { maxLength: 3 }), fc.boolean()), {
          minLength: 1,
          maxLength: 6,
        }),
        (syncs) => {
          const index = new RowIndex(settings);
          const views = new ViewCounter();
          const people = new AssigneeCounter();
          let claims = new Map(before.map((c) => [c.id, c]));
          let c: QueueContext = ctx;
          views.count(index.update(claims, NOW), c);
          people.assignees(index.update(claims, NOW));
          for (const [replaced, deleted, nextMinute] of syncs) {
            claims = new Map(claims);
            for (const i of replaced) claims.set(other[i]!.id, other[i]!);
            for (const i of deleted) claims.delete(before[i]!.id);
            if (nextMinute) c = { ...c, nowMs: c.nowMs + 60_000 };
            const update = index.update(claims, NOW);
            expect(views.count(update, c)).toEqual(countViews(update.rows, c));
            expect(people.assignees(update).sort()).toEqual([...new Set(update.rows.flatMap((r) => (r.claim.assignee === null ? [] : [r.claim.assignee])))].sort());
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('sorts afresh after many changes, or when names change', () => {
    const index = new RowIndex(settings);
    const sorts = new SortIndex();
    const a = sorts.next(index.update(new Map(before.map((c) => [c.id, c])), NOW), byId);
    a.sorted({ column: 'partner', desc: false });
    const big = sorts.next(index.update(new Map(other.map((c) => [c.id, c])), NOW), byId);
    expect(big.hasOrder({ column: 'partner', desc: false })).toBe(false);
    expect(ids(big.sorted({ column: 'partner', desc: false }))).toEqual(ids(new Sorter(big.rows).sorted({ column: 'partner', desc: false })));
    const renamed = sorts.next(index.update(new Map(other.map((c) => [c.id, c])), NOW), (id) => `Name of ${id}`);
    expect(renamed.nameOf('x')).toBe('Name of x');
  });
});
