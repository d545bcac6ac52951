/** The conversation with the partner. Text is rendered as text (React escapes it), never as HTML. */
import { useId, useState, type FormEvent } from 'react';
import type { Claim } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { t } from '../i18n';
import { Badge } from '../ui/Badge';
import { formatLocal } from '../ui/format';
import { useLiveQuery } from '../ui/useLiveQuery';
import { useAct } from './useAct';
import { useDryRun } from './useDryRun';

export function CommentsThread({ claim }: { claim: Claim }) {
  const { db } = useWorkstation();
  const dryRun = useDryRun(claim);
  const { act, outcome } = useAct();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = useId();
  const reasonId = useId();
  const pendingIds = useLiveQuery(
    async () => new Set((await db.outbox.where('claimId').equals(claim.id).toArray()).flatMap((m) => (m.name === 'comment' ? [String(m.args['commentId'])] : []))),
    [db, claim.id],
    new Set<string>(),
  );
  const refusal = dryRun({ type: 'comment', claimId: claim.id, commentId: 'dry-run', text: '-' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return setProblem(t('comments.empty'));
    setProblem(null);
    if (await act({ type: 'comment', claimId: claim.id, commentId: crypto.randomUUID(), text })) setText('');
  };
  return (
    <section aria-labelledby="comments-heading" className="panel">
      <h2 id="comments-heading">{t('comments.heading')}</h2>
      {claim.comments.length === 0 ? (
        <p>{t('comments.none')}</p>
      ) : (
        <ol className="comments">
          {claim.comments.map((comment) => (
            <li key={comment.id} className={`comment comment--${comment.role}`}>
              <div className="muted">
                {t('comments.by', { name: comment.by, role: t(`role.${comment.role}`), at: formatLocal(comment.at) })}{' '}
                {pendingIds.has(comment.id) && <Badge tone="warning">{t('comments.pending')}</Badge>}
              </div>
              <p className="comment__text">{comment.text}</p>
            </li>
          ))}
        </ol>
      )}
      <form onSubmit={(e) => void submit(e)} className="form">
        <label htmlFor={inputId}>{t('comments.new')}</label>
        <textarea id={inputId} rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={refusal ? reasonId : undefined} disabled={refusal !== null} />
        {refusal && (
          <p id={reasonId} className="muted">
            {refusal.message}
          </p>
        )}
        <div>
          <button type="submit" className="button" disabled={refusal !== null}>
            {t('comments.submit')}
          </button>
        </div>
        {problem && (
          <p role="alert" className="error-text">
            {problem}
          </p>
        )}
        <p role="status" className={outcome?.kind === 'refused' ? 'error-text' : 'visually-hidden'}>
          {outcome?.text}
        </p>
      </form>
    </section>
  );
}
