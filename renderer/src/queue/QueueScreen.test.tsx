/**
 * The queue's markup, rendered without a DOM (as App.test does): roles, names and ARIA state. The
 * interactive behaviour (keys, clicks, typing) is tested in Chromium by QueueScreen.chromium.test.ts.
 */
import { DEFAULT_POLICY } from '@shared/index';
import { TEST_CALENDAR } from '@shared/testing/fixtures';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';

import { resetClaims, useClaims } from '../data/claimsStore';
import { QueueScreen, toQueueFilters, toSortSpec } from './QueueScreen';
import { resetQueueUi, useQueueUi } from './state';
import { makeClaim } from './testing/claims';
import { createTicker } from './ticker';

const NOW = Date.parse('2026-12-01T17:30:00.000Z');
const ticker = createTicker(() => NOW);
const settings = { calendar: TEST_CALENDAR, policy: DEFAULT_POLICY };

function load(claims = [
  makeClaim('CPOR-1', { assignee: 'reviewer-1', submittedAt: '2026-11-10T17:00:00.000Z' }),
  makeClaim('CPOR-2', { status: 'in_review', enteredAt: '2026-11-30T17:00:00.000Z', assignee: 'reviewer-2' }),
  makeClaim('CPOR-3', { status: 'draft', submittedAt: null }),
]) {
  setClaims({ loaded: true, claims: new Map(claims.map((c) => [c.id, c])), revision: 1, pending: new Set() });
}

const render = (props: Partial<Parameters<typeof QueueScreen>[0]> = {}) =>
  renderToStaticMarkup(<QueueScreen onOpenClaim={() => {}} currentUserId="reviewer-1" settings={settings} ticker={ticker} initialView="all" {...props} />);

/** The attributes of the first element matching a tag and a marker attribute. */
function element(html: string, marker: string): string {
  const at = html.indexOf(marker);
  expect(at, `no element with ${marker}`).toBeGreaterThanOrEqual(0);
  return html.slice(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
}

// Server rendering reads a zustand store's initial state (its server snapshot), so tests write
// into that object too; afterEach puts it back.
const initialClaims = { ...useClaims.getInitialState() };
const initialUi = { ...useQueueUi.getInitialState() };
function setClaims(state: Partial<ReturnType<typeof useClaims.getState>>) {
  useClaims.setState(state);
  Object.assign(useClaims.getInitialState(), state);
}
function setUi(state: Partial<ReturnType<typeof useQueueUi.getState>>) {
  useQueueUi.setState(state);
  Object.assign(useQueueUi.getInitialState(), state);
}

afterEach(() => {
  Object.assign(useClaims.getInitialState(), initialClaims);
  Object.assign(useQueueUi.getInitialState(), initialUi);
  resetClaims();
  resetQueueUi();
});

describe('QueueScreen markup', () => {
  it('says it is loading until the claims are in', () => {
    const html = render();
    expect(html).toContain('Review queue');
    expect(html).toMatch(/<p role="status">Loading claims…<\/p>/);
    expect(html).not.toContain('role="grid"');
  });

  it('is an ARIA grid that knows its full size, with sortable column headers', () => {
    load();
    const html = render();
    const grid = element(html, 'role="grid"');
    expect(grid).toContain('aria-label="Claims"');
    expect(grid).toContain('aria-rowcount="4"'); // 3 claims + the header row
    expect(grid).toContain('aria-colcount="9"');
    expect(grid).toContain('tabindex="0"');
    expect(grid).toMatch(/aria-describedby="[^"]+"/);
    const headers = [...html.matchAll(/role="columnheader" aria-sort="(\w+)"/g)].map((m) => m[1]);
    expect(headers).toEqual(['none', 'none', 'none', 'none', 'none', 'none', 'none', 'ascending', 'none']);
    for (const name of ['Claim', 'Partner', 'Customer', 'Products', 'Status', 'Assignee', 'Submitted', 'SLA time left', 'Deficiencies']) {
      expect(html).toMatch(new RegExp(`<button type="button" class="queue-sort" title="Sort by ${name}">${name}<`));
    }
  });

  it('renders rows with their position in the whole list, most urgent first', () => {
    load();
    const html = render();
    const rows = [...html.matchAll(/role="row" id="[^"]+" aria-rowindex="(\d+)" aria-selected="false"/g)].map((m) => Number(m[1]));
    expect(rows).toEqual([2, 3, 4]);
    const order = [...html.matchAll(/aria-label="Open claim (CPOR-\d+)"/g)].map((m) => m[1]);
    expect(order).toEqual(['CPOR-1', 'CPOR-2', 'CPOR-3']);
  });

  it('shows the SLA level in words and an icon as well as colour, with the countdown', () => {
    load();
    const html = render();
    expect(html).toContain('<span aria-hidden="true">■ </span>Breached');
    expect(html).toMatch(/\d\d:\d\d:\d\d over</);
    expect(html).toMatch(/<span aria-hidden="true">● <\/span>On track<\/span> <time dateTime="P\d+DT\d+H\d+M\d+S" class="queue-sla__time">\d+d \d\d:\d\d:\d\d left<\/time>/);
    expect(html).toContain('Pickup · ');
    expect(html).toContain('No running clock');
  });

  it('names the partner with its Partner ID, marks my claims and the unassigned ones', () => {
    load();
    const html = render({ userName: (id) => (id === 'reviewer-1' ? 'Aiko Tanaka' : id) });
    expect(html).toContain('Contoso Consulting');
    expect(html).toContain('Partner ID 1234567');
    expect(html).toContain('Aiko Tanaka (you)');
    expect(html).toContain('reviewer-2');
    expect(html).toContain('Unassigned');
    expect(html).toContain('Not submitted');
  });

  it('offers the saved views as tabs with their counts, the chosen one selected', () => {
    load();
    const html = render();
    expect(element(html, 'role="tablist"')).toContain('aria-label="Saved views"');
    const tabs = [...html.matchAll(/role="tab"[^>]*aria-selected="(true|false)"[^>]*>([^<]+) <span class="queue__view-count">([\d,]+)<\/span>/g)].map((m) => [m[2], m[3], m[1]]);
    expect(tabs).toEqual([
      ['My claims', '1', 'false'],
      ['Unassigned', '0', 'false'],
      ['Due today', '0', 'false'],
      ['Breached', '1', 'false'],
      ['Disputes', '0', 'false'],
      ['All', '3', 'true'],
    ]);
    expect(element(html, 'role="tabpanel"')).toMatch(/aria-labelledby="[^"]+-tab-all"/);
    expect(html).toContain('Showing 3 of 3 claims');
  });

  it('labels every filter and the search field', () => {
    load();
    const html = render();
    expect(element(html, 'role="search"')).toContain('aria-label="Filters"');
    for (const label of ['Search claims', 'Status', 'SLA level', 'Product family', 'Assignee', 'Partner']) {
      expect(html).toMatch(new RegExp(`<label class="queue__field[^"]*"><span>${label}</span><(input|select)`));
    }
  });

  it('restores the view, sort and search the reviewer left', () => {
    load();
    setUi({ initialized: true, view: 'mine', sorting: [{ id: 'customer', desc: true }], search: 'fabrikam' });
    const html = render();
    expect(html).toContain('aria-sort="descending"');
    expect(html).toMatch(/<input type="search" placeholder="[^"]*" value="fabrikam"/);
    expect(html).toMatch(/aria-selected="true"[^>]*>My claims/);
  });
});

describe('react-table state to queue queries', () => {
  it('maps column filters to queue filters, dropping blanks', () => {
    expect(
      toQueueFilters([
        { id: 'status', value: 'in_review' },
        { id: 'sla', value: 'none' },
        { id: 'products', value: 'microsoft_365' },
        { id: 'assignee', value: null },
        { id: 'partner', value: '  ' },
      ]),
    ).toEqual({ status: 'in_review', level: 'none', family: 'microsoft_365', assignee: null });
  });

  it('maps sorting to a sort spec, defaulting to time left', () => {
    expect(toSortSpec([{ id: 'customer', desc: true }])).toEqual({ column: 'customer', desc: true });
    expect(toSortSpec([])).toEqual({ column: 'sla', desc: false });
    expect(toSortSpec([{ id: 'nonsense', desc: true }])).toEqual({ column: 'sla', desc: true });
  });
});
