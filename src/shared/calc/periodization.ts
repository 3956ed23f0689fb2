/**
 * Periodization tools for the program builder. Each generator is a pure function
 * (document, templates by id, params) → { document, preview }: a new program document (the input
 * is never changed, so the builder can undo by keeping it) and a before/after preview of every
 * week and exercise to show before the coach applies it. Generators write week fields and per-day
 * overrides; they never change templates. They fill weeks from week 1: week n is computed from the
 * template's values, ignoring earlier overrides of the fields the generator writes.
 *
 * `GENERATORS` describes them for the builder's forms; `runGenerator` checks raw form values and
 * runs one. The maths lives in periodization-progression.ts (linear, double progression),
 * periodization-undulating.ts (daily undulating) and periodization-phases.ts (block, deload).
 */
import type { z } from 'zod';
import type { ParsedProgramDocument } from '../domain/program';
import {
  orderedExercises,
  type GeneratorId,
  type GeneratorResult,
  type TemplatesById,
} from './periodization-core';
import {
  DEFAULT_DELOAD_PARAMS,
  block,
  blockParamsFor,
  defaultBlockParams,
  deload,
  deloadParams,
  type BlockParams,
  type DeloadParams,
} from './periodization-phases';
import {
  DEFAULT_DOUBLE_PROGRESSION_PARAMS,
  DEFAULT_LINEAR_PARAMS,
  doubleProgression,
  doubleProgressionParams,
  linear,
  linearParams,
  type DoubleProgressionParams,
  type LinearParams,
} from './periodization-progression';
import {
  dailyUndulating,
  dailyUndulatingParamsFor,
  defaultDailyUndulatingParams,
  type DailyUndulatingParams,
} from './periodization-undulating';

export * from './periodization-core';
export * from './periodization-phases';
export * from './periodization-progression';
export * from './periodization-undulating';

export interface GeneratorParams {
  linear: LinearParams;
  doubleProgression: DoubleProgressionParams;
  dailyUndulating: DailyUndulatingParams;
  block: BlockParams;
  deload: DeloadParams;
}

export interface GeneratorDescriptor<Id extends GeneratorId = GeneratorId> {
  id: Id;
  label: string;
  /** One line for the generator menu. */
  description: string;
  /** The form's starting values; some depend on the program (days a week, training weeks). */
  defaultParams(document: ParsedProgramDocument): GeneratorParams[Id];
  /** Checks the form's values, with messages to show next to the fields. */
  paramsSchema(document: ParsedProgramDocument): z.ZodType<GeneratorParams[Id]>;
  generate(
    document: ParsedProgramDocument,
    templates: TemplatesById,
    params: GeneratorParams[Id],
  ): GeneratorResult;
}

export type AnyGeneratorDescriptor = { [Id in GeneratorId]: GeneratorDescriptor<Id> }[GeneratorId];

const linearGenerator: GeneratorDescriptor<'linear'> = {
  id: 'linear',
  label: 'Linear progression',
  description: 'Add the same load every week: kilograms, or a percentage of week 1',
  defaultParams: () => ({ ...DEFAULT_LINEAR_PARAMS }),
  paramsSchema: () => linearParams,
  generate: linear,
};

const doubleProgressionGenerator: GeneratorDescriptor<'doubleProgression'> = {
  id: 'doubleProgression',
  label: 'Double progression',
  description: 'Climb to the top of each rep range, then raise the load and start again at the bottom',
  defaultParams: () => ({ ...DEFAULT_DOUBLE_PROGRESSION_PARAMS }),
  paramsSchema: () => doubleProgressionParams,
  generate: doubleProgression,
};

const dailyUndulatingGenerator: GeneratorDescriptor<'dailyUndulating'> = {
  id: 'dailyUndulating',
  label: 'Daily undulating',
  description: 'Heavy, medium and light days in each week: different reps and intensity per day',
  defaultParams: (document) => defaultDailyUndulatingParams(document.daysPerWeek),
  paramsSchema: (document) => dailyUndulatingParamsFor(document.daysPerWeek),
  generate: dailyUndulating,
};

const blockGenerator: GeneratorDescriptor<'block'> = {
  id: 'block',
  label: 'Block periodization',
  description: 'Accumulate volume, then intensify, then peak: phase labels and week modifiers',
  defaultParams: defaultBlockParams,
  paramsSchema: blockParamsFor,
  generate: block,
};

const deloadGenerator: GeneratorDescriptor<'deload'> = {
  id: 'deload',
  label: 'Deload weeks',
  description: 'Make every Nth week a lighter week with fewer sets',
  defaultParams: () => ({ ...DEFAULT_DELOAD_PARAMS }),
  paramsSchema: () => deloadParams,
  generate: deload,
};

/** The generators in the order the builder lists them. */
export const GENERATORS: readonly AnyGeneratorDescriptor[] = [
  linearGenerator,
  doubleProgressionGenerator,
  dailyUndulatingGenerator,
  blockGenerator,
  deloadGenerator,
];

export function generatorById<Id extends GeneratorId>(id: Id): GeneratorDescriptor<Id> {
  const descriptor = GENERATORS.find((item) => item.id === id);
  if (!descriptor) throw new Error(`Unknown generator ${id}`);
  return descriptor as unknown as GeneratorDescriptor<Id>;
}

/** A problem with one form field, shaped like the app's field issues. */
export interface ParamIssue {
  path: (string | number)[];
  message: string;
}

export type GeneratorRun = { ok: true; result: GeneratorResult } | { ok: false; issues: ParamIssue[] };

/** Checks raw form values (defaults filled in) and runs the generator, or says what to fix. */
export function runGenerator(
  id: GeneratorId,
  document: ParsedProgramDocument,
  templates: TemplatesById,
  params: unknown,
): GeneratorRun {
  const descriptor = generatorById(id) as GeneratorDescriptor;
  const parsed = descriptor.paramsSchema(document).safeParse(params);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({
        path: issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part)),
        message: issue.message,
      })),
    };
  }
  return { ok: true, result: descriptor.generate(document, templates, parsed.data) };
}

/** An exercise of the program, for the linear generator's exercise picker. */
export interface ProgramExerciseChoice {
  /** The library exercise's id (what `LinearParams.exerciseIds` takes). */
  exerciseId: string;
  exerciseName: string;
  /** 'kg' for a fixed load, 'percent' for %1RM, null when it has no load to progress. */
  loadKind: 'kg' | 'percent' | null;
}

/** Every exercise on a workout day of the program, once, in the order they first appear. */
export function programExercises(
  document: ParsedProgramDocument,
  templates: TemplatesById,
): ProgramExerciseChoice[] {
  const choices = new Map<string, ProgramExerciseChoice>();
  for (const week of document.weeks) {
    for (const day of [...week.days].sort((a, b) => a.dayIndex - b.dayIndex)) {
      const dayTemplate = day.templateId === null ? undefined : templates[day.templateId];
      if (!dayTemplate) continue;
      for (const exercise of orderedExercises(dayTemplate)) {
        if (choices.has(exercise.exerciseId)) continue;
        choices.set(exercise.exerciseId, {
          exerciseId: exercise.exerciseId,
          exerciseName: exercise.exerciseName,
          loadKind:
            exercise.setDetails !== null
              ? null
              : exercise.percentOneRepMax !== null
                ? 'percent'
                : exercise.loadKg !== null
                  ? 'kg'
                  : null,
        });
      }
    }
  }
  return [...choices.values()];
}
