/**
 * The exercise library journeys: a coach searches (with a typo), filters by muscle and equipment,
 * stars favorites, creates, edits, deletes (with Undo) a custom exercise, and duplicates a read-only
 * catalogue one.
 *
 * Every spec in a worker shares one database (the import spec may already have added ~800 exercises),
 * so totals are compared with themselves before and after, never with fixed numbers; custom
 * exercises get names of their own; a catalogue favorite is starred and unstarred in one test, and
 * the theme is put back after the dark screenshots.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

/** A name no other test (or an earlier run on the same host) uses. */
function uniqueName(base: string): string {
  return `${base} ${test.info().testId.slice(0, 6)}${Math.random().toString(36).slice(2, 6)}`;
}

async function openLibrary(page: Page, openApp: (path?: string) => Promise<void>) {
  await openApp('/#/exercises');
  await expect(page.getByRole('heading', { name: 'Exercises', level: 1 })).toBeVisible();
  await totalShown(page);
}

function exerciseTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Exercises' });
}

/** The table's body rows (the header row has column headers, not cells). */
function bodyRows(page: Page): Locator {
  return exerciseTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell') });
}

/** The row of one exercise, found by the button that carries its name. */
function exerciseRow(page: Page, name: string): Locator {
  return bodyRows(page).filter({ has: page.getByRole('button', { name, exact: true }) });
}

function detailsPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Exercise details' });
}

function filterPanel(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Exercise filters' });
}

/** The total in the list's status line ("348 exercises" or "Showing 100 of 1143 exercises"). */
async function totalShown(page: Page): Promise<number> {
  const status = page.getByRole('region', { name: 'Exercise list' }).getByRole('status');
  await expect(status).toHaveText(/\d+ exercises?$/);
  // Not the previous results, still shown (dimmed) while the new ones load.
  const busyTable = page.getByRole('table', { name: 'Exercises' }).and(page.locator('[aria-busy="true"]'));
  await expect(busyTable).toHaveCount(0);
  const text = (await status.textContent()) ?? '';
  return Number(/(\d+) exercises?$/.exec(text)?.[1]);
}

/** Waits until the list has caught up with a filter change (its total moves away from `before`). */
async function totalAfterChange(page: Page, before: number): Promise<number> {
  await expect.poll(() => totalShown(page)).not.toBe(before);
  return totalShown(page);
}

/** Types into the search box (the suggestions open). */
async function search(page: Page, text: string) {
  const box = page.getByRole('combobox', { name: 'Search exercises' });
  await box.fill(text);
  return box;
}

/** Searches the list at once: Enter with no suggestion active searches and closes the suggestions. */
async function searchList(page: Page, text: string) {
  const box = await search(page, text);
  await box.press('Enter');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
}

/** Picks a muscle in one of the dialog's muscle fields and closes its list. */
async function pickMuscle(dialog: Locator, field: string, muscle: string) {
  const input = dialog.getByLabel(field);
  await input.fill(muscle.slice(0, 3).toLowerCase());
  const list = dialog
    .page()
    .getByRole('listbox')
    .filter({ has: dialog.page().getByRole('option', { name: muscle }) });
  await list.getByRole('option', { name: muscle, exact: true }).click();
  await input.press('Escape');
  await expect(list).toBeHidden();
  await expect(dialog).toBeVisible();
}

test.describe('exercise library', () => {
  test('a search with a typo still finds the bench press, and picking it shows how to do it', async ({
    page,
    openApp,
  }) => {
    await openLibrary(page, openApp);
    const box = await search(page, 'benchpres');

    const suggestions = page.getByRole('listbox', { name: 'Matching exercises' });
    await expect(suggestions).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    const benchPress = suggestions
      .getByRole('option')
      .filter({ has: page.getByText('Barbell Bench Press', { exact: true }) });
    await expect(benchPress).toHaveCount(1);
    // The list below filters by the same text.
    await expect(exerciseRow(page, 'Barbell Bench Press')).toBeVisible();

    await benchPress.click();
    await expect(suggestions).toBeHidden();
    await expect(box).toHaveValue('Barbell Bench Press');
    const details = detailsPanel(page);
    await expect(details.getByRole('heading', { name: 'Barbell Bench Press' })).toBeVisible();
    await expect(details.getByRole('heading', { name: 'Instructions' })).toBeVisible();
    const steps = details.getByRole('list').getByRole('listitem');
    await expect(steps.first()).toBeVisible();
    expect(await steps.count()).toBeGreaterThan(1);
    await expect(
      exerciseRow(page, 'Barbell Bench Press').getByRole('button', {
        name: 'Barbell Bench Press',
        exact: true,
      }),
    ).toHaveAttribute('aria-current', 'true');

    // Typing on keeps the suggestions open and in step with the text.
    await search(page, 'squa');
    await expect(suggestions).toBeVisible();
    await box.press('t');
    await expect(box).toHaveValue('squat');
    await expect(suggestions.getByRole('option').first()).toContainText(/squat/i);
    for (const name of await suggestions.getByRole('option').allTextContents()) {
      expect(name).toMatch(/squat/i);
    }
    // A click elsewhere closes them.
    await page.getByRole('heading', { name: 'Exercises', level: 1 }).click();
    await expect(suggestions).toBeHidden();
    // The best matches lead the list.
    await expect(bodyRows(page).first()).toContainText(/squat/i);
    const firstNames = await bodyRows(page).getByRole('button', { name: /squat/i }).count();
    expect(firstNames).toBeGreaterThanOrEqual(10);
  });

  test('filters narrow by primary muscle and equipment, widen to secondary muscles, and clear', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    await openLibrary(page, openApp);
    const filters = filterPanel(page);
    const everything = await totalShown(page);

    await filters.getByRole('checkbox', { name: /^Chest\b/ }).check();
    const chest = await totalAfterChange(page, everything);
    expect(chest).toBeLessThan(everything);
    // Every row names chest among its primary muscles (the cell's title lists them all).
    const rowCount = await bodyRows(page).count();
    expect(rowCount).toBeGreaterThan(0);
    for (let index = 0; index < rowCount; index += 1) {
      const primaryMuscles = bodyRows(page).nth(index).getByRole('cell').nth(2).locator('[title]');
      await expect(primaryMuscles).toHaveAttribute('title', /\bChest\b/);
    }

    await filters.getByRole('checkbox', { name: /^Barbell\b/ }).check();
    const chestBarbell = await totalAfterChange(page, chest);
    expect(chestBarbell).toBeLessThan(chest);
    expect(chestBarbell).toBeGreaterThan(0);
    const equipmentCells = await bodyRows(page).evaluateAll((rows) =>
      rows.map((row) => row.querySelectorAll('td')[3]?.textContent?.trim()),
    );
    expect(equipmentCells.length).toBe(Math.min(chestBarbell, 100));
    expect(new Set(equipmentCells)).toEqual(new Set(['Barbell']));

    const matchMuscles = filters.getByRole('radiogroup', { name: 'Match muscles' });
    await expect(matchMuscles.getByRole('radio', { name: 'Primary only' })).toBeChecked();
    await matchMuscles.getByRole('radio', { name: 'Primary or secondary' }).check();
    const widened = await totalAfterChange(page, chestBarbell);
    expect(widened).toBeGreaterThan(chestBarbell);
    await namedScreenshot('exercises-filtered-chest-barbell');

    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => totalShown(page)).toBe(everything);
    await expect(filters.getByRole('checkbox', { name: /^Chest\b/ })).not.toBeChecked();
    await expect(filters.getByRole('checkbox', { name: /^Barbell\b/ })).not.toBeChecked();
    await expect(filters.getByRole('button', { name: 'Clear filters' })).toBeDisabled();

    // No exercise trains the neck as a primary muscle with a barbell, in our catalogue or in
    // free-exercise-db.
    await matchMuscles.getByRole('radio', { name: 'Primary only' }).check();
    await filters.getByRole('checkbox', { name: /^Neck\b/ }).check();
    await filters.getByRole('checkbox', { name: /^Barbell\b/ }).check();
    const results = page.getByRole('region', { name: 'Exercise list' });
    await expect(results.getByRole('heading', { name: 'No exercises match' })).toBeVisible();
    await expect(exerciseTable(page)).toHaveCount(0);
    await namedScreenshot('exercises-no-match');
    await results.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => totalShown(page)).toBe(everything);
    await expect(filters.getByRole('checkbox', { name: /^Neck\b/ })).not.toBeChecked();
  });

  test('a starred exercise shows under "Favorites only" until it is unstarred', async ({ page, openApp }) => {
    const name = 'Zercher Squat';
    await openLibrary(page, openApp);
    await searchList(page, name);
    const row = exerciseRow(page, name);
    await row.getByRole('button', { name: `Add ${name} to favorites` }).click();
    await expect(row.getByRole('button', { name: `Remove ${name} from favorites` })).toBeVisible();

    // Clear the search so only the favorites filter decides.
    await searchList(page, '');
    const everything = await totalShown(page);
    const favoritesOnly = filterPanel(page).getByRole('checkbox', { name: /Favorites only/ });
    await favoritesOnly.check();
    await totalAfterChange(page, everything);
    await expect(exerciseRow(page, name)).toBeVisible();

    await exerciseRow(page, name)
      .getByRole('button', { name: `Remove ${name} from favorites` })
      .click();
    await expect(exerciseRow(page, name)).toHaveCount(0);
    // Still gone once the page is read afresh.
    await page.reload();
    await expect(favoritesOnly).toBeChecked();
    await expect(
      page
        .getByRole('heading', { name: 'No exercises match' })
        .or(page.getByRole('region', { name: 'Exercise list' }).getByRole('status')),
    ).toBeVisible();
    await expect(exerciseRow(page, name)).toHaveCount(0);
  });

  test('a custom exercise is created, renamed, deleted with Undo, and deleted for good', async ({
    page,
    openApp,
  }) => {
    const name = uniqueName('Tempo Floor Press');
    const renamed = uniqueName('Paused Floor Press');
    await openLibrary(page, openApp);

    await page.getByRole('button', { name: 'New exercise' }).click();
    const dialog = page.getByRole('dialog', { name: 'New exercise' });
    await dialog.getByLabel('Name').fill(name);
    await pickMuscle(dialog, 'Primary muscles', 'Chest');
    await pickMuscle(dialog, 'Secondary muscles', 'Triceps');
    await dialog.getByLabel('Equipment').selectOption('barbell');
    await dialog.getByLabel('Level').selectOption('intermediate');
    await dialog.getByLabel('Mechanic').selectOption('compound');
    await dialog.getByLabel('Force').selectOption('push');
    await dialog
      .getByLabel('Instructions')
      .fill(
        'Lie on the floor under a racked bar.\nLower until the upper arms touch the floor, pause.\nPress up.',
      );
    await dialog.getByRole('button', { name: 'Create exercise' }).click();
    await expect(dialog).toBeHidden();

    // The new exercise is selected, with what was typed.
    const details = detailsPanel(page);
    await expect(details.getByRole('heading', { name })).toBeVisible();
    await expect(details.getByText('Custom', { exact: true })).toBeVisible();
    await expect(details.getByRole('listitem')).toHaveText([
      'Lie on the floor under a racked bar.',
      'Lower until the upper arms touch the floor, pause.',
      'Press up.',
    ]);

    await searchList(page, name);
    await expect(exerciseRow(page, name)).toBeVisible();
    await expect(exerciseRow(page, name)).toContainText('Chest');
    await expect(exerciseRow(page, name)).toContainText('Barbell');
    await page.getByRole('combobox', { name: 'Search exercises' }).fill('');
    await filterPanel(page)
      .getByRole('checkbox', { name: /My exercises only/ })
      .check();
    await expect(exerciseRow(page, name)).toBeVisible();
    await expect(bodyRows(page).getByText('Catalogue', { exact: true })).toHaveCount(0);

    // Rename.
    await exerciseRow(page, name).getByRole('button', { name, exact: true }).click();
    await details.getByRole('button', { name: 'Edit exercise' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit exercise' });
    await expect(editDialog.getByLabel('Name')).toHaveValue(name);
    await editDialog.getByLabel('Name').fill(renamed);
    await editDialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(editDialog).toBeHidden();
    await expect(exerciseRow(page, renamed)).toBeVisible();
    await expect(exerciseRow(page, name)).toHaveCount(0);
    await expect(details.getByRole('heading', { name: renamed })).toBeVisible();

    // Delete, then Undo.
    await details.getByRole('button', { name: 'Delete exercise' }).click();
    await expect(exerciseRow(page, renamed)).toHaveCount(0);
    await expect(details.getByRole('heading', { name: 'No exercise selected' })).toBeVisible();
    const undo = page.getByRole('button', { name: 'Undo' });
    await expect(undo).toBeInViewport();
    await undo.click();
    await expect(exerciseRow(page, renamed)).toBeVisible();
    await expect(details.getByRole('heading', { name: renamed })).toBeVisible();

    // Delete for good: still gone after a reload.
    await details.getByRole('button', { name: 'Delete exercise' }).click();
    await expect(exerciseRow(page, renamed)).toHaveCount(0);
    await page.reload();
    await expect(filterPanel(page).getByRole('checkbox', { name: /My exercises only/ })).toBeChecked();
    await expect(
      page
        .getByRole('heading', { name: 'No exercises match' })
        .or(page.getByRole('region', { name: 'Exercise list' }).getByRole('status')),
    ).toBeVisible();
    await expect(exerciseRow(page, renamed)).toHaveCount(0);
    await searchList(page, renamed);
    await expect(
      page.getByRole('heading', { name: 'No exercises match' }).or(exerciseRow(page, renamed)),
    ).toBeVisible();
    await expect(exerciseRow(page, renamed)).toHaveCount(0);
  });

  test('the new-exercise form says beside each field what is wrong and creates nothing', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    await openLibrary(page, openApp);
    const customFilter = filterPanel(page).getByRole('checkbox', { name: /My exercises only/ });
    const customBefore = await customFilter.textContent();

    await page.getByRole('button', { name: 'New exercise' }).click();
    const dialog = page.getByRole('dialog', { name: 'New exercise' });
    await dialog.getByRole('button', { name: 'Create exercise' }).click();
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(dialog.getByLabel('Primary muscles')).toHaveAttribute('aria-invalid', 'true');
    const errors = dialog.getByRole('alert');
    await expect(errors).toHaveCount(2);
    await expect(errors.first()).toContainText(/name/i);
    await expect(errors.nth(1)).toContainText(/primary muscle/i);
    // Focus goes to the first field that is wrong.
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await namedScreenshot('exercises-new-dialog-errors');

    // Fixing a field clears its message.
    await pickMuscle(dialog, 'Primary muscles', 'Chest');
    await expect(dialog.getByLabel('Primary muscles')).not.toHaveAttribute('aria-invalid', 'true');
    await expect(errors).toHaveCount(1);

    // A catalogue name is taken: the conflict is shown beside Name.
    await dialog.getByLabel('Name').fill('Barbell Bench Press');
    await dialog.getByRole('button', { name: 'Create exercise' }).click();
    await expect(dialog.getByLabel('Name')).toHaveAttribute('aria-invalid', 'true');
    await expect(errors).toHaveCount(1);
    await expect(errors).toContainText('Barbell Bench Press');
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await namedScreenshot('exercises-new-dialog-name-taken');

    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    // Nothing was created.
    await expect(customFilter).toHaveText(customBefore ?? '');
    await searchList(page, 'Barbell Bench Press');
    await expect(exerciseRow(page, 'Barbell Bench Press')).toHaveCount(1);
  });

  test('catalogue exercises are read-only and can be duplicated as custom', async ({ page, openApp }) => {
    await openLibrary(page, openApp);
    await searchList(page, 'Barbell Front Squat');
    await exerciseRow(page, 'Barbell Front Squat')
      .getByRole('button', { name: 'Barbell Front Squat', exact: true })
      .click();
    const details = detailsPanel(page);
    await expect(details.getByRole('heading', { name: 'Barbell Front Squat' })).toBeVisible();
    await expect(details.getByText('Catalogue', { exact: true })).toBeVisible();
    await expect(details.getByRole('button', { name: 'Edit exercise' })).toHaveCount(0);
    await expect(details.getByRole('button', { name: 'Delete exercise' })).toHaveCount(0);

    await details.getByRole('button', { name: 'Duplicate as custom' }).click();
    const dialog = page.getByRole('dialog', { name: 'Duplicate as custom exercise' });
    await expect(dialog.getByLabel('Name')).toHaveValue('Barbell Front Squat (custom)');
    await expect(dialog.getByLabel('Equipment')).toHaveValue('barbell');
    await expect(dialog.getByLabel('Instructions')).not.toHaveValue('');
    await expect(dialog.getByRole('button', { name: 'Create exercise' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
  });

  test('the library with a search and details, in light and dark, at laptop and desktop sizes', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const showBenchPress = async () => {
      const box = await search(page, 'bench press');
      await page
        .getByRole('listbox', { name: 'Matching exercises' })
        .getByRole('option')
        .filter({ has: page.getByText('Barbell Bench Press', { exact: true }) })
        .click();
      await expect(box).toHaveValue('Barbell Bench Press');
      await expect(detailsPanel(page).getByRole('heading', { name: 'Barbell Bench Press' })).toBeVisible();
      await expect(exerciseRow(page, 'Barbell Bench Press')).toBeVisible();
      await search(page, 'bench press');
      await expect(bodyRows(page).nth(3)).toBeVisible();
      await box.blur();
      // No hover highlight left on the row under the picked suggestion.
      await page.getByRole('heading', { name: 'Exercises', level: 1 }).hover();
    };

    const sizes = [
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ];
    await openLibrary(page, openApp);
    await showBenchPress();
    for (const size of sizes) {
      await page.setViewportSize(size);
      await namedScreenshot(`exercises-library-light-${size.width}x${size.height}`);
    }

    await page.goto('/#/settings');
    const theme = page.getByLabel('Theme');
    await expect(theme).toBeEnabled();
    const themeBefore = await theme.inputValue();
    await theme.selectOption('dark');
    await expect(page.locator('body')).toHaveClass(/bp\d-dark/);
    try {
      await page.goto('/#/exercises');
      await showBenchPress();
      for (const size of sizes) {
        await page.setViewportSize(size);
        await namedScreenshot(`exercises-library-dark-${size.width}x${size.height}`);
      }
    } finally {
      await page.goto('/#/settings');
      await expect(theme).toBeEnabled();
      await theme.selectOption(themeBefore);
      await expect(theme).toHaveValue(themeBefore);
    }
  });
});
