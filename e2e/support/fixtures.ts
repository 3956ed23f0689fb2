/**
 * The `test` every spec imports: Playwright's, plus
 * - `webHost` (one per worker): the running web host; specs share its data folder, so they create
 *   what they need with names of their own rather than counting rows;
 * - `baseURL`: the host's origin, so `page.goto('/athletes')` works once the page holds the token;
 * - `openApp(path?)`: opens the app in the page with this launch's token (the first navigation of
 *   every page must carry it; the app then keeps it in sessionStorage and drops it from the URL);
 * - `namedScreenshot(name)`: saves e2e-artifacts/screenshots/<name>.png, kept after the run.
 * `test.use({ demo: true })` in a spec file gives it a host started with `--demo` data instead, and
 * `test.use({ testClock: true })` one started with `--test-clock` (the spec may move its clock).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT, startBuiltWebHost, type RunningWebHost } from './web-host';

export const SCREENSHOT_DIR = join(REPO_ROOT, 'e2e-artifacts', 'screenshots');

/** Saves a full-page screenshot under e2e-artifacts/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const safeName = name.replace(/[^A-Za-z0-9._-]+/g, '-');
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${safeName}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

interface WorkerFixtures {
  demo: boolean;
  testClock: boolean;
  webHost: RunningWebHost;
}

interface TestFixtures {
  openApp: (path?: string) => Promise<void>;
  namedScreenshot: (name: string) => Promise<string>;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  demo: [false, { scope: 'worker', option: true }],
  testClock: [false, { scope: 'worker', option: true }],

  webHost: [
    async ({ demo, testClock }, use) => {
      const host = await startBuiltWebHost({ demo, testClock });
      try {
        await use(host);
      } finally {
        const code = await host.stop();
        if (code !== 0) console.warn(`The web host exited with code ${code}:\n${host.output()}`);
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],

  baseURL: async ({ webHost }, use) => {
    await use(webHost.origin);
  },

  openApp: async ({ page, webHost }, use) => {
    await use(async (path = '/') => {
      await page.goto(webHost.urlFor(path));
    });
  },

  namedScreenshot: async ({ page }, use) => {
    await use((name) => saveScreenshot(page, name));
  },
});

export { expect };
