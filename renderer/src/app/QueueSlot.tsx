/** The review queue (renderer/src/queue) wired to the signed-in workstation. */
import { useCallback } from 'react';
import { useSyncSettings } from '../data/workstation';
import { QueueScreen } from '../queue/QueueScreen';
import { useWorkstation } from './WorkstationContext';

export function QueueSlot({ onOpenClaim }: { onOpenClaim(id: string): void }) {
  const { session } = useWorkstation();
  const settings = useSyncSettings();
  const { id, displayName } = session.user;
  // Only our own display name is known here; others show by id. Stable, as QueueScreen asks.
  const userName = useCallback((userId: string) => (userId === id && displayName ? displayName : userId), [id, displayName]);
  return <QueueScreen onOpenClaim={onOpenClaim} currentUserId={id} settings={settings} userName={userName} />;
}
