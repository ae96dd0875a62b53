import { defineConfig } from '@playwright/test';

// E2E runs against the production build served by `vite preview` (npm test builds first).
// Playwright's browser download cannot reach its host here, so we drive Debian's Chromium
// (scripts/ensure-chromium.mjs checks for it). One worker: the machines have 2 cores and the
// preview server needs one.
// LOGSCOPE_E2E_PORT lets two checkouts run their e2e at once on one machine.
const port = Number(process.env.LOGSCOPE_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;
const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: isCI,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // Playwright gives the server FORCE_COLOR=1; with CI's NO_COLOR=1 Node then warns on every
    // run. Pin both so the server is colourless and quiet whatever the outer environment.
    env: { NO_COLOR: '1', FORCE_COLOR: '0' },
  },
  use: {
    baseURL,
    viewport: { width: 1280, height: 720 },
    timezoneId: 'UTC',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium' },
    },
  ],
});
