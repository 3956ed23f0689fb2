/**
 * The keyboard journey (UX.md: keyboard first on a laptop): "?" lists the shortcuts, "g" then a
 * letter switches section, and an athlete can be added without touching the mouse.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** Presses Tab until `target` has focus, as a keyboard user would (at most ten times). */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 10; presses += 1) {
    if (await target.evaluate((element) => element.matches(':focus'))) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

async function expectSection(page: Page, label: string, path: string) {
  await expect(page.getByRole('heading', { name: label, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#${path}$`));
  await expect(page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: label })).toHaveClass(
    /lt-nav__link--active/,
  );
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

  await tabTo(page, timeZone);
  await page.keyboard.type('berlin');
  await expect(page.getByRole('option', { name: /Europe \/ Berlin/ })).toBeVisible();
  // Enter picks the highlighted zone and does not also submit the form.
  await page.keyboard.press('Enter');
  await expect(timeZone).toHaveValue('Europe/Berlin');
  await expect(page.getByRole('option', { name: /Europe \/ Berlin/ })).toBeHidden();
  await expect(dialog).toBeVisible();

  // Picking a zone drops focus to the dialog's start (see the test below), so tab on from there.
  await tabTo(page, dialog.getByLabel('Bodyweight'));
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

test('after a time zone is picked with Enter, Tab moves on to Bodyweight', async ({ page, openApp }) => {
  // Known bug: Blueprint's Suggest blurs its input when an item is picked (closeOnSelect), so focus
  // falls back to the start of the dialog and the next Tab lands on its Close button. Remove
  // `test.fail` once src/renderer/features/athletes/TimeZoneSuggest.tsx keeps focus on the field.
  test.fail();
  await openApp('/#/athletes');
  await expect(page.getByRole('heading', { name: 'Athletes', level: 1 })).toBeVisible();
  await page.keyboard.press('n');
  const dialog = page.getByRole('dialog', { name: 'Add athlete' });
  await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('berlin');
  await expect(page.getByRole('option', { name: /Europe \/ Berlin/ })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(dialog.getByLabel('Time zone')).toHaveValue('Europe/Berlin');
  // Let focus settle where a person's next key would find it (not on <body> mid-change).
  await expect
    .poll(() => page.locator('body').evaluate((body) => body.ownerDocument.activeElement !== body))
    .toBe(true);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Bodyweight')).toBeFocused({ timeout: 2_000 });
});
