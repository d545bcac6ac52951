/**
 * End-to-end tests of the workstation in browser mode against the real backend
 * (`npm run test:e2e` builds dist-web first). The backend (Fastify + PGlite) starts on a fresh
 * temporary data directory with the demo data and serves the browser build on the same origin
 * (test/e2e/support/backend.ts). Electron cannot launch where its binary is unavailable, so the
 * renderer is tested in Chromium: Debian's /usr/bin/chromium when installed (no download
 * needed), Playwright's own otherwise.
 */
import { existsSync } from 'node:fs';

import { defineConfig, devices } from '@playwright/test';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const port = Number(process.env['E2E_PORT'] ?? 4319);
const baseURL = `http://127.0.0.1:${port}`;
// Test support code talks to the same backend (test/e2e/support/api.ts); workers inherit this.
process.env['E2E_BASE_URL'] = baseURL;

const launchOptions = existsSync(SYSTEM_CHROMIUM)
  ? {
      executablePath: SYSTEM_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    }
  : {};

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  forbidOnly: Boolean(process.env['CI']),
  retries: process.env['CI'] ? 1 : 0,
  workers: process.env['CI'] ? 1 : undefined,
  reporter: process.env['CI'] ? [['list'], ['html', { open: 'never' }]] : 'list',
  timeout: 60_000,
  use: {
    baseURL,
    trace: 'retain-on-failure',
    locale: 'en-US',
    timezoneId: 'Europe/Berlin',
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1366, height: 900 }, launchOptions } }],
  webServer: {
    command: 'node --import tsx test/e2e/support/backend.ts',
    env: { PORT: String(port) },
    url: `${baseURL}/healthz`,
    reuseExistingServer: !process.env['CI'],
    // First start of an empty PGlite directory plus the demo seed: about 30 s here.
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
