import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueExerciseId } from './schedule-test-support';
import { refusedWithoutChange } from './template-test-support';
import { callChannel as call, useServiceFixture } from './test-fixtures';
import { recordsOfAthlete } from './workout-records';
import { logExercise, newAthlete } from './workout-test-support';

const fixture = useServiceFixture();

let squat: string;
let bench: string;
let row: string;
let deadlift: string;
beforeAll(async () => {
  squat = await catalogueExerciseId(fixture.ctx, 'Barbell Back Squat');
  bench = await catalogueExerciseId(fixture.ctx, 'Barbell Bench Press');
  row = await catalogueExerciseId(fixture.ctx, 'Barbell Bent-Over Row');
  deadlift = await catalogueExerciseId(fixture.ctx, 'Conventional Deadlift');
});

async function blankWorkout() {
  const athleteId = await newAthlete(fixture.ctx);
  const { id } = await call(fixture.ctx, 'workouts.start', { athleteId, from: { kind: 'blank' } });
  return { athleteId, sessionId: id };
}

async function order(sessionId: string) {
  const detail = await call(fixture.ctx, 'workouts.get', { id: sessionId });
  return detail.entries.map((entry) => [entry.exerciseId, entry.position]);
}

describe('the exercises of a workout', () => {
  it('adds exercises at the end, or at a place (the later ones move down)', async () => {
    const { sessionId } = await blankWorkout();
    fixture.takeTouched();
    await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: squat });
    expect(fixture.takeTouched()).toEqual(['exercise_entry', 'set_entry']);
    await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: bench });
    await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: row, position: 1 });
    await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: deadlift, position: 99 });
    expect(await order(sessionId)).toEqual([
      [squat, 0],
      [row, 1],
      [bench, 2],
      [deadlift, 3],
    ]);
  });

  it('refuses an exercise that is not in the library, beside the field', async () => {
    const { sessionId } = await blankWorkout();
    expect(
      await refusedWithoutChange(fixture, 'workouts.addExercise', { sessionId, exerciseId: uuidv7() }),
    ).toEqual({
      code: 'invalid_input',
      message: 'That exercise is not in the exercise library (it may have been deleted): pick another',
      issues: [
        {
          path: ['exerciseId'],
          message: 'That exercise is not in the exercise library (it may have been deleted): pick another',
        },
      ],
    });
  });

  it('moves an exercise to a new place', async () => {
    const { sessionId } = await blankWorkout();
    const { entryId } = await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: squat });
    await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: bench });
    await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: row });
    await call(fixture.ctx, 'workouts.moveExercise', { entryId, position: 2 });
    expect(await order(sessionId)).toEqual([
      [bench, 0],
      [row, 1],
      [squat, 2],
    ]);
    await call(fixture.ctx, 'workouts.moveExercise', { entryId, position: 0 });
    expect(await order(sessionId)).toEqual([
      [squat, 0],
      [bench, 1],
      [row, 2],
    ]);
    fixture.takeTouched();
    // To where it already is: nothing to write.
    await call(fixture.ctx, 'workouts.moveExercise', { entryId, position: 0 });
    expect(fixture.takeTouched()).toEqual([]);
  });

  it('edits notes, rest and superset group, and refuses a group that is not one capital letter', async () => {
    const { sessionId } = await blankWorkout();
    const { entryId } = await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: squat });
    await call(fixture.ctx, 'workouts.updateExercise', {
      entryId,
      notes: 'Belt on the top set',
      restSeconds: 240,
      supersetGroup: 'A',
    });
    const [entry] = (await call(fixture.ctx, 'workouts.get', { id: sessionId })).entries;
    expect(entry).toMatchObject({ notes: 'Belt on the top set', restSeconds: 240, supersetGroup: 'A' });
    expect(
      await refusedWithoutChange(fixture, 'workouts.updateExercise', { entryId, supersetGroup: 'ab' }),
    ).toMatchObject({ code: 'invalid_input', message: 'A superset group is one capital letter (A, B, C…)' });
    expect(
      await refusedWithoutChange(fixture, 'workouts.updateExercise', { entryId, restSeconds: 5000 }),
    ).toMatchObject({
      code: 'invalid_input',
      message: 'Rest must be at most an hour',
    });
  });

  it('removes an exercise with its sets and records, and restores it to its place', async () => {
    const { athleteId, sessionId } = await blankWorkout();
    await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: bench });
    const entryId = await logExercise(fixture.ctx, sessionId, squat, [{ weightKg: 100, reps: 5 }]);
    await call(fixture.ctx, 'workouts.addExercise', { sessionId, exerciseId: row });
    expect(await recordsOfAthlete(fixture.database.db, athleteId, squat)).not.toEqual([]);
    fixture.takeTouched();

    await call(fixture.ctx, 'workouts.removeExercise', { entryId });
    expect(fixture.takeTouched()).toEqual(['exercise_entry', 'athlete_exercise_session', 'personal_record']);
    expect(await order(sessionId)).toEqual([
      [bench, 0],
      [row, 1],
    ]);
    expect(await recordsOfAthlete(fixture.database.db, athleteId, squat)).toEqual([]);
    expect(
      await refusedWithoutChange(fixture, 'workouts.updateExercise', { entryId, notes: 'x' }),
    ).toMatchObject({
      code: 'conflict',
      message: '“Barbell Back Squat” was removed from this workout: restore it before changing it',
    });

    await call(fixture.ctx, 'workouts.restoreExercise', { entryId });
    expect(await order(sessionId)).toEqual([
      [bench, 0],
      [squat, 1],
      [row, 2],
    ]);
    expect((await recordsOfAthlete(fixture.database.db, athleteId, squat)).length).toBeGreaterThan(0);
  });

  it('says an exercise that is in no workout is not found', async () => {
    expect(
      await refusedWithoutChange(fixture, 'workouts.moveExercise', { entryId: uuidv7(), position: 0 }),
    ).toMatchObject({ code: 'not_found', message: 'That exercise is not in any workout' });
  });
});
