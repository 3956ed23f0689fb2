/**
 * Generators that shape weeks rather than exercises: block periodization (phase labels and week
 * modifiers over the training weeks) and a deload every Nth week. Neither touches per-day
 * overrides, so they combine with a progression: a linear climb inside an intensifying block.
 */
import { z } from 'zod';
import type { ParsedProgramDocument, Phase } from '../domain/program';
import {
  buildPreview,
  copyDocument,
  listWeeks,
  roundHundredths,
  type GeneratorResult,
  type TemplatesById,
} from './periodization-core';

// ---- Block -----------------------------------------------------------------------------------

export interface BlockParams {
  /** Week counts, laid over the training weeks (deloads not counted) from week 1 on. */
  accumulation: number;
  intensification: number;
  realization: number;
}

type BlockPhase = Exclude<Phase, 'deload'>;

/**
 * What each block does to a week (after Issurin's block periodization). Accumulation builds work
 * capacity: sets climb from 1.0× to 1.2× while loads stay a little lighter (−5 → 0 %1RM).
 * Intensification trades volume for load: 0.85× sets, +2.5 → +7.5 %1RM, RPE +0.5. Realization is
 * the peak: fatigue drops (0.6× sets) while loads and effort are highest (+10 %1RM, RPE +1).
 * [first week, last week] values ramp linearly through the block; a one-week block takes the middle.
 */
export const BLOCK_MODIFIERS: Record<
  BlockPhase,
  { volumeFactor: [number, number]; intensityDeltaPercent: [number, number]; rpeDelta: number }
> = {
  accumulation: { volumeFactor: [1, 1.2], intensityDeltaPercent: [-5, 0], rpeDelta: 0 },
  intensification: { volumeFactor: [0.85, 0.85], intensityDeltaPercent: [2.5, 7.5], rpeDelta: 0.5 },
  realization: { volumeFactor: [0.6, 0.6], intensityDeltaPercent: [10, 10], rpeDelta: 1 },
};

const countTrainingWeeks = (document: ParsedProgramDocument) =>
  document.weeks.filter((week) => !week.deload).length;

/**
 * The default split of the training weeks, about 40 / 40 / 20: realization gets a fifth (at
 * least one week), the rest is halved with accumulation taking the odd week. Each block gets at
 * least a week from three training weeks on; two weeks accumulate then peak; one week accumulates.
 */
export function defaultBlockSplit(trainingWeeks: number): BlockParams {
  if (trainingWeeks <= 0) return { accumulation: 0, intensification: 0, realization: 0 };
  if (trainingWeeks === 1) return { accumulation: 1, intensification: 0, realization: 0 };
  const realization = Math.max(1, Math.round(trainingWeeks * 0.2));
  const accumulation = Math.ceil((trainingWeeks - realization) / 2);
  return { accumulation, intensification: trainingWeeks - realization - accumulation, realization };
}

export function defaultBlockParams(document: ParsedProgramDocument): BlockParams {
  return defaultBlockSplit(countTrainingWeeks(document));
}

const blockWeeks = (label: string) =>
  z
    .number({ message: `${label} weeks must be a number` })
    .int({ message: `${label} weeks must be a whole number` })
    .min(0, { message: `${label} weeks cannot be negative` })
    .max(52, { message: `${label} weeks must be at most 52` });

/** The parameters, checked against the program: the blocks cover its training weeks exactly. */
export function blockParamsFor(document: ParsedProgramDocument) {
  const trainingWeeks = countTrainingWeeks(document);
  return z
    .object({
      accumulation: blockWeeks('Accumulation'),
      intensification: blockWeeks('Intensification'),
      realization: blockWeeks('Realization'),
    })
    .strict()
    .superRefine((params, ctx) => {
      const total = params.accumulation + params.intensification + params.realization;
      if (trainingWeeks === 0) {
        ctx.addIssue({
          code: 'custom',
          path: [],
          message: 'Every week is a deload week: make some weeks training weeks first',
        });
      } else if (total !== trainingWeeks) {
        const deloads = document.weeks.length - trainingWeeks;
        ctx.addIssue({
          code: 'custom',
          path: ['realization'],
          message:
            `The blocks add up to ${total} ${total === 1 ? 'week' : 'weeks'} but the program has ` +
            `${trainingWeeks} training ${trainingWeeks === 1 ? 'week' : 'weeks'}` +
            (deloads > 0 ? ` (besides ${deloads} deload ${deloads === 1 ? 'week' : 'weeks'})` : '') +
            `: make them add up to ${trainingWeeks}`,
        });
      }
    });
}

const ramp = ([first, last]: [number, number], index: number, length: number) =>
  length <= 1 ? (first + last) / 2 : first + ((last - first) * index) / (length - 1);

/** A block's modifiers for its `index`-th week out of `length`. */
export function blockWeekModifiers(phase: BlockPhase, index: number, length: number) {
  const modifiers = BLOCK_MODIFIERS[phase];
  return {
    volumeFactor: roundHundredths(ramp(modifiers.volumeFactor, index, length)),
    intensityDeltaPercent: Math.round(ramp(modifiers.intensityDeltaPercent, index, length) * 2) / 2,
    rpeDelta: modifiers.rpeDelta,
  };
}

export function block(
  document: ParsedProgramDocument,
  templates: TemplatesById,
  params: BlockParams,
): GeneratorResult {
  const next = copyDocument(document);
  const phases: BlockPhase[] = [
    ...Array<BlockPhase>(params.accumulation).fill('accumulation'),
    ...Array<BlockPhase>(params.intensification).fill('intensification'),
    ...Array<BlockPhase>(params.realization).fill('realization'),
  ];
  // Where each block starts among the training weeks, to ramp its modifiers from there.
  const blockStart: Record<BlockPhase, number> = {
    accumulation: 0,
    intensification: params.accumulation,
    realization: params.accumulation + params.intensification,
  };
  const deloadWeeks: number[] = [];
  let trainingIndex = 0;
  next.weeks.forEach((week, weekIndex) => {
    if (week.deload) {
      deloadWeeks.push(weekIndex + 1);
      return;
    }
    const phase = phases[trainingIndex];
    if (!phase) return;
    const modifiers = blockWeekModifiers(phase, trainingIndex - blockStart[phase], params[phase]);
    Object.assign(week, { phase }, modifiers);
    trainingIndex += 1;
  });
  const notes: string[] = [];
  if (deloadWeeks.length > 0) {
    notes.push(
      `Deload ${listWeeks(deloadWeeks)} ` +
        (deloadWeeks.length === 1
          ? 'keeps its settings and does not count toward the blocks'
          : 'keep their settings and do not count toward the blocks'),
    );
  }
  return { document: next, preview: buildPreview('block', document, next, templates, notes) };
}

// ---- Deload ----------------------------------------------------------------------------------

export const deloadParams = z
  .object({
    everyNth: z
      .number({ message: 'Every Nth week must be a number' })
      .int({ message: 'Every Nth week must be a whole number' })
      .min(2, { message: 'Every Nth week must be between 2 and 12' })
      .max(12, { message: 'Every Nth week must be between 2 and 12' })
      .default(4),
    volumeFactor: z
      .number({ message: 'Volume factor must be a number' })
      .min(0.1, { message: 'A deload’s volume factor must be between 0.1 and 1' })
      .max(1, { message: 'A deload’s volume factor must be between 0.1 and 1' })
      .default(0.6),
    intensityDeltaPercent: z
      .number({ message: 'Intensity change must be a number' })
      .min(-50, { message: 'A deload lowers intensity by 0 to 50 %1RM points (give 0 to −50)' })
      .max(0, { message: 'A deload lowers intensity by 0 to 50 %1RM points (give 0 to −50)' })
      .default(-10),
    rpeDelta: z
      .number({ message: 'RPE change must be a number' })
      .min(-5, { message: 'A deload lowers RPE by 0 to 5 (give 0 to −5)' })
      .max(0, { message: 'A deload lowers RPE by 0 to 5 (give 0 to −5)' })
      .refine((value) => Number.isInteger(value * 2), { message: 'RPE change goes in half steps' })
      .default(-2),
    /** Turn other deload weeks (not every Nth) back into neutral training weeks. */
    clearOthers: z.boolean().default(false),
  })
  .strict();
export type DeloadParams = z.output<typeof deloadParams>;
export const DEFAULT_DELOAD_PARAMS: DeloadParams = {
  everyNth: 4,
  volumeFactor: 0.6,
  intensityDeltaPercent: -10,
  rpeDelta: -2,
  clearOthers: false,
};

/**
 * Weeks N, 2N, … become deload weeks (phase 'deload', with the deload's modifiers). Other weeks
 * already marked as deloads stay so unless `clearOthers`, which makes them neutral training
 * weeks (no phase, modifiers 1 / 0 / 0). Per-day overrides are kept as they are.
 */
export function deload(
  document: ParsedProgramDocument,
  templates: TemplatesById,
  params: DeloadParams,
): GeneratorResult {
  const next = copyDocument(document);
  const kept: number[] = [];
  const withOverrides: number[] = [];
  next.weeks.forEach((week, weekIndex) => {
    const weekNumber = weekIndex + 1;
    const wasDeload = week.deload || week.phase === 'deload';
    if (weekNumber % params.everyNth === 0) {
      if (week.days.some((day) => Object.keys(day.overrides).length > 0)) withOverrides.push(weekNumber);
      Object.assign(week, {
        phase: 'deload',
        deload: true,
        volumeFactor: params.volumeFactor,
        intensityDeltaPercent: params.intensityDeltaPercent,
        rpeDelta: params.rpeDelta,
      });
    } else if (wasDeload && params.clearOthers) {
      Object.assign(week, {
        phase: null,
        deload: false,
        volumeFactor: 1,
        intensityDeltaPercent: 0,
        rpeDelta: 0,
      });
    } else if (wasDeload) {
      kept.push(weekNumber);
    }
  });

  const notes: string[] = [];
  if (next.weeks.length < params.everyNth) {
    notes.push(
      `The program has ${next.weeks.length} ${next.weeks.length === 1 ? 'week' : 'weeks'}, ` +
        `fewer than ${params.everyNth}: no week becomes a deload`,
    );
  }
  if (kept.length > 0) {
    notes.push(
      `${capitalize(listWeeks(kept))} ${kept.length === 1 ? 'stays a deload week' : 'stay deload weeks'} ` +
        '(choose “Clear other deload weeks” to train in them)',
    );
  }
  if (withOverrides.length > 0) {
    notes.push(
      `${capitalize(listWeeks(withOverrides))} ${withOverrides.length === 1 ? 'keeps its' : 'keep their'} ` +
        'per-day changes; run the progression again so its steps skip the new deload weeks',
    );
  }
  return { document: next, preview: buildPreview('deload', document, next, templates, notes) };
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
