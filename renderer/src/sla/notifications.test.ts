import { describe, expect, it } from 'vitest';
import type { Claim } from '@shared/index';
import { buildClaimSla } from './model';
import { candidates, memoryStore, takeNews, type Memory } from './notifications';
import { SlaIndex } from './slaIndex';
import { actors, assign, at, history, SETTINGS } from './testing/claims';

const asMap = (claims: readonly Claim[]) => new Map(claims.map((c) => [c.id, c]));
const ms = (iso: string) => at(iso).getTime();

// Pickup at risk Thu Dec 3 04:00 PST, breached Fri Dec 4 10:00 PST (across Thanksgiving and a weekend).
const tracked = history('tracked', [['submit', actors.partner, '2026-11-25T18:00:00Z']]);
const others = [1, 2, 3, 4].map((n) => history(`other-${n}`, [['submit', actors.partner, '2026-11-25T18:00:00Z']]));

describe('SLA notifications', () => {
  it('announces each claim once per level, however often it is checked, and batches claims crossing together', () => {
    const snapshot = new SlaIndex(SETTINGS).update(asMap([tracked, ...others]), ms('2026-11-25T19:00:00Z'));
    const memory: Memory = new Map();
    const check = (iso: string) => takeNews(candidates(snapshot, null, ms(iso)), ms(iso), memory).news.map((n) => [n.level, n.claims.map((c) => c.claim.id)]);
    expect(check('2026-11-27T12:00:00Z')).toEqual([]);
    expect(check('2026-12-03T12:00:01Z')).toEqual([['at_risk', ['other-1', 'other-2', 'other-3', 'other-4', 'tracked']]]);
    expect(check('2026-12-03T12:00:02Z')).toEqual([]);
    expect(check('2026-12-04T18:00:00Z')).toEqual([['breached', ['other-1', 'other-2', 'other-3', 'other-4', 'tracked']]]);
    expect(check('2026-12-08T00:00:00Z')).toEqual([]);
    // Going back in time (a device clock corrected) repeats nothing.
    expect(check('2026-12-03T13:00:00Z')).toEqual([]);
  });

  it('announces a claim breached while nobody watched, and a new stay again', () => {
    const memory: Memory = new Map();
    const now = ms('2026-12-07T17:00:00Z');
    const sla = buildClaimSla(tracked, SETTINGS, now);
    expect(takeNews([sla], now, memory).news.map((n) => n.level)).toEqual(['breached']);
    expect(takeNews([sla], now, memory).news).toEqual([]);
    // Picked up: a review clock starts, the overall clock runs on; the new stay is news when it breaches.
    const reviewing = history('tracked', [
      ['submit', actors.partner, '2026-11-25T18:00:00Z'],
      ['startReview', actors.reviewer, '2026-12-07T18:00:00Z'],
    ]);
    const later = ms('2026-12-15T17:00:00Z');
    expect(takeNews([buildClaimSla(reviewing, SETTINGS, later)], later, memory).news.map((n) => n.level)).toEqual(['breached']);
    // A reassignment keeps the stay: no repeat.
    const moved = assign(reviewing, 'reviewer-2', '2026-12-15T17:30:00Z');
    expect(takeNews([buildClaimSla(moved, SETTINGS, later)], later, memory).news).toEqual([]);
  });

  it('checks only the claims that crossed since the last tick, finding the same news as a full pass', () => {
    const snapshot = new SlaIndex(SETTINGS).update(asMap([tracked, ...others]), ms('2026-11-25T19:00:00Z'));
    const full: Memory = new Map();
    const incremental: Memory = new Map();
    let since = ms('2026-12-03T11:00:00Z');
    for (let t = since + 1000; t <= ms('2026-12-04T19:00:00Z'); t += 600_000) {
      const a = takeNews(candidates(snapshot, null, t), t, full).news;
      const b = takeNews(candidates(snapshot, since, t), t, incremental).news;
      expect(b).toEqual(a);
      since = t;
    }
    expect([...incremental]).toEqual([...full]);
  });

  it('keeps what was announced in a store that survives a reload', async () => {
    const store = memoryStore();
    const memory = await store.load();
    const now = ms('2026-12-07T17:00:00Z');
    const { changed } = takeNews([buildClaimSla(tracked, SETTINGS, now)], now, memory);
    await store.save(changed);
    const reloaded = await store.load();
    expect(takeNews([buildClaimSla(tracked, SETTINGS, now)], now, reloaded).news).toEqual([]);
    await store.retain(new Set());
    expect(store.rows.size).toBe(0);
  });
});
