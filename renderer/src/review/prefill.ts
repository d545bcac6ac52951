/**
 * The request for information, pre-filled (SPEC §5): the deficiency codes of the failed checklist
 * items and of the deficiency annotations, and a message to the partner listing each deficiency
 * with the reviewer's notes and the numbered marks on the documents (numbered as in the exported
 * deficiency report, so the partner can match them).
 */
import { DEFICIENCY_CODES, failedDeficiencies, type Annotation, type Claim, type DeficiencyCode } from '@shared/index';
import { t } from '../i18n';
import { productName } from './checklistOps';

export type RequestInfoPrefill = {
  codes: DeficiencyCode[];
  message: string;
  /** Claimed products whose checklist item failed: the reviewer may ask to remove them. */
  unsupportedProducts: string[];
};

/** An annotation's number: its position on the claim, from 1 (the report uses the same numbers). */
export function annotationNumber(claim: Pick<Claim, 'annotations'>, annotationId: string): number {
  return claim.annotations.findIndex((a) => a.id === annotationId) + 1;
}

/**
 * The deficiency an annotation stands for: its code. Marks without one are evidence or notes,
 * even on a failed item, and stay out of the request.
 */
export function annotationDeficiency(annotation: Annotation): DeficiencyCode | null {
  return annotation.code ?? null;
}

export function composeRequestInfo(claim: Pick<Claim, 'products' | 'checklist' | 'annotations' | 'documents'>): RequestInfoPrefill {
  const failed = failedDeficiencies(claim);
  const marks = claim.annotations.map((annotation, index) => ({ annotation, number: index + 1, code: annotationDeficiency(annotation) }));
  const wanted = new Set<DeficiencyCode>([...failed.map((f) => f.code), ...marks.flatMap((m) => (m.code ? [m.code] : []))]);
  const codes = DEFICIENCY_CODES.filter((c) => wanted.has(c));
  if (codes.length === 0) return { codes, message: '', unsupportedProducts: [] };

  const lines: string[] = [t('review.prefill.intro'), ''];
  for (const code of codes) {
    lines.push(`- ${t(`deficiency.${code}`)}`);
    const markNotes = new Set(marks.filter((m) => m.code === code).map((m) => m.annotation.note?.trim()));
    for (const { item, note: itemNote } of failed.filter((f) => f.code === code)) {
      // A note the reviewer wrote once, on the mark that became the item's note, is said once.
      const note = itemNote && !markNotes.has(itemNote.trim()) ? itemNote : undefined;
      if (item.startsWith('product:')) {
        const name = productName(item.slice('product:'.length));
        lines.push(`  ${note ? t('review.prefill.productNote', { product: name, note }) : t('review.prefill.product', { product: name })}`);
      } else if (note) {
        lines.push(`  ${note}`);
      }
    }
    for (const { annotation, number } of marks.filter((m) => m.code === code)) {
      const file = claim.documents.find((d) => d.sha256 === annotation.sha256)?.fileName ?? annotation.sha256.slice(0, 12);
      const place = t('review.prefill.mark', { number, file, page: annotation.page });
      const what = annotation.note?.trim() || (annotation.quote ? `“${annotation.quote.trim()}”` : '');
      lines.push(`  ${what ? `${place}: ${what}` : place}`);
    }
  }
  const unsupportedProducts = failed.filter((f) => f.item.startsWith('product:')).map((f) => f.item.slice('product:'.length));
  return { codes, message: lines.join('\n'), unsupportedProducts };
}
