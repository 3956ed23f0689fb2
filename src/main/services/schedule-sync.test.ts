import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { programAssignment, programDay, programWeek, scheduledWorkout } from '../db/schema';
import { shiftAssignment, syncProgramSchedules, syncTemplateSchedules } from './schedule-sync';
import {
  insertAthlete,
  insertProgram,
  insertSession,
  insertTemplate,
  insertWeek,
  insertDay,
  replaceTemplateExercises,
  setWorkoutStatus,
  storedWorkouts,
} from './schedule-test-support';
import { callChannel as call, useServiceFixture } from './test-fixtures';

// The fixture's clock stands at Monday 3 March 2025, 09:00 UTC: "today" in London is 2025-03-03.
const fixture = useServiceFixture();

type Row = Awaited<ReturnType<typeof storedWorkouts>>[number];

/**
 * A three-week, three-day program (week 3's middle day a rest day) applied Mon/Wed/Fri from
 * 24 February, a week ago, and a calendar with history on it:
 *   24 Feb done · 26 Feb missed · 28 Feb skipped · 3 Mar (today) to do · 5 Mar moved by hand to
 *   6 Mar · 7 Mar deleted · 10 and 14 Mar to do.
 */
async function scenario(prefix: string, options: { shiftOnMissed?: boolean; history?: boolean } = {}) {
  const athleteId = await insertAthlete(fixture.ctx, `${prefix} Athlete`);
  const a = await insertTemplate(fixture.ctx, `${prefix} A`, [
    { exercise: 'Barbell Back Squat', sets: 5, repsMin: 5, percentOneRepMax: 75 },
  ]);
  const b = await insertTemplate(fixture.ctx, `${prefix} B`, [
    { exercise: 'Barbell Bench Press', sets: 4, repsMin: 8, rpe: 8 },
  ]);
  const program = await insertProgram(
    fixture.ctx,
    `${prefix} Block`,
    3,
    [{ days: [a.id, b.id, a.id] }, { days: [a.id, b.id, a.id] }, { days: [a.id, null, b.id] }],
    { shiftOnMissed: options.shiftOnMissed ?? false },
  );
  const applied = await call(fixture.ctx, 'programs.apply', {
    programId: program.id,
    athleteIds: [athleteId],
    startDate: '2025-02-24',
    weekdays: [1, 3, 5],
  });
  const rows = await storedWorkouts(fixture.ctx, athleteId);
  const byDate = (date: string) => rows.find((row) => row.scheduledDate === date)!;
  if (options.history !== false) {
    await insertSession(fixture.ctx, byDate('2025-02-24').id, { completed: true });
    await setWorkoutStatus(fixture.ctx, [byDate('2025-02-26').id], 'missed');
    await call(fixture.ctx, 'schedule.update', { id: byDate('2025-02-28').id, status: 'skipped' });
    await call(fixture.ctx, 'schedule.update', { id: byDate('2025-03-05').id, date: '2025-03-06' });
    await call(fixture.ctx, 'schedule.delete', { id: byDate('2025-03-07').id });
  }
  fixture.takeTouched();
  return {
    athleteId,
    a,
    b,
    program,
    assignmentId: applied.assignmentIds[0]!,
    /** The stored row that was first scheduled on this date. */
    original: byDate,
  };
}

function sync(programId: string) {
  return fixture.database.db.transaction((tx) => syncProgramSchedules(tx, fixture.ctx, programId));
}

/** Each stored row as [date, template, status, deleted?], keyed by the id of the original row. */
async function calendarById(athleteId: string, templateNames: Record<string, string>) {
  const rows = await storedWorkouts(fixture.ctx, athleteId);
  return Object.fromEntries(
    rows.map((row: Row) => [
      row.id,
      [
        row.scheduledDate,
        templateNames[row.templateId],
        row.status,
        row.deletedAt === null ? 'live' : 'deleted',
      ],
    ]),
  );
}

describe('program edits and the calendars they are applied to', () => {
  it('retemplates future workouts, leaving done, missed, skipped, pinned-date and deleted ones as they were', async () => {
    const s = await scenario('Retemplate');
    const names = { [s.a.id]: 'A', [s.b.id]: 'B' };
    const before = await calendarById(s.athleteId, names);
    // Every week's first day becomes B.
    for (const week of s.program.weeks) {
      await fixture.database.db
        .update(programDay)
        .set({ templateId: s.b.id })
        .where(eq(programDay.id, week.dayIds[0]!));
    }
    fixture.clock.advance(60_000);

    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 2, removed: 0, athletes: 1 });
    expect(fixture.takeTouched()).toEqual(['scheduled_workout']);
    const after = await calendarById(s.athleteId, names);
    expect(after).toEqual({
      ...before,
      [s.original('2025-03-03').id]: ['2025-03-03', 'B', 'scheduled', 'live'],
      [s.original('2025-03-10').id]: ['2025-03-10', 'B', 'scheduled', 'live'],
    });
    const [today] = await fixture.database.db
      .select()
      .from(scheduledWorkout)
      .where(eq(scheduledWorkout.id, s.original('2025-03-03').id));
    expect(today!.prescription).toEqual([
      expect.objectContaining({ exerciseName: 'Barbell Bench Press', sets: 4, rpe: 8 }),
    ]);
    expect(new Date(today!.updatedAt)).toEqual(fixture.clock.now());

    // Nothing more to do: a second sync writes nothing.
    fixture.clock.advance(60_000);
    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 0, removed: 0, athletes: 0 });
    expect(fixture.takeTouched()).toEqual([]);
    const [unchanged] = await fixture.database.db
      .select({ updatedAt: scheduledWorkout.updatedAt })
      .from(scheduledWorkout)
      .where(eq(scheduledWorkout.id, s.original('2025-03-03').id));
    expect(new Date(unchanged!.updatedAt).getTime()).toBe(fixture.clock.now().getTime() - 60_000);
  });

  it('removes future workouts of days that became rest days or weeks that were removed, and creates new workout days', async () => {
    const s = await scenario('Rest');
    const names = { [s.a.id]: 'A', [s.b.id]: 'B' };
    const before = await calendarById(s.athleteId, names);
    const [week1, week2, week3] = s.program.weeks;
    // Week 1's missed day and week 2's pinned day become rest days; week 3's rest day gets A.
    await fixture.database.db
      .update(programDay)
      .set({ templateId: null })
      .where(eq(programDay.id, week1!.dayIds[1]!));
    await fixture.database.db
      .update(programDay)
      .set({ templateId: null })
      .where(eq(programDay.id, week2!.dayIds[1]!));
    await fixture.database.db
      .update(programDay)
      .set({ templateId: s.a.id })
      .where(eq(programDay.id, week3!.dayIds[1]!));

    expect(await sync(s.program.id)).toEqual({ created: 1, updated: 0, removed: 1, athletes: 1 });
    const after = await calendarById(s.athleteId, names);
    const created = Object.keys(after).filter((id) => !(id in before));
    expect(created.map((id) => after[id])).toEqual([['2025-03-12', 'A', 'scheduled', 'live']]);
    expect(after[s.original('2025-03-05').id]).toEqual(['2025-03-06', 'B', 'scheduled', 'deleted']);
    expect(after[s.original('2025-02-26').id]).toEqual(before[s.original('2025-02-26').id]);

    // Week 3 removed: its future workouts go.
    await fixture.database.db
      .update(programWeek)
      .set({ deletedAt: fixture.clock.now().toISOString() })
      .where(eq(programWeek.id, week3!.id));
    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 0, removed: 3, athletes: 1 });
    const live = (await storedWorkouts(fixture.ctx, s.athleteId)).filter((row) => row.deletedAt === null);
    expect(live.map((row) => row.scheduledDate)).toEqual([
      '2025-02-24',
      '2025-02-26',
      '2025-02-28',
      '2025-03-03',
    ]);
  });

  it('gives a cleared day its workout back when the day returns (an undo), but never one the coach deleted', async () => {
    const s = await scenario('Undo Rest');
    const [, week2, week3] = s.program.weeks;
    const setDay = (dayId: string, templateId: string | null) =>
      fixture.database.db.update(programDay).set({ templateId }).where(eq(programDay.id, dayId));
    const liveDates = async () =>
      (await storedWorkouts(fixture.ctx, s.athleteId))
        .filter((row) => row.deletedAt === null)
        .map((row) => row.scheduledDate);
    const before = await liveDates();

    // Week 3's Monday (10 Mar) becomes a rest day, then the coach undoes that.
    await setDay(week3!.dayIds[0]!, null);
    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 0, removed: 1, athletes: 1 });
    expect(await liveDates()).not.toContain('2025-03-10');
    await setDay(week3!.dayIds[0]!, s.a.id);
    expect(await sync(s.program.id)).toEqual({ created: 1, updated: 0, removed: 0, athletes: 1 });
    expect(await liveDates()).toEqual(before);

    // The workout the coach deleted (7 Mar, week 2's Friday) stays deleted through the same round trip.
    await setDay(week2!.dayIds[2]!, null);
    await sync(s.program.id);
    await setDay(week2!.dayIds[2]!, s.a.id);
    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 0, removed: 0, athletes: 0 });
    expect(await liveDates()).not.toContain('2025-03-07');
  });

  it('moves future workouts when the weeks shift, keeping hand-moved dates, and never recreates a deleted one', async () => {
    const s = await scenario('Shift Weeks');
    const names = { [s.a.id]: 'A', [s.b.id]: 'B' };
    const before = await calendarById(s.athleteId, names);
    // A new week 1 goes in front: the old weeks become 2–4.
    for (const [index, week] of s.program.weeks.entries()) {
      await fixture.database.db
        .update(programWeek)
        .set({ weekNumber: index + 2 })
        .where(eq(programWeek.id, week.id));
    }
    const newWeek = await insertWeek(fixture.ctx, s.program.id, 1);
    for (const slot of [0, 1, 2]) await insertDay(fixture.ctx, newWeek, slot, s.b.id);

    // The new week's days fall in the past (24–28 Feb): history is not rewritten.
    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 3, removed: 0, athletes: 1 });
    expect(await calendarById(s.athleteId, names)).toEqual({
      ...before,
      [s.original('2025-03-03').id]: ['2025-03-10', 'A', 'scheduled', 'live'],
      [s.original('2025-03-10').id]: ['2025-03-17', 'A', 'scheduled', 'live'],
      [s.original('2025-03-14').id]: ['2025-03-21', 'B', 'scheduled', 'live'],
    });
    const weeks = await fixture.database.db
      .select({ id: scheduledWorkout.id, weekNumber: programWeek.weekNumber })
      .from(scheduledWorkout)
      .innerJoin(programWeek, eq(programWeek.id, scheduledWorkout.programWeekId))
      .where(eq(scheduledWorkout.id, s.original('2025-03-10').id));
    expect(weeks).toEqual([{ id: s.original('2025-03-10').id, weekNumber: 4 }]);
  });

  it('never moves a future workout onto a day that has passed', async () => {
    const s = await scenario('Past Days');
    const names = { [s.a.id]: 'A', [s.b.id]: 'B' };
    const before = await calendarById(s.athleteId, names);
    // Week 1 removed: week 2 would start on 24 Feb, week 3 on 3 March.
    await fixture.database.db
      .update(programWeek)
      .set({ deletedAt: fixture.clock.now().toISOString() })
      .where(eq(programWeek.id, s.program.weeks[0]!.id));
    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 2, removed: 0, athletes: 1 });
    expect(await calendarById(s.athleteId, names)).toEqual({
      ...before,
      // Today's workout (week 2, day 1) would belong on 24 Feb: it stays today.
      [s.original('2025-03-10').id]: ['2025-03-03', 'A', 'scheduled', 'live'],
      [s.original('2025-03-14').id]: ['2025-03-07', 'B', 'scheduled', 'live'],
    });
  });

  it('re-prescribes future workouts when a week’s modifiers or a day’s overrides change', async () => {
    const s = await scenario('Modifiers');
    const week3 = s.program.weeks[2]!;
    await fixture.database.db
      .update(programWeek)
      .set({ volumeFactor: 0.6, intensityDeltaPercent: -10 })
      .where(eq(programWeek.id, week3.id));
    await fixture.database.db
      .update(programDay)
      .set({ overrides: { [s.b.exerciseIds[0]!]: { sets: 6, rpe: 9 } } })
      .where(eq(programDay.id, week3.dayIds[2]!));
    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 2, removed: 0, athletes: 1 });
    const rows = await storedWorkouts(fixture.ctx, s.athleteId);
    const prescription = (date: string) =>
      (
        rows.find((row) => row.scheduledDate === date)!.prescription as {
          sets: number;
          percentOneRepMax: number | null;
          rpe: number | null;
        }[]
      )[0];
    expect(prescription('2025-03-10')).toMatchObject({ sets: 3, percentOneRepMax: 65 });
    expect(prescription('2025-03-14')).toMatchObject({ sets: 4, rpe: 9 });
    expect(prescription('2025-03-03')).toMatchObject({ sets: 5, percentOneRepMax: 75 });
  });

  it('follows every live application of the program and counts the athletes whose calendars changed', async () => {
    const s = await scenario('Many Athletes', { history: false });
    const other = await insertAthlete(fixture.ctx, 'Many Athletes Other');
    const undone = await insertAthlete(fixture.ctx, 'Many Athletes Undone');
    await call(fixture.ctx, 'programs.apply', {
      programId: s.program.id,
      athleteIds: [other],
      startDate: '2025-03-03',
      weekdays: [2, 4, 6],
    });
    const gone = await call(fixture.ctx, 'programs.apply', {
      programId: s.program.id,
      athleteIds: [undone],
      startDate: '2025-03-03',
      weekdays: [1, 3, 5],
    });
    await call(fixture.ctx, 'programs.unapply', { assignmentIds: gone.assignmentIds });
    await fixture.database.db
      .update(programDay)
      .set({ templateId: s.b.id })
      .where(eq(programDay.id, s.program.weeks[2]!.dayIds[0]!));

    // Week 3's first day: 10 March for the first athlete, 18 March for the other (Tue/Thu/Sat).
    expect(await sync(s.program.id)).toEqual({ created: 0, updated: 2, removed: 0, athletes: 2 });
    expect((await storedWorkouts(fixture.ctx, undone)).filter((row) => row.deletedAt === null)).toEqual([]);
  });
});

describe('template edits', () => {
  it('refresh the frozen prescription of future, not-started workouts on the template, program ones with their week', async () => {
    const s = await scenario('Template Edit');
    const standaloneFuture = await call(fixture.ctx, 'schedule.create', {
      athleteId: s.athleteId,
      templateId: s.a.id,
      date: '2025-03-20',
    });
    const standalonePast = await call(fixture.ctx, 'schedule.create', {
      athleteId: s.athleteId,
      templateId: s.a.id,
      date: '2025-02-20',
    });
    await fixture.database.db
      .update(programWeek)
      .set({ volumeFactor: 2 })
      .where(eq(programWeek.id, s.program.weeks[2]!.id));
    await sync(s.program.id);
    const frozenBefore = new Map(
      (await storedWorkouts(fixture.ctx, s.athleteId)).map((row) => [row.id, row.prescription]),
    );

    await replaceTemplateExercises(fixture.ctx, s.a.id, [
      { exercise: 'Barbell Front Squat', sets: 3, repsMin: 3, percentOneRepMax: 80 },
    ]);
    const result = await fixture.database.db.transaction((tx) =>
      syncTemplateSchedules(tx, fixture.ctx, s.a.id),
    );
    // Today's and 10 March's program workouts, and the standalone one on 20 March.
    expect(result).toEqual({ created: 0, updated: 3, removed: 0, athletes: 1 });
    const rows = await storedWorkouts(fixture.ctx, s.athleteId);
    const first = (id: string) =>
      (rows.find((row) => row.id === id)!.prescription as { exerciseName: string; sets: number }[])[0];
    expect(first(s.original('2025-03-03').id)).toMatchObject({
      exerciseName: 'Barbell Front Squat',
      sets: 3,
    });
    expect(first(s.original('2025-03-10').id)).toMatchObject({
      exerciseName: 'Barbell Front Squat',
      sets: 6,
    });
    expect(first(standaloneFuture.id)).toMatchObject({ exerciseName: 'Barbell Front Squat', sets: 3 });
    for (const id of [s.original('2025-02-24').id, standalonePast.id, s.original('2025-03-14').id]) {
      expect(rows.find((row) => row.id === id)!.prescription).toEqual(frozenBefore.get(id));
    }
    expect(
      await fixture.database.db.transaction((tx) => syncTemplateSchedules(tx, fixture.ctx, s.a.id)),
    ).toEqual({
      created: 0,
      updated: 0,
      removed: 0,
      athletes: 0,
    });
  });
});

describe('shifting an application over a missed day', () => {
  it('moves the missed workout and everything after it to the next training days, once', async () => {
    const s = await scenario('Shift Missed', { shiftOnMissed: true, history: false });
    await insertSession(fixture.ctx, s.original('2025-02-24').id, { completed: true });
    await insertSession(fixture.ctx, s.original('2025-02-26').id, { completed: true });
    await setWorkoutStatus(fixture.ctx, [s.original('2025-02-28').id], 'missed');
    const names = { [s.a.id]: 'A', [s.b.id]: 'B' };
    const before = await calendarById(s.athleteId, names);

    const shift = () =>
      fixture.database.db.transaction((tx) =>
        shiftAssignment(tx, fixture.ctx, s.assignmentId, '2025-02-28', '2025-03-03'),
      );
    expect(await shift()).toEqual({ created: 0, updated: 6, removed: 0, athletes: 1 });
    expect(fixture.takeTouched().sort()).toEqual(['program_assignment', 'scheduled_workout']);
    expect(await calendarById(s.athleteId, names)).toEqual({
      ...before,
      [s.original('2025-02-28').id]: ['2025-03-03', 'A', 'scheduled', 'live'],
      [s.original('2025-03-03').id]: ['2025-03-05', 'A', 'scheduled', 'live'],
      [s.original('2025-03-05').id]: ['2025-03-07', 'B', 'scheduled', 'live'],
      [s.original('2025-03-07').id]: ['2025-03-10', 'A', 'scheduled', 'live'],
      [s.original('2025-03-10').id]: ['2025-03-12', 'A', 'scheduled', 'live'],
      [s.original('2025-03-14').id]: ['2025-03-17', 'B', 'scheduled', 'live'],
    });
    const [assignment] = await fixture.database.db
      .select({ skippedDates: programAssignment.skippedDates })
      .from(programAssignment)
      .where(eq(programAssignment.id, s.assignmentId));
    expect(assignment!.skippedDates).toEqual(['2025-02-28']);

    expect(await shift()).toEqual({ created: 0, updated: 0, removed: 0, athletes: 0 });
    expect(fixture.takeTouched()).toEqual([]);
  });

  it('moves a workout the job has not marked yet, and skips every training day up to today after a long absence', async () => {
    const s = await scenario('Shift Absence', { shiftOnMissed: true, history: false });
    // Nothing done since 24 Feb: the job shifts from that day, the workout still open.
    const result = await fixture.database.db.transaction((tx) =>
      shiftAssignment(tx, fixture.ctx, s.assignmentId, '2025-02-24', '2025-03-03'),
    );
    expect(result).toMatchObject({ created: 0, removed: 0, athletes: 1 });
    const live = (await storedWorkouts(fixture.ctx, s.athleteId)).filter((row) => row.deletedAt === null);
    expect(live.map((row) => [row.scheduledDate, row.status])).toEqual([
      ['2025-03-03', 'scheduled'],
      ['2025-03-05', 'scheduled'],
      ['2025-03-07', 'scheduled'],
      ['2025-03-10', 'scheduled'],
      ['2025-03-12', 'scheduled'],
      ['2025-03-14', 'scheduled'],
      ['2025-03-17', 'scheduled'],
      ['2025-03-21', 'scheduled'],
    ]);
    const [assignment] = await fixture.database.db
      .select({ skippedDates: programAssignment.skippedDates })
      .from(programAssignment)
      .where(eq(programAssignment.id, s.assignmentId));
    expect(assignment!.skippedDates).toEqual(['2025-02-24', '2025-02-26', '2025-02-28']);
  });

  it('leaves an undone application alone', async () => {
    const s = await scenario('Shift Undone', { shiftOnMissed: true, history: false });
    await call(fixture.ctx, 'programs.unapply', { assignmentIds: [s.assignmentId] });
    fixture.takeTouched();
    const result = await fixture.database.db.transaction((tx) =>
      shiftAssignment(tx, fixture.ctx, s.assignmentId, '2025-02-24', '2025-03-03'),
    );
    expect(result).toEqual({ created: 0, updated: 0, removed: 0, athletes: 0 });
    expect(fixture.takeTouched()).toEqual([]);
  });
});
