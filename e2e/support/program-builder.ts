/**
 * Helpers for the program specs: setting up templates, athletes and programs through the contract,
 * finding the builder's days and weeks the way a screen reader names them, and dragging with the
 * pointer (dnd-kit needs to see it travel) or with the keyboard (reading dnd-kit's live region).
 */
import type { Locator, Page } from '@playwright/test';
import { uuidv7 } from 'uuidv7';
import type { ProgramDetail } from '../../src/shared/domain/program';
import type { TemplateDetail } from '../../src/shared/domain/template';
import type { ContractClient } from './contract-client';
import { expect, test } from './fixtures';

/** A short tag no other test (or earlier run on the same host) uses. */
export function uniqueTag(): string {
  return `${test.info().testId.slice(0, 4)}${Math.random().toString(36).slice(2, 6)}`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function exerciseId(backend: ContractClient, name: string): Promise<string> {
  const { items } = await backend.call('exercises.search', { text: name, limit: 5 });
  const found = items.find((item) => item.name === name) ?? items[0];
  if (!found) throw new Error(`No exercise named ${name} in the catalogue`);
  return found.id;
}

/** Three full-body days of barbell lifts at %1RM (what the linear progression moves). */
export async function createTemplates(backend: ContractClient, tag: string): Promise<TemplateDetail[]> {
  const [squat, bench, deadlift, row, press] = await Promise.all(
    [
      'Barbell Back Squat',
      'Barbell Bench Press',
      'Conventional Deadlift',
      'Barbell Bent-Over Row',
      'Barbell Overhead Press',
    ].map((name) => exerciseId(backend, name)),
  );
  const day = (
    name: string,
    exercises: { exerciseId: string; sets: number; reps: number; percent: number }[],
  ) =>
    backend.call('templates.create', {
      name: `${name} ${tag}`,
      description: '',
      tags: ['e2e'],
      exercises: exercises.map((exercise) => ({
        exerciseId: exercise.exerciseId,
        sets: exercise.sets,
        repsMin: exercise.reps,
        repsMax: exercise.reps,
        percentOneRepMax: exercise.percent,
      })),
    });
  return [
    await day('Squat day', [
      { exerciseId: squat!, sets: 5, reps: 5, percent: 75 },
      { exerciseId: row!, sets: 3, reps: 8, percent: 65 },
    ]),
    await day('Bench day', [
      { exerciseId: bench!, sets: 5, reps: 5, percent: 75 },
      { exerciseId: press!, sets: 3, reps: 8, percent: 60 },
    ]),
    await day('Pull day', [{ exerciseId: deadlift!, sets: 3, reps: 5, percent: 80 }]),
  ];
}

/** A program of `weeks` weeks with the templates on days 1, 2, 3… of every week. */
export async function createProgram(
  backend: ContractClient,
  name: string,
  templates: readonly { id: string }[],
  weeks: number,
  daysPerWeek = templates.length,
): Promise<ProgramDetail> {
  const created = await backend.call('programs.create', { name, description: '', daysPerWeek, weeks });
  const saved = await backend.call('programs.save', {
    id: created.id,
    baseRevision: created.revision,
    document: {
      name,
      description: '',
      daysPerWeek,
      weeks: created.weeks.map((week) => ({
        id: week.id,
        days: templates.slice(0, daysPerWeek).map((template, dayIndex) => ({
          id: uuidv7(),
          dayIndex,
          templateId: template.id,
          overrides: {},
        })),
      })),
    },
  });
  return saved.program;
}

/** A day of the grid: "Week 2, day 1: Squat day …" or "Week 2, day 1: rest day". */
export function day(page: Page, week: number, dayNumber: number): Locator {
  return page.getByRole('button', { name: new RegExp(`^Week ${week}, day ${dayNumber}: `) });
}

/** A week's handle (what is dragged, and what Enter opens the menu on). */
export function weekHandle(page: Page, week: number): Locator {
  return page.getByRole('button', { name: new RegExp(`^Week ${week}(?!, day )(,|$)`) });
}

export function libraryCard(page: Page, name: string): Locator {
  return page
    .getByRole('complementary', { name: 'Template library' })
    .getByRole('button', { name: new RegExp(`^${escapeRegExp(name)},`) });
}

/** A toast's message (Blueprint's role="alert" element; its action button sits beside it). */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.getByRole('alert').filter({ hasText: text });
}

/** Clicks a toast's action; the pointer rests on the toast first, which keeps it open. */
export async function clickToastAction(message: Locator, action: string) {
  const body = message.locator('..');
  await body.hover();
  await body.getByRole('button', { name: action }).click();
}

export async function expectSaved(page: Page) {
  await expect(page.getByRole('status').filter({ hasText: /^\s*Saved$/ })).toBeVisible();
}

/** Press on `source`, travel to `target` in steps, release; Alt held on the way copies. */
export async function pointerDrag(
  page: Page,
  source: Locator,
  target: Locator,
  options: { alt?: boolean } = {},
) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('The drag source or target is not on screen');
  await page.mouse.move(from.x + Math.min(24, from.width / 2), from.y + Math.min(10, from.height / 2));
  await page.mouse.down();
  await page.mouse.move(from.x + 32, from.y + 24, { steps: 4 });
  if (options.alt) await page.keyboard.down('Alt');
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 16 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + to.height / 2 + 2, { steps: 2 });
  await page.mouse.up();
  if (options.alt) await page.keyboard.up('Alt');
}

/** What dnd-kit last told a screen reader. */
export function dragAnnouncement(page: Page): Locator {
  return page.locator('[id^="DndLiveRegion"]');
}

/**
 * During a keyboard drag, presses the arrow keys until the announcement says the dragged thing is
 * over `target` ("week 1, day 2"), reading where it is after each step.
 */
export async function keyboardDragTo(page: Page, target: { week: number; day?: number }) {
  for (let step = 0; step < 30; step += 1) {
    const text = (await dragAnnouncement(page).textContent()) ?? '';
    const over = /is over week (\d+)(?:, day (\d+))?/.exec(text);
    if (over) {
      const week = Number(over[1]);
      const dayNumber = over[2] === undefined ? undefined : Number(over[2]);
      if (week === target.week && dayNumber === target.day) return;
      if (week !== target.week) await page.keyboard.press(week > target.week ? 'ArrowUp' : 'ArrowDown');
      else await page.keyboard.press(dayNumber! > target.day! ? 'ArrowLeft' : 'ArrowRight');
    } else {
      // Picked up in the library: over nothing until it moves towards the grid.
      await page.keyboard.press('ArrowRight');
    }
    await page.waitForTimeout(50);
  }
  throw new Error(`The keyboard drag did not reach week ${target.week}, day ${target.day}`);
}

/** Tab (forwards or backwards) until the focused element's accessible name matches. */
export async function tabTo(page: Page, name: RegExp, options: { backwards?: boolean; limit?: number } = {}) {
  for (let step = 0; step < (options.limit ?? 80); step += 1) {
    const label = await page.evaluate(() => {
      // The test's tsconfig has no DOM types: the one property read here is declared inline.
      type Focused = { getAttribute(name: string): string | null; innerText?: string } | null;
      const active = (globalThis as unknown as { document: { activeElement: Focused } }).document
        .activeElement;
      return active ? (active.getAttribute('aria-label') ?? active.innerText ?? '') : '';
    });
    if (name.test(label.trim())) return;
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${name}`);
}

/** Every exercise of a day as a screen reader hears it ("Barbell Back Squat: 5 × 5 at 75 %1RM"). */
export async function dayExercises(page: Page, week: number, dayNumber: number): Promise<string[]> {
  const labels = await day(page, week, dayNumber)
    .getByRole('button')
    .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
  return labels.filter((label) => label && !label.endsWith(' actions'));
}
