/**
 * Main-process side of the bridge: one `ipcMain.handle` per WorkstationBridge method. Each call is
 * checked twice before the handler runs: the sending frame must be our app's top-level document
 * (not a navigated-away page, and not a subframe, even one showing an app:// URL), and the
 * arguments must match the shared zod schema.
 */
import type { IpcMainInvokeEvent } from 'electron';

import { bridgeChannels, type WorkstationBridge } from '@shared/bridge';
import { bridgeArgs } from '@shared/bridge-schema';

import { isAppUrl } from './security';

/** What main implements for each bridge method: same arguments, plain or promised result. */
export type BridgeHandlers = {
  [K in keyof WorkstationBridge]: (
    ...args: Parameters<WorkstationBridge[K]>
  ) => ReturnType<WorkstationBridge[K]> | Awaited<ReturnType<WorkstationBridge[K]>>;
};

/** The part of `ipcMain` we use; a fake in tests. */
export type IpcRegistrar = {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown): void;
};

export class BridgeRequestError extends Error {
  constructor(
    readonly code: 'untrusted_sender' | 'invalid_payload',
    message: string,
  ) {
    super(message);
    this.name = 'BridgeRequestError';
  }
}

/**
 * Whether the call came from the main frame of its window: a frame without a parent that is the
 * sending webContents' own main frame. A subframe never gets the bridge, whatever its URL.
 */
function isMainFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null) return false;
  const main = event.sender.mainFrame;
  // The same frame: same renderer process and routing id (not object identity of the wrappers).
  return main.processId === frame.processId && main.routingId === frame.routingId;
}

export function registerBridgeHandlers(
  ipc: IpcRegistrar,
  handlers: BridgeHandlers,
  trustedOrigins: ReadonlySet<string>,
): void {
  for (const method of Object.keys(bridgeChannels) as Array<keyof WorkstationBridge>) {
    const channel = bridgeChannels[method];
    ipc.handle(channel, async (event, ...args) => {
      // senderFrame is null when the frame navigated or was destroyed since sending.
      const senderUrl = event.senderFrame?.url;
      if (!isAppUrl(senderUrl, trustedOrigins)) {
        throw new BridgeRequestError('untrusted_sender', `${channel}: refused sender ${senderUrl ?? '(gone)'}`);
      }
      if (!isMainFrame(event)) {
        throw new BridgeRequestError('untrusted_sender', `${channel}: refused sender ${senderUrl ?? '(gone)'} (not the window's main frame)`);
      }
      const parsed = bridgeArgs[method].safeParse(args);
      if (!parsed.success) {
        throw new BridgeRequestError('invalid_payload', `${channel}: ${parsed.error.message}`);
      }
      // The schema of `method` produced exactly the argument tuple of `method`; TypeScript cannot
      // correlate the two through the loop variable, so the handler is called through a widened type.
      const handler = handlers[method] as (...validated: unknown[]) => unknown;
      return await handler(...parsed.data);
    });
  }
}
