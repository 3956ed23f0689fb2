import { uuidv7 } from 'uuidv7';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgramDetail } from '../../shared/domain/program';
import type { TemplateDetail } from '../../shared/domain/template';
import type { ServiceContext } from './context';
import { PROGRAM_FILE_FORMAT, slugify, type ProgramFile } from './program-file';
import { catalogueExerciseId } from './schedule-test-support';
import { refusedWithoutChange } from './template-test-support';
import { callChannel as call, createServiceFixture, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();

const CUSTOM_EXERCISE = 'Zz Sled Push';

/**
 * A 3-week, 3-day program on two library templates (one with a custom exercise, per-set rows,
 * tempo and notes), week modifiers and overrides, and its own copy of a template for week 2.
 */
async function buildProgram(ctx: ServiceContext, name: string): Promise<ProgramDetail> {
  const squat = await catalogueExerciseId(ctx, 'Barbell Back Squat');
  const bench = await catalogueExerciseId(ctx, 'Barbell Bench Press');
  const custom = await call(ctx, 'exercises.create', {
    name: CUSTOM_EXERCISE,
    primaryMuscles: ['quadriceps'],
  });
  const upper: TemplateDetail = await call(ctx, 'templates.create', {
    name: 'Upper A',
    description: 'Bench focus',
    tags: ['upper', 'strength'],
    exercises: [
      {
        exerciseId: bench,
        sets: 3,
        setDetails: [
          { setType: 'working', repsMin: 3, percentOneRepMax: 85 },
          { setType: 'working', repsMin: 5, percentOneRepMax: 80 },
          { setType: 'drop', repsMin: 8, repsMax: 10, rpe: 9 },
        ],
        restSeconds: 180,
        tempo: '3-1-X-0',
        notes: 'Pause on the chest',
      },
      { exerciseId: squat, sets: 2, repsMin: 8, repsMax: 12, rir: 2, supersetGroup: 'A' },
    ],
  });
  const lower: TemplateDetail = await call(ctx, 'templates.create', {
    name: 'Lower A',
    exercises: [
      { exerciseId: squat, sets: 5, repsMin: 5, loadKg: 100 },
      { exerciseId: custom.id, sets: 4, repsMin: 20 },
    ],
  });
  const created = await call(ctx, 'programs.create', { name, daysPerWeek: 3, weeks: 3, shiftOnMissed: true });
  const { program } = await call(ctx, 'programs.save', {
    id: created.id,
    baseRevision: 0,
    document: {
      name,
      description: 'Three weeks, then test',
      daysPerWeek: 3,
      shiftOnMissed: true,
      weeks: created.weeks.map((week, index) => ({
        id: week.id,
        phase: index === 2 ? 'deload' : 'accumulation',
        deload: index === 2,
        volumeFactor: index === 2 ? 0.6 : 1,
        intensityDeltaPercent: index * 2.5,
        rpeDelta: index === 1 ? 0.5 : 0,
        days: [
          {
            id: uuidv7(),
            dayIndex: 0,
            templateId: upper.id,
            overrides: { [upper.exercises[1]!.id]: { sets: 3 + index, rir: null, rpe: 8 } },
          },
          { id: uuidv7(), dayIndex: 2, templateId: lower.id, overrides: {} },
        ],
      })),
    },
  });
  await call(ctx, 'templates.fork', {
    id: upper.id,
    programId: program.id,
    dayIds: [program.weeks[1]!.days[0]!.id],
  });
  return call(ctx, 'programs.get', { id: program.id });
}

/**
 * A file with its ids replaced by labels in order of appearance, exercise references by name only
 * and " (imported)" taken off names, so two files of the same program compare equal.
 */
function comparable(json: string) {
  const file = JSON.parse(json) as ProgramFile;
  const plain = (name: string) => name.replace(/ \(imported( \d+)?\)$/, '');
  const templates = [...file.templates].sort((a, b) => plain(a.name).localeCompare(plain(b.name)));
  const labels = new Map<string, string>();
  templates.forEach((template, t) => {
    labels.set(template.id, `template ${t}`);
    template.exercises.forEach((item, i) => labels.set(item.id, `exercise ${t}.${i}`));
  });
  const label = (id: string | null) => (id === null ? null : (labels.get(id) ?? `unknown ${id}`));
  return {
    ...file,
    exportedAt: undefined,
    program: {
      ...file.program,
      name: plain(file.program.name),
      weeks: file.program.weeks.map((week) => ({
        ...week,
        days: week.days.map((day) => ({
          ...day,
          templateId: label(day.templateId),
          overrides: Object.fromEntries(
            Object.entries(day.overrides).map(([key, value]) => [label(key), value]),
          ),
        })),
      })),
    },
    templates: templates.map((template) => ({
      ...template,
      id: label(template.id),
      name: plain(template.name),
      forkedFromId: label(template.forkedFromId),
      exercises: template.exercises.map((item) => ({
        ...item,
        id: label(item.id),
        exercise: { name: item.exercise.name },
      })),
    })),
  };
}

let source: ProgramDetail;
let exported: { fileName: string; json: string };
beforeAll(async () => {
  source = await buildProgram(fixture.ctx, 'Meet Prep — Block 1');
  exported = await call(fixture.ctx, 'programs.export', { id: source.id });
});

/** The exported file, changed by `edit`, as JSON. */
function editedFile(edit: (file: ProgramFile) => void): string {
  const file = JSON.parse(exported.json) as ProgramFile;
  edit(file);
  return JSON.stringify(file);
}

describe('exporting a program', () => {
  it('names the file after the program', () => {
    expect(exported.fileName).toBe('meet-prep-block-1.lift-program.json');
    expect(slugify('  Él   Programa!! ')).toBe('él-programa');
    expect(slugify('***')).toBe('program');
    expect(slugify('Силовой блок')).toBe('силовой-блок');
  });

  it('writes a versioned, pretty-printed file with every template and exercise named', () => {
    expect(exported.json).toMatch(/^\{\n {2}"format": "lift-tracker-program",\n {2}"version": 1,/);
    const file = JSON.parse(exported.json) as ProgramFile;
    expect(file.exportedAt).toBe(fixture.clock.now().toISOString());
    expect(file.program).toMatchObject({
      name: 'Meet Prep — Block 1',
      description: 'Three weeks, then test',
      daysPerWeek: 3,
      shiftOnMissed: true,
    });
    expect(file.program.weeks[2]).toMatchObject({ phase: 'deload', deload: true, volumeFactor: 0.6 });
    expect(file.templates.map((template) => [template.name, template.programCopy])).toEqual([
      ['Lower A', false],
      ['Upper A', false],
      ['Upper A · week 2', true],
    ]);
    const upper = file.templates[1]!;
    const copy = file.templates[2]!;
    expect(copy.forkedFromId).toBe(upper.id);
    expect(upper.exercises[0]).toMatchObject({
      exercise: { name: 'Barbell Bench Press' },
      tempo: '3-1-X-0',
      restSeconds: 180,
      notes: 'Pause on the chest',
    });
    expect(file.templates[0]!.exercises[1]!.exercise.name).toBe(CUSTOM_EXERCISE);
    expect(file.program.weeks[1]!.days[0]!.templateId).toBe(copy.id);
    expect(file.program.weeks[1]!.days[0]!.overrides).toEqual({
      [copy.exercises[1]!.id]: { sets: 4, rir: null, rpe: 8 },
    });
  });
});

describe('importing a program', () => {
  it('gives back an equal program, with "(imported)" names where the library has them', async () => {
    fixture.takeTouched();
    const imported = await call(fixture.ctx, 'programs.import', { json: exported.json });
    expect(fixture.takeTouched().sort()).toEqual(
      ['program', 'program_day', 'program_week', 'workout_template', 'workout_template_exercise'].sort(),
    );
    expect(imported).toMatchObject({ name: 'Meet Prep — Block 1 (imported)', revision: 0, assignments: [] });
    const byName = [...imported.templates].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(byName.map((template) => [template.name, template.ownerProgramId])).toEqual([
      ['Lower A (imported)', null],
      ['Upper A (imported)', null],
      ['Upper A · week 2', imported.id],
    ]);
    const again = await call(fixture.ctx, 'programs.export', { id: imported.id });
    expect(comparable(again.json)).toEqual(comparable(exported.json));

    const twice = await call(fixture.ctx, 'programs.import', { json: exported.json });
    expect(twice.name).toBe('Meet Prep — Block 1 (imported 2)');
    expect(twice.templates.map((template) => template.name)).toContain('Upper A (imported 2)');
  });

  it('gives back an equal program on another device with the same catalogue', async () => {
    const device = await createServiceFixture();
    try {
      // The custom exercise exists there under its own id: it is matched by name.
      await call(device.ctx, 'exercises.create', {
        name: CUSTOM_EXERCISE.toUpperCase(),
        primaryMuscles: ['quadriceps'],
      });
      const imported = await call(device.ctx, 'programs.import', { json: exported.json });
      expect(imported.name).toBe('Meet Prep — Block 1');
      expect(imported.templates.map((template) => template.name)).toEqual([
        'Lower A',
        'Upper A',
        'Upper A · week 2',
      ]);
      const again = await call(device.ctx, 'programs.export', { id: imported.id });
      const theirs = comparable(again.json);
      const ours = comparable(exported.json);
      theirs.templates[0]!.exercises[1]!.exercise.name = CUSTOM_EXERCISE;
      expect(theirs).toEqual(ours);
      // Catalogue exercises keep their ids everywhere.
      expect(imported.templates[1]!.exercises[0]!.exerciseId).toBe(
        source.templates[1]!.exercises[0]!.exerciseId,
      );
    } finally {
      await device.close();
    }
  });

  it('finds an exercise by name when its id is unknown here', async () => {
    const json = editedFile((file) => {
      file.templates[0]!.exercises[0]!.exercise = { id: uuidv7(), name: 'barbell back squat' };
    });
    const imported = await call(fixture.ctx, 'programs.import', { json });
    const squat = await catalogueExerciseId(fixture.ctx, 'Barbell Back Squat');
    const lower = imported.templates.find((template) => template.name.startsWith('Lower A'))!;
    expect(lower.exercises[0]!.exerciseId).toBe(squat);
  });

  it('refuses a file that is not JSON, not a program file, or from a newer version', async () => {
    const notJson = await refusedWithoutChange(fixture, 'programs.import', { json: '{"format": ' });
    expect(notJson).toMatchObject({ code: 'invalid_input' });
    expect(notJson.message).toMatch(/^The file is not valid JSON: /);
    for (const json of ['[]', '{"format": "something-else", "version": 1}', JSON.stringify({ name: 'x' })]) {
      const refusal = await refusedWithoutChange(fixture, 'programs.import', { json });
      expect(refusal.message).toBe('This is not a Lift Tracker program file');
    }
    const newer = await refusedWithoutChange(fixture, 'programs.import', {
      json: JSON.stringify({ format: PROGRAM_FILE_FORMAT, version: 2 }),
    });
    expect(newer.message).toBe(
      'This program file was made by a newer version of Lift Tracker: update Lift Tracker, then import it again',
    );
    expect((await refusedWithoutChange(fixture, 'programs.import', { json: '  ' })).message).toBe(
      'The file is empty',
    );
  });

  it('names every problem of a file at once and imports nothing', async () => {
    const json = editedFile((file) => {
      const [lower, upper] = file.templates;
      lower!.exercises[1]!.exercise = { id: uuidv7(), name: 'Zz Imaginary Lift' };
      upper!.exercises[0]!.setDetails = null;
      Object.assign(upper!.exercises[0]!, { percentOneRepMax: 250, tempo: 'fast' });
      Object.assign(upper!.exercises[1]!, { rir: null, rpe: 11, repsMin: 12, repsMax: 8 });
      file.program.weeks[0]!.days[1]!.templateId = 'not-in-the-file';
      file.program.weeks[1]!.rpeDelta = 0.3;
    });
    const refusal = await refusedWithoutChange(fixture, 'programs.import', { json });
    expect(refusal.code).toBe('invalid_input');
    expect(refusal.message).toMatch(/^The program file has 7 problems, so nothing was imported: /);
    expect(refusal.issues).toEqual([
      {
        path: ['templates', 1, 'exercises', 0, 'percentOneRepMax'],
        message: 'Template “Upper A”, exercise 1: %1RM must be between 1 and 100',
      },
      {
        path: ['templates', 1, 'exercises', 0, 'tempo'],
        message: 'Template “Upper A”, exercise 1: Tempo is four digits (or X for explosive), like 3-1-X-0',
      },
      {
        path: ['templates', 1, 'exercises', 1, 'rpe'],
        message: 'Template “Upper A”, exercise 2: RPE must be between 1 and 10, in half steps',
      },
      {
        path: ['templates', 1, 'exercises', 1, 'repsMax'],
        message:
          'Template “Upper A”, exercise 2: The rep range 12–8 runs backwards: put the smaller number first',
      },
      {
        path: ['templates', 0, 'exercises', 1, 'exercise'],
        message:
          'Template “Lower A”, exercise 2: “Zz Imaginary Lift” is not in your exercise library: add it as a custom exercise, or import a library that has it',
      },
      {
        path: ['program', 'weeks', 0, 'days', 1, 'templateId'],
        message: 'Week 1, day 3 uses a template that is not in the file',
      },
      { path: ['program', 'weeks', 1, 'rpeDelta'], message: 'Week 2: RPE change goes in half steps' },
    ]);
  });

  it.each([
    [0, 'Program: A program needs at least 1 week'],
    [200, 'Program: A program can have at most 52 weeks (one year)'],
  ])('refuses a program of %i weeks', async (weekCount, message) => {
    const json = editedFile((file) => {
      const [week] = file.program.weeks;
      file.program.weeks = Array.from({ length: weekCount }, () => week!);
    });
    const refusal = await refusedWithoutChange(fixture, 'programs.import', { json });
    expect(refusal.issues).toEqual([{ path: ['program', 'weeks'], message }]);
  });

  it('refuses a file with no program, or with a template that is not one', async () => {
    const json = editedFile((file) => {
      (file as { program: unknown }).program = 'none';
      (file.templates as unknown[]).push(42);
    });
    const refusal = await refusedWithoutChange(fixture, 'programs.import', { json });
    expect(refusal.issues).toEqual([
      {
        path: ['templates', 3],
        message: 'Template 4 is not a template (an object with a name and exercises)',
      },
      { path: ['program'], message: 'The file holds no program' },
    ]);
  });
});
