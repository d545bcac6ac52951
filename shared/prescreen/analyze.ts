/**
 * The pre-screen (an assistant, never a decision): reads a PoE document's text and form fields and
 * suggests checklist results with the page and region that support them. The reviewer accepts or
 * ignores each suggestion; nothing here changes a claim. Pure: the worker that extracts text with
 * pdf.js passes it in, with the claim and the policy.
 */
import { PRODUCT_BY_ID, type ChecklistItemKey } from '../domain/catalog';
import type { Rect } from '../domain/commands';
import type { Claim } from '../domain/model';
import { findDates, isoDateOf } from './dates';

export type TextItem = { str: string; rect: Rect };
export type PageText = { page: number; items: TextItem[] };
export type FormField = { page: number; rect: Rect; kind: 'signature' | 'other'; name: string; signed: boolean };

export type FindingKind =
  | 'dated'
  | 'stale_date'
  | 'no_date'
  | 'product_named'
  | 'product_missing'
  | 'customer_named'
  | 'customer_missing'
  | 'signature_field'
  | 'signature_block'
  | 'customer_confirmation'
  | 'unsigned_block'
  | 'no_signature'
  | 'no_text';

export type Finding = {
  sha256: string;
  item: ChecklistItemKey;
  kind: FindingKind;
  /** What accepting the suggestion sets the item to; 'check' only points the reviewer somewhere. */
  suggestion: 'pass' | 'fail' | 'check';
  /** English detail for the UI's message catalogue to format (dates are ISO). */
  detail: string;
  page?: number;
  rects?: Rect[];
  text?: string;
};

export type PrescreenInput = {
  sha256: string;
  pages: PageText[];
  fields: FormField[];
  claim: Pick<Claim, 'products' | 'customer'>;
  /** The claim's (first) submission; dates are judged relative to it. */
  submittedAt: Date | null;
  /** The customer acknowledgment must be dated within this many months before submission. */
  maxAgeMonths: number;
};

/** Other ways documents name the catalogue's products. */
const PRODUCT_ALIASES: Record<string, string[]> = {
  d365_sales: ['D365 Sales', 'Dynamics 365 for Sales', 'Dynamics CRM'],
  d365_customer_service: ['D365 Customer Service', 'Dynamics 365 for Customer Service'],
  d365_field_service: ['D365 Field Service'],
  d365_finance: ['D365 Finance', 'Dynamics 365 for Finance'],
  d365_supply_chain: ['D365 Supply Chain', 'Dynamics 365 Supply Chain'],
  d365_business_central: ['D365 Business Central', 'Business Central'],
  power_bi: ['PowerBI', 'Power BI Pro', 'Power BI Premium'],
  power_apps: ['PowerApps'],
  power_automate: ['Microsoft Flow'],
  teams: ['Teams', 'MS Teams'],
  exchange_online: ['Exchange'],
  sharepoint_online: ['SharePoint'],
  m365_copilot: ['Copilot for Microsoft 365', 'M365 Copilot'],
  entra_id: ['Azure AD', 'Azure Active Directory', 'Entra ID'],
  intune: ['Endpoint Manager'],
};

const SIGNATURE_WORDS = /\b(?:signature|signed by|signed|authori[sz]ed (?:signatory|signature)|accepted by|approved by)\b|署名|記名|捺印|承認印/gi;

/** A page's text as one string, with where each item starts, so matches map back to regions. */
type Joined = { text: string; starts: number[]; items: TextItem[] };

function joinPage(page: PageText): Joined {
  let text = '';
  const starts: number[] = [];
  const items: TextItem[] = [];
  for (const item of page.items) {
    // NFKC: full-width digits and letters (common in Japanese documents) read as ASCII.
    const str = item.str.normalize('NFKC');
    if (!str) continue;
    starts.push(text.length);
    items.push({ str, rect: item.rect });
    text += str + ' ';
  }
  return { text, starts, items };
}

function rectsOf(joined: Joined, start: number, end: number): Rect[] {
  const rects: Rect[] = [];
  for (let i = 0; i < joined.items.length; i++) {
    const itemStart = joined.starts[i]!;
    const itemEnd = itemStart + joined.items[i]!.str.length;
    if (itemStart < end && itemEnd > start) rects.push(joined.items[i]!.rect);
  }
  return rects;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name as a pattern that tolerates different spacing (and no word boundary for CJK). Case is
 * ignored unless `exactCase`: single-word aliases like "Teams" must not match "our teams".
 */
function namePattern(name: string, exactCase = false): RegExp {
  const body = name.normalize('NFKC').trim().split(/\s+/).map(escapeRegex).join('\\s*');
  const ascii = /^[\x20-\x7e]+$/.test(name);
  return new RegExp(ascii ? `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])` : body, exactCase ? '' : 'i');
}

type Hit = { page: number; start: number; end: number; text: string; rects: Rect[] };

function firstHit(pages: { page: number; joined: Joined }[], patterns: RegExp[]): Hit | null {
  for (const { page, joined } of pages) {
    for (const pattern of patterns) {
      const m = pattern.exec(joined.text);
      if (m) return { page, start: m.index, end: m.index + m[0].length, text: m[0], rects: rectsOf(joined, m.index, m.index + m[0].length) };
    }
  }
  return null;
}

/** "From: Name <someone@customer-domain>" — a message written by the customer. */
function customerEmailPattern(domain: string): RegExp {
  return new RegExp(`(?:From|差出人|送信者)\\s*[:：]\\s*[^<@\\n]{0,80}<?[\\w.+-]+@(?:[\\w-]+\\.)*${escapeRegex(domain)}\\b`, 'i');
}

type CustomerBlock = { page: number; filled: boolean; rects: Rect[]; text: string };

/**
 * The customer's signature block: "For <customer>" (or お客様ご署名欄) followed by a signature label.
 * Filled when a name follows "Name:" / 氏名 before the next field label.
 */
function findCustomerBlock(pages: { page: number; joined: Joined }[], customer: Pick<Claim['customer'], 'name'>): CustomerBlock | null {
  const anchors = [new RegExp(`For\\s+${namePattern(customer.name).source}`, 'i'), /Accepted by \(Customer\)|\(Customer\)\s+(?=\S*\s*Signature)/i, /お客様ご?署名欄/];
  for (const { page, joined } of pages) {
    for (const anchor of anchors) {
      const m = anchor.exec(joined.text);
      if (!m) continue;
      const rest = joined.text.slice(m.index);
      // The block ends where another party's block starts.
      const next = rest.slice(m[0].length).search(/\bFor\s+\S/);
      const region = next >= 0 ? rest.slice(0, m[0].length + next) : rest.slice(0, 600);
      if (!/signature|署名/i.test(region)) continue;
      const filled = /Name:\s+(?!Title:|Date:|_)[^\s_]/i.test(region) || /氏名\s+(?!署名|印|日付)[^\s_]/.test(region);
      return { page, filled, rects: rectsOf(joined, m.index, m.index + region.length), text: region.trim().slice(0, 200) };
    }
  }
  return null;
}

/** The local date `months` calendar months before `date`, as 'YYYY-MM-DD' (clamped to month ends). */
export function monthsBefore(date: Date, months: number): string {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(date.getUTCDate(), lastDay);
  return isoDateOf({ year, month: month + 1, day });
}

export function prescreen(input: PrescreenInput): Finding[] {
  const { sha256 } = input;
  const findings: Finding[] = [];
  const pages = input.pages.map((p) => ({ page: p.page, joined: joinPage(p) }));
  const withText = pages.filter((p) => p.joined.text.trim().length > 0);

  for (const p of pages) {
    if (p.joined.text.trim().length === 0) {
      findings.push({ sha256, item: 'poe_present', kind: 'no_text', suggestion: 'check', detail: 'no text: check by eye', page: p.page });
    }
  }

  // Dates: the newest one decides whether the document is recent enough.
  let newest: (Hit & { iso: string }) | null = null;
  for (const { page, joined } of withText) {
    for (const d of findDates(joined.text)) {
      const iso = isoDateOf(d);
      if (!newest || iso > newest.iso) newest = { page, start: d.start, end: d.end, text: d.text, iso, rects: rectsOf(joined, d.start, d.end) };
    }
  }
  if (withText.length > 0) {
    if (!newest) {
      findings.push({ sha256, item: 'date', kind: 'no_date', suggestion: 'fail', detail: 'no date found' });
    } else {
      const cutoff = input.submittedAt ? monthsBefore(input.submittedAt, input.maxAgeMonths) : null;
      const stale = cutoff !== null && newest.iso < cutoff;
      findings.push({
        sha256,
        item: 'date',
        kind: stale ? 'stale_date' : 'dated',
        suggestion: stale ? 'fail' : 'pass',
        detail: stale ? `newest date ${newest.iso} is before ${cutoff}` : `dated ${newest.iso}`,
        page: newest.page,
        rects: newest.rects,
        text: newest.text,
      });
    }
  }

  // Each claimed product by its catalogue name or a common alias.
  for (const { productId } of input.claim.products) {
    const product = PRODUCT_BY_ID.get(productId);
    const names = [product?.name ?? productId, ...(PRODUCT_ALIASES[productId] ?? [])];
    const hit = firstHit(withText, names.map((name) => namePattern(name, !/\s/.test(name.trim()))));
    const item = `product:${productId}` as const;
    findings.push(
      hit
        ? { sha256, item, kind: 'product_named', suggestion: 'pass', detail: `names ${product?.name ?? productId}`, page: hit.page, rects: hit.rects, text: hit.text }
        : { sha256, item, kind: 'product_missing', suggestion: 'fail', detail: `${product?.name ?? productId} is not named` },
    );
  }

  // The customer, by name or domain: evidence the document belongs to this claim.
  const customerHit = firstHit(withText, [namePattern(input.claim.customer.name), namePattern(input.claim.customer.domain)]);
  findings.push(
    customerHit
      ? { sha256, item: 'poe_present', kind: 'customer_named', suggestion: 'pass', detail: `names ${input.claim.customer.name}`, page: customerHit.page, rects: customerHit.rects, text: customerHit.text }
      : { sha256, item: 'poe_present', kind: 'customer_missing', suggestion: 'check', detail: `${input.claim.customer.name} is not named: is this document about this claim?` },
  );

  // Customer verification, strongest evidence first: a signed signature field, a confirmation
  // e-mailed from the customer's domain, the customer's signature block (filled or empty), then
  // any signature wording, then an empty signature field.
  const signed = input.fields.find((f) => f.kind === 'signature' && f.signed);
  const unsigned = input.fields.find((f) => f.kind === 'signature' && !f.signed);
  const customerBlock = signed ? null : findCustomerBlock(withText, input.claim.customer);
  const email = signed || customerBlock?.filled ? null : firstHit(withText, [customerEmailPattern(input.claim.customer.domain)]);
  const block = firstHit(withText, [new RegExp(SIGNATURE_WORDS.source, 'i')]);
  const verification: Omit<Finding, 'sha256' | 'item'> | null = signed
    ? { kind: 'signature_field', suggestion: 'pass', detail: `digitally signed (${signed.name})`, page: signed.page, rects: [signed.rect] }
    : customerBlock?.filled
      ? { kind: 'signature_block', suggestion: 'pass', detail: 'the customer’s signature block is filled in', page: customerBlock.page, rects: customerBlock.rects, text: customerBlock.text }
      : email
        ? { kind: 'customer_confirmation', suggestion: 'pass', detail: 'confirmation sent from the customer’s domain', page: email.page, rects: email.rects, text: email.text }
        : customerBlock
          ? { kind: 'unsigned_block', suggestion: 'fail', detail: 'the customer’s signature block is empty', page: customerBlock.page, rects: customerBlock.rects, text: customerBlock.text }
          : block
            ? { kind: 'signature_block', suggestion: 'check', detail: 'signature wording: check it is signed by the customer', page: block.page, rects: block.rects, text: block.text }
            : unsigned
              ? { kind: 'unsigned_block', suggestion: 'check', detail: `empty signature field (${unsigned.name})`, page: unsigned.page, rects: [unsigned.rect] }
              : withText.length > 0
                ? { kind: 'no_signature', suggestion: 'fail', detail: 'no signature or confirmation found' }
                : null;
  if (verification) findings.push({ sha256, item: 'customer_verification', ...verification });
  return findings;
}
