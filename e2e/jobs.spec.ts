/**
 * Background jobs and reminders: Settings → Background jobs shows both jobs with their last run
 * after start-up, and "Run now" runs one again; with the host's test clock moved to just inside a
 * workout's reminder window, the web page shows the reminder as a toast, counting back from the
 * usual training time set in Settings.
 *
 * The host is started with --test-clock (its own, for this file); the clock is put back after each
 * test that moves it.
 */
import type { Page } from '@playwright/test';
import { addDays, format } from 'date-fns';
import { connectContract, type ContractClient } from './support/contract-client';
import { expect, test } from './support/fixtures';

test.use({ testClock: true });

let backend: ContractClient;

test.beforeAll(({ webHost }) => {
  backend = connectContract(webHost);
});

test.afterAll(() => {
  backend?.close();
});

test.afterEach(async () => {
  await backend.call('testing.setClock', { now: null });
});

function jobCard(page: Page, label: string) {
  return page.getByRole('region', { name: label, exact: true });
}

/** The value beside a term of a job card's facts. */
function fact(card: ReturnType<typeof jobCard>, term: string) {
  return card
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

test('Settings lists both background jobs with their last run, and Run now runs one again', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await openApp('/#/settings');
  const section = page.getByRole('heading', { name: 'Background jobs' });
  await expect(section).toBeVisible();

  const missed = jobCard(page, 'Missed workouts');
  const reminders = jobCard(page, 'Workout reminders');
  for (const card of [missed, reminders]) {
    await expect(fact(card, 'Last run')).not.toHaveText('Not yet');
    await expect(fact(card, 'Run count')).not.toHaveText('0');
    await expect(card.getByText(/^At start-up, every/)).toBeVisible();
  }
  await expect(fact(missed, 'Result')).toHaveText('No missed workouts');
  await expect(fact(reminders, 'Result')).toHaveText('No reminders due');
  await expect(missed.getByText('Last error')).toHaveCount(0);

  const runs = Number(await fact(missed, 'Run count').innerText());
  await missed.getByRole('button', { name: 'Run Missed workouts now' }).click();
  await expect(fact(missed, 'Run count')).toHaveText(String(runs + 1));
  await expect(fact(missed, 'Last run')).toHaveText('just now');

  // The exact time shows on hover.
  await fact(missed, 'Last run').locator('time').hover();
  await expect(page.getByRole('tooltip')).toContainText(String(new Date().getFullYear()));
  await page.mouse.move(0, 0);
  await expect(page.getByRole('tooltip')).toHaveCount(0);
  await namedScreenshot('settings-background-jobs-1440x900-light');

  await backend.call('settings.update', { theme: 'dark' });
  await expect(page.locator('body')).toHaveClass(/\bbp6-dark\b/);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await namedScreenshot('settings-background-jobs-1920x1080-dark');
  await backend.call('settings.update', { theme: 'auto' });
});

test('a workout’s reminder shows as a toast once the clock reaches its window', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  // Ada trains in UTC, like the host here, so her times read without a zone.
  const ada = await backend.call('athletes.create', { name: 'Ada', timeZone: 'UTC' });
  const upperA = await backend.call('templates.create', {
    name: 'Upper A',
    description: '',
    tags: [],
    exercises: [],
  });
  const tomorrow = format(addDays(new Date(), 1), 'yyyy-MM-dd');
  await backend.call('schedule.create', {
    athleteId: ada.id,
    templateId: upperA.id,
    date: tomorrow,
    startTime: '17:00',
  });

  await openApp('/#/dashboard');
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible();

  // Two hours before by default: 15:30 is just inside the window.
  await backend.call('testing.setClock', { now: `${tomorrow}T15:30:00.000Z` });

  const toast = page.getByRole('alert').filter({ hasText: 'Ada: Upper A at 17:00' });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText('Starts in 1 h 30 min.');
  await namedScreenshot('reminder-toast');

  // Once only: moving on within the window sends no second reminder.
  await backend.call('testing.setClock', { now: `${tomorrow}T16:00:00.000Z` });
  await expect(page.getByRole('alert').filter({ hasText: 'Ada: Upper A' })).toHaveCount(1);
});

test('reminders count back from the usual training time set in Settings', async ({ page, openApp }) => {
  await openApp('/#/settings');
  const usualTime = page.getByLabel('Usual training time');
  await expect(usualTime).toBeEnabled();
  await usualTime.fill('06:45');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Saved');
  await page.reload();
  await expect(page.getByLabel('Usual training time')).toHaveValue('06:45');

  const grace = await backend.call('athletes.create', { name: 'Grace', timeZone: 'UTC' });
  const lowerB = await backend.call('templates.create', {
    name: 'Lower B',
    description: '',
    tags: [],
    exercises: [],
  });
  const dayAfter = format(addDays(new Date(), 2), 'yyyy-MM-dd');
  await backend.call('schedule.create', { athleteId: grace.id, templateId: lowerB.id, date: dayAfter });

  await backend.call('testing.setClock', { now: `${dayAfter}T05:00:00.000Z` });
  const toast = page.getByRole('alert').filter({ hasText: 'Grace: Lower B at 06:45' });
  await expect(toast).toBeVisible();
  await expect(toast).toContainText('Starts in 1 h 45 min.');

  await page.getByLabel('Usual training time').fill('17:00');
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Saved');
});
