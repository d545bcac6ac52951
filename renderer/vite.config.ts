/**
 * Plain Vite config for the renderer in browser mode: dev server, `npm run build:web` (dist-web/),
 * and the e2e build. The desktop bundle is built by electron.vite.config.ts with the same
 * aliases and defines, exported from here so the two can't drift.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const fromRoot = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));

const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as { version: string };

/** Mirrors tsconfig.json "paths". */
export const aliases = {
  '@shared': fromRoot('shared'),
  '@renderer': fromRoot('renderer/src'),
};

export const rendererDefines = {
  __APP_VERSION__: JSON.stringify(pkg.version),
};

export const WEB_PORT = 4173;

/**
 * The Vite dev server and `vite preview` forward the API to the backend, so the page and the API
 * share one origin as they do when the backend serves the build (server/src/http/static.ts).
 */
const backend = process.env['POE_BACKEND_URL'] ?? 'http://127.0.0.1:8787';
const apiProxy = Object.fromEntries(['/auth', '/sync', '/documents', '/claims', '/healthz'].map((prefix) => [prefix, { target: backend, changeOrigin: false }]));

export default defineConfig({
  root: fromRoot('renderer'),
  // Relative asset URLs so the same build works under app://, file-less previews and sub-paths.
  base: './',
  plugins: [react()],
  resolve: { alias: aliases },
  define: rendererDefines,
  build: {
    outDir: fromRoot('dist-web'),
    emptyOutDir: true,
  },
  server: { port: 5173, proxy: apiProxy },
  preview: { port: WEB_PORT, proxy: apiProxy },
});
