/**
 * Zod schemas for what crosses the IPC boundary. Main validates every request against these
 * before acting: the renderer is treated as untrusted even though we ship it.
 * Kept apart from bridge.ts so the sandboxed preload does not have to bundle zod.
 */
import { z } from 'zod';

import type { AppInfo, NotifyRequest, SaveFileRequest, StoredSession, WorkstationBridge } from './bridge';

export const appInfoSchema = z.object({
  name: z.string().min(1),
  version: z.string().min(1),
  platform: z.string().min(1),
  electron: z.boolean(),
  locale: z.string().regex(/^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/).optional(),
}) satisfies z.ZodType<AppInfo>;

/** http(s) only, no credentials in the URL, nothing after the origin but an optional path. */
export const backendUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'expected an http(s) URL without credentials, query or fragment, e.g. https://sync.example.com');

export const storedSessionSchema = z.strictObject({
  serverUrl: backendUrlSchema,
  token: z.string().min(1).max(1000),
  expiresAt: z.iso.datetime({ offset: true }),
  user: z.strictObject({
    id: z.string().min(1).max(200),
    username: z.string().min(1).max(200),
    displayName: z.string().max(200),
    role: z.enum(['reviewer', 'supervisor']),
  }),
}) satisfies z.ZodType<StoredSession>;

/** 50 MB: reports and exports, not arbitrary dumps. */
export const MAX_SAVE_BYTES = 50 * 1024 * 1024;

export const saveFileRequestSchema = z.strictObject({
  suggestedName: z.string().trim().min(1).max(255),
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, 'expected a media type such as text/csv').max(100),
  data: z.union([z.string().max(MAX_SAVE_BYTES), z.instanceof(Uint8Array).refine((b) => b.byteLength <= MAX_SAVE_BYTES, 'file too large')]),
}) satisfies z.ZodType<SaveFileRequest>;

export const notifyRequestSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(2000),
}) satisfies z.ZodType<NotifyRequest>;

/** A badge shows a count of claims: a whole number, not absurdly large. */
export const badgeCountSchema = z.number().int().min(0).max(1_000_000);

/** Arguments per bridge method, as the tuple `ipcRenderer.invoke` delivers after the channel. */
export const bridgeArgs = {
  getAppInfo: z.tuple([]),
  loadSession: z.tuple([]),
  saveSession: z.tuple([storedSessionSchema]),
  clearSession: z.tuple([]),
  saveFile: z.tuple([saveFileRequestSchema]),
  notify: z.tuple([notifyRequestSchema]),
  setBadgeCount: z.tuple([badgeCountSchema]),
  getBackendUrl: z.tuple([]),
  setBackendUrl: z.tuple([backendUrlSchema.nullable()]),
} as const satisfies Record<keyof WorkstationBridge, z.ZodType>;

/** A file name safe on every OS: no path, no reserved characters, not empty. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '').trim();
  return cleaned === '' ? 'export' : cleaned.slice(0, 255);
}
