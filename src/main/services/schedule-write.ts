/**
 * Writing program workouts in bulk. Applying a 12-week program to 30 athletes is over a thousand
 * rows, and a program edit can move as many; PGlite answers one statement at a time and every
 * parameter costs, so rows go as a few column arrays (`unnest`) per statement. A frozen
 * prescription depends only on its program day, so each statement carries the day's
 * prescriptions once (a jsonb object keyed by program day) instead of one copy per row: measured
 * on 1,440 rows, the per-row copies were most of an apply's time.
 */
import { sql, type SQL } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { CalendarAssignment } from '../../shared/calc/schedule';
import type { ResolvedPrescription } from '../../shared/domain/prescription';
import type { DrizzleTx } from '../db/client';
import { scheduledWorkout } from '../db/schema';
import { plannedWorkouts, type PlannedWorkout, type ProgramPlan } from './program-plan';
import type { ProgramRow } from './program-read';

/** Rows per statement: keeps one statement's arrays to a few hundred kilobytes. */
const CHUNK = 2000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

/** Ids, dates, statuses and keys: nothing that needs quoting inside an array literal. */
const PLAIN_ELEMENT = /^[\w:-]+$/;

/**
 * One array parameter (its text form, e.g. `{a,b}`): drizzle's `sql` spreads a JS array into a
 * parameter list, which is what this avoids. The values are ours (uuids, ISO dates, statuses),
 * and the literal is a parameter, never SQL text.
 */
export function arrayParam(values: readonly (string | null)[]): string {
  for (const value of values) {
    if (value !== null && !PLAIN_ELEMENT.test(value)) throw new Error(`Not a plain array element: ${value}`);
  }
  return `{${values.map((value) => value ?? 'NULL').join(',')}}`;
}

/** Prescriptions keyed by program day (or any plain key), as one jsonb parameter's text. */
export type PrescriptionsByKey = ReadonlyMap<string, readonly ResolvedPrescription[]>;

function prescriptionsParam(prescriptions: PrescriptionsByKey): string {
  return JSON.stringify(Object.fromEntries(prescriptions));
}

/** The plan's prescriptions by program day. */
export function planPrescriptions(plan: ProgramPlan): PrescriptionsByKey {
  return new Map([...plan.days.values()].map((day) => [day.dayId, day.prescription]));
}

/**
 * Whether the stored prescription is the plan's for its program day, computed by Postgres (jsonb
 * equality), so reconciling does not read every frozen prescription back.
 */
export function prescriptionMatches(prescriptions: PrescriptionsByKey): SQL<boolean> {
  return sql<boolean>`coalesce(${scheduledWorkout.prescription} = (${prescriptionsParam(prescriptions)}::jsonb -> ${scheduledWorkout.programDayId}::text), false)`;
}

export interface NewWorkout {
  workout: PlannedWorkout;
  athleteId: string;
  assignmentId: string;
}

/** New workouts of one program's applications, each with its day's frozen prescription. */
export async function insertWorkouts(
  tx: DrizzleTx,
  plan: ProgramPlan,
  items: readonly NewWorkout[],
  timestamp: string,
): Promise<void> {
  const program: ProgramRow = plan.program;
  const prescriptions = prescriptionsParam(planPrescriptions(plan));
  for (const part of chunks(items)) {
    const column = (pick: (item: NewWorkout) => string) => arrayParam(part.map(pick));
    await tx.execute(sql`
      insert into ${scheduledWorkout} (id, organization_id, athlete_id, template_id, scheduled_date,
        program_id, program_week_id, program_day_id, assignment_id, prescription, created_at, updated_at)
      select w.id, ${program.organizationId}::uuid, w.athlete_id, w.template_id, w.scheduled_date,
             ${program.id}::uuid, w.program_week_id, w.program_day_id, w.assignment_id,
             ${prescriptions}::jsonb -> w.program_day_id::text, ${timestamp}::timestamptz, ${timestamp}::timestamptz
        from unnest(${column(() => uuidv7())}::uuid[], ${column((item) => item.athleteId)}::uuid[],
                    ${column((item) => item.workout.templateId)}::uuid[], ${column((item) => item.workout.date)}::date[],
                    ${column((item) => item.workout.weekId)}::uuid[], ${column((item) => item.workout.dayId)}::uuid[],
                    ${column((item) => item.assignmentId)}::uuid[])
          as w (id, athlete_id, template_id, scheduled_date, program_week_id, program_day_id, assignment_id)`);
  }
}

export async function tombstoneWorkouts(
  tx: DrizzleTx,
  workoutIds: readonly string[],
  timestamp: string,
): Promise<void> {
  for (const part of chunks(workoutIds)) {
    await tx.execute(sql`
      update ${scheduledWorkout} set deleted_at = ${timestamp}, updated_at = ${timestamp}
       where id = any(${arrayParam(part)}::uuid[])`);
  }
}

/**
 * Workouts a program edit took away (their day became a rest day, their week went): tombstoned
 * and let go of their program day. A tombstone that still names its day means the coach deleted
 * that workout, and sync never recreates it; these were not the coach's choice, so when the day
 * comes back (an undo, a re-applied edit) it gets a workout again.
 */
export async function retireWorkouts(
  tx: DrizzleTx,
  workoutIds: readonly string[],
  timestamp: string,
): Promise<void> {
  for (const part of chunks(workoutIds)) {
    await tx.execute(sql`
      update ${scheduledWorkout}
         set deleted_at = ${timestamp}, updated_at = ${timestamp}, program_day_id = null
       where id = any(${arrayParam(part)}::uuid[])`);
  }
}

/** The new state of a workout that follows its program or template. */
export interface WorkoutRefresh {
  id: string;
  templateId: string;
  programWeekId: string | null;
  date: string;
  status: string;
  /** Its prescription's key in the statement's prescriptions (the program day's id). */
  prescriptionKey: string;
}

export async function refreshWorkouts(
  tx: DrizzleTx,
  refreshes: readonly WorkoutRefresh[],
  prescriptions: PrescriptionsByKey,
  timestamp: string,
): Promise<void> {
  if (refreshes.length === 0) return;
  const byKey = prescriptionsParam(prescriptions);
  for (const part of chunks(refreshes)) {
    const column = (pick: (row: WorkoutRefresh) => string | null) => arrayParam(part.map(pick));
    await tx.execute(sql`
      update ${scheduledWorkout} as sw
         set template_id = v.template_id,
             program_week_id = v.program_week_id,
             scheduled_date = v.scheduled_date,
             status = v.status,
             prescription = ${byKey}::jsonb -> v.prescription_key,
             updated_at = ${timestamp}
        from unnest(${column((row) => row.id)}::uuid[], ${column((row) => row.templateId)}::uuid[],
                    ${column((row) => row.programWeekId)}::uuid[], ${column((row) => row.date)}::date[],
                    ${column((row) => row.status)}::text[], ${column((row) => row.prescriptionKey)}::text[])
          as v (id, template_id, program_week_id, scheduled_date, status, prescription_key)
       where sw.id = v.id`);
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
