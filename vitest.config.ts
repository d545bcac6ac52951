/**
 * Unit and integration tests (`npm run test:unit`). Unit tests sit next to the code they test;
 * cross-cutting suites live under test/. Playwright owns test/e2e and is excluded here.
 */
import { defineConfig } from 'vitest/config';

import { aliases, rendererDefines } from './renderer/vite.config.ts';

export default defineConfig({
  resolve: { alias: aliases },
  define: rendererDefines,
  test: {
    environment: 'node',
    include: [
      'shared/**/*.test.{ts,tsx}',
      'server/**/*.test.{ts,tsx}',
      'renderer/**/*.test.{ts,tsx}',
      'electron/**/*.test.{ts,tsx}',
      'test/**/*.test.{ts,tsx}',
      'bench/**/*.test.{ts,tsx}',
      'scripts/**/*.test.{ts,tsx}',
    ],
    exclude: ['test/e2e/**', '**/node_modules/**', 'out/**', 'dist*/**'],
  },
});
