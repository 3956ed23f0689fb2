import { z } from 'zod';
import { id, isoTimestamp } from './common';
import { clockTime, isoDate, namedDate } from './dates';
import { resolvedPrescription } from './prescription';

export const SCHEDULE_STATUSES = ['scheduled', 'in_progress', 'completed', 'skipped', 'missed'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];
export const STATUS_LABELS: Record<ScheduleStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  skipped: 'Skipped',
  missed: 'Missed',
};

/** One workout on an athlete's calendar. */
export const scheduledWorkout = z.object({
  id,
  athleteId: id,
  date: isoDate,
  startTime: clockTime.nullable(),
  templateId: id,
  templateName: z.string(),
  status: z.enum(SCHEDULE_STATUSES),
  programId: id.nullable(),
  programName: z.string().nullable(),
  assignmentId: id.nullable(),
  weekNumber: z.number().int().nullable(),
  /** The training day's slot in its program week (0 = first), when it comes from a program. */
  dayIndex: z.number().int().nullable(),
  notes: z.string(),
  /** Moved by hand: program edits no longer move it. */
  datePinned: z.boolean(),
  sessionId: id.nullable(),
  updatedAt: isoTimestamp,
});
export type ScheduledWorkout = z.infer<typeof scheduledWorkout>;

/** What a finished session did, shown on its scheduled workout. */
export const sessionSummary = z.object({
  id,
  startedAt: isoTimestamp,
  completedAt: isoTimestamp.nullable(),
  exerciseCount: z.number().int(),
  completedSets: z.number().int(),
  /** Σ weight × reps over completed working sets, in kg. */
  volumeKg: z.number(),
});

export const scheduledWorkoutDetail = scheduledWorkout.extend({
  athleteName: z.string(),
  /** What to do: frozen when scheduled (past workouts keep theirs), or the template's today. */
  prescription: z.array(resolvedPrescription),
  session: sessionSummary.nullable(),
  /** Why it cannot be moved or deleted, when it cannot (it has started, or was done). */
  locked: z.string().nullable(),
});
export type ScheduledWorkoutDetail = z.infer<typeof scheduledWorkoutDetail>;

export const MAX_RANGE_DAYS = 400;
export const MAX_CALENDAR_ATHLETES = 50;

export const scheduleRangeInput = z
  .object({
    athleteIds: z
      .array(id)
      .min(1, { message: 'Pick at least one athlete' })
      .max(MAX_CALENDAR_ATHLETES, { message: `Show at most ${MAX_CALENDAR_ATHLETES} athletes at once` }),
    from: namedDate('From'),
    /** Inclusive. */
    to: namedDate('To'),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.to < value.from)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'To comes before From' });
    const days = (Date.parse(value.to) - Date.parse(value.from)) / 86_400_000;
    if (days > MAX_RANGE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Ask for at most ${MAX_RANGE_DAYS} days at once`,
      });
    }
  });

export const scheduleCreateInput = z
  .object({
    athleteId: id,
    templateId: id,
    date: namedDate('Date'),
    startTime: clockTime.nullable().default(null),
    notes: z.string().trim().max(2000, { message: 'Notes must be at most 2000 characters' }).default(''),
  })
  .strict();

export const scheduleUpdateInput = z
  .object({
    id,
    date: namedDate('Date').optional(),
    startTime: clockTime.nullable().optional(),
    notes: z.string().trim().max(2000, { message: 'Notes must be at most 2000 characters' }).optional(),
    /** Skip it, or take a skip back. Other statuses follow sessions and the calendar's clock. */
    status: z.enum(['scheduled', 'skipped']).optional(),
  })
  .strict();
