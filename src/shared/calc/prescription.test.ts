import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prescriptionOverride, type PrescriptionOverride } from '../domain/prescription';
import { weekModifiers } from '../domain/program';
import {
  NEUTRAL_WEEK,
  describeSetsAndReps,
  modifyLoad,
  resolvePrescription,
  resolveTemplate,
  scaleSets,
} from './prescription';
import { exercise } from './test-programs';

const squat = exercise({
  exerciseName: 'Back Squat',
  primaryMuscles: ['quadriceps'],
  sets: 5,
  repsMin: 5,
  percentOneRepMax: 75,
  rpe: 7.5,
  restSeconds: 180,
  tempo: '3-1-X-0',
  notes: 'Belt on the top sets',
});
const row = exercise({ exerciseName: 'Barbell Row', sets: 3, repsMin: 8, repsMax: 12, loadKg: 60, rir: 2 });
const topAndBackOffs = exercise({
  exerciseName: 'Deadlift',
  sets: 3,
  repsMin: 3,
  setDetails: [
    { setType: 'working', repsMin: 3, repsMax: null, percentOneRepMax: 85, loadKg: null, rpe: 8, rir: null },
    {
      setType: 'working',
      repsMin: 5,
      repsMax: null,
      percentOneRepMax: 75,
      loadKg: null,
      rpe: null,
      rir: null,
    },
    {
      setType: 'working',
      repsMin: 5,
      repsMax: null,
      percentOneRepMax: 75,
      loadKg: null,
      rpe: null,
      rir: null,
    },
  ],
});

describe('resolvePrescription', () => {
  it('copies the template as written in a neutral week without overrides', () => {
    const resolved = resolvePrescription(squat, undefined);
    expect(resolved).toMatchObject({
      templateExerciseId: squat.id,
      exerciseId: squat.exerciseId,
      exerciseName: 'Back Squat',
      primaryMuscles: ['quadriceps'],
      sets: 5,
      repsMin: 5,
      repsMax: null,
      percentOneRepMax: 75,
      loadKg: null,
      rpe: 7.5,
      rir: null,
      restSeconds: 180,
      tempo: '3-1-X-0',
      notes: 'Belt on the top sets',
      setDetails: null,
    });
  });

  it('keeps a %1RM off the half-point grid as written in a neutral week', () => {
    expect(resolvePrescription({ ...squat, percentOneRepMax: 72.3 }, undefined).percentOneRepMax).toBe(72.3);
  });

  it('lets a day override replace fields, and null clear one', () => {
    const resolved = resolvePrescription(squat, { sets: 3, repsMin: 3, rpe: null });
    expect(resolved).toMatchObject({ sets: 3, repsMin: 3, percentOneRepMax: 75, rpe: null });
  });

  it('switches the kind of load when an override gives the other one', () => {
    expect(resolvePrescription(squat, { loadKg: 100 })).toMatchObject({
      loadKg: 100,
      percentOneRepMax: null,
    });
    expect(resolvePrescription(row, { percentOneRepMax: 70 })).toMatchObject({
      loadKg: null,
      percentOneRepMax: 70,
    });
    expect(resolvePrescription(row, { rpe: 8 })).toMatchObject({ rpe: 8, rir: null });
    expect(resolvePrescription(squat, { rir: 3 })).toMatchObject({ rpe: null, rir: 3 });
  });

  it('applies the week: sets × factor, %1RM ± points, fixed loads ± the same percentage, RPE ± steps', () => {
    const week = { volumeFactor: 0.6, intensityDeltaPercent: -10, rpeDelta: -2 };
    expect(resolvePrescription(squat, undefined, week)).toMatchObject({
      sets: 3,
      percentOneRepMax: 65,
      rpe: 5.5,
    });
    // 60 kg − 10 % = 54 kg; RIR moves the other way from RPE.
    expect(resolvePrescription(row, undefined, week)).toMatchObject({ sets: 2, loadKg: 54, rir: 4 });
  });

  it('applies the week on top of the day override', () => {
    const resolved = resolvePrescription(row, { loadKg: 70 }, { ...NEUTRAL_WEEK, intensityDeltaPercent: 5 });
    expect(resolved.loadKg).toBe(73.5);
  });

  it('keeps %1RM within 1–100 and RPE within 1–10', () => {
    const heavy = resolvePrescription(
      squat,
      { percentOneRepMax: 98, rpe: 9.5 },
      { ...NEUTRAL_WEEK, intensityDeltaPercent: 10, rpeDelta: 2 },
    );
    expect(heavy).toMatchObject({ percentOneRepMax: 100, rpe: 10 });
    const light = resolvePrescription(
      squat,
      { percentOneRepMax: 5, rpe: 2 },
      { ...NEUTRAL_WEEK, intensityDeltaPercent: -50, rpeDelta: -5 },
    );
    expect(light).toMatchObject({ percentOneRepMax: 1, rpe: 1 });
  });

  it('moves RIR by whole reps only, and a half RPE step not at all, whichever the direction', () => {
    expect(resolvePrescription(row, undefined, { ...NEUTRAL_WEEK, rpeDelta: 0.5 }).rir).toBe(2);
    expect(resolvePrescription(row, undefined, { ...NEUTRAL_WEEK, rpeDelta: -0.5 }).rir).toBe(2);
    expect(resolvePrescription(row, undefined, { ...NEUTRAL_WEEK, rpeDelta: 1.5 }).rir).toBe(1);
    expect(resolvePrescription(row, undefined, { ...NEUTRAL_WEEK, rpeDelta: -1.5 }).rir).toBe(3);
    expect(resolvePrescription(row, undefined, { ...NEUTRAL_WEEK, rpeDelta: 5 }).rir).toBe(0);
  });

  it('drops back-off rows from the end on a lighter week and repeats the last on a heavier one', () => {
    const deload = resolvePrescription(topAndBackOffs, undefined, { ...NEUTRAL_WEEK, volumeFactor: 0.6 });
    expect(deload.sets).toBe(2);
    expect(deload.setDetails?.map((set) => set.percentOneRepMax)).toEqual([85, 75]);
    const overreach = resolvePrescription(topAndBackOffs, undefined, { ...NEUTRAL_WEEK, volumeFactor: 1.4 });
    expect(overreach.setDetails?.map((set) => set.repsMin)).toEqual([3, 5, 5, 5]);
  });

  it('applies the week’s intensity to every set row', () => {
    const resolved = resolvePrescription(topAndBackOffs, undefined, {
      ...NEUTRAL_WEEK,
      intensityDeltaPercent: 5,
    });
    expect(resolved.setDetails?.map((set) => set.percentOneRepMax)).toEqual([90, 80, 80]);
    expect(resolved.setDetails?.[0]?.rpe).toBe(8);
  });
});

describe('resolveTemplate', () => {
  it('resolves every exercise in card order with its own override', () => {
    const first = { ...row, position: 0 };
    const second = { ...squat, position: 1 };
    const resolved = resolveTemplate([second, first], { [second.id]: { sets: 2 } });
    expect(resolved.map((item) => [item.exerciseName, item.sets])).toEqual([
      ['Barbell Row', 3],
      ['Back Squat', 2],
    ]);
  });
});

describe('scaleSets and describeSetsAndReps', () => {
  it('rounds sets and never goes below one', () => {
    expect(scaleSets(5, 0.6)).toBe(3);
    expect(scaleSets(1, 0.1)).toBe(1);
    expect(scaleSets(4, 1.2)).toBe(5);
  });

  it('writes sets and reps the way a coach does', () => {
    expect(describeSetsAndReps({ sets: 5, repsMin: 5, repsMax: null })).toBe('5 × 5');
    expect(describeSetsAndReps({ sets: 3, repsMin: 8, repsMax: 12 })).toBe('3 × 8–12');
    expect(describeSetsAndReps({ sets: 3, repsMin: 8, repsMax: 8 })).toBe('3 × 8');
    expect(describeSetsAndReps({ sets: 1, repsMin: null, repsMax: null })).toBe('1 set');
    expect(describeSetsAndReps({ sets: 4, repsMin: null, repsMax: null })).toBe('4 sets');
  });
});

// ---- Properties ---------------------------------------------------------------------------

const halfSteps = (min: number, max: number) =>
  fc.integer({ min: min * 2, max: max * 2 }).map((value) => value / 2);

const week = fc.record({
  volumeFactor: fc.double({ min: 0.1, max: 3, noNaN: true }),
  intensityDeltaPercent: fc.double({ min: -50, max: 50, noNaN: true }),
  rpeDelta: halfSteps(-5, 5),
});

const effort = fc.oneof(
  fc.record({ rpe: halfSteps(1, 10), rir: fc.constant(null) }),
  fc.record({ rpe: fc.constant(null), rir: fc.integer({ min: 0, max: 10 }) }),
  fc.constant({ rpe: null, rir: null }),
);
const load = fc.oneof(
  fc.record({ percentOneRepMax: fc.double({ min: 1, max: 100, noNaN: true }), loadKg: fc.constant(null) }),
  fc.record({ percentOneRepMax: fc.constant(null), loadKg: fc.double({ min: 0, max: 1000, noNaN: true }) }),
  fc.constant({ percentOneRepMax: null, loadKg: null }),
);
const templateExercise = fc
  .tuple(fc.integer({ min: 1, max: 20 }), effort, load, fc.integer({ min: 1, max: 30 }))
  .map(([sets, effortFields, loadFields, reps]) =>
    exercise({ exerciseName: 'Lift', sets, repsMin: reps, ...effortFields, ...loadFields }),
  );
const override: fc.Arbitrary<PrescriptionOverride> = fc.record(
  {
    sets: fc.integer({ min: 1, max: 20 }),
    percentOneRepMax: fc.option(fc.double({ min: 1, max: 100, noNaN: true })),
    rpe: fc.option(halfSteps(1, 10)),
    rir: fc.option(fc.integer({ min: 0, max: 10 })),
  },
  { requiredKeys: [] },
);

describe('resolvePrescription properties', () => {
  it('keeps the template’s sets in a week with volume factor 1 and no override', () => {
    fc.assert(
      fc.property(templateExercise, week, (item, modifiers) => {
        expect(resolvePrescription(item, undefined, { ...modifiers, volumeFactor: 1 }).sets).toBe(item.sets);
      }),
    );
  });

  it('gives RPE in half steps within 1–10 and RIR in whole reps within 0–10 for any valid week', () => {
    fc.assert(
      fc.property(
        templateExercise,
        fc.option(override, { nil: undefined }),
        week,
        (item, dayOverride, modifiers) => {
          expect(weekModifiers.rpeDelta.safeParse(modifiers.rpeDelta).success).toBe(true);
          if (dayOverride) expect(prescriptionOverride.safeParse(dayOverride).success).toBe(true);
          const resolved = resolvePrescription(item, dayOverride, modifiers);
          if (resolved.rpe !== null) {
            expect(Number.isInteger(resolved.rpe * 2)).toBe(true);
            expect(resolved.rpe).toBeGreaterThanOrEqual(1);
            expect(resolved.rpe).toBeLessThanOrEqual(10);
          }
          if (resolved.rir !== null) {
            expect(Number.isInteger(resolved.rir)).toBe(true);
            expect(resolved.rir).toBeGreaterThanOrEqual(0);
            expect(resolved.rir).toBeLessThanOrEqual(10);
          }
        },
      ),
    );
  });

  it('keeps %1RM within 1–100, loads within 0–1000 kg and sets at least 1', () => {
    fc.assert(
      fc.property(
        templateExercise,
        fc.option(override, { nil: undefined }),
        week,
        (item, dayOverride, modifiers) => {
          const resolved = resolvePrescription(item, dayOverride, modifiers);
          expect(resolved.sets).toBeGreaterThanOrEqual(1);
          if (resolved.percentOneRepMax !== null) {
            expect(resolved.percentOneRepMax).toBeGreaterThanOrEqual(1);
            expect(resolved.percentOneRepMax).toBeLessThanOrEqual(100);
          }
          if (resolved.loadKg !== null) {
            expect(resolved.loadKg).toBeGreaterThanOrEqual(0);
            expect(resolved.loadKg).toBeLessThanOrEqual(1000);
          }
        },
      ),
    );
  });

  it('never makes a set heavier or harder when the week lowers intensity and effort', () => {
    fc.assert(
      fc.property(templateExercise, week, (item, modifiers) => {
        const lighter = {
          volumeFactor: Math.min(1, modifiers.volumeFactor),
          intensityDeltaPercent: -Math.abs(modifiers.intensityDeltaPercent),
          rpeDelta: -Math.abs(modifiers.rpeDelta),
        };
        const base = resolvePrescription(item, undefined);
        const resolved = resolvePrescription(item, undefined, lighter);
        expect(resolved.sets).toBeLessThanOrEqual(base.sets);
        if (base.loadKg !== null) expect(resolved.loadKg!).toBeLessThanOrEqual(base.loadKg + 0.25);
        if (base.percentOneRepMax !== null) {
          expect(resolved.percentOneRepMax!).toBeLessThanOrEqual(Math.max(1, base.percentOneRepMax + 0.25));
        }
        if (base.rpe !== null) expect(resolved.rpe!).toBeLessThanOrEqual(base.rpe);
        if (base.rir !== null) expect(resolved.rir!).toBeGreaterThanOrEqual(base.rir);
      }),
    );
  });

  it('leaves modifyLoad’s input untouched', () => {
    const values = { repsMin: 5, repsMax: null, percentOneRepMax: 80, loadKg: null, rpe: 8, rir: null };
    modifyLoad(values, { volumeFactor: 1, intensityDeltaPercent: 5, rpeDelta: 1 });
    expect(values).toEqual({
      repsMin: 5,
      repsMax: null,
      percentOneRepMax: 80,
      loadKg: null,
      rpe: 8,
      rir: null,
    });
  });
});
