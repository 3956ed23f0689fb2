import { z } from 'zod';
import { id } from '../domain/common';
import { isoDate } from '../domain/dates';
import {
  applyProgramInput,
  daysPerWeek,
  programDetail,
  programDocument,
  programSummary,
  scheduleSync,
  weekCount,
} from '../domain/program';
import { requiredText } from '../domain/common';
import { SCHEDULE_STATUSES } from '../domain/schedule';
import { mutation, query } from './define';

const dayOnCalendar = z.object({
  weekNumber: z.number().int(),
  dayIndex: z.number().int(),
  date: isoDate,
  templateId: id,
  templateName: z.string(),
});

export const programChannels = {
  'programs.list': query({
    input: z
      .object({ text: z.string().trim().max(100).default(''), includeArchived: z.boolean().default(false) })
      .strict(),
    output: z.object({ items: z.array(programSummary) }),
    provides: ['Program'],
  }),
  /** Everything the builder shows: weeks, days, the templates they use, where it is applied. */
  'programs.get': query({
    input: z.object({ id }).strict(),
    output: programDetail,
    provides: ['Program'],
  }),
  /** A new program of empty weeks (every day a rest day until a template is dropped on it). */
  'programs.create': mutation({
    input: z
      .object({
        name: requiredText('Name', 120),
        description: z.string().trim().max(2000).default(''),
        daysPerWeek,
        weeks: weekCount,
        shiftOnMissed: z.boolean().default(false),
      })
      .strict(),
    output: programDetail,
    invalidates: ['Program'],
  }),
  /**
   * The builder's one write: the whole program after a change (a drop, a generator, an undo).
   * Refused with `conflict` when `baseRevision` is not the stored one. Future workouts of every
   * athlete it is applied to follow, in the same transaction.
   */
  'programs.save': mutation({
    input: z.object({ id, baseRevision: z.number().int().min(0), document: programDocument }).strict(),
    output: z.object({ program: programDetail, schedule: scheduleSync }),
    invalidates: ['Program', 'Schedule'],
  }),
  'programs.duplicate': mutation({
    input: z.object({ id, name: z.string().trim().max(120).optional() }).strict(),
    output: programDetail,
    invalidates: ['Program', 'Template'],
  }),
  'programs.setArchived': mutation({
    input: z.object({ id, archived: z.boolean() }).strict(),
    output: programDetail,
    invalidates: ['Program'],
  }),
  /** The program as a JSON file (its templates and exercise names inside), for a backup or a colleague. */
  'programs.export': query({
    input: z.object({ id }).strict(),
    output: z.object({ fileName: z.string(), json: z.string() }),
    provides: ['Program'],
  }),
  /** A file from `programs.export`: all or nothing, with every problem named. */
  'programs.import': mutation({
    input: z
      .object({ json: z.string().max(5_000_000, { message: 'The file is too large (at most 5 MB)' }) })
      .strict(),
    output: programDetail,
    invalidates: ['Program', 'Template'],
  }),
  /** What applying would do: the dates, and the days where an athlete already has a workout. */
  'programs.previewApply': query({
    input: applyProgramInput,
    output: z.object({
      days: z.array(dayOnCalendar),
      endDate: isoDate.nullable(),
      conflicts: z.array(
        z.object({
          athleteId: id,
          athleteName: z.string(),
          date: isoDate,
          workouts: z.array(
            z.object({
              id,
              templateName: z.string(),
              status: z.enum(SCHEDULE_STATUSES),
              programName: z.string().nullable(),
            }),
          ),
        }),
      ),
      /** Athletes this program is already applied to from the same start date (applying again adds nothing twice). */
      alreadyApplied: z.array(z.object({ athleteId: id, athleteName: z.string() })),
    }),
    provides: ['Schedule'],
  }),
  /** Apply in one transaction; the same program, athlete and start date again creates nothing twice. */
  'programs.apply': mutation({
    input: applyProgramInput,
    output: z.object({
      assignmentIds: z.array(id),
      created: z.number().int(),
      replaced: z.number().int(),
      shifted: z.number().int(),
      /** Workouts that were already there from an earlier identical apply. */
      unchanged: z.number().int(),
    }),
    invalidates: ['Schedule', 'Program'],
  }),
  /**
   * Undo an apply: removes the future workouts the applications created that have not started,
   * and brings back what they replaced. Done, started and past workouts stay.
   */
  'programs.unapply': mutation({
    input: z.object({ assignmentIds: z.array(id).min(1).max(200) }).strict(),
    output: z.object({ removed: z.number().int(), restored: z.number().int() }),
    invalidates: ['Schedule', 'Program'],
  }),
};
