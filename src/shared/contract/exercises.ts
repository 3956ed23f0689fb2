import { z } from 'zod';
import { id, pageInput } from '../domain/common';
import {
  equipment,
  exerciseDetail,
  exerciseFields,
  exerciseSummary,
  level,
  muscle,
} from '../domain/exercise';
import { mutation, query } from './define';

const facetCount = <T extends z.ZodType>(value: T) => z.object({ value, count: z.number().int() });

export const exerciseSearchInput = z
  .object({
    /** Free text; tolerant of small typos ("benchpres" finds "Bench Press"). */
    text: z.string().trim().max(100).default(''),
    muscles: z.array(muscle).max(20).default([]),
    /** Whether `muscles` match primary muscles only, or primary and secondary. */
    muscleRole: z.enum(['primary', 'any']).default('primary'),
    equipment: z.array(equipment).max(20).default([]),
    levels: z.array(level).max(3).default([]),
    favoritesOnly: z.boolean().default(false),
    customOnly: z.boolean().default(false),
    ...pageInput,
  })
  .strict();
export type ExerciseSearchInput = z.input<typeof exerciseSearchInput>;

export const exerciseChannels = {
  'exercises.search': query({
    input: exerciseSearchInput,
    output: z.object({ items: z.array(exerciseSummary), total: z.number().int() }),
    provides: ['Exercise'],
  }),
  /** A handful of names for an autocomplete box, best match first. */
  'exercises.autocomplete': query({
    input: z
      .object({ text: z.string().trim().max(100), limit: z.number().int().min(1).max(20).default(8) })
      .strict(),
    output: z.object({ items: z.array(exerciseSummary) }),
    provides: ['Exercise'],
  }),
  /** Counts for the filter panel, over the exercises that are not deleted. */
  'exercises.facets': query({
    input: z.object({}).strict(),
    output: z.object({
      muscles: z.array(facetCount(muscle)),
      equipment: z.array(facetCount(equipment)),
      levels: z.array(facetCount(level)),
      favorites: z.number().int(),
      custom: z.number().int(),
      total: z.number().int(),
    }),
    provides: ['Exercise'],
  }),
  'exercises.get': query({
    input: z.object({ id }).strict(),
    output: exerciseDetail,
    provides: ['Exercise'],
  }),
  'exercises.create': mutation({
    input: exerciseFields,
    output: exerciseDetail,
    invalidates: ['Exercise', 'Organization'],
  }),
  /** Edit a custom exercise (catalogue exercises are read-only; duplicate one to change it). */
  'exercises.update': mutation({
    input: z.object({ id, fields: exerciseFields }).strict(),
    output: exerciseDetail,
    invalidates: ['Exercise'],
  }),
  /** Tombstone a custom exercise; `exercises.restore` undoes it. */
  'exercises.delete': mutation({
    input: z.object({ id }).strict(),
    output: z.object({ id }),
    invalidates: ['Exercise', 'Organization'],
  }),
  'exercises.restore': mutation({
    input: z.object({ id }).strict(),
    output: exerciseDetail,
    invalidates: ['Exercise', 'Organization'],
  }),
  'exercises.setFavorite': mutation({
    input: z.object({ id, favorite: z.boolean() }).strict(),
    output: z.object({ id, favorite: z.boolean() }),
    invalidates: ['Exercise'],
  }),
  /**
   * Import a library file in the free-exercise-db JSON format. All or nothing: a malformed file
   * is reported entry by entry and changes nothing. Names already present are merged, not doubled.
   */
  'exercises.import': mutation({
    input: z
      .object({
        fileName: z.string().max(255),
        /** The file's text (JSON). Up to 20 MB. */
        content: z.string().max(20_000_000, { message: 'The file is larger than 20 MB' }),
      })
      .strict(),
    output: z.object({
      total: z.number().int(),
      added: z.number().int(),
      merged: z.number().int(),
      unchanged: z.number().int(),
    }),
    invalidates: ['Exercise', 'Organization'],
    deadlineMs: 120_000,
  }),
};
