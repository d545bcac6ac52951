import { describe, expect, it } from 'vitest';
import { decide, type Claim, type CommandInput } from '@shared/index';
import { actors, apply, createCommand, SHA_A } from '@shared/testing/fixtures';
import { acceptFinding, addEvidence, removeEvidence, setNote, setResult } from './checklistOps';
import { annotationNumber, composeRequestInfo } from './prefill';

const at = (h: number) => new Date(Date.UTC(2026, 10, 2, 9 + h));

function inReview(): Claim {
  let claim = apply(null, createCommand('claim-1', ['d365_sales', 'power_bi']), actors.partner, at(0)).claim;
  claim = apply(claim, { type: 'submit', claimId: 'claim-1' }, actors.partner, at(1)).claim;
  return apply(claim, { type: 'startReview', claimId: 'claim-1' }, actors.reviewer, at(2)).claim;
}

function run(claim: Claim, ...commands: CommandInput[]): Claim {
  return commands.reduce((c, command, i) => apply(c, command, actors.reviewer, at(3 + i)).claim, claim);
}

const signatureRect = { x: 72, y: 120, width: 200, height: 40 };

describe('request info pre-fill', () => {
  it('nothing failed: nothing to pre-fill', () => {
    expect(composeRequestInfo(inReview())).toEqual({ codes: [], message: '', unsupportedProducts: [] });
  });

  it('codes of failed items and deficiency marks, their notes and the numbered marks', () => {
    const claim = run(
      inReview(),
      { type: 'annotate', claimId: 'claim-1', annotationId: 'a-1', sha256: SHA_A, page: 1, rect: { x: 300, y: 700, width: 100, height: 20 }, item: 'date', note: 'Dated correctly' },
      { type: 'annotate', claimId: 'claim-1', annotationId: 'a-2', sha256: SHA_A, page: 3, rect: signatureRect, item: 'customer_verification', code: 'missing_customer_verification', note: 'Customer signature block is empty' },
      { type: 'setChecklistItem', claimId: 'claim-1', item: 'customer_verification', result: 'fail', note: 'Unsigned draft', evidence: [{ sha256: SHA_A, page: 3, rect: signatureRect }] },
      { type: 'setChecklistItem', claimId: 'claim-1', item: 'product:power_bi', result: 'fail' },
      { type: 'setChecklistItem', claimId: 'claim-1', item: 'date', result: 'pass' },
    );
    const prefill = composeRequestInfo(claim);
    expect(prefill.codes).toEqual(['missing_customer_verification', 'missing_product']);
    expect(prefill.unsupportedProducts).toEqual(['power_bi']);
    const lines = prefill.message.split('\n');
    expect(lines[0]).toMatch(/Please/);
    expect(prefill.message).toContain('- No customer signature or confirmation in the PoE\n  Unsigned draft\n  [2] poe-aaaaaa.pdf, page 3: Customer signature block is empty');
    expect(prefill.message).toContain('- A claimed product or workload is not named in the PoE\n  Power BI');
    // A mark on a passing item without a code is not a deficiency.
    expect(prefill.message).not.toContain('Dated correctly');
    expect(annotationNumber(claim, 'a-2')).toBe(2);
  });

  it('a mark with a code counts and quotes its text when it has no note; a mark without a code on a failed item does not', () => {
    const claim = run(
      inReview(),
      { type: 'annotate', claimId: 'claim-1', annotationId: 'a-1', sha256: SHA_A, page: 2, rect: signatureRect, item: 'date', code: 'missing_or_stale_date', quote: 'March 3, 2019' },
      { type: 'annotate', claimId: 'claim-1', annotationId: 'a-2', sha256: SHA_A, page: 1, rect: signatureRect, item: 'date', note: 'Title page' },
      { type: 'setChecklistItem', claimId: 'claim-1', item: 'date', result: 'fail' },
    );
    const prefill = composeRequestInfo(claim);
    expect(prefill.codes).toEqual(['missing_or_stale_date']);
    expect(prefill.message).toContain('[1] poe-aaaaaa.pdf, page 2: “March 3, 2019”');
    expect(prefill.message).not.toContain('Title page');
  });

  it('a note written on the mark and copied to its item is said once', () => {
    const claim = run(
      inReview(),
      { type: 'annotate', claimId: 'claim-1', annotationId: 'a-1', sha256: SHA_A, page: 3, rect: signatureRect, item: 'customer_verification', code: 'missing_customer_verification', note: 'Signature block is empty' },
      { type: 'setChecklistItem', claimId: 'claim-1', item: 'customer_verification', result: 'fail', note: 'Signature block is empty', evidence: [{ sha256: SHA_A, page: 3, rect: signatureRect }] },
    );
    const { message } = composeRequestInfo(claim);
    expect(message.split('Signature block is empty')).toHaveLength(2);
    expect(message).toContain('[1] poe-aaaaaa.pdf, page 3: Signature block is empty');
  });

  it('the pre-filled request is one the core accepts', () => {
    const claim = run(inReview(), { type: 'setChecklistItem', claimId: 'claim-1', item: 'partner_solution', result: 'fail', note: 'Only a quote, no delivered work' });
    const { codes, message } = composeRequestInfo(claim);
    const decision = decide(claim, { type: 'requestInfo', claimId: 'claim-1', codes, message }, { actor: actors.reviewer, now: at(9), calendar: { timeZone: 'UTC', weekend: [0, 6], holidays: [] } });
    expect(decision.ok).toBe(true);
  });
});

describe('checklist changes keep the rest of the entry', () => {
  const evidence = { sha256: SHA_A, page: 3, rect: signatureRect };
  const claim = run(inReview(), { type: 'setChecklistItem', claimId: 'claim-1', item: 'customer_verification', result: 'fail', note: 'Unsigned', evidence: [evidence] });
  const entry = claim.checklist.customer_verification;

  it('a new result keeps the note and the evidence', () => {
    expect(setResult('claim-1', 'customer_verification', entry, 'pass')).toEqual({ type: 'setChecklistItem', claimId: 'claim-1', item: 'customer_verification', result: 'pass', note: 'Unsigned', evidence: [evidence] });
    expect(setResult('claim-1', 'date', undefined, null)).toEqual({ type: 'setChecklistItem', claimId: 'claim-1', item: 'date', result: null });
  });

  it('a note keeps the result; an empty note removes it', () => {
    expect(setNote('claim-1', 'customer_verification', entry, ' Signed later ')).toMatchObject({ result: 'fail', note: 'Signed later', evidence: [evidence] });
    expect(setNote('claim-1', 'customer_verification', entry, '  ')).not.toHaveProperty('note');
  });

  it('evidence is added once and can be removed', () => {
    expect(addEvidence('claim-1', 'customer_verification', entry, { ...evidence }).evidence).toHaveLength(1);
    const more = addEvidence('claim-1', 'customer_verification', entry, { sha256: SHA_A, page: 1 }, { result: 'fail', note: 'ignored: there is a note' });
    expect(more).toMatchObject({ result: 'fail', note: 'Unsigned' });
    expect(more.evidence).toHaveLength(2);
    expect(removeEvidence('claim-1', 'customer_verification', entry, evidence)).not.toHaveProperty('evidence');
  });

  it('accepting a finding sets the result, adds its place as evidence and its message as the note', () => {
    const finding = { sha256: SHA_A, item: 'date' as const, kind: 'stale_date' as const, suggestion: 'fail' as const, detail: 'old', page: 2, rects: [{ x: 10, y: 10, width: 50, height: 10 }, { x: 10, y: 0, width: 20, height: 10 }] };
    expect(acceptFinding('claim-1', finding, undefined, 'Dated 2019')).toEqual({
      type: 'setChecklistItem',
      claimId: 'claim-1',
      item: 'date',
      result: 'fail',
      note: 'Dated 2019',
      evidence: [{ sha256: SHA_A, page: 2, rect: { x: 10, y: 0, width: 50, height: 20 } }],
    });
    expect(acceptFinding('claim-1', { ...finding, suggestion: 'check' }, undefined, 'x')).toBeNull();
    expect(acceptFinding('claim-1', { ...finding, kind: 'no_date', page: undefined, rects: undefined }, undefined, 'No date')).toEqual({ type: 'setChecklistItem', claimId: 'claim-1', item: 'date', result: 'fail', note: 'No date' });
  });
});
