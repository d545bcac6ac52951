/** A desktop notification when the server refuses something, so a reviewer working elsewhere learns of it. */
import { useEffect, useRef } from 'react';
import { t } from '../i18n';
import { useBridge } from './BridgeContext';
import { useOpenRefusalCount } from './useRefusals';

export function useRefusalNotifications(): void {
  const bridge = useBridge();
  const count = useOpenRefusalCount();
  const previous = useRef<number | null>(null);
  useEffect(() => {
    // The first reading is what was already there when the app opened: not news.
    if (previous.current !== null && count > previous.current) {
      void bridge.notify({ title: t('notify.refusedTitle'), body: t('notify.refusedBody', { count: count - previous.current }) }).catch(() => false);
    }
    previous.current = count;
  }, [bridge, count]);
}

/** Renders nothing; lives inside the signed-in shell so it can read the refusals. */
export function RefusalNotifier(): null {
  useRefusalNotifications();
  return null;
}
