/** What a refused action carried that the reviewer wrote, and how to send it again. */
import { PRODUCT_BY_ID, type CommandInput, type DeficiencyCode, type RejectionReason } from '@shared/index';
import { t } from '../i18n';
import type { PendingMutation } from '../store/db';

/** Argument names that hold the reviewer's own words. */
const TEXT_FIELDS = ['text', 'message', 'note', 'justification', 'quote'] as const;

export type ReviewerText = { field: (typeof TEXT_FIELDS)[number]; text: string };

export function reviewerTexts(mutation: Pick<PendingMutation, 'args'>): ReviewerText[] {
  return TEXT_FIELDS.flatMap((field) => {
    const value = mutation.args[field];
    return typeof value === 'string' && value.trim() !== '' ? [{ field, text: value }] : [];
  });
}

/**
 * The refused action as a new command. Ids the client made up (comment, annotation) are fresh, so
 * the new action never collides with what the server already knows.
 */
export function resendCommand(mutation: Pick<PendingMutation, 'name' | 'args'>, newId: () => string): Exclude<CommandInput, { type: 'create' }> {
  const args: Record<string, unknown> = { ...mutation.args };
  if (typeof args['commentId'] === 'string') args['commentId'] = newId();
  if (typeof args['annotationId'] === 'string') args['annotationId'] = newId();
  // The core validates the whole command (decide parses it), so an odd shape is refused there.
  return { ...args, type: mutation.name } as Exclude<CommandInput, { type: 'create' }>;
}

/** The non-text parts of what was tried, in words: codes, reasons, checklist result, assignee. */
export function triedDetails(mutation: Pick<PendingMutation, 'name' | 'args'>): string | null {
  const { args } = mutation;
  switch (mutation.name) {
    case 'requestInfo':
      return ((args['codes'] as DeficiencyCode[] | undefined) ?? []).map((c) => t(`deficiency.${c}`)).join('; ') || null;
    case 'reject':
      return ((args['reasons'] as RejectionReason[] | undefined) ?? []).map((r) => t(`rejection.${r}`)).join('; ') || null;
    case 'assign':
      return t('event.assigned', { assignee: typeof args['assignee'] === 'string' ? args['assignee'] : t('claim.unassigned') });
    case 'setChecklistItem': {
      const item = String(args['item']);
      const name = item.startsWith('product:') ? (PRODUCT_BY_ID.get(item.slice(8))?.name ?? item) : item;
      const result = args['result'] === 'pass' ? t('checklist.pass') : args['result'] === 'fail' ? t('checklist.fail') : t('checklist.unset');
      return `${name} → ${result}`;
    }
    default:
      return null;
  }
}
