/**
 * Which language the workstation speaks. The reviewer's choice in Settings wins and is kept in
 * localStorage (the same in Electron, whose app:// origin has its own storage); "system" follows
 * the OS language (Electron: the bridge's app info) or the browser's (navigator.languages).
 * The document's `lang` follows, so screen readers pronounce the text in the right language.
 */
import { create } from 'zustand';

export const LOCALES = ['en', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];
export type LanguagePreference = Locale | 'system';

export const LANGUAGE_KEY = 'poe-workstation:language';
export const DEFAULT_LOCALE: Locale = 'en';

/** The first supported language among BCP 47 tags in order of preference ('ja-JP' → ja). */
export function matchLocale(tags: readonly (string | null | undefined)[]): Locale {
  for (const tag of tags) {
    if (!tag) continue;
    const base = tag.toLowerCase().split(/[-_]/)[0];
    const found = LOCALES.find((l) => l === base);
    if (found) return found;
  }
  return DEFAULT_LOCALE;
}

function isPreference(value: unknown): value is LanguagePreference {
  return value === 'system' || (LOCALES as readonly unknown[]).includes(value);
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // Storage disabled: the choice lasts for this page only.
    return null;
  }
}

function browserLanguages(): readonly string[] {
  if (typeof navigator === 'undefined') return [];
  return navigator.languages?.length ? navigator.languages : navigator.language ? [navigator.language] : [];
}

export type LocaleState = {
  preference: LanguagePreference;
  /** What the OS or browser asks for. */
  system: Locale;
  /** In effect: the preference, or the system's language. */
  locale: Locale;
};

function initialState(): LocaleState {
  const stored = storage()?.getItem(LANGUAGE_KEY);
  const preference = isPreference(stored) ? stored : 'system';
  const system = matchLocale(browserLanguages());
  return { preference, system, locale: preference === 'system' ? system : preference };
}

export const useLocale = create<LocaleState>(initialState);

/** The language in effect now (for code outside React). */
export function currentLocale(): Locale {
  return useLocale.getState().locale;
}

function apply(next: Pick<LocaleState, 'preference' | 'system'>): void {
  const locale = next.preference === 'system' ? next.system : next.preference;
  useLocale.setState({ ...next, locale });
}

/** The reviewer's choice from Settings; persisted. */
export function setLanguagePreference(preference: LanguagePreference): void {
  storage()?.setItem(LANGUAGE_KEY, preference);
  apply({ preference, system: useLocale.getState().system });
}

/**
 * The OS language as the desktop shell reports it (bridge app info), ahead of the browser's list;
 * in a browser there is none and navigator.languages decides.
 */
export function setSystemLanguages(osLocale: string | undefined): void {
  apply({ preference: useLocale.getState().preference, system: matchLocale([osLocale, ...browserLanguages()]) });
}

/** Keeps `<html lang>` in step with the language in effect. */
export function syncDocumentLanguage(doc: Document | undefined = typeof document === 'undefined' ? undefined : document): () => void {
  if (!doc) return () => {};
  const set = (locale: Locale) => {
    doc.documentElement.lang = locale;
  };
  set(currentLocale());
  return useLocale.subscribe((s, prev) => {
    if (s.locale !== prev.locale) set(s.locale);
  });
}
