import { describe, expect, it } from 'vitest';
import { resendCommand, reviewerTexts } from './refusals';

describe('sync issue helpers', () => {
  it('finds the reviewer’s own words in a refused action', () => {
    expect(reviewerTexts({ args: { claimId: 'c', codes: ['missing_poe'], message: 'Please add a signed SOW.' } })).toEqual([
      { field: 'message', text: 'Please add a signed SOW.' },
    ]);
    expect(reviewerTexts({ args: { claimId: 'c', commentId: 'x', text: '<b>hi</b>' } })).toEqual([{ field: 'text', text: '<b>hi</b>' }]);
    expect(reviewerTexts({ args: { claimId: 'c' } })).toEqual([]);
  });

  it('re-sends with fresh client-made ids and the same words', () => {
    expect(resendCommand({ name: 'comment', args: { claimId: 'c', commentId: 'old', text: 'hello' } }, () => 'new')).toEqual({
      type: 'comment',
      claimId: 'c',
      commentId: 'new',
      text: 'hello',
    });
    expect(resendCommand({ name: 'approve', args: { claimId: 'c' } }, () => 'new')).toEqual({ type: 'approve', claimId: 'c' });
  });
});
