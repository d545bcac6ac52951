/**
 * Realistic claims in bulk for queue tests and `npm run bench:queue`: a seeded random walk through
 * the transitions of SPEC §3, with a few thousand partners (English and Japanese names), mostly
 * distinct customer tenants, one to three products, PoE documents, checklist results, requests for
 * information, rejections, disputes and comments. Deterministic for a (count, seed, now).
 */
import { mulberry32 } from '@shared/random';
import {
  BASE_CHECKLIST_ITEMS,
  DEFICIENCY_CODES,
  deficiencyCodeOf,
  MS_PER_DAY,
  PRODUCTS,
  REVIEWER_REJECTION_REASONS,
  UNDISPUTABLE_REASONS,
  type ChecklistEntry,
  type ChecklistItemKey,
  type Claim,
  type DeficiencyCode,
  type RejectionReason,
  type Status,
} from '@shared/index';

export type GenerateOptions = {
  count: number;
  seed?: number;
  /** Every instant in the claims is before this one. */
  now: Date;
  /** Reviewer ids assignees are drawn from (default reviewer-1 … reviewer-40). */
  reviewers?: readonly string[];
  /** First number of the `CPOR-<n>` ids (default 100001). */
  firstNumber?: number;
};


const HEX = '0123456789abcdef';
const hex = (rand: () => number, n: number) => {
  let s = '';
  for (let i = 0; i < n; i++) s += HEX[Math.floor(rand() * 16)];
  return s;
};
const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const EN_FIRST = ['Contoso', 'Adatum', 'Litware', 'Proseware', 'Wingtip', 'Fabrikam', 'Northwind', 'Woodgrove', 'Tailspin', 'Alpine', 'Coho', 'Fourth Coffee', 'Lamna', 'Lucerne', 'Margie’s', 'Relecloud', 'Trey', 'VanArsdel', 'Wide World', 'Blue Yonder', 'Humongous', 'Graphic Design', 'Southridge', 'Bellows', 'Datum', 'Tasmanian', 'Munson’s', 'Consolidated', 'Liberty’s', 'Nod'];
const EN_MIDDLE = ['Cloud', 'Digital', 'Data', 'Business', 'Analytics', 'Systems', 'Retail', 'Health', 'Energy', 'Logistics', 'Finance', 'Travel', 'Media', 'Foods', 'Motors', 'Labs'];
const PARTNER_SUFFIX = ['Consulting', 'Solutions', 'Partners', 'Services', 'Group', 'Inc.', 'LLC', 'Ltd', 'Advisory', 'Technologies'];
const CUSTOMER_SUFFIX = ['Inc.', 'Ltd', 'Corporation', 'Holdings', 'GmbH', 'S.A.', 'Pty Ltd', 'AG', 'plc', 'Co.'];
const JA_STEM = ['サンプル', '東邦', '日本', 'みらい', '大和', '北斗', 'さくら', 'ひかり', '富士', '青葉', 'アオイ', 'テクノ', '中央', '東京', '大阪', '名古屋'];
const JA_KIND = ['商事', '精密工業', 'システム', 'クラウド', 'ソリューションズ', '物流', '電機', '製薬', '食品', '銀行', '情報サービス', 'データ'];
const JA_ROMAJI = ['sample', 'toho', 'nihon', 'mirai', 'yamato', 'hokuto', 'sakura', 'hikari', 'fuji', 'aoba', 'aoi', 'techno', 'chuo', 'tokyo', 'osaka', 'nagoya'];
const PEOPLE = ['Megan Bowen', 'Adele Vance', 'Diego Siciliani', 'Grady Archie', 'Lidia Holloway', 'Johanna Lorenz', '田中 愛子', '佐藤 健', '鈴木 美咲', 'Alex Wilber', 'Isaiah Langer', 'Lynne Robbins', 'Nestor Wilke', 'Patti Fernandez', 'Pradeep Gupta'];
const NOTES = ['Signature page missing', 'SOW dated 2019', 'Product not named in the SOW', '署名がありません', 'Only a quote, no delivery evidence', 'Email is not from the customer domain'];
const FILE_NAMES = ['SOW-signed.pdf', 'customer-confirmation.pdf', 'project-report.pdf', 'invoice.pdf', '作業完了報告書.pdf', '注文書.pdf', 'kickoff-email.pdf'];

type Partner = Claim['partner'];

function makePartners(rand: () => number, count: number): Partner[] {
  const partners: Partner[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < count; i++) {
    let partnerId: string;
    do partnerId = String(1_000_000 + Math.floor(rand() * 8_999_999));
    while (ids.has(partnerId));
    ids.add(partnerId);
    const japanese = rand() < 0.15;
    const name = japanese
      ? `株式会社${pick(rand, JA_STEM)}${pick(rand, JA_KIND)}`
      : `${pick(rand, EN_FIRST)} ${rand() < 0.5 ? `${pick(rand, EN_MIDDLE)} ` : ''}${pick(rand, PARTNER_SUFFIX)}`;
    const person = pick(rand, PEOPLE);
    partners.push({ partnerId, name, contact: { name: person, email: `alliances@p${partnerId}.example.com` } });
  }
  return partners;
}

type Step = { to: Status; reason?: RejectionReason };

/** Transitions allowed from each status (SPEC §3), with rough real-world odds. */
function nextStep(rand: () => number, claim: Claim): Step | null {
  const r = rand();
  switch (claim.status) {
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
      const disputable = !claim.dispute && !claim.rejection!.reasons.some((x) => UNDISPUTABLE_REASONS.includes(x));
      return disputable && r < 0.4 ? { to: 'disputed' } : null;
    }
    case 'disputed':
      return r < 0.5 ? { to: 'approved' } : { to: 'rejected', reason: 'dispute_denied' };
    default:
      return null;
  }
}

/** `count` claims, ids `CPOR-<firstNumber + i>`, in id order. */
export function generateClaims(options: GenerateOptions): Claim[] {
  const rand = mulberry32(options.seed ?? 20261201);
  const reviewers = options.reviewers ?? Array.from({ length: 40 }, (_, i) => `reviewer-${i + 1}`);
  const partners = makePartners(rand, Math.max(1, Math.min(3000, Math.ceil(options.count / 30))));
  const nowMs = options.now.getTime();
  const first = options.firstNumber ?? 100_001;
  const claims: Claim[] = [];
  for (let i = 0; i < options.count; i++) {
    const partner = pick(rand, partners);
    const japanese = rand() < 0.2;
    const stem = Math.floor(rand() * JA_STEM.length);
    const customerName = japanese
      ? `株式会社${JA_STEM[stem]}${pick(rand, JA_KIND)}`
      : `${pick(rand, EN_FIRST)} ${pick(rand, EN_MIDDLE)} ${pick(rand, CUSTOMER_SUFFIX)}`;
    const domain = japanese
      ? `${JA_ROMAJI[stem]}-${i.toString(36)}.co.jp`
      : `${customerName.split(' ')[0]!.toLowerCase().replace(/[^a-z]/g, '')}${i.toString(36)}.example.com`;
    // Created somewhere in the past four months; older claims have mostly been decided by now.
    let t = nowMs - Math.floor(rand() * 120 * MS_PER_DAY);
    const iso = () => new Date(t).toISOString();
    const productCount = 1 + Math.floor(rand() * rand() * 3);
    const products: Claim['products'] = [];
    while (products.length < productCount) {
      const p = pick(rand, PRODUCTS);
      if (!products.some((x) => x.productId === p.id)) products.push({ productId: p.id, family: p.family });
    }
    const documents: Claim['documents'] = Array.from({ length: 1 + Math.floor(rand() * 2.5) }, () => ({
      sha256: hex(rand, 64),
      fileName: pick(rand, FILE_NAMES),
      mediaType: 'application/pdf' as const,
      size: 40_000 + Math.floor(rand() * 2_000_000),
      pages: 1 + Math.floor(rand() * 12),
      uploadedBy: `partner-${partner.partnerId}`,
      uploadedAt: iso(),
    }));
    const claim: Claim = {
      id: `CPOR-${first + i}`,
      partner,
      customer: {
        tenantId: `${hex(rand, 8)}-${hex(rand, 4)}-4${hex(rand, 3)}-8${hex(rand, 3)}-${hex(rand, 12)}`,
        name: customerName,
        domain,
        contact: { name: pick(rand, PEOPLE), email: `it@${domain}` },
      },
      products,
      documents,
      checklist: {},
      annotations: [],
      comments: [],
      assignee: null,
      status: 'draft',
      version: 1,
      createdBy: `partner-${partner.partnerId}`,
      createdAt: iso(),
      updatedAt: iso(),
      firstSubmittedAt: null,
      statusLog: [{ status: 'draft', from: iso(), fromMs: t }],
      infoRequests: [],
      rejection: null,
      dispute: null,
      approvedAt: null,
    };
    for (;;) {
      // Now and then a claim stalls where it is (a partner who never answers, a claim nobody picks up).
      if (claim.status !== 'draft' && rand() < 0.02) break;
      const step = nextStep(rand, claim);
      if (!step) break;
      const dt = Math.floor((0.1 + rand() * rand() * 9) * MS_PER_DAY);
      if (t + dt > nowMs) break;
      t += dt;
      const at = iso();
      claim.status = step.to;
      claim.statusLog.push({ status: step.to, from: at, fromMs: t });
      claim.version++;
      claim.updatedAt = at;
      if (step.to === 'submitted') claim.firstSubmittedAt ??= at;
      if (step.to === 'in_review') {
        claim.assignee ??= pick(rand, reviewers);
        claim.checklist = reviewChecklist(rand, claim, at);
      }
      if (step.to === 'partner_action_needed') {
        const codes = failedCodes(claim);
        claim.infoRequests.push({ codes: codes.length ? codes : [pick(rand, DEFICIENCY_CODES)], message: 'Please add the signed confirmation page.', by: claim.assignee ?? reviewers[0]!, at });
        claim.comments.push({ id: `${claim.id}-c${claim.comments.length + 1}`, by: claim.assignee ?? reviewers[0]!, role: 'reviewer', at, text: 'Requested more information from the partner.' });
      }
      if (step.to === 'approved') claim.approvedAt = at;
      if (step.to === 'rejected') claim.rejection = { reasons: [step.reason!], message: 'See the reasons.', by: claim.assignee ?? 'system', at };
      if (step.to === 'disputed') claim.dispute = { justification: 'The engagement was delivered; updated PoE attached.', by: claim.createdBy, at };
    }
    // A quarter of the claims are assigned before review starts (a supervisor pre-assigning).
    if (claim.assignee === null && claim.status === 'submitted' && rand() < 0.25) claim.assignee = pick(rand, reviewers);
    claims.push(claim);
  }
  return claims;
}

function reviewChecklist(rand: () => number, claim: Claim, at: string): Claim['checklist'] {
  const checklist: Partial<Record<ChecklistItemKey, ChecklistEntry>> = {};
  const items: ChecklistItemKey[] = [...BASE_CHECKLIST_ITEMS, ...claim.products.map((p) => `product:${p.productId}` as const)];
  for (const item of items) {
    const r = rand();
    if (r < 0.45) continue;
    const fail = r > 0.85;
    checklist[item] = { result: fail ? 'fail' : 'pass', by: claim.assignee ?? 'reviewer-1', at, ...(fail ? { note: pick(rand, NOTES) } : {}) };
  }
  return checklist;
}

function failedCodes(claim: Claim): DeficiencyCode[] {
  const codes = new Set<DeficiencyCode>();
  for (const [item, entry] of Object.entries(claim.checklist)) {
    if (entry?.result !== 'fail') continue;
    codes.add(deficiencyCodeOf(item as ChecklistItemKey));
  }
  return [...codes];
}
