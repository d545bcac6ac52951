import { describe, expect, it } from 'vitest';
import { matchLocale, setLanguagePreference, setSystemLanguages, syncDocumentLanguage, useLocale } from './locale';

describe('language choice', () => {
  it('takes the first supported language of the preference list', () => {
    expect(matchLocale(['ja-JP', 'en-US'])).toBe('ja');
    expect(matchLocale(['fr-FR', 'ja'])).toBe('ja');
    expect(matchLocale(['en-GB', 'ja'])).toBe('en');
    expect(matchLocale(['ja_JP'])).toBe('ja');
    expect(matchLocale(['de', undefined, ''])).toBe('en');
  });

  it('follows the OS language until the reviewer chooses one', () => {
    setLanguagePreference('system');
    setSystemLanguages('ja-JP');
    expect(useLocale.getState()).toMatchObject({ preference: 'system', system: 'ja', locale: 'ja' });
    setLanguagePreference('en');
    expect(useLocale.getState().locale).toBe('en');
    setSystemLanguages('en-US');
    setLanguagePreference('system');
    expect(useLocale.getState().locale).toBe('en');
  });

  it('keeps <html lang> in step', () => {
    const doc = { documentElement: { lang: '' } } as unknown as Document;
    setLanguagePreference('en');
    const stop = syncDocumentLanguage(doc);
    expect(doc.documentElement.lang).toBe('en');
    setLanguagePreference('ja');
    expect(doc.documentElement.lang).toBe('ja');
    stop();
    setLanguagePreference('system');
  });
});
