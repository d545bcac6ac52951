import { describe, expect, it } from 'vitest';
import { formatMessage, messageParams, type Formatters } from './messageFormat';

const en: Formatters = { number: (n) => new Intl.NumberFormat('en').format(n), plural: (n) => new Intl.PluralRules('en').select(n) };
const ja: Formatters = { number: (n) => new Intl.NumberFormat('ja').format(n), plural: (n) => new Intl.PluralRules('ja').select(n) };

describe('message format', () => {
  it('fills named parameters and keeps unknown ones visible', () => {
    expect(formatMessage('Claim {id} by {name}', { id: 'C-1' }, en)).toBe('Claim C-1 by {name}');
    expect(formatMessage('{n} items', { n: 1234.5 }, en)).toBe('1,234.5 items');
  });

  it('chooses exact matches, then plural categories, then other', () => {
    const template = '{count, plural, =0 {none} one {# claim} other {# claims}}';
    expect(formatMessage(template, { count: 0 }, en)).toBe('none');
    expect(formatMessage(template, { count: 1 }, en)).toBe('1 claim');
    expect(formatMessage(template, { count: 1000 }, en)).toBe('1,000 claims');
    expect(formatMessage(template, { count: 1 }, ja)).toBe('1 claims');
  });

  it('nests parameters inside plural branches', () => {
    const template = '{count, plural, one {# issue on {claim}} other {# issues on {claim}}}!';
    expect(formatMessage(template, { count: 2, claim: 'C-9' }, en)).toBe('2 issues on C-9!');
    expect(messageParams(template)).toEqual(new Set(['count', 'claim']));
  });

  it('leaves text that is not a placeholder alone', () => {
    expect(formatMessage('a {b c} # {', {}, en)).toBe('a {b c} # {');
    expect(formatMessage('{count, plural, one {x}}', { count: 1 }, en)).toBe('{count, plural, one {x}}');
    expect(formatMessage('{count, plural, other {# x}}', {}, en)).toBe('{count}');
  });
});
