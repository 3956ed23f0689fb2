import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DELOAD_PARAMS,
  block,
  blockParamsFor,
  blockWeekModifiers,
  defaultBlockParams,
  defaultBlockSplit,
  deload,
  deloadParams,
} from './periodization-phases';
import { byId, exercise, program, template, textsByWeek } from './test-programs';

const DELOAD = {
  deload: true,
  phase: 'deload' as const,
  volumeFactor: 0.6,
  intensityDeltaPercent: -10,
  rpeDelta: -2,
};

function squatDay() {
  const squat = exercise({ exerciseName: 'Squat', sets: 5, repsMin: 5, percentOneRepMax: 75, rpe: 7 });
  const lower = template('Lower', [squat]);
  return { squat, lower, templates: byId([lower]) };
}

const weekRows = (document: ReturnType<typeof program>) =>
  document.weeks.map((week) => [week.phase, week.volumeFactor, week.intensityDeltaPercent, week.rpeDelta]);

describe('block periodization', () => {
  it('lays accumulation, intensification and realization over the training weeks, skipping deloads', () => {
    const { lower, templates } = squatDay();
    const document = program({ weeks: 10, days: [lower], weekFields: { 5: DELOAD, 10: DELOAD } });
    const params = defaultBlockParams(document);
    expect(params).toEqual({ accumulation: 3, intensification: 3, realization: 2 });
    const result = block(document, templates, params);
    expect(weekRows(result.document)).toEqual([
      ['accumulation', 1, -5, 0],
      ['accumulation', 1.1, -2.5, 0],
      ['accumulation', 1.2, 0, 0],
      ['intensification', 0.85, 2.5, 0.5],
      ['deload', 0.6, -10, -2],
      ['intensification', 0.85, 5, 0.5],
      ['intensification', 0.85, 7.5, 0.5],
      ['realization', 0.6, 10, 1],
      ['realization', 0.6, 10, 1],
      ['deload', 0.6, -10, -2],
    ]);
    expect(result.preview.notes).toEqual([
      'Deload weeks 5 and 10 keep their settings and do not count toward the blocks',
    ]);
  });

  it('shows the volume wave in the preview: more sets while accumulating, fewer and heavier at the peak', () => {
    const { lower, templates } = squatDay();
    const document = program({ weeks: 5, days: [lower] });
    const { preview } = block(document, templates, { accumulation: 2, intensification: 2, realization: 1 });
    expect(textsByWeek(preview, 'Squat')).toEqual([
      '5 × 5 @ 70% · RPE 7',
      '6 × 5 @ 75% · RPE 7',
      '4 × 5 @ 77.5% · RPE 7.5',
      '4 × 5 @ 82.5% · RPE 7.5',
      '3 × 5 @ 85% · RPE 8',
    ]);
    expect(preview.weeks.map((week) => week.after.phaseLabel)).toEqual([
      'Accumulation',
      'Accumulation',
      'Intensification',
      'Intensification',
      'Realization',
    ]);
    expect(preview.changedWeeks).toBe(5);
    expect(preview.weeks[0]!.before).toMatchObject({ phase: null, phaseLabel: null, volumeFactor: 1 });
  });

  it('leaves per-day overrides as they are', () => {
    const { lower, templates, squat } = squatDay();
    const document = program({ weeks: 3, days: [lower] });
    document.weeks[2]!.days[0]!.overrides[squat.id] = { sets: 2 };
    const result = block(document, templates, { accumulation: 1, intensification: 1, realization: 1 });
    expect(result.document.weeks.map((week) => week.days)).toEqual(document.weeks.map((week) => week.days));
  });

  it('takes the middle of the ramp for a one-week block', () => {
    expect(blockWeekModifiers('accumulation', 0, 1)).toEqual({
      volumeFactor: 1.1,
      intensityDeltaPercent: -2.5,
      rpeDelta: 0,
    });
    expect(blockWeekModifiers('intensification', 0, 1).intensityDeltaPercent).toBe(5);
    expect(blockWeekModifiers('accumulation', 1, 4)).toMatchObject({
      volumeFactor: 1.07,
      intensityDeltaPercent: -3.5,
    });
  });

  it('splits the training weeks about 40 / 40 / 20 with at least a week each from three weeks on', () => {
    const split = (weeks: number) => Object.values(defaultBlockSplit(weeks));
    expect(split(0)).toEqual([0, 0, 0]);
    expect(split(1)).toEqual([1, 0, 0]);
    expect(split(2)).toEqual([1, 0, 1]);
    expect(split(3)).toEqual([1, 1, 1]);
    expect(split(4)).toEqual([2, 1, 1]);
    expect(split(5)).toEqual([2, 2, 1]);
    expect(split(8)).toEqual([3, 3, 2]);
    expect(split(10)).toEqual([4, 4, 2]);
    expect(split(12)).toEqual([5, 5, 2]);
    for (let weeks = 1; weeks <= 52; weeks += 1) {
      const [accumulation, intensification, realization] = split(weeks);
      expect(accumulation! + intensification! + realization!).toBe(weeks);
      if (weeks >= 3)
        expect(Math.min(accumulation!, intensification!, realization!)).toBeGreaterThanOrEqual(1);
    }
  });

  it('asks for blocks that cover the training weeks exactly', () => {
    const { lower } = squatDay();
    const document = program({ weeks: 10, days: [lower], weekFields: { 5: DELOAD, 10: DELOAD } });
    const schema = blockParamsFor(document);
    expect(schema.safeParse({ accumulation: 3, intensification: 3, realization: 2 }).success).toBe(true);
    expect(
      schema.safeParse({ accumulation: 3, intensification: 3, realization: 1 }).error?.issues[0],
    ).toMatchObject({
      path: ['realization'],
      message:
        'The blocks add up to 7 weeks but the program has 8 training weeks (besides 2 deload weeks): make them add up to 8',
    });
    expect(
      schema.safeParse({ accumulation: -1, intensification: 3, realization: 1 }).error?.issues[0]?.message,
    ).toBe('Accumulation weeks cannot be negative');
    const allDeloads = program({ weeks: 1, days: [lower], weekFields: { 1: DELOAD } });
    expect(
      blockParamsFor(allDeloads).safeParse({ accumulation: 0, intensification: 0, realization: 0 }).error
        ?.issues[0]?.message,
    ).toBe('Every week is a deload week: make some weeks training weeks first');
  });
});

describe('deload weeks', () => {
  it('makes every Nth week a deload with the deload’s modifiers', () => {
    const { lower, templates } = squatDay();
    const document = program({ weeks: 9, days: [lower] });
    const result = deload(document, templates, DEFAULT_DELOAD_PARAMS);
    expect(result.document.weeks.map((week) => week.deload)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
      false,
    ]);
    expect(result.document.weeks[3]).toMatchObject({
      phase: 'deload',
      volumeFactor: 0.6,
      intensityDeltaPercent: -10,
      rpeDelta: -2,
    });
    expect(textsByWeek(result.preview, 'Squat').slice(2, 5)).toEqual([
      '5 × 5 @ 75% · RPE 7',
      '3 × 5 @ 65% · RPE 5',
      '5 × 5 @ 75% · RPE 7',
    ]);
    expect(result.preview.notes).toEqual([]);
  });

  it('keeps other deload weeks unless asked to clear them, and then makes them neutral', () => {
    const { lower, templates } = squatDay();
    const document = program({ weeks: 8, days: [lower], weekFields: { 3: DELOAD, 6: DELOAD } });
    const kept = deload(document, templates, DEFAULT_DELOAD_PARAMS);
    expect(kept.document.weeks.map((week) => week.deload)).toEqual([
      false,
      false,
      true,
      true,
      false,
      true,
      false,
      true,
    ]);
    expect(kept.preview.notes).toEqual([
      'Weeks 3 and 6 stay deload weeks (choose “Clear other deload weeks” to train in them)',
    ]);
    const cleared = deload(document, templates, { ...DEFAULT_DELOAD_PARAMS, clearOthers: true });
    expect(cleared.document.weeks.map((week) => week.deload)).toEqual([
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      true,
    ]);
    expect(cleared.document.weeks[2]).toMatchObject({
      phase: null,
      volumeFactor: 1,
      intensityDeltaPercent: 0,
      rpeDelta: 0,
    });
  });

  it('says when the program is too short for a deload, or a new deload keeps per-day changes', () => {
    const { lower, templates, squat } = squatDay();
    const short = program({ weeks: 3, days: [lower] });
    expect(deload(short, templates, DEFAULT_DELOAD_PARAMS).preview.notes).toEqual([
      'The program has 3 weeks, fewer than 4: no week becomes a deload',
    ]);
    const progressed = program({ weeks: 4, days: [lower] });
    progressed.weeks[3]!.days[0]!.overrides[squat.id] = { percentOneRepMax: 82.5 };
    expect(deload(progressed, templates, DEFAULT_DELOAD_PARAMS).preview.notes).toEqual([
      'Week 4 keeps its per-day changes; run the progression again so its steps skip the new deload weeks',
    ]);
  });

  it('fills in its defaults and checks its parameters', () => {
    expect(deloadParams.parse({})).toEqual(DEFAULT_DELOAD_PARAMS);
    const message = (params: unknown) => deloadParams.safeParse(params).error?.issues[0]?.message;
    expect(message({ everyNth: 1 })).toBe('Every Nth week must be between 2 and 12');
    expect(message({ everyNth: 13 })).toBe('Every Nth week must be between 2 and 12');
    expect(message({ volumeFactor: 1.2 })).toBe('A deload’s volume factor must be between 0.1 and 1');
    expect(message({ intensityDeltaPercent: 5 })).toBe(
      'A deload lowers intensity by 0 to 50 %1RM points (give 0 to −50)',
    );
    expect(message({ rpeDelta: -1.25 })).toBe('RPE change goes in half steps');
  });
});
