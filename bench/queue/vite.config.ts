/**
 * Vite build of the review-queue bench page (bench/queue/index.html): the real QueueScreen, claims
 * store and Dexie schema, bundled for production like the app. `run.ts` builds it into a temporary
 * folder and serves it to Chromium.
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
