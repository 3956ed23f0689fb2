/**
 * Voice notes on a workout: record a few seconds hands-free (one press starts, one stops) with
 * Chromium's fake microphone (a beep a second, allowed without a prompt), see the note listed,
 * play it back, delete it and undo, and find it again after a reload; one on an exercise stays with
 * it; a recording stops by itself at 5 minutes (the page's clock is Playwright's), and one cut short
 * by leaving the screen is still saved. When the microphone is refused or missing, the screen says
 * what to do.
 *
 * The fake media flags are for this file only: they join the config's own launch options (so the
 * file gets a browser, and a web host, of its own). The workout is started through the contract.
 */
import type { Page } from '@playwright/test';
import config from '../playwright.config';
import type { Athlete } from '../src/shared/domain/athlete';
import type { WorkoutDetail } from '../src/shared/domain/workout';
import { connectContract, type ContractClient } from './support/contract-client';
import { expect, test } from './support/fixtures';

const configured = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...configured,
    args: [
      ...(configured.args ?? []),
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  },
});

let backend: ContractClient;
let athlete: Athlete;
let workout: WorkoutDetail;

test.beforeAll(async ({ webHost }) => {
  backend = connectContract(webHost);
  athlete = await backend.call('athletes.create', {
    name: `Talker ${Math.random().toString(36).slice(2, 6)}`,
    timeZone: 'UTC',
  });
  await backend.call('settings.update', { currentAthleteId: athlete.id, theme: 'light' });
  workout = await backend.call('workouts.start', {
    athleteId: athlete.id,
    from: { kind: 'blank', name: 'Talking workout' },
  });
});

test.afterAll(async () => {
  if (workout) await backend?.call('workouts.delete', { id: workout.id }).catch(() => {});
  await backend?.call('settings.update', { theme: 'auto' });
  backend?.close();
});

async function storedNotes() {
  return (await backend.call('workouts.get', { id: workout.id })).voiceNotes;
}

function voiceNotes(page: Page) {
  return page.getByRole('group', { name: 'Voice notes', exact: true });
}

test('a voice note: recorded hands-free, listed, played, deleted and undone, still there after a reload', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  await openApp('/#/workouts');
  const notes = voiceNotes(page);
  await expect(notes.getByRole('button', { name: 'Record a voice note' })).toBeVisible();

  // One press starts: the clock runs against the 5-minute limit and the meter moves with the beeps.
  await notes.getByRole('button', { name: 'Record a voice note' }).click();
  const stop = notes.getByRole('button', { name: 'Stop recording' });
  await expect(stop).toBeVisible();
  const clock = notes.getByRole('timer', { name: 'Recording time' });
  await expect(clock).toContainText('/ 5:00');
  await expect
    .poll(async () =>
      Number(await notes.getByRole('meter', { name: 'Microphone level' }).getAttribute('aria-valuenow')),
    )
    .toBeGreaterThan(0);
  await expect(clock).toHaveText(/^0:0[3-9]/);
  await namedScreenshot('voice-notes-recording-1440x900-light');

  // One press stops, and the note is saved with the workout.
  await stop.click();
  const play = notes.getByRole('button', { name: /^Play voice note 1 \(0:0\d\)$/ });
  await expect(play).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Voice note saved/ })).toHaveCount(1);
  const [saved] = await storedNotes();
  expect(saved!.mimeType).toMatch(/^audio\/webm/);
  expect(saved!.durationMs).toBeGreaterThanOrEqual(3000);
  expect(saved!.sizeBytes).toBeGreaterThan(1000);

  // Play: the recording comes back from the database and plays to its end.
  await play.click();
  await expect(notes.getByRole('button', { name: /^Pause voice note 1/ })).toBeVisible();
  await expect(notes.getByText(/^0:0\d \/ 0:0\d$/)).toBeVisible();
  await namedScreenshot('voice-notes-playing-1440x900-light');
  await expect(notes.getByRole('button', { name: /^Play voice note 1/ })).toBeVisible({ timeout: 20_000 });

  // Delete, then Undo in the message.
  await notes.getByRole('button', { name: 'Delete voice note 1' }).click();
  await expect(notes.getByRole('listitem')).toHaveCount(0);
  await expect.poll(async () => (await storedNotes()).length).toBe(0);
  await expect(page.getByRole('alert').filter({ hasText: 'Deleted voice note 1' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(notes.getByRole('button', { name: /^Play voice note 1/ })).toBeVisible();
  await expect.poll(async () => (await storedNotes()).map((note) => note.id)).toEqual([saved!.id]);

  // A reload finds it where it was.
  await page.reload();
  await expect(voiceNotes(page).getByRole('button', { name: /^Play voice note 1/ })).toBeVisible();

  for (const theme of ['light', 'dark'] as const) {
    await backend.call('settings.update', { theme });
    await expect(page.locator('body.bp6-dark')).toHaveCount(theme === 'dark' ? 1 : 0);
    for (const [width, height] of [
      [1440, 900],
      [1920, 1080],
      [1080, 1920],
    ] as const) {
      await page.setViewportSize({ width, height });
      await voiceNotes(page).scrollIntoViewIfNeeded();
      await namedScreenshot(`voice-notes-listed-${width}x${height}-${theme}`);
    }
  }
  await backend.call('settings.update', { theme: 'light' });
});

test('a note recorded on an exercise is kept with that exercise, apart from the workout’s', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  const { items } = await backend.call('exercises.autocomplete', { text: 'Barbell Bench Press', limit: 5 });
  const bench = items.find((item) => item.name === 'Barbell Bench Press')!;
  const { entryId } = await backend.call('workouts.addExercise', {
    sessionId: workout.id,
    exerciseId: bench.id,
  });
  const before = (await storedNotes()).filter((note) => note.entryId === null).length;

  await openApp('/#/workouts');
  const benchNotes = page.getByRole('group', { name: 'Voice notes for Barbell Bench Press' });
  await benchNotes.getByRole('button', { name: 'Record a voice note for Barbell Bench Press' }).click();
  await expect(benchNotes.getByRole('timer', { name: 'Recording time' })).toHaveText(/^0:0[1-9]/);
  await benchNotes.getByRole('button', { name: 'Stop recording for Barbell Bench Press' }).click();
  await expect(
    benchNotes.getByRole('button', { name: /^Play voice note 1 on Barbell Bench Press/ }),
  ).toBeVisible();
  await namedScreenshot('voice-notes-exercise-1440x900-light');

  const notes = await storedNotes();
  expect(notes.filter((note) => note.entryId === entryId)).toHaveLength(1);
  expect(notes.filter((note) => note.entryId === null)).toHaveLength(before);
  await expect(voiceNotes(page).getByRole('listitem')).toHaveCount(before);
});

test('a recording stops by itself at 5 minutes, and leaving the screen mid-recording still saves it', async ({
  page,
  openApp,
}) => {
  const before = (await storedNotes()).length;
  // The page's clock is Playwright's: the 5 minutes pass on demand.
  await page.clock.install();
  await openApp('/#/workouts');
  const notes = voiceNotes(page);
  await notes.getByRole('button', { name: 'Record a voice note' }).click();
  await expect(notes.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.clock.fastForward('05:00');
  await expect(
    page.getByRole('alert').filter({ hasText: 'Voice notes stop at 5:00: this one is saved' }),
  ).toBeVisible();
  await expect(notes.getByRole('button', { name: 'Record a voice note' })).toBeVisible();
  await expect.poll(async () => (await storedNotes()).length).toBe(before + 1);
  const atLimit = (await storedNotes()).at(-1)!;
  expect(atLimit.durationMs).toBe(5 * 60_000);

  // Away to the calendar while recording: the note is kept.
  await notes.getByRole('button', { name: 'Record a voice note' }).click();
  await expect(notes.getByRole('button', { name: 'Stop recording' })).toBeVisible();
  await page.clock.fastForward('00:02');
  await page.getByRole('link', { name: 'Calendar' }).click();
  await expect.poll(async () => (await storedNotes()).length).toBe(before + 2);
});

test('without a microphone, or when it is refused, Record says what to do and saves nothing', async ({
  page,
  openApp,
  namedScreenshot,
}) => {
  const before = (await storedNotes()).length;
  // The browser's answer to getUserMedia, as the operating system would give it.
  await page.addInitScript(() => {
    const answers = ['NotAllowedError', 'NotFoundError'];
    // The test's tsconfig has no DOM types: the one property replaced here is declared inline.
    const { navigator } = globalThis as unknown as {
      navigator: { mediaDevices: { getUserMedia: () => Promise<never> } };
    };
    navigator.mediaDevices.getUserMedia = () =>
      Promise.reject(new DOMException('Refused', answers.shift() ?? 'NotFoundError'));
  });
  await openApp('/#/workouts');
  const notes = voiceNotes(page);

  await notes.getByRole('button', { name: 'Record a voice note' }).click();
  await expect(notes.getByRole('alert')).toContainText(
    'Lift Tracker may not use the microphone. Allow it in your system’s or browser’s privacy settings',
  );
  await namedScreenshot('voice-notes-refused-1440x900-light');

  await notes.getByRole('button', { name: 'Record a voice note' }).click();
  await expect(notes.getByRole('alert')).toContainText('No microphone was found. Plug one in or turn it on');
  await expect(notes.getByRole('button', { name: 'Stop recording' })).toHaveCount(0);
  expect((await storedNotes()).length).toBe(before);
});
