/**
 * Logging sets: add (empty or a copy), edit, complete (which starts the rest timer and answers the
 * records the set broke), uncomplete, delete and restore; and the rest timer itself. Each set write
 * recomputes that exercise's session bests and the athlete's records in the same transaction
 * (workout-records.ts), so a finished workout's sets can be corrected and its records follow. Live
 * sets of an exercise keep numbers 1…n, so a deleted set returns to its place.
 */
import { and, eq, gt, gte, isNull, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, InvalidInput, NotFound, type ParsedInputOf, type TableName } from '../../shared/contract';
import { DEFAULT_PREFERENCES } from '../../shared/domain/preferences';
import type { PersonalRecord, RestTimer, WorkoutSet } from '../../shared/domain/workout';
import { WORKOUT_LIMITS } from '../../shared/domain/workout';
import type { DrizzleTx } from '../db/client';
import { exercise, exerciseEntry, setEntry, userPreferences, workoutSession } from '../db/schema';
import { toIsoTimestamp } from '../db/values';
import type { ServiceContext } from './context';
import type { Queryable } from './template-read';
import { requireEntry } from './workout-exercises';
import { requireSession, restTimerOf, toWorkoutSet } from './workout-read';
import { refreshExerciseStats } from './workout-records';

const SET_TABLES: TableName[] = ['set_entry', 'athlete_exercise_session', 'personal_record'];

export interface SetResult {
  set: WorkoutSet;
  newRecords: PersonalRecord[];
}

/** A set with what its writes need to know about its exercise and workout: one keyed read. */
async function requireSet(db: Queryable, organizationId: string, setId: string) {
  const [row] = await db
    .select({
      set: setEntry,
      exerciseId: exerciseEntry.exerciseId,
      exerciseName: exercise.name,
      entryDeletedAt: exerciseEntry.deletedAt,
      sessionId: workoutSession.id,
      athleteId: workoutSession.athleteId,
      sessionCompletedAt: workoutSession.completedAt,
      sessionDeletedAt: workoutSession.deletedAt,
      /** The rest after a set of this exercise: its own, else the preferences' (else their default). */
      restSeconds: sql<number>`coalesce(${exerciseEntry.restSeconds}, ${userPreferences.restSeconds}, ${DEFAULT_PREFERENCES.restSeconds})`,
    })
    .from(setEntry)
    .innerJoin(exerciseEntry, eq(exerciseEntry.id, setEntry.exerciseEntryId))
    .innerJoin(workoutSession, eq(workoutSession.id, exerciseEntry.sessionId))
    .innerJoin(exercise, eq(exercise.id, exerciseEntry.exerciseId))
    .leftJoin(
      userPreferences,
      and(eq(userPreferences.organizationId, organizationId), isNull(userPreferences.deletedAt)),
    )
    .where(and(eq(setEntry.id, setId), eq(setEntry.organizationId, organizationId)));
  if (!row) throw new NotFound('That set does not exist');
  return row;
}

type SetContext = Awaited<ReturnType<typeof requireSet>>;

/** Sets of a deleted workout, or of a removed exercise, stay as they were. */
function assertSetsEditable(
  context: Pick<SetContext, 'sessionDeletedAt' | 'entryDeletedAt' | 'exerciseName'>,
): void {
  if (context.sessionDeletedAt !== null) {
    throw new Conflict('This workout was deleted: restore it before changing its sets');
  }
  if (context.entryDeletedAt !== null) {
    throw new Conflict(
      `“${context.exerciseName}” was removed from this workout: restore it before changing its sets`,
    );
  }
}

function assertSetLive(context: SetContext): void {
  if (context.set.deletedAt !== null)
    throw new Conflict('This set was deleted: restore it before changing it');
}

function statsKey(context: SetContext) {
  return { athleteId: context.athleteId, exerciseId: context.exerciseId, sessionId: context.sessionId };
}

async function liveSetCount(db: Queryable, entryId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(setEntry)
    .where(and(eq(setEntry.exerciseEntryId, entryId), isNull(setEntry.deletedAt)));
  return row?.count ?? 0;
}

function refuseTooMany(count: number): void {
  if (count >= WORKOUT_LIMITS.setsPerExercise) {
    throw new Conflict(
      `An exercise holds at most ${WORKOUT_LIMITS.setsPerExercise} sets: delete one before adding another`,
    );
  }
}

/** The set's typed fields as columns: absent leaves a field, null clears it. */
function fieldChanges(input: ParsedInputOf<'workouts.updateSet'>): Partial<typeof setEntry.$inferInsert> {
  const changes: Partial<typeof setEntry.$inferInsert> = {};
  if (input.setType !== undefined) changes.setType = input.setType;
  if (input.weightKg !== undefined) changes.weightKg = input.weightKg;
  if (input.reps !== undefined) changes.reps = input.reps;
  if (input.rpe !== undefined) changes.rpe = input.rpe;
  if (input.rir !== undefined) changes.rir = input.rir;
  return changes;
}

async function writeSet(
  tx: DrizzleTx,
  context: SetContext,
  changes: Partial<typeof setEntry.$inferInsert>,
  timestamp: string,
): Promise<SetResult> {
  const [row] = await tx
    .update(setEntry)
    .set({ ...changes, updatedAt: timestamp })
    .where(eq(setEntry.id, context.set.id))
    .returning();
  const newRecords = await refreshExerciseStats(tx, statsKey(context));
  return { set: toWorkoutSet(row!), newRecords };
}

/** A new set at the end of an exercise: empty, or a copy of one of its sets (not yet done). */
export async function addSet(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.addSet'>,
): Promise<WorkoutSet> {
  const { entry, session } = await requireEntry(ctx.db, ctx.organizationId, input.entryId);
  assertSetsEditable({
    sessionDeletedAt: session.deletedAt,
    entryDeletedAt: entry.deletedAt,
    exerciseName: entry.exerciseName,
  });
  const count = await liveSetCount(ctx.db, entry.id);
  refuseTooMany(count);
  let copied: Partial<typeof setEntry.$inferInsert> = {};
  if (input.copyOf) {
    const [source] = await ctx.db
      .select()
      .from(setEntry)
      .where(
        and(
          eq(setEntry.id, input.copyOf),
          eq(setEntry.exerciseEntryId, entry.id),
          isNull(setEntry.deletedAt),
        ),
      );
    if (!source) {
      const message = `The set to copy is not one of “${entry.exerciseName}”’s sets`;
      throw new InvalidInput(message, [{ path: ['copyOf'], message }]);
    }
    copied = {
      setType: source.setType,
      weightKg: source.weightKg,
      reps: source.reps,
      rpe: source.rpe,
      rir: source.rir,
    };
  }
  const timestamp = ctx.now().toISOString();
  // Not done yet, so it changes no record: nothing to recompute.
  const [row] = await ctx.db
    .insert(setEntry)
    .values({
      id: uuidv7(),
      organizationId: ctx.organizationId,
      exerciseEntryId: entry.id,
      setNumber: count + 1,
      setType: 'working',
      ...copied,
      ...(input.setType ? { setType: input.setType } : {}),
      createdAt: timestamp,
      updatedAt: timestamp,
    })
    .returning();
  ctx.touched('set_entry');
  return toWorkoutSet(row!);
}

/** Edits a set; a completed one's records follow. */
export async function updateSet(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.updateSet'>,
): Promise<SetResult> {
  const context = await requireSet(ctx.db, ctx.organizationId, input.id);
  assertSetsEditable(context);
  assertSetLive(context);
  const changes = fieldChanges(input);
  if (Object.keys(changes).length === 0) return { set: toWorkoutSet(context.set), newRecords: [] };
  const result = await ctx.db.transaction((tx) => writeSet(tx, context, changes, ctx.now().toISOString()));
  ctx.touched(...SET_TABLES);
  return result;
}

/** The rest after a set of this exercise: its own, else the preferences'. */
async function restSecondsFor(ctx: ServiceContext, entryRestSeconds: number | null): Promise<number> {
  if (entryRestSeconds !== null) return entryRestSeconds;
  const [row] = await ctx.db
    .select({ restSeconds: userPreferences.restSeconds })
    .from(userPreferences)
    .where(and(eq(userPreferences.organizationId, ctx.organizationId), isNull(userPreferences.deletedAt)));
  return row?.restSeconds ?? DEFAULT_PREFERENCES.restSeconds;
}

/**
 * Completes a set with any last edits, answers the records it set, and starts the rest timer when
 * the workout is in progress (correcting a finished workout starts none).
 */
export async function completeSet(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.completeSet'>,
): Promise<SetResult & { rest: RestTimer | null }> {
  const context = await requireSet(ctx.db, ctx.organizationId, input.id);
  assertSetsEditable(context);
  assertSetLive(context);
  const now = ctx.now().toISOString();
  const inProgress = context.sessionCompletedAt === null;
  // A set done in a finished workout is dated within it (records are dated by their sets).
  const completedAt = context.set.completedAt ?? (inProgress ? now : context.sessionCompletedAt);
  const rest = inProgress
    ? { startedAt: now, seconds: context.restSeconds, entryId: context.set.exerciseEntryId }
    : null;
  const result = await ctx.db.transaction(async (tx) => {
    const written = await writeSet(
      tx,
      context,
      { ...fieldChanges(input), completed: true, completedAt },
      now,
    );
    if (rest) {
      await tx
        .update(workoutSession)
        .set({ restStartedAt: rest.startedAt, restSeconds: rest.seconds, restEntryId: rest.entryId })
        .where(eq(workoutSession.id, context.sessionId));
    }
    return written;
  });
  ctx.touched(...SET_TABLES, ...(rest ? (['workout_session'] as const) : []));
  return { ...result, rest };
}

export async function uncompleteSet(ctx: ServiceContext, setId: string): Promise<SetResult> {
  const context = await requireSet(ctx.db, ctx.organizationId, setId);
  assertSetsEditable(context);
  assertSetLive(context);
  if (!context.set.completed) return { set: toWorkoutSet(context.set), newRecords: [] };
  const result = await ctx.db.transaction((tx) =>
    writeSet(tx, context, { completed: false, completedAt: null }, ctx.now().toISOString()),
  );
  ctx.touched(...SET_TABLES);
  return result;
}

/** Deletes a set (undo: restoreSet); the later sets move up a number and records follow. */
export async function deleteSet(ctx: ServiceContext, setId: string): Promise<{ id: string }> {
  const context = await requireSet(ctx.db, ctx.organizationId, setId);
  assertSetsEditable(context);
  if (context.set.deletedAt !== null) return { id: setId };
  const timestamp = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(setEntry)
      .set({ deletedAt: timestamp, updatedAt: timestamp })
      .where(eq(setEntry.id, setId));
    await tx
      .update(setEntry)
      .set({ setNumber: sql`${setEntry.setNumber} - 1`, updatedAt: timestamp })
      .where(
        and(
          eq(setEntry.exerciseEntryId, context.set.exerciseEntryId),
          isNull(setEntry.deletedAt),
          gt(setEntry.setNumber, context.set.setNumber),
        ),
      );
    await refreshExerciseStats(tx, statsKey(context));
  });
  ctx.touched(...SET_TABLES);
  return { id: setId };
}

/** Brings a deleted set back to its place; the records it holds come back with it. */
export async function restoreSet(ctx: ServiceContext, setId: string): Promise<SetResult> {
  const context = await requireSet(ctx.db, ctx.organizationId, setId);
  assertSetsEditable(context);
  if (context.set.deletedAt === null) return { set: toWorkoutSet(context.set), newRecords: [] };
  const count = await liveSetCount(ctx.db, context.set.exerciseEntryId);
  refuseTooMany(count);
  const setNumber = Math.min(context.set.setNumber, count + 1);
  const timestamp = ctx.now().toISOString();
  const result = await ctx.db.transaction(async (tx) => {
    await tx
      .update(setEntry)
      .set({ setNumber: sql`${setEntry.setNumber} + 1`, updatedAt: timestamp })
      .where(
        and(
          eq(setEntry.exerciseEntryId, context.set.exerciseEntryId),
          isNull(setEntry.deletedAt),
          gte(setEntry.setNumber, setNumber),
        ),
      );
    return writeSet(tx, context, { deletedAt: null, setNumber }, timestamp);
  });
  ctx.touched(...SET_TABLES);
  return result;
}

/** The rest timer: start (or restart), adjust by ±seconds, skip. Kept on the session. */
export async function restTimer(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.rest'>,
): Promise<RestTimer | null> {
  const session = await requireSession(ctx.db, ctx.organizationId, input.sessionId);
  if (session.completedAt !== null) throw new Conflict('This workout is finished: there is no rest to time');
  let next: { restStartedAt: string | null; restSeconds: number | null; restEntryId: string | null };
  if (input.action === 'start') {
    let entryRestSeconds: number | null = null;
    if (input.entryId) {
      const { entry } = await requireEntry(ctx.db, ctx.organizationId, input.entryId).catch(() => ({
        entry: null,
      }));
      if (!entry || entry.sessionId !== session.id || entry.deletedAt !== null) {
        const message = 'That exercise is not in this workout';
        throw new InvalidInput(message, [{ path: ['entryId'], message }]);
      }
      entryRestSeconds = entry.restSeconds;
    }
    next = {
      restStartedAt: ctx.now().toISOString(),
      restSeconds: input.seconds ?? (await restSecondsFor(ctx, entryRestSeconds)),
      restEntryId: input.entryId,
    };
  } else if (input.action === 'adjust') {
    if (session.restStartedAt === null || session.restSeconds === null) {
      throw new Conflict('No rest timer is running: complete a set or start one');
    }
    next = {
      restStartedAt: toIsoTimestamp(session.restStartedAt),
      restSeconds: Math.min(
        WORKOUT_LIMITS.restSeconds,
        Math.max(0, session.restSeconds + input.deltaSeconds),
      ),
      restEntryId: session.restEntryId,
    };
  } else {
    if (session.restStartedAt === null) return null;
    next = { restStartedAt: null, restSeconds: null, restEntryId: null };
  }
  await ctx.db.update(workoutSession).set(next).where(eq(workoutSession.id, session.id));
  ctx.touched('workout_session');
  return restTimerOf(next);
}
