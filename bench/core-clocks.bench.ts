/**
 * `npm run bench:core`: SLA clocks (SPEC §4) for 100,000 generated claims in mixed statuses.
 * Target: the full set in under 100 ms on the project's machines (2 cores, Node 20). Prints the
 * figures and the ratio against a naive baseline in the same run: a per-claim date-fns-style walk
 * over local days (@date-fns/tz) with a loop over the holiday list, as hand-rolled help desks do.
 *
 * Options: --claims=N (default 100000), --naive=N claims for the naive baseline (default 2000;
 * it is a few hundred times slower, so the ratio compares per-claim times), --runs=N (default 9).
 * A missed target is reported, never turned into a non-zero exit: machines differ.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';

import { DEFAULT_CALENDAR } from '../shared/calendar/presets';
import {
  addBusinessDays,
  businessDaysBetween,
  clocks,
  DEFAULT_POLICY,
  MS_PER_DAY,
  PRODUCTS,
  REVIEWER_REJECTION_REASONS,
  UNDISPUTABLE_REASONS,
  type Calendar,
  type Claim,
  type ClockReading,
  type RejectionReason,
  type Status,
} from '../shared/index';
import { mulberry32 } from '../server/src/demo/random';

const TARGET_MS = 100;
const arg = (name: string, fallback: number): number => {
  const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
  return hit ? Number(hit.slice(name.length + 3)) : fallback;
};
const CLAIMS = arg('claims', 100_000);
const NAIVE_CLAIMS = Math.min(arg('naive', 2_000), CLAIMS);
const RUNS = arg('runs', 9);
const WARMUP = 3;

const calendar: Calendar = DEFAULT_CALENDAR; // US Pacific, ~190 public holidays 2020–2035
const NOW = new Date('2026-12-01T17:30:00.000Z'); // Tuesday 09:30 in Los Angeles, after Thanksgiving

// ---------------------------------------------------------------------------------------------
// 100,000 valid claims: a seeded random walk through the transitions of SPEC §3.


const HEX = '0123456789abcdef';
const hex = (rand: () => number, n: number) => Array.from({ length: n }, () => HEX[Math.floor(rand() * 16)]).join('');
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

type Step = { to: Status; reason?: RejectionReason };

/** The transitions allowed from each status (SPEC §3), with rough real-world odds. */
function nextStep(rand: () => number, status: Status, claim: Claim): Step | null {
  const r = rand();
  switch (status) {
    case 'draft':
      return { to: 'submitted' };
    case 'submitted':
      return r < 0.93 ? { to: 'in_review' } : { to: 'rejected', reason: 'partner_request' };
    case 'in_review':
      return r < 0.35 ? { to: 'partner_action_needed' } : r < 0.8 ? { to: 'approved' } : { to: 'rejected', reason: pick(rand, REVIEWER_REJECTION_REASONS) };
    case 'partner_action_needed':
      return r < 0.8 ? { to: 'submitted' } : r < 0.93 ? { to: 'rejected', reason: 'no_partner_response' } : { to: 'rejected', reason: 'partner_request' };
    case 'approved':
      return r < 0.9 ? { to: 'sent_for_evaluation' } : { to: 'rejected', reason: 'customer_rejected' };
    case 'rejected': {
      const disputable = !claim.dispute && !claim.rejection!.reasons.some((r) => UNDISPUTABLE_REASONS.includes(r));
      return disputable && r < 0.4 ? { to: 'disputed' } : null;
    }
    case 'disputed':
      return r < 0.5 ? { to: 'approved' } : { to: 'rejected', reason: 'dispute_denied' };
    default:
      return null;
  }
}

function generateClaims(count: number, seed: number): Claim[] {
  const rand = mulberry32(seed);
  const claims: Claim[] = [];
  const nowMs = NOW.getTime();
  for (let i = 0; i < count; i++) {
    const id = `claim-${i}`;
    const partnerId = String(1_000_000 + Math.floor(rand() * 8_999_999));
    // Created somewhere in the past ten weeks, during the working day more often than not.
    let t = nowMs - Math.floor(rand() * 70 * MS_PER_DAY);
    const iso = () => new Date(t).toISOString();
    const products = [pick(rand, PRODUCTS), pick(rand, PRODUCTS)].filter((p, k, all) => all.indexOf(p) === k);
    const claim: Claim = {
      id,
      partner: { partnerId, name: `Partner ${partnerId}`, contact: { name: 'Alex Kim', email: `alex@p${partnerId}.example` } },
      customer: { tenantId: `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-8${hex(rand, 3)}-${hex(rand, 12)}`, name: `Customer ${i}`, domain: `customer${i}.example` },
      products: products.map((p) => ({ productId: p.id, family: p.family })),
      documents: [{ sha256: hex(rand, 64), fileName: 'poe.pdf', mediaType: 'application/pdf', size: 120_000, pages: 4, uploadedBy: 'partner-1', uploadedAt: iso() }],
      checklist: {},
      annotations: [],
      comments: [],
      assignee: null,
      status: 'draft',
      version: 1,
      createdBy: 'partner-1',
      createdAt: iso(),
      updatedAt: iso(),
      firstSubmittedAt: null,
      statusLog: [{ status: 'draft', from: iso(), fromMs: Date.parse(iso()) }],
      infoRequests: [],
      rejection: null,
      dispute: null,
      approvedAt: null,
    };
    // Walk on; each claim stops somewhere, so every status is represented, open ones most.
    for (;;) {
      if (claim.status !== 'draft' && rand() < 0.3) break;
      const step = nextStep(rand, claim.status, claim);
      if (!step) break;
      const dt = Math.floor((0.1 + rand() * rand() * 9) * MS_PER_DAY);
      if (t + dt > nowMs) break;
      t += dt;
      const at = iso();
      claim.status = step.to;
      claim.statusLog.push({ status: step.to, from: at, fromMs: Date.parse(at) });
      claim.version++;
      claim.updatedAt = at;
      if (step.to === 'submitted') claim.firstSubmittedAt ??= at;
      if (step.to === 'in_review') claim.assignee ??= `reviewer-${i % 40}`;
      if (step.to === 'partner_action_needed') {
        claim.infoRequests.push({ codes: ['missing_customer_verification'], message: 'Please add the signed page.', by: claim.assignee ?? 'reviewer-1', at });
      }
      if (step.to === 'approved') claim.approvedAt = at;
      if (step.to === 'rejected') claim.rejection = { reasons: [step.reason!], message: 'See reasons.', by: 'reviewer-1', at };
      if (step.to === 'disputed') claim.dispute = { justification: 'The engagement was delivered; updated PoE attached.', by: 'partner-1', at };
    }
    claims.push(claim);
  }
  return claims;
}

// ---------------------------------------------------------------------------------------------
// The naive baseline: the same readings computed the way most help desks do it.

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function naiveIsBusinessDay(d: TZDate, cal: Calendar): boolean {
  if (cal.weekend.includes(d.getDay())) return false;
  const key = `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
  for (const h of cal.holidays) if (h === key) return false;
  return true;
}

/** date-fns addBusinessDays-style: step whole local days, then the fraction linearly in 24 h. */
function naiveAdd(cal: Calendar, startMs: number, days: number): number {
  let d = new TZDate(startMs, cal.timeZone);
  if (!naiveIsBusinessDay(d, cal)) {
    d = startOfDay(d);
    do d = addDays(d, 1);
    while (!naiveIsBusinessDay(d, cal));
  }
  let whole = Math.floor(days);
  while (whole > 0) {
    d = addDays(d, 1);
    if (naiveIsBusinessDay(d, cal)) whole--;
  }
  return d.getTime() + (days - Math.floor(days)) * MS_PER_DAY;
}

/** Walks every local day between the two instants, counting the covered share of business days. */
function naiveBetween(cal: Calendar, fromMs: number, toMs: number): number {
  if (toMs < fromMs) return -naiveBetween(cal, toMs, fromMs);
  let total = 0;
  for (let day = startOfDay(new TZDate(fromMs, cal.timeZone)); day.getTime() < toMs; ) {
    const next = addDays(day, 1);
    if (naiveIsBusinessDay(day, cal)) {
      const a = Math.max(day.getTime(), fromMs);
      const b = Math.min(next.getTime(), toMs);
      total += (b - a) / (next.getTime() - day.getTime());
    }
    day = next;
  }
  return total;
}

type NaiveReading = { clock: string; dueAt: number; elapsed: number; level: string };

function naiveLevel(elapsed: number, target: number): string {
  const f = elapsed / target;
  return f >= 1 ? 'breached' : f >= DEFAULT_POLICY.atRiskAt ? 'at_risk' : 'on_track';
}

function naiveClocks(claim: Claim, nowMs: number, cal: Calendar): NaiveReading[] {
  const p = DEFAULT_POLICY;
  const log = claim.statusLog;
  const entered = Date.parse(log[log.length - 1]!.from);
  const out: NaiveReading[] = [];
  const business = (clock: string, target: number) => {
    const elapsed = naiveBetween(cal, entered, nowMs);
    out.push({ clock, dueAt: naiveAdd(cal, entered, target), elapsed, level: naiveLevel(elapsed, target) });
  };
  const days = (clock: string, target: number) => {
    const elapsed = (nowMs - entered) / MS_PER_DAY;
    out.push({ clock, dueAt: entered + target * MS_PER_DAY, elapsed, level: naiveLevel(elapsed, target) });
  };
  if (claim.status === 'submitted') business('pickup', p.pickupDays);
  else if (claim.status === 'in_review') business('review', p.reviewDays);
  else if (claim.status === 'partner_action_needed') business('partnerResponse', p.partnerResponseDays);
  else if (claim.status === 'approved') days('consent', p.consentDays);
  else if (claim.status === 'rejected' && !claim.dispute && !claim.rejection!.reasons.some((r) => UNDISPUTABLE_REASONS.includes(r))) {
    days('disputeWindow', p.disputeWindowDays);
  } else if (claim.status === 'disputed') business('disputeReview', p.disputeReviewDays);
  if (claim.firstSubmittedAt !== null) {
    let elapsed = 0;
    let last = nowMs;
    for (let i = 0; i < log.length; i++) {
      const s = log[i]!.status;
      if (s === 'approved' || s === 'rejected' || s === 'sent_for_evaluation' || s === 'disputed') {
        last = Date.parse(log[i]!.from);
        break;
      }
      if (s !== 'submitted' && s !== 'in_review') continue;
      const to = i + 1 < log.length ? Date.parse(log[i + 1]!.from) : nowMs;
      elapsed += naiveBetween(cal, Date.parse(log[i]!.from), to);
    }
    const remaining = p.overallDays - elapsed;
    const dueAt = remaining >= 0 ? naiveAdd(cal, last, remaining) : last; // naive: no backwards walk
    out.push({ clock: 'overall', dueAt, elapsed, level: naiveLevel(elapsed, p.overallDays) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Harness.

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Runs `body` WARMUP + runs times; returns per-run milliseconds of the timed runs and a checksum. */
function measure(runs: number, body: () => number): { times: number[]; checksum: number } {
  let checksum = 0;
  for (let i = 0; i < WARMUP; i++) checksum += body();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checksum += body();
    times.push(performance.now() - t0);
  }
  return { times, checksum };
}

const fmt = (x: number, digits = 1) => x.toFixed(digits);

function main(): void {
  const genStart = performance.now();
  const claims = generateClaims(CLAIMS, 20_261_201);
  const genMs = performance.now() - genStart;
  const byStatus = new Map<Status, number>();
  for (const c of claims) byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + 1);
  const nowMs = NOW.getTime();

  console.log(`core clocks bench — Node ${process.version}, ${CLAIMS.toLocaleString('en-US')} claims generated in ${fmt(genMs, 0)} ms`);
  console.log(`calendar ${calendar.timeZone}, ${calendar.holidays.length} holidays; now ${NOW.toISOString()}`);
  const spans = claims.reduce((n, c) => n + c.statusLog.length, 0);
  console.log(`statuses: ${[...byStatus].map(([s, n]) => `${s} ${n}`).join(', ')}; ${fmt(spans / CLAIMS, 2)} status-log entries per claim`);

  // 1. Business-day primitives: one addBusinessDays + one businessDaysBetween per claim (dates
  // parsed beforehand: this line is about the calendar arithmetic, not about reading ISO strings).
  const entered = claims.map((c) => new Date(c.statusLog[c.statusLog.length - 1]!.from));
  const primitives = measure(RUNS, () => {
    let sum = 0;
    for (const from of entered) {
      sum += addBusinessDays(calendar, from, 5).getTime() % 1000;
      sum += businessDaysBetween(calendar, from, NOW);
    }
    return sum;
  });

  // 2. clocks() for every claim: the figure the target is about.
  let readingsPerRun = 0;
  const ours = measure(RUNS, () => {
    let breached = 0;
    let n = 0;
    for (const c of claims) {
      const rs: ClockReading[] = clocks(c, NOW, calendar);
      n += rs.length;
      for (const r of rs) if (r.level === 'breached') breached++;
    }
    readingsPerRun = n;
    return breached;
  });

  // 3. The naive baseline on a sample (it is slow), compared per claim.
  const sample = claims.slice(0, NAIVE_CLAIMS);
  const naive = measure(Math.max(1, Math.min(3, RUNS)), () => {
    let breached = 0;
    for (const c of sample) for (const r of naiveClocks(c, nowMs, calendar)) if (r.level === 'breached') breached++;
    return breached;
  });

  // How often the naive walk agrees with the table on the level (it ignores DST-length days and
  // the "earliest instant" rule, so a few disagree at the edges).
  let compared = 0;
  let sameLevel = 0;
  for (const c of sample) {
    const a = clocks(c, NOW, calendar);
    const b = naiveClocks(c, nowMs, calendar);
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      compared++;
      if (a[i]!.level === b[i]!.level) sameLevel++;
    }
  }

  const primMs = median(primitives.times);
  const oursMs = median(ours.times);
  const naiveMs = median(naive.times);
  const oursPerClaimUs = (oursMs * 1000) / CLAIMS;
  const naivePerClaimUs = (naiveMs * 1000) / NAIVE_CLAIMS;
  const ratio = naivePerClaimUs / oursPerClaimUs;
  const pass = CLAIMS === 100_000 ? (oursMs < TARGET_MS ? 'PASS' : 'FAIL') : `(target is for 100,000 claims)`;

  console.log('');
  console.log(`addBusinessDays + businessDaysBetween, 2 per claim: median ${fmt(primMs)} ms (min ${fmt(Math.min(...primitives.times))}), ${fmt((primMs * 1e6) / (2 * CLAIMS), 0)} ns per call`);
  console.log(`clocks(), ${CLAIMS.toLocaleString('en-US')} claims, ${readingsPerRun.toLocaleString('en-US')} readings: median ${fmt(oursMs)} ms (min ${fmt(Math.min(...ours.times))}, max ${fmt(Math.max(...ours.times))}, ${RUNS} runs after ${WARMUP} warm-up), ${fmt(oursPerClaimUs, 3)} µs per claim`);
  console.log(`naive day walk (@date-fns/tz + holiday loop), ${NAIVE_CLAIMS.toLocaleString('en-US')} claims: median ${fmt(naiveMs)} ms, ${fmt(naivePerClaimUs, 2)} µs per claim → ${fmt((naivePerClaimUs * CLAIMS) / 1000, 0)} ms projected for ${CLAIMS.toLocaleString('en-US')}`);
  console.log(`ratio naive / ours (per claim): ${fmt(ratio, 0)}×; levels agree on ${fmt((100 * sameLevel) / Math.max(1, compared), 2)} % of ${compared.toLocaleString('en-US')} readings`);
  console.log(`target: clocks for 100,000 claims < ${TARGET_MS} ms → ${pass} (${fmt(oursMs)} ms)`);
  // Keep the checksums alive so no work is optimised away.
  if (Number.isNaN(primitives.checksum + ours.checksum + naive.checksum)) console.log('checksum NaN');
}

main();
