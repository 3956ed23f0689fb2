import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fieldIssues, type InputOf } from '../../shared/contract';
import { createDispatcher } from '../backend/dispatcher';
import { programAssignment, programDay, scheduledWorkout } from '../db/schema';
import { handlers } from './index';
import {
  insertAthlete,
  insertProgram,
  insertSession,
  insertTemplate,
  liveCalendar,
  setWorkoutStatus,
  storedWorkouts,
  type InsertedTemplate,
} from './schedule-test-support';
import { callChannel as call, failureOf, snapshotTables, useServiceFixture } from './test-fixtures';

// The fixture's clock stands at Monday 3 March 2025, 09:00 UTC: "today" in London is 2025-03-03.
const fixture = useServiceFixture();

const MON_WED_FRI = [1, 3, 5];

async function templates(prefix: string) {
  const squat = await insertTemplate(fixture.ctx, `${prefix} Squat Day`, [
    { exercise: 'Barbell Back Squat', sets: 5, repsMin: 5, percentOneRepMax: 75 },
    { exercise: 'Barbell Front Squat', sets: 3, repsMin: 8, rpe: 7 },
  ]);
  const press = await insertTemplate(fixture.ctx, `${prefix} Press Day`, [
    { exercise: 'Barbell Bench Press', sets: 4, repsMin: 6, repsMax: 8, loadKg: 80 },
  ]);
  return { squat, press };
}

/**
 * Two weeks of three days: week 1 squat/press/squat; week 2 squat/rest/press, a deload-ish week
 * (volume × 0.6, +5 %1RM points) with the squat day's back squat overridden to 3 sets.
 */
async function twoWeekProgram(name: string, squat: InsertedTemplate, press: InsertedTemplate) {
  return insertProgram(fixture.ctx, name, 3, [
    { days: [squat.id, press.id, squat.id] },
    {
      days: [squat.id, null, press.id],
      volumeFactor: 0.6,
      intensityDeltaPercent: 5,
      overrides: { 0: { [squat.exerciseIds[0]!]: { sets: 5, repsMin: 3 } } },
    },
  ]);
}

function applyInput(
  programId: string,
  athleteIds: string[],
  overrides: Partial<InputOf<'programs.apply'>> = {},
): InputOf<'programs.apply'> {
  return { programId, athleteIds, startDate: '2025-03-03', weekdays: MON_WED_FRI, ...overrides };
}

describe('applying a program', () => {
  it('puts each workout day on the chosen weekdays from a Monday, with its prescription frozen for that day', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Apply');
    const { squat, press } = await templates('Monday');
    const program = await twoWeekProgram('Monday Block', squat, press);

    const result = await call(fixture.ctx, 'programs.apply', applyInput(program.id, [ada]));
    expect(result).toEqual({
      assignmentIds: [expect.any(String)],
      created: 5,
      replaced: 0,
      shifted: 0,
      unchanged: 0,
    });
    expect(fixture.takeTouched().sort()).toEqual(['program_assignment', 'scheduled_workout']);
    expect(await liveCalendar(fixture.ctx, ada)).toEqual([
      ['2025-03-03', squat.id, 'scheduled'],
      ['2025-03-05', press.id, 'scheduled'],
      ['2025-03-07', squat.id, 'scheduled'],
      ['2025-03-10', squat.id, 'scheduled'],
      ['2025-03-14', press.id, 'scheduled'],
    ]);

    const rows = await storedWorkouts(fixture.ctx, ada);
    expect(rows.map((row) => [row.programId, row.programWeekId, row.programDayId, row.assignmentId])).toEqual(
      [
        [program.id, program.weeks[0]!.id, program.weeks[0]!.dayIds[0], result.assignmentIds[0]],
        [program.id, program.weeks[0]!.id, program.weeks[0]!.dayIds[1], result.assignmentIds[0]],
        [program.id, program.weeks[0]!.id, program.weeks[0]!.dayIds[2], result.assignmentIds[0]],
        [program.id, program.weeks[1]!.id, program.weeks[1]!.dayIds[0], result.assignmentIds[0]],
        [program.id, program.weeks[1]!.id, program.weeks[1]!.dayIds[2], result.assignmentIds[0]],
      ],
    );
    type Frozen = {
      exerciseName: string;
      sets: number;
      repsMin: number;
      percentOneRepMax: number | null;
      loadKg: number | null;
    };
    const frozen = (index: number) =>
      (rows[index]!.prescription as Frozen[]).map((p) => [
        p.exerciseName,
        p.sets,
        p.repsMin,
        p.percentOneRepMax ?? p.loadKg,
      ]);
    expect(frozen(0)).toEqual([
      ['Barbell Back Squat', 5, 5, 75],
      ['Barbell Front Squat', 3, 8, null],
    ]);
    // Week 2: the day's override (5 × 3), then × 0.6 volume and +5 %1RM points; fixed loads +5 %.
    expect(frozen(3)).toEqual([
      ['Barbell Back Squat', 3, 3, 80],
      ['Barbell Front Squat', 2, 8, null],
    ]);
    expect(frozen(4)).toEqual([['Barbell Bench Press', 2, 6, 84]]);

    const [assignment] = await fixture.database.db
      .select()
      .from(programAssignment)
      .where(eq(programAssignment.id, result.assignmentIds[0]!));
    expect(assignment).toMatchObject({
      programId: program.id,
      athleteId: ada,
      startDate: '2025-03-03',
      weekdays: MON_WED_FRI,
      skippedDates: [],
      replacedWorkoutIds: [],
      deletedAt: null,
    });
  });

  it('starts from the first chosen weekday on or after a Wednesday start', async () => {
    const bo = await insertAthlete(fixture.ctx, 'Bo Wednesday');
    const { squat, press } = await templates('Wednesday');
    const program = await twoWeekProgram('Wednesday Block', squat, press);
    await call(fixture.ctx, 'programs.apply', applyInput(program.id, [bo], { startDate: '2025-03-05' }));
    expect((await liveCalendar(fixture.ctx, bo)).map(([date]) => date)).toEqual([
      '2025-03-05',
      '2025-03-07',
      '2025-03-10',
      '2025-03-12',
      '2025-03-17',
    ]);
  });

  it('creates nothing twice when the same program is applied again from the same start on the same days', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Twice');
    const bo = await insertAthlete(fixture.ctx, 'Bo Twice');
    const { squat, press } = await templates('Twice');
    const program = await twoWeekProgram('Twice Block', squat, press);
    const first = await call(fixture.ctx, 'programs.apply', applyInput(program.id, [ada]));
    const deleted = (await storedWorkouts(fixture.ctx, ada))[4]!;
    await call(fixture.ctx, 'schedule.delete', { id: deleted.id });
    const calendarBefore = await liveCalendar(fixture.ctx, ada);

    // Weekdays in another order are the same days.
    const again = await call(
      fixture.ctx,
      'programs.apply',
      applyInput(program.id, [ada, bo], { weekdays: [5, 1, 3] }),
    );
    expect(again).toEqual({
      assignmentIds: [expect.not.stringMatching(first.assignmentIds[0]!)],
      created: 5,
      replaced: 0,
      shifted: 0,
      unchanged: 4,
    });
    // The deleted workout stays deleted: the coach removed it.
    expect(await liveCalendar(fixture.ctx, ada)).toEqual(calendarBefore);
    const preview = await call(fixture.ctx, 'programs.previewApply', applyInput(program.id, [ada, bo]));
    expect(preview.alreadyApplied.map((item) => item.athleteName)).toEqual(['Ada Twice', 'Bo Twice']);
    expect(preview.conflicts).toEqual([]);

    // A workout day added to the program since (without a sync) is the only thing a third apply adds.
    await fixture.database.db
      .update(programDay)
      .set({ templateId: press.id })
      .where(eq(programDay.id, program.weeks[1]!.dayIds[1]!));
    const third = await call(fixture.ctx, 'programs.apply', applyInput(program.id, [ada]));
    expect(third).toMatchObject({ assignmentIds: [], created: 1, unchanged: 4 });
    expect((await liveCalendar(fixture.ctx, ada)).map(([date]) => date)).toEqual([
      '2025-03-03',
      '2025-03-05',
      '2025-03-07',
      '2025-03-10',
      '2025-03-12',
    ]);
  });

  it('keeps both workouts on a day the athlete already trains when asked to', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Both');
    const { squat, press } = await templates('Both');
    const program = await twoWeekProgram('Both Block', squat, press);
    const existing = await call(fixture.ctx, 'schedule.create', {
      athleteId: ada,
      templateId: press.id,
      date: '2025-03-05',
    });

    const preview = await call(fixture.ctx, 'programs.previewApply', applyInput(program.id, [ada]));
    expect(preview.conflicts).toEqual([
      {
        athleteId: ada,
        athleteName: 'Ada Both',
        date: '2025-03-05',
        workouts: [
          { id: existing.id, templateName: 'Both Press Day', status: 'scheduled', programName: null },
        ],
      },
    ]);
    const result = await call(
      fixture.ctx,
      'programs.apply',
      applyInput(program.id, [ada], { onConflict: 'keep_both' }),
    );
    expect(result).toMatchObject({ created: 5, replaced: 0, shifted: 0 });
    expect((await liveCalendar(fixture.ctx, ada)).filter(([date]) => date === '2025-03-05')).toHaveLength(2);
  });

  it('replaces open workouts on its days, never a started or done one, and the undo brings them back', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Replace');
    const { squat, press } = await templates('Replace');
    const program = await twoWeekProgram('Replace Block', squat, press);
    const open = await call(fixture.ctx, 'schedule.create', {
      athleteId: ada,
      templateId: press.id,
      date: '2025-03-05',
    });
    const skipped = await call(fixture.ctx, 'schedule.create', {
      athleteId: ada,
      templateId: press.id,
      date: '2025-03-07',
    });
    await call(fixture.ctx, 'schedule.update', { id: skipped.id, status: 'skipped' });
    const started = await call(fixture.ctx, 'schedule.create', {
      athleteId: ada,
      templateId: press.id,
      date: '2025-03-03',
    });
    await insertSession(fixture.ctx, started.id, { completed: false });
    const elsewhere = await call(fixture.ctx, 'schedule.create', {
      athleteId: ada,
      templateId: press.id,
      date: '2025-03-04',
    });

    const result = await call(
      fixture.ctx,
      'programs.apply',
      applyInput(program.id, [ada], { onConflict: 'replace' }),
    );
    expect(result).toMatchObject({ created: 5, replaced: 2, shifted: 0 });
    const live = (await storedWorkouts(fixture.ctx, ada)).filter((row) => row.deletedAt === null);
    expect(live.map((row) => row.id)).toEqual(expect.arrayContaining([started.id, elsewhere.id]));
    expect(live.map((row) => row.id)).not.toContain(open.id);
    expect(live.map((row) => row.id)).not.toContain(skipped.id);
    expect(live.filter((row) => row.scheduledDate === '2025-03-03')).toHaveLength(2);
    const [assignment] = await fixture.database.db
      .select()
      .from(programAssignment)
      .where(eq(programAssignment.id, result.assignmentIds[0]!));
    expect([...assignment!.replacedWorkoutIds].sort()).toEqual([open.id, skipped.id].sort());

    const undone = await call(fixture.ctx, 'programs.unapply', { assignmentIds: result.assignmentIds });
    expect(undone).toEqual({ removed: 5, restored: 2 });
    expect(await liveCalendar(fixture.ctx, ada)).toEqual([
      ['2025-03-03', press.id, 'in_progress'],
      ['2025-03-04', press.id, 'scheduled'],
      ['2025-03-05', press.id, 'scheduled'],
      ['2025-03-07', press.id, 'skipped'],
    ]);
  });

  it('shifts the program past the days the athlete already trains, as many times as it takes', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Shift');
    const { squat, press } = await templates('Shift');
    const program = await twoWeekProgram('Shift Block', squat, press);
    for (const date of ['2025-03-05', '2025-03-12']) {
      await call(fixture.ctx, 'schedule.create', { athleteId: ada, templateId: press.id, date });
    }
    const result = await call(
      fixture.ctx,
      'programs.apply',
      applyInput(program.id, [ada], { onConflict: 'shift' }),
    );
    // 5 March collides (12 March is the rest day then); past it, week 2 lands on 12 March and moves on too.
    expect(result).toMatchObject({ created: 5, replaced: 0, shifted: 2 });
    const fromProgram = (await storedWorkouts(fixture.ctx, ada)).filter((row) => row.assignmentId !== null);
    expect(fromProgram.map((row) => row.scheduledDate)).toEqual([
      '2025-03-03',
      '2025-03-07',
      '2025-03-10',
      '2025-03-14',
      '2025-03-19',
    ]);
    const [assignment] = await fixture.database.db
      .select()
      .from(programAssignment)
      .where(eq(programAssignment.id, result.assignmentIds[0]!));
    expect(assignment!.skippedDates).toEqual(['2025-03-05', '2025-03-12']);
  });

  it('applies to many athletes in one go', async () => {
    const { squat, press } = await templates('Many');
    const weeks = Array.from({ length: 12 }, () => ({ days: [squat.id, press.id, squat.id, press.id] }));
    const program = await insertProgram(fixture.ctx, 'Twelve Weeks', 4, weeks);
    const athletes: string[] = [];
    for (let index = 0; index < 30; index += 1)
      athletes.push(await insertAthlete(fixture.ctx, `Many ${index}`));
    const result = await call(
      fixture.ctx,
      'programs.apply',
      applyInput(program.id, athletes, { weekdays: [1, 2, 4, 5] }),
    );
    expect(result).toMatchObject({ created: 30 * 48, replaced: 0, shifted: 0, unchanged: 0 });
    expect(result.assignmentIds).toHaveLength(30);
    const lastAthlete = await liveCalendar(fixture.ctx, athletes[29]!);
    expect(lastAthlete).toHaveLength(48);
    expect(lastAthlete.at(-1)![0]).toBe('2025-05-23');
  });
});

describe('the preview', () => {
  it('shows the dates and the end date, and a week with fewer weekdays than training days takes longer', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Preview');
    const { squat, press } = await templates('Preview');
    const program = await twoWeekProgram('Preview Block', squat, press);
    const before = await snapshotTables(fixture.database);

    const preview = await call(fixture.ctx, 'programs.previewApply', applyInput(program.id, [ada]));
    expect(preview.days).toEqual([
      {
        weekNumber: 1,
        dayIndex: 0,
        date: '2025-03-03',
        templateId: squat.id,
        templateName: 'Preview Squat Day',
      },
      {
        weekNumber: 1,
        dayIndex: 1,
        date: '2025-03-05',
        templateId: press.id,
        templateName: 'Preview Press Day',
      },
      {
        weekNumber: 1,
        dayIndex: 2,
        date: '2025-03-07',
        templateId: squat.id,
        templateName: 'Preview Squat Day',
      },
      {
        weekNumber: 2,
        dayIndex: 0,
        date: '2025-03-10',
        templateId: squat.id,
        templateName: 'Preview Squat Day',
      },
      {
        weekNumber: 2,
        dayIndex: 2,
        date: '2025-03-14',
        templateId: press.id,
        templateName: 'Preview Press Day',
      },
    ]);
    expect(preview.endDate).toBe('2025-03-14');
    expect(preview.alreadyApplied).toEqual([]);

    const twoDays = await call(
      fixture.ctx,
      'programs.previewApply',
      applyInput(program.id, [ada], { weekdays: [2, 6] }),
    );
    expect(twoDays.days.map((day) => day.date)).toEqual([
      '2025-03-04',
      '2025-03-08',
      '2025-03-11',
      '2025-03-15',
      '2025-03-22',
    ]);
    expect(twoDays.endDate).toBe('2025-03-22');
    expect(await snapshotTables(fixture.database)).toEqual(before);
    expect(fixture.takeTouched()).toEqual([]);
  });
});

describe('undoing an apply', () => {
  it('removes only its workouts still to come that have not started, and ends the application', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Undo');
    const { squat, press } = await templates('Undo');
    const program = await twoWeekProgram('Undo Block', squat, press);
    // Started a week ago: 24, 26, 28 Feb, then 3 (today) and 7 March.
    const result = await call(
      fixture.ctx,
      'programs.apply',
      applyInput(program.id, [ada], { startDate: '2025-02-24' }),
    );
    const rows = await storedWorkouts(fixture.ctx, ada);
    expect(rows.map((row) => row.scheduledDate)).toEqual([
      '2025-02-24',
      '2025-02-26',
      '2025-02-28',
      '2025-03-03',
      '2025-03-07',
    ]);
    await insertSession(fixture.ctx, rows[0]!.id, { completed: true });
    await setWorkoutStatus(fixture.ctx, [rows[1]!.id, rows[2]!.id], 'missed');
    fixture.takeTouched();

    expect(await call(fixture.ctx, 'programs.unapply', { assignmentIds: result.assignmentIds })).toEqual({
      removed: 2,
      restored: 0,
    });
    expect(fixture.takeTouched().sort()).toEqual(['program_assignment', 'scheduled_workout']);
    expect(await liveCalendar(fixture.ctx, ada)).toEqual([
      ['2025-02-24', squat.id, 'completed'],
      ['2025-02-26', press.id, 'missed'],
      ['2025-02-28', squat.id, 'missed'],
    ]);
    const [assignment] = await fixture.database.db
      .select()
      .from(programAssignment)
      .where(eq(programAssignment.id, result.assignmentIds[0]!));
    expect(assignment!.deletedAt).not.toBeNull();

    // Undoing twice changes nothing more; an unknown application is named as such.
    const before = await snapshotTables(fixture.database);
    expect(await call(fixture.ctx, 'programs.unapply', { assignmentIds: result.assignmentIds })).toEqual({
      removed: 0,
      restored: 0,
    });
    const unknown = await failureOf(
      call(fixture.ctx, 'programs.unapply', { assignmentIds: ['01900000-0000-7000-8000-0000000000fa'] }),
    );
    expect(unknown.code).toBe('not_found');
    expect(await snapshotTables(fixture.database)).toEqual(before);
  });
});

describe('refusals', () => {
  it('refuses an archived program, a program without workouts and an unknown one, changing nothing', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Refused');
    const { squat } = await templates('Refused');
    const archived = await insertProgram(fixture.ctx, 'Old Block', 1, [{ days: [squat.id] }], {
      archived: true,
    });
    const empty = await insertProgram(fixture.ctx, 'Empty Block', 2, [{ days: [null, null] }]);
    const before = await snapshotTables(fixture.database);

    for (const channel of ['programs.apply', 'programs.previewApply'] as const) {
      const archivedError = await failureOf(call(fixture.ctx, channel, applyInput(archived.id, [ada])));
      expect([archivedError.code, archivedError.message]).toEqual([
        'invalid_input',
        'Restore the program before applying it',
      ]);
      const emptyError = await failureOf(call(fixture.ctx, channel, applyInput(empty.id, [ada])));
      expect([emptyError.code, emptyError.message]).toEqual([
        'invalid_input',
        'This program has no workouts yet: drop templates on its days first',
      ]);
      const unknown = await failureOf(
        call(fixture.ctx, channel, applyInput('01900000-0000-7000-8000-0000000000f9', [ada])),
      );
      expect(unknown.code).toBe('not_found');
    }
    expect(await snapshotTables(fixture.database)).toEqual(before);
    expect(fixture.takeTouched()).toEqual([]);
  });

  it('names every archived or unknown athlete in one refusal, and applies to nobody', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Fine');
    const cy = await insertAthlete(fixture.ctx, 'Cy Archived', { archived: true });
    const di = await insertAthlete(fixture.ctx, 'Di Archived', { archived: true });
    const { squat, press } = await templates('Archived');
    const program = await twoWeekProgram('Archived Athletes Block', squat, press);
    const unknown = '01900000-0000-7000-8000-0000000000f8';
    const before = await snapshotTables(fixture.database);

    const error = await failureOf(
      call(fixture.ctx, 'programs.apply', applyInput(program.id, [ada, cy, unknown, di])),
    );
    expect(error.code).toBe('invalid_input');
    expect(error.message).toBe(
      'Archived athletes cannot be scheduled: restore Cy Archived and Di Archived first',
    );
    expect(fieldIssues(error.toShape())).toEqual([
      { path: ['athleteIds', 1], message: 'Cy Archived is archived: restore them before applying a program' },
      { path: ['athleteIds', 2], message: 'This athlete does not exist or has been deleted' },
      { path: ['athleteIds', 3], message: 'Di Archived is archived: restore them before applying a program' },
    ]);
    expect(await snapshotTables(fixture.database)).toEqual(before);
    expect(fixture.takeTouched()).toEqual([]);
  });

  it('refuses malformed input at the boundary with a message saying what to fix, changing nothing', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Malformed');
    const { squat, press } = await templates('Malformed');
    const program = await twoWeekProgram('Malformed Block', squat, press);
    const dispatcher = createDispatcher({
      handlers,
      ctxFactory: () => fixture.ctx,
      validateOutputs: true,
      log: () => undefined,
    });
    const before = await snapshotTables(fixture.database);
    const cases: [Record<string, unknown>, string][] = [
      [{ athleteIds: [] }, 'Pick at least one athlete to apply the program to'],
      [{ startDate: '07/12/2026' }, 'Start date must be a date like 2026-12-07 (year-month-day)'],
      [{ startDate: '2026-02-30' }, 'Start date is not a real date on the calendar'],
      [{ weekdays: [1, 8] }, 'A weekday is a number from 1 (Monday) to 7 (Sunday)'],
      [{ weekdays: [] }, 'Pick the weekdays the athletes train on'],
      [{ onConflict: 'merge' }, 'Invalid option: expected one of "keep_both"|"replace"|"shift"'],
    ];
    for (const [change, message] of cases) {
      for (const channel of ['programs.apply', 'programs.previewApply']) {
        const outcome = await dispatcher.dispatch(channel, { ...applyInput(program.id, [ada]), ...change });
        expect(outcome.ok).toBe(false);
        if (outcome.ok) continue;
        expect(outcome.error.code).toBe('invalid_input');
        expect(fieldIssues(outcome.error).map((issue) => issue.message)).toEqual([message]);
      }
    }
    expect(await snapshotTables(fixture.database)).toEqual(before);
  });
});

describe('what an apply leaves behind', () => {
  it('marks nothing as replaced when nothing was there, and keeps the frozen prescription off the calendar list', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada List');
    const { squat, press } = await templates('List');
    const program = await twoWeekProgram('List Block', squat, press);
    await call(fixture.ctx, 'programs.apply', applyInput(program.id, [ada], { onConflict: 'replace' }));
    const { items } = await call(fixture.ctx, 'schedule.range', {
      athleteIds: [ada],
      from: '2025-03-01',
      to: '2025-03-31',
    });
    expect(items.map((item) => [item.date, item.programName, item.weekNumber, item.dayIndex])).toEqual([
      ['2025-03-03', 'List Block', 1, 0],
      ['2025-03-05', 'List Block', 1, 1],
      ['2025-03-07', 'List Block', 1, 2],
      ['2025-03-10', 'List Block', 2, 0],
      ['2025-03-14', 'List Block', 2, 2],
    ]);
    expect(Object.keys(items[0]!)).not.toContain('prescription');
    const [row] = await fixture.database.db
      .select({ replaced: programAssignment.replacedWorkoutIds })
      .from(programAssignment)
      .innerJoin(scheduledWorkout, eq(scheduledWorkout.assignmentId, programAssignment.id))
      .where(eq(scheduledWorkout.athleteId, ada));
    expect(row!.replaced).toEqual([]);
  });
});
