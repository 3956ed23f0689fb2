import { z } from 'zod';
import { id, isoTimestamp, requiredText } from './common';
import { isoDate, namedDate, weekday } from './dates';
import { prescriptionOverride } from './prescription';
import { templateDetail } from './template';

export const PHASES = ['accumulation', 'intensification', 'realization', 'deload'] as const;
export type Phase = (typeof PHASES)[number];
export const PHASE_LABELS: Record<Phase, string> = {
  accumulation: 'Accumulation',
  intensification: 'Intensification',
  realization: 'Realization',
  deload: 'Deload',
};
export const phase = z.enum(PHASES, { message: `must be one of: ${PHASES.join(', ')}` });

export const PROGRAM_LIMITS = { minWeeks: 1, maxWeeks: 52, minDays: 1, maxDays: 7 } as const;

export const weekCount = z
  .number({ message: 'Weeks must be a number' })
  .int({ message: 'Weeks must be a whole number' })
  .min(PROGRAM_LIMITS.minWeeks, { message: 'A program needs at least 1 week' })
  .max(PROGRAM_LIMITS.maxWeeks, { message: 'A program can have at most 52 weeks (one year)' });

export const daysPerWeek = z
  .number({ message: 'Days per week must be a number' })
  .int({ message: 'Days per week must be a whole number' })
  .min(PROGRAM_LIMITS.minDays, { message: 'A program needs at least 1 training day a week' })
  .max(PROGRAM_LIMITS.maxDays, { message: 'A week has at most 7 training days' });

/** How a week changes every prescription in it (on top of any per-day overrides). */
export const weekModifiers = {
  /** Sets × factor (0.6 on a deload week); rounded, never below one set. */
  volumeFactor: z
    .number({ message: 'Volume factor must be a number' })
    .min(0.1, { message: 'Volume factor must be between 0.1 and 3' })
    .max(3, { message: 'Volume factor must be between 0.1 and 3' }),
  /** %1RM ± points (fixed loads scale by the same percentage). */
  intensityDeltaPercent: z
    .number({ message: 'Intensity change must be a number' })
    .min(-50, { message: 'Intensity change must be between −50 and +50 %1RM points' })
    .max(50, { message: 'Intensity change must be between −50 and +50 %1RM points' }),
  /** RPE ± steps (half steps); RIR moves the other way. */
  rpeDelta: z
    .number({ message: 'RPE change must be a number' })
    .min(-5, { message: 'RPE change must be between −5 and +5' })
    .max(5, { message: 'RPE change must be between −5 and +5' })
    .refine((value) => Number.isInteger(value * 2), { message: 'RPE change goes in half steps' }),
};

export const programDayDoc = z
  .object({
    id,
    /** The training day's slot in the week: 0 = the first training day. */
    dayIndex: z.number().int().min(0).max(6),
    /** Null for a rest day. */
    templateId: id.nullable(),
    /** Per-exercise changes for this day, keyed by the template exercise's id. */
    overrides: z.record(z.string(), prescriptionOverride).default({}),
  })
  .strict();
export type ProgramDayDoc = z.input<typeof programDayDoc>;

export const programWeekDoc = z
  .object({
    id,
    phase: phase.nullable().default(null),
    deload: z.boolean().default(false),
    volumeFactor: weekModifiers.volumeFactor.default(1),
    intensityDeltaPercent: weekModifiers.intensityDeltaPercent.default(0),
    rpeDelta: weekModifiers.rpeDelta.default(0),
    days: z.array(programDayDoc).max(7),
  })
  .strict();
export type ProgramWeekDoc = z.input<typeof programWeekDoc>;

/**
 * A whole program as the builder edits it: weeks in order (week number = position + 1), each
 * with its days. The builder sends it whole after every change; the backend keeps row ids.
 */
export const programDocument = z
  .object({
    name: requiredText('Name', 120),
    description: z
      .string()
      .trim()
      .max(2000, { message: 'Description must be at most 2000 characters' })
      .default(''),
    daysPerWeek,
    shiftOnMissed: z.boolean().default(false),
    weeks: z
      .array(programWeekDoc)
      .min(PROGRAM_LIMITS.minWeeks, { message: 'A program needs at least 1 week' })
      .max(PROGRAM_LIMITS.maxWeeks, { message: 'A program can have at most 52 weeks (one year)' }),
  })
  .strict()
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.weeks.forEach((week, weekIndex) => {
      if (seen.has(week.id)) {
        ctx.addIssue({ code: 'custom', path: ['weeks', weekIndex, 'id'], message: 'A week appears twice' });
      }
      seen.add(week.id);
      const slots = new Set<number>();
      week.days.forEach((day, dayPosition) => {
        const path = ['weeks', weekIndex, 'days', dayPosition];
        if (seen.has(day.id))
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: 'A day appears twice' });
        seen.add(day.id);
        if (day.dayIndex >= doc.daysPerWeek) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'dayIndex'],
            message: `Week ${weekIndex + 1} has a day ${day.dayIndex + 1}, but the program has ${doc.daysPerWeek} days a week`,
          });
        }
        if (slots.has(day.dayIndex)) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'dayIndex'],
            message: `Week ${weekIndex + 1} has two workouts on day ${day.dayIndex + 1}`,
          });
        }
        slots.add(day.dayIndex);
      });
    });
  });
export type ProgramDocument = z.input<typeof programDocument>;
export type ParsedProgramDocument = z.output<typeof programDocument>;

export const programDay = z.object({
  id,
  dayIndex: z.number().int(),
  templateId: id.nullable(),
  overrides: z.record(z.string(), prescriptionOverride),
});
export type ProgramDay = z.infer<typeof programDay>;

export const programWeek = z.object({
  id,
  weekNumber: z.number().int(),
  phase: phase.nullable(),
  deload: z.boolean(),
  volumeFactor: z.number(),
  intensityDeltaPercent: z.number(),
  rpeDelta: z.number(),
  days: z.array(programDay),
});
export type ProgramWeek = z.infer<typeof programWeek>;

/** A program applied to one athlete. */
export const programAssignment = z.object({
  id,
  programId: id,
  athleteId: id,
  athleteName: z.string(),
  startDate: isoDate,
  weekdays: z.array(z.number().int()),
  /** Scheduled workouts from today on that have not started. */
  upcoming: z.number().int(),
  createdAt: isoTimestamp,
});
export type ProgramAssignment = z.infer<typeof programAssignment>;

export const programSummary = z.object({
  id,
  name: z.string(),
  description: z.string(),
  daysPerWeek: z.number().int(),
  weekCount: z.number().int(),
  shiftOnMissed: z.boolean(),
  archived: z.boolean(),
  /** Athletes it is applied to (live applications). */
  athleteCount: z.number().int(),
  /** Its scheduled workouts from today on that have not started. */
  upcomingWorkouts: z.number().int(),
  /** Phase labels week by week (null where none), for a compact outline. */
  phases: z.array(phase.nullable()),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ProgramSummary = z.infer<typeof programSummary>;

export const programDetail = z.object({
  id,
  name: z.string(),
  description: z.string(),
  daysPerWeek: z.number().int(),
  shiftOnMissed: z.boolean(),
  archived: z.boolean(),
  /** Bumped by every save; `programs.save` sends the revision it started from. */
  revision: z.number().int(),
  weeks: z.array(programWeek),
  /** Every template a day of the program uses, with its exercises. */
  templates: z.array(templateDetail),
  assignments: z.array(programAssignment),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type ProgramDetail = z.infer<typeof programDetail>;

/** What a program edit did to the calendars it is applied to. */
export const scheduleSync = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  removed: z.number().int(),
  /** Athletes whose calendars changed. */
  athletes: z.number().int(),
});
export type ScheduleSync = z.infer<typeof scheduleSync>;

export const CONFLICT_CHOICES = ['keep_both', 'replace', 'shift'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export const applyProgramInput = z
  .object({
    programId: id,
    athleteIds: z
      .array(id)
      .min(1, { message: 'Pick at least one athlete to apply the program to' })
      .max(200, { message: 'Apply to at most 200 athletes at once' })
      .transform((ids) => [...new Set(ids)]),
    startDate: namedDate('Start date'),
    weekdays: z
      .array(weekday)
      .min(1, { message: 'Pick the weekdays the athletes train on' })
      .max(7)
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    /** Days where an athlete already has a workout: keep both, replace it, or shift the program past it. */
    onConflict: z.enum(CONFLICT_CHOICES).default('keep_both'),
  })
  .strict();
export type ApplyProgramInput = z.input<typeof applyProgramInput>;
