import { and, eq, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramDetail } from '../../shared/domain/program';
import type { TemplateDetail } from '../../shared/domain/template';
import { scheduledWorkout } from '../db/schema';
import { catalogueExerciseId, insertAthlete } from './schedule-test-support';
import { forkName } from './template-fork';
import { refusedWithoutChange } from './template-test-support';
import { callChannel as call, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();

let counter = 0;
let squat: string;
let bench: string;
beforeAll(async () => {
  squat = await catalogueExerciseId(fixture.ctx, 'Barbell Back Squat');
  bench = await catalogueExerciseId(fixture.ctx, 'Barbell Bench Press');
});

/**
 * "Upper A" on day 1 of every week of a 5-week, 2-day program, with a %1RM override per week on
 * its first exercise; day 2 is a rest day.
 */
async function programOnUpperA(): Promise<{ template: TemplateDetail; program: ProgramDetail }> {
  counter += 1;
  const template = await call(fixture.ctx, 'templates.create', {
    name: `Upper A ${counter}`,
    exercises: [
      { exerciseId: squat, sets: 5, repsMin: 5, percentOneRepMax: 75 },
      { exerciseId: bench, sets: 3, repsMin: 8, rpe: 8 },
    ],
  });
  const created = await call(fixture.ctx, 'programs.create', {
    name: `Block ${counter}`,
    daysPerWeek: 2,
    weeks: 5,
  });
  const { program } = await call(fixture.ctx, 'programs.save', {
    id: created.id,
    baseRevision: 0,
    document: {
      name: created.name,
      daysPerWeek: 2,
      weeks: created.weeks.map((week, index) => ({
        id: week.id,
        days: [
          {
            id: uuidv7(),
            dayIndex: 0,
            templateId: template.id,
            overrides: { [template.exercises[0]!.id]: { percentOneRepMax: 75 + index * 2.5 } },
          },
          { id: uuidv7(), dayIndex: 1, templateId: null },
        ],
      })),
    },
  });
  fixture.takeTouched();
  return { template, program };
}

const dayOfWeek = (program: ProgramDetail, weekNumber: number) => program.weeks[weekNumber - 1]!.days[0]!;

describe('naming a fork after its weeks', () => {
  it('says one week, a run of weeks, or a list', () => {
    expect(forkName('Upper A', [3])).toBe('Upper A · week 3');
    expect(forkName('Upper A', [4, 3])).toBe('Upper A · weeks 3–4');
    expect(forkName('Upper A', [5, 2])).toBe('Upper A · weeks 2, 5');
    expect(forkName('Upper A', [1, 2, 3, 5, 7, 8])).toBe('Upper A · weeks 1–3, 5, 7–8');
  });

  it('names a fork of a fork after the library template, and stays within 120 characters', () => {
    expect(forkName('Upper A · weeks 3–4', [4])).toBe('Upper A · week 4');
    const long = forkName('x'.repeat(120), [1, 3, 5, 7, 9]);
    expect(long.length).toBe(120);
    expect(long.endsWith(' · weeks 1, 3, 5, 7, 9')).toBe(true);
  });
});

describe('forking a template for some days of a program', () => {
  it('copies it for the program, points those days at the copy and re-keys their overrides', async () => {
    const { template, program } = await programOnUpperA();
    const fork = await call(fixture.ctx, 'templates.fork', {
      id: template.id,
      programId: program.id,
      dayIds: [dayOfWeek(program, 3).id, dayOfWeek(program, 4).id],
    });
    expect(fork).toMatchObject({
      name: `${template.name} · weeks 3–4`,
      ownerProgramId: program.id,
      forkedFromId: template.id,
      exerciseCount: 2,
    });
    expect(fixture.takeTouched().sort()).toEqual(
      ['program', 'program_day', 'workout_template', 'workout_template_exercise'].sort(),
    );

    const after = await call(fixture.ctx, 'programs.get', { id: program.id });
    expect(after.revision).toBe(program.revision + 1);
    expect(after.updatedAt).toBe(fixture.clock.now().toISOString());
    const [firstCopyRow] = fork.exercises;
    for (const weekNumber of [3, 4]) {
      const day = dayOfWeek(after, weekNumber);
      expect(day.id).toBe(dayOfWeek(program, weekNumber).id);
      expect(day.templateId).toBe(fork.id);
      expect(day.overrides).toEqual({
        [firstCopyRow!.id]: { percentOneRepMax: 75 + (weekNumber - 1) * 2.5 },
      });
    }
    for (const weekNumber of [1, 2, 5])
      expect(dayOfWeek(after, weekNumber)).toEqual(dayOfWeek(program, weekNumber));
    expect(after.templates.map((item) => item.id).sort()).toEqual([template.id, fork.id].sort());

    // The copy stays out of the library.
    const library = await call(fixture.ctx, 'templates.list', { text: template.name });
    expect(library.items.map((item) => item.id)).toEqual([template.id]);
  });

  it('names a fork of non-adjacent weeks with a list', async () => {
    const { template, program } = await programOnUpperA();
    const fork = await call(fixture.ctx, 'templates.fork', {
      id: template.id,
      programId: program.id,
      dayIds: [dayOfWeek(program, 5).id, dayOfWeek(program, 2).id],
    });
    expect(fork.name).toBe(`${template.name} · weeks 2, 5`);
  });

  it("moves the athletes' future workouts on those days to the copy", async () => {
    const { template, program } = await programOnUpperA();
    const athleteId = await insertAthlete(fixture.ctx, `Fork Athlete ${counter}`);
    await call(fixture.ctx, 'programs.apply', {
      programId: program.id,
      athleteIds: [athleteId],
      startDate: '2025-03-03',
      weekdays: [1, 4],
    });
    const fork = await call(fixture.ctx, 'templates.fork', {
      id: template.id,
      programId: program.id,
      dayIds: [dayOfWeek(program, 3).id],
    });
    const workouts = await fixture.database.db
      .select({ dayId: scheduledWorkout.programDayId, templateId: scheduledWorkout.templateId })
      .from(scheduledWorkout)
      .where(and(eq(scheduledWorkout.athleteId, athleteId), isNull(scheduledWorkout.deletedAt)));
    expect(workouts).toHaveLength(5);
    for (const workout of workouts) {
      expect(workout.templateId).toBe(workout.dayId === dayOfWeek(program, 3).id ? fork.id : template.id);
    }
  });

  it("duplicates a program's own copy into the library", async () => {
    const { template, program } = await programOnUpperA();
    const fork = await call(fixture.ctx, 'templates.fork', {
      id: template.id,
      programId: program.id,
      dayIds: [dayOfWeek(program, 3).id],
    });
    const copy = await call(fixture.ctx, 'templates.duplicate', { id: fork.id });
    expect(copy).toMatchObject({
      name: `${template.name} · week 3 (copy)`,
      ownerProgramId: null,
      forkedFromId: fork.id,
      exerciseCount: 2,
    });
    const library = await call(fixture.ctx, 'templates.list', { text: template.name });
    expect(library.items.map((item) => item.id)).toEqual([template.id, copy.id]);
  });

  it('refuses days of another program, days on another template and unknown days, changing nothing', async () => {
    const { template, program } = await programOnUpperA();
    const other = await programOnUpperA();
    const rest = program.weeks[0]!.days[1]!;
    const refusal = await refusedWithoutChange(fixture, 'templates.fork', {
      id: template.id,
      programId: program.id,
      dayIds: [dayOfWeek(program, 1).id, dayOfWeek(other.program, 1).id, rest.id, uuidv7()],
    });
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.issues).toEqual([
      {
        path: ['dayIds', 1],
        message: `Day 2 is not a day of “${program.name}” (it may have been removed): reload the program`,
      },
      {
        path: ['dayIds', 2],
        message: `Week 1, day 2 does not use “${template.name}”, so it cannot take its copy`,
      },
      {
        path: ['dayIds', 3],
        message: `Day 4 is not a day of “${program.name}” (it may have been removed): reload the program`,
      },
    ]);
  });

  it('refuses an unknown template or program', async () => {
    const { template, program } = await programOnUpperA();
    const dayIds = [dayOfWeek(program, 1).id];
    expect(
      (await refusedWithoutChange(fixture, 'templates.fork', { id: uuidv7(), programId: program.id, dayIds }))
        .code,
    ).toBe('not_found');
    expect(
      (
        await refusedWithoutChange(fixture, 'templates.fork', {
          id: template.id,
          programId: uuidv7(),
          dayIds,
        })
      ).code,
    ).toBe('not_found');
  });
});
