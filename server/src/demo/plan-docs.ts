/**
 * Which PoE each demo claim carries, and what a reviewer finds in it. A claim's checklist item passes
 * when at least one of its documents covers it (a signed SOW plus an unsigned invoice is fine).
 */
import { checklistItems, deficiencyCodeOf, type ChecklistItemKey, type DeficiencyCode } from '../../../shared/index';
import type { DemoCustomer, DemoPartner } from './data';
import { MS_PER_DAY } from './dates';
import { KIND_PAGES, KIND_VARIANTS, type PoeKind, type PoeSpec, type PoeVariant } from './poe-context';
import type { Rng } from './random';

/** A document the plan will build; the same object on two claims means the same file (same SHA-256). */
export type DocPlan = { key: string; spec: PoeSpec };

export type Coverage = { poe: boolean; verification: boolean; date: boolean; solution: boolean; products: ReadonlySet<string> };

export function coverageOf(spec: PoeSpec): Coverage {
  const v = spec.variant;
  if (v === 'unrelated') return { poe: false, verification: false, date: false, solution: false, products: new Set() };
  return {
    poe: true,
    verification: v !== 'unsigned',
    date: v !== 'undated' && v !== 'stale',
    solution: v !== 'no_solution',
    products: new Set(v === 'no_product' ? [] : spec.products),
  };
}

/** Checklist items of a claim with these products and documents that no document satisfies. */
export function failingItems(products: readonly string[], docs: readonly DocPlan[]): ChecklistItemKey[] {
  const covers = docs.map((d) => coverageOf(d.spec));
  const any = (f: (c: Coverage) => boolean) => covers.some(f);
  return checklistItems({ products: products.map((productId) => ({ productId, family: 'business_applications' as const })) }).filter((item) => {
    switch (item) {
      case 'poe_present':
        return !any((c) => c.poe);
      case 'customer_verification':
        return !any((c) => c.verification);
      case 'date':
        return !any((c) => c.date);
      case 'partner_solution':
        return !any((c) => c.solution);
      default:
        return !any((c) => c.products.has(item.slice('product:'.length)));
    }
  });
}

export function deficienciesOf(items: readonly ChecklistItemKey[]): DeficiencyCode[] {
  return [...new Set(items.map(deficiencyCodeOf))];
}

const EN_KINDS: [PoeKind, number][] = [
  ['statement_of_work', 30],
  ['acceptance_email', 25],
  ['deployment_report', 20],
  ['acceptance_certificate', 15],
  ['invoice', 10],
];
const JA_KINDS: [PoeKind, number][] = [
  ['acceptance_certificate', 45],
  ['acceptance_email', 20],
  ['deployment_report', 20],
  ['invoice', 15],
];

function weighted<T>(items: [T, number][], rng: Rng): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rng.float(0, total);
  for (const [item, w] of items) {
    if ((r -= w) < 0) return item;
  }
  return items[items.length - 1]![0];
}

export type DocRequest = {
  partner: DemoPartner;
  customer: DemoCustomer;
  language: 'en' | 'ja';
  /** Products the document names. */
  products: string[];
  /** `complete`, a specific variant, or any deficient variant. */
  quality: 'complete' | 'deficient' | PoeVariant;
  kind?: PoeKind;
  /** When the customer acknowledged; stale documents move a year and more before `submittedAt`. */
  date: Date;
  submittedAt: Date;
};

export class DocFactory {
  private count = 0;
  readonly all: DocPlan[] = [];

  constructor(private readonly rng: Rng) {}

  make(req: DocRequest): DocPlan {
    const { rng } = this;
    let kind = req.kind ?? weighted(req.language === 'ja' ? JA_KINDS : EN_KINDS, rng);
    let variant: PoeVariant;
    if (req.quality === 'complete') variant = 'complete';
    else if (req.quality === 'deficient') {
      if (rng.chance(0.12)) {
        kind = 'unrelated';
        variant = 'unrelated';
      } else {
        variant = rng.pick(KIND_VARIANTS[kind].filter((v) => v !== 'complete'));
      }
    } else {
      variant = req.quality;
      if (variant === 'unrelated') kind = 'unrelated';
      else if (!KIND_VARIANTS[kind].includes(variant)) kind = (Object.keys(KIND_VARIANTS) as PoeKind[]).find((k) => KIND_VARIANTS[k].includes(variant))!;
    }
    const [minPages, maxPages] = KIND_PAGES[kind];
    // Mostly short documents, a few long ones (up to 6 pages).
    const pages = rng.chance(0.6) ? minPages : rng.int(minPages, maxPages);
    const date = variant === 'stale' ? new Date(req.submittedAt.getTime() - rng.int(395, 640) * MS_PER_DAY) : req.date;
    const plan: DocPlan = {
      key: `poe-${String(++this.count).padStart(4, '0')}`,
      spec: {
        seed: rng.int(1, 0x7fffffff),
        kind,
        variant,
        language: req.language,
        partner: req.partner,
        customer: req.customer,
        products: [...req.products],
        documentDate: date,
        pages,
      },
    };
    this.all.push(plan);
    return plan;
  }
}
