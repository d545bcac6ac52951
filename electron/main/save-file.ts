/**
 * "Save as…" for exports: the user picks the place in a native dialog; the renderer only suggests
 * a file name (reduced to a bare, safe name, so it can never choose a directory).
 */
import path from 'node:path';

import { safeFileName } from '@shared/bridge-schema';
import type { SaveFileRequest, SaveFileResult } from '@shared/bridge';

export type SaveDialog = (options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }) => Promise<{ canceled: boolean; filePath?: string | undefined }>;

export async function saveFileWithDialog(
  request: SaveFileRequest,
  deps: { showSaveDialog: SaveDialog; writeFile: (file: string, data: Uint8Array | string) => Promise<void>; defaultDir: string },
): Promise<SaveFileResult> {
  const name = safeFileName(request.suggestedName);
  const ext = path.extname(name).slice(1);
  const result = await deps.showSaveDialog({
    defaultPath: path.join(deps.defaultDir, name),
    filters: ext ? [{ name: ext.toUpperCase(), extensions: [ext] }] : [],
  });
  if (result.canceled || !result.filePath) return { saved: false };
  await deps.writeFile(result.filePath, request.data);
  return { saved: true, location: result.filePath };
}
