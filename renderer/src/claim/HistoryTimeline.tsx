/** Every event of the claim (the server's record) with who and when, then what is still pending here. */
import { PRODUCT_BY_ID, type ClaimEvent } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { t } from '../i18n';
import { Badge } from '../ui/Badge';
import { formatLocal } from '../ui/format';
import { useLiveQuery } from '../ui/useLiveQuery';

function checklistItemName(item: string): string {
  if (item.startsWith('product:')) return PRODUCT_BY_ID.get(item.slice(8))?.name ?? item.slice(8);
  return item in { poe_present: 1, customer_verification: 1, date: 1, partner_solution: 1 } ? t(`checklist.item.${item as 'poe_present'}`) : item;
}

function describe(event: ClaimEvent): { title: string; detail?: string } {
  switch (event.type) {
    case 'reviewStarted':
      return { title: t('event.reviewStarted', { assignee: event.payload.assignee }) };
    case 'assigned':
      return { title: t('event.assigned', { assignee: event.payload.assignee ?? t('claim.unassigned') }) };
    case 'checklistItemSet': {
      const result = event.payload.result === 'pass' ? t('checklist.pass') : event.payload.result === 'fail' ? t('checklist.fail') : t('checklist.unset');
      return { title: t('event.checklistItemSet', { item: checklistItemName(event.payload.item), result }), ...(event.payload.note ? { detail: event.payload.note } : {}) };
    }
    case 'annotated':
      return { title: t('event.annotated', { page: event.payload.page }), ...(event.payload.note ? { detail: event.payload.note } : {}) };
    case 'commented':
      return { title: t('event.commented'), detail: event.payload.text };
    case 'infoRequested':
      return { title: t('event.infoRequested'), detail: `${event.payload.codes.map((c) => t(`deficiency.${c}`)).join('; ')}\n${event.payload.message}` };
    case 'rejected':
      return { title: t('event.rejected'), detail: `${event.payload.reasons.map((r) => t(`rejection.${r}`)).join('; ')}\n${event.payload.message}` };
    case 'disputed':
      return { title: t('event.disputed'), detail: event.payload.justification };
    case 'disputeDenied':
      return { title: t('event.disputeDenied'), detail: event.payload.message };
    case 'approved':
    case 'resubmitted':
    case 'withdrawn':
    case 'optedOut':
    case 'disputeApproved':
      return { title: t(`event.${event.type}`), ...(event.payload.message ? { detail: event.payload.message } : {}) };
    default:
      return { title: t(`event.${event.type}`) };
  }
}

export function HistoryTimeline({ claimId }: { claimId: string }) {
  const { db } = useWorkstation();
  const events = useLiveQuery(() => db.events.where('[claimId+seq]').between([claimId, 0], [claimId, Infinity]).toArray(), [db, claimId], [] as ClaimEvent[]);
  const pending = useLiveQuery(() => db.outbox.where('claimId').equals(claimId).sortBy('mutationId'), [db, claimId], []);
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {events.length === 0 && pending.length === 0 && <p>{t('history.none')}</p>}
      <ol className="timeline">
        {events.map((event) => {
          const { title, detail } = describe(event);
          return (
            <li key={event.id}>
              <div>
                <strong>{title}</strong>
              </div>
              <div className="muted">
                {t('history.by', { name: event.actor.id, role: t(`role.${event.actor.role}`) })} · <time dateTime={event.at}>{formatLocal(event.at)}</time>
              </div>
              {detail && <p className="timeline__detail">{detail}</p>}
            </li>
          );
        })}
        {pending.map((m) => (
          <li key={`pending-${m.mutationId}`} className="timeline__pending">
            <Badge tone="warning">{t('history.pending', { action: t(`command.${m.name}`) })}</Badge>{' '}
            <time dateTime={m.clientTime}>{formatLocal(m.clientTime)}</time>
          </li>
        ))}
      </ol>
    </section>
  );
}
