/** The desktop bridge (or its browser stand-in) for screens that save files or notify. */
import { createContext, useContext } from 'react';
import type { WorkstationBridge } from '@shared/bridge';

export const BridgeContext = createContext<WorkstationBridge | null>(null);

export function useBridge(): WorkstationBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge() outside <BridgeContext.Provider>');
  return bridge;
}
