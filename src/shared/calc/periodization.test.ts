import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { programDocument, type ParsedProgramDocument } from '../domain/program';
import type { PrescriptionOverride } from '../domain/prescription';
import type { TemplateExercise } from '../domain/template';
import {
  GENERATORS,
  describePrescription,
  generatorById,
  programExercises,
  runGenerator,
  templatesById,
  weekModifiersOf,
  type GeneratorId,
  type GeneratorParams,
  type ProgramTemplate,
} from './periodization';
import { NEUTRAL_WEEK, resolvePrescription } from './prescription';
import { byId, deepFreeze, exercise, freshId, program, template } from './test-programs';

describe('GENERATORS', () => {
  const squat = exercise({ exerciseName: 'Squat', sets: 5, repsMin: 5, repsMax: 8, loadKg: 100 });
  const lower = template('Lower', [squat]);
  const document = program({ weeks: 6, days: [lower, null, lower] });

  it('lists the five generators with a label and a one-line description', () => {
    expect(GENERATORS.map((item) => item.id)).toEqual([
      'linear',
      'doubleProgression',
      'dailyUndulating',
      'block',
      'deload',
    ]);
    for (const item of GENERATORS) {
      expect(item.label).not.toBe('');
      expect(item.description).not.toMatch(/\n/);
    }
  });

  it('offers default parameters that pass their own checks for the program at hand', () => {
    for (const item of GENERATORS) {
      const schema = item.paramsSchema(document);
      expect(schema.safeParse(item.defaultParams(document)).success, item.id).toBe(true);
    }
    expect(generatorById('dailyUndulating').defaultParams(document).pattern).toEqual([
      'heavy',
      'light',
      'medium',
    ]);
    expect(generatorById('block').defaultParams(document)).toEqual({
      accumulation: 3,
      intensification: 2,
      realization: 1,
    });
  });

  it('runs a generator from raw form values, or returns the problems next to their fields', () => {
    const templates = byId([lower]);
    const bad = runGenerator('linear', document, templates, { mode: 'kg', amount: 80 });
    expect(bad).toEqual({ ok: false, issues: [{ path: ['amount'], message: 'Add at most 50 kg a week' }] });
    const badDeload = runGenerator('deload', document, templates, { everyNth: 20 });
    expect(badDeload).toEqual({
      ok: false,
      issues: [{ path: ['everyNth'], message: 'Every Nth week must be between 2 and 12' }],
    });
    const run = runGenerator('deload', document, templates, { everyNth: 3 });
    expect(run.ok && run.result.document.weeks.map((week) => week.deload)).toEqual([
      false,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it('lists the program’s exercises once each, with the kind of load a progression can raise', () => {
    const plank = exercise({ exerciseName: 'Plank', sets: 3 });
    const press = exercise({ exerciseName: 'Press', sets: 3, repsMin: 5, percentOneRepMax: 70 });
    const upper = template('Upper', [press, plank]);
    const mixed = program({ weeks: 2, days: [lower, upper, lower] });
    expect(programExercises(mixed, byId([lower, upper]))).toEqual([
      { exerciseId: squat.exerciseId, exerciseName: 'Squat', loadKind: 'kg' },
      { exerciseId: press.exerciseId, exerciseName: 'Press', loadKind: 'percent' },
      { exerciseId: plank.exerciseId, exerciseName: 'Plank', loadKind: null },
    ]);
  });

  it('builds the lookup of templates by id', () => {
    expect(templatesById([lower])[lower.id]).toBe(lower);
  });
});

// ---- Properties ---------------------------------------------------------------------------

const halfSteps = (min: number, max: number) =>
  fc.integer({ min: min * 2, max: max * 2 }).map((value) => value / 2);
/** Numbers on a grid, as coaches write them (and as the UI's unit conversion may not). */
const onGrid = (min: number, max: number, step: number) =>
  fc.integer({ min: Math.ceil(min / step), max: Math.floor(max / step) }).map((value) => value * step);

const reps = fc.oneof(
  fc.constant({ repsMin: null, repsMax: null }),
  fc.integer({ min: 1, max: 20 }).map((value) => ({ repsMin: value, repsMax: null })),
  fc
    .tuple(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 0, max: 10 }))
    .map(([low, width]) => ({ repsMin: low, repsMax: low + width })),
);
const load = fc.oneof(
  fc.constant({ percentOneRepMax: null, loadKg: null }),
  fc.oneof(onGrid(0, 400, 0.5), fc.double({ min: 0, max: 990, noNaN: true })).map((kg) => ({
    percentOneRepMax: null,
    loadKg: kg,
  })),
  fc.oneof(onGrid(30, 100, 0.5), fc.double({ min: 1, max: 100, noNaN: true })).map((percent) => ({
    percentOneRepMax: percent,
    loadKg: null,
  })),
);
const effort = fc.oneof(
  fc.constant({ rpe: null, rir: null }),
  halfSteps(5, 10).map((value) => ({ rpe: value, rir: null })),
  fc.integer({ min: 0, max: 5 }).map((value) => ({ rpe: null, rir: value })),
);
const MUSCLE_CHOICES = ['quadriceps', 'glutes', 'chest', 'lats', 'biceps'] as const;

const templateExercise: fc.Arbitrary<TemplateExercise> = fc
  .tuple(
    fc.integer({ min: 1, max: 10 }),
    reps,
    load,
    effort,
    fc.boolean(),
    fc.constantFrom(...MUSCLE_CHOICES),
  )
  .map(([sets, repFields, loadFields, effortFields, setBySet, muscle]) =>
    exercise({
      exerciseName: `Lift ${freshId().slice(-4)}`,
      primaryMuscles: [muscle],
      sets,
      ...repFields,
      ...loadFields,
      ...effortFields,
      setDetails: setBySet
        ? Array.from({ length: sets }, (_, index) => ({
            setType: index === 0 ? ('warmup' as const) : ('working' as const),
            ...repFields,
            ...loadFields,
            ...effortFields,
          }))
        : null,
    }),
  );

const templates = fc
  .array(fc.array(templateExercise, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 3 })
  .map((lists) => lists.map((exercises, index) => template(`Template ${index + 1}`, exercises)));

/** A valid earlier override, as a coach or an earlier generator might have left it. */
const earlierOverride: fc.Arbitrary<PrescriptionOverride> = fc.record(
  {
    sets: fc.integer({ min: 1, max: 12 }),
    repsMin: fc.integer({ min: 1, max: 20 }),
    loadKg: onGrid(0, 300, 2.5),
    rpe: fc.option(halfSteps(5, 10)),
  },
  { requiredKeys: [] },
);

const weekFields = fc.record({
  phase: fc.constantFrom(null, 'accumulation' as const, 'intensification' as const, 'realization' as const),
  deload: fc.integer({ min: 0, max: 4 }).map((pick) => pick === 0),
  volumeFactor: onGrid(0.5, 1.5, 0.05),
  intensityDeltaPercent: halfSteps(-10, 10),
  rpeDelta: halfSteps(-2, 2),
});

interface Scenario {
  document: ParsedProgramDocument;
  templates: Record<string, ProgramTemplate>;
}

/** A program of 1–12 weeks on 1–4 days a week, days picking templates (or rest) at random. */
const scenario: fc.Arbitrary<Scenario> = templates.chain((list) =>
  fc
    .record({
      daysPerWeek: fc.integer({ min: 1, max: 4 }),
      weekCount: fc.integer({ min: 1, max: 12 }),
    })
    .chain(({ daysPerWeek, weekCount }) =>
      fc
        .array(
          fc.record({
            fields: fc.option(weekFields, { nil: undefined, freq: 2 }),
            slots: fc.array(fc.option(fc.constantFrom(...list), { freq: 4 }), {
              minLength: daysPerWeek,
              maxLength: daysPerWeek,
            }),
            overrides: fc.array(earlierOverride, { maxLength: 3 }),
          }),
          { minLength: weekCount, maxLength: weekCount },
        )
        .map((weeks): Scenario => {
          const document = program({ weeks: weekCount, days: Array(daysPerWeek).fill(null) });
          weeks.forEach((spec, weekIndex) => {
            const week = document.weeks[weekIndex]!;
            if (spec.fields) Object.assign(week, spec.fields, spec.fields.deload ? { phase: 'deload' } : {});
            week.days.forEach((day, slot) => {
              const slotTemplate = spec.slots[slot] ?? null;
              day.templateId = slotTemplate?.id ?? null;
              slotTemplate?.exercises.forEach((item, index) => {
                const override = spec.overrides[index];
                if (override && Object.keys(override).length > 0) day.overrides[item.id] = override;
              });
            });
          });
          return { document, templates: byId(list) };
        }),
    ),
);

/** Parameters for each generator, valid for the scenario's program. */
function paramsFor(id: GeneratorId, document: ParsedProgramDocument): fc.Arbitrary<unknown> {
  switch (id) {
    case 'linear':
      return fc.oneof(
        fc.record({ mode: fc.constant('kg'), amount: onGrid(0.25, 50, 0.25) }),
        fc.record({ mode: fc.constant('percent'), amount: fc.double({ min: 0.1, max: 10, noNaN: true }) }),
      );
    case 'doubleProgression':
      return fc.record({
        repStep: fc.integer({ min: 1, max: 5 }),
        loadIncrementKg: onGrid(0.5, 20, 0.5),
        loadIncrementPercent: onGrid(0.5, 10, 0.5),
      });
    case 'dailyUndulating':
      return fc
        .array(fc.constantFrom('heavy', 'medium', 'light'), {
          minLength: document.daysPerWeek,
          maxLength: document.daysPerWeek,
        })
        .map((pattern) => ({ ...generatorById('dailyUndulating').defaultParams(document), pattern }));
    case 'block': {
      const trainingWeeks = document.weeks.filter((week) => !week.deload).length;
      return fc
        .tuple(fc.nat({ max: trainingWeeks }), fc.nat({ max: trainingWeeks }))
        .map(([a, b]) => [Math.min(a, b), Math.max(a, b)])
        .map(([first, second]) => ({
          accumulation: first,
          intensification: second! - first!,
          realization: trainingWeeks - second!,
        }));
    }
    case 'deload':
      return fc.record({
        everyNth: fc.integer({ min: 2, max: 12 }),
        volumeFactor: onGrid(0.1, 1, 0.05),
        intensityDeltaPercent: halfSteps(-50, 0),
        rpeDelta: halfSteps(-5, 0),
        clearOthers: fc.boolean(),
      });
  }
}

const runs = (id: GeneratorId) =>
  scenario
    .filter(({ document }) => id !== 'block' || document.weeks.some((week) => !week.deload))
    .chain((scene) => paramsFor(id, scene.document).map((params) => ({ ...scene, params })));

function mustRun(id: GeneratorId, scene: Scenario & { params: unknown }) {
  const run = runGenerator(id, scene.document, scene.templates, scene.params);
  if (!run.ok)
    throw new Error(`${id} refused ${JSON.stringify(scene.params)}: ${JSON.stringify(run.issues)}`);
  return run.result;
}

describe('generator properties', () => {
  it('start from valid programs', () => {
    fc.assert(
      fc.property(scenario, ({ document }) => {
        expect(programDocument.safeParse(document).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  for (const { id } of GENERATORS) {
    it(`${id}: never changes its input and returns a program that passes the domain schemas`, () => {
      fc.assert(
        fc.property(runs(id), (scene) => {
          const before = JSON.stringify(scene.document);
          deepFreeze(scene.document);
          const { document } = mustRun(id, scene);
          expect(JSON.stringify(scene.document)).toBe(before);
          const parsed = programDocument.safeParse(document);
          expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
          expect(parsed.data).toEqual(document);
        }),
        { numRuns: 60 },
      );
    });

    it(`${id}: fills weeks from week 1, so running it twice gives what running it once does`, () => {
      fc.assert(
        fc.property(runs(id), (scene) => {
          const once = mustRun(id, scene).document;
          const twice = mustRun(id, { ...scene, document: once }).document;
          expect(twice).toEqual(once);
        }),
        { numRuns: 40 },
      );
    });
  }

  it('linear with a positive amount never lowers a training week’s load below week 1’s', () => {
    fc.assert(
      fc.property(runs('linear'), (scene) => {
        const params = scene.params as GeneratorParams['linear'];
        const { document } = mustRun('linear', scene);
        for (const week of document.weeks) {
          if (week.deload) continue;
          for (const day of week.days) {
            for (const item of scene.templates[day.templateId ?? '']?.exercises ?? []) {
              const progressed =
                !item.setDetails &&
                (item.loadKg !== null || (item.percentOneRepMax !== null && params.mode === 'percent'));
              if (!progressed) continue;
              // Week 1's base is the template; the week's own modifiers are a separate layer.
              const resolved = resolvePrescription(item, day.overrides[item.id], NEUTRAL_WEEK);
              if (item.loadKg !== null) expect(resolved.loadKg!).toBeGreaterThanOrEqual(item.loadKg);
              if (item.percentOneRepMax !== null) {
                expect(resolved.percentOneRepMax!).toBeGreaterThanOrEqual(item.percentOneRepMax);
              }
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('double progression keeps every week’s reps within the exercise’s range', () => {
    fc.assert(
      fc.property(runs('doubleProgression'), (scene) => {
        const { document } = mustRun('doubleProgression', scene);
        for (const week of document.weeks) {
          for (const day of week.days) {
            for (const item of scene.templates[day.templateId ?? '']?.exercises ?? []) {
              const hasLoad = item.loadKg !== null || item.percentOneRepMax !== null;
              if (item.repsMin === null || item.repsMax === null || item.repsMax <= item.repsMin) continue;
              if (item.setDetails || !hasLoad) continue;
              const resolved = resolvePrescription(item, day.overrides[item.id], weekModifiersOf(week));
              expect(resolved.repsMin).toBe(resolved.repsMax);
              expect(resolved.repsMin!).toBeGreaterThanOrEqual(item.repsMin);
              expect(resolved.repsMin!).toBeLessThanOrEqual(item.repsMax);
            }
          }
        }
      }),
      { numRuns: 80 },
    );
  });

  it('deload weeks plan no more sets than week 1', () => {
    const sameWeeks = fc
      .tuple(templates, fc.integer({ min: 2, max: 12 }), fc.integer({ min: 1, max: 4 }))
      .chain(([list, weeks, daysPerWeek]) =>
        fc
          .array(fc.option(fc.constantFrom(...list), { freq: 4 }), {
            minLength: daysPerWeek,
            maxLength: daysPerWeek,
          })
          .map((days) => ({ document: program({ weeks, days }), templates: byId(list) })),
      )
      .chain((scene) => paramsFor('deload', scene.document).map((params) => ({ ...scene, params })));
    const setsOf = (
      document: ParsedProgramDocument,
      list: Record<string, ProgramTemplate>,
      weekIndex: number,
    ) => {
      const week = document.weeks[weekIndex]!;
      return week.days.flatMap((day) =>
        (list[day.templateId ?? '']?.exercises ?? []).map(
          (item) => resolvePrescription(item, day.overrides[item.id], weekModifiersOf(week)).sets,
        ),
      );
    };
    fc.assert(
      fc.property(sameWeeks, (scene) => {
        const { document } = mustRun('deload', scene);
        const weekOne = setsOf(document, scene.templates, 0);
        document.weeks.forEach((week, weekIndex) => {
          if (!week.deload) return;
          setsOf(document, scene.templates, weekIndex).forEach((sets, index) => {
            expect(sets).toBeLessThanOrEqual(weekOne[index]!);
          });
        });
      }),
      { numRuns: 80 },
    );
  });

  it('previews every week and counts exactly the prescriptions that change', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...GENERATORS.map((item) => item.id))
          .chain((id) => runs(id).map((scene) => ({ id, scene }))),
        ({ id, scene }) => {
          const { preview, document } = mustRun(id, scene);
          expect(preview.generatorId).toBe(id);
          expect(preview.weeks.map((week) => week.weekNumber)).toEqual(
            document.weeks.map((_, index) => index + 1),
          );
          const changed = preview.weeks.flatMap((week) =>
            week.days.flatMap((day) => day.exercises.filter((item) => item.changed)),
          );
          expect(changed).toHaveLength(preview.changedPrescriptions);
          for (const item of changed) expect(item.before).not.toEqual(item.after);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('the preview', () => {
  it('gives each exercise’s prescription before and after, as numbers in kg and as text', () => {
    const row = exercise({ exerciseName: 'Barbell Row', sets: 3, repsMin: 8, loadKg: 60, rir: 2 });
    const pull = template('Pull', [row]);
    const document = program({ weeks: 2, days: [null, pull] });
    const run = runGenerator('linear', document, byId([pull]), { mode: 'kg', amount: 2.5 });
    if (!run.ok) throw new Error('linear refused its parameters');
    const [weekOne, weekTwo] = run.result.preview.weeks;
    expect(weekOne!.days).toEqual([
      {
        dayId: document.weeks[0]!.days[1]!.id,
        dayIndex: 1,
        templateId: pull.id,
        templateName: 'Pull',
        exercises: [expect.objectContaining({ exerciseName: 'Barbell Row', changed: false })],
      },
    ]);
    expect(weekTwo!.days[0]!.exercises[0]).toEqual({
      templateExerciseId: row.id,
      exerciseId: row.exerciseId,
      exerciseName: 'Barbell Row',
      before: {
        sets: 3,
        repsMin: 8,
        repsMax: null,
        percentOneRepMax: null,
        loadKg: 60,
        rpe: null,
        rir: 2,
        setDetails: null,
        text: '3 × 8 @ 60 kg · RIR 2',
      },
      after: {
        sets: 3,
        repsMin: 8,
        repsMax: null,
        percentOneRepMax: null,
        loadKg: 62.5,
        rpe: null,
        rir: 2,
        setDetails: null,
        text: '3 × 8 @ 62.5 kg · RIR 2',
      },
      changed: true,
    });
    expect(weekTwo).toMatchObject({ weekNumber: 2, weekChanged: false });
    expect(run.result.preview).toMatchObject({
      generatorId: 'linear',
      changedPrescriptions: 1,
      changedWeeks: 0,
    });
  });

  it('writes a prescription the short way a coach reads it', () => {
    const base = {
      sets: 5,
      repsMin: 5,
      repsMax: null,
      percentOneRepMax: null,
      loadKg: null,
      rpe: null,
      rir: null,
      setDetails: null,
    };
    expect(describePrescription({ ...base, percentOneRepMax: 77.5, rpe: 8 })).toBe('5 × 5 @ 77.5% · RPE 8');
    expect(describePrescription({ ...base, repsMax: 8, loadKg: 102.25, rir: 1 })).toBe(
      '5 × 5–8 @ 102.25 kg · RIR 1',
    );
    expect(describePrescription({ ...base, repsMin: null, sets: 3 })).toBe('3 sets');
    const row = {
      setType: 'working' as const,
      repsMin: 5,
      repsMax: null,
      percentOneRepMax: 75,
      loadKg: null,
      rpe: null,
      rir: null,
    };
    expect(
      describePrescription({
        ...base,
        setDetails: [
          { ...row, setType: 'warmup', percentOneRepMax: 50 },
          { ...row, repsMin: 3, percentOneRepMax: 90, rpe: 9 },
          row,
          row,
          { ...row, setType: 'drop', repsMin: 8, percentOneRepMax: 65, rir: 1 },
        ],
      }),
    ).toBe('1 × 5 @ 50% warm-up, 1 × 3 @ 90% · RPE 9, 2 × 5 @ 75%, 1 × 8 @ 65% · RIR 1 drop');
  });
});
