/**
 * `t(key, params)`: the one way screens get text, in the language in effect (English or Japanese).
 * Placeholders are `{name}`, plurals `{count, plural, one {# claim} other {# claims}}` (see
 * messageFormat.ts); numbers are written with the language's digits; unknown placeholders stay
 * visible. Screens re-render with the new language because App keys its tree by the locale.
 */
import { en, type MessageKey } from './en';
import { formatNumber, pluralCategory } from './format';
import { ja } from './ja';
import { currentLocale, type Locale } from './locale';
import { formatMessage, type Formatters, type MessageParams } from './messageFormat';

export type { MessageKey } from './en';
export type { MessageParams } from './messageFormat';
export { currentLocale, LOCALES, setLanguagePreference, useLocale, type LanguagePreference, type Locale } from './locale';

export type Catalogue = Readonly<Record<MessageKey, string>>;

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = { en, ja };

const FORMATTERS: Readonly<Record<Locale, Formatters>> = {
  en: { number: (n) => formatNumber(n, 2, 'en'), plural: (n) => pluralCategory(n, 'en') },
  ja: { number: (n) => formatNumber(n, 2, 'ja'), plural: (n) => pluralCategory(n, 'ja') },
};

/** The message in the language in effect. */
export function t(key: MessageKey, params?: MessageParams): string {
  return tIn(currentLocale(), key, params);
}

/** The message in a given language (exports, tests). */
export function tIn(locale: Locale, key: MessageKey, params?: MessageParams): string {
  return formatMessage(CATALOGUES[locale][key], params, FORMATTERS[locale]);
}

/** Whether `key` names a message (for keys built from data, e.g. an unknown status from a newer server). */
export function hasMessage(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}
