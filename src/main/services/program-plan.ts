/**
 * A program as the schedule needs it: where its days fall (the calendar shape) and what each
 * workout day prescribes (template, day overrides and week modifiers resolved once per day, then
 * shared by every athlete it is applied to). Applying a program and keeping schedules true to it
 * both start here.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { resolveTemplate } from '../../shared/calc/prescription';
import {
  programDates,
  type CalendarAssignment,
  type CalendarProgram,
  type ProgramDate,
} from '../../shared/calc/schedule';
import type { ResolvedPrescription } from '../../shared/domain/prescription';
import { workoutTemplate } from '../db/schema';
import { loadProgramWeeks, type ProgramRow } from './program-read';
import { loadTemplateExercises, type Queryable } from './template-read';

/** One workout day of the program, resolved. */
export interface PlannedDay {
  dayId: string;
  weekId: string;
  weekNumber: number;
  dayIndex: number;
  templateId: string;
  templateName: string;
  prescription: ResolvedPrescription[];
}

export interface ProgramPlan {
  program: ProgramRow;
  /** Days whose template is gone (deleted) count as rest days. */
  calendar: CalendarProgram;
  days: Map<string, PlannedDay>;
}

/** A planned day on its date for one application. */
export type PlannedWorkout = PlannedDay & { date: string };

export async function loadProgramPlan(
  db: Queryable,
  organizationId: string,
  program: ProgramRow,
): Promise<ProgramPlan> {
  const weeks = await loadProgramWeeks(db, program.id);
  const usedTemplateIds = [
    ...new Set(weeks.flatMap((week) => week.days.flatMap((day) => (day.templateId ? [day.templateId] : [])))),
  ];
  const templates =
    usedTemplateIds.length === 0
      ? []
      : await db
          .select({ id: workoutTemplate.id, name: workoutTemplate.name })
          .from(workoutTemplate)
          .where(
            and(
              eq(workoutTemplate.organizationId, organizationId),
              isNull(workoutTemplate.deletedAt),
              inArray(workoutTemplate.id, usedTemplateIds),
            ),
          );
  const templateNames = new Map(templates.map((row) => [row.id, row.name]));
  const exercises = await loadTemplateExercises(db, [...templateNames.keys()]);

  const days = new Map<string, PlannedDay>();
  const calendar: CalendarProgram = {
    daysPerWeek: program.daysPerWeek,
    weeks: weeks.map((week, weekIndex) => ({
      id: week.id,
      days: week.days.map((day) => {
        const templateName = day.templateId ? templateNames.get(day.templateId) : undefined;
        if (!day.templateId || templateName === undefined) return { ...day, templateId: null };
        days.set(day.id, {
          dayId: day.id,
          weekId: week.id,
          weekNumber: weekIndex + 1,
          dayIndex: day.dayIndex,
          templateId: day.templateId,
          templateName,
          prescription: resolveTemplate(exercises.get(day.templateId) ?? [], day.overrides, week),
        });
        return day;
      }),
    })),
  };
  return { program, calendar, days };
}

/** Whether the program has any day a workout can be scheduled from. */
export function hasWorkoutDays(plan: ProgramPlan): boolean {
  return plan.days.size > 0;
}

/** The program's workouts on the calendar of one application, in date order. */
export function plannedWorkouts(plan: ProgramPlan, assignment: CalendarAssignment): PlannedWorkout[] {
  return programDates(plan.calendar, assignment).flatMap((slot: ProgramDate) => {
    const day = plan.days.get(slot.dayId);
    return day ? [{ ...day, date: slot.date }] : [];
  });
}
