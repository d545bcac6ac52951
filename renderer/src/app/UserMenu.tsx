/** Who is signed in, and signing out — with a warning when actions have not reached the server. */
import { useState } from 'react';
import { t } from '../i18n';
import { pendingCount, signOut } from '../session/sessionStore';
import { Dialog } from '../ui/Dialog';
import { useWorkstation } from './WorkstationContext';

export function UserMenu() {
  const { session } = useWorkstation();
  const [pending, setPending] = useState<number | null>(null);
  const { user } = session;
  const requestSignOut = async () => {
    const count = await pendingCount();
    if (count > 0) setPending(count);
    else await signOut();
  };
  return (
    <div className="user-menu">
      <span>{t('user.menu', { name: user.displayName || user.username, role: t(`role.${user.role}`) })}</span>
      <button type="button" className="button button--small" onClick={() => void requestSignOut()}>
        {t('user.signOut')}
      </button>
      <Dialog title={t('signOut.confirmTitle')} open={pending !== null} onClose={() => setPending(null)} describedBy="sign-out-warning">
        <p id="sign-out-warning">{t('signOut.pendingWarning', { count: pending ?? 0, user: user.username })}</p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => setPending(null)}>
            {t('signOut.cancel')}
          </button>
          <button type="button" className="button button--danger" onClick={() => void signOut()}>
            {t('signOut.confirm')}
          </button>
        </div>
      </Dialog>
    </div>
  );
}
