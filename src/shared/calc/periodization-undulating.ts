/**
 * Daily undulating periodization: the same exercises at a different rep range and intensity on
 * each training day of the week (heavy, medium, light), so a week trains several qualities at once.
 * It writes per-day overrides for every exercise of every week; the week's own modifiers (a deload,
 * a block's ramp) still apply on top.
 */
import { z } from 'zod';
import type { ParsedProgramDocument } from '../domain/program';
import { LIMITS } from '../domain/prescription';
import {
  buildPreview,
  rewriteOverrides,
  type GeneratorResult,
  type OverrideField,
  type TemplatesById,
} from './periodization-core';
import { modifyLoad } from './prescription';

export const INTENSITY_LEVELS = ['heavy', 'medium', 'light'] as const;
export type IntensityLevel = (typeof INTENSITY_LEVELS)[number];
export const INTENSITY_LEVEL_LABELS: Record<IntensityLevel, string> = {
  heavy: 'Heavy',
  medium: 'Medium',
  light: 'Light',
};

const levelSettings = (label: string) =>
  z
    .object({
      repsMin: z
        .number({ message: `${label} reps must be a number` })
        .int({ message: `${label} reps must be whole numbers` })
        .min(1, { message: `${label} reps must be at least 1` })
        .max(LIMITS.reps, { message: `${label} reps must be at most ${LIMITS.reps}` }),
      repsMax: z
        .number({ message: `${label} reps must be a number` })
        .int({ message: `${label} reps must be whole numbers` })
        .min(1, { message: `${label} reps must be at least 1` })
        .max(LIMITS.reps, { message: `${label} reps must be at most ${LIMITS.reps}` }),
      percentDelta: z
        .number({ message: `${label} intensity change must be a number` })
        .min(-30, { message: `${label} days change intensity by −30 to +30 %1RM points` })
        .max(30, { message: `${label} days change intensity by −30 to +30 %1RM points` }),
      rpeDelta: z
        .number({ message: `${label} RPE change must be a number` })
        .min(-3, { message: `${label} days change RPE by −3 to +3` })
        .max(3, { message: `${label} days change RPE by −3 to +3` })
        .refine((value) => Number.isInteger(value * 2), {
          message: `${label} RPE change goes in half steps`,
        }),
    })
    .strict()
    .refine((level) => level.repsMin <= level.repsMax, {
      path: ['repsMax'],
      message: `${label} reps run backwards: put the smaller number first`,
    });
export type LevelSettings = z.output<ReturnType<typeof levelSettings>>;

/**
 * Heavy: 3–5 reps, +7.5 %1RM, +1 RPE; medium: 6–8 reps as written; light: 10–12 reps, −10 %1RM,
 * −1 RPE. Fixed loads scale by the same percentage (a close stand-in for %1RM points).
 */
export const DEFAULT_LEVELS: Record<IntensityLevel, LevelSettings> = {
  heavy: { repsMin: 3, repsMax: 5, percentDelta: 7.5, rpeDelta: 1 },
  medium: { repsMin: 6, repsMax: 8, percentDelta: 0, rpeDelta: 0 },
  light: { repsMin: 10, repsMax: 12, percentDelta: -10, rpeDelta: -1 },
};

/**
 * Heavy, light, medium, repeated over the week's training days: a heavy day is followed by a
 * light one to recover, and with two sessions of a body part a week (an upper/lower split on four
 * days) each gets a heavy and a lighter day.
 */
export function defaultUndulatingPattern(daysPerWeek: number): IntensityLevel[] {
  const cycle: IntensityLevel[] = ['heavy', 'light', 'medium'];
  return Array.from({ length: daysPerWeek }, (_, slot) => cycle[slot % cycle.length]!);
}

/** The parameters, checked against the program (one level per training day of its week). */
export function dailyUndulatingParamsFor(daysPerWeek: number) {
  return z
    .object({
      pattern: z
        .array(z.enum(INTENSITY_LEVELS, { message: 'Each day is heavy, medium or light' }))
        .length(daysPerWeek, {
          message: `Give a level (heavy, medium or light) for each of the ${daysPerWeek} training days`,
        }),
      levels: z
        .object({
          heavy: levelSettings('Heavy'),
          medium: levelSettings('Medium'),
          light: levelSettings('Light'),
        })
        .strict(),
    })
    .strict();
}
export interface DailyUndulatingParams {
  /** The level of each training-day slot (dayIndex 0 first). */
  pattern: IntensityLevel[];
  levels: Record<IntensityLevel, LevelSettings>;
}

export function defaultDailyUndulatingParams(daysPerWeek: number): DailyUndulatingParams {
  return {
    pattern: defaultUndulatingPattern(daysPerWeek),
    levels: {
      heavy: { ...DEFAULT_LEVELS.heavy },
      medium: { ...DEFAULT_LEVELS.medium },
      light: { ...DEFAULT_LEVELS.light },
    },
  };
}

const UNDULATING_FIELDS: readonly OverrideField[] = [
  'repsMin',
  'repsMax',
  'percentOneRepMax',
  'loadKg',
  'rpe',
  'rir',
];

export function dailyUndulating(
  document: ParsedProgramDocument,
  templates: TemplatesById,
  params: DailyUndulatingParams,
): GeneratorResult {
  const notes = new Set<string>();
  const result = rewriteOverrides(document, templates, ({ day, exercise }) => {
    const reason = exercise.setDetails
      ? 'its sets are prescribed one by one; vary them in the template'
      : exercise.repsMin === null
        ? 'no reps to vary'
        : exercise.loadKg === null &&
            exercise.percentOneRepMax === null &&
            exercise.rpe === null &&
            exercise.rir === null
          ? 'no load or effort to make heavier or lighter'
          : null;
    if (reason) {
      notes.add(`${exercise.exerciseName}: ${reason}`);
      return null;
    }
    const level = params.levels[params.pattern[day.dayIndex % params.pattern.length] ?? 'medium'];
    // The same arithmetic as a week's modifiers, so a heavy day reads like a +7.5 % week would.
    const modified = modifyLoad(exercise, {
      volumeFactor: 1,
      intensityDeltaPercent: level.percentDelta,
      rpeDelta: level.rpeDelta,
    });
    return {
      fields: UNDULATING_FIELDS,
      values: {
        repsMin: level.repsMin,
        repsMax: level.repsMax,
        percentOneRepMax: modified.percentOneRepMax,
        loadKg: modified.loadKg,
        rpe: modified.rpe,
        rir: modified.rir,
      },
    };
  });
  return {
    document: result,
    preview: buildPreview('dailyUndulating', document, result, templates, notes),
  };
}
