import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/contract/events';
import { DEFAULT_PREFERENCES } from '../../shared/domain/preferences';
import { athlete, scheduledWorkout } from '../db/schema';
import type { ServiceContext } from '../services/context';
import { updatePreferences } from '../services/settings';
import { useServiceFixture } from '../services/test-fixtures';
import { insertAthlete, insertTemplate, insertWorkout, runToEnd } from './test-support';
import { workoutRemindersJob } from './workout-reminders';

const fixture = useServiceFixture();
let now = new Date('2026-03-02T12:00:00Z');
let ctx: ServiceContext;
let templateId: string;
let ada: string;
let kenji: string;

beforeAll(async () => {
  ctx = { ...fixture.ctx, now: () => now };
  templateId = await insertTemplate(ctx, 'Upper A');
  ada = await insertAthlete(ctx, 'Ada', 'Europe/London');
  kenji = await insertAthlete(ctx, 'Kenji', 'Asia/Tokyo');
});

beforeEach(async () => {
  await ctx.db.execute(sql`DELETE FROM scheduled_workout`);
  const { currentAthleteId: _current, ...defaults } = DEFAULT_PREFERENCES;
  await updatePreferences(ctx, defaults);
});

/** Runs the job at `at` and returns the reminders it sent. */
async function remindAt(at: string): Promise<Extract<BackendEvent, { name: 'reminder' }>['payload'][]> {
  now = new Date(at);
  const run = await runToEnd(workoutRemindersJob, ctx);
  return run.events.flatMap((event) => (event.name === 'reminder' ? [event.payload] : []));
}

async function remindedAt(id: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ remindedAt: scheduledWorkout.remindedAt })
    .from(scheduledWorkout)
    .where(eq(scheduledWorkout.id, id));
  if (!row) throw new Error(`No workout ${id}`);
  return row.remindedAt && new Date(row.remindedAt).toISOString();
}

describe('workout reminders', () => {
  it('reminds the chosen hours before the usual training time on the athlete’s clock, once', async () => {
    // Usual training time 17:00, two hours before; London is on UTC in March.
    const id = await insertWorkout(ctx, { athleteId: ada, templateId, scheduledDate: '2026-03-02' });

    expect(await remindAt('2026-03-02T14:59:00Z')).toEqual([]);
    expect(await remindAt('2026-03-02T15:00:00Z')).toEqual([
      {
        scheduledWorkoutId: id,
        athleteId: ada,
        athleteName: 'Ada',
        templateName: 'Upper A',
        startsAt: '2026-03-02T17:00:00.000Z',
        date: '2026-03-02',
        startTime: '17:00',
        title: 'Ada: Upper A at 17:00 (London time)',
        body: 'Starts in 2 hours.',
      },
    ]);
    expect(await remindedAt(id)).toBe('2026-03-02T15:00:00.000Z');

    expect(await remindAt('2026-03-02T15:01:00Z')).toEqual([]);
    expect(await remindAt('2026-03-02T16:59:00Z')).toEqual([]);
  });

  it('counts back from the workout’s own time in its athlete’s time zone', async () => {
    // 07:30 on Tuesday in Tokyo is 22:30 UTC on Monday.
    const id = await insertWorkout(ctx, {
      athleteId: kenji,
      templateId,
      scheduledDate: '2026-03-03',
      startTime: '07:30',
    });

    expect(await remindAt('2026-03-02T20:29:00Z')).toEqual([]);
    const [reminder] = await remindAt('2026-03-02T20:45:00Z');
    expect(reminder).toMatchObject({
      scheduledWorkoutId: id,
      startsAt: '2026-03-02T22:30:00.000Z',
      startTime: '07:30',
      title: 'Kenji: Upper A at 07:30 (Tokyo time)',
      body: 'Starts in 1 h 45 min.',
    });
  });

  it('says the day when the workout is not today', async () => {
    await updatePreferences(ctx, { reminderHoursBefore: 24 });
    await insertWorkout(ctx, { athleteId: ada, templateId, scheduledDate: '2026-03-03', startTime: '09:00' });

    const [reminder] = await remindAt('2026-03-02T10:00:00Z');
    expect(reminder?.title).toBe('Ada: Upper A tomorrow at 09:00 (London time)');
    expect(reminder?.body).toBe('Starts in 23 hours.');
  });

  it('never reminds for a workout that has already started or passed', async () => {
    const started = await insertWorkout(ctx, {
      athleteId: ada,
      templateId,
      scheduledDate: '2026-03-02',
      startTime: '10:00',
    });
    await insertWorkout(ctx, { athleteId: ada, templateId, scheduledDate: '2026-03-01' });

    expect(await remindAt('2026-03-02T10:30:00Z')).toEqual([]);
    expect(await remindedAt(started)).toBeNull();
  });

  it('sends nothing and marks nothing while desktop reminders are off', async () => {
    const id = await insertWorkout(ctx, { athleteId: ada, templateId, scheduledDate: '2026-03-02' });
    await updatePreferences(ctx, { desktopReminders: false });

    now = new Date('2026-03-02T16:00:00Z');
    const run = await runToEnd(workoutRemindersJob, ctx);
    expect(run).toMatchObject({ events: [], summary: 'Desktop reminders are off' });
    expect(await remindedAt(id)).toBeNull();

    await updatePreferences(ctx, { desktopReminders: true });
    expect(await remindAt('2026-03-02T16:00:00Z')).toHaveLength(1);
  });

  it('follows the preferences’ hours before and usual training time', async () => {
    await updatePreferences(ctx, { reminderHoursBefore: 5, workoutTime: '06:30' });
    await insertWorkout(ctx, { athleteId: ada, templateId, scheduledDate: '2026-03-03' });

    expect(await remindAt('2026-03-03T01:29:00Z')).toEqual([]);
    expect(await remindAt('2026-03-03T01:30:00Z')).toMatchObject([
      { startTime: '06:30', body: 'Starts in 5 hours.' },
    ]);
  });

  it('reminds at the start itself when the hours before are 0', async () => {
    await updatePreferences(ctx, { reminderHoursBefore: 0 });
    await insertWorkout(ctx, { athleteId: ada, templateId, scheduledDate: '2026-03-02' });

    expect(await remindAt('2026-03-02T16:59:00Z')).toEqual([]);
    expect(await remindAt('2026-03-02T17:00:30Z')).toMatchObject([{ body: 'Starts now.' }]);
  });

  it('leaves out done, skipped and deleted workouts and archived athletes', async () => {
    const today = { athleteId: ada, templateId, scheduledDate: '2026-03-02' };
    await insertWorkout(ctx, { ...today, status: 'completed' });
    await insertWorkout(ctx, { ...today, status: 'skipped' });
    await insertWorkout(ctx, { ...today, deletedAt: '2026-03-01T09:00:00Z' });
    const archived = await insertAthlete(ctx, 'Gone', 'Europe/London');
    await ctx.db.update(athlete).set({ archivedAt: '2026-02-01T00:00:00Z' }).where(eq(athlete.id, archived));
    await insertWorkout(ctx, { ...today, athleteId: archived });

    expect(await remindAt('2026-03-02T16:00:00Z')).toEqual([]);
  });

  it('sends many reminders in bounded steps', async () => {
    await ctx.db.insert(scheduledWorkout).values(
      Array.from({ length: 450 }, (_, index) => ({
        id: `01890000-0000-7000-8002-${String(index).padStart(12, '0')}`,
        organizationId: ctx.organizationId,
        athleteId: ada,
        templateId,
        scheduledDate: '2026-03-02',
      })),
    );
    now = new Date('2026-03-02T16:00:00Z');
    const run = await runToEnd(workoutRemindersJob, ctx);
    expect(run).toMatchObject({ steps: 3, processed: 450, summary: '450 reminders sent' });
    expect(
      new Set(run.events.map((event) => event.name === 'reminder' && event.payload.scheduledWorkoutId)).size,
    ).toBe(450);
  });
});
