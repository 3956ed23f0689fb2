/**
 * Progressions that climb week by week from week 1: linear (a load added every week) and double
 * progression (reps climb through the range, then the load goes up and reps start over). Both
 * write per-day overrides; week n is computed from the template's values (week 1's base), so
 * running a generator again replaces what it wrote before instead of adding to it.
 *
 * Deload weeks go back to week 1's prescription (their week modifiers lighten it further) and do
 * not count as a step: the week after a deload continues where the week before it stopped
 * (progressionSteps).
 */
import { z } from 'zod';
import type { ParsedProgramDocument } from '../domain/program';
import { LIMITS } from '../domain/prescription';
import type { TemplateExercise } from '../domain/template';
import {
  buildPreview,
  progressionSteps,
  rewriteOverrides,
  roundHundredths,
  type GeneratorResult,
  type TemplatesById,
} from './periodization-core';

export const LINEAR_LIMITS = { kgPerWeek: 50, percentPerWeek: 10 } as const;

export const linearParams = z
  .object({
    /** 'kg': kilograms added to fixed loads; 'percent': % of a fixed load, or %1RM points. */
    mode: z.enum(['kg', 'percent'], { message: 'Choose kg or % a week' }),
    amount: z
      .number({ message: 'The weekly increase must be a number' })
      .gt(0, { message: 'The weekly increase must be more than 0' }),
    /** Library exercise ids (so one choice covers every template with that exercise); absent = all. */
    exerciseIds: z
      .array(z.string())
      .min(1, { message: 'Pick at least one exercise, or leave the choice empty to progress them all' })
      .optional(),
  })
  .strict()
  .superRefine((params, ctx) => {
    if (params.mode === 'kg' && params.amount > LINEAR_LIMITS.kgPerWeek) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `Add at most ${LINEAR_LIMITS.kgPerWeek} kg a week`,
      });
    }
    if (params.mode === 'percent' && params.amount > LINEAR_LIMITS.percentPerWeek) {
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: `Add at most ${LINEAR_LIMITS.percentPerWeek} % a week`,
      });
    }
  });
export type LinearParams = z.output<typeof linearParams>;
export const DEFAULT_LINEAR_PARAMS: LinearParams = { mode: 'kg', amount: 2.5 };

export const doubleProgressionParams = z
  .object({
    repStep: z
      .number({ message: 'Reps added a week must be a number' })
      .int({ message: 'Reps added a week must be a whole number' })
      .min(1, { message: 'Add 1 to 5 reps a week' })
      .max(5, { message: 'Add 1 to 5 reps a week' })
      .default(1),
    loadIncrementKg: z
      .number({ message: 'The load increase must be a number' })
      .gt(0, { message: 'The load increase must be more than 0 kg' })
      .max(20, { message: 'Add at most 20 kg at a time' })
      .default(2.5),
    loadIncrementPercent: z
      .number({ message: 'The %1RM increase must be a number' })
      .gt(0, { message: 'The %1RM increase must be more than 0' })
      .max(10, { message: 'Add at most 10 %1RM points at a time' })
      .default(2.5),
  })
  .strict();
export type DoubleProgressionParams = z.output<typeof doubleProgressionParams>;
export const DEFAULT_DOUBLE_PROGRESSION_PARAMS: DoubleProgressionParams = {
  repStep: 1,
  loadIncrementKg: 2.5,
  loadIncrementPercent: 2.5,
};

const LOAD_FIELDS = ['loadKg', 'percentOneRepMax'] as const;
const REP_AND_LOAD_FIELDS = ['repsMin', 'repsMax', 'loadKg', 'percentOneRepMax'] as const;

const SET_BY_SET =
  'its sets are prescribed one by one; change their loads in the template or with the week’s intensity';

/** Why a progression cannot raise this exercise's load, or null when it can. */
function noLoadReason(exercise: TemplateExercise): string | null {
  if (exercise.setDetails) return SET_BY_SET;
  if (exercise.loadKg !== null || exercise.percentOneRepMax !== null) return null;
  if (exercise.rpe !== null || exercise.rir !== null) {
    return 'prescribed by effort (RPE or RIR) only, no load to progress';
  }
  return 'no load to progress';
}

/** A load raised by `added`: exactly the template's value when nothing is added. */
const raised = (base: number, added: number) => (added === 0 ? base : roundHundredths(base + added));

/** Raised loads stop at the domain's limits; the preview says from which week. */
class Caps {
  private readonly noted = new Set<string>();
  constructor(private readonly notes: Set<string>) {}

  percent(exercise: TemplateExercise, value: number, weekNumber: number): number {
    if (value <= 100) return value;
    this.note(exercise, `capped at 100 %1RM from week ${weekNumber} on`);
    return 100;
  }

  load(exercise: TemplateExercise, value: number, weekNumber: number): number {
    if (value <= LIMITS.loadKg) return value;
    this.note(exercise, `capped at ${LIMITS.loadKg} kg from week ${weekNumber} on`);
    return LIMITS.loadKg;
  }

  private note(exercise: TemplateExercise, text: string) {
    if (this.noted.has(exercise.id)) return;
    this.noted.add(exercise.id);
    this.notes.add(`${exercise.exerciseName}: ${text}`);
  }
}

/**
 * Linear: the k-th training week adds (k − 1) × amount. In 'kg' mode fixed loads gain kilograms
 * and %1RM prescriptions are left alone (a kilogram is not a share of anyone's max). In 'percent'
 * mode fixed loads gain that share of week 1's load (the gain rounded to 0.5 kg, so every week is
 * loadable and never lighter than week 1) and %1RM prescriptions gain that many points, up to 100.
 */
export function linear(
  document: ParsedProgramDocument,
  templates: TemplatesById,
  params: LinearParams,
): GeneratorResult {
  const steps = progressionSteps(document.weeks);
  const chosen = params.exerciseIds ? new Set(params.exerciseIds) : null;
  const notes = new Set<string>();
  const caps = new Caps(notes);
  const result = rewriteOverrides(document, templates, ({ weekIndex, week, exercise }) => {
    if (chosen && !chosen.has(exercise.exerciseId)) return null;
    const reason =
      noLoadReason(exercise) ??
      (params.mode === 'kg' && exercise.percentOneRepMax !== null
        ? 'prescribed as %1RM; kilograms are added to fixed loads only (choose % a week for it)'
        : null);
    if (reason) {
      notes.add(`${exercise.exerciseName}: ${reason}`);
      return null;
    }
    const step = week.deload ? 0 : (steps[weekIndex] ?? 0);
    const weekNumber = weekIndex + 1;
    if (exercise.percentOneRepMax !== null) {
      const percent = raised(exercise.percentOneRepMax, step * params.amount);
      return {
        fields: LOAD_FIELDS,
        values: { percentOneRepMax: caps.percent(exercise, percent, weekNumber) },
      };
    }
    const base = exercise.loadKg ?? 0;
    const added =
      params.mode === 'kg'
        ? step * params.amount
        : Math.round((base * step * params.amount) / 100 / 0.5) * 0.5;
    const loadKg = raised(base, added);
    return { fields: LOAD_FIELDS, values: { loadKg: caps.load(exercise, loadKg, weekNumber) } };
  });
  return { document: result, preview: buildPreview('linear', document, result, templates, notes) };
}

/**
 * Where the k-th training week stands in a double progression over `repsMin`–`repsMax`: reps
 * climb by `repStep` (the last step stops at the top of the range), then the load goes up one
 * increment and reps go back to the bottom. 8–12 by 2: 8, 10, 12, then 8 with one increment.
 */
export function doubleProgressionStep(
  range: { repsMin: number; repsMax: number },
  repStep: number,
  step: number,
): { reps: number; increments: number } {
  const positions = Math.ceil((range.repsMax - range.repsMin) / repStep) + 1;
  const position = step % positions;
  return {
    reps: Math.min(range.repsMin + position * repStep, range.repsMax),
    increments: Math.floor(step / positions),
  };
}

/**
 * Double progression, for exercises with a rep range and a load: week 1 at the bottom of the
 * range, reps up each training week to the top, then the load up (kg for fixed loads, %1RM points
 * otherwise) and back to the bottom. Each week's target is one rep count (repsMin = repsMax).
 */
export function doubleProgression(
  document: ParsedProgramDocument,
  templates: TemplatesById,
  params: DoubleProgressionParams,
): GeneratorResult {
  const steps = progressionSteps(document.weeks);
  const notes = new Set<string>();
  const caps = new Caps(notes);
  const result = rewriteOverrides(document, templates, ({ weekIndex, week, exercise }) => {
    const { repsMin, repsMax } = exercise;
    const reason =
      repsMin === null || repsMax === null || repsMax <= repsMin
        ? 'no rep range to climb (give it one, like 8–12)'
        : noLoadReason(exercise);
    if (reason || repsMin === null || repsMax === null) {
      notes.add(`${exercise.exerciseName}: ${reason}`);
      return null;
    }
    const step = week.deload ? 0 : (steps[weekIndex] ?? 0);
    const { reps, increments } = doubleProgressionStep({ repsMin, repsMax }, params.repStep, step);
    const weekNumber = weekIndex + 1;
    const values =
      exercise.percentOneRepMax !== null
        ? {
            percentOneRepMax: caps.percent(
              exercise,
              raised(exercise.percentOneRepMax, increments * params.loadIncrementPercent),
              weekNumber,
            ),
          }
        : {
            loadKg: caps.load(
              exercise,
              raised(exercise.loadKg ?? 0, increments * params.loadIncrementKg),
              weekNumber,
            ),
          };
    return {
      fields: REP_AND_LOAD_FIELDS,
      values: { repsMin: reps, repsMax: reps, ...values },
    };
  });
  return {
    document: result,
    preview: buildPreview('doubleProgression', document, result, templates, notes),
  };
}
