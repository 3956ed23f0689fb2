import { z } from 'zod';
import { id, isoTimestamp } from './common';
import { isoDate } from './dates';
import { resolvedPrescription, rir, rpe, setType } from './prescription';

/**
 * A workout (a training session) as it is logged: exercises in order, each with its sets. Weights
 * are in kilograms, always; the renderer converts from and to the user's unit.
 */

export const WORKOUT_LIMITS = {
  weightKg: 1000,
  reps: 100,
  restSeconds: 3600,
  notes: 2000,
  name: 120,
  /** Sets per exercise and exercises per workout: far above any real session. */
  setsPerExercise: 50,
  exercisesPerWorkout: 60,
  voiceNoteMs: 5 * 60_000,
  voiceNoteBytes: 8 * 1024 * 1024,
} as const;

/** The weight of a logged set: the message says what a sane value is. */
export const setWeightKg = z
  .number({ message: 'Weight must be a number' })
  .min(0, { message: 'Weight cannot be negative' })
  .max(WORKOUT_LIMITS.weightKg, {
    message: `Weight must be at most ${WORKOUT_LIMITS.weightKg} kg (2,204 lb): check the number`,
  });

export const setReps = z
  .number({ message: 'Reps must be a number' })
  .int({ message: 'Reps must be a whole number' })
  .min(0, { message: 'Reps cannot be negative' })
  .max(WORKOUT_LIMITS.reps, { message: `Reps must be at most ${WORKOUT_LIMITS.reps}: check the number` });

export const restSeconds = z
  .number({ message: 'Rest must be a number of seconds' })
  .int({ message: 'Rest must be a whole number of seconds' })
  .min(0, { message: 'Rest cannot be negative' })
  .max(WORKOUT_LIMITS.restSeconds, { message: 'Rest must be at most an hour' });

const notes = z
  .string()
  .max(WORKOUT_LIMITS.notes, { message: `Notes must be at most ${WORKOUT_LIMITS.notes} characters` });

/** The fields of a set a lifter types: any subset, each null to clear it. */
export const setFields = {
  setType: setType.optional(),
  weightKg: setWeightKg.nullable().optional(),
  reps: setReps.nullable().optional(),
  rpe: rpe.nullable().optional(),
  rir: rir.nullable().optional(),
};

export const workoutSet = z.object({
  id,
  entryId: id,
  setNumber: z.number().int(),
  setType,
  weightKg: z.number().nullable(),
  reps: z.number().int().nullable(),
  rpe: z.number().nullable(),
  rir: z.number().int().nullable(),
  completed: z.boolean(),
  completedAt: isoTimestamp.nullable(),
});
export type WorkoutSet = z.infer<typeof workoutSet>;

/** What a set should be, from the prescription (a %1RM turned into kg from the athlete's e1RM). */
export const setTarget = z.object({
  setType,
  repsMin: z.number().int().nullable(),
  repsMax: z.number().int().nullable(),
  weightKg: z.number().nullable(),
  percentOneRepMax: z.number().nullable(),
  rpe: z.number().nullable(),
  rir: z.number().int().nullable(),
});
export type SetTarget = z.infer<typeof setTarget>;

/** A set the athlete did last time, shown as a ghost value. */
export const ghostSet = z.object({
  setNumber: z.number().int(),
  setType,
  weightKg: z.number().nullable(),
  reps: z.number().int().nullable(),
  rpe: z.number().nullable(),
});

export const SUGGESTION_KINDS = ['increase', 'hold', 'decrease', 'from-prescription', 'first-time'] as const;
/** The next working weight, with its one-line reason in the user's unit. */
export const suggestion = z.object({
  weightKg: z.number(),
  reps: z.number().int().nullable(),
  reason: z.string(),
  kind: z.enum(SUGGESTION_KINDS),
});
export type Suggestion = z.infer<typeof suggestion>;

export const RECORD_KINDS = ['e1rm', 'weight', 'volume'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/**
 * A personal record: the best estimated 1RM (Epley), the best weight for a rep count (`reps`), or
 * the best session volume of an exercise.
 */
export const personalRecord = z.object({
  athleteId: id,
  exerciseId: id,
  exerciseName: z.string(),
  kind: z.enum(RECORD_KINDS),
  /** The rep count of a 'weight' record; 0 for the others. */
  reps: z.number().int(),
  valueKg: z.number(),
  weightKg: z.number().nullable(),
  repsDone: z.number().int().nullable(),
  setId: id.nullable(),
  sessionId: id,
  achievedAt: isoTimestamp,
  /** The record it beat, when there was one. */
  previousValueKg: z.number().nullable(),
});
export type PersonalRecord = z.infer<typeof personalRecord>;

export const voiceNoteMeta = z.object({
  id,
  sessionId: id,
  entryId: id.nullable(),
  mimeType: z.string(),
  durationMs: z.number().int(),
  sizeBytes: z.number().int(),
  createdAt: isoTimestamp,
});
export type VoiceNoteMeta = z.infer<typeof voiceNoteMeta>;

export const workoutEntry = z.object({
  id,
  exerciseId: id,
  exerciseName: z.string(),
  equipment: z.string().nullable(),
  primaryMuscles: z.array(z.string()),
  position: z.number().int(),
  supersetGroup: z.string().nullable(),
  notes: z.string(),
  /** Rest after each set: the entry's own, else the preferences'. */
  restSeconds: z.number().int(),
  prescription: resolvedPrescription.nullable(),
  /** One per prescribed set (empty for an exercise added by hand). */
  targets: z.array(setTarget),
  sets: z.array(workoutSet),
  /** The athlete's previous session with this exercise. */
  lastTime: z.object({ sessionId: id, startedAt: isoTimestamp, sets: z.array(ghostSet) }).nullable(),
  suggestion: suggestion.nullable(),
  /** The athlete's best e1RM for the exercise before this workout. */
  bestE1rmKg: z.number().nullable(),
});
export type WorkoutEntry = z.infer<typeof workoutEntry>;

export const restTimer = z.object({
  startedAt: isoTimestamp,
  seconds: z.number().int(),
  entryId: id.nullable(),
});
export type RestTimer = z.infer<typeof restTimer>;

export const workoutDetail = z.object({
  id,
  athleteId: id,
  athleteName: z.string(),
  name: z.string(),
  templateId: id.nullable(),
  scheduledWorkoutId: id.nullable(),
  startedAt: isoTimestamp,
  completedAt: isoTimestamp.nullable(),
  notes: z.string(),
  bodyweightKg: z.number().nullable(),
  rest: restTimer.nullable(),
  entries: z.array(workoutEntry),
  voiceNotes: z.array(voiceNoteMeta),
  /** Records this workout holds now. */
  records: z.array(personalRecord),
  updatedAt: isoTimestamp,
});
export type WorkoutDetail = z.infer<typeof workoutDetail>;

/** Where a workout starts from. */
export const workoutOrigin = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('blank'), name: z.string().trim().max(WORKOUT_LIMITS.name).optional() })
    .strict(),
  z.object({ kind: z.literal('template'), templateId: id }).strict(),
  z.object({ kind: z.literal('scheduled'), scheduledWorkoutId: id }).strict(),
]);
export type WorkoutOrigin = z.infer<typeof workoutOrigin>;

export const workoutStartInput = z
  .object({
    athleteId: id,
    from: workoutOrigin,
    /** Defaults to now; a workout cannot start in the future (logging one done earlier is fine). */
    startedAt: z.iso.datetime({ offset: true, message: 'Start must be a date and time' }).optional(),
  })
  .strict();

export const workoutUpdateInput = z
  .object({
    id,
    name: z.string().trim().max(WORKOUT_LIMITS.name).optional(),
    notes: notes.optional(),
    startedAt: z.iso.datetime({ offset: true, message: 'Start must be a date and time' }).optional(),
    completedAt: z.iso.datetime({ offset: true, message: 'End must be a date and time' }).optional(),
    bodyweightKg: z.number().min(20).max(350).nullable().optional(),
  })
  .strict();

export const entryUpdateInput = z
  .object({
    entryId: id,
    notes: notes.optional(),
    restSeconds: restSeconds.nullable().optional(),
    supersetGroup: z
      .string()
      .trim()
      .regex(/^[A-Z]$/, { message: 'A superset group is one capital letter (A, B, C…)' })
      .nullable()
      .optional(),
  })
  .strict();

export const setUpdateInput = z.object({ id, ...setFields }).strict();

export const restInput = z.discriminatedUnion('action', [
  /** Starts (or restarts) the timer, e.g. by hand; `seconds` defaults to the entry's rest. */
  z
    .object({
      sessionId: id,
      action: z.literal('start'),
      entryId: id.nullable().default(null),
      seconds: restSeconds.optional(),
    })
    .strict(),
  /** +15 s / −15 s. */
  z
    .object({
      sessionId: id,
      action: z.literal('adjust'),
      deltaSeconds: z.number().int().min(-3600).max(3600),
    })
    .strict(),
  z.object({ sessionId: id, action: z.literal('skip') }).strict(),
]);

/** The finish screen, and each session in the history. */
export const workoutSummary = z.object({
  id,
  athleteId: id,
  name: z.string(),
  startedAt: isoTimestamp,
  completedAt: isoTimestamp.nullable(),
  durationSeconds: z.number().int().nullable(),
  /** Σ weight × reps over completed working sets (not warm-ups), in kg. */
  volumeKg: z.number(),
  completedSets: z.number().int(),
  exerciseCount: z.number().int(),
  records: z.array(personalRecord),
});
export type WorkoutSummary = z.infer<typeof workoutSummary>;

export const historyItem = workoutSummary.extend({
  scheduledWorkoutId: id.nullable(),
  /** Each exercise with its number of completed sets and its best set (by e1RM). */
  exercises: z.array(
    z.object({
      exerciseId: id,
      exerciseName: z.string(),
      completedSets: z.number().int(),
      bestSet: z.object({ weightKg: z.number(), reps: z.number().int() }).nullable(),
    }),
  ),
});
export type HistoryItem = z.infer<typeof historyItem>;

export const historyInput = z
  .object({
    athleteId: id,
    /** Opaque: the `nextCursor` of the page before. */
    cursor: z.string().max(200).nullable().default(null),
    limit: z.number().int().min(1).max(100).default(25),
    exerciseId: id.nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
  })
  .strict();

export const exerciseHistoryInput = z
  .object({
    athleteId: id,
    exerciseId: id,
    cursor: z.string().max(200).nullable().default(null),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();

/** One session of an exercise's history: its sets, best set and e1RM. */
export const exerciseSession = z.object({
  sessionId: id,
  sessionName: z.string(),
  startedAt: isoTimestamp,
  sets: z.array(workoutSet),
  bestSet: z.object({ weightKg: z.number(), reps: z.number().int() }).nullable(),
  bestE1rmKg: z.number().nullable(),
  volumeKg: z.number(),
});
export type ExerciseSession = z.infer<typeof exerciseSession>;

export const voiceNoteAddInput = z
  .object({
    sessionId: id,
    entryId: id.nullable().default(null),
    mimeType: z.string().regex(/^audio\/[a-z0-9.+-]+(;.*)?$/i, {
      message: 'A voice note must be audio (audio/webm, audio/ogg…)',
    }),
    durationMs: z
      .number()
      .int()
      .min(1, { message: 'The recording is empty' })
      .max(WORKOUT_LIMITS.voiceNoteMs, { message: 'A voice note is at most 5 minutes long' }),
    /** The audio, base64 (it crosses JSON). */
    dataBase64: z
      .string()
      .min(1, { message: 'The recording is empty' })
      .max(Math.ceil((WORKOUT_LIMITS.voiceNoteBytes * 4) / 3) + 4, {
        message: 'A voice note is at most 8 MB',
      }),
  })
  .strict();
