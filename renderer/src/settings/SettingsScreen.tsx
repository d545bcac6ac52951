/** Settings: the language of this workstation, and the deployment's SLA calendar and threshold. */
import { useId } from 'react';

import { t } from '../i18n';
import { CalendarSettings } from './CalendarSettings';
import { LanguageSettings } from './LanguageSettings';
import './settings.css';

export function SettingsScreen() {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="settings">
      <h1 id={headingId}>{t('settings.heading')}</h1>
      <LanguageSettings />
      <CalendarSettings />
    </section>
  );
}
