/**
 * Applying a program to athletes: the preview (dates, end date, days where an athlete already has
 * a workout), the apply itself (one transaction for every athlete, idempotent), and its undo.
 * Each application is a program_assignment; its workouts carry the program day they come from and
 * the prescription frozen for that day.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { NotFound, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { programEndDate } from '../../shared/calc/schedule';
import type { ScheduleStatus } from '../../shared/domain/schedule';
import type { DrizzleTx } from '../db/client';
import { athlete, programAssignment, scheduledWorkout } from '../db/schema';
import type { Handlers, ServiceContext } from './context';
import {
  applicablePlan,
  applyingAthletes,
  existingWorkoutsFrom,
  groupByAthlete,
  identicalAssignments,
  type ApplyingAthlete,
  type ApplyInput,
  type AssignmentRow,
  type ExistingWorkout,
} from './program-apply-read';
import { plannedWorkouts, type PlannedWorkout, type ProgramPlan } from './program-plan';
import { athleteToday } from './schedule-read';
import {
  arrayParam,
  insertWorkouts,
  shiftPastConflicts,
  tombstoneWorkouts,
  type NewWorkout,
} from './schedule-write';

export async function previewApply(
  ctx: ServiceContext,
  input: ApplyInput,
): Promise<OutputOf<'programs.previewApply'>> {
  const plan = await applicablePlan(ctx.db, ctx, input.programId);
  const athletes = await applyingAthletes(ctx.db, ctx, input.athleteIds);
  const calendarAssignment = { startDate: input.startDate, weekdays: input.weekdays };
  const workouts = plannedWorkouts(plan, calendarAssignment);
  const identical = await identicalAssignments(ctx.db, input);
  const programDays = new Set(workouts.map((workout) => workout.date));
  const existing = groupByAthlete(await existingWorkoutsFrom(ctx.db, ctx, input.athleteIds, input.startDate));

  const conflicts: OutputOf<'programs.previewApply'>['conflicts'] = [];
  for (const person of athletes) {
    const ownAssignment = identical.get(person.id);
    const byDate = new Map<string, ExistingWorkout[]>();
    for (const workout of existing.get(person.id) ?? []) {
      if (!programDays.has(workout.date)) continue;
      if (ownAssignment !== undefined && workout.assignmentId === ownAssignment.id) continue;
      byDate.set(workout.date, [...(byDate.get(workout.date) ?? []), workout]);
    }
    for (const [date, onDate] of byDate) {
      conflicts.push({
        athleteId: person.id,
        athleteName: person.name,
        date,
        workouts: onDate.map(({ id, templateName, status, programName }) => ({
          id,
          templateName,
          status,
          programName,
        })),
      });
    }
  }
  return {
    days: workouts.map(({ weekNumber, dayIndex, date, templateId, templateName }) => ({
      weekNumber,
      dayIndex,
      date,
      templateId,
      templateName,
    })),
    endDate: programEndDate(plan.calendar, calendarAssignment),
    conflicts,
    alreadyApplied: athletes
      .filter((person) => identical.has(person.id))
      .map((person) => ({ athleteId: person.id, athleteName: person.name })),
  };
}

/** Statuses a replacing application may tombstone (never a started or done workout). */
const REPLACEABLE: readonly ScheduleStatus[] = ['scheduled', 'missed', 'skipped'];

interface AthleteApplication {
  assignment: typeof programAssignment.$inferInsert | null;
  workouts: NewWorkout[];
  replacedIds: string[];
  shifted: number;
  unchanged: number;
}

/** The program days each application already has a workout for (deleted ones too), and its live count. */
async function workoutDaysOf(
  tx: DrizzleTx,
  assignmentIds: readonly string[],
): Promise<Map<string, { days: Set<string | null>; live: number }>> {
  const byAssignment = new Map(assignmentIds.map((id) => [id, { days: new Set<string | null>(), live: 0 }]));
  if (assignmentIds.length === 0) return byAssignment;
  const rows = await tx
    .select({
      assignmentId: scheduledWorkout.assignmentId,
      programDayId: scheduledWorkout.programDayId,
      deletedAt: scheduledWorkout.deletedAt,
    })
    .from(scheduledWorkout)
    .where(inArray(scheduledWorkout.assignmentId, [...assignmentIds]));
  for (const row of rows) {
    const entry = byAssignment.get(row.assignmentId!)!;
    entry.days.add(row.programDayId);
    if (row.deletedAt === null) entry.live += 1;
  }
  return byAssignment;
}

/**
 * An athlete who already has this exact application gets only its missing future workouts; a
 * deleted one is not missing (the coach removed it).
 */
function topUpApplication(
  plan: ProgramPlan,
  person: ApplyingAthlete,
  assignment: AssignmentRow,
  existing: { days: Set<string | null>; live: number },
  now: Date,
): AthleteApplication {
  const today = athleteToday(person.timeZone, now);
  const missing = plannedWorkouts(plan, assignment).filter(
    (workout) => workout.date >= today && !existing.days.has(workout.dayId),
  );
  return {
    assignment: null,
    workouts: missing.map((workout) => ({ workout, athleteId: person.id, assignmentId: assignment.id })),
    replacedIds: [],
    shifted: 0,
    unchanged: existing.live,
  };
}

function newApplication(
  plan: ProgramPlan,
  person: ApplyingAthlete,
  input: ApplyInput,
  existing: readonly ExistingWorkout[],
  timestamp: string,
): AthleteApplication {
  const assignmentId = uuidv7();
  let skippedDates: string[] = [];
  let workouts: PlannedWorkout[];
  if (input.onConflict === 'shift') {
    const occupied = new Set(existing.map((workout) => workout.date));
    ({ skippedDates, workouts } = shiftPastConflicts(plan, input, occupied));
  } else {
    workouts = plannedWorkouts(plan, input);
  }
  const replacedIds: string[] = [];
  if (input.onConflict === 'replace') {
    const dates = new Set(workouts.map((workout) => workout.date));
    for (const workout of existing) {
      if (dates.has(workout.date) && REPLACEABLE.includes(workout.status)) replacedIds.push(workout.id);
    }
  }
  return {
    assignment: {
      id: assignmentId,
      organizationId: plan.program.organizationId,
      programId: plan.program.id,
      athleteId: person.id,
      startDate: input.startDate,
      weekdays: input.weekdays,
      skippedDates,
      replacedWorkoutIds: replacedIds,
      createdAt: timestamp,
      updatedAt: timestamp,
    },
    workouts: workouts.map((workout) => ({ workout, athleteId: person.id, assignmentId })),
    replacedIds,
    shifted: skippedDates.length,
    unchanged: 0,
  };
}

export async function applyProgram(
  ctx: ServiceContext,
  input: ApplyInput,
): Promise<OutputOf<'programs.apply'>> {
  const timestamp = ctx.now().toISOString();
  const result = await ctx.db.transaction(async (tx) => {
    const plan = await applicablePlan(tx, ctx, input.programId);
    const athletes = await applyingAthletes(tx, ctx, input.athleteIds);
    const identical = await identicalAssignments(tx, input);
    const existing = groupByAthlete(await existingWorkoutsFrom(tx, ctx, input.athleteIds, input.startDate));
    const existingDays = await workoutDaysOf(
      tx,
      [...identical.values()].map((assignment) => assignment.id),
    );

    const applications = athletes.map((person) => {
      const assignment = identical.get(person.id);
      return assignment !== undefined
        ? topUpApplication(plan, person, assignment, existingDays.get(assignment.id)!, ctx.now())
        : newApplication(plan, person, input, existing.get(person.id) ?? [], timestamp);
    });

    const assignments = applications.flatMap((item) => (item.assignment ? [item.assignment] : []));
    if (assignments.length > 0) await tx.insert(programAssignment).values(assignments);
    const replacedIds = applications.flatMap((item) => item.replacedIds);
    await tombstoneWorkouts(tx, replacedIds, timestamp);
    const newWorkouts = applications.flatMap((item) => item.workouts);
    await insertWorkouts(tx, plan, newWorkouts, timestamp);
    return {
      assignmentIds: assignments.map((assignment) => assignment.id),
      created: newWorkouts.length,
      replaced: replacedIds.length,
      shifted: applications.reduce((sum, item) => sum + item.shifted, 0),
      unchanged: applications.reduce((sum, item) => sum + item.unchanged, 0),
    };
  });
  if (result.assignmentIds.length > 0) ctx.touched('program_assignment');
  if (result.created > 0 || result.replaced > 0) ctx.touched('scheduled_workout');
  return result;
}

/**
 * The undo of an apply: the applications' workouts still to come (scheduled, today or later) go,
 * what they replaced comes back, and the applications end. Past, started and done workouts stay.
 */
export async function unapplyProgram(
  ctx: ServiceContext,
  input: ParsedInputOf<'programs.unapply'>,
): Promise<OutputOf<'programs.unapply'>> {
  const ids = [...new Set(input.assignmentIds)];
  const timestamp = ctx.now().toISOString();
  const result = await ctx.db.transaction(async (tx) => {
    const assignments = await tx
      .select({ row: programAssignment, timeZone: athlete.timeZone })
      .from(programAssignment)
      .innerJoin(athlete, eq(athlete.id, programAssignment.athleteId))
      .where(
        and(inArray(programAssignment.id, ids), eq(programAssignment.organizationId, ctx.organizationId)),
      );
    if (assignments.length < ids.length) {
      throw new NotFound(
        'That program application does not exist: it may have been removed on another device',
      );
    }
    // Undoing twice does nothing more.
    const live = assignments.filter(({ row }) => row.deletedAt === null);
    if (live.length === 0) return { removed: 0, restored: 0, ended: false };
    const now = ctx.now();
    // One statement for all: each application's workouts from its athlete's today on.
    const removed = await tx.execute<{ id: string }>(sql`
      update ${scheduledWorkout} as sw set deleted_at = ${timestamp}, updated_at = ${timestamp}
        from unnest(${arrayParam(live.map(({ row }) => row.id))}::uuid[],
                    ${arrayParam(live.map(({ timeZone }) => athleteToday(timeZone, now)))}::date[])
          as a (id, today)
       where sw.assignment_id = a.id and sw.deleted_at is null
         and sw.status = 'scheduled' and sw.scheduled_date >= a.today
      returning sw.id`);
    const restored = await restoreReplaced(
      tx,
      live.flatMap(({ row }) => row.replacedWorkoutIds),
      timestamp,
    );
    await tx
      .update(programAssignment)
      .set({ deletedAt: timestamp, updatedAt: timestamp })
      .where(
        inArray(
          programAssignment.id,
          live.map(({ row }) => row.id),
        ),
      );
    return { removed: removed.rows.length, restored, ended: true };
  });
  if (result.ended) ctx.touched('program_assignment');
  if (result.removed > 0 || result.restored > 0) ctx.touched('scheduled_workout');
  return { removed: result.removed, restored: result.restored };
}

/** Brings back replaced workouts, except one whose program day has another live workout now. */
async function restoreReplaced(
  tx: DrizzleTx,
  workoutIds: readonly string[],
  timestamp: string,
): Promise<number> {
  if (workoutIds.length === 0) return 0;
  const restored = await tx
    .update(scheduledWorkout)
    .set({ deletedAt: null, updatedAt: timestamp })
    .where(
      and(
        inArray(scheduledWorkout.id, [...workoutIds]),
        sql`${scheduledWorkout.deletedAt} is not null`,
        sql`(${scheduledWorkout.assignmentId} is null or not exists (
          select 1 from ${scheduledWorkout} twin
           where twin.assignment_id = ${scheduledWorkout.assignmentId}
             and twin.program_day_id = ${scheduledWorkout.programDayId}
             and twin.deleted_at is null))`,
      ),
    )
    .returning({ id: scheduledWorkout.id });
  return restored.length;
}

export const programApplyHandlers: Pick<
  Handlers,
  'programs.previewApply' | 'programs.apply' | 'programs.unapply'
> = {
  'programs.previewApply': (input, ctx) => previewApply(ctx, input),
  'programs.apply': (input, ctx) => applyProgram(ctx, input),
  'programs.unapply': (input, ctx) => unapplyProgram(ctx, input),
};
