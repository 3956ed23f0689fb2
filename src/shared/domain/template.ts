import { z } from 'zod';
import { id, isoTimestamp, requiredText } from './common';
import { equipment, muscle } from './exercise';
import { storedSetRows, templateExerciseInput, type TemplateExerciseInput } from './prescription';

/** Tags a coach sorts templates by; free text, these are offered first. */
export const SUGGESTED_TEMPLATE_TAGS = [
  'push',
  'pull',
  'legs',
  'upper',
  'lower',
  'full body',
  'strength',
  'hypertrophy',
  'power',
  'conditioning',
] as const;

export const templateTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { message: 'A tag cannot be empty' })
  .max(30, { message: 'A tag must be at most 30 characters' });

export const templateFields = z
  .object({
    name: requiredText('Name', 120),
    description: z
      .string()
      .trim()
      .max(2000, { message: 'Description must be at most 2000 characters' })
      .default(''),
    tags: z
      .array(templateTag)
      .max(12, { message: 'At most 12 tags' })
      .default([])
      .transform((tags) => [...new Set(tags)]),
  })
  .strict();
export type TemplateFields = z.input<typeof templateFields>;

/** One exercise of a template as stored, with what the library knows of the exercise. */
export const templateExercise = z.object({
  id,
  exerciseId: id,
  exerciseName: z.string(),
  primaryMuscles: z.array(muscle),
  secondaryMuscles: z.array(muscle),
  equipment: equipment.nullable(),
  position: z.number().int(),
  supersetGroup: z.string().nullable(),
  sets: z.number().int(),
  repsMin: z.number().int().nullable(),
  repsMax: z.number().int().nullable(),
  percentOneRepMax: z.number().nullable(),
  loadKg: z.number().nullable(),
  rpe: z.number().nullable(),
  rir: z.number().int().nullable(),
  restSeconds: z.number().int().nullable(),
  tempo: z.string().nullable(),
  notes: z.string(),
  setDetails: storedSetRows,
});
export type TemplateExercise = z.infer<typeof templateExercise>;

/** Where a template is used: it cannot be hard-deleted while any of these is above zero. */
export const templateUsage = z.object({
  /** Live programs with a day on this template. */
  programs: z.number().int(),
  /**
   * Live scheduled workouts on this template (any status); null where they were not counted (a
   * program's detail leaves them out: counting them would be most of the builder's load time).
   */
  scheduledWorkouts: z.number().int().nullable(),
});

export const templateSummary = z.object({
  id,
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  archived: z.boolean(),
  /** Set on a copy made for some weeks of one program; such copies are not in the library. */
  ownerProgramId: id.nullable(),
  forkedFromId: id.nullable(),
  exerciseCount: z.number().int(),
  /** The first few exercise names, in order, for a compact card. */
  exercisePreview: z.array(z.string()),
  /** Primary muscles over all its exercises, most frequent first. */
  muscles: z.array(muscle),
  usage: templateUsage,
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type TemplateSummary = z.infer<typeof templateSummary>;

export const templateDetail = templateSummary.extend({ exercises: z.array(templateExercise) });
export type TemplateDetail = z.infer<typeof templateDetail>;

export const templateExercisesInput = z
  .array(templateExerciseInput)
  .max(40, { message: 'A template can hold at most 40 exercises' });

/** A stored exercise list as the input `templates.saveExercises` takes (ids kept). */
export function toTemplateExerciseInputs(exercises: readonly TemplateExercise[]): TemplateExerciseInput[] {
  return [...exercises]
    .sort((a, b) => a.position - b.position)
    .map((item) => ({
      id: item.id,
      exerciseId: item.exerciseId,
      supersetGroup: item.supersetGroup,
      sets: item.sets,
      repsMin: item.repsMin,
      repsMax: item.repsMax,
      percentOneRepMax: item.percentOneRepMax,
      loadKg: item.loadKg,
      rpe: item.rpe,
      rir: item.rir,
      restSeconds: item.restSeconds,
      tempo: item.tempo,
      notes: item.notes,
      setDetails: item.setDetails ? item.setDetails.map((row) => ({ ...row })) : null,
    }));
}
