import { eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTaskQueue } from '../backend/task-queue';
import { scheduledWorkout, workoutSession } from '../db/schema';
import type { ServiceContext } from '../services/context';
import {
  insertAthlete as insertAthleteWith,
  insertProgram,
  insertTemplate as insertTemplateWith,
  storedWorkouts,
} from '../services/schedule-test-support';
import { callChannel, useServiceFixture } from '../services/test-fixtures';
import type { Job } from './job';
import { readJobRuns } from './job-runs';
import { MISSED_BATCH, missedWorkoutsJob } from './missed-workouts';
import { createJobRunner, type JobRunner } from './runner';
import { createManualTime, insertAthlete, insertTemplate, insertWorkout, runToEnd } from './test-support';

const fixture = useServiceFixture();
let now = new Date('2026-03-02T20:00:00Z');
let ctx: ServiceContext;
let templateId: string;

beforeAll(async () => {
  ctx = { ...fixture.ctx, now: () => now };
  templateId = await insertTemplate(ctx, 'Upper A');
});

beforeEach(async () => {
  for (const table of ['workout_session', 'scheduled_workout', 'job_run']) {
    await ctx.db.execute(sql`DELETE FROM ${sql.identifier(table)}`);
  }
});

async function statusOf(id: string): Promise<string | undefined> {
  const [row] = await ctx.db
    .select({ status: scheduledWorkout.status })
    .from(scheduledWorkout)
    .where(eq(scheduledWorkout.id, id));
  return row?.status;
}

describe('missed workouts', () => {
  it('marks a workout missed once its day has passed in its athlete’s time zone', async () => {
    const tokyo = await insertAthlete(ctx, 'Kenji', 'Asia/Tokyo');
    const newYork = await insertAthlete(ctx, 'Maya', 'America/New_York');
    // Monday 2 March, 20:00 UTC: already Tuesday 05:00 in Tokyo, still Monday 15:00 in New York.
    now = new Date('2026-03-02T20:00:00Z');
    const tokyoMonday = await insertWorkout(ctx, {
      athleteId: tokyo,
      templateId,
      scheduledDate: '2026-03-02',
    });
    const newYorkMonday = await insertWorkout(ctx, {
      athleteId: newYork,
      templateId,
      scheduledDate: '2026-03-02',
    });
    const newYorkSunday = await insertWorkout(ctx, {
      athleteId: newYork,
      templateId,
      scheduledDate: '2026-03-01',
    });
    const tokyoTuesday = await insertWorkout(ctx, {
      athleteId: tokyo,
      templateId,
      scheduledDate: '2026-03-03',
    });

    const run = await runToEnd(missedWorkoutsJob, ctx);

    expect(run.summary).toBe('2 workouts marked missed');
    expect(run.touched).toEqual(['scheduled_workout']);
    expect(await statusOf(tokyoMonday)).toBe('missed');
    expect(await statusOf(newYorkSunday)).toBe('missed');
    expect(await statusOf(newYorkMonday)).toBe('scheduled');
    expect(await statusOf(tokyoTuesday)).toBe('scheduled');

    // 05:30 UTC on Tuesday: past midnight in New York too.
    now = new Date('2026-03-03T05:30:00Z');
    expect((await runToEnd(missedWorkoutsJob, ctx)).summary).toBe('1 workout marked missed');
    expect(await statusOf(newYorkMonday)).toBe('missed');
    expect(await statusOf(tokyoTuesday)).toBe('scheduled');
  });

  it('leaves started, done, skipped and deleted workouts, and those with a session, as they are', async () => {
    now = new Date('2026-03-10T12:00:00Z');
    const athleteId = await insertAthlete(ctx, 'Ada', 'Europe/London');
    const past = { athleteId, templateId, scheduledDate: '2026-03-02' };
    const sessionId = '01890000-0000-7000-8000-00000000beef';
    const linked = await insertWorkout(ctx, past);
    await ctx.db.insert(workoutSession).values({
      id: sessionId,
      organizationId: ctx.organizationId,
      athleteId,
      scheduledWorkoutId: linked,
      startedAt: '2026-03-02T17:00:00Z',
    });
    await ctx.db
      .update(scheduledWorkout)
      .set({ completedSessionId: sessionId })
      .where(eq(scheduledWorkout.id, linked));
    const others = [
      await insertWorkout(ctx, { ...past, status: 'in_progress' }),
      await insertWorkout(ctx, { ...past, status: 'completed' }),
      await insertWorkout(ctx, { ...past, status: 'skipped' }),
      await insertWorkout(ctx, { ...past, deletedAt: '2026-03-01T10:00:00Z' }),
    ];

    const run = await runToEnd(missedWorkoutsJob, ctx);

    expect(run.summary).toBe('No missed workouts');
    expect(run.touched).toEqual([]);
    const statuses = await ctx.db
      .select({ status: scheduledWorkout.status })
      .from(scheduledWorkout)
      .where(inArray(scheduledWorkout.id, [linked, ...others]));
    expect(statuses.map((row) => row.status).sort()).toEqual([
      'completed',
      'in_progress',
      'scheduled',
      'scheduled',
      'skipped',
    ]);
  });

  it('works through a backlog in bounded steps, and a second run finds nothing left', async () => {
    now = new Date('2026-03-10T12:00:00Z');
    const athleteId = await insertAthlete(ctx, 'Backlog', 'UTC');
    await ctx.db.insert(scheduledWorkout).values(
      Array.from({ length: MISSED_BATCH * 2 + 50 }, (_, index) => ({
        id: `01890000-0000-7000-8000-${String(index).padStart(12, '0')}`,
        organizationId: ctx.organizationId,
        athleteId,
        templateId,
        scheduledDate: `2026-02-${String(1 + (index % 28)).padStart(2, '0')}`,
      })),
    );

    const first = await runToEnd(missedWorkoutsJob, ctx);
    expect(first).toMatchObject({ steps: 3, processed: 450, summary: '450 workouts marked missed' });

    const second = await runToEnd(missedWorkoutsJob, ctx);
    expect(second).toMatchObject({ steps: 1, processed: 0, summary: 'No missed workouts' });
  });

  it('is finished by the next runner when a quit cut a run short', async () => {
    now = new Date('2026-03-10T12:00:00Z');
    const athleteId = await insertAthlete(ctx, 'Restart', 'UTC');
    await ctx.db.insert(scheduledWorkout).values(
      Array.from({ length: MISSED_BATCH + 50 }, (_, index) => ({
        id: `01890000-0000-7000-8001-${String(index).padStart(12, '0')}`,
        organizationId: ctx.organizationId,
        athleteId,
        templateId,
        scheduledDate: '2026-03-01',
      })),
    );
    const runnerOver = (job: Job): JobRunner => {
      const time = createManualTime(now);
      const { touched: _touched, ...context } = ctx;
      return createJobRunner({
        jobs: [job],
        queue: createTaskQueue(),
        clock: { now: () => now },
        scheduler: time.scheduler,
        context: () => context,
        emit: () => undefined,
      });
    };
    // The first backend quits after one step.
    const first: JobRunner = runnerOver({
      ...missedWorkoutsJob,
      begin() {
        const run = missedWorkoutsJob.begin();
        return {
          async step(jobContext) {
            const step = await run.step(jobContext);
            first.stop();
            return step;
          },
        };
      },
    });
    first.start();
    await first.idle();
    const [{ open }] = (
      await ctx.db.execute<{ open: number }>(
        sql`SELECT count(*)::int AS open FROM scheduled_workout WHERE status = 'scheduled'`,
      )
    ).rows as [{ open: number }];
    expect(open).toBe(50);
    expect((await readJobRuns(ctx.db)).get('missed-workouts')).toMatchObject({
      runCount: 0,
      lastFinishedAt: null,
    });

    const second = runnerOver(missedWorkoutsJob);
    second.start();
    await second.idle();
    second.stop();

    const statuses = await ctx.db.execute<{ status: string; count: number }>(
      sql`SELECT status, count(*)::int AS count FROM scheduled_workout GROUP BY status`,
    );
    expect(statuses.rows).toEqual([{ status: 'missed', count: MISSED_BATCH + 50 }]);
    expect((await readJobRuns(ctx.db)).get('missed-workouts')).toMatchObject({
      runCount: 1,
      lastResult: '50 workouts marked missed',
      lastError: null,
    });
  });
});

describe('programs that shift on a miss', () => {
  /** A two-day program applied Mondays and Thursdays from Monday 2 March, in UTC. */
  async function applied(name: string, shiftOnMissed: boolean) {
    now = new Date('2026-03-01T12:00:00Z');
    const athleteId = await insertAthleteWith(ctx, `${name} Athlete`, { timeZone: 'UTC' });
    const template = await insertTemplateWith(ctx, `${name} A`, [
      { exercise: 'Barbell Back Squat', sets: 5, repsMin: 5 },
    ]);
    const program = await insertProgram(
      ctx,
      `${name} Block`,
      2,
      [{ days: [template.id, template.id] }, { days: [template.id, template.id] }],
      { shiftOnMissed },
    );
    await callChannel(ctx, 'programs.apply', {
      programId: program.id,
      athleteIds: [athleteId],
      startDate: '2026-03-02',
      weekdays: [1, 4],
    });
    return athleteId;
  }

  async function calendar(athleteId: string) {
    const rows = await storedWorkouts(ctx, athleteId);
    return rows.filter((row) => row.deletedAt === null).map((row) => [row.scheduledDate, row.status]);
  }

  it('moves the rest of the program on by one training day instead of marking the workout missed', async () => {
    const athleteId = await applied('Shifting', true);

    // Tuesday: Monday's workout was not done.
    now = new Date('2026-03-03T12:00:00Z');
    const run = await runToEnd(missedWorkoutsJob, ctx);

    expect(run.summary).toBe('1 program shifted');
    expect(run.touched).toEqual(expect.arrayContaining(['scheduled_workout', 'program_assignment']));
    expect(await calendar(athleteId)).toEqual([
      ['2026-03-05', 'scheduled'],
      ['2026-03-09', 'scheduled'],
      ['2026-03-12', 'scheduled'],
      ['2026-03-16', 'scheduled'],
    ]);
    expect((await runToEnd(missedWorkoutsJob, ctx)).summary).toBe('No missed workouts');
  });

  it('marks the workout missed when its program does not shift', async () => {
    const athleteId = await applied('Steady', false);

    now = new Date('2026-03-03T12:00:00Z');
    expect((await runToEnd(missedWorkoutsJob, ctx)).summary).toBe('1 workout marked missed');
    expect(await calendar(athleteId)).toEqual([
      ['2026-03-02', 'missed'],
      ['2026-03-05', 'scheduled'],
      ['2026-03-09', 'scheduled'],
      ['2026-03-12', 'scheduled'],
    ]);
  });
});
