/**
 * Starting, editing, finishing, deleting and restoring a workout. An athlete has one workout in
 * progress at most; a workout started from the calendar marks its scheduled workout in progress
 * and links it, finishing marks it completed, deleting the session gives it back to the calendar
 * (scheduled, or missed when its day has passed) and restoring takes it again. Records follow a
 * session's edits and deletion in the same transaction.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, InvalidInput, NotFound, type ParsedInputOf, type TableName } from '../../shared/contract';
import { resolveTemplate } from '../../shared/calc/prescription';
import { athleteToday } from '../../shared/calc/schedule';
import type { ResolvedPrescription, SetType } from '../../shared/domain/prescription';
import type { WorkoutSummary } from '../../shared/domain/workout';
import type { DrizzleTx } from '../db/client';
import {
  athlete,
  exerciseEntry,
  scheduledWorkout,
  setEntry,
  workoutSession,
  workoutTemplate,
} from '../db/schema';
import { toIsoTimestamp } from '../db/values';
import { liveAthleteOf } from './athletes';
import type { ServiceContext } from './context';
import { requireWorkout, shortDate, toPrescription } from './schedule-read';
import { liveTemplateOf, loadTemplateExercises } from './template-read';
import {
  describeStart,
  findInProgress,
  loadWorkoutSummary,
  requireSession,
  type SessionRow,
} from './workout-read';
import { refreshSessionStats } from './workout-records';

const DERIVED: TableName[] = ['athlete_exercise_session', 'personal_record'];

/** The Conflict that names the athlete's workout in progress. */
export function inProgressConflict(existing: SessionRow, now: Date): Conflict {
  const name = existing.name ? `“${existing.name}”` : 'a workout';
  return new Conflict(
    `${existing.athleteName} already has a workout in progress: ${name}, started ${describeStart(
      existing.startedAt,
      existing.athleteTimeZone,
      now,
    )}. Finish or delete it before starting another`,
    { sessionId: existing.id },
  );
}

function refuseFuture(field: 'startedAt' | 'completedAt', when: string, now: Date): void {
  if (new Date(when).getTime() > now.getTime()) {
    const message =
      field === 'startedAt'
        ? 'A workout cannot start in the future: give a time up to now'
        : 'A workout cannot end in the future: give a time up to now';
    throw new InvalidInput(message, [{ path: [field], message }]);
  }
}

function refuseEndBeforeStart(startedAt: string, completedAt: string, path: string): void {
  if (new Date(completedAt).getTime() < new Date(startedAt).getTime()) {
    const message = 'A workout cannot end before it starts: check the times';
    throw new InvalidInput(message, [{ path: [path], message }]);
  }
}

interface Plan {
  name: string;
  templateId: string | null;
  scheduledWorkoutId: string | null;
  prescription: ResolvedPrescription[];
}

async function planFromTemplate(ctx: ServiceContext, templateId: string): Promise<Plan> {
  const [template] = await ctx.db
    .select({ name: workoutTemplate.name, archivedAt: workoutTemplate.archivedAt })
    .from(workoutTemplate)
    .where(liveTemplateOf(ctx.organizationId, templateId));
  if (!template) throw new NotFound('That template does not exist or has been deleted');
  if (template.archivedAt !== null) {
    const message = `“${template.name}” is archived: restore it in the template library before starting it`;
    throw new InvalidInput(message, [{ path: ['from', 'templateId'], message }]);
  }
  const exercises = (await loadTemplateExercises(ctx.db, [templateId])).get(templateId) ?? [];
  return {
    name: template.name,
    templateId,
    scheduledWorkoutId: null,
    prescription: resolveTemplate(exercises, undefined),
  };
}

async function planFromSchedule(
  ctx: ServiceContext,
  athleteId: string,
  scheduledWorkoutId: string,
): Promise<Plan> {
  const row = await requireWorkout(ctx.db, ctx.organizationId, scheduledWorkoutId);
  const today = athleteToday(row.athleteTimeZone, ctx.now());
  const label = `“${row.templateName}” of ${shortDate(row.date, today)}`;
  if (row.athleteId !== athleteId) {
    const message = `${label} is ${row.athleteName}’s: pick a workout of this athlete`;
    throw new InvalidInput(message, [{ path: ['from', 'scheduledWorkoutId'], message }]);
  }
  if (row.status === 'completed') {
    throw new Conflict(
      `${label} is already done: its session holds what was lifted (edit it in the history)`,
    );
  }
  if (row.status === 'skipped') {
    throw new Conflict(`${label} was skipped: put it back on the calendar before starting it`);
  }
  if (row.status === 'in_progress') {
    throw new Conflict(`${label} is already in progress: carry on with its session`, {
      sessionId: row.sessionId,
    });
  }
  const [stored] = await ctx.db
    .select({ prescription: scheduledWorkout.prescription })
    .from(scheduledWorkout)
    .where(eq(scheduledWorkout.id, row.id));
  // Workouts scheduled before prescriptions were frozen follow the template as it is now.
  const prescription =
    toPrescription(stored?.prescription) ??
    resolveTemplate(
      (await loadTemplateExercises(ctx.db, [row.templateId])).get(row.templateId) ?? [],
      undefined,
    );
  return { name: row.templateName, templateId: row.templateId, scheduledWorkoutId: row.id, prescription };
}

/** Rows for the prescribed exercises, each with its sets to do (empty: ghosts show what to lift). */
async function insertPrescribedEntries(
  tx: DrizzleTx,
  organizationId: string,
  sessionId: string,
  prescription: readonly ResolvedPrescription[],
  timestamp: string,
): Promise<void> {
  if (prescription.length === 0) return;
  const entries = prescription.map((item, position) => ({
    id: uuidv7(),
    organizationId,
    sessionId,
    exerciseId: item.exerciseId,
    position,
    supersetGroup: item.supersetGroup,
    restSeconds: item.restSeconds,
    prescription: item,
    createdAt: timestamp,
    updatedAt: timestamp,
  }));
  await tx.insert(exerciseEntry).values(entries);
  const sets = entries.flatMap((entry, index) => {
    const item = prescription[index]!;
    const types: SetType[] = item.setDetails?.map((row) => row.setType) ?? Array(item.sets).fill('working');
    return types.map((setType, setIndex) => ({
      id: uuidv7(),
      organizationId,
      exerciseEntryId: entry.id,
      setNumber: setIndex + 1,
      setType,
      createdAt: timestamp,
      updatedAt: timestamp,
    }));
  });
  if (sets.length > 0) await tx.insert(setEntry).values(sets);
}

/** Starts a workout: blank, from a template, or from a scheduled workout. Returns its id. */
export async function startWorkout(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.start'>,
): Promise<string> {
  const now = ctx.now();
  const [athleteRow] = await ctx.db
    .select({ name: athlete.name, archivedAt: athlete.archivedAt })
    .from(athlete)
    .where(liveAthleteOf(ctx, input.athleteId));
  if (!athleteRow) throw new NotFound('That athlete does not exist or has been deleted');
  if (athleteRow.archivedAt !== null) {
    const message = `${athleteRow.name} is archived: restore them before starting a workout`;
    throw new InvalidInput(message, [{ path: ['athleteId'], message }]);
  }
  const startedAt = input.startedAt ? new Date(input.startedAt).toISOString() : now.toISOString();
  refuseFuture('startedAt', startedAt, now);

  const plan: Plan =
    input.from.kind === 'template'
      ? await planFromTemplate(ctx, input.from.templateId)
      : input.from.kind === 'scheduled'
        ? await planFromSchedule(ctx, input.athleteId, input.from.scheduledWorkoutId)
        : {
            name: input.from.name || 'Workout',
            templateId: null,
            scheduledWorkoutId: null,
            prescription: [],
          };

  const existing = await findInProgress(ctx.db, ctx.organizationId, input.athleteId);
  if (existing) throw inProgressConflict(existing, now);

  const id = uuidv7();
  const timestamp = now.toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(workoutSession).values({
      id,
      organizationId: ctx.organizationId,
      athleteId: input.athleteId,
      name: plan.name,
      templateId: plan.templateId,
      scheduledWorkoutId: plan.scheduledWorkoutId,
      startedAt,
      createdAt: timestamp,
      updatedAt: timestamp,
    });
    await insertPrescribedEntries(tx, ctx.organizationId, id, plan.prescription, timestamp);
    if (plan.scheduledWorkoutId) {
      await tx
        .update(scheduledWorkout)
        .set({ status: 'in_progress', completedSessionId: id, updatedAt: timestamp })
        .where(eq(scheduledWorkout.id, plan.scheduledWorkoutId));
    }
  });
  ctx.touched('workout_session');
  if (plan.prescription.length > 0) ctx.touched('exercise_entry', 'set_entry');
  if (plan.scheduledWorkoutId) ctx.touched('scheduled_workout');
  return id;
}

export async function updateWorkout(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.update'>,
): Promise<WorkoutSummary> {
  const now = ctx.now();
  const session = await requireSession(ctx.db, ctx.organizationId, input.id);
  const startedAt = input.startedAt
    ? new Date(input.startedAt).toISOString()
    : toIsoTimestamp(session.startedAt);
  if (input.startedAt) refuseFuture('startedAt', startedAt, now);
  let completedAt = session.completedAt === null ? null : toIsoTimestamp(session.completedAt);
  if (input.completedAt) {
    if (completedAt === null) {
      const message = 'This workout is still in progress: finish it to give its end';
      throw new InvalidInput(message, [{ path: ['completedAt'], message }]);
    }
    completedAt = new Date(input.completedAt).toISOString();
    refuseFuture('completedAt', completedAt, now);
  }
  if (completedAt !== null)
    refuseEndBeforeStart(startedAt, completedAt, input.completedAt ? 'completedAt' : 'startedAt');

  const changes: Partial<typeof workoutSession.$inferInsert> = {};
  if (input.name !== undefined && input.name !== session.name) changes.name = input.name;
  if (input.notes !== undefined && input.notes !== session.notes) changes.notes = input.notes;
  if (input.bodyweightKg !== undefined && input.bodyweightKg !== session.bodyweightKg) {
    changes.bodyweightKg = input.bodyweightKg;
  }
  const startMoved = startedAt !== toIsoTimestamp(session.startedAt);
  if (startMoved) changes.startedAt = startedAt;
  if (input.completedAt && completedAt !== toIsoTimestamp(session.completedAt!))
    changes.completedAt = completedAt;
  if (Object.keys(changes).length > 0) {
    await ctx.db.transaction(async (tx) => {
      await tx
        .update(workoutSession)
        .set({ ...changes, updatedAt: now.toISOString() })
        .where(eq(workoutSession.id, session.id));
      // A set's time falls back to its session's start: records' dates and the history index follow.
      if (startMoved) await refreshSessionStats(tx, session.id);
    });
    ctx.touched('workout_session', ...(startMoved ? DERIVED : []));
  }
  return loadWorkoutSummary(ctx.db, ctx.organizationId, session.id);
}

export async function finishWorkout(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.finish'>,
): Promise<WorkoutSummary> {
  const now = ctx.now();
  const session = await requireSession(ctx.db, ctx.organizationId, input.id);
  // Finishing twice (a double click) answers the summary of the first.
  if (session.completedAt !== null) return loadWorkoutSummary(ctx.db, ctx.organizationId, session.id);
  const completedAt = input.completedAt ? new Date(input.completedAt).toISOString() : now.toISOString();
  refuseFuture('completedAt', completedAt, now);
  refuseEndBeforeStart(toIsoTimestamp(session.startedAt), completedAt, 'completedAt');
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(workoutSession)
      .set({
        completedAt,
        restStartedAt: null,
        restSeconds: null,
        restEntryId: null,
        updatedAt: now.toISOString(),
      })
      .where(eq(workoutSession.id, session.id));
    if (session.scheduledWorkoutId) {
      await tx
        .update(scheduledWorkout)
        .set({ status: 'completed', updatedAt: now.toISOString() })
        .where(
          and(
            eq(scheduledWorkout.id, session.scheduledWorkoutId),
            eq(scheduledWorkout.completedSessionId, session.id),
          ),
        );
    }
  });
  ctx.touched('workout_session');
  if (session.scheduledWorkoutId) ctx.touched('scheduled_workout');
  return loadWorkoutSummary(ctx.db, ctx.organizationId, session.id);
}

/** Deletes a workout (undoable); its scheduled workout goes back to the calendar. */
export async function deleteWorkout(ctx: ServiceContext, sessionId: string): Promise<{ id: string }> {
  const session = await requireSession(ctx.db, ctx.organizationId, sessionId, { includeDeleted: true });
  if (session.deletedAt !== null) return { id: session.id };
  const now = ctx.now();
  const timestamp = now.toISOString();
  let scheduleChanged = false;
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(workoutSession)
      .set({ deletedAt: timestamp, updatedAt: timestamp })
      .where(eq(workoutSession.id, session.id));
    await refreshSessionStats(tx, session.id);
    if (session.scheduledWorkoutId) {
      const [linked] = await tx
        .select({ date: scheduledWorkout.scheduledDate })
        .from(scheduledWorkout)
        .where(
          and(
            eq(scheduledWorkout.id, session.scheduledWorkoutId),
            eq(scheduledWorkout.completedSessionId, session.id),
          ),
        );
      if (linked) {
        const today = athleteToday(session.athleteTimeZone, now);
        await tx
          .update(scheduledWorkout)
          .set({
            status: linked.date < today ? 'missed' : 'scheduled',
            completedSessionId: null,
            updatedAt: timestamp,
          })
          .where(eq(scheduledWorkout.id, session.scheduledWorkoutId));
        scheduleChanged = true;
      }
    }
  });
  ctx.touched('workout_session', ...DERIVED);
  if (scheduleChanged) ctx.touched('scheduled_workout');
  return { id: session.id };
}

/**
 * Undo of a delete. The scheduled workout is taken again when it is still open; when it moved on
 * (started again, skipped, deleted), the session comes back on its own, unlinked.
 */
export async function restoreWorkout(ctx: ServiceContext, sessionId: string): Promise<{ id: string }> {
  const session = await requireSession(ctx.db, ctx.organizationId, sessionId, { includeDeleted: true });
  if (session.deletedAt === null) return { id: session.id };
  const now = ctx.now();
  if (session.completedAt === null) {
    const existing = await findInProgress(ctx.db, ctx.organizationId, session.athleteId);
    if (existing) throw inProgressConflict(existing, now);
  }
  const timestamp = now.toISOString();
  let scheduleChanged = false;
  await ctx.db.transaction(async (tx) => {
    let scheduledWorkoutId = session.scheduledWorkoutId;
    if (scheduledWorkoutId) {
      const taken = await tx
        .update(scheduledWorkout)
        .set({
          status: session.completedAt === null ? 'in_progress' : 'completed',
          completedSessionId: session.id,
          updatedAt: timestamp,
        })
        .where(
          and(
            eq(scheduledWorkout.id, scheduledWorkoutId),
            isNull(scheduledWorkout.deletedAt),
            isNull(scheduledWorkout.completedSessionId),
            // A skipped one stays the coach's decision; scheduled and missed ones were waiting.
            inArray(scheduledWorkout.status, ['scheduled', 'missed']),
          ),
        )
        .returning({ id: scheduledWorkout.id });
      const retaken = taken.length > 0;
      scheduleChanged = retaken;
      if (!retaken) scheduledWorkoutId = null;
    }
    await tx
      .update(workoutSession)
      .set({ deletedAt: null, scheduledWorkoutId, updatedAt: timestamp })
      .where(eq(workoutSession.id, session.id));
    await refreshSessionStats(tx, session.id);
  });
  ctx.touched('workout_session', ...DERIVED);
  if (scheduleChanged) ctx.touched('scheduled_workout');
  return { id: session.id };
}
