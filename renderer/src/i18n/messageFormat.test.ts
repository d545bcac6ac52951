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

  it('isolates a text value whose direction could leak into the sentence', () => {
    // A file name with a right-to-left override: isolated, so " could not be read" stays in order.
    expect(formatMessage('{file} could not be read', { file: 'invoice\u202Efdp.exe' }, en)).toBe('\u2068invoice\u202Efdp.exe\u2069 could not be read');
    // Right-to-left letters, an isolate and an embedding likewise.
    expect(formatMessage('By {name}.', { name: 'شركة' }, en)).toBe('By \u2068شركة\u2069.');
    expect(formatMessage('By {name}.', { name: 'a\u2067b' }, en)).toBe('By \u2068a\u2067b\u2069.');
    expect(formatMessage('By {name}.', { name: 'a\u202Ab' }, en)).toBe('By \u2068a\u202Ab\u2069.');
    // Everything else is left exactly as it is (Latin, Japanese, numbers, markup).
    expect(formatMessage('{a} {b} {c} {d}', { a: 'Contoso', b: '株式会社', c: 12, d: '<b>x</b>' }, en)).toBe('Contoso 株式会社 12 <b>x</b>');
  });

  it('leaves text that is not a placeholder alone', () => {
    expect(formatMessage('a {b c} # {', {}, en)).toBe('a {b c} # {');
    expect(formatMessage('{count, plural, one {x}}', { count: 1 }, en)).toBe('{count, plural, one {x}}');
    expect(formatMessage('{count, plural, other {# x}}', {}, en)).toBe('{count}');
  });
});
