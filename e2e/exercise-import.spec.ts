/**
 * Importing an exercise library file from Settings: a malformed file is rejected as a whole (its
 * problems listed, nothing changed), the real free-exercise-db file adds its exercises once, and a
 * second import of it adds none.
 *
 * The import adds ~800 exercises to the worker's shared database, so the other specs never count
 * the library. This spec compares the library's total with itself before and after; the exact
 * import line assumes no other spec imports free-exercise-db (none does).
 */
import type { Page } from '@playwright/test';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './support/fixtures';

/** The real library file, kept outside the repository. */
const FREE_EXERCISE_DB = resolve(process.cwd(), '..', 'shared', 'data', 'free-exercise-db', 'exercises.json');
/** An exercise in free-exercise-db whose name is not in our catalogue. */
const IMPORTED_ONLY = 'Around The Worlds';

/** Waits until the library shows the results for its current filters (not the previous ones, dimmed). */
async function listSettled(page: Page) {
  const results = page.getByRole('region', { name: 'Exercise list' });
  await expect(
    results.getByRole('heading', { name: 'No exercises match' }).or(results.getByRole('status')),
  ).toHaveText(/No exercises match|\d+ exercises?$/);
  const busyTable = page.getByRole('table', { name: 'Exercises' }).and(page.locator('[aria-busy="true"]'));
  await expect(busyTable).toHaveCount(0);
}

/** Searches the library (Enter searches at once and closes the suggestions). */
async function searchLibrary(page: Page, text: string) {
  await page.goto('/#/exercises');
  const box = page.getByRole('combobox', { name: 'Search exercises' });
  await box.fill(text);
  await box.press('Enter');
  await expect(box).toHaveValue(text);
  await listSettled(page);
}

/** The library's total with no filters, from its status line. */
async function libraryTotal(page: Page): Promise<number> {
  await searchLibrary(page, '');
  await expect(page.getByRole('button', { name: 'Clear filters' }).first()).toBeDisabled();
  const status = page.getByRole('region', { name: 'Exercise list' }).getByRole('status');
  return Number(/(\d+) exercises?$/.exec((await status.textContent()) ?? '')?.[1]);
}

/** How many rows carry exactly this name when the library is searched for it. */
async function rowsNamed(page: Page, name: string): Promise<number> {
  await searchLibrary(page, name);
  return page.getByRole('table', { name: 'Exercises' }).getByRole('button', { name, exact: true }).count();
}

async function chooseLibraryFile(page: Page, path: string) {
  await page.goto('/#/settings');
  await page.getByLabel('Exercise library file').setInputFiles(path);
}

function libraryEntry(name: string, overrides: Record<string, unknown> = {}) {
  return {
    name,
    force: 'push',
    level: 'beginner',
    mechanic: 'compound',
    equipment: 'dumbbell',
    primaryMuscles: ['chest'],
    secondaryMuscles: ['triceps'],
    instructions: ['Press the dumbbells up.', 'Lower them slowly.'],
    category: 'strength',
    images: [],
    id: name.replace(/\W+/g, '_'),
    ...overrides,
  };
}

test.describe('exercise library import', () => {
  let folder: string;

  test.beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'lift-tracker-import-'));
  });

  test.afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  test('a malformed file is rejected with its problems listed, and the library is unchanged', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const suffix = `${test.info().testId.slice(0, 6)}${Math.random().toString(36).slice(2, 6)}`;
    const goodName = `Import Check Floor Press ${suffix}`;
    const malformedPath = join(folder, 'malformed-library.json');
    await writeFile(
      malformedPath,
      JSON.stringify([
        libraryEntry(goodName),
        libraryEntry(''),
        libraryEntry(`Import Check Wing Flap ${suffix}`, { primaryMuscles: ['wings'] }),
        libraryEntry(`Import Check Row ${suffix}`, { level: 'legendary' }),
        libraryEntry(`Import Check Curl ${suffix}`, { equipment: 'dumbbell', primaryMuscles: [] }),
      ]),
    );
    const notJsonPath = join(folder, 'notes.json');
    await writeFile(notJsonPath, 'Squat 3x5 @ 100 kg, then bench {\n');

    await openApp('/#/exercises');
    const totalBefore = await libraryTotal(page);

    await chooseLibraryFile(page, malformedPath);
    const failure = page.getByRole('heading', { name: 'malformed-library.json was not imported' });
    await expect(failure).toBeVisible();
    const status = page.getByRole('status').filter({ has: failure });
    await expect(status).toContainText(
      'The file has 4 problems. Nothing was imported. Fix the file and choose it again.',
    );
    const problems = page.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem');
    // One line per bad entry, naming it and saying what to fix (the good first entry is not listed).
    await expect(problems).toHaveText([
      /^Entry 2: the name is empty/,
      new RegExp(
        `^Entry 3 .Import Check Wing Flap ${suffix}.: primary muscle .wings. is not a muscle Lift Tracker knows`,
      ),
      new RegExp(
        `^Entry 4 .Import Check Row ${suffix}.: level .legendary. is not a level .*\\(use beginner, intermediate or expert\\)$`,
      ),
      new RegExp(
        `^Entry 5 .Import Check Curl ${suffix}.: no primary muscles are listed \\(add at least one\\)$`,
      ),
    ]);
    // The words the file may use are listed once, not on every line.
    await expect(status.getByRole('term')).toHaveText(['Muscles', 'Levels']);
    await expect(status.getByRole('definition').first()).toContainText('abdominals, abductors');
    await expect(status.getByRole('definition').first()).toContainText('traps, triceps');
    await expect(problems.getByText(goodName)).toHaveCount(0);
    await namedScreenshot('exercise-import-problems');

    await chooseLibraryFile(page, notJsonPath);
    const notJson = page.getByRole('heading', { name: 'notes.json was not imported' });
    await expect(notJson).toBeVisible();
    await expect(page.getByRole('status').filter({ has: notJson })).toContainText(/JSON/);
    await expect(page.getByRole('status').filter({ has: notJson })).toContainText(/Nothing was imported\./);
    await namedScreenshot('exercise-import-not-json');

    // Nothing was changed: not even the one good entry was added.
    expect(await libraryTotal(page)).toBe(totalBefore);
    expect(await rowsNamed(page, goodName)).toBe(0);
  });

  test('the free-exercise-db file adds its exercises once; a second import adds none', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    test.setTimeout(180_000);
    await openApp('/#/exercises');
    const totalBefore = await libraryTotal(page);
    expect(await rowsNamed(page, IMPORTED_ONLY)).toBe(0);

    await chooseLibraryFile(page, FREE_EXERCISE_DB);
    const result = page.getByRole('status').filter({
      has: page.getByRole('heading', { name: 'Imported exercises.json' }),
    });
    await expect(result).toContainText('873 exercises: 795 added, 0 merged, 78 unchanged', {
      timeout: 90_000,
    });
    await namedScreenshot('exercise-import-result');
    expect(await libraryTotal(page)).toBe(totalBefore + 795);

    await chooseLibraryFile(page, FREE_EXERCISE_DB);
    await expect(result).toContainText(/873 exercises: 0 added, \d+ merged, \d+ unchanged/, {
      timeout: 90_000,
    });
    expect(await libraryTotal(page)).toBe(totalBefore + 795);

    // An exercise only free-exercise-db has is found now, marked as imported.
    expect(await rowsNamed(page, IMPORTED_ONLY)).toBe(1);
    await page
      .getByRole('table', { name: 'Exercises' })
      .getByRole('button', { name: IMPORTED_ONLY, exact: true })
      .click();
    const details = page.getByRole('complementary', { name: 'Exercise details' });
    await expect(details.getByRole('heading', { name: IMPORTED_ONLY })).toBeVisible();
    await expect(details.getByText('Imported', { exact: true })).toBeVisible();
    await expect(details.getByRole('button', { name: 'Duplicate as custom' })).toBeVisible();
    await expect(details.getByRole('button', { name: 'Edit exercise' })).toHaveCount(0);
  });
});
