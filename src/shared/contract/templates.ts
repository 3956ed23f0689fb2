import { z } from 'zod';
import { id } from '../domain/common';
import { templateDetail, templateExercisesInput, templateFields, templateSummary } from '../domain/template';
import { mutation, query } from './define';

export const templateChannels = {
  /** The template library: live templates (not a program's own copies), by name. */
  'templates.list': query({
    input: z
      .object({
        /** Matches the name, the description and the tags. */
        text: z.string().trim().max(100).default(''),
        tags: z.array(z.string().trim().toLowerCase().max(30)).max(12).default([]),
        includeArchived: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      items: z.array(templateSummary),
      /** Every tag in use with how many templates carry it, for the filter. */
      tags: z.array(z.object({ value: z.string(), count: z.number().int() })),
    }),
    provides: ['Template'],
  }),
  'templates.get': query({
    input: z.object({ id }).strict(),
    output: templateDetail,
    provides: ['Template'],
  }),
  'templates.create': mutation({
    input: templateFields.extend({ exercises: templateExercisesInput.default([]) }).strict(),
    output: templateDetail,
    invalidates: ['Template'],
  }),
  /** Name, description and tags. */
  'templates.update': mutation({
    input: z.object({ id, fields: templateFields }).strict(),
    output: templateDetail,
    invalidates: ['Template', 'Program'],
  }),
  /**
   * The exercises in order, whole (the editor sends the list after every change; rows keep their
   * ids, missing ones are removed). Future scheduled workouts on the template follow.
   */
  'templates.saveExercises': mutation({
    input: z.object({ id, exercises: templateExercisesInput }).strict(),
    output: templateDetail,
    invalidates: ['Template', 'Program', 'Schedule'],
  }),
  'templates.duplicate': mutation({
    input: z.object({ id, name: z.string().trim().max(120).optional() }).strict(),
    output: templateDetail,
    invalidates: ['Template'],
  }),
  /**
   * A copy of a template for some days of one program ("this week only"): the days given switch
   * to the copy, which belongs to the program and stays out of the library.
   */
  'templates.fork': mutation({
    input: z
      .object({
        id,
        programId: id,
        dayIds: z.array(id).min(1, { message: 'Pick the days the copy is for' }).max(400),
      })
      .strict(),
    output: templateDetail,
    invalidates: ['Template', 'Program', 'Schedule'],
  }),
  'templates.setArchived': mutation({
    input: z.object({ id, archived: z.boolean() }).strict(),
    output: templateDetail,
    invalidates: ['Template', 'Program'],
  }),
  /** Only a template no program or scheduled workout uses; archive the others. Undo: restore. */
  'templates.delete': mutation({
    input: z.object({ id }).strict(),
    output: z.object({ id }),
    invalidates: ['Template'],
  }),
  'templates.restore': mutation({
    input: z.object({ id }).strict(),
    output: templateDetail,
    invalidates: ['Template'],
  }),
};
