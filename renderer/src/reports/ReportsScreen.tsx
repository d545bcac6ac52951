/**
 * Reports: SLA status or decision history for a period, as CSV (UTF-8 with BOM, RFC 4180,
 * formula-safe) or an Excel workbook, saved through the bridge (desktop: a save dialog; browser: a
 * download). By default only the claims the queue shows (its view, filters and search) are in it.
 * Everything comes from this workstation's local data, so reports work offline too.
 */
import { format, subDays } from 'date-fns';
import { useId, useState, type FormEvent } from 'react';
import { MAX_SAVE_BYTES } from '@shared/bridge-schema';

import { useBridge } from '../app/BridgeContext';
import { useWorkstation } from '../app/WorkstationContext';
import { useClaims } from '../data/claimsStore';
import { serverTimeNow, useSyncSettings } from '../data/workstation';
import { currentLocale, t } from '../i18n';
import { formatBytes } from '../i18n/format';
import { decisionTable, rangeOf, slaStatusTable } from './build';
import { toCsv } from './csv';
import { currentQueueSelection, describeSelection, queuePredicate } from './queueFilter';
import { XLSX_MIME, type Table } from './table';
import './reports.css';

type Kind = 'sla' | 'decisions';
type FileFormat = 'csv' | 'xlsx';
type Note = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

const FILE_STEM: Record<Kind, string> = { sla: 'sla-status', decisions: 'decision-history' };

export function ReportsScreen() {
  const workstation = useWorkstation();
  const bridge = useBridge();
  const userId = workstation.session.user.id;
  const id = useId();
  const [kind, setKind] = useState<Kind>('sla');
  const [fileFormat, setFileFormat] = useState<FileFormat>('csv');
  const [from, setFrom] = useState(() => format(subDays(Date.now(), 30), 'yyyy-MM-dd'));
  const [to, setTo] = useState(() => format(Date.now(), 'yyyy-MM-dd'));
  const [onlyQueue, setOnlyQueue] = useState(true);
  const [note, setNote] = useState<Note>(null);
  const [dateError, setDateError] = useState<string | null>(null);
  // The queue's set-up as it was when this screen opened (the queue is not on screen meanwhile).
  const [selection] = useState(currentQueueSelection);

  const exportReport = async (e: FormEvent) => {
    e.preventDefault();
    if (note?.kind === 'busy') return;
    if (from === '' || to === '') return setDateError(t('reports.error.date'));
    const range = rangeOf(from, to);
    if (!range) return setDateError(t('reports.error.date'));
    if (range.fromMs >= range.toMs) return setDateError(t('reports.error.range'));
    setDateError(null);
    setNote({ kind: 'busy', text: t('reports.exporting') });
    try {
      const nowMs = serverTimeNow();
      const settings = useSyncSettings.getState();
      const claims = useClaims.getState().claims;
      const locale = currentLocale();
      const include = onlyQueue ? queuePredicate(selection, settings, nowMs, userId) : () => true;
      let table: Table;
      if (kind === 'sla') {
        table = slaStatusTable([...claims.values()].filter(include), settings, new Date(nowMs), range, locale);
      } else {
        const ids = onlyQueue ? [...claims.values()].filter(include).map((c) => c.id) : null;
        const events = ids ? await workstation.db.events.where('claimId').anyOf(ids).toArray() : await workstation.db.events.toArray();
        table = decisionTable(events, claims, range, locale, (claim) => (claim ? include(claim) : !onlyQueue));
      }
      const data = fileFormat === 'csv' ? toCsv(table) : await (await import('./xlsx')).toXlsx([table]);
      const size = typeof data === 'string' ? new TextEncoder().encode(data).byteLength : data.byteLength;
      if (size > MAX_SAVE_BYTES) return setNote({ kind: 'error', text: t('reports.tooLarge', { size: formatBytes(size), limit: formatBytes(MAX_SAVE_BYTES) }) });
      const suggestedName = `${FILE_STEM[kind]}_${from}_${to}.${fileFormat}`;
      const result = await bridge.saveFile({ suggestedName, mimeType: fileFormat === 'csv' ? 'text/csv' : XLSX_MIME, data });
      setNote(
        result.saved
          ? { kind: 'ok', text: t('reports.saved', { count: table.rows.length, file: result.location ?? suggestedName }) }
          : { kind: 'error', text: t('reports.cancelled') },
      );
    } catch (error) {
      setNote({ kind: 'error', text: t('reports.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const rangeHint = kind === 'sla' ? t('reports.rangeHintSla') : t('reports.rangeHintDecisions');
  return (
    <section aria-labelledby={`${id}-heading`} className="reports">
      <h1 id={`${id}-heading`}>{t('reports.heading')}</h1>
      <p>{t('reports.intro')}</p>
      <form className="panel reports-form" noValidate onSubmit={(e) => void exportReport(e)}>
        <fieldset className="reports-fieldset">
          <legend>{t('reports.kind')}</legend>
          <label className="radio reports-choice">
            <input type="radio" name="kind" value="sla" checked={kind === 'sla'} onChange={() => setKind('sla')} />
            {t('reports.kindSla')}
          </label>
          <label className="radio reports-choice">
            <input type="radio" name="kind" value="decisions" checked={kind === 'decisions'} onChange={() => setKind('decisions')} />
            {t('reports.kindDecisions')}
          </label>
        </fieldset>

        <fieldset className="reports-fieldset" aria-describedby={`${id}-range-hint${dateError ? ` ${id}-range-error` : ''}`}>
          <legend>{t('reports.period')}</legend>
          <div className="reports-row">
            <label className="reports-field">
              <span>{t('reports.from')}</span>
              <input type="date" value={from} max={to || undefined} aria-invalid={dateError ? true : undefined} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label className="reports-field">
              <span>{t('reports.to')}</span>
              <input type="date" value={to} min={from || undefined} aria-invalid={dateError ? true : undefined} onChange={(e) => setTo(e.target.value)} />
            </label>
          </div>
          <p id={`${id}-range-hint`} className="muted">
            {rangeHint}
          </p>
          {dateError && (
            <p id={`${id}-range-error`} className="error-text" role="alert">
              {dateError}
            </p>
          )}
        </fieldset>

        <fieldset className="reports-fieldset">
          <legend>{t('reports.format')}</legend>
          <label className="radio reports-choice">
            <input type="radio" name="format" value="csv" checked={fileFormat === 'csv'} onChange={() => setFileFormat('csv')} />
            {t('reports.formatCsv')}
          </label>
          <label className="radio reports-choice">
            <input type="radio" name="format" value="xlsx" checked={fileFormat === 'xlsx'} onChange={() => setFileFormat('xlsx')} />
            {t('reports.formatXlsx')}
          </label>
        </fieldset>

        <div>
          <label className="check">
            <input type="checkbox" checked={onlyQueue} aria-describedby={`${id}-queue-hint`} onChange={(e) => setOnlyQueue(e.target.checked)} />
            {t('reports.queueFilter')}
          </label>
          <p id={`${id}-queue-hint`} className="muted">
            {t('reports.queueFilterHint', { summary: describeSelection(selection, userId) })}
          </p>
        </div>

        <div className="action-row">
          <button type="submit" className="button button--primary" aria-disabled={note?.kind === 'busy' ? true : undefined}>
            {t('reports.export')}
          </button>
        </div>
        <p role="status" className={`status-line ${note?.kind === 'error' ? 'error-text' : 'muted'}`}>
          {note?.text}
        </p>
      </form>
    </section>
  );
}
