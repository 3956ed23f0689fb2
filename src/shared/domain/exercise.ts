import { z } from 'zod';
import { id, isoTimestamp, requiredText } from './common';

/**
 * The exercise vocabularies. They match the free-exercise-db format, so a file in that format
 * imports without translation and our own catalogue (resources/exercises) uses the same words.
 */
export const MUSCLES = [
  'abdominals',
  'abductors',
  'adductors',
  'biceps',
  'calves',
  'chest',
  'forearms',
  'glutes',
  'hamstrings',
  'lats',
  'lower back',
  'middle back',
  'neck',
  'quadriceps',
  'shoulders',
  'traps',
  'triceps',
] as const;
export const EQUIPMENT = [
  'barbell',
  'dumbbell',
  'machine',
  'cable',
  'body only',
  'kettlebells',
  'bands',
  'e-z curl bar',
  'medicine ball',
  'exercise ball',
  'foam roll',
  'other',
] as const;
export const LEVELS = ['beginner', 'intermediate', 'expert'] as const;
export const CATEGORIES = [
  'strength',
  'powerlifting',
  'olympic weightlifting',
  'strongman',
  'plyometrics',
  'stretching',
  'cardio',
] as const;
export const MECHANICS = ['compound', 'isolation'] as const;
export const FORCES = ['push', 'pull', 'static'] as const;

export const muscle = z.enum(MUSCLES, { message: `must be one of: ${MUSCLES.join(', ')}` });
export const equipment = z.enum(EQUIPMENT, { message: `must be one of: ${EQUIPMENT.join(', ')}` });
export const level = z.enum(LEVELS, { message: `must be one of: ${LEVELS.join(', ')}` });
export const category = z.enum(CATEGORIES, { message: `must be one of: ${CATEGORIES.join(', ')}` });
export const mechanic = z.enum(MECHANICS, { message: `must be one of: ${MECHANICS.join(', ')}` });
export const force = z.enum(FORCES, { message: `must be one of: ${FORCES.join(', ')}` });

export type Muscle = z.infer<typeof muscle>;
export type Equipment = z.infer<typeof equipment>;
export type Level = z.infer<typeof level>;

/** Where an exercise came from: our shipped catalogue, an imported library file, or the user. */
export const EXERCISE_SOURCES = ['catalogue', 'import', 'custom'] as const;

export const exerciseSummary = z.object({
  id,
  name: z.string(),
  primaryMuscles: z.array(muscle),
  secondaryMuscles: z.array(muscle),
  equipment: equipment.nullable(),
  level,
  category,
  mechanic: mechanic.nullable(),
  force: force.nullable(),
  source: z.enum(EXERCISE_SOURCES),
  favorite: z.boolean(),
});
export type ExerciseSummary = z.infer<typeof exerciseSummary>;

export const exerciseDetail = exerciseSummary.extend({
  instructions: z.array(z.string()),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ExerciseDetail = z.infer<typeof exerciseDetail>;

/** What a user fills in to create or edit a custom exercise. */
export const exerciseFields = z
  .object({
    name: requiredText('Name', 120),
    primaryMuscles: z.array(muscle).min(1, { message: 'Pick at least one primary muscle' }).max(6),
    secondaryMuscles: z.array(muscle).max(10).default([]),
    equipment: equipment.nullable().default(null),
    level: level.default('beginner'),
    category: category.default('strength'),
    mechanic: mechanic.nullable().default(null),
    force: force.nullable().default(null),
    instructions: z
      .array(z.string().trim().min(1).max(1000))
      .max(30, { message: 'At most 30 instruction steps' })
      .default([]),
  })
  .refine((e) => !e.secondaryMuscles.some((m) => e.primaryMuscles.includes(m)), {
    message: 'A muscle cannot be both primary and secondary',
    path: ['secondaryMuscles'],
  });
export type ExerciseFields = z.input<typeof exerciseFields>;
