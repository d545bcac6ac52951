import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { isQuotaError } from './quotaError';

const domQuota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('recognising "storage full"', () => {
  it.each([
    ['the DOMException IndexedDB raises', domQuota()],
    ["Dexie's own error class", new Dexie.QuotaExceededError('full')],
    ['a transaction aborted because of it (Chromium reports quota on commit)', new Dexie.AbortError('Transaction aborted', domQuota())],
    ['a bulk write with a failure of that kind', new Dexie.BulkError('1 of 2 failed', [new Error('other'), domQuota()])],
    ['an error caused by it', new Error('could not store', { cause: domQuota() })],
    ['Firefox’s name for it', { name: 'NS_ERROR_DOM_QUOTA_REACHED' }],
  ])('%s', (_what, error) => {
    expect(isQuotaError(error)).toBe(true);
  });

  it.each([
    ['another DOMException', new DOMException('gone', 'NotFoundError')],
    ['an aborted transaction for another reason', new Dexie.AbortError('Transaction aborted', new DOMException('x', 'ConstraintError'))],
    ['a plain error', new Error('network')],
    ['not an error at all', 'QuotaExceededError'],
    ['nothing', undefined],
  ])('not %s', (_what, error) => {
    expect(isQuotaError(error)).toBe(false);
  });
});
