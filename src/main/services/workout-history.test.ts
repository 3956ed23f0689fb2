import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../../shared/contract';
import { catalogueExerciseId, insertAthlete } from './schedule-test-support';
import { callChannel as call, failureOf, useServiceFixture } from './test-fixtures';
import { encodeCursor } from './history-paging';
import { deleteLoggedSession, insertLoggedSession, type LoggedSet } from './workout-history-test-support';
import { recordsOfAthlete, recordsOfSession } from './workout-records';

// The fixture's clock stands at Monday 3 March 2025, 09:00 UTC.
const fixture = useServiceFixture();

const SQUAT = 'Barbell Back Squat';
const BENCH = 'Barbell Bench Press';

const sets = (weightKg: number, reps: number, count: number, extra: Partial<LoggedSet> = {}): LoggedSet[] =>
  Array.from({ length: count }, () => ({ weightKg, reps, ...extra }));

/** A week of an athlete's training: two finished workouts, one in progress, one deleted. */
async function trainingWeek() {
  const athleteId = await insertAthlete(fixture.ctx, `History ${uuidv7().slice(-6)}`);
  const monday = await insertLoggedSession(fixture.ctx, athleteId, {
    name: 'Lower A',
    startedAt: '2025-02-24T17:00:00.000Z',
    completedAt: '2025-02-24T18:05:30.000Z',
    entries: [
      {
        exercise: SQUAT,
        sets: [
          { weightKg: 60, reps: 5, setType: 'warmup' },
          ...sets(100, 5, 2),
          { weightKg: 105, reps: 3 },
          { weightKg: 110, reps: 1, completed: false },
        ],
      },
      { exercise: BENCH, sets: sets(80, 8, 2) },
    ],
  });
  const wednesday = await insertLoggedSession(fixture.ctx, athleteId, {
    name: 'Lower B',
    startedAt: '2025-02-26T17:00:00.000Z',
    entries: [{ exercise: SQUAT, sets: sets(102.5, 5, 3) }],
  });
  const deleted = await insertLoggedSession(fixture.ctx, athleteId, {
    startedAt: '2025-02-28T17:00:00.000Z',
    entries: [{ exercise: SQUAT, sets: sets(200, 5, 1) }],
  });
  await deleteLoggedSession(fixture.ctx, deleted.id);
  const today = await insertLoggedSession(fixture.ctx, athleteId, {
    name: 'Upper',
    startedAt: '2025-03-03T08:00:00.000Z',
    completedAt: null,
    entries: [
      { exercise: BENCH, sets: [] },
      { exercise: SQUAT, sets: [{ weightKg: 60, reps: 5, setType: 'warmup' }] },
    ],
  });
  return { athleteId, monday, wednesday, deleted, today };
}

describe("an athlete's history", () => {
  it('lists live workouts newest first, the one in progress too, with totals, best sets and records', async () => {
    const { athleteId, monday, wednesday, today } = await trainingWeek();
    const other = await insertAthlete(fixture.ctx, 'Someone Else');
    await insertLoggedSession(fixture.ctx, other, { startedAt: '2025-02-25T17:00:00.000Z' });

    const { items, nextCursor } = await call(fixture.ctx, 'workouts.history', { athleteId });
    expect(nextCursor).toBeNull();
    expect(items.map((item) => item.id)).toEqual([today.id, wednesday.id, monday.id]);

    const [inProgress, lowerB, lowerA] = items;
    expect(lowerA).toMatchObject({
      athleteId,
      name: 'Lower A',
      startedAt: '2025-02-24T17:00:00.000Z',
      completedAt: '2025-02-24T18:05:30.000Z',
      durationSeconds: 3930,
      // Warm-ups and the missed single count for nothing: 100×5×2 + 105×3 + 80×8×2.
      volumeKg: 2595,
      completedSets: 6,
      exerciseCount: 2,
      scheduledWorkoutId: null,
      exercises: [
        { exerciseName: SQUAT, completedSets: 4, bestSet: { weightKg: 100, reps: 5 } },
        { exerciseName: BENCH, completedSets: 2, bestSet: { weightKg: 80, reps: 8 } },
      ],
    });
    expect(lowerB).toMatchObject({ volumeKg: 1537.5, completedSets: 3, exerciseCount: 1 });
    expect(inProgress).toMatchObject({
      completedAt: null,
      durationSeconds: null,
      volumeKg: 0,
      completedSets: 1,
      exerciseCount: 2,
      exercises: [
        { exerciseName: BENCH, completedSets: 0, bestSet: null },
        { exerciseName: SQUAT, completedSets: 1, bestSet: null },
      ],
    });

    // The records each workout holds are the ones the records table gives it.
    for (const item of items) {
      const held = await recordsOfSession(fixture.ctx.db, item.id);
      expect(item.records).toEqual(expect.arrayContaining(held));
      expect(item.records).toHaveLength(held.length);
    }
    expect(lowerB!.records).toContainEqual(
      expect.objectContaining({ exerciseName: SQUAT, kind: 'e1rm', weightKg: 102.5, repsDone: 5 }),
    );
    expect(lowerA!.records).toContainEqual(
      expect.objectContaining({ exerciseName: SQUAT, kind: 'weight', reps: 3, valueKg: 105 }),
    );
  });

  it('shows the heaviest set as the best when no set has an e1RM (all above 12 reps)', async () => {
    const athleteId = await insertAthlete(fixture.ctx, 'High Reps');
    await insertLoggedSession(fixture.ctx, athleteId, {
      startedAt: '2025-02-20T10:00:00.000Z',
      entries: [
        {
          exercise: SQUAT,
          sets: [
            { weightKg: 60, reps: 20 },
            { weightKg: 70, reps: 15 },
            { weightKg: 70, reps: 14 },
          ],
        },
      ],
    });
    const { items } = await call(fixture.ctx, 'workouts.history', { athleteId });
    expect(items[0]!.exercises[0]!.bestSet).toEqual({ weightKg: 70, reps: 15 });
  });

  it('pages through every workout once, newest first, ties on the start in id order', async () => {
    const athleteId = await insertAthlete(fixture.ctx, 'Pager');
    const starts = [
      '2025-01-06',
      '2025-01-08',
      '2025-01-08',
      '2025-01-08',
      '2025-01-10',
      '2025-01-13',
      '2025-01-15',
    ];
    const ids: string[] = [];
    for (const day of starts) {
      ids.push((await insertLoggedSession(fixture.ctx, athleteId, { startedAt: `${day}T17:00:00.000Z` })).id);
    }
    // uuidv7 ids grow with time, so newest first is the reverse of insertion, ties included.
    const expected = [...ids].reverse();

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = await call(
        fixture.ctx,
        'workouts.history',
        { athleteId, limit: 3, cursor },
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages++;
      if (pages === 1) {
        // A workout logged while paging (newer than everything) neither shifts nor repeats a row.
        await insertLoggedSession(fixture.ctx, athleteId, { startedAt: '2025-02-01T17:00:00.000Z' });
      }
    } while (cursor !== null && pages < 10);
    expect(seen).toEqual(expected);
    expect(pages).toBe(3);
  });

  it('keeps to one exercise when asked, the workout in progress with it included', async () => {
    const { athleteId, monday, wednesday, today } = await trainingWeek();
    const squat = await catalogueExerciseId(fixture.ctx, SQUAT);
    const bench = await catalogueExerciseId(fixture.ctx, BENCH);
    const squats = await call(fixture.ctx, 'workouts.history', { athleteId, exerciseId: squat });
    expect(squats.items.map((item) => item.id)).toEqual([today.id, wednesday.id, monday.id]);
    // Bench is in today's workout with nothing logged yet, and in Monday's.
    const benches = await call(fixture.ctx, 'workouts.history', { athleteId, exerciseId: bench, limit: 1 });
    expect(benches.items.map((item) => item.id)).toEqual([today.id]);
    const rest = await call(fixture.ctx, 'workouts.history', {
      athleteId,
      exerciseId: bench,
      cursor: benches.nextCursor,
    });
    expect(rest.items.map((item) => item.id)).toEqual([monday.id]);
    expect(rest.nextCursor).toBeNull();
    // The whole workout is listed, not only that exercise.
    expect(rest.items[0]!.exercises).toHaveLength(2);
  });

  it("keeps to a date range of the athlete's own calendar days", async () => {
    // Auckland is UTC+13 in March: 3 March there runs from 2 March 11:00 to 3 March 11:00 UTC.
    const athleteId = await insertAthlete(fixture.ctx, 'Kiwi', { timeZone: 'Pacific/Auckland' });
    const at = async (startedAt: string) =>
      (await insertLoggedSession(fixture.ctx, athleteId, { startedAt })).id;
    await at('2025-03-02T10:59:00.000Z');
    const firstMinute = await at('2025-03-02T11:00:00.000Z');
    const lastMinute = await at('2025-03-03T10:59:00.000Z');
    const nextDay = await at('2025-03-03T11:00:00.000Z');

    const day = await call(fixture.ctx, 'workouts.history', {
      athleteId,
      from: '2025-03-03',
      to: '2025-03-03',
    });
    expect(day.items.map((item) => item.id)).toEqual([lastMinute, firstMinute]);
    const onwards = await call(fixture.ctx, 'workouts.history', { athleteId, from: '2025-03-03' });
    expect(onwards.items.map((item) => item.id)).toEqual([nextDay, lastMinute, firstMinute]);
    const until = await call(fixture.ctx, 'workouts.history', { athleteId, to: '2025-03-02', limit: 5 });
    expect(until.items).toHaveLength(1);
  });

  it('refuses a cursor it did not give out, a range that ends before it starts, an unknown athlete or exercise', async () => {
    const { athleteId } = await trainingWeek();
    const real = (await call(fixture.ctx, 'workouts.history', { athleteId, limit: 1 })).nextCursor!;
    const cursorMessage = 'That page cursor is not one this app gave out: start again from the first page';
    const forged = [
      'nonsense',
      real.slice(0, -4),
      Buffer.from('h1|2025-03-03 08:00:00+00|not-an-id').toString('base64url'),
      Buffer.from(`h2|2025-03-03 08:00:00+00|${uuidv7()}`).toString('base64url'),
    ];
    for (const cursor of forged) {
      const failure = await failureOf(call(fixture.ctx, 'workouts.history', { athleteId, cursor }));
      expect(failure.code).toBe('invalid_input');
      expect(fieldIssues(failure.toShape())).toEqual([{ path: ['cursor'], message: cursorMessage }]);
    }
    const backwards = await failureOf(
      call(fixture.ctx, 'workouts.history', { athleteId, from: '2025-03-03', to: '2025-03-01' }),
    );
    expect(fieldIssues(backwards.toShape())).toEqual([
      { path: ['from'], message: 'The start date must be on or before the end date' },
    ]);
    const nobody = await failureOf(call(fixture.ctx, 'workouts.history', { athleteId: uuidv7() }));
    expect(nobody).toMatchObject({
      code: 'invalid_input',
      message: 'That athlete does not exist or has been deleted: pick another athlete',
    });
    const nothing = await failureOf(
      call(fixture.ctx, 'workouts.history', { athleteId, exerciseId: uuidv7() }),
    );
    expect(fieldIssues(nothing.toShape())[0]?.path).toEqual(['exerciseId']);
  });

  it('reads a cursor made from a start with microseconds without skipping or repeating', async () => {
    const athleteId = await insertAthlete(fixture.ctx, 'Micro');
    const first = await insertLoggedSession(fixture.ctx, athleteId, {
      startedAt: '2025-01-06T17:00:00.000123Z',
    });
    const second = await insertLoggedSession(fixture.ctx, athleteId, {
      startedAt: '2025-01-06T17:00:00.000456Z',
    });
    const page = await call(fixture.ctx, 'workouts.history', { athleteId, limit: 1 });
    expect(page.items[0]!.id).toBe(second.id);
    expect(page.nextCursor).toBe(encodeCursor({ startedAt: '2025-01-06 17:00:00.000456+00', id: second.id }));
    const next = await call(fixture.ctx, 'workouts.history', {
      athleteId,
      limit: 1,
      cursor: page.nextCursor,
    });
    expect(next.items.map((item) => item.id)).toEqual([first.id]);
  });
});

describe("an exercise's history", () => {
  it('lists the sessions with the exercise newest first, with their sets, best set, e1RM, volume and records', async () => {
    const { athleteId, monday, wednesday, today } = await trainingWeek();
    const squat = await catalogueExerciseId(fixture.ctx, SQUAT);
    const first = await call(fixture.ctx, 'workouts.exerciseHistory', {
      athleteId,
      exerciseId: squat,
      limit: 2,
    });
    expect(first.exercise).toEqual({ id: squat, name: SQUAT });
    expect(first.items.map((item) => item.sessionId)).toEqual([today.id, wednesday.id]);
    expect(first.items[0]).toMatchObject({
      sessionName: 'Upper',
      bestSet: null,
      bestE1rmKg: null,
      volumeKg: 0,
    });
    expect(first.items[1]).toMatchObject({
      sessionName: 'Lower B',
      startedAt: '2025-02-26T17:00:00.000Z',
      bestSet: { weightKg: 102.5, reps: 5 },
      volumeKg: 1537.5,
    });
    expect(first.items[1]!.bestE1rmKg).toBeCloseTo(102.5 * (1 + 5 / 30), 6);
    expect(first.records).toEqual(await recordsOfAthlete(fixture.ctx.db, athleteId, squat));
    expect(first.records.map((record) => record.kind)).toContain('e1rm');

    const rest = await call(fixture.ctx, 'workouts.exerciseHistory', {
      athleteId,
      exerciseId: squat,
      limit: 2,
      cursor: first.nextCursor,
    });
    expect(rest.nextCursor).toBeNull();
    const [lowerA] = rest.items;
    expect(lowerA!.sessionId).toBe(monday.id);
    // Every live set in the workout's order, the missed single and the warm-up too.
    expect(lowerA!.sets.map((set) => [set.setType, set.weightKg, set.reps, set.completed])).toEqual([
      ['warmup', 60, 5, true],
      ['working', 100, 5, true],
      ['working', 100, 5, true],
      ['working', 105, 3, true],
      ['working', 110, 1, false],
    ]);
    expect(lowerA).toMatchObject({ bestSet: { weightKg: 100, reps: 5 }, volumeKg: 1315 });
  });

  it('refuses an unknown athlete or exercise, and a forged cursor', async () => {
    const { athleteId } = await trainingWeek();
    const squat = await catalogueExerciseId(fixture.ctx, SQUAT);
    const failures = await Promise.all([
      failureOf(call(fixture.ctx, 'workouts.exerciseHistory', { athleteId: uuidv7(), exerciseId: squat })),
      failureOf(call(fixture.ctx, 'workouts.exerciseHistory', { athleteId, exerciseId: uuidv7() })),
      failureOf(
        call(fixture.ctx, 'workouts.exerciseHistory', { athleteId, exerciseId: squat, cursor: 'abc' }),
      ),
    ]);
    expect(failures.map((failure) => [failure.code, fieldIssues(failure.toShape())[0]?.path])).toEqual([
      ['invalid_input', ['athleteId']],
      ['invalid_input', ['exerciseId']],
      ['invalid_input', ['cursor']],
    ]);
  });
});

describe("an athlete's records", () => {
  it('lists every record of the athlete, or those of one exercise', async () => {
    const { athleteId } = await trainingWeek();
    const bench = await catalogueExerciseId(fixture.ctx, BENCH);
    const all = await call(fixture.ctx, 'workouts.records', { athleteId });
    expect(all.items).toEqual(await recordsOfAthlete(fixture.ctx.db, athleteId, null));
    expect(new Set(all.items.map((record) => record.exerciseName))).toEqual(new Set([SQUAT, BENCH]));
    const benchOnly = await call(fixture.ctx, 'workouts.records', { athleteId, exerciseId: bench });
    expect(benchOnly.items.length).toBeGreaterThan(0);
    expect(benchOnly.items.every((record) => record.exerciseId === bench)).toBe(true);
    const nobody = await failureOf(call(fixture.ctx, 'workouts.records', { athleteId: uuidv7() }));
    expect(nobody.code).toBe('invalid_input');
  });
});
