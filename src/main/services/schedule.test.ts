import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fieldIssues } from '../../shared/contract';
import { scheduledWorkout } from '../db/schema';
import {
  insertAthlete,
  insertProgram,
  insertSession,
  insertTemplate,
  setWorkoutStatus,
  storedWorkouts,
} from './schedule-test-support';
import { callChannel as call, failureOf, snapshotTables, useServiceFixture } from './test-fixtures';

// The fixture's clock stands at Monday 3 March 2025, 09:00 UTC: "today" in London is 2025-03-03.
const fixture = useServiceFixture();

async function quickAdd(
  athleteId: string,
  templateId: string,
  date: string,
  startTime: string | null = null,
) {
  return call(fixture.ctx, 'schedule.create', { athleteId, templateId, date, startTime });
}

/** A 2-week, 3-day program on one template, applied Mon/Wed/Fri from `startDate`. */
async function appliedProgram(athleteId: string, templateId: string, startDate = '2025-03-03') {
  const program = await insertProgram(fixture.ctx, 'Base Block', 3, [
    { days: [templateId, templateId, templateId] },
    { days: [templateId, null, templateId] },
  ]);
  const applied = await call(fixture.ctx, 'programs.apply', {
    programId: program.id,
    athleteIds: [athleteId],
    startDate,
    weekdays: [1, 3, 5],
  });
  const workouts = (await storedWorkouts(fixture.ctx, athleteId)).filter((row) => row.assignmentId !== null);
  return { program, applied, workouts };
}

describe('the calendar range', () => {
  it('lists the live workouts of the athletes asked for, by date then athlete, with template and program names', async () => {
    const bea = await insertAthlete(fixture.ctx, 'Bea Range');
    const al = await insertAthlete(fixture.ctx, 'Al Range');
    const other = await insertAthlete(fixture.ctx, 'Not Asked');
    const push = await insertTemplate(fixture.ctx, 'Push Range');
    const { workouts } = await appliedProgram(al, push.id);

    const beaEvening = await quickAdd(bea, push.id, '2025-03-05', '18:30');
    const beaMorning = await quickAdd(bea, push.id, '2025-03-05', '07:00');
    await quickAdd(bea, push.id, '2025-04-01');
    await quickAdd(other, push.id, '2025-03-05');
    const deleted = await quickAdd(bea, push.id, '2025-03-04');
    await call(fixture.ctx, 'schedule.delete', { id: deleted.id });

    const foreignOrUnknown = '01900000-0000-7000-8000-0000000000fe';
    const { items } = await call(fixture.ctx, 'schedule.range', {
      athleteIds: [bea, al, foreignOrUnknown],
      from: '2025-03-03',
      to: '2025-03-09',
    });
    expect(items.map((item) => [item.date, item.athleteId, item.startTime])).toEqual([
      ['2025-03-03', al, null],
      ['2025-03-05', al, null],
      ['2025-03-05', bea, '07:00'],
      ['2025-03-05', bea, '18:30'],
      ['2025-03-07', al, null],
    ]);
    expect(items[1]).toEqual({
      id: workouts[1]!.id,
      athleteId: al,
      date: '2025-03-05',
      startTime: null,
      templateId: push.id,
      templateName: 'Push Range',
      status: 'scheduled',
      programId: workouts[1]!.programId,
      programName: 'Base Block',
      assignmentId: workouts[1]!.assignmentId,
      weekNumber: 1,
      dayIndex: 1,
      notes: '',
      datePinned: false,
      sessionId: null,
      updatedAt: fixture.clock.now().toISOString(),
    });
    expect(items[2]).toMatchObject({
      id: beaMorning.id,
      programId: null,
      programName: null,
      weekNumber: null,
    });
    expect(items[3]!.id).toBe(beaEvening.id);
  });
});

describe('one scheduled workout', () => {
  it('shows the frozen prescription, the athlete, and no lock while it is still to do', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Detail');
    const legs = await insertTemplate(fixture.ctx, 'Legs Detail', [
      { exercise: 'Barbell Back Squat', sets: 5, repsMin: 5, percentOneRepMax: 80 },
      { exercise: 'Romanian Deadlift', sets: 3, repsMin: 8, repsMax: 10, rpe: 8 },
    ]);
    const created = await quickAdd(ada, legs.id, '2025-03-06');
    const detail = await call(fixture.ctx, 'schedule.get', { id: created.id });
    expect(detail).toMatchObject({ athleteName: 'Ada Detail', session: null, locked: null });
    expect(
      detail.prescription.map((item) => [
        item.exerciseName,
        item.sets,
        item.repsMin,
        item.repsMax,
        item.percentOneRepMax,
        item.rpe,
      ]),
    ).toEqual([
      ['Barbell Back Squat', 5, 5, null, 80, null],
      ['Romanian Deadlift', 3, 8, 10, null, 8],
    ]);
  });

  it('shows the template as it is now for an older workout that has no frozen prescription', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Old Row');
    const legs = await insertTemplate(fixture.ctx, 'Legs Old Row', [
      { exercise: 'Barbell Front Squat', sets: 4, repsMin: 3 },
    ]);
    const created = await quickAdd(ada, legs.id, '2025-03-06');
    await fixture.database.db
      .update(scheduledWorkout)
      .set({ prescription: null })
      .where(eq(scheduledWorkout.id, created.id));
    const detail = await call(fixture.ctx, 'schedule.get', { id: created.id });
    expect(detail.prescription.map((item) => [item.exerciseName, item.sets, item.repsMin])).toEqual([
      ['Barbell Front Squat', 4, 3],
    ]);
  });

  it('summarises the session of a done workout and says why it is locked', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Done');
    const legs = await insertTemplate(fixture.ctx, 'Legs Done');
    const done = await quickAdd(ada, legs.id, '2025-02-27');
    const sessionId = await insertSession(fixture.ctx, done.id, {
      completed: true,
      entries: [
        {
          exercise: 'Barbell Back Squat',
          sets: [
            { weightKg: 60, reps: 5, setType: 'warmup' },
            { weightKg: 100, reps: 5 },
            { weightKg: 100, reps: 4 },
            { weightKg: 100, reps: 3, completed: false },
          ],
        },
        { exercise: 'Barbell Front Squat', sets: [{ weightKg: 70, reps: 6 }] },
      ],
    });
    const detail = await call(fixture.ctx, 'schedule.get', { id: done.id });
    expect(detail.status).toBe('completed');
    expect(detail.session).toEqual({
      id: sessionId,
      startedAt: '2025-02-27T17:00:00.000Z',
      completedAt: '2025-02-27T18:05:00.000Z',
      exerciseCount: 2,
      completedSets: 4,
      volumeKg: 100 * 5 + 100 * 4 + 70 * 6,
    });
    expect(detail.locked).toBe('Done on 27 Feb: its session holds what was lifted');

    const started = await quickAdd(ada, legs.id, '2025-03-03');
    await insertSession(fixture.ctx, started.id, { completed: false });
    const inProgress = await call(fixture.ctx, 'schedule.get', { id: started.id });
    expect(inProgress.locked).toBe('In progress: finish or discard its session first');
    expect(inProgress.session).toMatchObject({
      completedAt: null,
      exerciseCount: 0,
      completedSets: 0,
      volumeKg: 0,
    });
  });
});

describe('quick add', () => {
  it('schedules a template on a date with its prescription frozen, outside any program', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Quick');
    const push = await insertTemplate(fixture.ctx, 'Push Quick', [
      { exercise: 'Barbell Bench Press', sets: 4, repsMin: 6, repsMax: 8, loadKg: 80 },
    ]);
    const created = await call(fixture.ctx, 'schedule.create', {
      athleteId: ada,
      templateId: push.id,
      date: '2025-03-10',
      startTime: '06:45',
      notes: '  Bring a belt ',
    });
    expect(created).toMatchObject({
      athleteId: ada,
      date: '2025-03-10',
      startTime: '06:45',
      templateName: 'Push Quick',
      status: 'scheduled',
      programId: null,
      assignmentId: null,
      notes: 'Bring a belt',
      datePinned: false,
    });
    expect(fixture.takeTouched()).toEqual(['scheduled_workout']);
    const [stored] = await storedWorkouts(fixture.ctx, ada);
    expect(stored!.prescription).toEqual([
      expect.objectContaining({
        exerciseName: 'Barbell Bench Press',
        sets: 4,
        repsMin: 6,
        repsMax: 8,
        loadKg: 80,
      }),
    ]);
  });

  it('refuses archived athletes and templates, and unknown ones, changing nothing', async () => {
    const archived = await insertAthlete(fixture.ctx, 'Ada Archived', { archived: true });
    const live = await insertAthlete(fixture.ctx, 'Bo Live');
    const push = await insertTemplate(fixture.ctx, 'Push Refused');
    const old = await insertTemplate(fixture.ctx, 'Old Push', undefined, { archived: true });
    const unknown = '01900000-0000-7000-8000-0000000000fd';
    const before = await snapshotTables(fixture.database);

    const archivedAthlete = await failureOf(quickAdd(archived, push.id, '2025-03-10'));
    expect(archivedAthlete.code).toBe('invalid_input');
    expect(archivedAthlete.message).toBe('Archived athletes cannot be scheduled: restore Ada Archived first');
    expect(fieldIssues(archivedAthlete.toShape())).toEqual([
      { path: ['athleteId'], message: archivedAthlete.message },
    ]);

    const archivedTemplate = await failureOf(quickAdd(live, old.id, '2025-03-10'));
    expect(archivedTemplate.code).toBe('invalid_input');
    expect(archivedTemplate.message).toBe(
      '“Old Push” is archived: restore it in the template library before scheduling it',
    );

    expect((await failureOf(quickAdd(unknown, push.id, '2025-03-10'))).code).toBe('not_found');
    expect((await failureOf(quickAdd(live, unknown, '2025-03-10'))).code).toBe('not_found');
    expect(await snapshotTables(fixture.database)).toEqual(before);
    expect(fixture.takeTouched()).toEqual([]);
  });
});

describe('moving, skipping and notes', () => {
  it('moves a program workout and pins it; a hand-added one moves without a pin', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Mover');
    const push = await insertTemplate(fixture.ctx, 'Push Mover');
    const { workouts } = await appliedProgram(ada, push.id);
    fixture.clock.advance(60_000);
    fixture.takeTouched();

    const moved = await call(fixture.ctx, 'schedule.update', { id: workouts[1]!.id, date: '2025-03-06' });
    expect(moved).toMatchObject({ date: '2025-03-06', datePinned: true, status: 'scheduled' });
    expect(moved.updatedAt).toBe(fixture.clock.now().toISOString());
    expect(fixture.takeTouched()).toEqual(['scheduled_workout']);

    const single = await quickAdd(ada, push.id, '2025-03-12');
    const singleMoved = await call(fixture.ctx, 'schedule.update', {
      id: single.id,
      date: '2025-03-13',
      startTime: '07:15',
    });
    expect(singleMoved).toMatchObject({ date: '2025-03-13', startTime: '07:15', datePinned: false });
  });

  it('brings a missed workout back when it moves to today or later, not when it moves into the past', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Missed');
    const push = await insertTemplate(fixture.ctx, 'Push Missed');
    const missed = await quickAdd(ada, push.id, '2025-02-26');
    await setWorkoutStatus(fixture.ctx, [missed.id], 'missed');

    const stillPast = await call(fixture.ctx, 'schedule.update', { id: missed.id, date: '2025-02-28' });
    expect(stillPast).toMatchObject({ date: '2025-02-28', status: 'missed' });
    const today = await call(fixture.ctx, 'schedule.update', { id: missed.id, date: '2025-03-03' });
    expect(today).toMatchObject({ date: '2025-03-03', status: 'scheduled' });
  });

  it('skips a scheduled or missed workout and takes a skip back', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Skipper');
    const push = await insertTemplate(fixture.ctx, 'Push Skipper');
    const planned = await quickAdd(ada, push.id, '2025-03-05');
    const missed = await quickAdd(ada, push.id, '2025-02-26');
    await setWorkoutStatus(fixture.ctx, [missed.id], 'missed');

    expect(await call(fixture.ctx, 'schedule.update', { id: planned.id, status: 'skipped' })).toMatchObject({
      status: 'skipped',
    });
    expect(await call(fixture.ctx, 'schedule.update', { id: missed.id, status: 'skipped' })).toMatchObject({
      status: 'skipped',
    });
    expect(await call(fixture.ctx, 'schedule.update', { id: planned.id, status: 'scheduled' })).toMatchObject(
      { status: 'scheduled' },
    );
    // Unskipping a past one makes it scheduled; the missed-workouts job decides it was missed.
    expect(await call(fixture.ctx, 'schedule.update', { id: missed.id, status: 'scheduled' })).toMatchObject({
      status: 'scheduled',
    });

    const skippedAndMoved = await call(fixture.ctx, 'schedule.update', {
      id: planned.id,
      date: '2025-03-07',
      status: 'skipped',
      notes: 'Travelling',
    });
    expect(skippedAndMoved).toMatchObject({ date: '2025-03-07', status: 'skipped', notes: 'Travelling' });
  });

  it('refuses to move, skip or delete a workout that started or was done, saying why', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Locked');
    const push = await insertTemplate(fixture.ctx, 'Push Locked');
    const done = await quickAdd(ada, push.id, '2025-02-27');
    await insertSession(fixture.ctx, done.id, { completed: true });
    const started = await quickAdd(ada, push.id, '2025-03-03');
    await insertSession(fixture.ctx, started.id, { completed: false });
    const missed = await quickAdd(ada, push.id, '2025-02-24');
    await setWorkoutStatus(fixture.ctx, [missed.id], 'missed');
    const before = await snapshotTables(fixture.database);
    fixture.takeTouched();

    const moveDone = await failureOf(
      call(fixture.ctx, 'schedule.update', { id: done.id, date: '2025-03-04' }),
    );
    expect(moveDone.code).toBe('conflict');
    expect(moveDone.message).toBe(
      'This workout was done on 27 Feb and cannot be moved: its session holds what was lifted',
    );
    const deleteDone = await failureOf(call(fixture.ctx, 'schedule.delete', { id: done.id }));
    expect(deleteDone.message).toBe(
      'This workout was done on 27 Feb and cannot be deleted: its session holds what was lifted',
    );
    const skipStarted = await failureOf(
      call(fixture.ctx, 'schedule.update', { id: started.id, status: 'skipped' }),
    );
    expect(skipStarted.message).toBe(
      'This workout is in progress: finish or discard its session before it can be skipped',
    );
    const deleteStarted = await failureOf(call(fixture.ctx, 'schedule.delete', { id: started.id }));
    expect(deleteStarted.code).toBe('conflict');
    const unskipMissed = await failureOf(
      call(fixture.ctx, 'schedule.update', { id: missed.id, status: 'scheduled' }),
    );
    expect(unskipMissed.message).toBe(
      'A missed workout goes back on the calendar by moving it to a new date',
    );

    expect(await snapshotTables(fixture.database)).toEqual(before);
    expect(fixture.takeTouched()).toEqual([]);
    // Notes stay editable on a done workout.
    expect(await call(fixture.ctx, 'schedule.update', { id: done.id, notes: 'Felt strong' })).toMatchObject({
      notes: 'Felt strong',
    });
  });

  it('writes nothing when an update changes nothing', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Same');
    const push = await insertTemplate(fixture.ctx, 'Push Same');
    const created = await quickAdd(ada, push.id, '2025-03-05', '18:00');
    fixture.takeTouched();
    fixture.clock.advance(60_000);
    const same = await call(fixture.ctx, 'schedule.update', {
      id: created.id,
      date: '2025-03-05',
      startTime: '18:00',
      status: 'scheduled',
    });
    expect(same).toEqual(created);
    expect(fixture.takeTouched()).toEqual([]);
  });
});

describe('delete and restore', () => {
  it('tombstones a workout and brings it back', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Delete');
    const push = await insertTemplate(fixture.ctx, 'Push Delete');
    const created = await quickAdd(ada, push.id, '2025-03-05');
    expect(await call(fixture.ctx, 'schedule.delete', { id: created.id })).toEqual({ id: created.id });
    expect(fixture.takeTouched()).toEqual(['scheduled_workout']);
    const range = { athleteIds: [ada], from: '2025-03-01', to: '2025-03-31' };
    expect((await call(fixture.ctx, 'schedule.range', range)).items).toEqual([]);
    expect((await failureOf(call(fixture.ctx, 'schedule.get', { id: created.id }))).code).toBe('not_found');
    expect((await failureOf(call(fixture.ctx, 'schedule.delete', { id: created.id }))).code).toBe(
      'not_found',
    );

    const restored = await call(fixture.ctx, 'schedule.restore', { id: created.id });
    expect(restored).toMatchObject({ id: created.id, date: '2025-03-05', status: 'scheduled' });
    expect((await call(fixture.ctx, 'schedule.range', range)).items.map((item) => item.id)).toEqual([
      created.id,
    ]);
  });

  it('refuses to restore a program workout whose program day has a workout again', async () => {
    const ada = await insertAthlete(fixture.ctx, 'Ada Restore');
    const push = await insertTemplate(fixture.ctx, 'Push Restore');
    const { workouts } = await appliedProgram(ada, push.id);
    const first = workouts[2]!;
    await call(fixture.ctx, 'schedule.delete', { id: first.id });
    // A twin on the same program day (as a sync from another device could bring).
    await fixture.database.db
      .insert(scheduledWorkout)
      .values({ ...first, id: '01900000-0000-7000-8000-0000000000fc', deletedAt: null });

    const refused = await failureOf(call(fixture.ctx, 'schedule.restore', { id: first.id }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe(
      'Week 1, day 3 of “Base Block” already has a workout again (on 7 Mar): delete that one to bring this one back',
    );
  });
});

describe('bad input', () => {
  it('is refused by the contract before a service sees it', async () => {
    const { contract } = await import('../../shared/contract');
    const bad = [
      contract['schedule.range'].input.safeParse({ athleteIds: [], from: '2025-03-01', to: '2025-03-31' }),
      contract['schedule.range'].input.safeParse({
        athleteIds: ['01900000-0000-7000-8000-0000000000fb'],
        from: '2025-03-31',
        to: '2025-03-01',
      }),
      contract['schedule.create'].input.safeParse({
        athleteId: '01900000-0000-7000-8000-0000000000fb',
        templateId: '01900000-0000-7000-8000-0000000000fb',
        date: '07/12/2026',
      }),
      contract['schedule.update'].input.safeParse({
        id: '01900000-0000-7000-8000-0000000000fb',
        date: '2026-02-30',
      }),
      contract['schedule.update'].input.safeParse({
        id: '01900000-0000-7000-8000-0000000000fb',
        status: 'completed',
      }),
      contract['schedule.update'].input.safeParse({
        id: '01900000-0000-7000-8000-0000000000fb',
        startTime: '25:00',
      }),
    ];
    expect(bad.map((result) => result.success)).toEqual([false, false, false, false, false, false]);
    expect(bad[2]!.error!.issues[0]!.message).toBe('Date must be a date like 2026-12-07 (year-month-day)');
    expect(bad[3]!.error!.issues[0]!.message).toBe('Date is not a real date on the calendar');
  });
});
