import type { z } from 'zod';

/**
 * RTK Query tag types. Every tag the renderer caches under is declared here, once.
 */
export const TAG_TYPES = [
  'Organization',
  'Exercise',
  'Athlete',
  'Settings',
  'Job',
  'Template',
  'Program',
  'Schedule',
  'Workout',
] as const;
export type TagType = (typeof TAG_TYPES)[number];

/** Database tables that `changed` events name, and the tags each one invalidates. */
export const TABLE_TAGS = {
  organization: ['Organization'],
  exercise: ['Exercise'],
  exercise_favorite: ['Exercise'],
  athlete: ['Athlete'],
  user_preferences: ['Settings'],
  // A program's detail holds its templates; scheduled workouts show template and program names.
  workout_template: ['Template', 'Program', 'Schedule'],
  workout_template_exercise: ['Template', 'Program'],
  program: ['Program', 'Schedule'],
  program_week: ['Program'],
  program_day: ['Program', 'Template'],
  program_assignment: ['Program', 'Schedule'],
  // Templates and programs count the workouts that use them.
  scheduled_workout: ['Schedule', 'Program', 'Template'],
  // The calendar shows a scheduled workout's session.
  workout_session: ['Workout', 'Schedule'],
  exercise_entry: ['Workout'],
  set_entry: ['Workout'],
  athlete_exercise_session: ['Workout'],
  personal_record: ['Workout'],
  voice_note: ['Workout'],
  job_run: ['Job'],
} as const satisfies Record<string, readonly TagType[]>;
export type TableName = keyof typeof TABLE_TAGS;
export const TABLE_NAMES = Object.keys(TABLE_TAGS) as TableName[];

export interface ChannelEntry<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  /** Queries are cached by RTK Query; mutations invalidate. */
  kind: 'query' | 'mutation';
  input: I;
  output: O;
  /** Tag types a query provides: a LIST tag per type, plus one tag per id found in the result. */
  provides: readonly TagType[];
  /** Tag types a mutation invalidates: their LIST tag, plus the tag of `input.id` when present. */
  invalidates: readonly TagType[];
  /** How long the backend may take before the caller gets `unavailable`; defaults to 15 s. */
  deadlineMs?: number;
}

export function query<I extends z.ZodType, O extends z.ZodType>(entry: {
  input: I;
  output: O;
  provides: readonly TagType[];
  deadlineMs?: number;
}): ChannelEntry<I, O> {
  return { kind: 'query', invalidates: [], ...entry };
}

export function mutation<I extends z.ZodType, O extends z.ZodType>(entry: {
  input: I;
  output: O;
  invalidates: readonly TagType[];
  deadlineMs?: number;
}): ChannelEntry<I, O> {
  return { kind: 'mutation', provides: [], ...entry };
}

export const DEFAULT_DEADLINE_MS = 15_000;
