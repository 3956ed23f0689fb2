/**
 * Writing program workouts in bulk: applying a 12-week program to 30 athletes is over a thousand
 * rows, and a program edit can move as many, so rows go in a few statements rather than one each
 * (PGlite answers one statement at a time).
 */
import { inArray, sql } from 'drizzle-orm';
import type { CalendarAssignment } from '../../shared/calc/schedule';
import type { ResolvedPrescription } from '../../shared/domain/prescription';
import type { DrizzleTx } from '../db/client';
import { scheduledWorkout } from '../db/schema';
import { uuidv7 } from 'uuidv7';
import { plannedWorkouts, type PlannedWorkout, type ProgramPlan } from './program-plan';
import type { ProgramRow } from './program-read';

/** Rows per statement: well under Postgres's 65,535 parameters, small enough to stay quick. */
const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

export interface NewWorkout {
  workout: PlannedWorkout;
  athleteId: string;
  assignmentId: string;
}

export function workoutValues(
  program: ProgramRow,
  item: NewWorkout,
  timestamp: string,
): typeof scheduledWorkout.$inferInsert {
  return {
    id: uuidv7(),
    organizationId: program.organizationId,
    athleteId: item.athleteId,
    templateId: item.workout.templateId,
    scheduledDate: item.workout.date,
    programId: program.id,
    programWeekId: item.workout.weekId,
    programDayId: item.workout.dayId,
    assignmentId: item.assignmentId,
    prescription: item.workout.prescription,
    createdAt: timestamp,
    updatedAt: timestamp,
  };
}

export async function insertWorkouts(
  tx: DrizzleTx,
  rows: readonly (typeof scheduledWorkout.$inferInsert)[],
): Promise<void> {
  for (const part of chunks(rows)) await tx.insert(scheduledWorkout).values(part);
}

export async function tombstoneWorkouts(
  tx: DrizzleTx,
  workoutIds: readonly string[],
  timestamp: string,
): Promise<void> {
  for (const part of chunks(workoutIds)) {
    await tx
      .update(scheduledWorkout)
      .set({ deletedAt: timestamp, updatedAt: timestamp })
      .where(inArray(scheduledWorkout.id, part));
  }
}

/** The new state of a program workout that follows its program. */
export interface WorkoutRefresh {
  id: string;
  templateId: string;
  programWeekId: string | null;
  date: string;
  status: string;
  prescription: ResolvedPrescription[];
}

export async function refreshWorkouts(
  tx: DrizzleTx,
  refreshes: readonly WorkoutRefresh[],
  timestamp: string,
): Promise<void> {
  for (const part of chunks(refreshes)) {
    const values = sql.join(
      part.map(
        (row) =>
          sql`(${row.id}, ${row.templateId}, ${row.programWeekId}, ${row.date}, ${row.status}, ${JSON.stringify(row.prescription)})`,
      ),
      sql`, `,
    );
    await tx.execute(sql`
      update ${scheduledWorkout} as sw
         set template_id = v.template_id::uuid,
             program_week_id = v.program_week_id::uuid,
             scheduled_date = v.scheduled_date::date,
             status = v.status,
             prescription = v.prescription::jsonb,
             updated_at = ${timestamp}
        from (values ${values}) as v (id, template_id, program_week_id, scheduled_date, status, prescription)
       where sw.id = v.id::uuid`);
  }
}

/**
 * Where an application lands when it moves past the days an athlete already trains: each program
 * date that collides with `occupied` becomes a skipped date, until none collides. Every round
 * skips at least one more date and `occupied` is finite, so it ends.
 */
export function shiftPastConflicts(
  plan: ProgramPlan,
  assignment: CalendarAssignment,
  occupied: ReadonlySet<string>,
): { skippedDates: string[]; workouts: PlannedWorkout[] } {
  const skipped = new Set(assignment.skippedDates ?? []);
  for (;;) {
    const workouts = plannedWorkouts(plan, { ...assignment, skippedDates: [...skipped] });
    const collisions = workouts.filter((workout) => occupied.has(workout.date));
    if (collisions.length === 0) return { skippedDates: [...skipped].sort(), workouts };
    for (const workout of collisions) skipped.add(workout.date);
  }
}
