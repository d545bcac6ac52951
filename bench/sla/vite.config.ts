/** Vite build of the SLA bench page (bench/sla/index.html): the real SLA screen, notifier, store and Dexie schema. */
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
