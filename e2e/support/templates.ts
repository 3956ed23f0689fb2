/** Helpers for the template specs: finding the library's rows, the editor's rows and fields. */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

export function uniqueName(base: string): string {
  return `${base} ${test.info().testId.slice(0, 4)}${Math.random().toString(36).slice(2, 6)}`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export async function openLibrary(page: Page, openApp: (path?: string) => Promise<void>) {
  await openApp('/#/programs/templates');
  await expect(
    page.getByRole('navigation', { name: 'Programs' }).getByRole('link', { name: 'Templates' }),
  ).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('button', { name: 'New template' }).first()).toBeVisible();
}

export function templateTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Templates' });
}

/** A template's row: its accessible name is its cells' text, the name first. */
export function templateRow(page: Page, name: string): Locator {
  return templateTable(page).getByRole('row', { name: new RegExp(`^${escapeRegExp(name)}(?=\\s|$)`) });
}

export function editor(page: Page): Locator {
  return page.getByRole('region', { name: 'Open template' });
}

export function exerciseRow(page: Page, name: string): Locator {
  return editor(page).getByRole('group', { name, exact: true });
}

/** A labelled control inside a row ("Sets", not "Sets differ"). */
export function field(row: Locator, label: string): Locator {
  return row.getByLabel(label, { exact: true });
}

export async function expectSaved(page: Page) {
  await expect(editor(page).getByText('All changes saved')).toBeVisible();
}

/** "New template", then the name typed over the selected default. */
export async function createTemplate(page: Page, name: string, tags: string[] = []) {
  await page.getByRole('button', { name: 'New template' }).first().click();
  const nameInput = editor(page).getByLabel('Template name', { exact: true });
  await expect(nameInput).toBeFocused();
  await nameInput.fill(name);
  await nameInput.press('Enter');
  const tagInput = editor(page).getByLabel('Tags');
  for (const tag of tags) {
    await tagInput.fill(tag);
    await tagInput.press('Enter');
  }
  // Tab leaves the tags (and closes their suggestions), as a keyboard user would.
  if (tags.length > 0) await tagInput.press('Tab');
  await expectSaved(page);
  await expect(templateRow(page, name)).toBeVisible();
}

/** Types a name in the picker and presses Enter on the best match; focus lands on its Sets. */
export async function addExercise(page: Page, name: string): Promise<Locator> {
  const picker = editor(page).getByRole('combobox', { name: 'Add exercise' });
  await picker.fill(name);
  await expect(
    page.getByRole('listbox', { name: 'Matching exercises' }).getByRole('option').first(),
  ).toHaveText(new RegExp(`^${escapeRegExp(name)}`));
  await picker.press('Enter');
  const row = exerciseRow(page, name);
  await expect(field(row, 'Sets')).toBeFocused();
  await expect(picker).toHaveValue('');
  return row;
}

export function exerciseOrder(page: Page): Locator {
  return editor(page).getByRole('list', { name: 'Exercises' }).getByRole('link');
}

export async function setPreference(page: Page, label: string, value: string) {
  await page.goto('/#/settings');
  const select = page.getByLabel(label);
  await expect(select).toBeEnabled();
  if ((await select.inputValue()) !== value) {
    await select.selectOption(value);
    await expect(page.getByRole('main').getByRole('status')).toHaveText('Saved');
  }
}

/** A toast (its message is the alert; its action, such as Undo, sits beside it). */
export function toast(page: Page, text: string | RegExp): Locator {
  return page.locator('.bp6-toast').filter({ has: page.getByRole('alert').filter({ hasText: text }) });
}
