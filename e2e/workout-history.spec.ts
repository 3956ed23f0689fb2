/**
 * Everything already done: an athlete with three finished workouts finds one in the history, opens
 * it, edits a set and sees the totals and records follow, deletes it and brings it back with Undo,
 * filters the history by exercise and dates, reads one exercise's sessions, records and e1RM
 * trend, sets the workout preferences, and switches to lb to see every number converted.
 * Screenshots at 1440×900 and 1920×1080, light and dark.
 *
 * The workouts are made through the contract (e2e/support/contract-client.ts); the host is shared
 * with other specs, so names carry a suffix of their own, and the preferences this file changes
 * (current athlete, units, theme, rest, bar, plates) are put back after it.
 */
import type { Locator, Page } from '@playwright/test';
import type { Athlete } from '../src/shared/domain/athlete';
import { connectContract, type ContractClient } from './support/contract-client';
import { join } from 'node:path';
import { expect, SCREENSHOT_DIR, test } from './support/fixtures';

let backend: ContractClient;
let athlete: Athlete;
const suffix = Math.random().toString(36).slice(2, 6);
const names = {
  oldest: `Volume day ${suffix}`,
  middle: `Squat day ${suffix}`,
  newest: `Heavy bench ${suffix}`,
};
const sessionIds: Record<keyof typeof names, string> = { oldest: '', middle: '', newest: '' };
let benchId = '';
let squatId = '';

// One journey: each test picks up the history the one before left (an edit, a restored workout).
test.describe.configure({ mode: 'serial' });

const DAY_MS = 24 * 60 * 60 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

async function exerciseId(name: string): Promise<string> {
  const { items } = await backend.call('exercises.autocomplete', { text: name, limit: 5 });
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`The library has no exercise named ${name}`);
  return found.id;
}

/** A finished workout `daysAgo`, its exercises' sets logged as [kg, reps, RPE]. */
async function logWorkout(
  name: string,
  daysAgo: number,
  exercises: { id: string; sets: [number, number, number][] }[],
): Promise<string> {
  const start = new Date(Date.now() - daysAgo * DAY_MS);
  const detail = await backend.call('workouts.start', {
    athleteId: athlete.id,
    from: { kind: 'blank', name },
    startedAt: start.toISOString(),
  });
  for (const exercise of exercises) {
    const { entryId } = await backend.call('workouts.addExercise', {
      sessionId: detail.id,
      exerciseId: exercise.id,
    });
    // An exercise may come with sets planned already: those are logged first, the rest added.
    const added = await backend.call('workouts.get', { id: detail.id });
    const planned = added.entries.find((entry) => entry.id === entryId)?.sets ?? [];
    for (const [index, [weightKg, reps, rpe]] of exercise.sets.entries()) {
      const set = planned[index] ?? (await backend.call('workouts.addSet', { entryId, setType: 'working' }));
      await backend.call('workouts.completeSet', { id: set.id, weightKg, reps, rpe });
    }
    for (const unused of planned.slice(exercise.sets.length))
      await backend.call('workouts.deleteSet', { id: unused.id });
  }
  await backend.call('workouts.finish', {
    id: detail.id,
    completedAt: new Date(start.getTime() + 65 * 60_000).toISOString(),
  });
  return detail.id;
}

test.beforeAll(async ({ webHost }) => {
  backend = connectContract(webHost);
  athlete = await backend.call('athletes.create', { name: `Historian ${suffix}`, timeZone: 'UTC' });
  [benchId, squatId] = await Promise.all([
    exerciseId('Barbell Bench Press'),
    exerciseId('Barbell Back Squat'),
  ]);
  sessionIds.oldest = await logWorkout(names.oldest, 21, [
    {
      id: benchId,
      sets: [
        [90, 8, 7],
        [90, 8, 8],
      ],
    },
    { id: squatId, sets: [[110, 8, 7]] },
  ]);
  sessionIds.middle = await logWorkout(names.middle, 14, [
    {
      id: squatId,
      sets: [
        [120, 5, 8],
        [120, 5, 8],
      ],
    },
  ]);
  // 3 × 100 kg × 5: 1,500 kg.
  sessionIds.newest = await logWorkout(names.newest, 7, [
    {
      id: benchId,
      sets: [
        [100, 5, 8],
        [100, 5, 8],
        [100, 5, 8.5],
      ],
    },
  ]);
  await backend.call('settings.update', { currentAthleteId: athlete.id, weightUnit: 'kg', theme: 'light' });
});

test.afterAll(async () => {
  await backend?.call('settings.update', {
    weightUnit: 'kg',
    theme: 'auto',
    restSeconds: 120,
    barKg: null,
    platesKg: null,
  });
  backend?.close();
});

function historyRow(page: Page, name: string): Locator {
  return page.getByRole('table', { name: 'Workout history' }).getByRole('row').filter({ hasText: name });
}

/** A total of the open workout ("Volume", "Sets"…). */
function fact(page: Page, term: string): Locator {
  return page
    .locator('.lt-session__fact')
    .filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');
}

async function setTheme(page: Page, theme: 'light' | 'dark') {
  await backend.call('settings.update', { theme });
  if (theme === 'dark') await expect(page.locator('body')).toHaveClass(/\bbp6-dark\b/);
  else await expect(page.locator('body')).not.toHaveClass(/\bbp6-dark\b/);
}

test('a finished workout: found in the history, opened, a set edited and the totals follow', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp('/#/workouts/history');
  const rows = page.getByRole('table', { name: 'Workout history' }).locator('tbody tr[data-row]');
  // Newest first.
  await expect(rows.nth(0)).toContainText(names.newest);
  await expect(rows.nth(1)).toContainText(names.middle);
  await expect(rows.nth(2)).toContainText(names.oldest);
  await expect(historyRow(page, names.newest)).toContainText('1,500 kg');
  await expect(historyRow(page, names.newest)).toContainText('Barbell Bench Press 100 kg × 5');
  await expect(historyRow(page, names.newest)).toContainText(/PR/);
  await namedScreenshot('workout-history-1440x900-light');

  // The keyboard opens it: the first row, Enter.
  await rows.nth(0).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: names.newest, level: 1 })).toBeVisible();
  await expect(fact(page, 'Volume')).toHaveText('1,500 kg');
  await expect(fact(page, 'Sets')).toHaveText('3');
  await expect(fact(page, 'Duration')).toHaveText('1 h 5 min');
  await expect(page.getByText(/Personal records this workout holds/)).toBeVisible();

  // 100 → 110 kg on the first set: the volume follows (1,550 kg), and so does the record.
  const weight = page.getByRole('textbox', { name: 'Weight, Barbell Bench Press, set 1' });
  await expect(weight).toHaveValue('100');
  await weight.fill('110');
  await page.keyboard.press('Enter');
  // Enter saves and moves down to the next set's weight.
  await expect(page.getByRole('textbox', { name: 'Weight, Barbell Bench Press, set 2' })).toBeFocused();
  await expect(fact(page, 'Volume')).toHaveText('1,550 kg');
  await expect(page.getByText('Barbell Bench Press: e1RM 128.3 kg')).toBeVisible();

  // A weight no one lifts is refused next to the field, and nothing changes.
  await weight.fill('9999');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: /at most 1000 kg/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(weight).toHaveValue('110');
  await expect(fact(page, 'Volume')).toHaveText('1,550 kg');

  // The name, saved when the field is left.
  const nameField = page.getByLabel('Name', { exact: true });
  await nameField.fill(`${names.newest} (edited)`);
  await nameField.press('Tab');
  await expect(page.getByRole('heading', { name: `${names.newest} (edited)`, level: 1 })).toBeVisible();
  await nameField.fill(names.newest);
  await nameField.press('Enter');
  await expect(page.getByRole('heading', { name: names.newest, level: 1 })).toBeVisible();
  await namedScreenshot('workout-history-session-1440x900-light');

  const stored = await backend.call('workouts.summary', { id: sessionIds.newest });
  expect(stored.volumeKg).toBe(1550);
});

test('delete a workout from its page, then Undo brings it back with its totals', async ({
  page,
  openApp,
}) => {
  await openApp(`/#/workouts/history/${sessionIds.middle}`);
  await expect(page.getByRole('heading', { name: names.middle, level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Delete workout' }).click();

  await expect(page).toHaveURL(/#\/workouts\/history$/);
  const toast = page.locator('.bp6-toast').filter({ hasText: `Deleted “${names.middle}”` });
  await expect(toast).toBeVisible();
  await expect(historyRow(page, names.newest)).toBeVisible();
  await expect(historyRow(page, names.middle)).toHaveCount(0);

  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(historyRow(page, names.middle)).toBeVisible();
  await expect(historyRow(page, names.middle)).toContainText('1,200 kg');
});

test('the history filters by exercise and by dates, kept in the address', async ({ page, openApp }) => {
  await openApp('/#/workouts/history');
  await expect(historyRow(page, names.oldest)).toBeVisible();

  const picker = page.getByRole('combobox', { name: 'Filter by exercise' });
  await picker.fill('Barbell Back Squat');
  await picker.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove the filter Barbell Back Squat' })).toBeVisible();
  await expect(historyRow(page, names.middle)).toBeVisible();
  await expect(historyRow(page, names.oldest)).toBeVisible();
  await expect(historyRow(page, names.newest)).toHaveCount(0);

  // From 10 days ago: only the newest is left, and without the squat filter it shows again.
  await page.getByLabel('From date').fill(isoDay(new Date(Date.now() - 10 * DAY_MS)));
  await expect(page.getByText('No workouts match these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Remove the filter Barbell Back Squat' }).click();
  await expect(historyRow(page, names.newest)).toBeVisible();
  await expect(historyRow(page, names.middle)).toHaveCount(0);

  // A range that ends before it starts says so, and waits.
  await page.getByLabel('To date').fill(isoDay(new Date(Date.now() - 20 * DAY_MS)));
  await expect(page.getByRole('alert').filter({ hasText: '“From” is after “To”' })).toBeVisible();

  // The filters live in the address: a reload keeps them; Clear filters shows everything again.
  await page.reload();
  await expect(page.getByLabel('To date')).toHaveValue(isoDay(new Date(Date.now() - 20 * DAY_MS)));
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(historyRow(page, names.oldest)).toBeVisible();
  await expect(historyRow(page, names.newest)).toBeVisible();
});

test('one exercise: every session with its best set and e1RM, the records, the trend', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openApp(`/#/workouts/history/${sessionIds.oldest}`);
  await page.getByRole('link', { name: 'Barbell Bench Press' }).click();
  await expect(page.getByRole('heading', { name: 'Barbell Bench Press', level: 1 })).toBeVisible();

  const sessions = page.getByRole('table', { name: 'Sessions' }).locator('tbody tr[data-row]');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.nth(0)).toContainText(names.newest);
  await expect(sessions.nth(0)).toContainText('110 kg × 5');
  await expect(sessions.nth(1)).toContainText('90 × 8 @ 7, 90 × 8 @ 8');
  const records = page.getByRole('table', { name: 'Records' });
  await expect(records.getByRole('row', { name: /^Estimated 1RM 128.3 kg/ })).toBeVisible();
  await expect(records.getByRole('row', { name: /Heaviest 8 reps 90 kg/ })).toBeVisible();
  await expect(page.getByText(/^Up 14\.3 kg \(13%\) over 2 sessions since/)).toBeVisible();
  await expect(page.getByRole('img', { name: /Estimated 1RM per session/ })).toBeVisible();
  await namedScreenshot('workout-history-exercise-1920x1080-light');

  await setTheme(page, 'dark');
  await namedScreenshot('workout-history-exercise-1920x1080-dark');
  await page.getByRole('link', { name: 'History' }).click();
  await expect(historyRow(page, names.newest)).toBeVisible();
  await namedScreenshot('workout-history-1920x1080-dark');
  await historyRow(page, names.newest).click();
  await expect(page.getByRole('heading', { name: names.newest, level: 1 })).toBeVisible();
  await namedScreenshot('workout-history-session-1920x1080-dark');
  await page.setViewportSize({ width: 1440, height: 900 });
  await namedScreenshot('workout-history-session-1440x900-dark');
  await setTheme(page, 'light');
});

test('in lb, every number of the history is converted', async ({ page, openApp }) => {
  await backend.call('settings.update', { weightUnit: 'lb' });
  await openApp('/#/workouts/history');
  // 1,550 kg = 3,417 lb; 110 kg = 242.5 lb.
  await expect(historyRow(page, names.newest)).toContainText('3,417 lb');
  await expect(historyRow(page, names.newest)).toContainText('Barbell Bench Press 242.5 lb × 5');
  await expect(historyRow(page, names.newest)).not.toContainText(' kg');

  await historyRow(page, names.newest).click();
  await expect(fact(page, 'Volume')).toHaveText('3,417 lb');
  await expect(page.getByRole('textbox', { name: 'Weight, Barbell Bench Press, set 1' })).toHaveValue(
    '242.5',
  );
  await expect(page.getByText('Barbell Bench Press: e1RM 282.9 lb')).toBeVisible();
  await expect(page.locator('.lt-session')).not.toContainText(/\d kg/);

  // Typed in lb, stored in kg: 225 lb is 102.06 kg.
  const second = page.getByRole('textbox', { name: 'Weight, Barbell Bench Press, set 2' });
  await second.fill('225');
  await second.press('Enter');
  await expect(second).toHaveValue('225');
  const detail = await backend.call('workouts.get', { id: sessionIds.newest });
  expect(detail.entries[0]!.sets[1]!.weightKg).toBeCloseTo(102.058, 2);

  await page.getByRole('link', { name: 'Barbell Bench Press' }).click();
  await expect(page.getByRole('table', { name: 'Records' })).toContainText('282.9 lb');
  await expect(page.locator('.lt-exercise-history')).not.toContainText(/\d kg/);
  await backend.call('workouts.updateSet', { id: detail.entries[0]!.sets[1]!.id, weightKg: 100 });
  await backend.call('settings.update', { weightUnit: 'kg' });
});

test('the workout preferences: rest, sound, bar and plates in the user’s unit', async ({ page, openApp }) => {
  await openApp('/#/settings');
  const section = page
    .locator('.bp6-section')
    .filter({ has: page.getByRole('heading', { name: 'Workouts', exact: true }) });
  const rest = page.getByLabel('Rest between sets');
  await rest.fill('90');
  await expect(page.getByText('1:30 after each set')).toBeVisible();
  await expect.poll(async () => (await backend.call('settings.get', {})).restSeconds).toBe(90);

  await page.getByLabel('Bar', { exact: true }).fill('15');
  await page.getByLabel('Bar', { exact: true }).press('Enter');
  await expect.poll(async () => (await backend.call('settings.get', {})).barKg).toBe(15);

  await page.getByLabel('Plates', { exact: true }).fill('20, 10, 5, x');
  await page.getByLabel('Plates', { exact: true }).press('Enter');
  await expect(section.getByRole('alert')).toHaveText(
    '“x” is not a plate size: type numbers in kg, e.g. 25, 20, 10',
  );
  await page.getByLabel('Plates', { exact: true }).fill('20, 10, 5, 2.5, 1.25');
  await page.getByLabel('Plates', { exact: true }).press('Tab');
  await expect
    .poll(async () => (await backend.call('settings.get', {})).platesKg)
    .toEqual([20, 10, 5, 2.5, 1.25]);
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: join(SCREENSHOT_DIR, 'workout-settings-section-light.png') });

  // In lb the same bar and plates read in lb.
  await backend.call('settings.update', { weightUnit: 'lb' });
  await expect(page.getByLabel('Bar', { exact: true })).toHaveValue('33.07');
  await expect(page.getByLabel('Plates', { exact: true })).toHaveValue('44.09, 22.05, 11.02, 5.51, 2.76');
  await page.getByRole('button', { name: /Use the standard 45 lb bar/ }).click();
  await expect(page.getByLabel('Bar', { exact: true })).toHaveValue('');
  await expect.poll(async () => (await backend.call('settings.get', {})).barKg).toBe(null);
  await backend.call('settings.update', { weightUnit: 'kg', restSeconds: 120, platesKg: null });
});
