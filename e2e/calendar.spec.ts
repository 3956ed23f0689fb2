/**
 * The calendar journeys: a program applied to two athletes from a Monday shows in the month and
 * week views; a workout is added by clicking a date and by dragging a template onto one; a workout
 * opens on its prescription, moves by drag (and back with Undo), is skipped and deleted (each
 * undone); the views switch by keyboard and survive a reload; several athletes share the calendar
 * with a colour each; and when a day passes on the injected clock, its workout turns red.
 *
 * The host carries the demo (templates, programs) and a test clock. Each test adds athletes of its
 * own, so the demo's athletes and the other tests never show on its calendar.
 */
import type { Locator, Page } from '@playwright/test';
import { addDays, format, nextMonday } from 'date-fns';
import type { Athlete } from '../src/shared/domain/athlete';
import type { TemplateSummary } from '../src/shared/domain/template';
import { connectContract, type ContractClient } from './support/contract-client';
import { expect, test } from './support/fixtures';

test.use({ demo: true, testClock: true });

let backend: ContractClient;
let templates: TemplateSummary[];

test.beforeAll(async ({ webHost }) => {
  backend = connectContract(webHost);
  templates = (await backend.call('templates.list', { text: '' })).items;
});

test.afterEach(async () => {
  await backend.call('testing.setClock', { now: null });
  await backend.call('settings.update', { theme: 'light', currentAthleteId: null });
});

test.afterAll(() => backend?.close());

const isoDay = (date: Date) => format(date, 'yyyy-MM-dd');
const inDays = (days: number) => isoDay(addDays(new Date(), days));
/** How the calendar names a day cell (en-US, as the browser runs). */
const longDay = new Intl.DateTimeFormat('en-US', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const dayName = (isoDate: string) => longDay.format(new Date(`${isoDate}T12:00:00`));

function template(name: string): TemplateSummary {
  const found = templates.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`The demo has no template named ${name}`);
  return found;
}

async function newAthlete(first: string): Promise<Athlete> {
  const name = `${first} ${test.info().testId.slice(0, 4)}${Math.random().toString(36).slice(2, 5)}`;
  return backend.call('athletes.create', { name, timeZone: 'UTC' });
}

async function openCalendar(
  page: Page,
  openApp: (path?: string) => Promise<void>,
  options: { athletes: Athlete[]; date: string; view?: 'month' | 'week' | 'day' | 'list' },
) {
  const ids = options.athletes.map((athlete) => athlete.id).join(',');
  await openApp(`/#/calendar?view=${options.view ?? 'month'}&date=${options.date}&athletes=${ids}`);
  await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
  await expect(page.locator('.lt-cal-skeleton')).toHaveCount(0);
}

function dayCell(page: Page, isoDate: string): Locator {
  return page.getByRole('gridcell', { name: dayName(isoDate), exact: true });
}

/** A workout on the calendar, named "<template>, <status>, …" (athlete first when several show). */
function workout(scope: Page | Locator, name: string): Locator {
  return scope.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, `) });
}

/** Press, move in steps (FullCalendar needs to see the pointer travel) and release. */
async function drag(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('Drag source or target is not on screen');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 8, from.y + from.height / 2 + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height * 0.7, { steps: 16 });
  await page.mouse.up();
}

function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('alert').filter({ hasText: text });
}

/**
 * A toast, held open: given by its message (Blueprint's role="alert" element; the action sits
 * beside it), the pointer rests on the toast as soon as it shows, which stops its timer however
 * slow the run. Returns the toast, whose Undo the test clicks when it has seen what it wanted.
 */
async function holdToast(message: Locator): Promise<Locator> {
  const toastBody = message.locator('..');
  await toastBody.hover();
  return toastBody;
}

async function undo(toastBody: Locator) {
  await toastBody.getByRole('button', { name: 'Undo' }).click();
}

test('a program applied to two athletes from a Monday shows in the month and week views', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  const [ada, ben] = [await newAthlete('Ada'), await newAthlete('Ben')];
  const { items: programs } = await backend.call('programs.list', { text: '' });
  const program = programs.find((candidate) => candidate.daysPerWeek === 3) ?? programs[0]!;
  const monday = isoDay(nextMonday(new Date()));
  const applied = await backend.call('programs.apply', {
    programId: program.id,
    athleteIds: [ada.id, ben.id],
    startDate: monday,
    weekdays: [1, 3, 5, 2, 4, 6, 7].slice(0, program.daysPerWeek),
  });
  expect(applied.created).toBeGreaterThan(0);

  await openCalendar(page, openApp, { athletes: [ada, ben], date: monday });
  const key = page.getByRole('list', { name: 'Athlete colours' });
  await expect(key).toContainText(ada.name);
  await expect(key).toContainText(ben.name);
  // Both athletes train that Monday, on week 1 of the program.
  const firstDay = dayCell(page, monday);
  await expect(workout(firstDay, ada.name)).toHaveAccessibleName(/week 1/);
  await expect(workout(firstDay, ben.name)).toHaveAccessibleName(/week 1/);
  await expect(firstDay.getByText('W1')).toHaveCount(2);

  // The Apply button opens the program dialog for the athletes on screen.
  await page.getByRole('button', { name: 'Apply program' }).click();
  await expect(page.getByRole('dialog', { name: 'Apply program' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Apply program' })).toBeHidden();

  await page.keyboard.press('w');
  await expect(page).toHaveURL(/view=week/);
  const weekAllDay = dayCell(page, monday);
  await expect(workout(weekAllDay, ada.name)).toBeVisible();
  await expect(workout(weekAllDay, ben.name)).toBeVisible();
  await expect(workout(dayCell(page, isoDay(addDays(nextMonday(new Date()), 2))), ada.name)).toBeVisible();
  await namedScreenshot('calendar-applied-program-week');
});

test('clicking a date adds a workout there; problems show beside their field', async ({ page, openApp }) => {
  const ada = await newAthlete('Ada');
  const date = inDays(9);
  await openCalendar(page, openApp, { athletes: [ada], date });

  await dayCell(page, date).click({ position: { x: 40, y: 70 } });
  const dialog = page.getByRole('dialog', { name: 'Schedule a workout' });
  await expect(dialog.getByLabel('Athlete')).toHaveValue(ada.id);
  await expect(dialog.getByLabel('Date')).toHaveValue(date);
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog.getByText('Pick a template')).toHaveCount(2); // the button and the message
  await expect(dialog.getByRole('alert')).toHaveText('Pick a template');

  await dialog.getByLabel('Template').click();
  await page.getByRole('option', { name: /^Upper A/ }).click();
  await dialog.getByLabel('Time').fill('07:30');
  await dialog.getByLabel('Notes').fill('Open the week with a heavy single');
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(dialog).toBeHidden();
  await expect(toast(page, `Scheduled “Upper A” for ${ada.name}`)).toBeVisible();
  await expect(workout(dayCell(page, date), 'Upper A')).toHaveAccessibleName(/Scheduled/);
  await expect(dayCell(page, date).getByText('7:30a')).toBeVisible();
});

test('a template dragged from the side panel onto a date is scheduled there (and Enter does the same)', async ({
  page,
  openApp,
}) => {
  const ada = await newAthlete('Ada');
  const date = inDays(10);
  await openCalendar(page, openApp, { athletes: [ada], date });
  const panel = page.getByRole('complementary', { name: 'Templates' });
  await panel.getByLabel('Search templates').fill('lower');
  const lowerA = panel.getByRole('listitem', { name: /^Lower A,/ });
  await expect(lowerA).toBeVisible();

  await drag(page, lowerA, dayCell(page, date));
  await expect(toast(page, `Scheduled “Lower A” for ${ada.name}`)).toBeVisible();
  await expect(workout(dayCell(page, date), 'Lower A')).toBeVisible();

  // The keyboard path: Enter on a template opens the quick add with it filled in.
  await lowerA.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Schedule a workout' });
  await expect(dialog.getByLabel('Template')).toHaveText(/Lower A/);
  await dialog.getByLabel('Date').fill(inDays(11));
  await dialog.getByRole('button', { name: 'Schedule' }).click();
  await expect(workout(dayCell(page, inDays(11)), 'Lower A')).toBeVisible();
});

test('a workout opens on its prescription, status and notes; notes save as typed and survive a reload', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  const ada = await newAthlete('Ada');
  const upperA = await backend.call('templates.get', { id: template('Upper A').id });
  const date = inDays(5);
  await backend.call('schedule.create', {
    athleteId: ada.id,
    templateId: upperA.id,
    date,
    startTime: '18:00',
  });
  await openCalendar(page, openApp, { athletes: [ada], date });

  await workout(dayCell(page, date), 'Upper A').click();
  const drawer = page.getByRole('region', { name: 'Workout: Upper A' });
  await expect(drawer.getByText('Scheduled', { exact: true })).toBeVisible();
  await expect(drawer.getByText(ada.name)).toBeVisible();
  const prescription = drawer.getByRole('table', { name: 'Prescription' });
  for (const exercise of upperA.exercises) await expect(prescription).toContainText(exercise.exerciseName);
  await expect(prescription.getByRole('columnheader', { name: 'Sets × reps' })).toBeVisible();

  await drawer.getByLabel('Notes').fill('Belt from the second set');
  await expect(drawer.getByText('Saved')).toBeVisible();
  await namedScreenshot('calendar-workout-drawer');

  // A reload comes back to the open workout (it is in the address), notes saved.
  await page.reload();
  await expect(page.getByRole('region', { name: 'Workout: Upper A' }).getByLabel('Notes')).toHaveValue(
    'Belt from the second set',
  );
  await page.keyboard.press('Escape');
  await expect(page).not.toHaveURL(/workout=/);
});

test('a workout moved by drag lands on the new date, and Undo puts it back', async ({ page, openApp }) => {
  const ada = await newAthlete('Ada');
  const [from, to] = [inDays(3), inDays(4)];
  await backend.call('schedule.create', { athleteId: ada.id, templateId: template('Push').id, date: from });
  await openCalendar(page, openApp, { athletes: [ada], date: from });

  await drag(page, workout(dayCell(page, from), 'Push'), dayCell(page, to));
  await expect(workout(dayCell(page, to), 'Push')).toBeVisible();
  await expect(workout(dayCell(page, from), 'Push')).toHaveCount(0);
  const moved = await holdToast(toast(page, /^Moved “Push” to/));
  const stored = await backend.call('schedule.range', { athleteIds: [ada.id], from, to });
  expect(stored.items.map((item) => item.date)).toEqual([to]);

  await undo(moved);
  await expect(workout(dayCell(page, from), 'Push')).toBeVisible();
  await expect(workout(dayCell(page, to), 'Push')).toHaveCount(0);
});

test('skip and delete from the context menu, each undone from its toast', async ({ page, openApp }) => {
  const ada = await newAthlete('Ada');
  const date = inDays(6);
  await backend.call('schedule.create', { athleteId: ada.id, templateId: template('Legs').id, date });
  await openCalendar(page, openApp, { athletes: [ada], date });
  const legs = workout(dayCell(page, date), 'Legs');

  await legs.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Skip' }).click();
  const skipped = await holdToast(toast(page, 'Skipped “Legs”'));
  await expect(legs).toHaveAccessibleName(/^Legs, Skipped/);
  await undo(skipped);
  await expect(legs).toHaveAccessibleName(/^Legs, Scheduled/);

  // The keyboard way to the same menu: focus the workout, then the context-menu key.
  await legs.focus();
  await page.keyboard.press('Shift+F10');
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  const deleted = await holdToast(toast(page, /^Deleted “Legs”/));
  await expect(legs).toHaveCount(0);
  await undo(deleted);
  await expect(legs).toHaveAccessibleName(/^Legs, Scheduled/);
});

test('month, week, day and list views by keyboard, kept in the address across a reload and followed from a link', async ({
  page,
  openApp,
}) => {
  const ada = await newAthlete('Ada');
  const date = inDays(2);
  await backend.call('schedule.create', { athleteId: ada.id, templateId: template('Pull').id, date });
  await openCalendar(page, openApp, { athletes: [ada], date });
  const viewButton = (name: string) =>
    page.getByRole('group', { name: 'Calendar view' }).getByRole('button', { name });

  for (const [key, view] of [
    ['w', 'Week'],
    ['d', 'Day'],
    ['l', 'List'],
    ['m', 'Month'],
  ] as const) {
    await page.keyboard.press(key);
    await expect(viewButton(view)).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(new RegExp(`view=${view.toLowerCase()}`));
  }
  await page.keyboard.press('l');
  await expect(page.getByRole('button', { name: /^Pull, Scheduled/ })).toBeVisible();
  await page.reload();
  await expect(viewButton('List')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: /^Pull, Scheduled/ })).toBeVisible();

  // A day by keyboard: arrows move between days, Enter adds a workout on the focused one.
  await page.keyboard.press('m');
  await dayCell(page, date).focus();
  await page.keyboard.press('ArrowRight');
  await expect(dayCell(page, inDays(3))).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Schedule a workout' }).getByLabel('Date')).toHaveValue(
    inDays(3),
  );

  // A link to the calendar followed while it is open (a toast's "See the calendar") moves it there.
  const later = inDays(20);
  await page.goto(new URL(`/#/calendar?view=week&date=${later}&athletes=${ada.id}`, page.url()).toString());
  await expect(viewButton('Week')).toHaveAttribute('aria-pressed', 'true');
  await expect(
    page.getByRole('columnheader', { name: new RegExp(format(addDays(new Date(), 20), 'EEE M/d')) }),
  ).toBeVisible();
  await expect(page).toHaveURL(/view=week&date=/);
});

test('the frame’s athlete by default; several athletes share the calendar, each with a colour and initials', async ({
  page,
  openApp,
}) => {
  const [ada, ben] = [await newAthlete('Ada'), await newAthlete('Ben')];
  const date = inDays(8);
  await backend.call('schedule.create', { athleteId: ada.id, templateId: template('Upper A').id, date });
  await backend.call('schedule.create', { athleteId: ben.id, templateId: template('Lower A').id, date });
  // With none picked, the calendar shows the athlete chosen in the app frame.
  await backend.call('settings.update', { currentAthleteId: ada.id });
  await openApp(`/#/calendar?view=month&date=${date}`);
  await expect(workout(dayCell(page, date), 'Upper A')).toBeVisible();
  await expect(page.getByRole('button', { name: `Athletes shown: ${ada.name}` })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Athlete colours' })).toHaveCount(0);

  await page.getByRole('button', { name: /^Athletes shown/ }).click();
  await page.getByLabel('Find an athlete').fill(ben.name.slice(0, 8));
  await page.getByRole('option', { name: ben.name }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`athletes=${ada.id}(%2C|,)${ben.id}`));

  const cell = dayCell(page, date);
  const adaChip = workout(cell, ada.name);
  const benChip = workout(cell, ben.name);
  await expect(adaChip).toHaveAccessibleName(new RegExp(`^${ada.name}, Upper A, Scheduled`));
  await expect(benChip).toHaveAccessibleName(new RegExp(`^${ben.name}, Lower A, Scheduled`));
  // The bar's colour is set inline from the athlete's palette entry.
  const barColour = (chip: Locator) => chip.locator('.lt-cal-athlete-bar').getAttribute('style');
  expect(await barColour(adaChip)).not.toEqual(await barColour(benChip));
  const key = page.getByRole('list', { name: 'Athlete colours' });
  await expect(key.getByRole('listitem')).toHaveCount(2);
});

test('a scheduled workout turns red once its day has passed on the clock', async ({ page, openApp }) => {
  const ada = await newAthlete('Ada');
  const tomorrow = inDays(1);
  await backend.call('schedule.create', {
    athleteId: ada.id,
    templateId: template('Full Body A').id,
    date: tomorrow,
  });
  await openCalendar(page, openApp, { athletes: [ada], date: tomorrow });
  const chip = workout(dayCell(page, tomorrow), 'Full Body A');
  await expect(chip).toHaveAccessibleName(/^Full Body A, Scheduled/);

  await backend.call('testing.setClock', { now: `${inDays(2)}T12:00:00.000Z` });
  await expect(chip).toHaveAccessibleName(/^Full Body A, Missed/);
  // Red: the missed fill of the status palette (Blueprint red 3 in the light theme).
  await expect(chip.locator('.lt-cal-chip')).toHaveCSS('background-color', 'rgb(205, 66, 70)');
});

test.describe('screenshots', () => {
  const sizes = [
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
  ];
  test('month and week, one athlete and several, light and dark', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    test.setTimeout(120_000);
    const { items: demoAthletes } = await backend.call('athletes.list', { text: '', includeArchived: false });
    const demo = demoAthletes.filter((athlete) => !/ [0-9a-z]{7}$/.test(athlete.name)).slice(0, 4);
    const today = inDays(0);
    for (const theme of ['light', 'dark'] as const) {
      await backend.call('settings.update', { theme });
      for (const size of sizes) {
        await page.setViewportSize(size);
        for (const [label, athletes] of [
          ['one', demo.slice(0, 1)],
          ['several', demo],
        ] as const) {
          for (const view of ['month', 'week'] as const) {
            await openCalendar(page, openApp, { athletes: [...athletes], date: today, view });
            await expect(page.locator('body')).toHaveClass(theme === 'dark' ? /bp6-dark/ : /^(?!.*bp6-dark)/);
            await expect(
              page.getByRole('button', { name: /, (Completed|Scheduled|Missed|Skipped)/ }).first(),
            ).toBeVisible();
            await namedScreenshot(`calendar-${view}-${label}-${size.width}x${size.height}-${theme}`);
          }
        }
      }
    }
  });
});
