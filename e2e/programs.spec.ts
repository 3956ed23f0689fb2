/**
 * The program journeys: a coach builds a 4-week program by dragging templates onto days, copies
 * and duplicates weeks, lays a linear progression over it (after seeing its preview), undoes and
 * redoes, finds it all after a reload, does the same with the keyboard alone, exports it and
 * imports it back, and applies it to two athletes from a Monday (seeing the dates and choosing what
 * happens where one already trains), then sees both calendars. Nothing has a Save button.
 *
 * Every spec in a worker shares one database, so each test makes templates, athletes and programs
 * with names of their own.
 */
import { readFile } from 'node:fs/promises';
import { addDays, format, nextMonday } from 'date-fns';
import type { Page } from '@playwright/test';
import { toDocument } from '../src/shared/calc/program-ops';
import { connectContract, type ContractClient } from './support/contract-client';
import { expect, test } from './support/fixtures';
import {
  clickToastAction,
  createProgram,
  createTemplates,
  day,
  dayExercises,
  dragAnnouncement,
  escapeRegExp,
  expectSaved,
  keyboardDragTo,
  libraryCard,
  pointerDrag,
  tabTo,
  toast,
  uniqueTag,
  weekHandle,
} from './support/program-builder';

let backend: ContractClient;

test.beforeAll(async ({ webHost }) => {
  backend = connectContract(webHost);
});

test.afterEach(async () => {
  await backend.call('settings.update', { theme: 'auto' });
});

test.afterAll(() => backend?.close());

const isoDay = (date: Date) => format(date, 'yyyy-MM-dd');

async function openBuilder(page: Page, openApp: (path?: string) => Promise<void>, programId: string) {
  await openApp(`/#/programs/${programId}`);
  await expect(page.getByRole('grid', { name: 'Program weeks and days' })).toBeVisible();
}

test.describe('building a program', () => {
  test('with the mouse: templates dragged onto days, weeks copied by Alt-drag and duplicated from their menu, a linear progression previewed and applied, undo and redo, all there after a reload', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const tag = uniqueTag();
    const [squat, bench, pull] = await createTemplates(backend, tag);
    await openApp('/#/programs');
    await expect(page.getByRole('heading', { name: 'Programs', level: 1 })).toBeVisible();

    // New program: a bad number of weeks is explained beside the field and creates nothing.
    await page.getByRole('button', { name: 'New program' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New program' });
    await dialog.getByLabel('Name').fill(`Mouse block ${tag}`);
    await dialog.getByLabel('Weeks').fill('60');
    await dialog.getByRole('button', { name: 'Create program' }).click();
    await expect(dialog.getByText('A program can have at most 52 weeks (one year)')).toBeVisible();
    await dialog.getByLabel('Weeks').fill('2');
    await dialog.getByLabel('Training days a week').selectOption('3');
    await dialog.getByRole('button', { name: 'Create program' }).click();
    await expect(page.getByRole('grid', { name: 'Program weeks and days' })).toBeVisible();
    await expect(day(page, 1, 1)).toHaveAccessibleName('Week 1, day 1: rest day');

    // The library shows only this test's templates once searched.
    await page.getByRole('searchbox', { name: 'Search templates' }).fill(tag);
    await pointerDrag(page, libraryCard(page, squat!.name), day(page, 1, 1));
    await expect(day(page, 1, 1)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 1: ${escapeRegExp(squat!.name)}`),
    );
    await expect(dragAnnouncement(page)).toHaveText(`Put ${squat!.name} on week 1, day 1.`);
    await pointerDrag(page, libraryCard(page, bench!.name), day(page, 1, 2));
    await pointerDrag(page, libraryCard(page, pull!.name), day(page, 1, 3));
    await expect(day(page, 1, 3)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 3: ${escapeRegExp(pull!.name)}`),
    );
    expect(await dayExercises(page, 1, 1)).toEqual([
      'Barbell Back Squat: 5 × 5 at 75 %1RM',
      'Barbell Bent-Over Row: 3 × 8 at 65 %1RM',
    ]);

    // A day dragged onto another swaps them; Ctrl+Z puts them back.
    await pointerDrag(page, day(page, 1, 1), day(page, 1, 2));
    await expect(day(page, 1, 1)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 1: ${escapeRegExp(bench!.name)}`),
    );
    await expect(day(page, 1, 2)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 2: ${escapeRegExp(squat!.name)}`),
    );
    await page.keyboard.press('Control+z');
    await expect(
      toast(page, `Undid: Swapped ${squat!.name} (week 1, day 1) with ${bench!.name}`),
    ).toBeVisible();
    await expect(day(page, 1, 1)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 1: ${escapeRegExp(squat!.name)}`),
    );

    // Week 1 Alt-dragged onto the empty week 2 fills it; the menu's Duplicate adds weeks 3 and 4.
    await pointerDrag(page, weekHandle(page, 1), weekHandle(page, 2), { alt: true });
    await expect(dragAnnouncement(page)).toHaveText('Copied week 1 into week 2.');
    await expect(day(page, 2, 3)).toHaveAccessibleName(
      new RegExp(`^Week 2, day 3: ${escapeRegExp(pull!.name)}`),
    );
    await page.getByRole('button', { name: 'Week 2 actions' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await page.getByRole('button', { name: 'Week 3 actions' }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect(page.getByRole('combobox', { name: 'Weeks' })).toHaveValue('4');
    await expect(day(page, 4, 2)).toHaveAccessibleName(
      new RegExp(`^Week 4, day 2: ${escapeRegExp(bench!.name)}`),
    );
    await expectSaved(page);
    await namedScreenshot('programs-builder-4-weeks-1440x900-light');

    // Linear progression: its preview shows week by week what changes before it is applied.
    await page.getByRole('button', { name: 'Generators' }).click();
    await page.getByRole('menuitem', { name: /Linear progression/ }).click();
    const generator = page.getByRole('dialog', { name: 'Linear progression' });
    await expect(generator.getByRole('radio', { name: '% (and %1RM points)' })).toBeChecked();
    await generator.getByLabel('Weekly increase').fill('2.5');
    const table = generator.getByRole('table', { name: 'Before and after, week by week' });
    await expect(
      table.getByRole('row', { name: /Day 1 · Barbell Back Squat 5×5 75% 5×5 77.5%/ }),
    ).toHaveCount(1);
    await expect(
      table.getByRole('row', { name: /Day 1 · Barbell Back Squat 5×5 75% 5×5 82.5%/ }),
    ).toHaveCount(1);
    await generator.getByLabel('Weekly increase').fill('20');
    await expect(generator.getByText('Add at most 10 % a week')).toBeVisible();
    await expect(generator.getByRole('button', { name: 'Apply to weeks' })).toBeDisabled();
    await generator.getByLabel('Weekly increase').fill('2.5');
    await namedScreenshot('programs-generator-linear-1440x900-light');
    await generator.getByRole('button', { name: 'Apply to weeks' }).click();
    await expect(generator).toBeHidden();
    await expect.poll(() => dayExercises(page, 2, 1)).toContain('Barbell Back Squat: 5 × 5 at 77.5 %1RM');
    expect(await dayExercises(page, 4, 1)).toContain('Barbell Back Squat: 5 × 5 at 82.5 %1RM');
    expect(await dayExercises(page, 1, 1)).toContain('Barbell Back Squat: 5 × 5 at 75 %1RM');

    // Undo takes the whole generator back in one step; redo brings it again (Ctrl+Y too).
    await page.keyboard.press('Control+z');
    await expect.poll(() => dayExercises(page, 2, 1)).toContain('Barbell Back Squat: 5 × 5 at 75 %1RM');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => dayExercises(page, 2, 1)).toContain('Barbell Back Squat: 5 × 5 at 77.5 %1RM');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+y');
    await expect.poll(() => dayExercises(page, 4, 1)).toContain('Barbell Back Squat: 5 × 5 at 82.5 %1RM');
    await expectSaved(page);

    // The preview lays it on dates and charts it.
    await page.getByRole('radio', { name: 'Preview' }).click();
    await expect(
      page.getByRole('img', { name: /^Planned weekly sets per muscle group\. Volume holds/ }),
    ).toBeVisible();
    await expect(
      page.getByRole('img', { name: /^Average intensity per week\. Average intensity climbs from/ }),
    ).toBeVisible();
    await expect(page.getByRole('table', { name: 'Dates by week' }).getByRole('row')).toHaveCount(5);
    await namedScreenshot('programs-preview-1440x900-light');

    // Nothing was lost: after a reload the program is as it was left.
    await page.reload();
    await page.getByRole('radio', { name: 'Plan' }).click();
    await expect.poll(() => dayExercises(page, 4, 1)).toContain('Barbell Back Squat: 5 × 5 at 82.5 %1RM');
    await expect(day(page, 3, 2)).toHaveAccessibleName(
      new RegExp(`^Week 3, day 2: ${escapeRegExp(bench!.name)}`),
    );
    await expect(page.getByRole('combobox', { name: 'Weeks' })).toHaveValue('4');
  });

  test('with the keyboard alone: templates picked up and dropped, put on days from dialogs, a week copied and duplicated, the menus, undo and redo', async ({
    page,
    openApp,
  }) => {
    const tag = uniqueTag();
    const [squat, bench, pull] = await createTemplates(backend, tag);
    await openApp('/#/programs');
    await expect(page.getByRole('heading', { name: 'Programs', level: 1 })).toBeVisible();

    // "n" opens the new program dialog.
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog', { name: 'New program' });
    await expect(dialog.getByLabel('Name')).toBeFocused();
    await page.keyboard.type(`Keyboard block ${tag}`);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('grid', { name: 'Program weeks and days' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Training days a week' })).toHaveValue('4');

    // Fewer days a week: from the header's select.
    await tabTo(page, /^Training days a week$/);
    await page.keyboard.press('ArrowUp');
    await expect(page.getByRole('combobox', { name: 'Training days a week' })).toHaveValue('3');

    // A library card picked up with Space, moved with the arrow keys, dropped with Space.
    await tabTo(page, /^Search templates$/);
    await page.keyboard.type(tag);
    await tabTo(page, new RegExp(`^${escapeRegExp(squat!.name)},`));
    await page.keyboard.press('Space');
    await expect(dragAnnouncement(page)).toHaveText(`Picked up template ${squat!.name}.`);
    await keyboardDragTo(page, { week: 1, day: 1 });
    await page.keyboard.press('Space');
    await expect(dragAnnouncement(page)).toHaveText(`Put ${squat!.name} on week 1, day 1.`);
    // The focus lands on the day it went to.
    await expect(day(page, 1, 1)).toBeFocused();

    // Enter on a library card: "Put on a day…" with the week and day chosen from the keyboard.
    await tabTo(page, new RegExp(`^${escapeRegExp(bench!.name)},`), { backwards: true });
    await page.keyboard.press('Enter');
    const place = page.getByRole('dialog', { name: 'Put on a day…' });
    // It offers the first rest day; the selects change with the arrow keys.
    await expect(place.getByLabel('Week')).toBeFocused();
    await expect(place.getByLabel('Day')).toHaveValue('1');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await expect(place.getByText(`Week 1, day 3 is a rest day: ${bench!.name} goes there.`)).toBeVisible();
    await page.keyboard.press('ArrowUp');
    await expect(place.getByText(`Week 1, day 2 is a rest day: ${bench!.name} goes there.`)).toBeVisible();
    await tabTo(page, /^Put it there$/);
    await page.keyboard.press('Enter');
    await expect(place).toBeHidden();
    await expect(day(page, 1, 2)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 2: ${escapeRegExp(bench!.name)}`),
    );

    // In the grid: arrows move, Enter on a rest day asks for a template.
    await day(page, 1, 2).focus();
    await page.keyboard.press('ArrowRight');
    await expect(day(page, 1, 3)).toBeFocused();
    await page.keyboard.press('Enter');
    const picker = page.getByRole('dialog', { name: 'Template for week 1, day 3' });
    await page.keyboard.type(pull!.name);
    await page.keyboard.press('Enter');
    await expect(picker).toBeHidden();
    await expect(day(page, 1, 3)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 3: ${escapeRegExp(pull!.name)}`),
    );

    // Week 1 picked up by its handle, copied (C) onto the empty week 2.
    await page.keyboard.press('Home');
    await expect(weekHandle(page, 1)).toBeFocused();
    await page.keyboard.press('Space');
    await page.keyboard.press('c');
    await keyboardDragTo(page, { week: 2 });
    await expect(dragAnnouncement(page)).toHaveText('Week 1 is over week 2 (empty: the copy fills it).');
    await page.keyboard.press('Space');
    await expect(dragAnnouncement(page)).toHaveText('Copied week 1 into week 2.');
    await expect(day(page, 2, 1)).toHaveAccessibleName(
      new RegExp(`^Week 2, day 1: ${escapeRegExp(squat!.name)}`),
    );

    // The week's menu (Enter on its handle): Duplicate, twice, makes four weeks.
    await weekHandle(page, 2).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('menu', { name: 'Week 2 actions' })).toBeVisible();
    await tabTo(page, /^Duplicate$/);
    await page.keyboard.press('Enter');
    await expect(weekHandle(page, 3)).toBeVisible();
    await expect(weekHandle(page, 2)).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await tabTo(page, /^Duplicate$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: 'Weeks' })).toHaveValue('4');

    // Shift+F10 opens a day's menu; Move to… moves it from the keyboard.
    await day(page, 4, 3).focus();
    await page.keyboard.press('Shift+F10');
    await tabTo(page, /^Move to…$/);
    await page.keyboard.press('Enter');
    const move = page.getByRole('dialog', { name: 'Move day to…' });
    await expect(move.getByLabel('Week')).toBeFocused();
    // From the last week it offers the week before; ↓ goes back to week 4.
    await expect(move.getByLabel('Week')).toHaveValue('2');
    await page.keyboard.press('ArrowDown');
    await expect(move.getByLabel('Week')).toHaveValue('3');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(move.getByText(/holds .*: the two days swap/)).toBeVisible();
    await tabTo(page, /^Move$/);
    await page.keyboard.press('Enter');
    await expect(day(page, 4, 1)).toHaveAccessibleName(
      new RegExp(`^Week 4, day 1: ${escapeRegExp(pull!.name)}`),
    );
    await expect(day(page, 4, 3)).toHaveAccessibleName(
      new RegExp(`^Week 4, day 3: ${escapeRegExp(squat!.name)}`),
    );

    // Ctrl+C on a day, Ctrl+V on another; Delete clears one (with Undo).
    await day(page, 1, 1).focus();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Control+v');
    await expect(day(page, 1, 3)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 3: ${escapeRegExp(squat!.name)}`),
    );
    await page.keyboard.press('Delete');
    await expect(day(page, 1, 3)).toHaveAccessibleName('Week 1, day 3: rest day');
    await page.keyboard.press('Control+z');
    await expect(day(page, 1, 3)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 3: ${escapeRegExp(squat!.name)}`),
    );
    await page.keyboard.press('Control+z');
    await expect(day(page, 1, 3)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 3: ${escapeRegExp(pull!.name)}`),
    );
    await page.keyboard.press('Control+Shift+z');
    await expect(day(page, 1, 3)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 3: ${escapeRegExp(squat!.name)}`),
    );

    // An exercise picked up inside its day and moved up one place: the template is shared by
    // every week, so the coach is asked, and "Week 1 only" makes week 1 its own copy.
    await day(page, 2, 1).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(
      page.getByRole('button', { name: 'Barbell Bent-Over Row: 3 × 8 at 65 %1RM' }).first(),
    ).toBeFocused();
    await page.keyboard.press('Space');
    await expect(dragAnnouncement(page)).toHaveText('Barbell Bent-Over Row is over its own place.');
    await page.keyboard.press('ArrowUp');
    await expect(dragAnnouncement(page)).toHaveText(
      'Barbell Bent-Over Row is over before Barbell Back Squat in week 1, day 1.',
    );
    await page.keyboard.press('Space');
    const scope = page.getByRole('dialog', { name: `Change “${squat!.name}”` });
    await expect(scope).toContainText('is used on 5 days of this program (weeks 1–4)');
    await expect(scope.getByRole('button', { name: 'Week 1 only' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(scope).toBeHidden();
    await expect(day(page, 1, 1)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 1: ${escapeRegExp(squat!.name)} · week 1`),
    );
    await expect
      .poll(() => dayExercises(page, 1, 1))
      .toEqual(['Barbell Bent-Over Row: 3 × 8 at 65 %1RM', 'Barbell Back Squat: 5 × 5 at 75 %1RM']);
    expect(await dayExercises(page, 2, 1)).toEqual([
      'Barbell Back Squat: 5 × 5 at 75 %1RM',
      'Barbell Bent-Over Row: 3 × 8 at 65 %1RM',
    ]);
    // Two steps back: the order, then the copy.
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => dayExercises(page, 1, 1))
      .toEqual(['Barbell Back Squat: 5 × 5 at 75 %1RM', 'Barbell Bent-Over Row: 3 × 8 at 65 %1RM']);
    await page.keyboard.press('Control+z');
    await expect(day(page, 1, 1)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 1: ${escapeRegExp(squat!.name)},`),
    );

    // The generators from the keyboard: a deload every 2nd week, applied with Enter on its button.
    await tabTo(page, /^Generators$/, { backwards: true });
    await page.keyboard.press('Enter');
    await tabTo(page, /^Deload weeks/);
    await page.keyboard.press('Enter');
    const deload = page.getByRole('dialog', { name: 'Deload weeks' });
    await expect(deload).toBeVisible();
    await deload.getByLabel('Every Nth week').focus();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2');
    await tabTo(page, /^Apply to weeks$/);
    await page.keyboard.press('Enter');
    await expect(deload).toBeHidden();
    await expect(weekHandle(page, 2)).toHaveAccessibleName('Week 2, Deload, deload');
    await expect(weekHandle(page, 4)).toHaveAccessibleName('Week 4, Deload, deload');
    await expectSaved(page);
  });

  test('a 16-week, 5-day program stays readable: sticky headers, both window sizes, light and dark', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const tag = uniqueTag();
    const templates = await createTemplates(backend, tag);
    const program = await createProgram(
      backend,
      `Sixteen weeks ${tag}`,
      [...templates, templates[0]!, templates[1]!],
      16,
      5,
    );
    // Phases and modifiers across the block, as the generators would leave them.
    const detail = await backend.call('programs.get', { id: program.id });
    const phases = ['accumulation', 'accumulation', 'accumulation', 'deload'] as const;
    await backend.call('programs.save', {
      id: program.id,
      baseRevision: detail.revision,
      document: {
        name: detail.name,
        description: '',
        daysPerWeek: 5,
        weeks: detail.weeks.map((week, index) => {
          const phase = index < 12 ? phases[index % 4]! : index === 15 ? 'deload' : 'realization';
          return {
            id: week.id,
            phase,
            deload: phase === 'deload',
            volumeFactor: phase === 'deload' ? 0.6 : 1 + (index % 4) * 0.05,
            intensityDeltaPercent: phase === 'deload' ? -10 : Math.floor(index / 4) * 2.5,
            rpeDelta: 0,
            days: week.days,
          };
        }),
      },
    });
    for (const [width, height] of [
      [1440, 900],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const theme of ['light', 'dark'] as const) {
        await backend.call('settings.update', { theme });
        await openBuilder(page, openApp, program.id);
        await expect(weekHandle(page, 16)).toBeAttached();
        await expect(day(page, 1, 4)).toHaveAccessibleName(/^Week 1, day 4: Squat day/);
        await page
          .getByRole('grid', { name: 'Program weeks and days' })
          .evaluate((grid: { parentElement: { scrollTo(x: number, y: number): void } | null }) =>
            grid.parentElement?.scrollTo(0, 0),
          );
        await namedScreenshot(`programs-builder-16x5-${width}x${height}-${theme}`);
        if (width === 1920) {
          await page.getByRole('radio', { name: 'Preview' }).click();
          await expect(
            page.getByRole('img', { name: /^Planned weekly sets per muscle group\./ }),
          ).toBeVisible();
          await namedScreenshot(`programs-preview-16x5-${width}x${height}-${theme}`);
          await page.getByRole('radio', { name: 'Plan' }).click();
        }
      }
    }
    // Scrolled to the last week, the day headers stay in view.
    await page.getByRole('button', { name: /^Week 16, day 5: / }).scrollIntoViewIfNeeded();
    await expect(page.getByRole('columnheader', { name: 'Day 1' })).toBeInViewport();
    await namedScreenshot('programs-builder-16x5-scrolled-1920x1080-dark');
  });
});

test.describe('keeping programs', () => {
  test('a change saved in another window first is kept, and the edit made here is made again on top of it', async ({
    page,
    openApp,
  }) => {
    const tag = uniqueTag();
    const templates = await createTemplates(backend, tag);
    const program = await createProgram(backend, `Two windows ${tag}`, templates, 2);
    await openBuilder(page, openApp, program.id);
    await expect(day(page, 2, 1)).toHaveAccessibleName(/^Week 2, day 1: Squat day/);

    // "Another window" renames the program; this one, unaware, clears a day.
    const stored = await backend.call('programs.get', { id: program.id });
    await backend.call('programs.save', {
      id: program.id,
      baseRevision: stored.revision,
      document: { ...toDocument(stored), name: `Renamed elsewhere ${tag}` },
    });
    await day(page, 2, 3).focus();
    await page.keyboard.press('Delete');
    await expectSaved(page);
    await expect
      .poll(async () => (await backend.call('programs.get', { id: program.id })).name)
      .toBe(`Renamed elsewhere ${tag}`);
    const final = await backend.call('programs.get', { id: program.id });
    expect(final.weeks[1]!.days.find((item) => item.dayIndex === 2)?.templateId ?? null).toBeNull();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(`Renamed elsewhere ${tag}`);
  });

  test('exported as JSON and imported back: the same weeks, days and prescriptions', async ({
    page,
    openApp,
  }) => {
    const tag = uniqueTag();
    const templates = await createTemplates(backend, tag);
    const program = await createProgram(backend, `Exported ${tag}`, templates, 3);
    await openBuilder(page, openApp, program.id);

    await page.getByRole('button', { name: 'More program actions' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Export JSON' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = await download.path();
    const json = await readFile(file, 'utf8');
    expect(JSON.parse(json)).toBeTruthy();

    await openApp('/#/programs');
    // A file that is not a program is refused with its problems listed, and nothing is created.
    await page.getByLabel('Program file to import').setInputFiles({
      name: 'not-a-program.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    const refused = page.getByRole('dialog', { name: 'The program was not imported' });
    await expect(refused).toContainText('not-a-program.json was not imported, and nothing was changed.');
    await refused.getByRole('button', { name: 'OK' }).click();

    await page.getByLabel('Program file to import').setInputFiles(file);
    const imported = toast(page, /^Imported “/);
    await expect(imported).toBeVisible();
    await clickToastAction(imported, 'Open');
    await expect(page.getByRole('grid', { name: 'Program weeks and days' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Weeks' })).toHaveValue('3');
    await expect(day(page, 3, 2)).toHaveAccessibleName(/^Week 3, day 2: Bench day/);
    expect(await dayExercises(page, 3, 1)).toEqual([
      'Barbell Back Squat: 5 × 5 at 75 %1RM',
      'Barbell Bent-Over Row: 3 × 8 at 65 %1RM',
    ]);
  });

  test('the list finds, duplicates and archives programs (with Undo)', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const tag = uniqueTag();
    const templates = await createTemplates(backend, tag);
    const name = `Listed ${tag}`;
    await createProgram(backend, name, templates, 4);
    await openApp('/#/programs');
    await page.getByRole('searchbox', { name: 'Search programs' }).fill(tag);
    const row = page
      .getByRole('table', { name: 'Programs' })
      .getByRole('row', { name: new RegExp(`^${escapeRegExp(name)}(?! \\(copy)`) });
    await expect(row).toBeVisible();
    await expect(row.getByRole('cell').nth(1)).toHaveText('4 × 3');
    await namedScreenshot('programs-list-1440x900-light');

    await row.getByRole('button', { name: `More actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect(toast(page, `Duplicated as “${name} (copy)”`)).toBeVisible();
    await expect(
      page.getByRole('row', { name: new RegExp(`^${escapeRegExp(name)} \\(copy\\)`) }),
    ).toBeVisible();

    await row.getByRole('button', { name: `More actions for ${name}` }).click();
    await page.getByRole('menuitem', { name: 'Archive' }).click();
    const archived = toast(page, `Archived “${name}”`);
    await expect(archived).toBeVisible();
    await expect(row).toBeHidden();
    await clickToastAction(archived, 'Undo');
    await expect(row).toBeVisible();
  });
});

test.describe('applying a program', () => {
  test('to two athletes from a Monday: the dates, the days one already trains (shifted past), one transaction, Undo, nothing doubled, and both calendars', async ({
    page,
    openApp,
    namedScreenshot,
  }) => {
    const tag = uniqueTag();
    const templates = await createTemplates(backend, tag);
    const program = await createProgram(backend, `Applied ${tag}`, templates, 2);
    const ada = await backend.call('athletes.create', { name: `Ada ${tag}`, timeZone: 'UTC' });
    const ben = await backend.call('athletes.create', { name: `Ben ${tag}`, timeZone: 'UTC' });
    const monday = nextMonday(new Date());
    const start = isoDay(monday);
    // Ada already has a workout on that Monday.
    const existing = await backend.call('schedule.create', {
      athleteId: ada.id,
      templateId: templates[2]!.id,
      date: start,
    });
    const until = isoDay(addDays(monday, 30));
    const programWorkouts = async (athleteId: string) =>
      (
        await backend.call('schedule.range', { athleteIds: [athleteId], from: start, to: until })
      ).items.filter((workout) => workout.programId === program.id);

    // The dialog starts with the app frame's athlete ticked; another spec may have picked one.
    await backend.call('settings.update', { currentAthleteId: null });
    await openBuilder(page, openApp, program.id);
    await page.getByRole('button', { name: 'Apply…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Apply program' });
    // Nothing picked yet: the problem shows beside the field, and nothing changes.
    await dialog.getByRole('button', { name: /^Apply/ }).click();
    await expect(dialog.getByText('Pick at least one athlete to apply the program to')).toBeVisible();

    await dialog.getByRole('searchbox', { name: 'Athletes' }).fill(tag);
    await dialog.getByRole('checkbox', { name: ada.name }).check();
    await dialog.getByRole('checkbox', { name: ben.name }).check();
    await dialog.getByLabel('Start date').fill(start);
    await expect(
      dialog.getByRole('group', { name: 'Training weekdays' }).getByRole('button', { pressed: true }),
    ).toHaveText(['Mon', 'Wed', 'Fri']);
    const weeks = dialog.getByRole('list', { name: 'Dates by week' });
    await expect(weeks.getByRole('listitem')).toHaveCount(2);
    await expect(weeks.getByRole('listitem').first()).toContainText(format(monday, 'EEE, MMM d'));
    const landing = dialog.getByRole('region', { name: 'Where the workouts land' });
    await expect(landing.getByText('Days that already have a workout')).toBeVisible();
    await expect(landing.getByText(ada.name)).toBeVisible();
    await expect(landing.getByText(`(${templates[2]!.name})`)).toBeVisible();
    await dialog.getByRole('radio', { name: /Shift past them/ }).check();
    await namedScreenshot('programs-apply-dialog-1440x900-light');
    await dialog.getByRole('button', { name: 'Apply to 2 athletes' }).click();
    await expect(dialog).toBeHidden();

    // Six workouts each; Ada's program starts on the Wednesday, past her Monday workout.
    const scheduled = toast(page, 'Scheduled 12 workouts for 2 athletes');
    await expect(scheduled).toBeVisible();
    expect(await programWorkouts(ada.id)).toHaveLength(6);
    expect(await programWorkouts(ben.id)).toHaveLength(6);
    expect((await programWorkouts(ada.id)).map((workout) => workout.date).sort()[0]).toBe(
      isoDay(addDays(monday, 2)),
    );
    expect((await programWorkouts(ben.id)).map((workout) => workout.date).sort()[0]).toBe(start);

    // Undo removes what the apply created (Ada's own workout stays).
    await clickToastAction(scheduled, 'Undo');
    await expect(toast(page, 'Removed 12 upcoming workouts')).toBeVisible();
    expect(await programWorkouts(ada.id)).toHaveLength(0);
    const adaDay = await backend.call('schedule.range', { athleteIds: [ada.id], from: start, to: start });
    expect(adaDay.items.map((workout) => workout.id)).toEqual([existing.id]);

    // Applied again; the builder then says who follows it, and applying the same twice adds nothing.
    await page.getByRole('button', { name: 'Apply…' }).click();
    await dialog.getByRole('searchbox', { name: 'Athletes' }).fill(tag);
    await dialog.getByRole('checkbox', { name: ada.name }).check();
    await dialog.getByRole('checkbox', { name: ben.name }).check();
    await dialog.getByLabel('Start date').fill(start);
    await dialog.getByRole('radio', { name: /Shift past them/ }).check();
    await dialog.getByRole('button', { name: 'Apply to 2 athletes' }).click();
    await expect(toast(page, 'Scheduled 12 workouts for 2 athletes')).toBeVisible();
    await expect(page.getByText(/^Applied to 2 athletes/).first()).toBeVisible();

    await page.getByRole('button', { name: 'Apply…' }).click();
    await dialog.getByRole('searchbox', { name: 'Athletes' }).fill(tag);
    await dialog.getByRole('checkbox', { name: ada.name }).check();
    await dialog.getByRole('checkbox', { name: ben.name }).check();
    await dialog.getByLabel('Start date').fill(start);
    await expect(dialog.getByText(/nothing will be doubled/)).toBeVisible();
    await dialog.getByRole('radio', { name: /Shift past them/ }).check();
    await dialog.getByRole('button', { name: 'Apply to 2 athletes' }).click();
    const nothingDoubled = toast(page, 'Already scheduled: 12 workouts for 2 athletes, nothing doubled');
    await expect(nothingDoubled).toBeVisible();
    expect(await programWorkouts(ada.id)).toHaveLength(6);
    expect(await programWorkouts(ben.id)).toHaveLength(6);

    // Both calendars, month and week, from the toast's link.
    await nothingDoubled.getByRole('link', { name: 'See the calendar' }).click();
    await expect(page).toHaveURL(new RegExp(`#/calendar\\?.*athletes=${ada.id}(,|%2C)${ben.id}`));
    await expect(page.getByRole('heading', { name: 'Calendar', level: 1 })).toBeVisible();
    const longDay = new Intl.DateTimeFormat('en-US', {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    });
    const dayCell = (date: Date) => page.getByRole('gridcell', { name: longDay.format(date), exact: true });
    const workout = (date: Date, athlete: string) =>
      dayCell(date).getByRole('button', { name: new RegExp(`^${escapeRegExp(athlete)}, `) });
    await expect(workout(monday, ben.name).first()).toBeVisible();
    await expect(workout(addDays(monday, 2), ada.name).first()).toBeVisible();
    await expect(workout(addDays(monday, 2), ben.name).first()).toBeVisible();
    await namedScreenshot('programs-applied-calendar-month');
    await page.keyboard.press('w');
    await expect(page).toHaveURL(/view=week/);
    await expect(workout(addDays(monday, 4), ada.name).first()).toBeVisible();
    await expect(workout(addDays(monday, 4), ben.name).first()).toBeVisible();
    await namedScreenshot('programs-applied-calendar-week');

    await openBuilder(page, openApp, program.id);
    // An edit of the applied program: the coach is told how many upcoming workouts follow it.
    await day(page, 1, 2).focus();
    await page.keyboard.press('Delete');
    await expect(toast(page, /^Updated \d+ upcoming workouts? for 2 athletes$/)).toBeVisible();
    expect(await programWorkouts(ben.id)).toHaveLength(5);
    await page.keyboard.press('Control+z');
    await expect(day(page, 1, 2)).toHaveAccessibleName(
      new RegExp(`^Week 1, day 2: ${escapeRegExp(templates[1]!.name)}`),
    );
    await expectSaved(page);
  });
});
