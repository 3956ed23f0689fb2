import { eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { describe, expect, it } from 'vitest';
import type { ProgramDetail, ProgramDocument, ProgramWeekDoc } from '../../shared/domain/program';
import { organization, program, programDay, programWeek, workoutTemplate } from '../db/schema';
import { toDocument, useProgramKit } from './program-test-support';
import { insertAthlete } from './schedule-test-support';
import { refusedWithoutChange } from './template-test-support';
import { callChannel as call, failureOf, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();
const kit = useProgramKit(fixture);
const { createProgram, save, upperLower, uniqueName } = kit;

async function storedWeeks(programId: string) {
  return fixture.database.db.select().from(programWeek).where(eq(programWeek.programId, programId));
}

async function storedDays(weekIds: string[]) {
  return fixture.database.db.select().from(programDay).where(inArray(programDay.programWeekId, weekIds));
}

describe('creating a program', () => {
  it('makes that many empty weeks at revision 0', async () => {
    const created = await call(fixture.ctx, 'programs.create', {
      name: ' Strength Block ',
      description: 'Twelve weeks to a meet',
      daysPerWeek: 4,
      weeks: 12,
      shiftOnMissed: true,
    });
    expect(created).toMatchObject({
      name: 'Strength Block',
      description: 'Twelve weeks to a meet',
      daysPerWeek: 4,
      shiftOnMissed: true,
      archived: false,
      revision: 0,
      templates: [],
      assignments: [],
    });
    expect(created.weeks.map((week) => week.weekNumber)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(created.weeks.every((week) => week.days.length === 0 && week.volumeFactor === 1)).toBe(true);
    expect(fixture.takeTouched()).toEqual(['program', 'program_week']);
    expect(await call(fixture.ctx, 'programs.get', { id: created.id })).toEqual(created);
  });

  it.each([
    [0, 'A program needs at least 1 week'],
    [200, 'A program can have at most 52 weeks (one year)'],
  ])('refuses a program of %i weeks and changes nothing', async (weeks, message) => {
    const refusal = await refusedWithoutChange(fixture, 'programs.create', {
      name: uniqueName('Block'),
      daysPerWeek: 3,
      weeks,
    });
    expect(refusal.issues).toEqual([{ path: ['weeks'], message }]);
  });

  it('refuses 0 or 8 training days a week', async () => {
    for (const daysPerWeek of [0, 8]) {
      const refusal = await refusedWithoutChange(fixture, 'programs.create', {
        name: uniqueName('Block'),
        daysPerWeek,
        weeks: 4,
      });
      expect(refusal.issues[0]!.path).toEqual(['daysPerWeek']);
    }
  });
});

describe('saving the whole program', () => {
  it('keeps week and day ids, numbers weeks by position and bumps the revision', async () => {
    const created = await createProgram();
    fixture.clock.advance(60_000);
    const { program: saved, schedule } = await save(created, (document) => ({
      ...upperLower(document),
      name: 'Renamed block',
      shiftOnMissed: true,
    }));
    expect(schedule).toEqual({ created: 0, updated: 0, removed: 0, athletes: 0 });
    expect(saved).toMatchObject({ name: 'Renamed block', shiftOnMissed: true, revision: 1 });
    expect(saved.updatedAt).toBe(fixture.clock.now().toISOString());
    expect(saved.weeks.map((week) => week.id)).toEqual(created.weeks.map((week) => week.id));
    expect(saved.templates.map((template) => template.id)).toEqual([kit.lowerA.id, kit.upperA.id]);
    // The detail counts the programs sharing a template, not its scheduled workouts (too costly).
    expect(saved.templates[0]!.usage).toEqual({ programs: 1, scheduledWorkouts: null });
    // The weeks themselves did not change.
    expect(fixture.takeTouched()).toEqual(['program', 'program_day']);

    // Reordering weeks renumbers them; the ids travel with them.
    const reversed = await save(saved, (document) => ({ ...document, weeks: [...document.weeks].reverse() }));
    expect(reversed.program.weeks.map((week) => week.id)).toEqual(
      saved.weeks.map((week) => week.id).reverse(),
    );
    expect(reversed.program.weeks.map((week) => week.weekNumber)).toEqual([1, 2, 3, 4]);
    expect(reversed.program.weeks[0]!.days).toEqual(saved.weeks[3]!.days);
    expect(reversed.program.revision).toBe(2);
  });

  it('rewrites only the rows that changed', async () => {
    const created = await createProgram();
    const { program: first } = await save(created, upperLower);
    const weeksBefore = await storedWeeks(first.id);
    const daysBefore = await storedDays(weeksBefore.map((week) => week.id));
    fixture.takeTouched();
    fixture.clock.advance(60_000);

    const changedDay = first.weeks[1]!.days[0]!;
    const { program: second } = await save(first, (document) => ({
      ...document,
      weeks: document.weeks.map((week, index) =>
        index === 1
          ? {
              ...week,
              phase: 'intensification',
              days: week.days.map((day) =>
                day.id === changedDay.id ? { ...day, templateId: kit.fullBody.id } : day,
              ),
            }
          : week,
      ),
    }));
    expect(second.weeks[1]!.phase).toBe('intensification');
    const weeksAfter = new Map((await storedWeeks(first.id)).map((row) => [row.id, row]));
    const daysAfter = new Map((await storedDays([...weeksAfter.keys()])).map((row) => [row.id, row]));
    for (const row of weeksBefore) {
      if (row.id === first.weeks[1]!.id) expect(weeksAfter.get(row.id)!.updatedAt).not.toBe(row.updatedAt);
      else expect(weeksAfter.get(row.id)).toEqual(row);
    }
    for (const row of daysBefore) {
      if (row.id === changedDay.id) expect(daysAfter.get(row.id)!.templateId).toBe(kit.fullBody.id);
      else expect(daysAfter.get(row.id)).toEqual(row);
    }
    expect(fixture.takeTouched().sort()).toEqual(['program', 'program_day', 'program_week'].sort());

    // Saving the same document again writes only the program's revision.
    await save(second, (document) => document);
    expect(fixture.takeTouched()).toEqual(['program']);
  });

  it('tombstones removed weeks with their days, and removed days, never deleting rows', async () => {
    const created = await createProgram();
    const { program: full } = await save(created, upperLower);
    const removedWeek = full.weeks[2]!;
    const removedDay = full.weeks[0]!.days[1]!;
    const { program: trimmed } = await save(full, (document) => ({
      ...document,
      weeks: document.weeks
        .filter((week) => week.id !== removedWeek.id)
        .map((week) => ({ ...week, days: week.days.filter((day) => day.id !== removedDay.id) })),
    }));
    expect(trimmed.weeks.map((week) => week.id)).toEqual(
      full.weeks.filter((week) => week.id !== removedWeek.id).map((week) => week.id),
    );
    expect(trimmed.weeks[0]!.days.map((day) => day.id)).toEqual([full.weeks[0]!.days[0]!.id]);

    const weeks = await storedWeeks(full.id);
    expect(weeks).toHaveLength(4);
    expect(weeks.find((week) => week.id === removedWeek.id)!.deletedAt).not.toBeNull();
    const days = await storedDays(weeks.map((week) => week.id));
    expect(days).toHaveLength(8);
    const tombstoned = days.filter((day) => day.deletedAt !== null).map((day) => day.id);
    expect(tombstoned.sort()).toEqual([removedDay.id, ...removedWeek.days.map((day) => day.id)].sort());

    // Undo: the earlier document brings the same rows back.
    const { program: undone } = await save(trimmed, () => toDocument(full));
    expect(undone.weeks).toEqual(full.weeks);
    expect(await storedWeeks(full.id)).toHaveLength(4);
  });

  it('moves a day to another week and another slot, keeping its id', async () => {
    const created = await createProgram();
    const { program: full } = await save(created, upperLower);
    const moving = full.weeks[0]!.days[0]!;
    const { program: moved } = await save(full, (document) => ({
      ...document,
      weeks: document.weeks.map((week, index) => {
        if (index === 0) return { ...week, days: week.days.filter((day) => day.id !== moving.id) };
        if (index === 3) return { ...week, days: [...week.days, { ...moving, dayIndex: 2 }] };
        return week;
      }),
    }));
    expect(moved.weeks[3]!.days.map((day) => [day.id, day.dayIndex]).at(-1)).toEqual([moving.id, 2]);
    expect(moved.weeks[0]!.days.map((day) => day.id)).not.toContain(moving.id);
  });

  it('drops override keys that are not exercises of the day’s template', async () => {
    const created = await createProgram();
    const [benchRow, rowRow] = kit.upperA.exercises;
    const stale = uuidv7();
    const { program: saved } = await save(created, (document) => ({
      ...document,
      weeks: document.weeks.map((week) => ({
        ...week,
        days: [
          {
            id: uuidv7(),
            dayIndex: 0,
            templateId: kit.upperA.id,
            overrides: {
              [benchRow!.id]: { percentOneRepMax: 80 },
              [stale]: { sets: 5 },
              [kit.lowerA.exercises[0]!.id]: { rpe: 9 },
            },
          },
          { id: uuidv7(), dayIndex: 1, templateId: null, overrides: { [rowRow!.id]: { sets: 2 } } },
        ],
      })),
    }));
    for (const week of saved.weeks) {
      expect(week.days[0]!.overrides).toEqual({ [benchRow!.id]: { percentOneRepMax: 80 } });
      expect(week.days[1]!.overrides).toEqual({});
    }
  });

  it('accepts an archived template', async () => {
    const created = await createProgram();
    const archived = await call(fixture.ctx, 'templates.create', { name: uniqueName('Old template') });
    await call(fixture.ctx, 'templates.setArchived', { id: archived.id, archived: true });
    const { program: saved } = await save(created, (document) => ({
      ...document,
      weeks: document.weeks.map((week) => ({
        ...week,
        days: [{ id: uuidv7(), dayIndex: 0, templateId: archived.id }],
      })),
    }));
    expect(saved.templates).toEqual([expect.objectContaining({ id: archived.id, archived: true })]);
  });

  it('refuses a save based on an older revision, saying which revision is stored', async () => {
    const created = await createProgram();
    await save(created, upperLower);
    const refusal = await refusedWithoutChange(fixture, 'programs.save', {
      id: created.id,
      baseRevision: 0,
      document: toDocument(created),
    });
    expect(refusal).toEqual({
      code: 'conflict',
      message: 'This program was changed in another window: it has been reloaded, make your change again',
      issues: [],
    });
    const error = await failureOf(
      call(fixture.ctx, 'programs.save', { id: created.id, baseRevision: 0, document: toDocument(created) }),
    );
    expect(error.details).toEqual({ revision: 1 });
    const [row] = await fixture.database.db.select().from(program).where(eq(program.id, created.id));
    expect(row!.revision).toBe(1);
  });

  it('refuses templates that are unknown, deleted, of another organization or of another program', async () => {
    const otherOrganization = uuidv7();
    await fixture.database.db.insert(organization).values({ id: otherOrganization, name: 'Other Gym' });
    const theirs = uuidv7();
    await fixture.database.db
      .insert(workoutTemplate)
      .values({ id: theirs, organizationId: otherOrganization, name: 'Their Template' });
    const deleted = await call(fixture.ctx, 'templates.create', { name: uniqueName('Deleted') });
    await call(fixture.ctx, 'templates.delete', { id: deleted.id });
    const elsewhere = await createProgram();
    const { program: withDays } = await save(elsewhere, upperLower);
    const foreignCopy = await call(fixture.ctx, 'templates.fork', {
      id: kit.upperA.id,
      programId: elsewhere.id,
      dayIds: [withDays.weeks[0]!.days[0]!.id],
    });

    const created = await createProgram();
    const document = toDocument(created);
    document.weeks[0]!.days = [
      { id: uuidv7(), dayIndex: 0, templateId: uuidv7() },
      { id: uuidv7(), dayIndex: 1, templateId: theirs },
      { id: uuidv7(), dayIndex: 2, templateId: deleted.id },
    ];
    document.weeks[1]!.days = [{ id: uuidv7(), dayIndex: 0, templateId: foreignCopy.id }];
    const refusal = await refusedWithoutChange(fixture, 'programs.save', {
      id: created.id,
      baseRevision: 0,
      document,
    });
    const gone = 'uses a template that does not exist or has been deleted: pick another';
    expect(refusal.issues).toEqual([
      { path: ['document', 'weeks', 0, 'days', 0, 'templateId'], message: `Week 1, day 1 ${gone}` },
      { path: ['document', 'weeks', 0, 'days', 1, 'templateId'], message: `Week 1, day 2 ${gone}` },
      { path: ['document', 'weeks', 0, 'days', 2, 'templateId'], message: `Week 1, day 3 ${gone}` },
      {
        path: ['document', 'weeks', 1, 'days', 0, 'templateId'],
        message: "Week 2, day 1 uses another program's own copy of a template: pick a library template",
      },
    ]);
  });

  it('refuses week and day ids that belong to another program', async () => {
    const other = await createProgram();
    const { program: otherSaved } = await save(other, upperLower);
    const created = await createProgram();
    const document = toDocument(created);
    document.weeks[0] = { ...document.weeks[0]!, id: otherSaved.weeks[0]!.id };
    document.weeks[1]!.days = [
      { id: otherSaved.weeks[1]!.days[0]!.id, dayIndex: 0, templateId: kit.upperA.id },
    ];
    const refusal = await refusedWithoutChange(fixture, 'programs.save', {
      id: created.id,
      baseRevision: 0,
      document,
    });
    expect(refusal.issues).toEqual([
      {
        path: ['document', 'weeks', 0, 'id'],
        message: 'Week 1 belongs to another program: give it a new id',
      },
      {
        path: ['document', 'weeks', 1, 'days', 0, 'id'],
        message: 'Week 2, day 1 belongs to another program: give it a new id',
      },
    ]);
  });

  it('refuses bad documents and changes nothing', async () => {
    const created = await createProgram();
    const base = toDocument(created);
    const week = (days: ProgramWeekDoc['days'] = []): ProgramWeekDoc => ({ id: uuidv7(), days });
    const cases: [ProgramDocument, (string | number)[]][] = [
      [{ ...base, weeks: [] }, ['document', 'weeks']],
      [{ ...base, weeks: Array.from({ length: 200 }, () => week()) }, ['document', 'weeks']],
      [
        {
          ...base,
          weeks: [
            week([
              {
                id: uuidv7(),
                dayIndex: 0,
                templateId: kit.upperA.id,
                overrides: { [kit.upperA.exercises[0]!.id]: { rpe: 11 } },
              },
            ]),
          ],
        },
        ['document', 'weeks', 0, 'days', 0, 'overrides', kit.upperA.exercises[0]!.id, 'rpe'],
      ],
      [
        {
          ...base,
          weeks: [
            week([
              {
                id: uuidv7(),
                dayIndex: 0,
                templateId: kit.upperA.id,
                overrides: { [kit.upperA.exercises[0]!.id]: { percentOneRepMax: 250 } },
              },
            ]),
          ],
        },
        ['document', 'weeks', 0, 'days', 0, 'overrides', kit.upperA.exercises[0]!.id, 'percentOneRepMax'],
      ],
      [
        { ...base, weeks: [week([{ id: uuidv7(), dayIndex: 3, templateId: null }])] },
        ['document', 'weeks', 0, 'days', 0, 'dayIndex'],
      ],
      [{ ...base, weeks: [{ ...week(), volumeFactor: 5 }] }, ['document', 'weeks', 0, 'volumeFactor']],
      [{ ...base, name: '   ' }, ['document', 'name']],
    ];
    for (const [document, path] of cases) {
      const refusal = await refusedWithoutChange(fixture, 'programs.save', {
        id: created.id,
        baseRevision: 0,
        document,
      });
      expect(refusal.code).toBe('invalid_input');
      expect(refusal.issues.map((issue) => issue.path)).toContainEqual(path);
    }
  });

  it('refuses an unknown program, and one of another organization, as not found', async () => {
    const refusal = await refusedWithoutChange(fixture, 'programs.save', {
      id: uuidv7(),
      baseRevision: 0,
      document: { name: 'X', daysPerWeek: 1, weeks: [{ id: uuidv7(), days: [] }] },
    });
    expect(refusal).toMatchObject({
      code: 'not_found',
      message: 'That program does not exist or has been deleted',
    });
    const otherOrganization = uuidv7();
    await fixture.database.db.insert(organization).values({ id: otherOrganization, name: 'Another Gym' });
    const theirs = uuidv7();
    await fixture.database.db
      .insert(program)
      .values({ id: theirs, organizationId: otherOrganization, name: 'Their Program', daysPerWeek: 3 });
    expect((await refusedWithoutChange(fixture, 'programs.get', { id: theirs })).code).toBe('not_found');
  });
});

describe('duplicating a program', () => {
  it('copies weeks and days with new ids, its own template copies too, and no athletes', async () => {
    const created = await createProgram({ name: uniqueName('Source') });
    const { program: saved } = await save(created, (document) => ({
      ...upperLower(document),
      weeks: upperLower(document).weeks.map((week) => ({
        ...week,
        volumeFactor: 0.8,
        days: week.days.map((day) =>
          day.templateId === kit.upperA.id
            ? { ...day, overrides: { [kit.upperA.exercises[0]!.id]: { sets: 4 } } }
            : day,
        ),
      })),
    }));
    const fork = await call(fixture.ctx, 'templates.fork', {
      id: kit.upperA.id,
      programId: saved.id,
      dayIds: [saved.weeks[1]!.days[0]!.id],
    });
    const athleteId = await insertAthlete(fixture.ctx, 'Duplicate Athlete');
    await call(fixture.ctx, 'programs.apply', {
      programId: saved.id,
      athleteIds: [athleteId],
      startDate: '2025-03-03',
      weekdays: [1, 3, 5],
    });
    const source = await call(fixture.ctx, 'programs.get', { id: saved.id });
    fixture.takeTouched();

    const copy = await call(fixture.ctx, 'programs.duplicate', { id: saved.id });
    expect(copy.name).toBe(`${saved.name} (copy)`);
    expect(copy.revision).toBe(0);
    expect(copy.assignments).toEqual([]);
    expect(fixture.takeTouched().sort()).toEqual(
      ['program', 'program_day', 'program_week', 'workout_template', 'workout_template_exercise'].sort(),
    );
    const sourceIds = new Set(source.weeks.flatMap((week) => [week.id, ...week.days.map((day) => day.id)]));
    expect(
      copy.weeks.some((week) => sourceIds.has(week.id) || week.days.some((day) => sourceIds.has(day.id))),
    ).toBe(false);
    const copiedFork = copy.templates.find((template) => template.ownerProgramId === copy.id)!;
    expect(copiedFork).toMatchObject({ name: fork.name, forkedFromId: kit.upperA.id, exerciseCount: 2 });
    expect(copy.templates.map((template) => template.id).sort()).toEqual(
      [copiedFork.id, kit.lowerA.id, kit.upperA.id].sort(),
    );
    const copiedDay = copy.weeks[1]!.days[0]!;
    expect(copiedDay.templateId).toBe(copiedFork.id);
    expect(copiedDay.overrides).toEqual({ [copiedFork.exercises[0]!.id]: { sets: 4 } });
    // Everything else is the same program.
    const strip = (detail: ProgramDetail) =>
      detail.weeks.map((week) => ({
        ...week,
        id: undefined,
        days: week.days.map((day) => ({
          ...day,
          id: undefined,
          templateId: undefined,
          overrides: undefined,
        })),
      }));
    expect(strip(copy)).toEqual(strip(source));
    expect(copy.weeks[0]!.days[0]).toMatchObject({
      templateId: kit.upperA.id,
      overrides: { [kit.upperA.exercises[0]!.id]: { sets: 4 } },
    });

    const again = await call(fixture.ctx, 'programs.duplicate', { id: saved.id });
    expect(again.name).toBe(`${saved.name} (copy 2)`);
    const named = await call(fixture.ctx, 'programs.duplicate', { id: saved.id, name: 'Meet prep' });
    expect(named.name).toBe('Meet prep');
  });
});
