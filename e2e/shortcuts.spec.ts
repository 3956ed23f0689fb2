/**
 * The keyboard journey (UX.md: keyboard first on a laptop): "?" lists the shortcuts, "g" then a
 * letter switches section, and an athlete can be added without touching the mouse.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** The keys shown for a shortcut in the dialog, as they read on screen (one string per key). */
function keysOf(shortcuts: Locator, label: string) {
  return shortcuts.getByText(label, { exact: true }).locator('xpath=..').locator('kbd');
}

async function expectSection(page: Page, label: string, path: string) {
  await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#${path}$`));
  await expect(
    page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label }),
  ).toHaveClass(/lt-nav__link--active/);
}

test('"?" opens the list of shortcuts and Escape closes it', async ({ page, openApp, namedScreenshot }) => {
  await openApp('/#/athletes');
  await expect(page.getByRole('heading', { name: 'Athletes', level: 1 })).toBeVisible();

  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  // The app-wide shortcuts, and the ones of the screen underneath.
  await expect(shortcuts.getByText('Go to a section: g then d, c, p, w, n, e, a, s')).toBeVisible();
  await expect(shortcuts.getByText('Athletes (g a)')).toBeVisible();
  await expect(shortcuts.getByText('Settings (g s)')).toBeVisible();
  await expect(shortcuts.getByText('Search this screen')).toBeVisible();
  await expect(shortcuts.getByText('New athlete')).toBeVisible();
  await expect(shortcuts.getByText('Show keyboard shortcuts')).toBeVisible();
  // Single keys read as typed ("n", not "N", which looks like Shift+N).
  await expect(keysOf(shortcuts, 'New athlete')).toHaveText(['n'], { useInnerText: true });
  await expect(keysOf(shortcuts, 'Show keyboard shortcuts')).toHaveText(['?'], { useInnerText: true });
  await expect(keysOf(shortcuts, 'Athletes (g a)')).toHaveText(['ctrl', '7'], { useInnerText: true });
  await namedScreenshot('shortcuts-dialog-1440x900-light');

  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();

  // With Shift, as a US keyboard types it, too.
  await page.keyboard.press('Shift+?');
  await expect(shortcuts).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
});

test('"g" then a letter switches section', async ({ page, openApp }) => {
  await openApp('/#/dashboard');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expectSection(page, 'Athletes', '/athletes');
  // The "a" finished the sequence; it did not also reach the roster as a key of its own.
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expectSection(page, 'Settings', '/settings');

  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expectSection(page, 'Athletes', '/athletes');

  // Typing in a field is typing, not navigating.
  await page.getByRole('button', { name: 'Add athlete' }).click();
  const nameInput = page.getByRole('dialog', { name: 'Add athlete' }).getByLabel('Name', { exact: true });
  await nameInput.press('g');
  await nameInput.press('s');
  await expect(nameInput).toHaveValue('gs');
  await expect(page).toHaveURL(/#\/athletes$/);
});

test('an athlete can be added with the keyboard alone', async ({ page, openApp }) => {
  const name = `Kim Keyboard ${Math.random().toString(36).slice(2, 8)}`;
  await openApp('/#/athletes');
  await expect(page.getByRole('heading', { name: 'Athletes', level: 1 })).toBeVisible();

  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add athlete' });
  await expect(dialog).toBeVisible();
  const nameInput = dialog.getByLabel('Name', { exact: true });
  await expect(nameInput).toBeFocused();
  // The "n" opened the dialog; it was not typed into the name.
  await expect(nameInput).toHaveValue('');
  await page.keyboard.type(name);

  await page.keyboard.press('Tab');
  const timeZone = dialog.getByLabel('Time zone');
  await expect(timeZone).toBeFocused();
  // Escape closes the list of zones, not the dialog with the name typed in it.
  await page.keyboard.type('berl');
  await expect(page.getByRole('option', { name: /Europe \/ Berlin/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('option', { name: /Europe \/ Berlin/ })).toBeHidden();
  await expect(dialog).toBeVisible();
  await expect(nameInput).toHaveValue(name);
  await expect(timeZone).toBeFocused();

  // Typing again reopens the list.
  await page.keyboard.type('berlin');
  await expect(page.getByRole('option', { name: /Europe \/ Berlin/ })).toBeVisible();
  // Enter picks the highlighted zone and does not also submit the form.
  await page.keyboard.press('Enter');
  await expect(timeZone).toHaveValue('Europe/Berlin');
  await expect(page.getByRole('option', { name: /Europe \/ Berlin/ })).toBeHidden();
  await expect(dialog).toBeVisible();

  // Focus stays on the field after the pick, so Tab goes on to the next one.
  await expect(timeZone).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Bodyweight')).toBeFocused();
  await page.keyboard.type('93');

  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Notes')).toBeFocused();
  await page.keyboard.type('Added without a mouse');

  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Set PIN' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Kiosk PIN')).toBeFocused();
  await page.keyboard.type('2468');

  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row', { name: new RegExp(`^${name}\\b`) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(1)).toContainText('Europe/Berlin');
  await expect(row.getByRole('cell').nth(2)).toHaveText('93 kg');
  await expect(row.getByRole('cell').nth(3)).toHaveText('PIN set');
  await expect(row.getByRole('cell').nth(4)).toHaveText('Added without a mouse');
});

test('after a time zone is picked, focus stays on the field and Tab moves on to Bodyweight', async ({
  page,
  openApp,
}) => {
  await openApp('/#/athletes');
  await expect(page.getByRole('heading', { name: 'Athletes', level: 1 })).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add athlete' });
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  const timeZone = dialog.getByLabel('Time zone');
  await page.keyboard.type('berlin');
  const berlin = page.getByRole('option', { name: /Europe \/ Berlin/ });
  await expect(berlin).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(timeZone).toHaveValue('Europe/Berlin');
  await expect(berlin).toBeHidden();
  await expect(timeZone).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Bodyweight')).toBeFocused();

  // With the mouse too: a click on the field opens the list again, a click on a zone picks it.
  await timeZone.click();
  await page.keyboard.type('tokyo');
  await page.getByRole('option', { name: /Asia \/ Tokyo/ }).click();
  await expect(timeZone).toHaveValue('Asia/Tokyo');
  await expect(timeZone).toBeFocused();
  await timeZone.click();
  await expect(page.getByRole('option', { name: /Asia \/ Tokyo/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(timeZone).toBeFocused();
  await expect(timeZone).toHaveValue('Asia/Tokyo');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Bodyweight')).toBeFocused();
});
