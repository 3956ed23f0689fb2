import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { missedWorkoutsJob } from '../jobs/missed-workouts';
import { runToEnd } from '../jobs/test-support';
import { scheduledWorkout } from '../db/schema';
import { catalogueExerciseId, insertTemplate } from './schedule-test-support';
import { refusalOf, refusedWithoutChange } from './template-test-support';
import { callChannel as call, useServiceFixture } from './test-fixtures';
import { recordsOfAthlete } from './workout-records';
import { at, entryOf, logExercise, newAthlete, pastSession } from './workout-test-support';

const fixture = useServiceFixture();

let squat: string;
let bench: string;
let templateId: string;
beforeAll(async () => {
  squat = await catalogueExerciseId(fixture.ctx, 'Barbell Back Squat');
  bench = await catalogueExerciseId(fixture.ctx, 'Barbell Bench Press');
  templateId = (
    await insertTemplate(fixture.ctx, 'Lower A', [
      { exercise: 'Barbell Back Squat', sets: 3, repsMin: 5, repsMax: 5, percentOneRepMax: 80 },
      { exercise: 'Barbell Bench Press', sets: 2, repsMin: 8, repsMax: 10, loadKg: 60 },
    ])
  ).id;
});

const now = () => fixture.clock.now().toISOString();

async function scheduled(athleteId: string, date: string) {
  return call(fixture.ctx, 'schedule.create', { athleteId, templateId, date });
}

async function scheduledRow(id: string) {
  const [row] = await fixture.database.db.select().from(scheduledWorkout).where(eq(scheduledWorkout.id, id));
  return row!;
}

describe('starting a workout', () => {
  it('starts a blank workout now, named, with nothing in it yet', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const detail = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'blank', name: 'Arms' },
    });
    expect(detail).toMatchObject({
      athleteId,
      name: 'Arms',
      templateId: null,
      scheduledWorkoutId: null,
      startedAt: now(),
      completedAt: null,
      rest: null,
      entries: [],
      records: [],
    });
    expect(fixture.takeTouched()).toEqual(['workout_session']);
    expect(await call(fixture.ctx, 'workouts.get', { id: detail.id })).toEqual(detail);
  });

  it('starts from a template with its exercises in order and an empty set for each prescribed set', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const detail = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'template', templateId },
    });
    expect(fixture.takeTouched()).toEqual(['workout_session', 'exercise_entry', 'set_entry']);
    expect(detail.name).toBe('Lower A');
    expect(detail.templateId).toBe(templateId);
    expect(detail.entries.map((entry) => [entry.exerciseId, entry.position, entry.sets.length])).toEqual([
      [squat, 0, 3],
      [bench, 1, 2],
    ]);
    const [squatEntry, benchEntry] = detail.entries;
    expect(
      squatEntry!.sets.every((set) => set.weightKg === null && set.reps === null && !set.completed),
    ).toBe(true);
    expect(squatEntry!.prescription).toMatchObject({ sets: 3, repsMin: 5, percentOneRepMax: 80 });
    // No history yet: %1RM has no e1RM to work from, a fixed load is the load.
    expect(squatEntry!.targets).toHaveLength(3);
    expect(squatEntry!.targets[0]).toMatchObject({ repsMin: 5, percentOneRepMax: 80, weightKg: null });
    expect(benchEntry!.targets.map((target) => target.weightKg)).toEqual([60, 60]);
    expect(squatEntry!.lastTime).toBeNull();
    expect(squatEntry!.bestE1rmKg).toBeNull();
    expect(squatEntry!.restSeconds).toBe(120);
  });

  it('refuses a start in the future, beside the start field, and changes nothing', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const refusal = await refusedWithoutChange(fixture, 'workouts.start', {
      athleteId,
      from: { kind: 'blank' },
      startedAt: new Date(fixture.clock.now().getTime() + 60 * 60_000).toISOString(),
    });
    expect(refusal).toEqual({
      code: 'invalid_input',
      message: 'A workout cannot start in the future: give a time up to now',
      issues: [
        { path: ['startedAt'], message: 'A workout cannot start in the future: give a time up to now' },
      ],
    });
  });

  it('accepts a workout started earlier (logged after the fact)', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const earlier = new Date(fixture.clock.now().getTime() - 3 * 60 * 60_000).toISOString();
    const detail = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'blank' },
      startedAt: earlier,
    });
    expect(detail.startedAt).toBe(earlier);
  });

  it('refuses a second workout in progress for the same athlete, naming the first', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const first = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'blank', name: 'Push' },
    });
    const refusal = await refusedWithoutChange(fixture, 'workouts.start', {
      athleteId,
      from: { kind: 'template', templateId },
    });
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toMatch(
      /^Lifter \d+ already has a workout in progress: “Push”, started today at 09:00\./,
    );
    expect(refusal.message).toMatch(/Finish or delete it before starting another$/);
    // Another athlete may start at the same time.
    const other = await newAthlete(fixture.ctx);
    await call(fixture.ctx, 'workouts.start', { athleteId: other, from: { kind: 'blank' } });
    await call(fixture.ctx, 'workouts.finish', { id: first.id });
    await call(fixture.ctx, 'workouts.start', { athleteId, from: { kind: 'blank' } });
  });

  it('refuses an athlete that does not exist, an archived template and a template that does not exist', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const archived = await insertTemplate(fixture.ctx, 'Old plan', undefined, { archived: true });
    expect(
      await refusedWithoutChange(fixture, 'workouts.start', {
        athleteId,
        from: { kind: 'template', templateId: archived.id },
      }),
    ).toMatchObject({
      code: 'invalid_input',
      message: '“Old plan” is archived: restore it in the template library before starting it',
    });
    expect(
      await refusedWithoutChange(fixture, 'workouts.start', {
        athleteId: '0190a0a0-0000-7000-8000-000000000000',
        from: { kind: 'blank' },
      }),
    ).toMatchObject({ code: 'not_found' });
  });
});

describe('a workout started from the calendar', () => {
  it('marks its scheduled workout in progress and links it, then completed when finished', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const workout = await scheduled(athleteId, '2025-03-03');
    fixture.takeTouched();
    const detail = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'scheduled', scheduledWorkoutId: workout.id },
    });
    expect(fixture.takeTouched()).toEqual([
      'workout_session',
      'exercise_entry',
      'set_entry',
      'scheduled_workout',
    ]);
    expect(detail).toMatchObject({ name: 'Lower A', templateId, scheduledWorkoutId: workout.id });
    expect(detail.entries.map((entry) => entry.exerciseId)).toEqual([squat, bench]);
    expect(await scheduledRow(workout.id)).toMatchObject({
      status: 'in_progress',
      completedSessionId: detail.id,
    });

    await call(fixture.ctx, 'workouts.finish', { id: detail.id });
    expect(await scheduledRow(workout.id)).toMatchObject({
      status: 'completed',
      completedSessionId: detail.id,
    });
  });

  it('refuses a scheduled workout already done or skipped, saying why', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const done = await scheduled(athleteId, '2025-03-01');
    const session = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'scheduled', scheduledWorkoutId: done.id },
    });
    await call(fixture.ctx, 'workouts.finish', { id: session.id });
    expect(
      await refusedWithoutChange(fixture, 'workouts.start', {
        athleteId,
        from: { kind: 'scheduled', scheduledWorkoutId: done.id },
      }),
    ).toEqual({
      code: 'conflict',
      message:
        '“Lower A” of 1 Mar is already done: its session holds what was lifted (edit it in the history)',
      issues: [],
    });

    const skipped = await scheduled(athleteId, '2025-03-04');
    await call(fixture.ctx, 'schedule.update', { id: skipped.id, status: 'skipped' });
    expect(
      await refusedWithoutChange(fixture, 'workouts.start', {
        athleteId,
        from: { kind: 'scheduled', scheduledWorkoutId: skipped.id },
      }),
    ).toMatchObject({
      code: 'conflict',
      message: '“Lower A” of 4 Mar was skipped: put it back on the calendar before starting it',
    });

    const someoneElses = await scheduled(await newAthlete(fixture.ctx), '2025-03-03');
    expect(
      await refusedWithoutChange(fixture, 'workouts.start', {
        athleteId,
        from: { kind: 'scheduled', scheduledWorkoutId: someoneElses.id },
      }),
    ).toMatchObject({ code: 'invalid_input', issues: [{ path: ['from', 'scheduledWorkoutId'] }] });
  });

  it('starts a missed workout late (logging it after its day)', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const workout = await scheduled(athleteId, '2025-02-28');
    await runToEnd(missedWorkoutsJob, fixture.ctx);
    expect((await scheduledRow(workout.id)).status).toBe('missed');
    const detail = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'scheduled', scheduledWorkoutId: workout.id },
      startedAt: '2025-02-28T17:00:00.000Z',
    });
    expect(await scheduledRow(workout.id)).toMatchObject({
      status: 'in_progress',
      completedSessionId: detail.id,
    });
  });

  it('is left alone by the missed-workouts job while in progress, even once its day has passed', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const yesterday = await scheduled(athleteId, '2025-03-02');
    await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'scheduled', scheduledWorkoutId: yesterday.id },
      startedAt: '2025-03-02T20:00:00.000Z',
    });
    await runToEnd(missedWorkoutsJob, fixture.ctx);
    expect((await scheduledRow(yesterday.id)).status).toBe('in_progress');
  });

  it('goes back to the calendar when its session is deleted (missed once its day has passed) and is taken again on restore', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const today = await scheduled(athleteId, '2025-03-03');
    const past = await scheduled(athleteId, '2025-02-24');
    const todays = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'scheduled', scheduledWorkoutId: today.id },
    });
    fixture.takeTouched();
    await call(fixture.ctx, 'workouts.delete', { id: todays.id });
    expect(fixture.takeTouched()).toEqual([
      'workout_session',
      'athlete_exercise_session',
      'personal_record',
      'scheduled_workout',
    ]);
    expect(await scheduledRow(today.id)).toMatchObject({ status: 'scheduled', completedSessionId: null });
    expect((await refusalOf(call(fixture.ctx, 'workouts.get', { id: todays.id }))).code).toBe('not_found');
    await call(fixture.ctx, 'workouts.restore', { id: todays.id });
    expect(await scheduledRow(today.id)).toMatchObject({
      status: 'in_progress',
      completedSessionId: todays.id,
    });
    await call(fixture.ctx, 'workouts.finish', { id: todays.id });

    const pasts = await pastSessionFor(athleteId, past.id, '2025-02-24T17:00:00.000Z');
    await call(fixture.ctx, 'workouts.delete', { id: pasts });
    expect(await scheduledRow(past.id)).toMatchObject({ status: 'missed', completedSessionId: null });
    await call(fixture.ctx, 'workouts.restore', { id: pasts });
    expect(await scheduledRow(past.id)).toMatchObject({ status: 'completed', completedSessionId: pasts });
  });

  it('restores a session on its own when its scheduled workout was started again meanwhile', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const workout = await scheduled(athleteId, '2025-03-03');
    const first = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'scheduled', scheduledWorkoutId: workout.id },
    });
    await call(fixture.ctx, 'workouts.delete', { id: first.id });
    const second = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'scheduled', scheduledWorkoutId: workout.id },
    });
    await call(fixture.ctx, 'workouts.finish', { id: second.id });
    await call(fixture.ctx, 'workouts.restore', { id: first.id });
    expect(await scheduledRow(workout.id)).toMatchObject({
      status: 'completed',
      completedSessionId: second.id,
    });
    expect((await call(fixture.ctx, 'workouts.get', { id: first.id })).scheduledWorkoutId).toBeNull();
  });
});

/** A session of a scheduled workout lifted at `startedAt` and finished an hour later. */
async function pastSessionFor(
  athleteId: string,
  scheduledWorkoutId: string,
  startedAt: string,
): Promise<string> {
  const started = await call(at(fixture.ctx, startedAt), 'workouts.start', {
    athleteId,
    from: { kind: 'scheduled', scheduledWorkoutId },
    startedAt,
  });
  const end = new Date(new Date(startedAt).getTime() + 60 * 60_000).toISOString();
  await call(at(fixture.ctx, end), 'workouts.finish', { id: started.id });
  return started.id;
}

describe('what the Workouts screen offers', () => {
  it('offers the workout in progress and today’s scheduled workouts on the athlete’s clock', async () => {
    const athleteId = await newAthlete(fixture.ctx, { timeZone: 'Pacific/Honolulu' });
    // 09:00 UTC on 3 March is still 2 March in Honolulu.
    const hisToday = await scheduled(athleteId, '2025-03-02');
    await scheduled(athleteId, '2025-03-03');
    expect(await call(fixture.ctx, 'workouts.offer', { athleteId })).toMatchObject({
      inProgress: null,
      today: [{ id: hisToday.id, status: 'scheduled' }],
    });
    const started = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'blank', name: 'Extra' },
    });
    expect((await call(fixture.ctx, 'workouts.offer', { athleteId })).inProgress).toEqual({
      id: started.id,
      name: 'Extra',
      startedAt: now(),
    });
  });
});

describe('finishing, editing and deleting a workout', () => {
  it('finishes with its summary: duration, volume of completed non-warm-up sets, sets, exercises, records', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const started = await call(at(fixture.ctx, '2025-03-01T10:00:00.000Z'), 'workouts.start', {
      athleteId,
      from: { kind: 'blank', name: 'Squat day' },
      startedAt: '2025-03-01T10:00:00.000Z',
    });
    await logExercise(at(fixture.ctx, '2025-03-01T10:10:00.000Z'), started.id, squat, [
      { weightKg: 60, reps: 5, setType: 'warmup' },
      { weightKg: 100, reps: 5 },
      { weightKg: 100, reps: 5 },
    ]);
    const summary = await call(at(fixture.ctx, '2025-03-01T11:15:00.000Z'), 'workouts.finish', {
      id: started.id,
    });
    expect(summary).toMatchObject({
      id: started.id,
      name: 'Squat day',
      startedAt: '2025-03-01T10:00:00.000Z',
      completedAt: '2025-03-01T11:15:00.000Z',
      durationSeconds: 75 * 60,
      volumeKg: 1000,
      completedSets: 3,
      exerciseCount: 1,
    });
    expect(summary.records.map((record) => [record.kind, record.reps, record.valueKg])).toEqual(
      expect.arrayContaining([
        ['e1rm', 0, expect.closeTo(116.67, 2)],
        ['weight', 5, 100],
        ['volume', 0, 1000],
      ]),
    );
    expect(await call(fixture.ctx, 'workouts.summary', { id: started.id })).toEqual(summary);
    // A second finish (a double click) answers the same summary and changes nothing.
    expect(await call(fixture.ctx, 'workouts.finish', { id: started.id })).toEqual(summary);
  });

  it('refuses an end before the start or in the future, and a time on a workout still in progress', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const started = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'blank' },
      startedAt: '2025-03-03T08:00:00.000Z',
    });
    expect(
      await refusedWithoutChange(fixture, 'workouts.finish', {
        id: started.id,
        completedAt: '2025-03-03T07:00:00.000Z',
      }),
    ).toMatchObject({
      code: 'invalid_input',
      message: 'A workout cannot end before it starts: check the times',
    });
    expect(
      await refusedWithoutChange(fixture, 'workouts.finish', {
        id: started.id,
        completedAt: '2025-03-03T10:00:00.000Z',
      }),
    ).toMatchObject({
      code: 'invalid_input',
      message: 'A workout cannot end in the future: give a time up to now',
    });
    expect(
      await refusedWithoutChange(fixture, 'workouts.update', {
        id: started.id,
        completedAt: '2025-03-03T08:30:00.000Z',
      }),
    ).toMatchObject({ issues: [{ path: ['completedAt'] }] });
    expect(
      await refusedWithoutChange(fixture, 'workouts.update', {
        id: started.id,
        startedAt: '2025-03-03T10:00:00.000Z',
      }),
    ).toMatchObject({ issues: [{ path: ['startedAt'] }] });
  });

  it('edits name, notes, bodyweight and times; records are dated by the new start', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const id = await pastSession(fixture.ctx, athleteId, '2025-02-20T17:00:00.000Z', bench, [
      { weightKg: 80, reps: 5 },
    ]);
    fixture.takeTouched();
    const summary = await call(fixture.ctx, 'workouts.update', {
      id,
      name: 'Bench day',
      notes: 'Felt strong',
      bodyweightKg: 82.5,
      startedAt: '2025-02-20T16:30:00.000Z',
      completedAt: '2025-02-20T18:00:00.000Z',
    });
    expect(summary).toMatchObject({ name: 'Bench day', durationSeconds: 90 * 60 });
    expect(fixture.takeTouched()).toEqual(['workout_session', 'athlete_exercise_session', 'personal_record']);
    const detail = await call(fixture.ctx, 'workouts.get', { id });
    expect(detail).toMatchObject({
      notes: 'Felt strong',
      bodyweightKg: 82.5,
      startedAt: '2025-02-20T16:30:00.000Z',
    });
  });

  it('deletes a workout with its records, and restores both', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const earlier = await pastSession(fixture.ctx, athleteId, '2025-02-10T17:00:00.000Z', squat, [
      { weightKg: 100, reps: 5 },
    ]);
    const later = await pastSession(fixture.ctx, athleteId, '2025-02-17T17:00:00.000Z', squat, [
      { weightKg: 110, reps: 5 },
    ]);
    const records = async () =>
      (await recordsOfAthlete(fixture.database.db, athleteId, squat))
        .filter((record) => record.kind === 'weight')
        .map((record) => [record.valueKg, record.sessionId]);
    expect(await records()).toEqual([[110, later]]);
    await call(fixture.ctx, 'workouts.delete', { id: later });
    expect(await records()).toEqual([[100, earlier]]);
    // Deleting twice is harmless.
    await call(fixture.ctx, 'workouts.delete', { id: later });
    await call(fixture.ctx, 'workouts.restore', { id: later });
    expect(await records()).toEqual([[110, later]]);
  });

  it('refuses to restore a workout in progress while the athlete has started another, naming it', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const first = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'blank', name: 'First' },
    });
    await call(fixture.ctx, 'workouts.delete', { id: first.id });
    await call(fixture.ctx, 'workouts.start', { athleteId, from: { kind: 'blank', name: 'Second' } });
    const refusal = await refusedWithoutChange(fixture, 'workouts.restore', { id: first.id });
    expect(refusal.code).toBe('conflict');
    expect(refusal.message).toContain('already has a workout in progress: “Second”');
  });

  it('keeps a deleted workout’s sets as they were', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const started = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'template', templateId },
    });
    const setId = entryOf(started, squat).sets[0]!.id;
    await call(fixture.ctx, 'workouts.delete', { id: started.id });
    for (const refusal of [
      await refusedWithoutChange(fixture, 'workouts.completeSet', { id: setId, weightKg: 100, reps: 5 }),
      await refusedWithoutChange(fixture, 'workouts.updateSet', { id: setId, reps: 3 }),
      await refusedWithoutChange(fixture, 'workouts.deleteSet', { id: setId }),
    ]) {
      expect(refusal).toEqual({
        code: 'conflict',
        message: 'This workout was deleted: restore it before changing its sets',
        issues: [],
      });
    }
    expect(
      await refusedWithoutChange(fixture, 'workouts.addExercise', {
        sessionId: started.id,
        exerciseId: bench,
      }),
    ).toMatchObject({
      code: 'conflict',
      message: 'This workout was deleted: restore it before changing its exercises',
    });
  });
});
