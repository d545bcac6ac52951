/** What people write on demo claims: requests for information, rejections, comments, justifications — in English and Japanese. */
import { PRODUCT_BY_ID, type DeficiencyCode, type RejectionReason } from '../../../shared/index';
import type { Rng } from './random';

export type Lang = 'en' | 'ja';

const REQUEST_LINES: Record<Lang, Record<DeficiencyCode, string>> = {
  en: {
    missing_poe: 'The uploaded file is not proof of execution for this engagement. Please upload a statement of work, customer acceptance or deployment report for this customer.',
    missing_customer_verification: 'The PoE has no customer signature or written confirmation. Please add a document signed by the customer, or an email from the customer confirming the work.',
    missing_or_stale_date: 'The customer acknowledgement has no date, or it is more than 12 months before the claim was submitted. Please provide a dated, recent confirmation.',
    missing_partner_solution: 'The PoE does not describe the work your organisation performed. Please add the scope of services or a deployment report.',
    missing_product: 'The claimed product is not named in the PoE. Please upload evidence that names it, or remove it from the claim.',
  },
  ja: {
    missing_poe: 'アップロードされたファイルは本案件の実行証明（PoE）ではありません。作業範囲記述書、検収書または導入報告書をアップロードしてください。',
    missing_customer_verification: 'PoE にお客様の署名または確認がありません。お客様の署名入りの書類、またはお客様からの確認メールを追加してください。',
    missing_or_stale_date: 'お客様の確認に日付がない、または申請日より12か月以上前の日付です。日付入りの最新の確認書類をご提出ください。',
    missing_partner_solution: '実施した作業の内容が PoE に記載されていません。作業範囲または導入報告書を追加してください。',
    missing_product: '申請された製品が PoE に記載されていません。製品名が記載された証跡を提出するか、申請から製品を削除してください。',
  },
};

export function requestInfoMessage(codes: DeficiencyCode[], lang: Lang, removeProducts: string[] = []): string {
  const lines = codes.map((c) => REQUEST_LINES[lang][c]);
  if (removeProducts.length) {
    const names = removeProducts.map((p) => PRODUCT_BY_ID.get(p)?.name ?? p).join(', ');
    lines.push(lang === 'ja' ? `PoE で確認できない製品（${names}）は申請から削除してください。` : `Please remove ${names} from the claim: the PoE does not support it.`);
  }
  return lines.join('\n');
}

export function checklistNote(code: DeficiencyCode, lang: Lang): string {
  const notes: Record<Lang, Record<DeficiencyCode, string>> = {
    en: {
      missing_poe: 'Unrelated document (not PoE).',
      missing_customer_verification: 'Signature block is empty.',
      missing_or_stale_date: 'No date, or dated more than 12 months before submission.',
      missing_partner_solution: 'Work performed is not described.',
      missing_product: 'Product not named anywhere in the PoE.',
    },
    ja: {
      missing_poe: '本案件と無関係な書類です。',
      missing_customer_verification: '署名欄が空欄です。',
      missing_or_stale_date: '日付がない、または古い日付です。',
      missing_partner_solution: '作業内容の記載がありません。',
      missing_product: '製品名の記載がありません。',
    },
  };
  return notes[lang][code];
}

/** Rejection reasons a reviewer picks for the problems found. */
export function rejectionReasons(codes: DeficiencyCode[]): RejectionReason[] {
  const reasons = new Set<RejectionReason>();
  for (const code of codes) {
    if (code === 'missing_product') reasons.add('missing_product');
    else if (code === 'missing_customer_verification') reasons.add('missing_customer_consent');
    else reasons.add('insufficient_poe');
  }
  return reasons.size ? [...reasons] : ['insufficient_poe'];
}

export function rejectMessage(lang: Lang, rng: Rng): string {
  return lang === 'ja'
    ? rng.pick(['PoE が不十分なため却下します。詳細はチェックリストをご確認ください。', '提出された書類では顧客の確認が取れないため却下します。'])
    : rng.pick([
        'Rejected: the PoE does not meet the review guidelines. See the checklist notes for details.',
        'Rejected after review: the documents do not evidence the claimed workload for this customer.',
        'Insufficient proof of execution. You may dispute within 30 days with updated PoE.',
      ]);
}

export function withdrawMessage(rng: Rng): string {
  return rng.pick([
    'Filed under the wrong Partner ID; we will submit a new claim.',
    'Wrong activity selected: this should be a revenue association.',
    'The customer engagement has not finished yet; withdrawing for now.',
  ]);
}

export function optOutMessage(rng: Rng): string {
  return rng.pick([
    'We did not work with this partner on this workload.',
    'This association is not correct; our deployment was done in-house.',
    'Please remove this association.',
  ]);
}

export function disputeJustification(lang: Lang, withDocument: boolean, rng: Rng): string {
  if (lang === 'ja') return withDocument ? 'お客様の署名入りの検収書を入手しましたので添付します。再審査をお願いいたします。' : 'お客様の確認はメールで取得済みです。再審査をお願いいたします。';
  return withDocument
    ? rng.pick([
        'The customer signed the acceptance certificate after the review; the signed copy is attached.',
        'Attached is the dated, signed statement of work that covers the claimed workload.',
      ])
    : rng.pick(['The customer confirmed the work in the kickoff call; we believe the existing PoE is sufficient.', 'Our SOW clearly covers the deployment; please review again.']);
}

export function denyMessage(lang: Lang): string {
  return lang === 'ja' ? '争議を確認しましたが、PoE は依然として不十分です。新しい申請が必要です。' : 'Dispute reviewed: the PoE is still insufficient. A new claim with updated PoE is needed.';
}

export function approveMessage(rng: Rng): string | undefined {
  return rng.pick([undefined, 'PoE verified: signed, dated and names every claimed product.', 'Approved. Thank you for the complete documentation.']);
}

export function partnerReply(lang: Lang, fixed: boolean, rng: Rng): string {
  if (lang === 'ja') {
    return fixed
      ? rng.pick(['署名済みの検収書を追加しました。ご確認をお願いします。', 'ご指摘の点を修正した書類をアップロードしました。'])
      : rng.pick(['お客様に署名を依頼中です。今週中に提出いたします。', 'ご連絡ありがとうございます。確認いたします。']);
  }
  return fixed
    ? rng.pick([
        'Uploaded the signed and dated acceptance from the customer.',
        'Added the deployment report that describes our work; please take another look.',
        'Thanks for the quick review. The updated PoE is attached.',
      ])
    : rng.pick(['We are collecting the customer signature and will upload it shortly.', 'Thanks, checking with the customer.', 'Could you clarify which date is needed - the SOW date or the go-live date?']);
}

export function reviewerComment(lang: Lang, rng: Rng): string {
  if (lang === 'ja') return rng.pick(['書類を確認中です。', '署名欄と日付を確認しています。', '同じテナントの別申請があるため、最新の PoE を確認しています。']);
  return rng.pick([
    'Reviewing the SOW now.',
    'Checking this against another claim on the same tenant and workload.',
    'The signature page is on the last page; verifying the signatory.',
    'Looks complete so far; finishing the product check.',
  ]);
}

export function partnerComment(lang: Lang, rng: Rng): string {
  if (lang === 'ja') return rng.pick(['ご確認のほどよろしくお願いいたします。', '追加の資料が必要な場合はお知らせください。']);
  return rng.pick(['Any update on the review?', 'Happy to provide more documentation if needed.', 'The customer contact is on vacation until next week.']);
}
