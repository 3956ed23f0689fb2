import { z } from 'zod';
import { id } from '../domain/common';
import { scheduledWorkout } from '../domain/schedule';
import {
  entryUpdateInput,
  exerciseHistoryInput,
  exerciseSession,
  historyInput,
  personalRecord,
  restInput,
  restTimer,
  setFields,
  setUpdateInput,
  voiceNoteAddInput,
  voiceNoteMeta,
  workoutDetail,
  workoutSet,
  workoutStartInput,
  workoutSummary,
  workoutUpdateInput,
  historyItem,
} from '../domain/workout';
import { mutation, query } from './define';

const byId = z.object({ id }).strict();
const byEntry = z.object({ entryId: id }).strict();
/** What a set change answers: the set, and the records it set (for the toast). */
const setResult = z.object({ set: workoutSet, newRecords: z.array(personalRecord) });

export const workoutChannels = {
  /** What the Workouts screen offers first: the workout in progress, and today's scheduled ones. */
  'workouts.offer': query({
    input: z.object({ athleteId: id }).strict(),
    output: z.object({
      inProgress: z.object({ id, name: z.string(), startedAt: z.string() }).nullable(),
      today: z.array(scheduledWorkout),
    }),
    provides: ['Workout', 'Schedule'],
  }),
  'workouts.get': query({ input: byId, output: workoutDetail, provides: ['Workout'] }),
  /** Blank, from a template, or from a scheduled workout (then in progress, and completed at the finish). */
  'workouts.start': mutation({
    input: workoutStartInput,
    output: workoutDetail,
    invalidates: ['Workout', 'Schedule'],
  }),
  'workouts.update': mutation({
    input: workoutUpdateInput,
    output: workoutSummary,
    invalidates: ['Workout'],
  }),
  /** Finishes the workout in progress: its summary, with the records set today. */
  'workouts.finish': mutation({
    input: z.object({ id, completedAt: z.iso.datetime({ offset: true }).optional() }).strict(),
    output: workoutSummary,
    invalidates: ['Workout', 'Schedule'],
  }),
  'workouts.summary': query({ input: byId, output: workoutSummary, provides: ['Workout'] }),
  /** Deletes a workout (in progress or done); its records and totals follow. Undo: `workouts.restore`. */
  'workouts.delete': mutation({ input: byId, output: byId, invalidates: ['Workout', 'Schedule'] }),
  'workouts.restore': mutation({ input: byId, output: byId, invalidates: ['Workout', 'Schedule'] }),

  'workouts.addExercise': mutation({
    input: z.object({ sessionId: id, exerciseId: id, position: z.number().int().min(0).optional() }).strict(),
    output: z.object({ entryId: id }),
    invalidates: ['Workout'],
  }),
  'workouts.updateExercise': mutation({ input: entryUpdateInput, output: byEntry, invalidates: ['Workout'] }),
  /** To a new place in the order (0 = first). */
  'workouts.moveExercise': mutation({
    input: z.object({ entryId: id, position: z.number().int().min(0) }).strict(),
    output: byEntry,
    invalidates: ['Workout'],
  }),
  /** Removes an exercise with its sets; undo: `workouts.restoreExercise`. */
  'workouts.removeExercise': mutation({ input: byEntry, output: byEntry, invalidates: ['Workout'] }),
  'workouts.restoreExercise': mutation({ input: byEntry, output: byEntry, invalidates: ['Workout'] }),

  /** A new set at the end, empty or a copy of `copyOf` (duplicate). */
  'workouts.addSet': mutation({
    input: z.object({ entryId: id, copyOf: id.optional(), setType: setFields.setType }).strict(),
    output: workoutSet,
    invalidates: ['Workout'],
  }),
  /** Edits a set (a completed one too: records follow). */
  'workouts.updateSet': mutation({ input: setUpdateInput, output: setResult, invalidates: ['Workout'] }),
  /** Completes a set (with any last edits), starts the rest timer, and says which records it set. */
  'workouts.completeSet': mutation({
    input: setUpdateInput,
    output: setResult.extend({ rest: restTimer.nullable() }),
    invalidates: ['Workout'],
  }),
  'workouts.uncompleteSet': mutation({ input: byId, output: setResult, invalidates: ['Workout'] }),
  /** Undo: `workouts.restoreSet`. */
  'workouts.deleteSet': mutation({ input: byId, output: byId, invalidates: ['Workout'] }),
  'workouts.restoreSet': mutation({ input: byId, output: setResult, invalidates: ['Workout'] }),

  'workouts.rest': mutation({ input: restInput, output: restTimer.nullable(), invalidates: ['Workout'] }),

  /** The athlete's workouts, newest first, a page at a time. */
  'workouts.history': query({
    input: historyInput,
    output: z.object({ items: z.array(historyItem), nextCursor: z.string().nullable() }),
    provides: ['Workout'],
  }),
  /** Every session of one exercise for an athlete, newest first, with its records. */
  'workouts.exerciseHistory': query({
    input: exerciseHistoryInput,
    output: z.object({
      exercise: z.object({ id, name: z.string() }),
      records: z.array(personalRecord),
      items: z.array(exerciseSession),
      nextCursor: z.string().nullable(),
    }),
    provides: ['Workout'],
  }),
  'workouts.records': query({
    input: z.object({ athleteId: id, exerciseId: id.nullable().default(null) }).strict(),
    output: z.object({ items: z.array(personalRecord) }),
    provides: ['Workout'],
  }),

  'voiceNotes.add': mutation({ input: voiceNoteAddInput, output: voiceNoteMeta, invalidates: ['Workout'] }),
  'voiceNotes.audio': query({
    input: byId,
    output: z.object({ id, mimeType: z.string(), dataBase64: z.string() }),
    provides: ['Workout'],
  }),
  'voiceNotes.delete': mutation({ input: byId, output: byId, invalidates: ['Workout'] }),
  'voiceNotes.restore': mutation({ input: byId, output: voiceNoteMeta, invalidates: ['Workout'] }),
};
