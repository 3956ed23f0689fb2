import { z } from 'zod';
import { id } from './common';

/**
 * A prescription says what to do for one exercise: sets, reps (a number or a range), how heavy
 * (a percentage of the one-rep max, or a fixed load) and how hard (a target RPE, or reps in
 * reserve), with rest, tempo and notes. Loads are in kilograms, always.
 */

export const SET_TYPES = ['warmup', 'working', 'drop', 'failure'] as const;
export type SetType = (typeof SET_TYPES)[number];
export const setType = z.enum(SET_TYPES, { message: `must be one of: ${SET_TYPES.join(', ')}` });

export const LIMITS = {
  sets: 20,
  reps: 100,
  loadKg: 1000,
  restSeconds: 3600,
} as const;

const reps = (field: string) =>
  z
    .number({ message: `${field} must be a number` })
    .int({ message: `${field} must be a whole number` })
    .min(1, { message: `${field} must be at least 1` })
    .max(LIMITS.reps, { message: `${field} must be at most ${LIMITS.reps}` });

/** %1RM: a share of the athlete's one-rep max, 1–100. */
export const percentOneRepMax = z
  .number({ message: '%1RM must be a number' })
  .min(1, { message: '%1RM must be between 1 and 100' })
  .max(100, { message: '%1RM must be between 1 and 100' });

/** RPE (rate of perceived exertion, Tuchscherer's 1–10 scale) in half steps. */
export const rpe = z
  .number({ message: 'RPE must be a number' })
  .min(1, { message: 'RPE must be between 1 and 10, in half steps' })
  .max(10, { message: 'RPE must be between 1 and 10, in half steps' })
  .refine((value) => Number.isInteger(value * 2), { message: 'RPE must be between 1 and 10, in half steps' });

/** Reps in reserve: how many more reps the set could have had. */
export const rir = z
  .number({ message: 'RIR must be a number' })
  .int({ message: 'RIR must be a whole number' })
  .min(0, { message: 'RIR must be between 0 and 10' })
  .max(10, { message: 'RIR must be between 0 and 10' });

export const loadKg = z
  .number({ message: 'Load must be a number' })
  .min(0, { message: 'Load cannot be negative' })
  .max(LIMITS.loadKg, { message: `Load must be at most ${LIMITS.loadKg} kg (2,204 lb)` });

/** The load and effort of a set: shared by an exercise's prescription and its per-set rows. */
export const loadFields = {
  repsMin: reps('Reps').nullable().default(null),
  repsMax: reps('Reps').nullable().default(null),
  percentOneRepMax: percentOneRepMax.nullable().default(null),
  loadKg: loadKg.nullable().default(null),
  rpe: rpe.nullable().default(null),
  rir: rir.nullable().default(null),
};

interface LoadValues {
  repsMin: number | null;
  repsMax: number | null;
  percentOneRepMax: number | null;
  loadKg: number | null;
  rpe: number | null;
  rir: number | null;
}

/** The rules between fields: a range runs upwards; one way to say how heavy and one how hard. */
export function checkLoadValues(value: LoadValues, ctx: z.RefinementCtx): void {
  if (value.repsMin !== null && value.repsMax !== null && value.repsMin > value.repsMax) {
    ctx.addIssue({
      code: 'custom',
      path: ['repsMax'],
      message: `The rep range ${value.repsMin}–${value.repsMax} runs backwards: put the smaller number first`,
    });
  }
  if (value.repsMin === null && value.repsMax !== null) {
    ctx.addIssue({ code: 'custom', path: ['repsMin'], message: 'Give the low end of the rep range too' });
  }
  if (value.percentOneRepMax !== null && value.loadKg !== null) {
    ctx.addIssue({
      code: 'custom',
      path: ['loadKg'],
      message: 'Give the load as %1RM or as a fixed weight, not both',
    });
  }
  if (value.rpe !== null && value.rir !== null) {
    ctx.addIssue({ code: 'custom', path: ['rir'], message: 'Give the effort as RPE or as RIR, not both' });
  }
}

/** One row of a prescription where sets differ (a top set, then back-offs). */
export const setPrescription = z
  .object({ setType: setType.default('working'), ...loadFields })
  .strict()
  .superRefine(checkLoadValues);
export type SetPrescription = z.infer<typeof setPrescription>;

export const supersetGroup = z
  .string()
  .regex(/^[A-Z]$/, { message: 'A superset group is one capital letter (A, B, C…)' });

/** Tempo as coaches write it: eccentric, pause, concentric, pause ("3-1-X-0" or "31X0"). */
export const tempo = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^([0-9X])-?([0-9X])-?([0-9X])-?([0-9X])$/, {
    message: 'Tempo is four digits (or X for explosive), like 3-1-X-0',
  });

/** What a coach writes for one exercise of a template. `id` is kept across edits when given. */
export const templateExerciseInput = z
  .object({
    id: id.optional(),
    exerciseId: id,
    supersetGroup: supersetGroup.nullable().default(null),
    sets: z
      .number({ message: 'Sets must be a number' })
      .int({ message: 'Sets must be a whole number' })
      .min(1, { message: 'Sets must be at least 1' })
      .max(LIMITS.sets, { message: `Sets must be at most ${LIMITS.sets}` })
      .default(3),
    ...loadFields,
    restSeconds: z
      .number({ message: 'Rest must be a number of seconds' })
      .int({ message: 'Rest must be a whole number of seconds' })
      .min(0, { message: 'Rest cannot be negative' })
      .max(LIMITS.restSeconds, { message: 'Rest must be at most 60 minutes (3600 s)' })
      .nullable()
      .default(null),
    tempo: tempo.nullable().default(null),
    notes: z.string().trim().max(1000, { message: 'Notes must be at most 1000 characters' }).default(''),
    /** Per-set rows; when given, there is one per set and `sets` must match their number. */
    setDetails: z
      .array(setPrescription)
      .min(1, { message: 'Give at least one set row, or none' })
      .max(LIMITS.sets, { message: `At most ${LIMITS.sets} set rows` })
      .nullable()
      .default(null),
  })
  .strict()
  .superRefine((value, ctx) => {
    checkLoadValues(value, ctx);
    if (value.setDetails && value.setDetails.length !== value.sets) {
      ctx.addIssue({
        code: 'custom',
        path: ['sets'],
        message: `Sets is ${value.sets} but there are ${value.setDetails.length} set rows: make them match`,
      });
    }
  });
export type TemplateExerciseInput = z.input<typeof templateExerciseInput>;
export type TemplateExerciseFields = z.output<typeof templateExerciseInput>;

/**
 * A change for one exercise on one program day (what the generators write): each field given
 * replaces the template's value for that day; null clears it; absent leaves it.
 */
export const prescriptionOverride = z
  .object({
    sets: z.number().int().min(1, { message: 'Sets must be at least 1' }).max(LIMITS.sets).optional(),
    repsMin: reps('Reps').nullable().optional(),
    repsMax: reps('Reps').nullable().optional(),
    percentOneRepMax: percentOneRepMax.nullable().optional(),
    loadKg: loadKg.nullable().optional(),
    rpe: rpe.nullable().optional(),
    rir: rir.nullable().optional(),
  })
  .strict();
export type PrescriptionOverride = z.infer<typeof prescriptionOverride>;

/** Per-set rows as stored and read back (null when the sets are alike). */
export const storedSetRows = z
  .array(
    z.object({
      setType,
      repsMin: z.number().int().nullable(),
      repsMax: z.number().int().nullable(),
      percentOneRepMax: z.number().nullable(),
      loadKg: z.number().nullable(),
      rpe: z.number().nullable(),
      rir: z.number().int().nullable(),
    }),
  )
  .nullable();

/**
 * A prescription with everything resolved for one day (template, day overrides, week modifiers):
 * what a scheduled workout stores and a workout starts from.
 */
export const resolvedPrescription = z.object({
  templateExerciseId: id,
  exerciseId: id,
  exerciseName: z.string(),
  primaryMuscles: z.array(z.string()),
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
export type ResolvedPrescription = z.infer<typeof resolvedPrescription>;
