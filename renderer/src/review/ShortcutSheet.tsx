/** The keyboard shortcut sheet (`?`): a modal dialog, focus kept inside, Esc closes. */
import { t } from '../i18n';
import { Dialog } from '../ui/Dialog';
import { useReview } from './ReviewContext';
import { SHORTCUT_SHEET } from './shortcuts';

export function ShortcutSheet() {
  const { shortcutsOpen, setShortcutsOpen } = useReview();
  const close = () => setShortcutsOpen(false);
  return (
    <Dialog title={t('review.keys.title')} open={shortcutsOpen} onClose={close}>
      <p className="muted">{t('review.keys.intro')}</p>
      <table className="review-keys">
        <thead>
          <tr>
            <th scope="col">{t('review.keys.key')}</th>
            <th scope="col">{t('review.keys.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_SHEET.map(({ keys, label }) => (
            <tr key={label}>
              <td>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' / '}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog__actions">
        <button type="button" className="button button--primary" onClick={close} autoFocus>
          {t('review.keys.close')}
        </button>
      </div>
    </Dialog>
  );
}
