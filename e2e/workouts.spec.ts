/**
 * Doing a workout: an athlete with last week's bench and squat starts today's from a template,
 * logs every set from the keyboard (Enter accepts the planned set, typing first logs what was
 * typed), rests (the page's clock is Playwright's, so the rest runs out on demand), beats last
 * week's bench and sees the record celebrated, reloads in the middle and finds everything as it
 * was, and finishes with the summary. In lb, every number is converted. Screenshots at the
 * laptop's and the kiosk's sizes, light and dark.
 *
 * The history is set up through the contract (e2e/support/contract-client.ts); the host is shared
 * with other specs, so the athlete and template have names of their own, and the preferences this
 * file changes (current athlete, units, theme) are put back after it.
 */
import type { Locator, Page } from '@playwright/test';
import type { Athlete } from '../src/shared/domain/athlete';
import type { TemplateDetail } from '../src/shared/domain/template';
import type { WorkoutDetail } from '../src/shared/domain/workout';
import { connectContract, type ContractClient } from './support/contract-client';
import { expect, test } from './support/fixtures';

let backend: ContractClient;
let athlete: Athlete;
let template: TemplateDetail;

const DAY_MS = 24 * 60 * 60 * 1000;

async function exerciseId(name: string): Promise<string> {
  const { items } = await backend.call('exercises.autocomplete', { text: name, limit: 5 });
  const found = items.find((item) => item.name === name);
  if (!found) throw new Error(`The library has no exercise named ${name}`);
  return found.id;
}

/** Logs every prescribed set of a workout through the contract, as `values` says. */
async function logAll(
  detail: WorkoutDetail,
  values: (exerciseName: string) => { weightKg: number; reps: number; rpe: number },
) {
  for (const entry of detail.entries) {
    const count = Math.max(entry.targets.length, entry.sets.length);
    for (let index = 0; index < count; index += 1) {
      const set =
        entry.sets[index] ??
        (await backend.call('workouts.addSet', { entryId: entry.id, setType: 'working' }));
      await backend.call('workouts.completeSet', { id: set.id, ...values(entry.exerciseName) });
    }
  }
}

test.beforeAll(async ({ webHost }) => {
  backend = connectContract(webHost);
  athlete = await backend.call('athletes.create', {
    name: `Lifter ${Math.random().toString(36).slice(2, 6)}`,
    timeZone: 'UTC',
  });
  const [bench, squat] = await Promise.all([
    exerciseId('Barbell Bench Press'),
    exerciseId('Barbell Back Squat'),
  ]);
  template = await backend.call('templates.create', {
    name: `Push and squat ${Math.random().toString(36).slice(2, 6)}`,
    description: '',
    tags: [],
    exercises: [
      { exerciseId: bench, sets: 3, repsMin: 5, rpe: 8, restSeconds: 90 },
      { exerciseId: squat, sets: 2, repsMin: 5, rpe: 8, restSeconds: 120 },
    ],
  });
  // Last week: bench 100 kg × 5 and squat 120 kg × 5, all at RPE 7 (room to add weight).
  const lastWeek = await backend.call('workouts.start', {
    athleteId: athlete.id,
    from: { kind: 'template', templateId: template.id },
    startedAt: new Date(Date.now() - 7 * DAY_MS).toISOString(),
  });
  await logAll(lastWeek, (name) => ({
    weightKg: name === 'Barbell Bench Press' ? 100 : 120,
    reps: 5,
    rpe: 7,
  }));
  await backend.call('workouts.finish', {
    id: lastWeek.id,
    completedAt: new Date(Date.now() - 7 * DAY_MS + 3600_000).toISOString(),
  });
  await backend.call('settings.update', { currentAthleteId: athlete.id, weightUnit: 'kg', theme: 'light' });
});

// Each test starts with no workout in progress, whatever the one before left.
test.beforeEach(async () => {
  const { inProgress } = await backend.call('workouts.offer', { athleteId: athlete.id });
  if (inProgress) await backend.call('workouts.delete', { id: inProgress.id });
});

test.afterAll(async () => {
  await backend?.call('settings.update', { weightUnit: 'kg', theme: 'auto' });
  backend?.close();
});

function card(page: Page, exerciseName: string): Locator {
  return page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: exerciseName, level: 3 }) });
}

function field(page: Page, label: 'Weight' | 'Reps' | 'RPE', exerciseName: string, set: string): Locator {
  return page.getByRole('textbox', { name: new RegExp(`^${label}, ${exerciseName}, set ${set}\\b`) });
}

function logged(page: Page, exerciseName: string, set: string): Locator {
  return page.getByRole('button', { name: `Logged: ${exerciseName}, set ${set} (undo)` });
}

function setRow(page: Page, exerciseName: string, set: string): Locator {
  return page.getByRole('row').filter({ has: field(page, 'Weight', exerciseName, set) });
}

/** A finger's swipe across a set row (pointer events of type touch). */
async function swipe(row: Locator, dx: number) {
  const box = (await row.boundingBox())!;
  const at = (x: number) => ({
    pointerType: 'touch',
    pointerId: 7,
    isPrimary: true,
    clientX: x,
    clientY: box.y + box.height / 2,
  });
  const x = box.x + box.width / 2;
  await row.dispatchEvent('pointerdown', at(x));
  await row.dispatchEvent('pointermove', at(x + dx / 2));
  await row.dispatchEvent('pointermove', at(x + dx));
  await row.dispatchEvent('pointerup', at(x + dx));
}

async function workoutInProgress(): Promise<WorkoutDetail> {
  const offer = await backend.call('workouts.offer', { athleteId: athlete.id });
  if (!offer.inProgress) throw new Error('No workout in progress');
  return backend.call('workouts.get', { id: offer.inProgress.id });
}

test('a workout from a template, logged from the keyboard: rest, a record, a reload, the summary', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await page.clock.install();
  await openApp('/#/workouts');
  await expect(page.getByRole('heading', { name: `Today for ${athlete.name}` })).toBeVisible();
  await namedScreenshot('workouts-start-1440x900-light');

  // Other specs share the web host: the template is found by its name among theirs.
  await page.getByLabel('Search templates').fill(template.name);
  const start = page.getByRole('button', { name: `Start from ${template.name}` });
  await start.focus();
  await page.keyboard.press('Enter');

  // The first set to do has the keyboard; its fields show the plan: last week + 2.5 kg.
  const firstWeight = field(page, 'Weight', 'Barbell Bench Press', '1');
  await expect(firstWeight).toBeFocused();
  await expect(firstWeight).toHaveAttribute('placeholder', '102.5');
  await expect(field(page, 'Reps', 'Barbell Bench Press', '1')).toHaveAttribute('placeholder', '5');
  await expect(card(page, 'Barbell Bench Press')).toContainText('100 kg × 5 @ 7');
  await namedScreenshot('workouts-active-1440x900-light');

  // Enter logs the set as planned, starts the rest and moves on; beating last week is a record.
  await page.keyboard.press('Enter');
  await expect(logged(page, 'Barbell Bench Press', '1')).toBeVisible();
  await expect(
    page
      .getByRole('alert')
      .filter({ hasText: /New personal records?! Barbell Bench Press/ })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Rest' })).toHaveText(/^1:(2\d|30)$/);
  await expect(field(page, 'Weight', 'Barbell Bench Press', '2')).toBeFocused();
  await namedScreenshot('workouts-record-1440x900-light');

  // Typing first logs what was typed.
  await page.keyboard.type('105');
  await page.keyboard.press('Enter');
  await expect(logged(page, 'Barbell Bench Press', '2')).toBeVisible();
  await expect(field(page, 'Weight', 'Barbell Bench Press', '2')).toHaveValue('105');

  // Alt+= and Alt+- give the rest 15 seconds more or less.
  const timer = page.getByRole('timer', { name: 'Rest' });
  await page.keyboard.press('Alt+=');
  await expect(timer).toHaveText(/^1:(4[0-5])$/);
  await page.keyboard.press('Alt+-');
  await expect(timer).toHaveText(/^1:(2\d|30)$/);

  // The rest runs out: a toast says so, and the timer counts the time over.
  await page.clock.fastForward('01:35');
  await expect(page.getByRole('alert').filter({ hasText: 'Rest is over.' })).toBeVisible();
  await expect(page.getByRole('timer', { name: 'Rest' })).toHaveText(/^\+0:0\d$/);

  // A bad number says what to fix, and logs nothing.
  await expect(field(page, 'Weight', 'Barbell Bench Press', '3')).toBeFocused();
  await page.keyboard.type('9999');
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Weight must be at most 1000 kg (2,204 lb)' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Log Barbell Bench Press, set 3' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Reps typed (Tab to the next field) are saved while typing: a reload finds them.
  await page.keyboard.press('Tab');
  await expect(field(page, 'Reps', 'Barbell Bench Press', '3')).toBeFocused();
  await page.keyboard.type('4');
  await expect.poll(async () => (await workoutInProgress()).entries[0]!.sets[2]?.reps ?? null).toBe(4);
  await page.reload();
  await expect(logged(page, 'Barbell Bench Press', '1')).toBeVisible();
  await expect(logged(page, 'Barbell Bench Press', '2')).toBeVisible();
  await expect(field(page, 'Weight', 'Barbell Bench Press', '2')).toHaveValue('105');
  await expect(field(page, 'Reps', 'Barbell Bench Press', '3')).toHaveValue('4');
  await expect(page.getByRole('timer', { name: 'Rest' })).toBeVisible();

  // Arrow keys move between sets; Enter logs the rest of the workout, squats included.
  await field(page, 'Reps', 'Barbell Bench Press', '3').focus();
  await page.keyboard.press('ArrowUp');
  await expect(field(page, 'Reps', 'Barbell Bench Press', '2')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(logged(page, 'Barbell Bench Press', '3')).toBeVisible();
  await expect(field(page, 'Weight', 'Barbell Back Squat', '1')).toBeFocused();
  const squatKg = Number(await field(page, 'Weight', 'Barbell Back Squat', '1').getAttribute('placeholder'));
  expect(squatKg).toBeGreaterThan(120);
  await page.keyboard.press('Enter');
  await expect(logged(page, 'Barbell Back Squat', '1')).toBeVisible();
  await expect(field(page, 'Weight', 'Barbell Back Squat', '2')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(logged(page, 'Barbell Back Squat', '2')).toBeVisible();

  // Every set logged: the focus is on Finish.
  const finish = page.getByRole('button', { name: 'Finish' });
  await expect(finish).toBeFocused();
  await page.keyboard.press('Enter');
  const summary = page.getByRole('region', { name: `${template.name} done` });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('definition').nth(2)).toHaveText('5');
  // Bench 102.5 × 5, 105 × 5, 102.5 × 4; squat twice its planned weight × 5.
  const volumeKg = 102.5 * 5 + 105 * 5 + 102.5 * 4 + squatKg * 10;
  await expect(summary.getByRole('definition').nth(1)).toHaveText(
    `${volumeKg.toLocaleString('en-US', { maximumFractionDigits: 0 })} kg`,
  );
  await expect(summary.getByText(/Barbell Bench Press: best estimated 1RM/)).toBeVisible();
  await namedScreenshot('workouts-summary-1440x900-light');

  // The summary stays on a reload; Done goes back to the start screen.
  await page.reload();
  await expect(page.getByRole('region', { name: `${template.name} done` })).toBeVisible();
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('heading', { name: `Today for ${athlete.name}` })).toBeVisible();
});

test('in lb every weight is converted, and the screen fits a laptop and a kiosk in both themes', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await backend.call('settings.update', { weightUnit: 'lb' });
  const detail = await backend.call('workouts.start', {
    athleteId: athlete.id,
    from: { kind: 'template', templateId: template.id },
  });
  try {
    await openApp('/#/workouts');
    // The plan (the suggestion, kept in kg) shows in lb, as does last time.
    const suggestedKg = detail.entries[0]!.suggestion!.weightKg;
    await expect(field(page, 'Weight', 'Barbell Bench Press', '1')).toHaveAttribute(
      'placeholder',
      String(Math.round(suggestedKg * 2.2046226218 * 10) / 10),
    );
    await expect(card(page, 'Barbell Bench Press')).toContainText('lb ×');
    await expect(page.getByRole('columnheader', { name: 'lb' }).first()).toBeVisible();
    await field(page, 'Weight', 'Barbell Bench Press', '1').fill('225');
    await page.keyboard.press('Enter');
    await expect(logged(page, 'Barbell Bench Press', '1')).toBeVisible();
    await expect(field(page, 'Weight', 'Barbell Bench Press', '1')).toHaveValue('225');
    const stored = await backend.call('workouts.get', { id: detail.id });
    expect(stored.entries[0]!.sets[0]!.weightKg).toBeCloseTo(102.06, 2);

    // On a touch screen a set swipes: right logs it, left deletes it (with Undo).
    await swipe(setRow(page, 'Barbell Bench Press', '2'), 160);
    await expect(logged(page, 'Barbell Bench Press', '2')).toBeVisible();
    await swipe(setRow(page, 'Barbell Bench Press', '3'), -160);
    await expect(
      page.getByRole('alert').filter({ hasText: 'Deleted set 3 of Barbell Bench Press' }),
    ).toBeVisible();
    await expect(setRow(page, 'Barbell Bench Press', '3')).toHaveCount(0);

    for (const theme of ['light', 'dark'] as const) {
      await backend.call('settings.update', { theme });
      await expect(page.locator('body.bp6-dark')).toHaveCount(theme === 'dark' ? 1 : 0);
      for (const [width, height] of [
        [1440, 900],
        [1920, 1080],
        [1080, 1920],
      ] as const) {
        await page.setViewportSize({ width, height });
        await expect(page.getByRole('timer', { name: 'Rest' })).toBeVisible();
        await namedScreenshot(`workouts-active-lb-${width}x${height}-${theme}`);
      }
    }
  } finally {
    await backend.call('workouts.delete', { id: detail.id });
    await backend.call('settings.update', { weightUnit: 'kg', theme: 'light' });
  }
});

test('a blank workout: exercises from the library, reordered from the keyboard, a superset, sets duplicated, retyped and deleted with Undo', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await openApp('/#/workouts');
  await page.getByRole('button', { name: 'Blank workout' }).click();
  await expect(page.getByRole('heading', { name: 'No exercises yet' })).toBeVisible();

  // Alt+A goes to the picker; Enter adds the best match and puts the keyboard on its first set.
  for (const name of ['Barbell Overhead Press', 'Barbell Bent-Over Row']) {
    await page.keyboard.press('Alt+a');
    const picker = page.getByRole('combobox', { name: 'Add exercise' });
    await expect(picker).toBeFocused();
    await picker.fill(name);
    await expect(
      page.getByRole('listbox', { name: 'Matching exercises' }).getByRole('option').first(),
    ).toHaveText(new RegExp(`^${name}`));
    await picker.press('Enter');
    await expect(field(page, 'Weight', name, '1')).toBeFocused();
  }
  const order = page.getByRole('list', { name: 'Exercises' }).getByRole('heading', { level: 3 });
  await expect(order).toHaveText(['Barbell Overhead Press', 'Barbell Bent-Over Row']);

  // The handle: Space picks up, an arrow moves, Space drops.
  await page.getByRole('button', { name: /^Move Barbell Bent-Over Row/ }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByText('Picked up Barbell Bent-Over Row, at position 2 of 2.')).toBeAttached();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByText('Barbell Bent-Over Row is over position 1 of 2.')).toBeAttached();
  await page.keyboard.press('Space');
  await expect(order).toHaveText(['Barbell Bent-Over Row', 'Barbell Overhead Press']);

  // A superset of the two: A1 and A2.
  await page.getByRole('button', { name: 'Actions for Barbell Bent-Over Row', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Superset with next' }).click();
  await expect(card(page, 'Barbell Bent-Over Row').getByText('A1', { exact: true })).toBeVisible();
  await expect(card(page, 'Barbell Overhead Press').getByText('A2', { exact: true })).toBeVisible();
  // A closing menu can take the focus back when its animation ends: let it end before typing.
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.locator('.bp6-popover-transition-container')).toHaveCount(0);

  // Log a row set; in a superset the keyboard goes on to the other exercise.
  await field(page, 'Weight', 'Barbell Bent-Over Row', '1').fill('60');
  await expect(field(page, 'Weight', 'Barbell Bent-Over Row', '1')).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.type('10');
  await page.keyboard.press('Enter');
  await expect(logged(page, 'Barbell Bent-Over Row', '1')).toBeVisible();
  await expect(field(page, 'Weight', 'Barbell Overhead Press', '1')).toBeFocused();

  // Duplicate it from the keyboard (Ctrl+D on the set), change the copy's type (Alt+T), delete it, undo.
  await field(page, 'Weight', 'Barbell Bent-Over Row', '1').focus();
  await page.keyboard.press('Control+d');
  await expect(field(page, 'Weight', 'Barbell Bent-Over Row', '2')).toHaveValue('60');
  await field(page, 'Weight', 'Barbell Bent-Over Row', '2').focus();
  await page.keyboard.press('Alt+t');
  await expect(page.getByRole('button', { name: 'Set D: Drop set (change the type)' })).toBeVisible();
  await field(page, 'Weight', 'Barbell Bent-Over Row', 'D').focus();
  await page.keyboard.press('Control+Backspace');
  // The toast's message is Blueprint's role="alert"; its Undo sits beside it. Hovering holds it open.
  const toast = page
    .getByRole('alert')
    .filter({ hasText: 'Deleted set D of Barbell Bent-Over Row' })
    .locator('..');
  await toast.hover();
  await expect(field(page, 'Weight', 'Barbell Bent-Over Row', 'D')).toHaveCount(0);
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(field(page, 'Weight', 'Barbell Bent-Over Row', 'D')).toHaveValue('60');
  await namedScreenshot('workouts-superset-1440x900-light');

  // A tap on an RPE field opens the scale to pick from.
  await field(page, 'RPE', 'Barbell Bent-Over Row', '1').click();
  await page
    .getByRole('list', { name: 'RPE scale' })
    .getByRole('button', { name: /^8\.5 / })
    .click();
  await expect(field(page, 'RPE', 'Barbell Bent-Over Row', '1')).toHaveValue('8.5');
  await expect.poll(async () => (await workoutInProgress()).entries[0]!.sets[0]!.rpe).toBe(8.5);

  // The RPE calculator (Alt+R): 100 kg × 5 @ RPE 8 is about 81% of a 1RM on the RTS chart.
  await field(page, 'Weight', 'Barbell Overhead Press', '1').focus();
  await page.keyboard.press('Alt+r');
  const rpe = page.getByRole('dialog', { name: 'RPE scale and calculator' });
  await expect(rpe.getByRole('list', { name: 'RPE scale' }).getByRole('button')).toHaveCount(9);
  await rpe.getByLabel('Weight (kg)').fill('100');
  await rpe.getByLabel('Reps').first().fill('5');
  await rpe.getByRole('button', { name: /^8 2 reps left/ }).click();
  await expect(rpe.getByText(/^Estimated 1RM: 12\d(\.\d)? kg$/)).toBeVisible();
  await expect(rpe.getByText(/^Load: \d+(\.\d)? kg$/)).toBeVisible();
  await namedScreenshot('workouts-rpe-1440x900-light');
  await page.keyboard.press('Escape');
  // Gone, closing animation and all, before the next tool opens (both have a "Weight" field).
  await expect(rpe).toHaveCount(0);

  // The plate calculator: 100 kg on a 20 kg bar is 25 + 15 a side.
  await page.getByRole('button', { name: 'Plates for Barbell Bent-Over Row' }).click();
  await page.getByLabel('Weight (kg)').fill('100');
  await expect(page.getByText('Each side: 25 + 15 kg, on a 20 kg bar.')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Each side: 25 + 15 kg, on a 20 kg bar.')).toHaveCount(0);

  // The shortcuts are listed under "?".
  await page.locator('main').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('?');
  const shortcuts = page.getByRole('dialog');
  await expect(
    shortcuts.getByText('Log the set: the values shown, or what you typed; then the next set'),
  ).toBeVisible();
  await expect(shortcuts.getByText('Duplicate the set')).toBeVisible();
  await page.keyboard.press('Escape');

  // Discarding says Undo; the start screen is back.
  await page.getByRole('button', { name: 'Discard the workout' }).click();
  await expect(page.getByRole('alert').filter({ hasText: /^Discarded/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: `Today for ${athlete.name}` })).toBeVisible();

  // Today's scheduled workout is offered first, ready for Enter; starting it marks it in progress.
  const today = new Date().toISOString().slice(0, 10);
  const scheduled = await backend.call('schedule.create', {
    athleteId: athlete.id,
    templateId: template.id,
    date: today,
  });
  const startScheduled = page.getByRole('button', { name: `Start ${template.name} (scheduled today)` });
  await expect(startScheduled).toBeVisible();
  await namedScreenshot('workouts-start-scheduled-1440x900-light');
  await startScheduled.focus();
  await page.keyboard.press('Enter');
  await expect(field(page, 'Weight', 'Barbell Bench Press', '1')).toBeFocused();
  const started = await workoutInProgress();
  expect(started.scheduledWorkoutId).toBe(scheduled.id);
  await page.getByRole('button', { name: 'Discard the workout' }).click();
  await expect(startScheduled).toBeVisible();
  await backend.call('schedule.delete', { id: scheduled.id });
});
