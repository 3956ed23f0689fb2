import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueExerciseId, insertTemplate } from './schedule-test-support';
import { refusedWithoutChange } from './template-test-support';
import { callChannel as call, useServiceFixture } from './test-fixtures';
import { recordsOfAthlete } from './workout-records';
import { entryOf, newAthlete, pastSession } from './workout-test-support';

const fixture = useServiceFixture();

let squat: string;
let bench: string;
let templateId: string;
beforeAll(async () => {
  squat = await catalogueExerciseId(fixture.ctx, 'Barbell Back Squat');
  bench = await catalogueExerciseId(fixture.ctx, 'Barbell Bench Press');
  templateId = (
    await insertTemplate(fixture.ctx, 'Squat 3×5', [{ exercise: 'Barbell Back Squat', sets: 3, repsMin: 5 }])
  ).id;
});

/** A workout in progress from the template, for a new athlete. */
async function startSquats() {
  const athleteId = await newAthlete(fixture.ctx);
  const detail = await call(fixture.ctx, 'workouts.start', {
    athleteId,
    from: { kind: 'template', templateId },
  });
  const entry = entryOf(detail, squat);
  fixture.takeTouched();
  return { athleteId, sessionId: detail.id, entryId: entry.id, setIds: entry.sets.map((set) => set.id) };
}

async function setsOf(sessionId: string, exerciseId = squat) {
  return entryOf(await call(fixture.ctx, 'workouts.get', { id: sessionId }), exerciseId).sets;
}

const kinds = (records: { kind: string; reps: number; valueKg: number }[]) =>
  records
    .map(
      (record) =>
        `${record.kind}${record.kind === 'weight' ? ` ×${record.reps}` : ''} ${record.valueKg.toFixed(1)}`,
    )
    .sort();

describe('completing a set', () => {
  it('saves the set as done, answers the records it set, and starts the rest timer', async () => {
    const { sessionId, entryId, setIds } = await startSquats();
    const result = await call(fixture.ctx, 'workouts.completeSet', {
      id: setIds[0]!,
      weightKg: 100,
      reps: 5,
      rpe: 8,
    });
    expect(result.set).toMatchObject({
      id: setIds[0],
      entryId,
      setNumber: 1,
      setType: 'working',
      weightKg: 100,
      reps: 5,
      rpe: 8,
      completed: true,
      completedAt: fixture.clock.now().toISOString(),
    });
    // A first set is a first record of each kind.
    expect(kinds(result.newRecords)).toEqual(['e1rm 116.7', 'volume 500.0', 'weight ×5 100.0']);
    expect(
      result.newRecords.every(
        (record) => record.previousValueKg === null && record.exerciseName === 'Barbell Back Squat',
      ),
    ).toBe(true);
    expect(result.rest).toEqual({ startedAt: fixture.clock.now().toISOString(), seconds: 120, entryId });
    expect(fixture.takeTouched()).toEqual([
      'set_entry',
      'athlete_exercise_session',
      'personal_record',
      'workout_session',
    ]);
    // The timer survives a reload: it is on the workout.
    expect((await call(fixture.ctx, 'workouts.get', { id: sessionId })).rest).toEqual(result.rest);
  });

  it('answers only what a set beats, with the record it beat', async () => {
    const { setIds } = await startSquats();
    await call(fixture.ctx, 'workouts.completeSet', { id: setIds[0]!, weightKg: 100, reps: 5 });
    const same = await call(fixture.ctx, 'workouts.completeSet', { id: setIds[1]!, weightKg: 100, reps: 5 });
    // Same weight and reps: only the session's volume grew.
    expect(kinds(same.newRecords)).toEqual(['volume 1000.0']);
    expect(same.newRecords[0]!.previousValueKg).toBe(500);
    const heavier = await call(fixture.ctx, 'workouts.completeSet', {
      id: setIds[2]!,
      weightKg: 105,
      reps: 5,
    });
    expect(kinds(heavier.newRecords)).toEqual(['e1rm 122.5', 'volume 1525.0', 'weight ×5 105.0']);
    expect(heavier.newRecords.find((record) => record.kind === 'e1rm')!.previousValueKg).toBeCloseTo(
      116.67,
      2,
    );
  });

  it('uses the exercise’s own rest, else the preferences’', async () => {
    const { sessionId, entryId, setIds } = await startSquats();
    await call(fixture.ctx, 'workouts.updateExercise', { entryId, restSeconds: 180 });
    const first = await call(fixture.ctx, 'workouts.completeSet', { id: setIds[0]!, weightKg: 100, reps: 5 });
    expect(first.rest?.seconds).toBe(180);
    await call(fixture.ctx, 'workouts.updateExercise', { entryId, restSeconds: null });
    await call(fixture.ctx, 'settings.update', { restSeconds: 90 });
    const second = await call(fixture.ctx, 'workouts.completeSet', {
      id: setIds[1]!,
      weightKg: 100,
      reps: 5,
    });
    expect(second.rest?.seconds).toBe(90);
    expect((await call(fixture.ctx, 'workouts.get', { id: sessionId })).entries[0]!.restSeconds).toBe(90);
    await call(fixture.ctx, 'settings.update', { restSeconds: 120 });
  });

  it('refuses a weight, reps or RPE out of range with a message saying what is sane, and changes nothing', async () => {
    const { setIds } = await startSquats();
    await call(fixture.ctx, 'workouts.completeSet', { id: setIds[0]!, weightKg: 100, reps: 5 });
    const cases = [
      [{ weightKg: 9999 }, ['weightKg'], 'Weight must be at most 1000 kg (2,204 lb): check the number'],
      [{ weightKg: -5 }, ['weightKg'], 'Weight cannot be negative'],
      [{ reps: 500 }, ['reps'], 'Reps must be at most 100: check the number'],
      [{ reps: 2.5 }, ['reps'], 'Reps must be a whole number'],
      [{ rpe: 8.3 }, ['rpe'], 'RPE must be between 1 and 10, in half steps'],
      [{ rpe: 11 }, ['rpe'], 'RPE must be between 1 and 10, in half steps'],
    ] as const;
    for (const [fields, path, message] of cases) {
      for (const channel of ['workouts.completeSet', 'workouts.updateSet'] as const) {
        const refusal = await refusedWithoutChange(fixture, channel, { id: setIds[0]!, ...fields });
        expect(refusal).toEqual({ code: 'invalid_input', message, issues: [{ path: [...path], message }] });
      }
    }
  });

  it('does not start the rest timer when a finished workout is corrected', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const sessionId = await pastSession(fixture.ctx, athleteId, '2025-02-20T17:00:00.000Z', squat, [
      { weightKg: 100, reps: 5 },
    ]);
    const { id: entryId } = entryOf(await call(fixture.ctx, 'workouts.get', { id: sessionId }), squat);
    const added = await call(fixture.ctx, 'workouts.addSet', { entryId });
    const result = await call(fixture.ctx, 'workouts.completeSet', { id: added.id, weightKg: 100, reps: 3 });
    expect(result.rest).toBeNull();
    // Dated within the workout it belongs to.
    expect(result.set.completedAt).toBe('2025-02-20T18:00:00.000Z');
  });
});

describe('editing sets, in progress or finished', () => {
  it('lets a finished workout’s sets be corrected, and its records follow', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    await pastSession(fixture.ctx, athleteId, '2025-02-10T17:00:00.000Z', squat, [
      { weightKg: 100, reps: 5 },
    ]);
    const later = await pastSession(fixture.ctx, athleteId, '2025-02-17T17:00:00.000Z', squat, [
      { weightKg: 120, reps: 5 },
    ]);
    const weightRecord = async () =>
      (await recordsOfAthlete(fixture.database.db, athleteId, squat)).find(
        (record) => record.kind === 'weight' && record.reps === 5,
      )?.valueKg;
    expect(await weightRecord()).toBe(120);
    const setId = (await setsOf(later))[0]!.id;
    // 120 was a typo for 95: the record goes back to the earlier 100.
    const corrected = await call(fixture.ctx, 'workouts.updateSet', { id: setId, weightKg: 95 });
    expect(corrected.set.weightKg).toBe(95);
    expect(corrected.newRecords).toEqual([]);
    expect(await weightRecord()).toBe(100);
    const uncompleted = await call(fixture.ctx, 'workouts.uncompleteSet', { id: setId });
    expect(uncompleted.set).toMatchObject({ completed: false, completedAt: null });
    expect((await call(fixture.ctx, 'workouts.summary', { id: later })).volumeKg).toBe(0);
  });

  it('changes a set’s type: a warm-up sets no record', async () => {
    const { setIds } = await startSquats();
    await call(fixture.ctx, 'workouts.completeSet', {
      id: setIds[0]!,
      weightKg: 60,
      reps: 5,
      setType: 'warmup',
    });
    const working = await call(fixture.ctx, 'workouts.updateSet', { id: setIds[0]!, setType: 'working' });
    expect(kinds(working.newRecords)).toEqual(['e1rm 70.0', 'volume 300.0', 'weight ×5 60.0']);
  });

  it('adds an empty set, or a copy of one, at the end', async () => {
    const { entryId, setIds } = await startSquats();
    await call(fixture.ctx, 'workouts.completeSet', { id: setIds[0]!, weightKg: 100, reps: 5, rpe: 7 });
    const copy = await call(fixture.ctx, 'workouts.addSet', { entryId, copyOf: setIds[0]! });
    expect(copy).toMatchObject({
      setNumber: 4,
      weightKg: 100,
      reps: 5,
      rpe: 7,
      completed: false,
      completedAt: null,
    });
    const drop = await call(fixture.ctx, 'workouts.addSet', { entryId, setType: 'drop' });
    expect(drop).toMatchObject({ setNumber: 5, setType: 'drop', weightKg: null, reps: null });
    expect(fixture.takeTouched()).toContain('set_entry');
  });

  it('deletes a set (the later ones move up) and restores it to its place with its records', async () => {
    const { athleteId, sessionId, setIds } = await startSquats();
    await call(fixture.ctx, 'workouts.completeSet', { id: setIds[0]!, weightKg: 100, reps: 5 });
    await call(fixture.ctx, 'workouts.completeSet', { id: setIds[1]!, weightKg: 110, reps: 5 });
    await call(fixture.ctx, 'workouts.deleteSet', { id: setIds[1]! });
    expect((await setsOf(sessionId)).map((set) => [set.id, set.setNumber])).toEqual([
      [setIds[0], 1],
      [setIds[2], 2],
    ]);
    const best = async () =>
      (await recordsOfAthlete(fixture.database.db, athleteId, squat)).find(
        (record) => record.kind === 'e1rm',
      )!;
    expect((await best()).setId).toBe(setIds[0]);
    const restored = await call(fixture.ctx, 'workouts.restoreSet', { id: setIds[1]! });
    expect(restored.set).toMatchObject({ setNumber: 2, weightKg: 110, completed: true });
    expect((await setsOf(sessionId)).map((set) => set.id)).toEqual(setIds);
    expect((await best()).setId).toBe(setIds[1]);
  });

  it('refuses changes to a deleted set, and to the sets of a removed exercise', async () => {
    const { entryId, setIds } = await startSquats();
    await call(fixture.ctx, 'workouts.deleteSet', { id: setIds[2]! });
    expect(await refusedWithoutChange(fixture, 'workouts.completeSet', { id: setIds[2]!, reps: 5 })).toEqual({
      code: 'conflict',
      message: 'This set was deleted: restore it before changing it',
      issues: [],
    });
    await call(fixture.ctx, 'workouts.removeExercise', { entryId });
    for (const refusal of [
      await refusedWithoutChange(fixture, 'workouts.completeSet', { id: setIds[0]!, reps: 5 }),
      await refusedWithoutChange(fixture, 'workouts.addSet', { entryId }),
    ]) {
      expect(refusal).toMatchObject({
        code: 'conflict',
        message: '“Barbell Back Squat” was removed from this workout: restore it before changing its sets',
      });
    }
  });

  it('says a set that does not exist is not found', async () => {
    expect(
      await refusedWithoutChange(fixture, 'workouts.updateSet', {
        id: '0190a0a0-0000-7000-8000-000000000000',
        reps: 5,
      }),
    ).toMatchObject({ code: 'not_found', message: 'That set does not exist' });
  });
});

describe('the rest timer', () => {
  it('starts by hand, adjusts by ±15 s within 0–3600, and is skipped', async () => {
    const { sessionId, entryId } = await startSquats();
    const started = await call(fixture.ctx, 'workouts.rest', { sessionId, action: 'start', entryId });
    expect(started).toEqual({ startedAt: fixture.clock.now().toISOString(), seconds: 120, entryId });
    expect(
      (await call(fixture.ctx, 'workouts.rest', { sessionId, action: 'adjust', deltaSeconds: 15 }))?.seconds,
    ).toBe(135);
    expect(
      (await call(fixture.ctx, 'workouts.rest', { sessionId, action: 'adjust', deltaSeconds: -600 }))
        ?.seconds,
    ).toBe(0);
    expect(fixture.takeTouched()).toEqual(['workout_session']);
    expect(await call(fixture.ctx, 'workouts.rest', { sessionId, action: 'skip' })).toBeNull();
    expect((await call(fixture.ctx, 'workouts.get', { id: sessionId })).rest).toBeNull();
    expect(
      await refusedWithoutChange(fixture, 'workouts.rest', { sessionId, action: 'adjust', deltaSeconds: 15 }),
    ).toMatchObject({ code: 'conflict', message: 'No rest timer is running: complete a set or start one' });
  });

  it('stops when the workout is finished, and a finished workout has none', async () => {
    const { sessionId, setIds } = await startSquats();
    await call(fixture.ctx, 'workouts.completeSet', { id: setIds[0]!, weightKg: 100, reps: 5 });
    await call(fixture.ctx, 'workouts.finish', { id: sessionId });
    expect((await call(fixture.ctx, 'workouts.get', { id: sessionId })).rest).toBeNull();
    expect(
      await refusedWithoutChange(fixture, 'workouts.rest', { sessionId, action: 'start', seconds: 60 }),
    ).toMatchObject({ code: 'conflict', message: 'This workout is finished: there is no rest to time' });
  });

  it('refuses an exercise of another workout', async () => {
    const { sessionId } = await startSquats();
    const other = await startSquats();
    expect(
      await refusedWithoutChange(fixture, 'workouts.rest', {
        sessionId,
        action: 'start',
        entryId: other.entryId,
      }),
    ).toMatchObject({
      code: 'invalid_input',
      issues: [{ path: ['entryId'], message: 'That exercise is not in this workout' }],
    });
  });
});

describe('guidance beside each exercise', () => {
  it('shows last time’s completed sets as ghosts, the best e1RM before, %1RM targets in loadable kg, and a suggestion', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    await pastSession(fixture.ctx, athleteId, '2025-02-10T17:00:00.000Z', squat, [
      { weightKg: 120, reps: 3 },
    ]);
    const previous = await pastSession(fixture.ctx, athleteId, '2025-02-24T17:00:00.000Z', squat, [
      { weightKg: 60, reps: 5, setType: 'warmup' },
      { weightKg: 100, reps: 5, rpe: 7 },
      { weightKg: 100, reps: 5, rpe: 7.5 },
    ]);
    const percent = await insertTemplate(fixture.ctx, 'Squat 80%', [
      { exercise: 'Barbell Back Squat', sets: 2, repsMin: 5, percentOneRepMax: 80 },
    ]);
    const detail = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'template', templateId: percent.id },
    });
    const entry = entryOf(detail, squat);
    expect(entry.lastTime).toEqual({
      sessionId: previous,
      startedAt: '2025-02-24T17:00:00.000Z',
      sets: [
        { setNumber: 1, setType: 'warmup', weightKg: 60, reps: 5, rpe: null },
        { setNumber: 2, setType: 'working', weightKg: 100, reps: 5, rpe: 7 },
        { setNumber: 3, setType: 'working', weightKg: 100, reps: 5, rpe: 7.5 },
      ],
    });
    // Epley: 120 × (1 + 3/30) = 132 beats 100 × (1 + 5/30) = 116.7.
    expect(entry.bestE1rmKg).toBeCloseTo(132, 6);
    // 80 % of 132 = 105.6 kg, loaded on a 20 kg bar with standard plates: 105 kg.
    expect(entry.targets.map((target) => target.weightKg)).toEqual([105, 105]);
    expect(entry.suggestion).not.toBeNull();
    expect(entry.suggestion!.reason.length).toBeGreaterThan(0);
    // The sets of the workout being done are not "last time".
    await call(fixture.ctx, 'workouts.completeSet', { id: entry.sets[0]!.id, weightKg: 105, reps: 5 });
    expect(
      entryOf(await call(fixture.ctx, 'workouts.get', { id: detail.id }), squat).lastTime?.sessionId,
    ).toBe(previous);
  });

  it('suggests the next weight from last time and the prescription, with its reason in the user’s unit', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    await pastSession(fixture.ctx, athleteId, '2025-02-24T17:00:00.000Z', bench, [
      { weightKg: 80, reps: 5, rpe: 7 },
      { weightKg: 80, reps: 5, rpe: 7 },
      { weightKg: 80, reps: 5, rpe: 7 },
    ]);
    const rpeEight = await insertTemplate(fixture.ctx, 'Bench 3×5 @ 8', [
      { exercise: 'Barbell Bench Press', sets: 3, repsMin: 5, rpe: 8 },
    ]);
    const started = await call(fixture.ctx, 'workouts.start', {
      athleteId,
      from: { kind: 'template', templateId: rpeEight.id },
    });
    // Every rep done, under the target RPE: the smallest jump of the standard plates (2 × 1.25 kg).
    expect(entryOf(started, bench).suggestion).toEqual({
      weightKg: 82.5,
      reps: 5,
      reason: 'last time 3×5 @ RPE 7 at 80 kg → 82.5 kg',
      kind: 'increase',
    });
    await call(fixture.ctx, 'settings.update', { weightUnit: 'lb' });
    try {
      const inPounds = entryOf(
        await call(fixture.ctx, 'workouts.get', { id: started.id }),
        bench,
      ).suggestion!;
      expect(inPounds.kind).toBe('increase');
      expect(inPounds.reason).toMatch(/^last time 3×5 @ RPE 7 at 176(\.\d)? lb → \d+(\.\d)? lb$/);
    } finally {
      await call(fixture.ctx, 'settings.update', { weightUnit: 'kg' });
    }
  });

  it('shows last time for an exercise done with the body’s weight alone (no weight logged)', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    const pullUp = await catalogueExerciseId(fixture.ctx, 'Pull-Up');
    const previous = await pastSession(fixture.ctx, athleteId, '2025-02-24T17:00:00.000Z', pullUp, [
      { weightKg: null, reps: 10 },
      { weightKg: null, reps: 8 },
    ]);
    const started = await call(fixture.ctx, 'workouts.start', { athleteId, from: { kind: 'blank' } });
    await call(fixture.ctx, 'workouts.addExercise', { sessionId: started.id, exerciseId: pullUp });
    const entry = entryOf(await call(fixture.ctx, 'workouts.get', { id: started.id }), pullUp);
    expect(entry.lastTime).toMatchObject({
      sessionId: previous,
      sets: [
        { setNumber: 1, weightKg: null, reps: 10 },
        { setNumber: 2, weightKg: null, reps: 8 },
      ],
    });
    expect(entry.sets).toHaveLength(2);
    expect(entry.bestE1rmKg).toBeNull();
  });

  it('readies last time’s number of sets when an exercise is added by hand', async () => {
    const athleteId = await newAthlete(fixture.ctx);
    await pastSession(fixture.ctx, athleteId, '2025-02-24T17:00:00.000Z', bench, [
      { weightKg: 40, reps: 10, setType: 'warmup' },
      { weightKg: 80, reps: 5 },
      { weightKg: 80, reps: 5 },
    ]);
    const started = await call(fixture.ctx, 'workouts.start', { athleteId, from: { kind: 'blank' } });
    await call(fixture.ctx, 'workouts.addExercise', { sessionId: started.id, exerciseId: bench });
    const sets = await setsOf(started.id, bench);
    expect(sets.map((set) => [set.setNumber, set.setType, set.weightKg, set.completed])).toEqual([
      [1, 'warmup', null, false],
      [2, 'working', null, false],
      [3, 'working', null, false],
    ]);
    // With no history, one working set.
    await call(fixture.ctx, 'workouts.addExercise', { sessionId: started.id, exerciseId: squat });
    expect(await setsOf(started.id, squat)).toHaveLength(1);
  });
});
