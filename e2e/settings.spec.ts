/**
 * The settings journey: preferences are saved the moment they change, apply everywhere at once
 * (units, theme), survive a reload, reach other open windows live, refuse bad values beside the
 * field, and choose the section the app opens on.
 *
 * Preferences are shared by every spec in the worker (one database), so each test here puts the
 * ones it changed back to the defaults afterwards.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const DEFAULT_SELECTS: ReadonlyArray<readonly [label: string, value: string]> = [
  ['Weight unit', 'kg'],
  ['Distance unit', 'm'],
  ['Theme', 'auto'],
  ['Default view', 'dashboard'],
];

/** "Saving…", "Saved" or what went wrong, beside the page heading. */
function saveStatus(page: Page) {
  return page.getByRole('main').getByRole('status');
}

async function goToSection(page: Page, label: string) {
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label }).click();
  await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
}

/** Waits until the settings have loaded (the controls are disabled until then). */
async function expectSettingsLoaded(page: Page) {
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await expect(page.getByLabel('Weight unit')).toBeEnabled();
}

async function choose(page: Page, label: string, value: string) {
  await page.getByLabel(label).selectOption(value);
  await expect(saveStatus(page)).toHaveText('Saved');
}

function uniqueName(first: string): string {
  return `${first} ${Math.random().toString(36).slice(2, 8)}`;
}

test.afterEach(async ({ page, webHost }) => {
  await page.goto(webHost.urlFor('/#/settings'));
  await expectSettingsLoaded(page);
  for (const [label, value] of DEFAULT_SELECTS) {
    if ((await page.getByLabel(label).inputValue()) !== value) await choose(page, label, value);
  }
  await page.reload();
  for (const [label, value] of DEFAULT_SELECTS) await expect(page.getByLabel(label)).toHaveValue(value);
});

test('pounds and the dark theme are saved, applied at once and kept after a reload', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  const name = uniqueName('Hafthor');
  await openApp('/#/athletes');
  await page.getByRole('button', { name: 'Add athlete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add athlete' });
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  await dialog.getByLabel('Bodyweight').fill('100');
  await dialog.getByRole('button', { name: 'Create athlete' }).click();
  await expect(dialog).toBeHidden();
  const bodyweightCell = page
    .getByRole('row', { name: new RegExp(`^${name}\\b`) })
    .getByRole('cell')
    .nth(2);
  await expect(bodyweightCell).toHaveText('100 kg');

  await goToSection(page, 'Settings');
  await expectSettingsLoaded(page);
  await expect(page.locator('body')).not.toHaveClass(/\bbp6-dark\b/);
  await namedScreenshot('settings-1440x900-light');

  await choose(page, 'Weight unit', 'lb');
  await choose(page, 'Theme', 'dark');
  await expect(page.locator('body')).toHaveClass(/\bbp6-dark\b/);
  await expect(page.getByText('Always dark, whatever the system uses.')).toBeVisible();
  await namedScreenshot('settings-1440x900-dark');

  // 100 kg × 2.2046226218 = 220.46… lb, shown with one decimal at most.
  await goToSection(page, 'Athletes');
  await expect(bodyweightCell).toHaveText('220.5 lb');
  await page.getByRole('button', { name: `Edit ${name}` }).click();
  const editDialog = page.getByRole('dialog', { name: `Edit ${name}` });
  await expect(editDialog.getByText('(lb)')).toBeVisible();
  await expect(editDialog.getByLabel('Bodyweight')).toHaveValue('220.5');
  await page.keyboard.press('Escape');
  await expect(editDialog).toBeHidden();

  await page.reload();
  await expect(bodyweightCell).toHaveText('220.5 lb');
  await expect(page.locator('body')).toHaveClass(/\bbp6-dark\b/);
  await goToSection(page, 'Settings');
  await expectSettingsLoaded(page);
  await expect(page.getByLabel('Weight unit')).toHaveValue('lb');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
});

test('a second window sees a change made in the first without reloading', async ({
  page,
  context,
  openApp,
  webHost,
}) => {
  await openApp('/#/settings');
  await expectSettingsLoaded(page);

  const other = await context.newPage();
  await other.goto(webHost.urlFor('/#/settings'));
  await expectSettingsLoaded(other);
  await expect(other.getByLabel('Distance unit')).toHaveValue('m');
  // A marker that a reload would wipe out.
  await other.evaluate(() => Object.assign(globalThis, { liftTrackerNotReloaded: true }));

  await choose(page, 'Distance unit', 'ft');
  await choose(page, 'Theme', 'dark');

  await expect(other.getByLabel('Distance unit')).toHaveValue('ft');
  await expect(other.getByLabel('Theme')).toHaveValue('dark');
  await expect(other.locator('body')).toHaveClass(/\bbp6-dark\b/);
  expect(await other.evaluate(() => 'liftTrackerNotReloaded' in globalThis)).toBe(true);
  await other.close();
});

test('an out-of-range "Hours before" is refused beside the field and not stored', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await openApp('/#/settings');
  await expectSettingsLoaded(page);
  const hoursBefore = page.getByLabel('Hours before');
  // The field is for reminders; desktop reminders are on by default.
  await expect(page.getByLabel('Desktop reminders')).toBeChecked();
  await expect(hoursBefore).toBeEnabled();
  const stored = await hoursBefore.inputValue();
  expect(stored).toMatch(/^\d+$/);

  await hoursBefore.fill('100');
  await expect(hoursBefore).toHaveAttribute('aria-invalid', 'true');
  await expect(hoursBefore).toHaveAccessibleDescription('Hours before must be between 0 and 72');
  await hoursBefore.press('Tab');
  await expect(hoursBefore).toHaveValue('100');
  await expect(hoursBefore).toHaveAccessibleDescription('Hours before must be between 0 and 72');
  await namedScreenshot('settings-hours-before-error-1440x900-light');
  // A valid value is saved half a second after typing stops; make sure nothing is saved late.
  await page.waitForTimeout(1_000);
  await expect(saveStatus(page)).toHaveText('');

  await page.reload();
  await expectSettingsLoaded(page);
  await expect(page.getByLabel('Hours before')).toHaveValue(stored);
  await expect(page.getByLabel('Hours before')).not.toHaveAttribute('aria-invalid');

  // A value in range is saved, and can be put back.
  const changed = stored === '6' ? '12' : '6';
  await page.getByLabel('Hours before').fill(changed);
  await expect(saveStatus(page)).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Hours before')).toHaveValue(changed);
  await page.getByLabel('Hours before').fill(stored);
  await expect(saveStatus(page)).toHaveText('Saved');
});

test('with Athletes as the default view, opening the app lands on the roster', async ({ page, openApp }) => {
  await openApp('/#/settings');
  await expectSettingsLoaded(page);
  await choose(page, 'Default view', 'athletes');

  await openApp('/');
  await expect(page).toHaveURL(/#\/athletes$/);
  await expect(page.getByRole('heading', { name: 'Athletes', level: 1 })).toBeVisible();
  await expect(page).toHaveTitle('Athletes · Lift Tracker');
});

test('"Check data" reads the history and finds no problems', async ({ page, openApp, namedScreenshot }) => {
  await openApp('/#/settings');
  await expectSettingsLoaded(page);
  const data = page.getByRole('region', { name: 'Data check result' });
  await expect(data).toBeHidden();

  await page.getByRole('button', { name: 'Check data' }).click();
  await expect(data.getByText('No problems found')).toBeVisible();
  // The web host starts with an empty history (other specs add athletes and exercises, not sessions).
  await expect(data).toMatchAriaSnapshot(`
    - term: Sessions
    - definition: "0"
  `);
  await expect(data).toMatchAriaSnapshot(`
    - term: First session
    - definition: –
  `);
  await expect(page.getByRole('button', { name: 'Check data' })).toBeEnabled();
  await namedScreenshot('settings-data-check-1440x900-light');
});
