import { describe, expect, it } from 'vitest';
import {
  dailyUndulating,
  dailyUndulatingParamsFor,
  defaultDailyUndulatingParams,
  defaultUndulatingPattern,
} from './periodization-undulating';
import { byId, exercise, program, template, textsByWeek } from './test-programs';

function fullBody() {
  const squat = exercise({ exerciseName: 'Squat', sets: 4, repsMin: 5, percentOneRepMax: 75, rpe: 8 });
  const row = exercise({ exerciseName: 'Barbell Row', sets: 3, repsMin: 10, loadKg: 60, rir: 2 });
  const chinUp = exercise({ exerciseName: 'Chin-up', sets: 3, repsMin: 8, rpe: 8 });
  const plank = exercise({ exerciseName: 'Plank', sets: 3 });
  const pushUp = exercise({ exerciseName: 'Push-up', sets: 3, repsMin: 15 });
  const session = template('Full body', [squat, row, chinUp, plank, pushUp]);
  return { squat, row, session, templates: byId([session]) };
}

const dayTexts = (preview: ReturnType<typeof dailyUndulating>['preview'], name: string, week = 0) =>
  [0, 1, 2].map((dayIndex) => textsByWeek(preview, name, { dayIndex })[week]);

describe('daily undulating periodization', () => {
  it('makes the three days of a week heavy, light and medium by default', () => {
    const { session, templates } = fullBody();
    const document = program({ weeks: 2, days: [session, session, session] });
    const { preview } = dailyUndulating(document, templates, defaultDailyUndulatingParams(3));
    expect(dayTexts(preview, 'Squat')).toEqual([
      '4 × 3–5 @ 82.5% · RPE 9',
      '4 × 10–12 @ 65% · RPE 7',
      '4 × 6–8 @ 75% · RPE 8',
    ]);
    // A fixed load scales by the same percentage: 60 kg + 7.5 % = 64.5 kg; RIR moves against RPE.
    expect(dayTexts(preview, 'Barbell Row')).toEqual([
      '3 × 3–5 @ 64.5 kg · RIR 1',
      '3 × 10–12 @ 54 kg · RIR 3',
      '3 × 6–8 @ 60 kg · RIR 2',
    ]);
    expect(dayTexts(preview, 'Chin-up')).toEqual(['3 × 3–5 · RPE 9', '3 × 10–12 · RPE 7', '3 × 6–8 · RPE 8']);
    expect(dayTexts(preview, 'Squat', 1)).toEqual(dayTexts(preview, 'Squat', 0));
  });

  it('writes per-day overrides for every week, and the week’s modifiers still apply on top', () => {
    const { session, templates, squat } = fullBody();
    const document = program({
      weeks: 2,
      days: [session, session, session],
      weekFields: {
        2: { deload: true, phase: 'deload', volumeFactor: 0.5, intensityDeltaPercent: -10, rpeDelta: -2 },
      },
    });
    const result = dailyUndulating(document, templates, defaultDailyUndulatingParams(3));
    expect(result.document.weeks[1]!.days[0]!.overrides[squat.id]).toEqual({
      repsMin: 3,
      repsMax: 5,
      percentOneRepMax: 82.5,
      rpe: 9,
    });
    expect(dayTexts(result.preview, 'Squat', 1)).toEqual([
      '2 × 3–5 @ 72.5% · RPE 7',
      '2 × 10–12 @ 55% · RPE 5',
      '2 × 6–8 @ 65% · RPE 6',
    ]);
  });

  it('leaves exercises without reps, or without a load or effort to change, alone', () => {
    const { session, templates } = fullBody();
    const { preview } = dailyUndulating(
      program({ weeks: 1, days: [session, session, session] }),
      templates,
      defaultDailyUndulatingParams(3),
    );
    expect(preview.notes).toEqual([
      'Plank: no reps to vary',
      'Push-up: no load or effort to make heavier or lighter',
    ]);
    expect(dayTexts(preview, 'Push-up')).toEqual(['3 × 15', '3 × 15', '3 × 15']);
  });

  it('follows a chosen pattern and levels', () => {
    const { session, templates } = fullBody();
    const params = defaultDailyUndulatingParams(3);
    params.pattern = ['light', 'light', 'heavy'];
    params.levels.heavy = { repsMin: 1, repsMax: 1, percentDelta: 15, rpeDelta: 1.5 };
    const { preview } = dailyUndulating(
      program({ weeks: 1, days: [session, session, session] }),
      templates,
      params,
    );
    expect(dayTexts(preview, 'Squat')).toEqual([
      '4 × 10–12 @ 65% · RPE 7',
      '4 × 10–12 @ 65% · RPE 7',
      '4 × 1 @ 90% · RPE 9.5',
    ]);
  });

  it('starts again from the template on a rerun', () => {
    const { session, templates } = fullBody();
    const document = program({ weeks: 2, days: [session, session, session] });
    const params = defaultDailyUndulatingParams(3);
    const once = dailyUndulating(document, templates, params).document;
    expect(dailyUndulating(once, templates, params).document).toEqual(once);
  });

  it('cycles heavy, light, medium over the training days of any week', () => {
    expect(defaultUndulatingPattern(1)).toEqual(['heavy']);
    expect(defaultUndulatingPattern(2)).toEqual(['heavy', 'light']);
    expect(defaultUndulatingPattern(4)).toEqual(['heavy', 'light', 'medium', 'heavy']);
    expect(defaultUndulatingPattern(6)).toEqual(['heavy', 'light', 'medium', 'heavy', 'light', 'medium']);
  });

  it('checks its parameters against the program’s days a week', () => {
    const schema = dailyUndulatingParamsFor(3);
    expect(schema.safeParse(defaultDailyUndulatingParams(3)).success).toBe(true);
    const messages = (params: unknown) =>
      schema.safeParse(params).error?.issues.map((issue) => issue.message);
    expect(messages({ ...defaultDailyUndulatingParams(3), pattern: ['heavy', 'light'] })).toEqual([
      'Give a level (heavy, medium or light) for each of the 3 training days',
    ]);
    const backwards = defaultDailyUndulatingParams(3);
    backwards.levels.light = { repsMin: 12, repsMax: 10, percentDelta: -10, rpeDelta: -1 };
    expect(messages(backwards)).toEqual(['Light reps run backwards: put the smaller number first']);
    const tooFar = defaultDailyUndulatingParams(3);
    tooFar.levels.heavy = { repsMin: 3, repsMax: 5, percentDelta: 40, rpeDelta: 0.3 };
    expect(messages(tooFar)).toEqual([
      'Heavy days change intensity by −30 to +30 %1RM points',
      'Heavy RPE change goes in half steps',
    ]);
  });
});
