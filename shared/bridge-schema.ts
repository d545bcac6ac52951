/**
 * Zod schemas for what crosses the IPC boundary. Main validates every request against these
 * before acting: the renderer is treated as untrusted even though we ship it.
 * Kept apart from bridge.ts so the sandboxed preload does not have to bundle zod.
 */
import { z } from 'zod';

import type { AppInfo, WorkstationBridge } from './bridge';

/** Arguments per bridge method, as the tuple `ipcRenderer.invoke` delivers after the channel. */
export const bridgeArgs = {
  getAppInfo: z.tuple([]),
} as const satisfies Record<keyof WorkstationBridge, z.ZodType>;

export const appInfoSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  platform: z.string().min(1),
  electron: z.boolean(),
}) satisfies z.ZodType<AppInfo>;
