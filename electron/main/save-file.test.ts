import { describe, expect, it, vi } from 'vitest';

import { saveFileWithDialog } from './save-file';

describe('saveFileWithDialog', () => {
  it('suggests a bare, safe file name in the default folder and writes where the user chose', async () => {
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/home/r/report.csv' }));
    const writeFile = vi.fn(async () => {});
    const result = await saveFileWithDialog(
      { suggestedName: '../../etc/cron.d/report.csv', mimeType: 'text/csv', data: 'a,b\n' },
      { showSaveDialog, writeFile, defaultDir: '/home/r/Downloads' },
    );
    expect(showSaveDialog).toHaveBeenCalledWith({ defaultPath: '/home/r/Downloads/report.csv', filters: [{ name: 'CSV', extensions: ['csv'] }] });
    expect(writeFile).toHaveBeenCalledWith('/home/r/report.csv', 'a,b\n');
    expect(result).toEqual({ saved: true, location: '/home/r/report.csv' });
  });

  it('writes nothing when the user cancels', async () => {
    const writeFile = vi.fn(async () => {});
    const result = await saveFileWithDialog(
      { suggestedName: 'x.pdf', mimeType: 'application/pdf', data: new Uint8Array([1]) },
      { showSaveDialog: async () => ({ canceled: true }), writeFile, defaultDir: '/d' },
    );
    expect(result).toEqual({ saved: false });
    expect(writeFile).not.toHaveBeenCalled();
  });
});
