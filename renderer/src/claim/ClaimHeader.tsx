/**
 * Who and what the claim is about: parties, products, status, assignee. Names come from partners:
 * each sits in its own <bdi>, so a direction override inside one cannot reorder what follows it.
 */
import { PRODUCT_BY_ID, type Claim } from '@shared/index';
import { t } from '../i18n';
import { Badge } from '../ui/Badge';

export function ClaimHeader({ claim, pending }: { claim: Claim; pending: boolean }) {
  return (
    <header className="claim-header">
      <h1 id="claim-heading">
        {t('claim.heading', { id: claim.id })}{' '}
        <Badge tone="info">{t(`status.${claim.status}`)}</Badge> {pending && <Badge tone="warning">{t('claim.pendingBadge')}</Badge>}
      </h1>
      <dl className="facts">
        <div>
          <dt>{t('claim.partner')}</dt>
          <dd>
            <bdi>{claim.partner.name}</bdi>
            <br />
            <span className="muted">{t('claim.partnerId', { id: claim.partner.partnerId })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('claim.customer')}</dt>
          <dd>
            <bdi>{claim.customer.name}</bdi> (<bdi>{claim.customer.domain}</bdi>)
            <br />
            <span className="muted">{t('claim.tenant', { id: claim.customer.tenantId })}</span>
          </dd>
        </div>
        <div>
          <dt>{t('claim.products')}</dt>
          <dd>
            <ul className="plain-list">
              {claim.products.map((p) => (
                <li key={p.productId}>
                  {PRODUCT_BY_ID.get(p.productId)?.name ?? p.productId} <span className="muted">· {t(`family.${p.family}`)}</span>
                </li>
              ))}
            </ul>
          </dd>
        </div>
        <div>
          <dt>{t('claim.status')}</dt>
          <dd>{t(`status.${claim.status}`)}</dd>
        </div>
        <div>
          <dt>{t('claim.assignee')}</dt>
          <dd>{claim.assignee ?? t('claim.unassigned')}</dd>
        </div>
      </dl>
    </header>
  );
}
