/**
 * Keeps the scheduled workouts of program applications true to their programs. After a program
 * or template edit, each application's workouts are reconciled with what the program now asks
 * for, keyed by program day: future, not-started ones (status 'scheduled', dated today or later on
 * the athlete's clock) follow; past, started, done, skipped and deleted ones never change; a
 * deleted one is never brought back; a hand-moved (pinned) one keeps its date.
 */
import { isDeepStrictEqual } from 'node:util';
import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { resolveTemplate } from '../../shared/calc/prescription';
import { trainingDatesBetween } from '../../shared/calc/schedule';
import type { ResolvedPrescription } from '../../shared/domain/prescription';
import type { ScheduleSync } from '../../shared/domain/program';
import type { DrizzleTx } from '../db/client';
import { athlete, program, programAssignment, programDay, programWeek, scheduledWorkout } from '../db/schema';
import type { ServiceContext } from './context';
import { loadProgramPlan, plannedWorkouts, type PlannedWorkout, type ProgramPlan } from './program-plan';
import { toOverrides } from './program-read';
import { athleteToday, earliestTodayAnywhere } from './schedule-read';
import {
  insertWorkouts,
  planPrescriptions,
  prescriptionMatches,
  refreshWorkouts,
  retireWorkouts,
  type NewWorkout,
  type WorkoutRefresh,
} from './schedule-write';
import { loadTemplateExercises } from './template-read';

type AssignmentRow = typeof programAssignment.$inferSelect;

interface ReconcileTarget {
  assignment: AssignmentRow;
  /** The athlete's date now. */
  today: string;
  /**
   * Shifting over a missed day: this application's workouts dated from here up to today that
   * were missed (or are still open) move to their new dates and are scheduled again.
   */
  reviveFrom?: string;
}

/** What a reconciliation did, before it is counted for the contract. */
class SyncTally {
  created = 0;
  updated = 0;
  removed = 0;
  readonly athletes = new Set<string>();

  add(other: SyncTally): void {
    this.created += other.created;
    this.updated += other.updated;
    this.removed += other.removed;
    for (const id of other.athletes) this.athletes.add(id);
  }

  toScheduleSync(): ScheduleSync {
    return {
      created: this.created,
      updated: this.updated,
      removed: this.removed,
      athletes: this.athletes.size,
    };
  }
}

type ExistingRow = Pick<
  typeof scheduledWorkout.$inferSelect,
  | 'id'
  | 'assignmentId'
  | 'programDayId'
  | 'programWeekId'
  | 'templateId'
  | 'scheduledDate'
  | 'status'
  | 'datePinned'
  | 'deletedAt'
> & {
  /** Whether its frozen prescription is already what its program day asks for. */
  prescriptionMatches: boolean;
};

/** One application against its existing rows (tombstoned ones included): what to write. */
function planReconcile(
  plan: ProgramPlan,
  target: ReconcileTarget,
  rows: readonly ExistingRow[],
): { creates: PlannedWorkout[]; refreshes: WorkoutRefresh[]; removals: string[] } {
  const { today, reviveFrom } = target;
  const live = new Map<string, ExistingRow>();
  const deletedDays = new Set<string>();
  for (const row of rows) {
    if (row.programDayId === null) continue;
    if (row.deletedAt === null) live.set(row.programDayId, row);
    else deletedDays.add(row.programDayId);
  }
  const desired = plannedWorkouts(plan, target.assignment);
  const desiredDays = new Set(desired.map((workout) => workout.dayId));

  const creates: PlannedWorkout[] = [];
  const refreshes: WorkoutRefresh[] = [];
  for (const workout of desired) {
    const row = live.get(workout.dayId);
    if (!row) {
      // A deleted workout was the coach's choice: never recreated. Past days are history.
      if (!deletedDays.has(workout.dayId) && workout.date >= today) creates.push(workout);
      continue;
    }
    const revive =
      reviveFrom !== undefined &&
      (row.status === 'missed' || row.status === 'scheduled') &&
      !row.datePinned &&
      row.scheduledDate >= reviveFrom &&
      row.scheduledDate < today &&
      workout.date >= today;
    const follows = row.status === 'scheduled' && row.scheduledDate >= today;
    if (!revive && !follows) continue;
    const date = row.datePinned || workout.date < today ? row.scheduledDate : workout.date;
    const refresh: WorkoutRefresh = {
      id: row.id,
      templateId: workout.templateId,
      programWeekId: workout.weekId,
      date,
      status: 'scheduled',
      prescriptionKey: workout.dayId,
    };
    const changed =
      refresh.templateId !== row.templateId ||
      refresh.programWeekId !== row.programWeekId ||
      refresh.date !== row.scheduledDate ||
      refresh.status !== row.status ||
      !row.prescriptionMatches;
    if (changed) refreshes.push(refresh);
  }
  const removals: string[] = [];
  for (const row of live.values()) {
    if (desiredDays.has(row.programDayId!)) continue;
    if (row.status === 'scheduled' && row.scheduledDate >= today) removals.push(row.id);
  }
  // A row without a program day is not this program's to keep.
  for (const row of rows) {
    if (
      row.programDayId === null &&
      row.deletedAt === null &&
      row.status === 'scheduled' &&
      row.scheduledDate >= today
    )
      removals.push(row.id);
  }
  return { creates, refreshes, removals };
}

async function reconcile(
  tx: DrizzleTx,
  ctx: ServiceContext,
  plan: ProgramPlan,
  targets: readonly ReconcileTarget[],
): Promise<SyncTally> {
  const tally = new SyncTally();
  if (targets.length === 0) return tally;
  const prescriptions = planPrescriptions(plan);
  const rows = await tx
    .select({
      id: scheduledWorkout.id,
      assignmentId: scheduledWorkout.assignmentId,
      programDayId: scheduledWorkout.programDayId,
      programWeekId: scheduledWorkout.programWeekId,
      templateId: scheduledWorkout.templateId,
      scheduledDate: scheduledWorkout.scheduledDate,
      status: scheduledWorkout.status,
      datePinned: scheduledWorkout.datePinned,
      deletedAt: scheduledWorkout.deletedAt,
      prescriptionMatches: prescriptionMatches(prescriptions),
    })
    .from(scheduledWorkout)
    .where(
      inArray(
        scheduledWorkout.assignmentId,
        targets.map((target) => target.assignment.id),
      ),
    );
  const byAssignment = new Map<string, ExistingRow[]>();
  for (const row of rows) {
    byAssignment.set(row.assignmentId!, [...(byAssignment.get(row.assignmentId!) ?? []), row]);
  }

  const creates: NewWorkout[] = [];
  const refreshes: WorkoutRefresh[] = [];
  const removals: string[] = [];
  for (const target of targets) {
    const planned = planReconcile(plan, target, byAssignment.get(target.assignment.id) ?? []);
    const { athleteId, id: assignmentId } = target.assignment;
    creates.push(...planned.creates.map((workout) => ({ workout, athleteId, assignmentId })));
    refreshes.push(...planned.refreshes);
    removals.push(...planned.removals);
    tally.created += planned.creates.length;
    tally.updated += planned.refreshes.length;
    tally.removed += planned.removals.length;
    if (planned.creates.length + planned.refreshes.length + planned.removals.length > 0) {
      tally.athletes.add(athleteId);
    }
  }
  const timestamp = ctx.now().toISOString();
  // Removals first, then moves, then new rows: a program day has one live workout at every step.
  await retireWorkouts(tx, removals, timestamp);
  await refreshWorkouts(tx, refreshes, prescriptions, timestamp);
  await insertWorkouts(tx, plan, creates, timestamp);
  if (tally.created + tally.updated + tally.removed > 0) ctx.touched('scheduled_workout');
  return tally;
}

async function programPlanOf(
  tx: DrizzleTx,
  ctx: ServiceContext,
  programId: string,
): Promise<ProgramPlan | null> {
  const [row] = await tx
    .select()
    .from(program)
    .where(and(eq(program.id, programId), eq(program.organizationId, ctx.organizationId)));
  return row ? loadProgramPlan(tx, ctx.organizationId, row) : null;
}

async function syncProgram(tx: DrizzleTx, ctx: ServiceContext, programId: string): Promise<SyncTally> {
  // Applications first: most saves are of programs nobody follows yet, and the plan costs more.
  const assignments = await tx
    .select({ assignment: programAssignment, timeZone: athlete.timeZone })
    .from(programAssignment)
    .innerJoin(athlete, eq(athlete.id, programAssignment.athleteId))
    .where(and(eq(programAssignment.programId, programId), isNull(programAssignment.deletedAt)));
  if (assignments.length === 0) return new SyncTally();
  const plan = await programPlanOf(tx, ctx, programId);
  if (!plan) return new SyncTally();
  const now = ctx.now();
  return reconcile(
    tx,
    ctx,
    plan,
    assignments.map(({ assignment, timeZone }) => ({ assignment, today: athleteToday(timeZone, now) })),
  );
}

/**
 * After a program changed (inside the same transaction): bring every live application's future,
 * not-started workouts in line with it — create, move, retemplate, re-prescribe or remove them.
 * Past, started, done, skipped and deleted workouts never change; hand-moved ones keep their date.
 */
export async function syncProgramSchedules(
  tx: DrizzleTx,
  ctx: ServiceContext,
  programId: string,
): Promise<ScheduleSync> {
  return (await syncProgram(tx, ctx, programId)).toScheduleSync();
}

/**
 * After a template's exercises changed (inside the same transaction): refresh the frozen
 * prescription of its future, not-started workouts (program-derived ones through their program).
 */
export async function syncTemplateSchedules(
  tx: DrizzleTx,
  ctx: ServiceContext,
  templateId: string,
): Promise<ScheduleSync> {
  const now = ctx.now();
  const candidates = await tx
    .select({
      id: scheduledWorkout.id,
      athleteId: scheduledWorkout.athleteId,
      timeZone: athlete.timeZone,
      date: scheduledWorkout.scheduledDate,
      programId: scheduledWorkout.programId,
      assignmentId: scheduledWorkout.assignmentId,
      programDayId: scheduledWorkout.programDayId,
      programWeekId: scheduledWorkout.programWeekId,
      // Only workouts outside an application are compared here; the others follow their program.
      prescription: sql<unknown>`case when ${scheduledWorkout.assignmentId} is null then ${scheduledWorkout.prescription} end`,
    })
    .from(scheduledWorkout)
    .innerJoin(athlete, eq(athlete.id, scheduledWorkout.athleteId))
    .where(
      and(
        eq(scheduledWorkout.organizationId, ctx.organizationId),
        eq(scheduledWorkout.templateId, templateId),
        eq(scheduledWorkout.status, 'scheduled'),
        isNull(scheduledWorkout.deletedAt),
        gte(scheduledWorkout.scheduledDate, earliestTodayAnywhere(now)),
      ),
    );
  const upcoming = candidates.filter((row) => row.date >= athleteToday(row.timeZone, now));

  const tally = new SyncTally();
  const programIds = new Set(
    upcoming.flatMap((row) => (row.assignmentId && row.programId ? [row.programId] : [])),
  );
  for (const programId of programIds) tally.add(await syncProgram(tx, ctx, programId));

  const standalone = upcoming.filter((row) => row.assignmentId === null);
  if (standalone.length > 0) {
    const exercises = (await loadTemplateExercises(tx, [templateId])).get(templateId) ?? [];
    const days = await programDayShapes(tx, standalone);
    const refreshes: WorkoutRefresh[] = [];
    const prescriptions = new Map<string, ResolvedPrescription[]>();
    for (const row of standalone) {
      const day = row.programDayId ? days.get(row.programDayId) : undefined;
      const key = day ? row.programDayId! : 'template';
      const prescription = prescriptions.get(key) ?? resolveTemplate(exercises, day?.overrides, day?.week);
      prescriptions.set(key, prescription);
      if (isDeepStrictEqual(prescription, row.prescription)) continue;
      refreshes.push({
        id: row.id,
        templateId,
        programWeekId: row.programWeekId,
        date: row.date,
        status: 'scheduled',
        prescriptionKey: key,
      });
      tally.athletes.add(row.athleteId);
    }
    await refreshWorkouts(tx, refreshes, prescriptions, now.toISOString());
    tally.updated += refreshes.length;
    if (refreshes.length > 0) ctx.touched('scheduled_workout');
  }
  return tally.toScheduleSync();
}

/**
 * The day overrides and week modifiers of workouts scheduled from a program day without an
 * application (older data): their prescription keeps the day's changes when refreshed.
 */
async function programDayShapes(
  tx: DrizzleTx,
  rows: readonly { programDayId: string | null }[],
): Promise<
  Map<string, { overrides: ReturnType<typeof toOverrides>; week: typeof programWeek.$inferSelect }>
> {
  const dayIds = [...new Set(rows.flatMap((row) => (row.programDayId ? [row.programDayId] : [])))];
  if (dayIds.length === 0) return new Map();
  const found = await tx
    .select({ id: programDay.id, overrides: programDay.overrides, week: programWeek })
    .from(programDay)
    .innerJoin(programWeek, eq(programWeek.id, programDay.programWeekId))
    .where(inArray(programDay.id, dayIds));
  return new Map(found.map((row) => [row.id, { overrides: toOverrides(row.overrides), week: row.week }]));
}

/**
 * When a workout of an application was missed and its program shifts on a miss (the
 * missed-workouts job): the application's training dates from `fromDate` (the missed day,
 * inclusive) up to `today` (exclusive, the athlete's date) become skipped dates, and the
 * application is reconciled, so the missed workout and everything after it move to the next
 * training days (the missed one is scheduled again). Running it twice changes nothing more.
 * An application that has ended (undone) is left alone.
 */
export async function shiftAssignment(
  tx: DrizzleTx,
  ctx: ServiceContext,
  assignmentId: string,
  fromDate: string,
  today: string,
): Promise<ScheduleSync> {
  const [assignment] = await tx
    .select()
    .from(programAssignment)
    .where(
      and(
        eq(programAssignment.id, assignmentId),
        eq(programAssignment.organizationId, ctx.organizationId),
        isNull(programAssignment.deletedAt),
      ),
    );
  if (!assignment || fromDate >= today) return new SyncTally().toScheduleSync();
  const plan = await programPlanOf(tx, ctx, assignment.programId);
  if (!plan) return new SyncTally().toScheduleSync();

  // Training dates already skipped stay skipped; running twice adds nothing.
  const added = trainingDatesBetween(assignment, fromDate, today);
  let current = assignment;
  if (added.length > 0) {
    const skippedDates = [...assignment.skippedDates, ...added].sort();
    const [updated] = await tx
      .update(programAssignment)
      .set({ skippedDates, updatedAt: ctx.now().toISOString() })
      .where(eq(programAssignment.id, assignment.id))
      .returning();
    current = updated!;
    ctx.touched('program_assignment');
  }
  const tally = await reconcile(tx, ctx, plan, [{ assignment: current, today, reviveFrom: fromDate }]);
  return tally.toScheduleSync();
}
