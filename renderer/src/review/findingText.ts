/**
 * A pre-screen finding in the reviewer's language. The shared core describes findings in English
 * for logs; the UI words them from the finding's kind, its suggestion and the quoted text.
 */
import { monthsBefore, type Claim, type Finding } from '@shared/index';
import { t, type MessageKey } from '../i18n';
import { productName } from './checklistOps';

const KEYS: Record<Finding['kind'], MessageKey> = {
  no_text: 'review.finding.no_text',
  dated: 'review.finding.dated',
  stale_date: 'review.finding.stale_date',
  no_date: 'review.finding.no_date',
  product_named: 'review.finding.product_named',
  product_missing: 'review.finding.product_missing',
  customer_named: 'review.finding.customer_named',
  customer_missing: 'review.finding.customer_missing',
  signature_field: 'review.finding.signature_field',
  signature_block: 'review.finding.signature_block',
  customer_confirmation: 'review.finding.customer_confirmation',
  unsigned_block: 'review.finding.unsigned_block',
  no_signature: 'review.finding.no_signature',
};

/** Kinds whose wording differs when they only point somewhere ('check'). */
const CHECK_KEYS: Partial<Record<Finding['kind'], MessageKey>> = {
  signature_block: 'review.finding.signature_block_check',
  unsigned_block: 'review.finding.unsigned_block_check',
};

function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What a finding's wording needs of its claim. */
export type FindingContext = { customerName: string; firstSubmittedAt: string | null };

export function findingContext(claim: Pick<Claim, 'customer' | 'firstSubmittedAt'>): FindingContext {
  return { customerName: claim.customer.name, firstSubmittedAt: claim.firstSubmittedAt };
}

export function findingText(finding: Finding, claim: FindingContext, maxAgeMonths: number): string {
  const key = (finding.suggestion === 'check' ? CHECK_KEYS[finding.kind] : undefined) ?? KEYS[finding.kind];
  const product = finding.item.startsWith('product:') ? productName(finding.item.slice('product:'.length)) : '';
  // The signature field's name is in the detail "(name)"; other quotes are the document's words.
  const fieldName = /\(([^)]*)\)\s*$/.exec(finding.detail)?.[1] ?? '';
  const quote = finding.kind === 'signature_field' || (finding.kind === 'unsigned_block' && finding.suggestion === 'check') ? fieldName : shorten(finding.text ?? '');
  const cutoff = claim.firstSubmittedAt ? monthsBefore(new Date(claim.firstSubmittedAt), maxAgeMonths) : '';
  return t(key, { quote, product, customer: claim.customerName, cutoff, page: finding.page ?? '' });
}

/** A stable id for a finding within a claim page (for focus and the `a` shortcut). */
export function findingId(finding: Finding): string {
  return `${finding.sha256.slice(0, 16)}:${finding.item}:${finding.kind}:${finding.page ?? 0}`;
}
