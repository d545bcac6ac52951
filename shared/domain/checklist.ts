/** The PoE checklist of a claim (SPEC §5): which items it has, which pass, what failures mean. */
import { BASE_CHECKLIST_ITEMS, deficiencyCodeOf, type ChecklistItemKey, type DeficiencyCode } from './catalog';
import type { Claim } from './model';

/** Every checklist item of a claim: the base items, then one per claimed product. */
export function checklistItems(claim: Pick<Claim, 'products'>): ChecklistItemKey[] {
  return [...BASE_CHECKLIST_ITEMS, ...claim.products.map((p) => `product:${p.productId}` as const)];
}

/** Items that do not (yet) pass; approval needs this to be empty. */
export function missingChecklistItems(claim: Pick<Claim, 'products' | 'checklist'>): ChecklistItemKey[] {
  return checklistItems(claim).filter((item) => claim.checklist[item]?.result !== 'pass');
}

export function isChecklistComplete(claim: Pick<Claim, 'products' | 'checklist' | 'documents'>): boolean {
  return claim.documents.length > 0 && missingChecklistItems(claim).length === 0;
}

/** Deficiencies of the failed items with their notes: what a request for information is pre-filled with. */
export function failedDeficiencies(claim: Pick<Claim, 'products' | 'checklist'>): { item: ChecklistItemKey; code: DeficiencyCode; note?: string }[] {
  return checklistItems(claim).flatMap((item) => {
    const entry = claim.checklist[item];
    if (entry?.result !== 'fail') return [];
    return [{ item, code: deficiencyCodeOf(item), ...(entry.note ? { note: entry.note } : {}) }];
  });
}
