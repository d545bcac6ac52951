/** What a refused action carried that the reviewer wrote, and how to send it again. */
import type { CommandInput } from '@shared/index';
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
