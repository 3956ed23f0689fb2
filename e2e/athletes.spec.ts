/**
 * The roster journey: a coach adds athletes, is told next to the field what is wrong, edits,
 * searches, archives (with Undo), restores, and picks the athlete the app works on.
 *
 * Every spec in a worker shares one database, so each test creates athletes with names of its own.
 * Bodyweights are typed in kg: the settings spec puts the units back to the defaults after itself.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** A name no other test (or an earlier run on the same host) uses. */
function uniqueName(first: string): string {
  return `${first} ${test.info().testId.slice(0, 6)}${Math.random().toString(36).slice(2, 6)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The roster row for an athlete: its accessible name is its cells' text, name first. */
function rosterRow(page: Page, name: string) {
  return page
    .getByRole('table', { name: 'Athletes' })
    .getByRole('row', { name: new RegExp(`^${escapeRegExp(name)}\\b`) });
}

async function openRoster(page: Page, openApp: (path?: string) => Promise<void>) {
  await openApp('/#/athletes');
  await expect(page.getByRole('heading', { name: 'Athletes', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add athlete' })).toBeVisible();
}

/** The roster has loaded (a table, or the empty state when this host has no athletes yet) without `name`. */
async function expectRosterWithout(page: Page, name: string) {
  // The count beside the heading shows once the roster has loaded (not over skeleton rows).
  const loadedRoster = page.getByText(/^\d+ athletes?$/);
  await expect(loadedRoster.or(page.getByRole('heading', { name: 'No athletes yet' }))).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
}

async function addAthlete(page: Page, fields: { name: string; bodyweight?: string }) {
  await page.getByRole('button', { name: 'Add athlete' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add athlete' });
  await dialog.getByLabel('Name', { exact: true }).fill(fields.name);
  if (fields.bodyweight !== undefined) await dialog.getByLabel('Bodyweight').fill(fields.bodyweight);
  await dialog.getByRole('button', { name: 'Create athlete' }).click();
  await expect(dialog).toBeHidden();
  await expect(rosterRow(page, fields.name)).toBeVisible();
}

test.describe('athletes roster', () => {
  test('adds an athlete with time zone, bodyweight, notes and PIN; the roster says "PIN set", never the PIN', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const name = uniqueName('Ada Lovelace');
    const pin = '48213';
    await openRoster(page, openApp);

    await page.getByRole('button', { name: 'Add athlete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add athlete' });
    await expect(dialog.getByLabel('Name', { exact: true })).toBeFocused();
    await dialog.getByLabel('Name', { exact: true }).fill(name);

    const timeZone = dialog.getByLabel('Time zone');
    await timeZone.click();
    await timeZone.fill('tokyo');
    await page.getByRole('option', { name: /Asia \/ Tokyo/ }).click();
    await expect(timeZone).toHaveValue('Asia/Tokyo');

    await expect(dialog.getByText('(kg)')).toBeVisible();
    await dialog.getByLabel('Bodyweight').fill('82.5');
    await dialog.getByLabel('Notes').fill('Left knee: no deep squats until March');
    await dialog.getByRole('button', { name: 'Set PIN' }).click();
    const pinInput = dialog.getByLabel('Kiosk PIN');
    await expect(pinInput).toBeFocused();
    await expect(pinInput).toHaveAttribute('type', 'password');
    await pinInput.fill(pin);
    await namedScreenshot('athletes-dialog-add-1440x900-light');

    await dialog.getByRole('button', { name: 'Create athlete' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Added ${name}`)).toBeVisible();

    const row = rosterRow(page, name);
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toHaveText(/^Asia\/Tokyo\s*GMT\+9$/);
    await expect(row.getByRole('cell').nth(2)).toHaveText('82.5 kg');
    await expect(row.getByRole('cell').nth(3)).toHaveText('PIN set');
    await expect(row.getByRole('cell').nth(4)).toHaveText('Left knee: no deep squats until March');
    await expect(page.getByText(pin)).toHaveCount(0);
    await namedScreenshot('athletes-roster-1440x900-light');

    // The edit dialog says a PIN is set and offers to change or clear it, without showing it.
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const editDialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(editDialog.getByRole('group', { name: 'Kiosk PIN' })).toContainText('PIN set');
    await expect(editDialog.getByRole('button', { name: 'Change PIN' })).toBeVisible();
    await expect(editDialog.getByRole('button', { name: 'Clear PIN' })).toBeVisible();
    await expect(editDialog.getByText(pin)).toHaveCount(0);
    await namedScreenshot('athletes-dialog-edit-1440x900-light');
    // Changing the PIN can be called off without leaving the dialog.
    await editDialog.getByRole('button', { name: 'Change PIN' }).click();
    await expect(editDialog.getByLabel('Kiosk PIN')).toBeFocused();
    await editDialog.getByRole('button', { name: 'Cancel PIN change' }).click();
    await expect(editDialog.getByRole('group', { name: 'Kiosk PIN' })).toContainText('PIN set');
    await editDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(editDialog).toBeHidden();
  });

  test('bad input is shown beside each field and creates nothing', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const name = uniqueName('Never Created');
    await openRoster(page, openApp);

    await page.getByRole('button', { name: 'Add athlete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add athlete' });
    const nameInput = dialog.getByLabel('Name', { exact: true });
    const bodyweight = dialog.getByLabel('Bodyweight');
    await bodyweight.fill('5');
    await dialog.getByRole('button', { name: 'Set PIN' }).click();
    const pinInput = dialog.getByLabel('Kiosk PIN');
    await pinInput.fill('12');
    await dialog.getByRole('button', { name: 'Create athlete' }).click();

    // Each message is tied to its field (aria-describedby), and focus goes to the first wrong one.
    await expect(nameInput).toHaveAttribute('aria-invalid', 'true');
    await expect(nameInput).toHaveAccessibleDescription('Name is required');
    await expect(bodyweight).toHaveAttribute('aria-invalid', 'true');
    await expect(bodyweight).toHaveAccessibleDescription('Bodyweight must be at least 20 kg (44 lb)');
    await expect(pinInput).toHaveAttribute('aria-invalid', 'true');
    await expect(pinInput).toHaveAccessibleDescription('PIN must be 4 to 8 digits');
    await expect(nameInput).toBeFocused();
    await expect(dialog).toBeVisible();
    await namedScreenshot('athletes-dialog-errors-1440x900-light');

    // A name alone fixes only its own field; the others still refuse.
    await nameInput.fill(name);
    await expect(nameInput).not.toHaveAttribute('aria-invalid');
    await dialog.getByRole('button', { name: 'Create athlete' }).click();
    await expect(bodyweight).toHaveAccessibleDescription('Bodyweight must be at least 20 kg (44 lb)');
    await expect(pinInput).toHaveAccessibleDescription('PIN must be 4 to 8 digits');
    await expect(dialog).toBeVisible();

    // While the PIN is being typed, its own Cancel is named apart from the dialog's.
    await expect(dialog.getByRole('button', { name: 'Cancel setting a PIN' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expectRosterWithout(page, name);
    await page.reload();
    await expectRosterWithout(page, name);
  });

  test('edits an athlete’s name and bodyweight', async ({ page, openApp }) => {
    const before = uniqueName('Brian Shaw');
    const after = uniqueName('Brian Shaw Jr');
    await openRoster(page, openApp);
    await addAthlete(page, { name: before, bodyweight: '180' });
    await expect(rosterRow(page, before).getByRole('cell').nth(2)).toHaveText('180 kg');

    await page.getByRole('button', { name: `Edit ${before}` }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${before}` });
    await expect(dialog.getByLabel('Bodyweight')).toHaveValue('180');
    await dialog.getByLabel('Name', { exact: true }).fill(after);
    await dialog.getByLabel('Bodyweight').fill('176.4');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`Saved ${after}`)).toBeVisible();

    await expect(rosterRow(page, after).getByRole('cell').nth(2)).toHaveText('176.4 kg');
    await expect(rosterRow(page, before)).toHaveCount(0);
    await page.reload();
    await expect(rosterRow(page, after).getByRole('cell').nth(2)).toHaveText('176.4 kg');
  });

  test('a dialog opened straight after another closes starts from the athlete’s saved values', async ({
    page,
    openApp,
  }) => {
    const name = uniqueName('Quinn Quick');
    await openRoster(page, openApp);
    await addAthlete(page, { name, bodyweight: '75' });

    await page.getByRole('button', { name: 'Add athlete' }).click();
    const addDialog = page.getByRole('dialog', { name: 'Add athlete' });
    await addDialog.getByLabel('Name', { exact: true }).fill('Left Behind');
    await addDialog.getByLabel('Bodyweight').fill('5');
    await addDialog.getByRole('button', { name: 'Create athlete' }).click();
    await expect(addDialog.getByLabel('Bodyweight')).toHaveAttribute('aria-invalid', 'true');
    // No waiting for the closing dialog to fade out before the next one opens.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: `Edit ${name}` }).click();
    const editDialog = page.getByRole('dialog', { name: `Edit ${name}` });
    await expect(editDialog.getByLabel('Name', { exact: true })).toHaveValue(name);
    await expect(editDialog.getByLabel('Bodyweight')).toHaveValue('75');
    await expect(editDialog.getByLabel('Bodyweight')).not.toHaveAttribute('aria-invalid');
    await editDialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(editDialog).toBeHidden();
  });

  test('search narrows the roster and survives a reload', async ({ page, openApp }) => {
    const tag = Math.random().toString(36).slice(2, 7);
    const zelda = `Zelda Search${tag}`;
    const yusuf = `Yusuf Search${tag}`;
    await openRoster(page, openApp);
    await addAthlete(page, { name: zelda });
    await addAthlete(page, { name: yusuf });

    const search = page.getByLabel('Search athletes');
    await search.fill(`zelda search${tag}`);
    await expect(rosterRow(page, zelda)).toBeVisible();
    await expect(rosterRow(page, yusuf)).toHaveCount(0);
    await expect(page.getByText(`1 athlete matching “zelda search${tag}”`)).toBeVisible();

    await search.fill(`search${tag}`);
    await expect(rosterRow(page, zelda)).toBeVisible();
    await expect(rosterRow(page, yusuf)).toBeVisible();

    await search.fill(`yusuf search${tag}`);
    await expect(rosterRow(page, zelda)).toHaveCount(0);
    await page.reload();
    await expect(page.getByLabel('Search athletes')).toHaveValue(`yusuf search${tag}`);
    await expect(rosterRow(page, yusuf)).toBeVisible();
    await expect(rosterRow(page, zelda)).toHaveCount(0);

    await page.getByLabel('Search athletes').fill('');
    await expect(rosterRow(page, zelda)).toBeVisible();
    await expect(rosterRow(page, yusuf)).toBeVisible();
  });

  test('archiving hides an athlete, Undo brings them back, and "Show archived" lists them to restore', async ({
    page,
    openApp,
  }) => {
    const name = uniqueName('Arnold Archive');
    await openRoster(page, openApp);
    await addAthlete(page, { name });
    const row = rosterRow(page, name);

    await page.getByRole('button', { name: `Archive ${name}` }).click();
    await expect(row).toHaveCount(0);
    const toast = page.getByText(`Archived ${name}`);
    await expect(toast).toBeVisible();
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(row).toBeVisible();
    await expect(row).not.toContainText('Archived');

    await page.getByRole('button', { name: `Archive ${name}` }).click();
    await expect(row).toHaveCount(0);
    const showArchived = page.getByLabel('Show archived');
    await showArchived.check();
    await expect(page).toHaveURL(/[?&]archived=1\b/);
    await expect(row).toBeVisible();
    await expect(row).toContainText('Archived');
    await expect(page.getByRole('button', { name: `Make ${name} current` })).toHaveCount(0);

    await page.getByRole('button', { name: `Restore ${name}` }).click();
    await expect(page.getByText(`Restored ${name}`)).toBeVisible();
    await expect(row).not.toContainText('Archived');
    await expect(page.getByRole('button', { name: `Archive ${name}` })).toBeVisible();
    await showArchived.uncheck();
    await expect(page).not.toHaveURL(/[?&]archived=/);
    await expect(row).toBeVisible();
  });

  test('the current athlete is picked in the frame and survives a reload', async ({ page, openApp }) => {
    const name = uniqueName('Cora Current');
    await openRoster(page, openApp);
    await addAthlete(page, { name });

    await page.getByRole('button', { name: /Current athlete/ }).click();
    await page.getByLabel('Find an athlete').fill(name);
    await page.getByRole('option', { name: new RegExp(`^${escapeRegExp(name)}`) }).click();
    await expect(page.getByRole('button', { name: `Current athlete: ${name}` })).toBeVisible();
    await expect(rosterRow(page, name)).toContainText('Current');

    await page.reload();
    await expect(page.getByRole('button', { name: `Current athlete: ${name}` })).toBeVisible();
    await expect(rosterRow(page, name)).toContainText('Current');
  });

  test('roster and dialog at 1920×1080 in dark', async ({ page, openApp, namedScreenshot }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    // The theme preference defaults to "auto", which follows the system's colour scheme.
    await page.emulateMedia({ colorScheme: 'dark' });
    await openRoster(page, openApp);
    await addAthlete(page, { name: uniqueName('Dana Dark'), bodyweight: '61.2' });
    await expect(page.locator('body')).toHaveClass(/\bbp6-dark\b/);
    await namedScreenshot('athletes-roster-1920x1080-dark');

    await page.getByRole('button', { name: 'Add athlete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add athlete' });
    await dialog.getByLabel('Bodyweight').fill('12');
    await dialog.getByRole('button', { name: 'Create athlete' }).click();
    await expect(dialog.getByLabel('Name', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await namedScreenshot('athletes-dialog-errors-1920x1080-dark');
  });
});
