import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contract';
import { toTemplateExerciseInputs } from '../../shared/domain/template';
import {
  exercise,
  organization,
  scheduledWorkout,
  workoutTemplate,
  workoutTemplateExercise,
} from '../db/schema';
import { catalogueExerciseId, insertAthlete } from './schedule-test-support';
import { refusalOf, refusedWithoutChange } from './template-test-support';
import { callChannel as call, useServiceFixture } from './test-fixtures';

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

let counter = 0;
/** A name no other test uses. */
function uniqueName(prefix = 'Template'): string {
  counter += 1;
  return `${prefix} ${counter}`;
}

type CreateInput = InputOf<'templates.create'>;

function createTemplate(overrides: Partial<CreateInput> = {}) {
  return call(fixture.ctx, 'templates.create', {
    name: uniqueName(),
    exercises: [
      { exerciseId: squat, sets: 5, repsMin: 5, repsMax: 5, percentOneRepMax: 80 },
      { exerciseId: bench, sets: 3, repsMin: 8, repsMax: 10, rpe: 8 },
    ],
    ...overrides,
  });
}

async function storedRows(templateId: string) {
  return fixture.database.db
    .select()
    .from(workoutTemplateExercise)
    .where(eq(workoutTemplateExercise.templateId, templateId))
    .orderBy(workoutTemplateExercise.position, workoutTemplateExercise.id);
}

async function insertOtherOrganization(): Promise<string> {
  const id = uuidv7();
  await fixture.database.db.insert(organization).values({ id, name: 'Other Gym' });
  return id;
}

describe('creating a template', () => {
  it('stores the exercises in order with the intensity kind derived, load before effort', async () => {
    const created = await createTemplate({
      name: '  Upper   Day ',
      description: 'Heavy upper',
      tags: ['Upper', 'strength', 'upper'],
      exercises: [
        { exerciseId: squat, percentOneRepMax: 80, rpe: 8 },
        { exerciseId: bench, loadKg: 60 },
        { exerciseId: row, rpe: 7.5, tempo: '31x0' },
        { exerciseId: deadlift, rir: 2, setDetails: [{ repsMin: 5 }, { repsMin: 3 }, { repsMin: 1 }] },
        { exerciseId: squat },
      ],
    });
    expect(created).toMatchObject({
      name: 'Upper   Day',
      description: 'Heavy upper',
      tags: ['upper', 'strength'],
      archived: false,
      ownerProgramId: null,
      forkedFromId: null,
      exerciseCount: 5,
      usage: { programs: 0, scheduledWorkouts: 0 },
      createdAt: fixture.clock.now().toISOString(),
    });
    expect(created.exercises.map((item) => [item.exerciseId, item.position])).toEqual([
      [squat, 0],
      [bench, 1],
      [row, 2],
      [deadlift, 3],
      [squat, 4],
    ]);
    expect(created.exercises[2]!.tempo).toBe('31X0');
    expect(created.exercises[3]!.setDetails).toEqual([
      {
        setType: 'working',
        repsMin: 5,
        repsMax: null,
        percentOneRepMax: null,
        loadKg: null,
        rpe: null,
        rir: null,
      },
      {
        setType: 'working',
        repsMin: 3,
        repsMax: null,
        percentOneRepMax: null,
        loadKg: null,
        rpe: null,
        rir: null,
      },
      {
        setType: 'working',
        repsMin: 1,
        repsMax: null,
        percentOneRepMax: null,
        loadKg: null,
        rpe: null,
        rir: null,
      },
    ]);
    const rows = await storedRows(created.id);
    expect(rows.map((item) => item.intensityKind)).toEqual(['percent', 'load', 'rpe', 'rir', null]);
    expect(rows[0]!.setDetails).toBeNull();
    expect(fixture.takeTouched()).toEqual(['workout_template', 'workout_template_exercise']);
    expect(await call(fixture.ctx, 'templates.get', { id: created.id })).toEqual(created);
  });

  it('refuses a name the library already has, whatever its case, beside the name field', async () => {
    const existing = await createTemplate({ name: uniqueName('Upper A') });
    const refusal = await refusedWithoutChange(fixture, 'templates.create', {
      name: existing.name.toUpperCase(),
      exercises: [],
    });
    expect(refusal).toEqual({
      code: 'invalid_input',
      message: `A template named “${existing.name}” already exists: pick another name`,
      issues: [
        { path: ['name'], message: `A template named “${existing.name}” already exists: pick another name` },
      ],
    });
  });

  it('counts archived templates as taken names too', async () => {
    const archived = await createTemplate();
    await call(fixture.ctx, 'templates.setArchived', { id: archived.id, archived: true });
    const refusal = await refusedWithoutChange(fixture, 'templates.create', { name: archived.name });
    expect(refusal.issues[0]!.path).toEqual(['name']);
  });

  it('refuses an exercise that is not in the library, naming each one by its place', async () => {
    const deleted = uuidv7();
    await fixture.database.db.insert(exercise).values({
      id: deleted,
      organizationId: fixture.ctx.organizationId,
      name: 'Deleted Custom Lift',
      primaryMuscles: ['chest'],
      level: 'beginner',
      category: 'strength',
      source: 'custom',
      deletedAt: fixture.clock.now().toISOString(),
    });
    const refusal = await refusedWithoutChange(fixture, 'templates.create', {
      name: uniqueName(),
      exercises: [{ exerciseId: squat }, { exerciseId: uuidv7() }, { exerciseId: deleted }],
    });
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.issues).toEqual([
      {
        path: ['exercises', 1, 'exerciseId'],
        message: 'Exercise 2 is not in the exercise library (it may have been deleted): pick another',
      },
      {
        path: ['exercises', 2, 'exerciseId'],
        message: 'Exercise 3 is not in the exercise library (it may have been deleted): pick another',
      },
    ]);
  });

  it("refuses another organization's custom exercise", async () => {
    const otherOrganization = await insertOtherOrganization();
    const theirs = uuidv7();
    await fixture.database.db.insert(exercise).values({
      id: theirs,
      organizationId: otherOrganization,
      name: 'Their Secret Lift',
      primaryMuscles: ['chest'],
      level: 'beginner',
      category: 'strength',
      source: 'custom',
    });
    const refusal = await refusedWithoutChange(fixture, 'templates.create', {
      name: uniqueName(),
      exercises: [{ exerciseId: theirs }],
    });
    expect(refusal.issues.map((issue) => issue.path)).toEqual([['exercises', 0, 'exerciseId']]);
  });

  it.each([
    [
      'a %1RM of 250',
      { percentOneRepMax: 250 },
      ['exercises', 0, 'percentOneRepMax'],
      '%1RM must be between 1 and 100',
    ],
    ['an RPE of 11', { rpe: 11 }, ['exercises', 0, 'rpe'], 'RPE must be between 1 and 10, in half steps'],
    [
      'a rep range 12–8',
      { repsMin: 12, repsMax: 8 },
      ['exercises', 0, 'repsMax'],
      'The rep range 12–8 runs backwards: put the smaller number first',
    ],
    [
      'a tempo of "fast"',
      { tempo: 'fast' },
      ['exercises', 0, 'tempo'],
      'Tempo is four digits (or X for explosive), like 3-1-X-0',
    ],
  ])('refuses %s and changes nothing', async (_label, prescription, path, message) => {
    const refusal = await refusedWithoutChange(fixture, 'templates.create', {
      name: uniqueName(),
      exercises: [{ exerciseId: squat, ...prescription }],
    });
    expect(refusal.issues).toContainEqual({ path, message });
  });
});

describe('editing a template', () => {
  it('renames it, and refuses a name another library template has', async () => {
    const first = await createTemplate();
    const second = await createTemplate();
    fixture.takeTouched();
    fixture.clock.advance(60_000);
    const renamed = await call(fixture.ctx, 'templates.update', {
      id: first.id,
      fields: { name: `${first.name} renamed`, description: 'New words', tags: ['push'] },
    });
    expect(renamed).toMatchObject({
      name: `${first.name} renamed`,
      description: 'New words',
      tags: ['push'],
    });
    expect(renamed.updatedAt).toBe(fixture.clock.now().toISOString());
    expect(fixture.takeTouched()).toEqual(['workout_template']);
    // Its own name, in another case, is fine.
    await call(fixture.ctx, 'templates.update', {
      id: first.id,
      fields: { name: renamed.name.toLowerCase() },
    });

    const refusal = await refusedWithoutChange(fixture, 'templates.update', {
      id: first.id,
      fields: { name: second.name },
    });
    expect(refusal.issues[0]!.path).toEqual(['fields', 'name']);
  });

  it('reports a template of another organization, or an unknown one, as not found', async () => {
    const otherOrganization = await insertOtherOrganization();
    const theirs = uuidv7();
    await fixture.database.db
      .insert(workoutTemplate)
      .values({ id: theirs, organizationId: otherOrganization, name: 'Their Template' });
    for (const id of [theirs, uuidv7()]) {
      expect((await refusedWithoutChange(fixture, 'templates.get', { id })).code).toBe('not_found');
      const refusal = await refusedWithoutChange(fixture, 'templates.saveExercises', {
        id,
        exercises: [{ exerciseId: squat }],
      });
      expect(refusal).toMatchObject({
        code: 'not_found',
        message: 'That template does not exist or has been deleted',
      });
      expect((await refusedWithoutChange(fixture, 'templates.delete', { id })).code).toBe('not_found');
    }
  });
});

describe('saving the exercise list', () => {
  it('keeps row ids, moves positions, tombstones what was left out and leaves unchanged rows alone', async () => {
    const created = await createTemplate({
      exercises: [
        { exerciseId: squat, sets: 5 },
        { exerciseId: bench, sets: 4 },
        { exerciseId: row, sets: 3 },
      ],
    });
    const [squatRow, benchRow, rowRow] = created.exercises;
    const before = await storedRows(created.id);
    fixture.takeTouched();
    fixture.clock.advance(60_000);

    const inputs = toTemplateExerciseInputs(created.exercises);
    const saved = await call(fixture.ctx, 'templates.saveExercises', {
      id: created.id,
      // Row dropped, bench edited, squat unchanged at its place, a new deadlift added.
      exercises: [inputs[0]!, { ...inputs[1]!, sets: 6 }, { exerciseId: deadlift, loadKg: 100 }],
    });
    expect(saved.exercises.map((item) => item.id).slice(0, 2)).toEqual([squatRow!.id, benchRow!.id]);
    expect(saved.exercises.map((item) => [item.exerciseId, item.position, item.sets])).toEqual([
      [squat, 0, 5],
      [bench, 1, 6],
      [deadlift, 2, 3],
    ]);
    expect(saved.updatedAt).toBe(fixture.clock.now().toISOString());
    expect(fixture.takeTouched()).toEqual(['workout_template', 'workout_template_exercise']);

    const after = new Map((await storedRows(created.id)).map((item) => [item.id, item]));
    // The unchanged row was not rewritten; the edited one was; the dropped one is a tombstone.
    expect(after.get(squatRow!.id)).toEqual(before.find((item) => item.id === squatRow!.id));
    expect(after.get(benchRow!.id)!.updatedAt).not.toBe(
      before.find((item) => item.id === benchRow!.id)!.updatedAt,
    );
    expect(after.get(rowRow!.id)!.deletedAt).not.toBeNull();
    expect(after.size).toBe(4);
  });

  it('brings a tombstoned row back when its id is sent again, and reorders by array order', async () => {
    const created = await createTemplate();
    const [first, second] = toTemplateExerciseInputs(created.exercises);
    await call(fixture.ctx, 'templates.saveExercises', { id: created.id, exercises: [first!] });
    const restored = await call(fixture.ctx, 'templates.saveExercises', {
      id: created.id,
      exercises: [second!, first!],
    });
    expect(restored.exercises.map((item) => item.id)).toEqual([second!.id, first!.id]);
    expect((await storedRows(created.id)).every((item) => item.deletedAt === null)).toBe(true);
  });

  it('writes nothing when nothing changed', async () => {
    const created = await createTemplate();
    fixture.takeTouched();
    fixture.clock.advance(60_000);
    const saved = await call(fixture.ctx, 'templates.saveExercises', {
      id: created.id,
      exercises: toTemplateExerciseInputs(created.exercises),
    });
    expect(saved).toEqual(created);
    expect(fixture.takeTouched()).toEqual([]);
  });

  it("refuses a row id of another template's exercise, and the same id twice", async () => {
    const mine = await createTemplate();
    const theirs = await createTemplate();
    const refusal = await refusedWithoutChange(fixture, 'templates.saveExercises', {
      id: mine.id,
      exercises: [
        { id: theirs.exercises[0]!.id, exerciseId: squat },
        { id: mine.exercises[0]!.id, exerciseId: squat },
        { id: mine.exercises[0]!.id, exerciseId: bench },
      ],
    });
    expect(refusal.issues).toEqual([
      {
        path: ['exercises', 0, 'id'],
        message: 'Exercise 1 belongs to another template: add it without its id to copy it here',
      },
      { path: ['exercises', 2, 'id'], message: 'Exercise 3 appears twice in the list' },
    ]);
  });

  it('refuses a missing exercise and bad prescriptions, changing nothing', async () => {
    const created = await createTemplate();
    const inputs = toTemplateExerciseInputs(created.exercises);
    const cases = [
      [{ ...inputs[0]!, exerciseId: uuidv7() }, 'exerciseId'],
      [{ ...inputs[0]!, percentOneRepMax: 250 }, 'percentOneRepMax'],
      [{ ...inputs[0]!, rpe: 11, percentOneRepMax: null }, 'rpe'],
      [{ ...inputs[0]!, repsMin: 12, repsMax: 8 }, 'repsMax'],
      [{ ...inputs[0]!, tempo: 'fast' }, 'tempo'],
    ] as const;
    for (const [bad, field] of cases) {
      const refusal = await refusedWithoutChange(fixture, 'templates.saveExercises', {
        id: created.id,
        exercises: [bad, inputs[1]!],
      });
      expect(refusal.code).toBe('invalid_input');
      expect(refusal.issues.map((issue) => issue.path)).toContainEqual(['exercises', 0, field]);
    }
  });

  it('edits an archived template too', async () => {
    const created = await createTemplate();
    await call(fixture.ctx, 'templates.setArchived', { id: created.id, archived: true });
    const saved = await call(fixture.ctx, 'templates.saveExercises', {
      id: created.id,
      exercises: [{ exerciseId: row }],
    });
    expect(saved).toMatchObject({ archived: true, exerciseCount: 1 });
  });
});

describe('the library list', () => {
  const tag = 'zz-list';
  let upper: string;
  let lower: string;
  let archived: string;
  beforeAll(async () => {
    lower = (await createTemplate({ name: 'zz list lower', tags: [tag, 'legs'], description: 'Squat day' }))
      .id;
    upper = (await createTemplate({ name: 'ZZ List Upper', tags: [tag, 'push'], description: '100% effort' }))
      .id;
    const old = await createTemplate({ name: 'zz List Archived', tags: [tag, 'legs'] });
    await call(fixture.ctx, 'templates.setArchived', { id: old.id, archived: true });
    archived = old.id;
  });

  it('lists live library templates by name, case-insensitively; archived ones only when asked', async () => {
    const listed = await call(fixture.ctx, 'templates.list', { tags: [tag] });
    expect(listed.items.map((item) => item.id)).toEqual([lower, upper]);
    const all = await call(fixture.ctx, 'templates.list', { tags: [tag], includeArchived: true });
    expect(all.items.map((item) => item.id)).toEqual([archived, lower, upper]);
    expect(all.items[0]).toMatchObject({ archived: true, exerciseCount: 2 });
    expect(all.items[0]).not.toHaveProperty('exercises');
  });

  it('matches the text in the name, the description or a tag, literally', async () => {
    const ids = async (text: string) =>
      (await call(fixture.ctx, 'templates.list', { text, includeArchived: true })).items.map(
        (item) => item.id,
      );
    expect(await ids('LIST UPP')).toEqual([upper]);
    expect(await ids('squat day')).toEqual([lower]);
    expect(await ids('zz-li')).toEqual([archived, lower, upper]);
    expect(await ids('100%')).toEqual([upper]);
    expect(await ids('1_0')).toEqual([]);
  });

  it('keeps templates that carry every tag asked for', async () => {
    const listed = await call(fixture.ctx, 'templates.list', { tags: [tag, 'LEGS'], includeArchived: true });
    expect(listed.items.map((item) => item.id)).toEqual([archived, lower]);
  });

  it('counts every tag in use, alphabetically, agreeing with the tag filter', async () => {
    for (const includeArchived of [false, true]) {
      const { tags } = await call(fixture.ctx, 'templates.list', { includeArchived });
      expect(tags.map((facet) => facet.value)).toEqual([...tags.map((facet) => facet.value)].sort());
      for (const facet of tags) {
        const found = await call(fixture.ctx, 'templates.list', { tags: [facet.value], includeArchived });
        expect(found.items.length, facet.value).toBe(facet.count);
      }
    }
  });
});

describe('duplicating', () => {
  it('makes "(copy)", then "(copy 2)", with new exercise rows, pointing at its source', async () => {
    const source = await createTemplate({ name: uniqueName('Upper A') });
    const first = await call(fixture.ctx, 'templates.duplicate', { id: source.id });
    const second = await call(fixture.ctx, 'templates.duplicate', { id: source.id });
    const ofCopy = await call(fixture.ctx, 'templates.duplicate', { id: first.id });
    expect([first.name, second.name, ofCopy.name]).toEqual([
      `${source.name} (copy)`,
      `${source.name} (copy 2)`,
      `${source.name} (copy 3)`,
    ]);
    expect(first).toMatchObject({ forkedFromId: source.id, ownerProgramId: null, tags: source.tags });
    expect(first.exercises.map((item) => item.exerciseId)).toEqual(
      source.exercises.map((item) => item.exerciseId),
    );
    const sourceRowIds = new Set(source.exercises.map((item) => item.id));
    expect(first.exercises.some((item) => sourceRowIds.has(item.id))).toBe(false);
    expect(fixture.takeTouched()).toEqual(['workout_template', 'workout_template_exercise']);
  });

  it('takes the name given, unless the library has it', async () => {
    const source = await createTemplate();
    const named = await call(fixture.ctx, 'templates.duplicate', {
      id: source.id,
      name: `${source.name} heavy`,
    });
    expect(named.name).toBe(`${source.name} heavy`);
    const refusal = await refusedWithoutChange(fixture, 'templates.duplicate', {
      id: source.id,
      name: source.name,
    });
    expect(refusal.issues[0]!.path).toEqual(['name']);
  });
});

describe('deleting and restoring', () => {
  it('tombstones an unused template, and restore brings it back', async () => {
    const created = await createTemplate();
    fixture.takeTouched();
    expect(await call(fixture.ctx, 'templates.delete', { id: created.id })).toEqual({ id: created.id });
    expect(fixture.takeTouched()).toEqual(['workout_template']);
    const [stored] = await fixture.database.db
      .select()
      .from(workoutTemplate)
      .where(eq(workoutTemplate.id, created.id));
    expect(stored!.deletedAt).not.toBeNull();
    expect((await refusalOf(call(fixture.ctx, 'templates.get', { id: created.id }))).code).toBe('not_found');
    const listed = await call(fixture.ctx, 'templates.list', { text: created.name, includeArchived: true });
    expect(listed.items).toEqual([]);

    const restored = await call(fixture.ctx, 'templates.restore', { id: created.id });
    expect(restored).toMatchObject({ id: created.id, name: created.name, exerciseCount: 2 });
  });

  it('refuses to restore when another template took the name meanwhile', async () => {
    const created = await createTemplate();
    await call(fixture.ctx, 'templates.delete', { id: created.id });
    await createTemplate({ name: created.name.toUpperCase() });
    const refusal = await refusedWithoutChange(fixture, 'templates.restore', { id: created.id });
    expect(refusal).toMatchObject({
      code: 'conflict',
      message: `“${created.name}” cannot be restored: another template with that name exists now; rename that one first`,
    });
  });

  it('refuses to delete a template programs and scheduled workouts use, saying how many', async () => {
    const created = await createTemplate({ name: uniqueName('Upper A') });
    for (const name of ['Block 1', 'Block 2']) {
      const program = await call(fixture.ctx, 'programs.create', { name, daysPerWeek: 2, weeks: 2 });
      await call(fixture.ctx, 'programs.save', {
        id: program.id,
        baseRevision: 0,
        document: {
          name,
          daysPerWeek: 2,
          weeks: program.weeks.map((week) => ({
            id: week.id,
            days: [{ id: uuidv7(), dayIndex: 0, templateId: created.id }],
          })),
        },
      });
    }
    const athleteId = await insertAthlete(fixture.ctx, 'Dana');
    await fixture.database.db.insert(scheduledWorkout).values(
      Array.from({ length: 14 }, (_, index) => ({
        id: uuidv7(),
        organizationId: fixture.ctx.organizationId,
        athleteId,
        templateId: created.id,
        scheduledDate: `2025-04-${String(index + 1).padStart(2, '0')}`,
      })),
    );
    const refusal = await refusedWithoutChange(fixture, 'templates.delete', { id: created.id });
    expect(refusal).toMatchObject({
      code: 'conflict',
      message: `“${created.name}” is used by 2 programs and 14 scheduled workouts: archive it instead (archived templates stay on the programs and calendars that use them)`,
    });

    // Archiving is the way: it stays on what uses it.
    const archived = await call(fixture.ctx, 'templates.setArchived', { id: created.id, archived: true });
    expect(archived).toMatchObject({ archived: true, usage: { programs: 2, scheduledWorkouts: 14 } });
    expect(fixture.takeTouched()).toEqual(['workout_template']);
    const unarchived = await call(fixture.ctx, 'templates.setArchived', { id: created.id, archived: false });
    expect(unarchived.archived).toBe(false);
  });

  it('says "1 scheduled workout" when one workout uses it', async () => {
    const created = await createTemplate();
    const athleteId = await insertAthlete(fixture.ctx, 'Eli');
    await fixture.database.db.insert(scheduledWorkout).values({
      id: uuidv7(),
      organizationId: fixture.ctx.organizationId,
      athleteId,
      templateId: created.id,
      scheduledDate: '2025-04-01',
    });
    const refusal = await refusalOf(call(fixture.ctx, 'templates.delete', { id: created.id }));
    expect(refusal.message).toMatch(/^“.+” is used by 1 scheduled workout: archive it instead/);
  });
});

describe('scope', () => {
  it('never lists templates of another organization', async () => {
    const otherOrganization = await insertOtherOrganization();
    await fixture.database.db.insert(workoutTemplate).values({
      id: uuidv7(),
      organizationId: otherOrganization,
      name: 'zz Their Template',
      tags: ['zz-theirs'],
    });
    const listed = await call(fixture.ctx, 'templates.list', { text: 'their template' });
    expect(listed.items).toEqual([]);
    expect(listed.tags.map((facet) => facet.value)).not.toContain('zz-theirs');
    const count = await fixture.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from workout_template where name = 'zz Their Template'`,
    );
    expect(count.rows[0]!.n).toBe(1);
  });
});
