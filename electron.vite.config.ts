/**
 * Desktop bundle: `electron-vite build` → out/main/index.js, out/preload/index.cjs, out/renderer/.
 * Folders are custom (electron/, renderer/), so every entry is spelled out.
 */
import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

import { aliases, rendererDefines } from './renderer/vite.config.ts';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    resolve: { alias: aliases },
    build: {
      outDir: resolve(root, 'out/main'),
      lib: { entry: resolve(root, 'electron/main/index.ts') },
    },
  },
  preload: {
    resolve: { alias: aliases },
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot be an ES module: emit CommonJS as .cjs (package.json is "type": "module").
      lib: { entry: resolve(root, 'electron/preload/index.ts'), formats: ['cjs'] },
      rolldownOptions: { output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    resolve: { alias: aliases },
    define: rendererDefines,
    build: {
      outDir: resolve(root, 'out/renderer'),
      minify: true,
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
