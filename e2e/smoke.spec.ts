import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from './support/fixtures';
import { WEB_HOST_ENTRY } from './support/web-host';

const run = promisify(execFile);

test('the app opens in the browser and shows the Lift Tracker frame', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await openApp();

  await expect(page.getByRole('navigation').first()).toBeVisible();
  await expect(page.getByText('Lift Tracker').first()).toBeVisible();
  // The frame's footer comes from app.info, so the backend answered over the socket.
  await expect(page.getByText(/·\s*web\b/)).toBeVisible();
  // The token is kept in the tab and removed from the address bar.
  await expect(page).not.toHaveURL(/token=/);
  await namedScreenshot('smoke-app-frame');

  // A reload finds the token in the tab's storage.
  await page.reload();
  await expect(page.getByText(/·\s*web\b/)).toBeVisible();
  // No CSP violation, failed socket or uncaught error along the way.
  expect(problems).toEqual([]);
});

test('a page opened without the token is told which link to open', async ({
  page,
  webHost,
  namedScreenshot,
}) => {
  await page.goto(webHost.origin);
  await expect(page.getByText(/running at/).first()).toBeVisible();
  await namedScreenshot('smoke-without-token');
});

test('a second web host on the same data folder is refused', async ({ webHost }) => {
  const second = run(process.execPath, [WEB_HOST_ENTRY, '--data-dir', webHost.dataDir, '--port', '0'], {
    timeout: 60_000,
  });
  await expect(second).rejects.toMatchObject({
    code: 1,
    stderr: expect.stringContaining('Lift Tracker is already open with this data folder'),
  });
});

test('the web host refuses to bind beyond loopback', async () => {
  const exposed = run(process.execPath, [WEB_HOST_ENTRY, '--host', '0.0.0.0', '--port', '0']);
  await expect(exposed).rejects.toMatchObject({
    stderr: expect.stringContaining('The web host only binds to 127.0.0.1 (loopback)'),
  });
});
