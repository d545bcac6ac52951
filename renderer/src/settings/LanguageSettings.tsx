/**
 * The language switch: the system's language, English or Japanese, kept on this device. Changing
 * it remounts the screens (App keys them by locale); focus comes back to the chosen option and the
 * change is announced, so keyboard and screen-reader users stay where they were.
 */
import { useEffect, useId, useRef, useState } from 'react';

import { LOCALES, setLanguagePreference, t, useLocale, type LanguagePreference, type Locale } from '../i18n';

/** Set just before a switch; read once by the LanguageSettings that mounts in the new language. */
let justSwitchedTo: Locale | null = null;

function switchLanguage(next: LanguagePreference, system: Locale): void {
  justSwitchedTo = next === 'system' ? system : next;
  setLanguagePreference(next);
}

function forgetSwitch(): void {
  justSwitchedTo = null;
}

export function LanguageSettings() {
  const preference = useLocale((s) => s.preference);
  const system = useLocale((s) => s.system);
  const headingId = useId();
  const groupRef = useRef<HTMLFieldSetElement>(null);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const locale = justSwitchedTo;
    if (locale === null) return;
    groupRef.current?.querySelector<HTMLInputElement>('input:checked')?.focus();
    // After the first paint, so the live region exists before its text changes.
    const timer = setTimeout(() => {
      forgetSwitch();
      setAnnouncement(t('settings.languageChanged', { language: t(`language.${locale}`) }));
    }, 50);
    return () => clearTimeout(timer);
  }, []);

  const options: { value: LanguagePreference; label: string; lang?: Locale }[] = [
    { value: 'system', label: t('settings.languageSystem', { language: t(`language.${system}`) }) },
    ...LOCALES.map((l) => ({ value: l, label: t(`language.${l}`), lang: l })),
  ];

  return (
    <section aria-labelledby={headingId} className="panel settings-panel">
      <h2 id={headingId}>{t('settings.languageHeading')}</h2>
      <fieldset ref={groupRef} className="settings-fieldset">
        <legend>{t('settings.languageIntro')}</legend>
        {options.map((o) => (
          <label key={o.value} className="radio">
            <input type="radio" name="language" value={o.value} checked={preference === o.value} onChange={() => switchLanguage(o.value, system)} />
            <span lang={o.lang}>{o.label}</span>
          </label>
        ))}
      </fieldset>
      <p role="status" className="status-line muted">
        {announcement}
      </p>
    </section>
  );
}
