/**
 * The template library with the demo gym's templates and programs: what a coach sees on a real
 * library, in light and dark, at 1440×900 and 1920×1080; and a template a program uses refuses
 * to be deleted, saying to archive it instead. (Its own file: the demo data needs its own host.)
 */
import { expect, test } from './support/fixtures';
import { editor, openLibrary, setPreference, templateRow, templateTable, toast } from './support/templates';

test.use({ demo: true });

test.afterEach(async ({ page }) => {
  if (!page.url().startsWith('http')) return;
  await setPreference(page, 'Theme', 'auto');
});

test('the library and an open template in light and dark, at 1440×900 and 1920×1080', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await openLibrary(page, openApp);
  await expect(templateTable(page).getByRole('row').nth(1)).toBeVisible();
  await namedScreenshot('templates-library-1440x900-light');

  // A template a program uses cannot be deleted; the message says what to do instead.
  const used = templateTable(page)
    .getByRole('row')
    .filter({ hasText: /\d+ programs?/ })
    .first();
  const usedName = (await used.getByRole('cell').first().locator('.lt-tpl-row-name').textContent()) ?? '';
  await used.getByRole('button', { name: `Delete ${usedName}` }).click();
  await expect(toast(page, 'archive it instead')).toBeVisible();
  await expect(templateRow(page, usedName)).toBeVisible();

  await used.click();
  await expect(editor(page).getByLabel('Template name', { exact: true })).toHaveValue(usedName);
  await expect(editor(page).getByText('All changes saved')).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    if (theme === 'dark') {
      const url = page.url();
      await setPreference(page, 'Theme', 'dark');
      await page.goto(url);
      await expect(editor(page).getByText('All changes saved')).toBeVisible();
    }
    for (const [width, height] of [
      [1440, 900],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      // The pointer off the editor, so no hover outline shows.
      await page.mouse.move(0, height - 1);
      await namedScreenshot(`templates-open-${width}x${height}-${theme}`);
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  }
  await page.getByRole('button', { name: 'Close the template' }).click();
  await namedScreenshot('templates-library-1440x900-dark');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await namedScreenshot('templates-library-1920x1080-dark');
});

test('in a narrow window each exercise takes two lines, its fields labelled', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await openLibrary(page, openApp);
  await templateTable(page).getByRole('row').nth(1).click();
  const firstRow = editor(page).getByRole('list', { name: 'Exercises' }).getByRole('listitem').first();
  await expect(firstRow.getByText('Sets', { exact: true })).toBeVisible();
  await expect(firstRow.getByText('Effort', { exact: true })).toBeVisible();
  await page.mouse.move(0, 799);
  await namedScreenshot('templates-open-1100x800-light');
});
