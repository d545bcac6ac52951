/**
 * The SLA calendar (time zone, weekend days, holidays from a preset and by hand) and the at-risk
 * threshold. Supervisors edit and save them on the server (PUT /settings), which every workstation
 * then pulls and feeds to the same `clocks`; reviewers see them read-only. Saving needs the server:
 * offline, the screen says so and keeps the edits.
 */
import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { CALENDAR_PRESETS, type CalendarPreset, type SyncSettings } from '@shared/index';

import { useWorkstation } from '../app/WorkstationContext';
import { useSyncSettings, useSyncStatus } from '../data/workstation';
import { hasMessage, t } from '../i18n';
import { formatDay, weekdayName } from '../i18n/format';
import { setMeta } from '../store/db';
import { fetchSettings, saveSettings, type SettingsFailure } from './api';
import {
  addHoliday,
  draftOf,
  holidayNames,
  loadPreset,
  removeHoliday,
  sameDraft,
  timeZones,
  toggleWeekday,
  toRequest,
  validate,
  yearsOf,
  type CalendarDraft,
  type FieldName,
  type FormError,
} from './calendarForm';

/** Sunday first, as the weekday numbers of the calendar run. */
const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;

type Note = { kind: 'ok' | 'error'; text: string } | null;

function failureText(failure: SettingsFailure): string {
  switch (failure.reason) {
    case 'offline':
      return t('calendar.error.offline');
    case 'session':
      return t('calendar.error.session');
    case 'forbidden':
      return t('calendar.error.forbidden');
    case 'server':
      return t('calendar.error.server', { message: failure.message });
  }
}

/** Focuses a field, or the first control inside a fieldset. */
function focusField(id: string): void {
  const element = document.getElementById(id);
  const target = element instanceof HTMLFieldSetElement ? element.querySelector<HTMLElement>('input, select, button') : element;
  target?.focus();
}

function loadFailureText(failure: SettingsFailure): string {
  switch (failure.reason) {
    case 'offline':
      return t('sync.offline');
    case 'session':
      return t('sync.signedOut');
    case 'forbidden':
      return t('calendar.error.forbidden');
    case 'server':
      return failure.message;
  }
}

function presetName(preset: CalendarPreset): string {
  const key = `calendarPreset.${preset.id}`;
  return hasMessage(key) ? t(key) : preset.name;
}

/** Online as far as we can tell: the browser has a network and the last sync reached the server. */
function useOnline(): boolean {
  const syncState = useSyncStatus((s) => s.state);
  const [network, setNetwork] = useState(() => (typeof navigator === 'undefined' ? true : navigator.onLine));
  useEffect(() => {
    const on = () => setNetwork(true);
    const off = () => setNetwork(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return network && syncState !== 'offline';
}

export function CalendarSettings() {
  const workstation = useWorkstation();
  const { session } = workstation;
  const canEdit = session.user.role === 'supervisor';
  const online = useOnline();
  const synced = useSyncSettings();

  // The server's settings fetched on opening (fresher than the last sync), else the synced ones.
  const [fetched, setFetched] = useState<{ settings: SyncSettings; from: SyncSettings } | null>(null);
  const [loadNote, setLoadNote] = useState<Note>(null);
  const base = fetched && fetched.from === synced ? fetched.settings : synced;

  // Null until the supervisor changes something: the form then follows `base`.
  const [edits, setEdits] = useState<CalendarDraft | null>(null);
  const baseDraft = useMemo(() => draftOf(base), [base]);
  const draft = edits ?? baseDraft;
  const dirty = edits !== null && !sameDraft(edits, baseDraft);

  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const [presetId, setPresetId] = useState('');
  const [alsoZone, setAlsoZone] = useState(false);
  const [loadedPreset, setLoadedPreset] = useState<CalendarPreset | null>(null);
  const [newDate, setNewDate] = useState('');
  const [addError, setAddError] = useState<FormError | null>(null);
  const [manual, setManual] = useState<ReadonlySet<string>>(new Set());
  const [year, setYear] = useState<string>(() => String(new Date().getFullYear()));
  const summaryRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const fieldId = (name: FieldName | 'preset' | 'newDate' | 'year' | 'alsoZone') => `${id}-${name}`;

  useEffect(() => {
    if (!online) return;
    let current = true;
    const from = useSyncSettings.getState();
    void fetchSettings(session).then((result) => {
      if (!current) return;
      if (result.ok) setFetched({ settings: result.settings, from });
      else setLoadNote({ kind: 'error', text: t('calendar.loadFailed', { message: loadFailureText(result) }) });
    });
    return () => {
      current = false;
    };
  }, [online, session]);

  const loading = online && fetched === null && loadNote === null;
  const errors = submitted ? validate(draft) : [];
  const errorOf = (field: FieldName) => errors.find((e) => e.field === field) ?? (field === 'holidays' && addError ? addError : undefined);
  const zones = useMemo(() => timeZones(draft.timeZone), [draft.timeZone]);
  const names = useMemo(() => holidayNames(draft.timeZone, loadedPreset), [draft.timeZone, loadedPreset]);
  const years = yearsOf(draft.holidays);
  const shownYear = years.includes(year) ? year : '';
  const shown = shownYear === '' ? draft.holidays : draft.holidays.filter((d) => d.startsWith(shownYear));
  const disabled = !canEdit || saving;

  const edit = (next: CalendarDraft) => {
    setEdits(next);
    setNote(null);
  };

  const onLoadPreset = () => {
    const preset = CALENDAR_PRESETS.find((p) => p.id === presetId);
    if (!preset) return setNote({ kind: 'error', text: t('calendar.presetFirst') });
    edit(loadPreset(draft, preset, alsoZone));
    setLoadedPreset(preset);
    setManual(new Set());
    setNote({ kind: 'ok', text: t('calendar.presetLoaded', { count: preset.calendar.holidays.length, preset: presetName(preset) }) });
  };

  const onAdd = () => {
    const result = addHoliday(draft, newDate);
    if (!result.ok) {
      setAddError(result.error);
      return;
    }
    setAddError(null);
    edit(result.draft);
    setManual(new Set([...manual, newDate]));
    if (shownYear !== '' && !newDate.startsWith(shownYear)) setYear(newDate.slice(0, 4));
    setNote({ kind: 'ok', text: t('calendar.added', { date: formatDay(newDate) }) });
    setNewDate('');
  };

  const onRemove = (date: string) => {
    edit(removeHoliday(draft, date));
    setNote({ kind: 'ok', text: t('calendar.removed', { date: formatDay(date) }) });
  };

  const onSave = async (e: FormEvent) => {
    e.preventDefault();
    if (!canEdit || saving) return;
    setSubmitted(true);
    if (validate(draft).length > 0) {
      setNote(null);
      // The summary renders with this state change; focus it once it is there.
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    if (!online) return setNote({ kind: 'error', text: t('calendar.error.offline') });
    setSaving(true);
    const result = await saveSettings(session, toRequest(draft, base));
    setSaving(false);
    if (!result.ok) return setNote({ kind: 'error', text: failureText(result) });
    // In effect here at once; other workstations get them with their next pull (the server pokes them).
    await setMeta(workstation.db, 'settings', result.settings);
    useSyncSettings.setState(result.settings);
    setFetched({ settings: result.settings, from: result.settings });
    setEdits(null);
    setSubmitted(false);
    setNote({ kind: 'ok', text: t('calendar.saved') });
    void workstation.loop.trigger();
  };

  const discard = () => {
    setEdits(null);
    setSubmitted(false);
    setAddError(null);
    setNote(null);
  };

  const described = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;
  const errorId = (field: FieldName) => `${fieldId(field)}-error`;
  const errorText = (error: FormError) => t(error.key, error.params?.['date'] ? { date: formatDay(error.params['date']) } : undefined);
  const fieldError = (field: FieldName) => {
    const error = errorOf(field);
    return error ? (
      <p id={errorId(field)} className="error-text settings-field__error">
        {errorText(error)}
      </p>
    ) : null;
  };
  const saveBlockedId = `${id}-save-blocked`;

  return (
    <section aria-labelledby={`${id}-heading`} className="panel settings-panel">
      <h2 id={`${id}-heading`}>{t('calendar.heading')}</h2>
      <p>{t('calendar.intro')}</p>
      {!canEdit && (
        <p className="notice" id={saveBlockedId}>
          {t('calendar.readOnly')}
        </p>
      )}
      {canEdit && !online && (
        <p className="notice notice--warning" id={saveBlockedId} role="status">
          {t('calendar.offline')}
        </p>
      )}
      {loading && <p className="muted">{t('calendar.loading')}</p>}
      {loadNote && online && <p className="error-text">{loadNote.text}</p>}

      {errors.length > 0 && (
        <div ref={summaryRef} tabIndex={-1} role="alert" className="error-box" aria-labelledby={`${id}-errors`}>
          <h3 id={`${id}-errors`}>{t('calendar.errorsHeading')}</h3>
          <ul>
            {errors.map((error) => (
              <li key={error.field}>
                {/* Not a #fragment link: the hash is the router's. */}
                <button type="button" className="link-button" onClick={() => focusField(fieldId(error.field))}>
                  {errorText(error)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}

      <form className="settings-form" noValidate onSubmit={(e) => void onSave(e)}>
        <div className="settings-field">
          <label htmlFor={fieldId('timeZone')}>{t('calendar.timeZone')}</label>
          <select
            id={fieldId('timeZone')}
            value={draft.timeZone}
            disabled={disabled}
            aria-invalid={errorOf('timeZone') ? true : undefined}
            aria-describedby={described(`${id}-tz-hint`, errorOf('timeZone') && errorId('timeZone'))}
            onChange={(e) => edit({ ...draft, timeZone: e.target.value })}
          >
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </select>
          <p id={`${id}-tz-hint`} className="muted">
            {t('calendar.timeZoneHint')}
          </p>
          {fieldError('timeZone')}
        </div>

        <fieldset
          id={fieldId('weekend')}
          className="settings-fieldset"
          aria-invalid={errorOf('weekend') ? true : undefined}
          aria-describedby={described(`${id}-weekend-hint`, errorOf('weekend') && errorId('weekend'))}
        >
          <legend>{t('calendar.weekend')}</legend>
          <p id={`${id}-weekend-hint`} className="muted">
            {t('calendar.weekendHint')}
          </p>
          <div className="settings-weekdays">
            {WEEKDAYS.map((day) => (
              <label key={day} className="check">
                <input type="checkbox" checked={draft.weekend.includes(day)} disabled={disabled} onChange={(e) => edit(toggleWeekday(draft, day, e.target.checked))} />
                {weekdayName(day)}
              </label>
            ))}
          </div>
          {fieldError('weekend')}
        </fieldset>

        <fieldset id={fieldId('holidays')} className="settings-fieldset">
          <legend>{t('calendar.holidays')}</legend>
          <p className="muted">{t('calendar.holidayCount', { count: draft.holidays.length })}</p>
          {canEdit && (
            <div className="settings-row">
              <div className="settings-field">
                <label htmlFor={fieldId('preset')}>{t('calendar.preset')}</label>
                <select id={fieldId('preset')} value={presetId} disabled={disabled} onChange={(e) => setPresetId(e.target.value)}>
                  <option value="">{t('calendar.presetChoose')}</option>
                  {CALENDAR_PRESETS.map((p) => (
                    <option key={p.id} value={p.id}>
                      {`${presetName(p)} — ${p.calendar.timeZone}`}
                    </option>
                  ))}
                </select>
              </div>
              <label className="check">
                <input type="checkbox" checked={alsoZone} disabled={disabled} onChange={(e) => setAlsoZone(e.target.checked)} />
                {t('calendar.presetAlsoZone')}
              </label>
              <button type="button" className="button" disabled={disabled} onClick={onLoadPreset}>
                {t('calendar.loadPreset')}
              </button>
            </div>
          )}
          {canEdit && (
            <div className="settings-row">
              <div className="settings-field">
                <label htmlFor={fieldId('newDate')}>{t('calendar.addDate')}</label>
                <input
                  id={fieldId('newDate')}
                  type="date"
                  value={newDate}
                  disabled={disabled}
                  aria-invalid={addError ? true : undefined}
                  aria-describedby={addError ? errorId('holidays') : undefined}
                  onChange={(e) => setNewDate(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      onAdd();
                    }
                  }}
                />
              </div>
              <button type="button" className="button" disabled={disabled} onClick={onAdd}>
                {t('calendar.addDateButton')}
              </button>
            </div>
          )}
          {fieldError('holidays')}
          {draft.holidays.length === 0 ? (
            <p>{t('calendar.noHolidays')}</p>
          ) : (
            <>
              <div className="settings-field settings-field--inline">
                <label htmlFor={fieldId('year')}>{t('calendar.yearFilter')}</label>
                <select id={fieldId('year')} value={shownYear} onChange={(e) => setYear(e.target.value)}>
                  <option value="">{t('calendar.allYears')}</option>
                  {years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </select>
              </div>
              <ul className="settings-holidays" aria-label={t('calendar.holidays')}>
                {shown.map((date) => {
                  const name = names.get(date) ?? (manual.has(date) ? t('calendar.holidayManual') : null);
                  const day = formatDay(date);
                  return (
                    <li key={date}>
                      <time dateTime={date}>{day}</time>
                      {name && <span className="muted"> · {name}</span>}
                      {canEdit && (
                        <button type="button" className="link-button" disabled={disabled} aria-label={t('calendar.removeDate', { date: day })} onClick={() => onRemove(date)}>
                          {t('calendar.remove')}
                        </button>
                      )}
                    </li>
                  );
                })}
              </ul>
            </>
          )}
        </fieldset>

        <div className="settings-field">
          <label htmlFor={fieldId('atRisk')}>{t('calendar.atRisk')}</label>
          <input
            id={fieldId('atRisk')}
            type="number"
            inputMode="numeric"
            min={1}
            max={99}
            step={1}
            className="settings-percent"
            value={draft.atRiskPercent}
            disabled={disabled}
            aria-invalid={errorOf('atRisk') ? true : undefined}
            aria-describedby={described(`${id}-atrisk-hint`, errorOf('atRisk') && errorId('atRisk'))}
            onChange={(e) => edit({ ...draft, atRiskPercent: e.target.value })}
          />
          <p id={`${id}-atrisk-hint`} className="muted">
            {t('calendar.atRiskHint')}
          </p>
          {fieldError('atRisk')}
        </div>

        {canEdit && (
          <div className="action-row">
            <button
              type="submit"
              className="button button--primary"
              aria-disabled={!online || saving ? true : undefined}
              aria-describedby={!online ? saveBlockedId : undefined}
            >
              {saving ? t('calendar.saving') : t('calendar.save')}
            </button>
            <button type="button" className="button" disabled={!dirty || saving} onClick={discard}>
              {t('calendar.discard')}
            </button>
            {dirty && <span className="muted">{t('calendar.unsaved')}</span>}
          </div>
        )}
        <p role="status" className={`status-line ${note?.kind === 'error' ? 'error-text' : 'muted'}`}>
          {note?.text}
        </p>
      </form>
    </section>
  );
}
