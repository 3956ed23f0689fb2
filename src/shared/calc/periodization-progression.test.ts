import { describe, expect, it } from 'vitest';
import { programDocument } from '../domain/program';
import {
  DEFAULT_DOUBLE_PROGRESSION_PARAMS,
  doubleProgression,
  doubleProgressionParams,
  doubleProgressionStep,
  linear,
  linearParams,
} from './periodization-progression';
import { byId, exercise, program, template, textsByWeek, weekByWeek } from './test-programs';

const DELOAD_WEEK = { deload: true, phase: 'deload' as const, volumeFactor: 0.6, intensityDeltaPercent: -10 };

function lowerBody() {
  const squat = exercise({ exerciseName: 'Back Squat', sets: 5, repsMin: 5, loadKg: 100 });
  const frontSquat = exercise({ exerciseName: 'Front Squat', sets: 3, repsMin: 5, percentOneRepMax: 70 });
  const plank = exercise({ exerciseName: 'Plank', sets: 3 });
  const pullUp = exercise({ exerciseName: 'Pull-up', sets: 3, repsMin: 8, rpe: 8 });
  const lower = template('Lower A', [squat, frontSquat, plank, pullUp]);
  // Five weeks, one workout a week, week 4 a deload.
  const document = program({ weeks: 5, days: [lower], weekFields: { 4: DELOAD_WEEK } });
  return { squat, frontSquat, plank, pullUp, document, templates: byId([lower]) };
}

describe('linear progression', () => {
  it('adds the kilograms every training week and keeps week 1’s load on the deload week', () => {
    const { document, templates } = lowerBody();
    const { preview } = linear(document, templates, { mode: 'kg', amount: 2.5 });
    expect(textsByWeek(preview, 'Back Squat')).toEqual([
      '5 × 5 @ 100 kg',
      '5 × 5 @ 102.5 kg',
      '5 × 5 @ 105 kg',
      // The deload: week 1's 100 kg, lightened by the week's −10 % and 0.6 × sets.
      '3 × 5 @ 90 kg',
      // The week after the deload takes the next step instead of skipping one.
      '5 × 5 @ 107.5 kg',
    ]);
  });

  it('writes the loads as per-day overrides and nothing for week 1, which is the template', () => {
    const { document, templates, squat } = lowerBody();
    const result = linear(document, templates, { mode: 'kg', amount: 2.5 });
    const squatOverrides = result.document.weeks.map((week) => week.days[0]!.overrides[squat.id]);
    expect(squatOverrides).toEqual([
      undefined,
      { loadKg: 102.5 },
      { loadKg: 105 },
      undefined,
      { loadKg: 107.5 },
    ]);
    expect(result.document.weeks.map((week) => week.volumeFactor)).toEqual(
      document.weeks.map((w) => w.volumeFactor),
    );
  });

  it('says which exercises it leaves alone in kg mode, and why', () => {
    const { document, templates } = lowerBody();
    const { preview } = linear(document, templates, { mode: 'kg', amount: 2.5 });
    expect(preview.notes).toEqual([
      'Front Squat: prescribed as %1RM; kilograms are added to fixed loads only (choose % a week for it)',
      'Plank: no load to progress',
      'Pull-up: prescribed by effort (RPE or RIR) only, no load to progress',
    ]);
    expect(textsByWeek(preview, 'Front Squat')[2]).toBe('3 × 5 @ 70%');
  });

  it('in percent mode raises fixed loads by that share of week 1 and %1RM by points', () => {
    const { document, templates } = lowerBody();
    const { preview } = linear(document, templates, { mode: 'percent', amount: 2 });
    expect(weekByWeek(preview, 'Back Squat').map((item) => item.loadKg)).toEqual([100, 102, 104, 90, 106]);
    expect(weekByWeek(preview, 'Front Squat').map((item) => item.percentOneRepMax)).toEqual([
      70, 72, 74, 60, 76,
    ]);
    expect(preview.notes).toEqual([
      'Plank: no load to progress',
      'Pull-up: prescribed by effort (RPE or RIR) only, no load to progress',
    ]);
  });

  it('rounds a percentage of a light load to the half kilogram, never below week 1', () => {
    const curl = exercise({ exerciseName: 'Dumbbell Curl', sets: 3, repsMin: 10, loadKg: 12 });
    const arms = template('Arms', [curl]);
    const { preview } = linear(program({ weeks: 4, days: [arms] }), byId([arms]), {
      mode: 'percent',
      amount: 2.5,
    });
    // 12 kg × 2.5 % = 0.3 kg a week: gains of 0.3, 0.6, 0.9 kg round to 0.5, 0.5, 1 kg.
    expect(weekByWeek(preview, 'Dumbbell Curl').map((item) => item.loadKg)).toEqual([12, 12.5, 12.5, 13]);
  });

  it('progresses only the chosen exercises (by library exercise), wherever they appear', () => {
    const { document, templates, frontSquat } = lowerBody();
    const result = linear(document, templates, {
      mode: 'percent',
      amount: 2.5,
      exerciseIds: [frontSquat.exerciseId],
    });
    expect(textsByWeek(result.preview, 'Front Squat')).toEqual([
      '3 × 5 @ 70%',
      '3 × 5 @ 72.5%',
      '3 × 5 @ 75%',
      '2 × 5 @ 60%',
      '3 × 5 @ 77.5%',
    ]);
    expect(textsByWeek(result.preview, 'Back Squat')[2]).toBe('5 × 5 @ 100 kg');
    expect(result.preview.notes).toEqual([]);
  });

  it('starts again from week 1 on a rerun instead of adding to what it wrote before', () => {
    const { document, templates } = lowerBody();
    const once = linear(document, templates, { mode: 'kg', amount: 5 }).document;
    const rerun = linear(once, templates, { mode: 'kg', amount: 2.5 }).document;
    expect(rerun).toEqual(linear(document, templates, { mode: 'kg', amount: 2.5 }).document);
  });

  it('replaces earlier load overrides but keeps the day’s other changes', () => {
    const { document, templates, squat } = lowerBody();
    document.weeks[1]!.days[0]!.overrides[squat.id] = { sets: 3, loadKg: 90, rpe: 8 };
    const result = linear(document, templates, { mode: 'kg', amount: 2.5 });
    expect(result.document.weeks[1]!.days[0]!.overrides[squat.id]).toEqual({
      sets: 3,
      rpe: 8,
      loadKg: 102.5,
    });
  });

  it('caps %1RM at 100 and says from which week', () => {
    const single = exercise({ exerciseName: 'Competition Squat', sets: 1, repsMin: 1, percentOneRepMax: 92 });
    const peak = template('Peak', [single]);
    const { preview, document } = linear(program({ weeks: 4, days: [peak] }), byId([peak]), {
      mode: 'percent',
      amount: 5,
    });
    expect(weekByWeek(preview, 'Competition Squat').map((item) => item.percentOneRepMax)).toEqual([
      92, 97, 100, 100,
    ]);
    expect(preview.notes).toEqual(['Competition Squat: capped at 100 %1RM from week 3 on']);
    expect(programDocument.safeParse(document).success).toBe(true);
  });

  it('leaves exercises prescribed set by set alone', () => {
    const deadlift = exercise({
      exerciseName: 'Deadlift',
      sets: 2,
      setDetails: [
        {
          setType: 'working',
          repsMin: 3,
          repsMax: null,
          percentOneRepMax: 85,
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
    const pull = template('Pull', [deadlift]);
    const result = linear(program({ weeks: 3, days: [pull] }), byId([pull]), {
      mode: 'percent',
      amount: 2.5,
    });
    expect(result.preview.changedPrescriptions).toBe(0);
    expect(result.preview.notes).toEqual([
      'Deadlift: its sets are prescribed one by one; change their loads in the template or with the week’s intensity',
    ]);
  });

  it('checks its parameters with messages a coach can act on', () => {
    const message = (params: unknown) => linearParams.safeParse(params).error?.issues[0]?.message;
    expect(message({ mode: 'kg', amount: 60 })).toBe('Add at most 50 kg a week');
    expect(message({ mode: 'percent', amount: 15 })).toBe('Add at most 10 % a week');
    expect(message({ mode: 'kg', amount: 0 })).toBe('The weekly increase must be more than 0');
    expect(message({ mode: 'lb', amount: 5 })).toBe('Choose kg or % a week');
    expect(message({ mode: 'kg', amount: 5, exerciseIds: [] })).toBe(
      'Pick at least one exercise, or leave the choice empty to progress them all',
    );
    expect(linearParams.parse({ mode: 'kg', amount: 2.5 })).toEqual({ mode: 'kg', amount: 2.5 });
  });
});

describe('double progression', () => {
  function upperBody() {
    const bench = exercise({ exerciseName: 'Bench Press', sets: 3, repsMin: 8, repsMax: 12, loadKg: 60 });
    const squat = exercise({ exerciseName: 'Squat', sets: 4, repsMin: 6, repsMax: 8, percentOneRepMax: 70 });
    const press = exercise({ exerciseName: 'Overhead Press', sets: 5, repsMin: 5, loadKg: 40 });
    const pushUp = exercise({ exerciseName: 'Push-up', sets: 3, repsMin: 10, repsMax: 20 });
    const upper = template('Upper', [bench, squat, press, pushUp]);
    return { bench, upper, templates: byId([upper]) };
  }

  it('climbs the rep range week by week, then raises the load and starts at the bottom again', () => {
    const { upper, templates } = upperBody();
    const document = program({ weeks: 7, days: [upper] });
    const { preview } = doubleProgression(document, templates, {
      ...DEFAULT_DOUBLE_PROGRESSION_PARAMS,
      repStep: 2,
    });
    expect(textsByWeek(preview, 'Bench Press')).toEqual([
      '3 × 8 @ 60 kg',
      '3 × 10 @ 60 kg',
      '3 × 12 @ 60 kg',
      '3 × 8 @ 62.5 kg',
      '3 × 10 @ 62.5 kg',
      '3 × 12 @ 62.5 kg',
      '3 × 8 @ 65 kg',
    ]);
  });

  it('raises %1RM prescriptions by points', () => {
    const { upper, templates } = upperBody();
    const { preview } = doubleProgression(
      program({ weeks: 5, days: [upper] }),
      templates,
      DEFAULT_DOUBLE_PROGRESSION_PARAMS,
    );
    expect(textsByWeek(preview, 'Squat')).toEqual([
      '4 × 6 @ 70%',
      '4 × 7 @ 70%',
      '4 × 8 @ 70%',
      '4 × 6 @ 72.5%',
      '4 × 7 @ 72.5%',
    ]);
  });

  it('puts a deload week back at week 1 and continues after it where it stopped', () => {
    const { upper, templates } = upperBody();
    const document = program({
      weeks: 5,
      days: [upper],
      weekFields: { 3: { deload: true, phase: 'deload' } },
    });
    const { preview } = doubleProgression(document, templates, {
      ...DEFAULT_DOUBLE_PROGRESSION_PARAMS,
      repStep: 2,
    });
    expect(textsByWeek(preview, 'Bench Press')).toEqual([
      '3 × 8 @ 60 kg',
      '3 × 10 @ 60 kg',
      '3 × 8 @ 60 kg',
      '3 × 12 @ 60 kg',
      '3 × 8 @ 62.5 kg',
    ]);
  });

  it('writes one rep target a week, leaving out what the template already says', () => {
    const { upper, templates, bench } = upperBody();
    const result = doubleProgression(
      program({ weeks: 2, days: [upper] }),
      templates,
      DEFAULT_DOUBLE_PROGRESSION_PARAMS,
    );
    expect(result.document.weeks.map((week) => week.days[0]!.overrides[bench.id])).toEqual([
      { repsMax: 8 },
      { repsMin: 9, repsMax: 9 },
    ]);
  });

  it('leaves exercises without a rep range or a load alone, with a note', () => {
    const { upper, templates } = upperBody();
    const { preview } = doubleProgression(
      program({ weeks: 3, days: [upper] }),
      templates,
      DEFAULT_DOUBLE_PROGRESSION_PARAMS,
    );
    expect(preview.notes).toEqual([
      'Overhead Press: no rep range to climb (give it one, like 8–12)',
      'Push-up: no load to progress',
    ]);
    expect(textsByWeek(preview, 'Push-up')).toEqual(['3 × 10–20', '3 × 10–20', '3 × 10–20']);
  });

  it('stops the last rep step at the top of the range', () => {
    const range = { repsMin: 8, repsMax: 12 };
    const steps = [0, 1, 2, 3, 4, 5].map((step) => doubleProgressionStep(range, 3, step));
    expect(steps).toEqual([
      { reps: 8, increments: 0 },
      { reps: 11, increments: 0 },
      { reps: 12, increments: 0 },
      { reps: 8, increments: 1 },
      { reps: 11, increments: 1 },
      { reps: 12, increments: 1 },
    ]);
  });

  it('fills in its defaults and checks its parameters', () => {
    expect(doubleProgressionParams.parse({})).toEqual(DEFAULT_DOUBLE_PROGRESSION_PARAMS);
    const message = (params: unknown) => doubleProgressionParams.safeParse(params).error?.issues[0]?.message;
    expect(message({ repStep: 0 })).toBe('Add 1 to 5 reps a week');
    expect(message({ repStep: 1.5 })).toBe('Reps added a week must be a whole number');
    expect(message({ loadIncrementKg: 25 })).toBe('Add at most 20 kg at a time');
    expect(message({ loadIncrementPercent: 0 })).toBe('The %1RM increase must be more than 0');
  });
});
