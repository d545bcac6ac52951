/** The banner: product name, the screens, who is signed in. */
import { t } from '../i18n';
import { Badge } from '../ui/Badge';
import { hrefOf, useRoute } from './route';
import { UserMenu } from './UserMenu';
import { useOpenRefusalCount } from './useRefusals';

export function HeaderNav({ electron }: { electron: boolean }) {
  const route = useRoute();
  const issues = useOpenRefusalCount();
  const current = (screen: string) => (route.screen === screen || (screen === 'queue' && route.screen === 'claim') ? 'page' : undefined);
  return (
    <header className="app-header">
      <img src="./favicon.svg" alt="" width={28} height={28} />
      <span className="app-header__name">{t('app.name')}</span>
      <span className="app-header__mode">{electron ? t('app.modeDesktop') : t('app.modeBrowser')}</span>
      <nav aria-label={t('nav.label')} className="app-nav">
        <a href={hrefOf({ screen: 'queue' })} aria-current={current('queue')}>
          {t('nav.queue')}
        </a>
        <a href={hrefOf({ screen: 'syncIssues' })} aria-current={current('syncIssues')}>
          {t('nav.syncIssues')}
          {issues > 0 && (
            <>
              {' '}
              <Badge tone="danger">
                <span aria-hidden="true">{issues}</span>
                <span className="visually-hidden">{t('nav.syncIssuesCount', { count: issues })}</span>
              </Badge>
            </>
          )}
        </a>
        <a href={hrefOf({ screen: 'sla' })} aria-current={current('sla')}>
          {t('nav.sla')}
        </a>
        <a href={hrefOf({ screen: 'reports' })} aria-current={current('reports')}>
          {t('nav.reports')}
        </a>
        <a href={hrefOf({ screen: 'settings' })} aria-current={current('settings')}>
          {t('nav.settings')}
        </a>
      </nav>
      <UserMenu />
    </header>
  );
}
