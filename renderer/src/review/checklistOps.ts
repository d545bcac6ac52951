/**
 * Checklist commands that keep what is already there. `setChecklistItem` replaces an item's entry
 * as a whole, so every change (result, note, evidence) carries the rest of the entry along.
 */
import { PRODUCT_BY_ID, type ChecklistEntry, type ChecklistItemKey, type CommandInput, type Evidence, type Finding } from '@shared/index';
import { t } from '../i18n';
import { unionRects } from './geometry';

export type ChecklistResult = 'pass' | 'fail' | null;
export type SetChecklistItem = Extract<CommandInput, { type: 'setChecklistItem' }>;

export function itemLabel(item: ChecklistItemKey): string {
  if (item.startsWith('product:')) {
    const id = item.slice('product:'.length);
    return t('checklist.product', { name: productName(id) });
  }
  return t(`checklist.item.${item as Exclude<ChecklistItemKey, `product:${string}`>}`);
}

export function productName(productId: string): string {
  return PRODUCT_BY_ID.get(productId)?.name ?? productId;
}

function command(claimId: string, item: ChecklistItemKey, result: ChecklistResult, note: string | undefined, evidence: Evidence[] | undefined): SetChecklistItem {
  return { type: 'setChecklistItem', claimId, item, result, ...(note ? { note } : {}), ...(evidence && evidence.length > 0 ? { evidence } : {}) };
}

export function setResult(claimId: string, item: ChecklistItemKey, entry: ChecklistEntry | undefined, result: ChecklistResult): SetChecklistItem {
  return command(claimId, item, result, entry?.note, entry?.evidence);
}

export function setNote(claimId: string, item: ChecklistItemKey, entry: ChecklistEntry | undefined, note: string): SetChecklistItem {
  return command(claimId, item, entry?.result ?? null, note.trim() || undefined, entry?.evidence);
}

export function sameEvidence(a: Evidence, b: Evidence): boolean {
  return a.sha256 === b.sha256 && a.page === b.page && JSON.stringify(a.rect ?? null) === JSON.stringify(b.rect ?? null);
}

/** Adds evidence (once) and, when given, sets the result; a note is added only where there is none. */
export function addEvidence(
  claimId: string,
  item: ChecklistItemKey,
  entry: ChecklistEntry | undefined,
  evidence: Evidence,
  change: { result?: ChecklistResult; note?: string } = {},
): SetChecklistItem {
  const existing = entry?.evidence ?? [];
  const list = existing.some((e) => sameEvidence(e, evidence)) ? existing : [...existing, evidence];
  const result = change.result !== undefined ? change.result : (entry?.result ?? null);
  return command(claimId, item, result, entry?.note || change.note?.trim() || undefined, list);
}

export function removeEvidence(claimId: string, item: ChecklistItemKey, entry: ChecklistEntry | undefined, evidence: Evidence): SetChecklistItem {
  return command(
    claimId,
    item,
    entry?.result ?? null,
    entry?.note,
    (entry?.evidence ?? []).filter((e) => !sameEvidence(e, evidence)),
  );
}

/**
 * Accepting a pre-screen suggestion: the item takes the suggested result, the finding's place
 * becomes evidence, and its message the note when the item has none. 'check' findings only point
 * somewhere; they cannot be accepted.
 */
export function acceptFinding(claimId: string, finding: Finding, entry: ChecklistEntry | undefined, note: string): SetChecklistItem | null {
  if (finding.suggestion === 'check') return null;
  if (finding.page === undefined) return command(claimId, finding.item, finding.suggestion, entry?.note || note, entry?.evidence);
  const rect = unionRects(finding.rects ?? []);
  const evidence: Evidence = { sha256: finding.sha256, page: finding.page, ...(rect ? { rect } : {}) };
  return addEvidence(claimId, finding.item, entry, evidence, { result: finding.suggestion, note });
}
