/**
 * Vite build of the viewer bench page (bench/viewer/index.html): the real PoeViewer and bare
 * pdfjs-dist side by side, bundled for production like the app. `run.ts` builds it into a
 * temporary folder and serves it to Chromium with the PDFs to open.
 */
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

import { aliases, rendererDefines } from '../../renderer/vite.config.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  resolve: { alias: aliases },
  define: rendererDefines,
  logLevel: 'warn',
  build: { emptyOutDir: true, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
});
