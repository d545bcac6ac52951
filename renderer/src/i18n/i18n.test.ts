import { describe, expect, it } from 'vitest';
import { DEFICIENCY_CODES, REJECTION_REASONS, STATUSES, STATUS_LABELS } from '@shared/index';
import { en } from './en';
import { t } from './index';

describe('message catalogue', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('sync.pending', { count: 3 })).toBe('3 pending');
    expect(t('claim.heading', {})).toBe('Claim {id}');
  });

  it('has a label for every status, deficiency and rejection reason, taken from the core', () => {
    for (const s of STATUSES) expect(t(`status.${s}`)).toBe(STATUS_LABELS[s]);
    for (const c of DEFICIENCY_CODES) expect(en[`deficiency.${c}`]).toBeTruthy();
    for (const r of REJECTION_REASONS) expect(en[`rejection.${r}`]).toBeTruthy();
  });

  it('has no empty messages', () => {
    expect(Object.entries(en).filter(([, v]) => v.trim() === '')).toEqual([]);
  });
});
