import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end specs run in Debian's Chromium against the web host (`node out/main/web.js`), which the
 * fixture in e2e/support/web-host.ts starts on a free port with a fresh data folder. Build first:
 * `npm run test:e2e` does (`electron-vite build && playwright test`).
 */
// LT_OUT_DIR (another build folder, see e2e/support/web-host.ts) also keeps this run's results apart,
// so two developers' runs on one machine do not overwrite each other's.
const runName = process.env.LT_OUT_DIR ? `-${process.env.LT_OUT_DIR}` : '';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: `e2e-artifacts/results${runName}`,
  // One worker: each worker starts its own web host and backend (about 300 MiB each).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The JSON report is what .ci/run totals with vitest's into its closing line.
  reporter: [
    ['list'],
    ['json', { outputFile: `test-results/playwright${runName}.json` }],
    ['./e2e/support/summary-reporter.ts'],
  ],
  use: {
    ...devices['Desktop Chrome'],
    headless: true,
    viewport: { width: 1440, height: 900 },
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: {
      // `npx playwright install` cannot download browsers here; Debian's Chromium works.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
