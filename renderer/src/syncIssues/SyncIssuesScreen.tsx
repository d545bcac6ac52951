/**
 * Sync issues: every action the server refused, with the claim, what was tried, the server's
 * reason and the claim as it is now. What the reviewer wrote is shown, copyable and re-sendable.
 */
import { useState } from 'react';
import { hrefOf } from '../app/route';
import { useWorkstation } from '../app/WorkstationContext';
import { useOpenRefusals } from '../app/useRefusals';
import { useClaims } from '../data/claimsStore';
import type { Refusal } from '../store/db';
import { t } from '../i18n';
import { formatLocal } from '../ui/format';
import { useLiveQuery } from '../ui/useLiveQuery';
import { useBridge } from '../app/BridgeContext';
import { resendCommand, reviewerTexts, triedDetails } from './refusals';

export function SyncIssuesScreen() {
  const open = useOpenRefusals();
  const { db } = useWorkstation();
  const dismissedCount = useLiveQuery(() => db.refusals.where('dismissed').equals(1).count(), [db], 0);
  const [showDismissed, setShowDismissed] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const dismissed = useLiveQuery(() => (showDismissed ? db.refusals.where('dismissed').equals(1).reverse().sortBy('mutationId') : []), [db, showDismissed], [] as Refusal[]);
  return (
    <section aria-labelledby="sync-issues-heading">
      <h1 id="sync-issues-heading">{t('syncIssues.heading')}</h1>
      <p>{t('syncIssues.intro')}</p>
      <p role="status" className={`status-line ${note?.kind === 'error' ? 'error-text' : 'muted'}`}>
        {note?.text}
      </p>
      {open.length === 0 && <p>{t('syncIssues.none')}</p>}
      {open.length > 0 && <SaveIssuesButton refusals={open} onNote={setNote} />}
      <ul className="issue-list">
        {open.map((refusal) => (
          <SyncIssue key={refusal.mutationId} refusal={refusal} onNote={setNote} />
        ))}
      </ul>
      {dismissedCount > 0 && (
        <button type="button" className="link-button" aria-expanded={showDismissed} onClick={() => setShowDismissed((v) => !v)}>
          {t('syncIssues.showDismissed', { count: dismissedCount })}
        </button>
      )}
      {showDismissed && (
        <ul className="issue-list issue-list--dismissed">
          {dismissed.map((refusal) => (
            <SyncIssue key={refusal.mutationId} refusal={refusal} onNote={setNote} />
          ))}
        </ul>
      )}
    </section>
  );
}

type Note = { kind: 'ok' | 'error'; text: string } | null;

function SyncIssue({ refusal, onNote: setNote }: { refusal: Refusal; onNote(note: Note): void }) {
  const workstation = useWorkstation();
  const claim = useClaims((s) => s.claims.get(refusal.claimId));
  const headingId = `issue-${refusal.mutationId}`;
  const texts = reviewerTexts(refusal);
  const details = triedDetails(refusal);
  const action = t(`command.${refusal.name}`);

  const resend = async () => {
    const result = await workstation.act(resendCommand(refusal, () => crypto.randomUUID()));
    if (!result.ok) return setNote({ kind: 'error', text: t('syncIssues.resendRefused', { message: result.error.message }) });
    await workstation.db.refusals.update(refusal.mutationId, { dismissed: 1 });
    setNote({ kind: 'ok', text: t('syncIssues.resent') });
  };

  return (
    <li className="issue">
      <article aria-labelledby={headingId}>
        <h2 id={headingId}>{t('syncIssues.item', { action, claim: refusal.claimId })}</h2>
        <p className="muted">{t('syncIssues.tried', { at: formatLocal(refusal.clientTime) })}</p>
        {details && <p>{t('syncIssues.details', { details })}</p>}
        <h3>{t('syncIssues.reason')}</h3>
        <p className="issue__reason">{refusal.outcome.message ?? refusal.outcome.code}</p>
        <p>
          {claim
            ? t('syncIssues.current', { status: t(`status.${claim.status}`), assignee: claim.assignee ?? t('claim.unassigned') })
            : t('syncIssues.currentUnknown')}{' '}
          <a href={hrefOf({ screen: 'claim', claimId: refusal.claimId })}>{t('syncIssues.openClaim', { id: refusal.claimId })}</a>
        </p>
        {texts.length > 0 && (
          <>
            <h3>{t('syncIssues.yourText')}</h3>
            {texts.map(({ field, text }) => (
              <div key={field} className="issue__text">
                <blockquote>{text}</blockquote>
                <CopyButton text={text} />
              </div>
            ))}
          </>
        )}
        {refusal.dismissed === 0 && (
          <div className="action-row">
            <button type="button" className="button button--primary" onClick={() => void resend()}>
              {t('syncIssues.resend')}
            </button>
            <button type="button" className="button" onClick={() => void workstation.db.refusals.update(refusal.mutationId, { dismissed: 1 })}>
              {t('syncIssues.dismiss')}
            </button>
          </div>
        )}
      </article>
    </li>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <button type="button" className="button button--small" onClick={() => void copy()}>
      {copied ? t('syncIssues.copied') : t('syncIssues.copy')}
    </button>
  );
}

/** Saves the open issues (with the reviewer's text) as JSON, e.g. to send to a supervisor. */
function SaveIssuesButton({ refusals, onNote }: { refusals: Refusal[]; onNote(note: Note): void }) {
  const bridge = useBridge();
  const save = async () => {
    const data = JSON.stringify(
      refusals.map((r) => ({ claimId: r.claimId, action: r.name, args: r.args, triedAt: r.clientTime, refused: r.outcome })),
      null,
      2,
    );
    const result = await bridge.saveFile({ suggestedName: 'sync-issues.json', mimeType: 'application/json', data });
    if (result.saved) onNote({ kind: 'ok', text: t('syncIssues.saved') });
  };
  return (
    <button type="button" className="button" onClick={() => void save()}>
      {t('syncIssues.save')}
    </button>
  );
}
