/**
 * The template journeys: a coach builds a workout from the library's exercises with their
 * prescriptions, reorders it by mouse and by keyboard, groups a superset, is refused a bad value
 * beside its field without losing anything, finds it all after a reload, and looks after the
 * library (search, tags, duplicate, archive, delete with Undo); loads follow the unit preference.
 *
 * Every spec in a worker shares one database, so templates get names of their own; the unit and
 * theme preferences are put back after each test.
 */
import { expect, test } from './support/fixtures';
import {
  addExercise,
  createTemplate,
  editor,
  exerciseOrder,
  exerciseRow,
  expectSaved,
  field,
  openLibrary,
  setPreference,
  templateRow,
  templateTable,
  toast,
  uniqueName,
} from './support/templates';

test.afterEach(async ({ page }) => {
  if (!page.url().startsWith('http')) return;
  await setPreference(page, 'Weight unit', 'kg');
  await setPreference(page, 'Theme', 'auto');
});

test.describe('building a template', () => {
  test('three exercises from the picker with 5 × 5 @ 80 %, 3 × 8–12 @ RPE 8 and 90 s rest, and a top set with back-offs; all there after a reload', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const name = uniqueName('Lower A');
    await openLibrary(page, openApp);
    await createTemplate(page, name, ['legs', 'strength']);
    await expect(editor(page).getByText('Type a name below and press Enter')).toBeVisible();

    const squat = await addExercise(page, 'Barbell Back Squat');
    await field(squat, 'Sets').fill('5');
    await field(squat, 'Reps').fill('5');
    await field(squat, '%1RM').fill('80');

    const bench = await addExercise(page, 'Barbell Bench Press');
    await field(bench, 'Sets').fill('3');
    await field(bench, 'Reps').fill('8-12');
    await field(bench, 'RPE').fill('8');
    await field(bench, 'Rest').fill('90');
    await field(bench, 'Tempo').fill('31x0');
    await field(bench, 'Notes').fill('Pause the first rep');

    const deadlift = await addExercise(page, 'Romanian Deadlift');
    await field(deadlift, 'Reps').fill('5');
    await field(deadlift, '%1RM').fill('85');
    await field(deadlift, 'RPE').fill('8');
    await deadlift.getByRole('button', { name: 'Actions for Romanian Deadlift' }).click();
    await page.getByRole('menuitem', { name: 'Top set + 3 back-offs at −10 %' }).click();
    await expect(field(deadlift, 'Sets')).toHaveValue('4');
    await expect(deadlift.getByRole('checkbox', { name: 'Sets differ' })).toBeChecked();
    await expect(field(deadlift, 'Set 1 %1RM')).toHaveValue('85');
    await expect(field(deadlift, 'Set 2 %1RM')).toHaveValue('76.5');
    await expect(field(deadlift, 'Set 4 %1RM')).toHaveValue('76.5');
    // The first back-off becomes a drop set.
    await field(deadlift, 'Set 4 type').selectOption('drop');
    // Back to one prescription merges the rows; Undo brings them back.
    await deadlift.getByRole('checkbox', { name: 'Sets differ' }).uncheck();
    await expect(field(deadlift, 'Set 1 %1RM')).toHaveCount(0);
    await expect(field(deadlift, '%1RM')).toHaveValue('85');
    await toast(page, 'Romanian Deadlift: every set alike again')
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect(field(deadlift, 'Set 4 type')).toHaveValue('drop');
    await expectSaved(page);
    await expect(editor(page).getByText('3 exercises · 12 sets')).toBeVisible();
    await namedScreenshot('templates-editor-built-1440x900-light');

    await page.reload();
    const row = (label: string) => exerciseRow(page, label);
    await expect(exerciseOrder(page)).toHaveText([
      'Barbell Back Squat',
      'Barbell Bench Press',
      'Romanian Deadlift',
    ]);
    await expect(editor(page).getByLabel('Template name', { exact: true })).toHaveValue(name);
    await expect(field(row('Barbell Back Squat'), 'Sets')).toHaveValue('5');
    await expect(field(row('Barbell Back Squat'), 'Reps')).toHaveValue('5');
    await expect(field(row('Barbell Back Squat'), '%1RM')).toHaveValue('80');
    await expect(field(row('Barbell Bench Press'), 'Reps')).toHaveValue('8–12');
    await expect(field(row('Barbell Bench Press'), 'RPE')).toHaveValue('8');
    await expect(field(row('Barbell Bench Press'), 'Rest')).toHaveValue('1:30');
    await expect(field(row('Barbell Bench Press'), 'Tempo')).toHaveValue('31X0');
    await expect(field(row('Barbell Bench Press'), 'Notes')).toHaveValue('Pause the first rep');
    await expect(field(row('Romanian Deadlift'), 'Set 1 RPE')).toHaveValue('8');
    await expect(field(row('Romanian Deadlift'), 'Set 3 %1RM')).toHaveValue('76.5');
    await expect(field(row('Romanian Deadlift'), 'Set 4 type')).toHaveValue('drop');
    await expect(templateRow(page, name)).toContainText('legs');
    await expect(templateRow(page, name)).toContainText('strength');
  });

  test('reorders by mouse, by keyboard and from the menu, says where each went, and groups a superset', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    await openLibrary(page, openApp);
    await createTemplate(page, uniqueName('Upper B'));
    await addExercise(page, 'Barbell Bench Press');
    await addExercise(page, 'Barbell Bent-Over Row');
    await addExercise(page, 'Barbell Overhead Press');
    await expectSaved(page);
    await expect(exerciseOrder(page)).toHaveText([
      'Barbell Bench Press',
      'Barbell Bent-Over Row',
      'Barbell Overhead Press',
    ]);

    // Mouse: the last exercise's handle dragged above the first.
    const handle = page.getByRole('button', { name: 'Reorder Barbell Overhead Press' });
    const first = page.getByRole('button', { name: 'Reorder Barbell Bench Press' });
    const from = (await handle.boundingBox())!;
    const to = (await first.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2, from.y - 8, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2 - 6, { steps: 12 });
    await page.mouse.up();
    await expect(exerciseOrder(page)).toHaveText([
      'Barbell Overhead Press',
      'Barbell Bench Press',
      'Barbell Bent-Over Row',
    ]);
    await expect(page.getByText('Moved Barbell Overhead Press to position 1 of 3.')).toBeAttached();

    // Keyboard: pick the row up with Space on its handle, move it with an arrow, drop it.
    const rowHandle = page.getByRole('button', { name: 'Reorder Barbell Bent-Over Row' });
    await rowHandle.focus();
    await page.keyboard.press('Space');
    await expect(page.getByText('Picked up Barbell Bent-Over Row, at position 3 of 3.')).toBeAttached();
    await page.keyboard.press('ArrowUp');
    await expect(page.getByText('Barbell Bent-Over Row is over position 2 of 3.')).toBeAttached();
    await page.keyboard.press('Space');
    await expect(exerciseOrder(page)).toHaveText([
      'Barbell Overhead Press',
      'Barbell Bent-Over Row',
      'Barbell Bench Press',
    ]);
    await expect(page.getByText('Moved Barbell Bent-Over Row to position 2 of 3.')).toBeAttached();

    // The menu: Move down, announced, focus back on the moved row's Actions.
    await exerciseRow(page, 'Barbell Overhead Press')
      .getByRole('button', { name: 'Actions for Barbell Overhead Press' })
      .click();
    await page.getByRole('menuitem', { name: 'Move down' }).click();
    await expect(exerciseOrder(page)).toHaveText([
      'Barbell Bent-Over Row',
      'Barbell Overhead Press',
      'Barbell Bench Press',
    ]);
    await expect(page.getByText('Moved Barbell Overhead Press to position 2 of 3.')).toBeAttached();
    await expect(page.getByRole('button', { name: 'Actions for Barbell Overhead Press' })).toBeFocused();

    // A superset: the row and the next one share a letter, drawn joined under "Superset A".
    await exerciseRow(page, 'Barbell Overhead Press')
      .getByRole('button', { name: 'Actions for Barbell Overhead Press' })
      .click();
    await page.getByRole('menuitem', { name: 'Superset with next' }).click();
    await expect(editor(page).getByText('Superset A', { exact: true })).toBeVisible();
    await expect(field(exerciseRow(page, 'Barbell Overhead Press'), 'Superset group')).toHaveValue('A');
    await expect(field(exerciseRow(page, 'Barbell Bench Press'), 'Superset group')).toHaveValue('A');
    await expect(exerciseRow(page, 'Barbell Overhead Press')).toContainText('A1');
    await expect(exerciseRow(page, 'Barbell Bench Press')).toContainText('A2');
    // And one by its group field.
    await field(exerciseRow(page, 'Barbell Bent-Over Row'), 'Superset group').selectOption('B');
    await expectSaved(page);
    await namedScreenshot('templates-editor-superset-1440x900-light');

    await page.reload();
    await expect(exerciseOrder(page)).toHaveText([
      'Barbell Bent-Over Row',
      'Barbell Overhead Press',
      'Barbell Bench Press',
    ]);
    await expect(editor(page).getByText('Superset A', { exact: true })).toBeVisible();
    await expect(field(exerciseRow(page, 'Barbell Bent-Over Row'), 'Superset group')).toHaveValue('B');

    // Removing is undone from its toast.
    await exerciseRow(page, 'Barbell Overhead Press')
      .getByRole('button', { name: 'Remove Barbell Overhead Press' })
      .click();
    await expect(exerciseOrder(page)).toHaveText(['Barbell Bent-Over Row', 'Barbell Bench Press']);
    await toast(page, 'Removed Barbell Overhead Press').getByRole('button', { name: 'Undo' }).click();
    await expect(exerciseOrder(page)).toHaveText([
      'Barbell Bent-Over Row',
      'Barbell Overhead Press',
      'Barbell Bench Press',
    ]);
    await expectSaved(page);
    await page.reload();
    await expect(exerciseOrder(page)).toHaveText([
      'Barbell Bent-Over Row',
      'Barbell Overhead Press',
      'Barbell Bench Press',
    ]);
    await expect(field(exerciseRow(page, 'Barbell Overhead Press'), 'Superset group')).toHaveValue('A');
  });

  test('an RPE of 11 and a range of 12–8 are refused beside their fields; the rest saves and nothing typed is lost', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    await openLibrary(page, openApp);
    await createTemplate(page, uniqueName('Push C'));
    const bench = await addExercise(page, 'Barbell Bench Press');
    await field(bench, 'Reps').fill('8');
    await field(bench, 'RPE').fill('8');
    const squat = await addExercise(page, 'Barbell Back Squat');
    await field(squat, 'Sets').fill('5');
    await expectSaved(page);

    const rpe = field(bench, 'RPE');
    await rpe.fill('11');
    await expect(rpe).toHaveAttribute('aria-invalid', 'true');
    await expect(rpe).toHaveAccessibleDescription('RPE must be between 1 and 10, in half steps');
    const reps = field(bench, 'Reps');
    await reps.fill('12-8');
    await expect(reps).toHaveAccessibleDescription(
      'The rep range 12–8 runs backwards: put the smaller number first',
    );
    const load = field(bench, '%1RM');
    await load.fill('250');
    await expect(load).toHaveAccessibleDescription('%1RM must be between 1 and 100');

    // Another exercise's change still saves while these wait to be fixed.
    await field(squat, 'Sets').fill('4');
    await expect(editor(page).getByText('Fix the marked values to save them')).toBeVisible();
    await expect(rpe).toHaveValue('11');
    await expect(reps).toHaveValue('12–8');
    await namedScreenshot('templates-editor-refused-1440x900-light');

    // Fixing one value saves it; the other stays marked.
    await load.fill('75');
    await expect(load).not.toHaveAttribute('aria-invalid');
    await expect(editor(page).getByText('Fix the marked values to save them')).toBeVisible();

    await page.reload();
    await expect(field(exerciseRow(page, 'Barbell Bench Press'), 'RPE')).toHaveValue('8');
    await expect(field(exerciseRow(page, 'Barbell Bench Press'), 'Reps')).toHaveValue('8');
    await expect(field(exerciseRow(page, 'Barbell Bench Press'), '%1RM')).toHaveValue('75');
    await expect(field(exerciseRow(page, 'Barbell Back Squat'), 'Sets')).toHaveValue('4');
    await expect(field(exerciseRow(page, 'Barbell Bench Press'), 'RPE')).not.toHaveAttribute('aria-invalid');
  });

  test('an empty name is refused beside the field and the stored name stays', async ({ page, openApp }) => {
    const name = uniqueName('Named');
    await openLibrary(page, openApp);
    // "n" makes a template and puts the cursor in its name.
    await page.keyboard.press('n');
    const nameInput = editor(page).getByLabel('Template name', { exact: true });
    await expect(nameInput).toBeFocused();
    await expect(nameInput).toHaveValue(/^New template( \d+)?$/);
    await nameInput.fill(name);
    await nameInput.press('Enter');
    await expectSaved(page);
    await expect(templateRow(page, name)).toBeVisible();
    await nameInput.fill('');
    await expect(nameInput).toHaveAccessibleDescription('Name is required');
    await page.reload();
    await expect(editor(page).getByLabel('Template name', { exact: true })).toHaveValue(name);
  });
});

test.describe('the template library', () => {
  test('searches, filters by tag, duplicates, archives with Undo and deletes with Undo', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const prefix = uniqueName('Lib');
    const pull = `${prefix} Pull`;
    const push = `${prefix} Push`;
    await openLibrary(page, openApp);
    await createTemplate(page, pull, ['pull', 'hypertrophy']);
    await addExercise(page, 'Barbell Bent-Over Row');
    await expectSaved(page);
    await createTemplate(page, push, ['push', 'hypertrophy']);

    // Search ("/" goes to it) narrows to this test's two; the tag filter to one of them.
    await templateTable(page).getByRole('columnheader', { name: 'Name' }).click();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search templates' })).toBeFocused();
    await page.keyboard.type(prefix);
    await expect(templateTable(page).getByRole('row')).toHaveCount(3);
    const pullTag = page
      .getByRole('group', { name: 'Filter by tag' })
      .getByRole('button', { name: /^pull\b/ });
    await pullTag.click();
    await expect(pullTag).toHaveAttribute('aria-pressed', 'true');
    await expect(templateRow(page, pull)).toBeVisible();
    await expect(templateRow(page, push)).toHaveCount(0);
    await pullTag.click();
    await expect(templateRow(page, push)).toBeVisible();
    await namedScreenshot('templates-library-search-1440x900-light');

    // Duplicate: the copy opens, with the exercises.
    await page.getByRole('button', { name: `Duplicate ${pull}` }).click();
    await expect(page.getByText(/^Duplicated as “/)).toBeVisible();
    await expect(templateTable(page).getByRole('row')).toHaveCount(4);
    const copyName = await editor(page).getByLabel('Template name', { exact: true }).inputValue();
    expect(copyName).not.toBe(pull);
    expect(copyName.startsWith(pull)).toBe(true);
    await expect(exerciseOrder(page)).toHaveText(['Barbell Bent-Over Row']);

    // Archive hides it; Undo brings it back.
    await page.getByRole('button', { name: `Archive ${push}` }).click();
    const archived = toast(page, `Archived “${push}”`);
    await expect(archived).toBeVisible();
    await expect(templateRow(page, push)).toHaveCount(0);
    await archived.getByRole('button', { name: 'Undo' }).click();
    await expect(templateRow(page, push)).toBeVisible();
    // Shown again with "Show archived" after archiving for good.
    await page.getByRole('button', { name: `Archive ${push}` }).click();
    await expect(templateRow(page, push)).toHaveCount(0);
    await page.getByRole('checkbox', { name: 'Show archived' }).check();
    await expect(templateRow(page, push)).toContainText('Archived');
    await page.getByRole('button', { name: `Restore ${push}` }).click();
    await expect(templateRow(page, push)).not.toContainText('Archived');

    // Delete, Undo, delete again: gone after a reload.
    await page.getByRole('button', { name: `Delete ${copyName}` }).click();
    const deleted = toast(page, `Deleted “${copyName}”`);
    await expect(deleted).toBeVisible();
    await expect(templateRow(page, copyName)).toHaveCount(0);
    await deleted.getByRole('button', { name: 'Undo' }).click();
    await expect(templateRow(page, copyName)).toBeVisible();
    await templateRow(page, copyName).focus();
    await page.keyboard.press('Delete');
    await expect(templateRow(page, copyName)).toHaveCount(0);
    await page.reload();
    await expect(templateRow(page, pull)).toBeVisible();
    await expect(templateRow(page, copyName)).toHaveCount(0);
  });

  test('loads follow the unit preference: typed in pounds, stored in kilograms, shown in either', async ({
    page,
    openApp,
  }) => {
    await openLibrary(page, openApp);
    await createTemplate(page, uniqueName('Units'));
    const press = await addExercise(page, 'Barbell Overhead Press');
    await field(press, 'Load as').selectOption('weight');
    await field(press, 'Load (kg)').fill('60');
    await expectSaved(page);
    const url = page.url();

    await setPreference(page, 'Weight unit', 'lb');
    await page.goto(url);
    const row = exerciseRow(page, 'Barbell Overhead Press');
    await expect(field(row, 'Load (lb)')).toHaveValue('132.3');
    await field(row, 'Load (lb)').fill('135');
    await expectSaved(page);
    await page.reload();
    await expect(field(exerciseRow(page, 'Barbell Overhead Press'), 'Load (lb)')).toHaveValue('135');

    await setPreference(page, 'Weight unit', 'kg');
    await page.goto(url);
    await expect(field(exerciseRow(page, 'Barbell Overhead Press'), 'Load (kg)')).toHaveValue('61.2');
  });
});
