/** "Export deficiency report": the claim as it stands on this device, with every annotation drawn. */
import { useState } from 'react';
import { useWorkstation } from '../app/WorkstationContext';
import { useBridge } from '../app/BridgeContext';
import { serverTimeNow } from '../data/workstation';
import { t } from '../i18n';
import { exportDeficiencyReport } from './exportReport';
import { useReview } from './ReviewContext';

export function ExportReportButton() {
  const { claim, announce } = useReview();
  const { db, session } = useWorkstation();
  const bridge = useBridge();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');
  const run = async () => {
    setBusy(true);
    setStatus(t('review.export.busy'));
    try {
      const { saved, name } = await exportDeficiencyReport({ claim, db, bridge, generatedBy: session.user.id, now: new Date(serverTimeNow()) });
      const text = saved ? t('review.export.saved', { name }) : t('review.export.cancelled');
      setStatus(text);
      announce(text);
    } catch (error) {
      setStatus(t('review.export.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="review-export">
      <button type="button" className="button" disabled={busy} onClick={() => void run()}>
        {t('review.export.button')}
      </button>
      {status && <span className="muted review-small">{status}</span>}
    </span>
  );
}
