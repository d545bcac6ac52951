import { describe, expect, it } from 'vitest';
import type { Finding } from '@shared/index';
import { findingId, findingText } from './findingText';

const sha256 = 'e'.repeat(64);
const context = { customerName: 'Fabrikam, Inc.', firstSubmittedAt: '2026-11-02T17:00:00.000Z' };
const finding = (f: Partial<Finding> & Pick<Finding, 'kind' | 'suggestion' | 'item'>): Finding => ({ sha256, detail: '', ...f });

describe('pre-screen findings in the reviewer’s words', () => {
  it('a stale date names the date found and the cutoff from the policy and first submission', () => {
    const text = findingText(finding({ item: 'date', kind: 'stale_date', suggestion: 'fail', text: 'March 3, 2019', page: 1 }), context, 12);
    expect(text).toBe('The newest date, “March 3, 2019”, is before 2025-11-02: too old for this claim');
    expect(findingText(finding({ item: 'date', kind: 'stale_date', suggestion: 'fail', text: 'March 3, 2019' }), context, 6)).toContain('2026-05-02');
  });

  it('products, customers and signature fields by name; check-only findings say so', () => {
    expect(findingText(finding({ item: 'product:power_bi', kind: 'product_missing', suggestion: 'fail' }), context, 12)).toBe('Power BI is not named');
    expect(findingText(finding({ item: 'poe_present', kind: 'customer_missing', suggestion: 'check' }), context, 12)).toContain('Fabrikam, Inc. is not named');
    expect(findingText(finding({ item: 'customer_verification', kind: 'signature_field', suggestion: 'pass', detail: 'digitally signed (CustomerSignature)' }), context, 12)).toBe('Digitally signed (CustomerSignature)');
    expect(findingText(finding({ item: 'customer_verification', kind: 'signature_block', suggestion: 'check', text: 'Signature:' }), context, 12)).toMatch(/^Signature wording/);
    expect(findingText(finding({ item: 'poe_present', kind: 'no_text', suggestion: 'check', page: 3 }), context, 12)).toBe('No text: check by eye');
  });

  it('long quotes are shortened to one line', () => {
    const text = findingText(finding({ item: 'poe_present', kind: 'customer_named', suggestion: 'pass', text: `Fabrikam\n${'x'.repeat(200)}` }), context, 12);
    expect(text.length).toBeLessThan(120);
    expect(text).not.toContain('\n');
  });

  it('ids tell pages apart', () => {
    const a = finding({ item: 'poe_present', kind: 'no_text', suggestion: 'check', page: 1 });
    expect(findingId(a)).not.toBe(findingId({ ...a, page: 2 }));
  });
});
