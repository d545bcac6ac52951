/**
 * The demo data set (issue 3, "Demo data and simulator"): users, PoE documents and the command
 * history of about 300 claims across every status and SLA level, laid out backwards from `now`.
 * Deterministic: the same seed and `now` give the same plan and the same PDF bytes. Seeding replays
 * `steps` in order, each with its own `at` as the decision time and its actor.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_CALENDAR, DEFAULT_CALENDAR_PRESET_ID, type Calendar, type DeficiencyCode } from '../../../shared/index';
import { DEMO_CUSTOMERS, DEMO_PARTNERS, DEMO_STAFF, JAPANESE_REVIEWER_ID, type DemoCustomer, type DemoPartner } from './data';
import { MS_PER_DAY } from './dates';
import { DocFactory, type DocPlan } from './plan-docs';
import { runClaim, type BuiltDoc, type ClaimScript, type DemoStep } from './plan-run';
import { layOut, TEMPLATES, type Story } from './plan-timeline';
import { generatePoePdf, type PoeKind, type PoeVariant } from './poe-pdfs';
import { createRng, type Rng } from './random';

export type { DemoActor, DemoStep } from './plan-run';

/** The one password of every demo user (printed in the README). */
export const DEMO_PASSWORD = 'demo-password';

export type DemoUser = {
  id: string;
  username: string;
  password: string;
  displayName: string;
  role: 'reviewer' | 'supervisor' | 'partner' | 'customer' | 'admin';
  partnerId?: string;
  tenantId?: string;
};

export type DemoDocument = {
  key: string;
  sha256: string;
  fileName: string;
  mediaType: 'application/pdf';
  size: number;
  pages: number;
  kind: PoeKind;
  variant: PoeVariant;
  language: 'en' | 'ja';
  /** What a reviewer should flag on this file on its own (the claim may have other documents). */
  deficiencies: DeficiencyCode[];
  /** The first upload of the file in the plan (a reused file is uploaded again later, on another claim). */
  uploadedBy: string;
  uploadedAt: Date;
  /** The bytes (built once while planning; a copy each call). */
  build: () => Promise<Uint8Array>;
};

export type DemoPlan = {
  users: DemoUser[];
  documents: DemoDocument[];
  /** Sorted by `at`; every step is accepted by `decide` when replayed in order with `now = at`. */
  steps: DemoStep[];
  calendarId: string;
  calendar: Calendar;
};

export type DemoPlanOptions = { seed: number; now: Date; claimCount?: number; calendar?: Calendar };

export function demoUsers(): DemoUser[] {
  return [
    ...DEMO_STAFF.map((s) => ({ ...s, password: DEMO_PASSWORD })),
    ...DEMO_PARTNERS.map((p) => ({
      id: p.username,
      username: p.username,
      password: DEMO_PASSWORD,
      displayName: `${p.contact.name} (${p.name})`,
      role: 'partner' as const,
      partnerId: p.partnerId,
    })),
    ...DEMO_CUSTOMERS.filter((c) => c.username).map((c) => ({
      id: c.username!,
      username: c.username!,
      password: DEMO_PASSWORD,
      displayName: `${c.signatories[0]!.name} (${c.name})`,
      role: 'customer' as const,
      tenantId: c.tenantId,
    })),
  ];
}

/** Share of each story (and level) in the demo queue; every entry gets at least one claim. */
const MIX: [Story, number][] = [
  [{ name: 'draft' }, 12],
  [{ name: 'submitted', level: 'on_track' }, 14],
  [{ name: 'submitted', level: 'at_risk' }, 8],
  [{ name: 'submitted', level: 'breached' }, 8],
  [{ name: 'resubmitted', level: 'on_track' }, 5],
  [{ name: 'resubmitted', level: 'at_risk' }, 3],
  [{ name: 'resubmitted', level: 'breached' }, 2],
  [{ name: 'in_review', level: 'on_track' }, 14],
  [{ name: 'in_review', level: 'at_risk' }, 8],
  [{ name: 'in_review', level: 'breached' }, 8],
  [{ name: 'in_review_round2', level: 'on_track' }, 4],
  [{ name: 'in_review_round2', level: 'at_risk' }, 2],
  [{ name: 'in_review_round2', level: 'breached' }, 2],
  [{ name: 'partner_action', level: 'on_track' }, 12],
  [{ name: 'partner_action', level: 'at_risk' }, 7],
  [{ name: 'partner_action', level: 'breached' }, 4],
  [{ name: 'disputed', level: 'on_track' }, 5],
  [{ name: 'disputed', level: 'at_risk' }, 3],
  [{ name: 'disputed', level: 'breached' }, 3],
  [{ name: 'approved', level: 'on_track' }, 9],
  [{ name: 'approved', level: 'at_risk' }, 5],
  [{ name: 'approved', level: 'breached' }, 3],
  [{ name: 'approved_after_info', level: 'on_track' }, 3],
  [{ name: 'approved_via_dispute', level: 'on_track' }, 2],
  [{ name: 'sent' }, 30],
  [{ name: 'sent_after_info' }, 10],
  [{ name: 'sent_via_dispute' }, 4],
  [{ name: 'rejected', level: 'on_track' }, 9],
  [{ name: 'rejected', level: 'at_risk' }, 5],
  [{ name: 'rejected', level: 'breached' }, 12],
  [{ name: 'rejected_after_info' }, 4],
  [{ name: 'withdrawn_submitted' }, 3],
  [{ name: 'withdrawn_review' }, 3],
  [{ name: 'withdrawn_partner_action' }, 2],
  [{ name: 'opted_out' }, 6],
  [{ name: 'no_response' }, 8],
  [{ name: 'dispute_denied' }, 6],
];

/** Claims per entry of MIX: proportional (largest remainder), at least one each while there are enough claims. */
function allocate(count: number): Story[] {
  const total = MIX.reduce((s, [, w]) => s + w, 0);
  const floor = count >= MIX.length ? 1 : 0;
  const exact = MIX.map(([, w]) => Math.max(floor, (w / total) * count));
  const counts = exact.map(Math.floor);
  let left = count - counts.reduce((s, c) => s + c, 0);
  const byRemainder = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % byRemainder.length, left--) counts[byRemainder[k]![1]]!++;
  // Trim from the largest entries if the minimums overshot.
  while (counts.reduce((s, c) => s + c, 0) > count) counts[counts.indexOf(Math.max(...counts))]!--;
  return MIX.flatMap(([story], i) => Array.from({ length: counts[i]! }, () => story));
}

type DocClass = 'good' | 'fixable' | 'deficient' | 'any';

function docClassOf(story: Story): DocClass {
  const kinds = TEMPLATES[story.name].beats.map(([k]) => k);
  if (kinds.includes('resubmit')) return 'fixable';
  if (kinds.includes('reject') || story.name === 'partner_action' || story.name === 'no_response' || story.name === 'withdrawn_partner_action') return 'deficient';
  if (kinds.includes('approve')) return 'good';
  return 'any';
}

/** Tenant + product pairs that several partners claim (SPEC §5a: only one can hold the workload). */
const CONTESTED: [tenantIndex: number, product: string, partners: number[]][] = [
  [0, 'd365_sales', [0, 1, 3]],
  [2, 'defender_endpoint', [2, 5]],
  [4, 'teams', [4, 0]],
  [1, 'd365_finance', [1, 5, 2]],
];

function pickParties(story: Story, rng: Rng): { customer: DemoCustomer; partner: DemoPartner; products: string[] } {
  const withLogin = DEMO_CUSTOMERS.filter((c) => c.username);
  // Opt-outs need a customer who can sign in; they are also the tenants demo customers look at.
  const customer = story.name === 'opted_out' || rng.chance(0.25) ? rng.pick(withLogin) : rng.pick(DEMO_CUSTOMERS);
  const english = DEMO_PARTNERS.filter((p) => p.language === 'en');
  const japanese = DEMO_PARTNERS.filter((p) => p.language === 'ja');
  const partner = customer.language === 'ja' ? (rng.chance(0.7) ? rng.pick(japanese) : rng.pick(english)) : rng.chance(0.05) ? rng.pick(japanese) : rng.pick(english);
  const count = rng.chance(0.55) ? 1 : rng.chance(0.7) ? 2 : 3;
  return { customer, partner, products: rng.sample(customer.interests, count) };
}

export async function demoPlan(options: DemoPlanOptions): Promise<DemoPlan> {
  const { seed, now, claimCount = 300 } = options;
  const calendar = options.calendar ?? DEFAULT_CALENDAR;
  const root = createRng(seed);
  const stories = root.fork('mix').shuffle(allocate(claimCount));
  const factory = new DocFactory(root.fork('documents'));

  // 1. Who claims what, when things happened, which documents.
  const drafts = stories.map((story, index) => {
    const rng = root.fork(`claim-${index}`);
    const parties = pickParties(story, rng);
    const timeline = layOut(story, now, calendar, rng);
    return { story, index, rng, timeline, ...parties };
  });
  contest(drafts, root.fork('contested'));
  const scripts = drafts
    .sort((a, b) => a.timeline.beats[0]!.at.getTime() - b.timeline.beats[0]!.at.getTime() || a.index - b.index)
    .map((d, order) => scriptFor(d, `CPOR-${100001 + order}`, factory));
  reuseDocument(scripts);

  // 2. Build every PDF once: commands carry their SHA-256, size and page count.
  const built = new Map<DocPlan, BuiltDoc>();
  const bytesByKey = new Map<string, Uint8Array>();
  const referenced = new Set(scripts.flatMap((s) => [...s.initialDocs, ...s.draftDocs, ...s.fixDocs, ...s.disputeDocs]));
  for (const plan of factory.all.filter((p) => referenced.has(p))) {
    const { bytes, ...generated } = await generatePoePdf(plan.spec);
    built.set(plan, { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, generated });
    bytesByKey.set(plan.key, bytes);
  }

  // 3. Play every story through the core.
  const perClaim = scripts.map((s) => runClaim(s, built, now, calendar));
  const steps = perClaim
    .flatMap((claimSteps, c) => claimSteps.map((step, i) => ({ step, c, i })))
    .sort((a, b) => a.step.at.getTime() - b.step.at.getTime() || a.c - b.c || a.i - b.i)
    .map((x) => x.step);

  const firstUpload = firstUploads(steps);
  const documents: DemoDocument[] = factory.all
    .filter((plan) => built.has(plan) && firstUpload.has(built.get(plan)!.sha256))
    .map((plan) => {
      const b = built.get(plan)!;
      const upload = firstUpload.get(b.sha256)!;
      const bytes = bytesByKey.get(plan.key)!;
      return {
        key: plan.key,
        sha256: b.sha256,
        fileName: b.generated.fileName,
        mediaType: 'application/pdf' as const,
        size: b.size,
        pages: b.generated.pages,
        kind: b.generated.kind,
        variant: b.generated.variant,
        language: b.generated.language,
        deficiencies: b.generated.deficiencies,
        uploadedBy: upload.by,
        uploadedAt: upload.at,
        build: async () => bytes.slice(),
      };
    });

  return { users: demoUsers(), documents, steps, calendarId: DEFAULT_CALENDAR_PRESET_ID, calendar };
}

/** Who first attached each file (by SHA-256), and when: drafts that never got a PoE leave theirs unused. */
function firstUploads(steps: DemoStep[]): Map<string, { by: string; at: Date }> {
  const first = new Map<string, { by: string; at: Date }>();
  for (const { command, at, actor } of steps) {
    const added =
      command.type === 'create' ? command.documents : command.type === 'edit' ? command.changes.addDocuments : command.type === 'dispute' ? command.addDocuments : undefined;
    for (const doc of added ?? []) if (!first.has(doc.sha256)) first.set(doc.sha256, { by: actor.id, at });
  }
  return first;
}

type Draft = { story: Story; index: number; rng: Rng; timeline: ClaimScript['timeline']; customer: DemoCustomer; partner: DemoPartner; products: string[] };

/** A few tenant + product pairs claimed by several partners at once. */
function contest(drafts: Draft[], rng: Rng): void {
  const candidates = rng.shuffle(drafts.filter((d) => d.story.name !== 'draft' && d.story.name !== 'opted_out'));
  let next = 0;
  for (const [tenantIndex, product, partners] of CONTESTED) {
    const customer = DEMO_CUSTOMERS[tenantIndex]!;
    for (const partnerIndex of partners) {
      const draft = candidates[next++];
      if (!draft) return;
      draft.customer = customer;
      draft.partner = DEMO_PARTNERS[partnerIndex]!;
      draft.products = [product, ...draft.products.filter((p) => p !== product && customer.interests.includes(p)).slice(0, 1)];
    }
  }
}

function scriptFor(d: Draft, id: string, factory: DocFactory): ClaimScript {
  const { rng, story, customer, partner, timeline } = d;
  const beatAt = (kind: string, nth = 0) => timeline.beats.filter((b) => b.kind === kind)[nth]?.at;
  const createdAt = timeline.beats[0]!.at;
  const submittedAt = beatAt('submit') ?? createdAt;
  const language: 'en' | 'ja' = customer.language === 'ja' && rng.chance(0.85) ? 'ja' : 'en';
  const lang = customer.language === 'ja' && partner.language === 'ja' ? 'ja' : 'en';
  const reviewer = customer.language === 'ja' && rng.chance(0.8) ? JAPANESE_REVIEWER_ID : rng.pick(['reviewer1', 'reviewer2', 'reviewer3', 'reviewer4']);
  const docDate = (before: Date) => new Date(before.getTime() - rng.float(1, 45) * MS_PER_DAY);
  const request = { partner, customer, language, submittedAt };
  const complete = (products: string[], date: Date) => factory.make({ ...request, products, quality: 'complete', date });

  let cls = docClassOf(story);
  if (cls === 'any') cls = rng.chance(0.65) ? 'good' : 'deficient';
  const products = d.products;
  // Sometimes the PoE is fine but misses one of several products: the reviewer asks to remove it.
  const partial = (cls === 'fixable' || cls === 'deficient') && products.length >= 2 && rng.chance(0.25);
  const removeProducts = partial ? [products[products.length - 1]!] : [];

  const initial: DocPlan[] = [];
  if (cls === 'good') {
    initial.push(complete(products, docDate(createdAt)));
    if (rng.chance(0.25)) initial.push(factory.make({ ...request, products, quality: rng.chance(0.5) ? 'complete' : 'deficient', kind: 'invoice', date: docDate(createdAt) }));
  } else if (partial) {
    initial.push(complete(products.slice(0, -1), docDate(createdAt)));
  } else {
    initial.push(factory.make({ ...request, products, quality: 'deficient', date: docDate(createdAt) }));
  }

  const fixDocs: DocPlan[] = [];
  const requested = beatAt('requestInfo');
  const resubmitted = beatAt('resubmit');
  if (cls === 'fixable' && requested && resubmitted && !partial) {
    const date = new Date(requested.getTime() + (resubmitted.getTime() - requested.getTime()) * 0.3);
    const stillBad = story.name === 'rejected_after_info';
    fixDocs.push(factory.make({ ...request, products, quality: stillBad ? 'deficient' : 'complete', date, submittedAt: date }));
  }

  const disputeDocs: DocPlan[] = [];
  const rejectedAt = beatAt('reject');
  const disputedAt = beatAt('dispute');
  if (rejectedAt && disputedAt) {
    const date = new Date(rejectedAt.getTime() + (disputedAt.getTime() - rejectedAt.getTime()) * 0.5);
    if (story.name === 'approved_via_dispute' || story.name === 'sent_via_dispute' || (story.name === 'disputed' && rng.chance(0.5))) {
      disputeDocs.push(factory.make({ ...request, products, quality: 'complete', date, submittedAt: date }));
    } else if (story.name === 'dispute_denied' && rng.chance(0.5)) {
      disputeDocs.push(factory.make({ ...request, products, quality: 'deficient', date, submittedAt: date }));
    }
  }

  // Some drafts (and a few submitted claims) attach their PoE after creating the claim.
  const lateUpload = story.name === 'draft' ? rng.chance(0.5) : rng.chance(0.1);
  return {
    index: d.index,
    id,
    timeline,
    partner,
    customer,
    products,
    lang,
    reviewer,
    initialDocs: lateUpload ? [] : initial,
    draftDocs: lateUpload ? (story.name === 'draft' && rng.chance(0.5) ? [] : initial) : [],
    fixDocs,
    removeProducts: partial && requested ? removeProducts : [],
    disputeDocs,
    rng: rng.fork('run'),
  };
}

/**
 * One PoE file uploaded on two claims (SPEC §5a, reused document): the same partner files the same
 * signed SOW twice, and another partner uploads a third party's SOW as its own.
 */
function reuseDocument(scripts: ClaimScript[]): void {
  const isGood = (s: ClaimScript) => s.initialDocs.length > 0 && s.initialDocs.every((d) => d.spec.variant === 'complete');
  const sources = scripts.filter((s) => isGood(s) && s.timeline.beats.some((b) => b.kind === 'approve'));
  const targets = scripts.filter((s) => isGood(s) && s.timeline.beats.length <= 3 && s.timeline.beats.at(-1)!.kind !== 'create');
  for (const [k, source] of sources.slice(0, 2).entries()) {
    const docDate = source.initialDocs[0]!.spec.documentDate.getTime();
    const target = targets.find((t) => t.timeline.beats[0]!.at.getTime() > docDate && t.customer !== source.customer);
    if (!target) continue;
    targets.splice(targets.indexOf(target), 1);
    target.customer = source.customer;
    target.products = [...source.products];
    if (k === 0) target.partner = source.partner;
    target.initialDocs = [source.initialDocs[0]!];
    target.draftDocs = [];
  }
}
