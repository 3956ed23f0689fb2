import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { block, defaultBlockParams } from './periodization-phases';
import {
  averageIntensityByWeek,
  musclesByTotalSets,
  weeklySetsByMuscle,
  workingSetsByWeek,
} from './program-volume';
import { byId, exercise, program, template } from './test-programs';

function pushPull() {
  const bench = exercise({
    exerciseName: 'Bench Press',
    primaryMuscles: ['chest'],
    secondaryMuscles: ['triceps', 'shoulders'],
    sets: 4,
    repsMin: 5,
    percentOneRepMax: 80,
    rpe: 8,
  });
  const row = exercise({
    exerciseName: 'Barbell Row',
    primaryMuscles: ['middle back', 'lats'],
    secondaryMuscles: ['biceps'],
    sets: 3,
    repsMin: 8,
    loadKg: 70,
    rir: 2,
  });
  const curl = exercise({ exerciseName: 'Curl', primaryMuscles: ['biceps'], sets: 2, repsMin: 12 });
  const squat = exercise({
    exerciseName: 'Squat',
    primaryMuscles: ['quadriceps'],
    sets: 4,
    setDetails: [
      {
        setType: 'warmup',
        repsMin: 5,
        repsMax: null,
        percentOneRepMax: 50,
        loadKg: null,
        rpe: null,
        rir: null,
      },
      {
        setType: 'working',
        repsMin: 3,
        repsMax: null,
        percentOneRepMax: 90,
        loadKg: null,
        rpe: 9,
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
      { setType: 'drop', repsMin: 8, repsMax: null, percentOneRepMax: 65, loadKg: null, rpe: null, rir: 1 },
    ],
  });
  const upper = template('Upper', [bench, row, curl]);
  const lower = template('Lower', [squat]);
  return { bench, upper, lower, templates: byId([upper, lower]) };
}

describe('weeklySetsByMuscle', () => {
  it('counts a set once for each primary muscle and half for each secondary one', () => {
    const { upper, templates } = pushPull();
    const [week] = weeklySetsByMuscle(program({ weeks: 1, days: [upper] }), templates);
    expect(week).toMatchObject({ weekNumber: 1, phase: null, deload: false, workingSets: 9 });
    expect(week!.setsByMuscle).toEqual({
      chest: 4,
      triceps: 2,
      shoulders: 2,
      'middle back': 3,
      lats: 3,
      // 1.5 from the rows' 3 sets, 2 from the curls.
      biceps: 3.5,
    });
  });

  it('leaves warm-up rows out and counts drop sets as work', () => {
    const { lower, templates } = pushPull();
    const [week] = weeklySetsByMuscle(program({ weeks: 1, days: [lower] }), templates);
    expect(week).toMatchObject({ workingSets: 3, setsByMuscle: { quadriceps: 3 } });
  });

  it('follows the week’s volume factor and the day’s overrides, and skips rest days', () => {
    const { upper, bench, templates } = pushPull();
    const document = program({
      weeks: 2,
      days: [upper, null, upper],
      weekFields: { 2: { deload: true, phase: 'deload', volumeFactor: 0.5 } },
    });
    document.weeks[0]!.days[2]!.overrides[bench.id] = { sets: 6 };
    const weeks = weeklySetsByMuscle(document, templates);
    // Week 1: 9 + 11 sets; week 2 halves each exercise's sets: 2 + 2 + 1, twice.
    expect(weeks.map((week) => week.workingSets)).toEqual([20, 10]);
    expect(weeks.map((week) => week.setsByMuscle.chest)).toEqual([10, 4]);
    expect(weeks[1]).toMatchObject({ phase: 'deload', deload: true });
    expect(workingSetsByWeek(document, templates)).toEqual([20, 10]);
  });

  it('orders the muscles by planned sets over the whole program', () => {
    const { upper, lower, templates } = pushPull();
    const weeks = weeklySetsByMuscle(program({ weeks: 2, days: [upper, lower] }), templates);
    expect(musclesByTotalSets(weeks)).toEqual([
      'chest',
      'biceps',
      'lats',
      'middle back',
      'quadriceps',
      'shoulders',
      'triceps',
    ]);
  });
});

describe('averageIntensityByWeek', () => {
  it('averages %1RM and RPE over working sets, RIR counting as 10 − RIR', () => {
    const { upper, lower, templates } = pushPull();
    const [week] = averageIntensityByWeek(program({ weeks: 1, days: [upper, lower] }), templates);
    // %1RM: bench 4 × 80, squat rows 90, 75, 65 (the warm-up is left out) → 550 / 7.
    // RPE: bench 4 × 8, rows 3 × (10 − 2), squat 9 and the drop set 10 − 1 → 74 / 9.
    expect(week).toMatchObject({ weekNumber: 1, averagePercentOneRepMax: 78.6, averageRpe: 8.2 });
  });

  it('gives null when nothing in the week is prescribed that way', () => {
    const curl = exercise({
      exerciseName: 'Curl',
      primaryMuscles: ['biceps'],
      sets: 3,
      repsMin: 12,
      loadKg: 15,
    });
    const arms = template('Arms', [curl]);
    const weeks = averageIntensityByWeek(program({ weeks: 2, days: [arms, null] }), byId([arms]));
    expect(weeks.map((week) => [week.averagePercentOneRepMax, week.averageRpe])).toEqual([
      [null, null],
      [null, null],
    ]);
  });

  it('shows a block’s intensity rising while its volume falls', () => {
    const { upper, templates } = pushPull();
    const document = program({ weeks: 5, days: [upper] });
    const { document: blocked } = block(document, templates, defaultBlockParams(document));
    const intensity = averageIntensityByWeek(blocked, templates).map((week) => week.averagePercentOneRepMax);
    const volume = workingSetsByWeek(blocked, templates);
    expect(intensity).toEqual([75, 80, 82.5, 87.5, 90]);
    expect(volume[4]).toBeLessThan(volume[1]!);
  });
});

describe('program volume properties', () => {
  it('sums the primary-muscle sets of single-muscle exercises to the working sets', () => {
    const muscle = fc.constantFrom('chest' as const, 'lats' as const, 'quadriceps' as const);
    const lifts = fc.array(
      fc.record({ sets: fc.integer({ min: 1, max: 10 }), muscle, warmups: fc.nat({ max: 2 }) }),
      { minLength: 1, maxLength: 5 },
    );
    fc.assert(
      fc.property(lifts, fc.double({ min: 0.1, max: 3, noNaN: true }), (specs, volumeFactor) => {
        const session = template(
          'Session',
          specs.map((spec) =>
            exercise({
              exerciseName: 'Lift',
              primaryMuscles: [spec.muscle],
              sets: spec.sets,
              setDetails:
                spec.warmups === 0
                  ? null
                  : Array.from({ length: spec.sets }, (_, index) => ({
                      setType: index < spec.warmups ? ('warmup' as const) : ('working' as const),
                      repsMin: 5,
                      repsMax: null,
                      percentOneRepMax: null,
                      loadKg: null,
                      rpe: null,
                      rir: null,
                    })),
            }),
          ),
        );
        const document = program({ weeks: 1, days: [session], weekFields: { 1: { volumeFactor } } });
        const [week] = weeklySetsByMuscle(document, byId([session]));
        const total = Object.values(week!.setsByMuscle).reduce((sum, sets) => sum + sets, 0);
        expect(total).toBe(week!.workingSets);
      }),
    );
  });
});
