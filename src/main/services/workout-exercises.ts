/**
 * The exercises of a workout: add one from the library (with last time's number of sets ready),
 * edit its notes, rest and superset group, move it, remove it and bring it back. Live entries keep
 * positions 0…n−1, so a removed one returns to its place; removing or restoring an exercise
 * recomputes its records in the same transaction.
 */
import { and, asc, eq, gt, gte, isNull, ne, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, InvalidInput, NotFound, type ParsedInputOf, type TableName } from '../../shared/contract';
import { WORKOUT_LIMITS } from '../../shared/domain/workout';
import type { DrizzleTx } from '../db/client';
import { exercise, exerciseEntry, setEntry } from '../db/schema';
import type { ServiceContext } from './context';
import { visibleExercise } from './exercise-search';
import type { Queryable } from './template-read';
import { lastTimeSetTypes } from './workout-guidance';
import { assertSessionEditable, requireSession, type SessionRow } from './workout-read';
import { refreshExerciseStats } from './workout-records';

const ENTRY_TABLES: TableName[] = ['exercise_entry', 'athlete_exercise_session', 'personal_record'];

export interface EntryFacts {
  id: string;
  sessionId: string;
  exerciseId: string;
  exerciseName: string;
  position: number;
  notes: string;
  restSeconds: number | null;
  supersetGroup: string | null;
  deletedAt: string | null;
}

/** The organization's entry (a removed one too) with its session, or NotFound. */
export async function requireEntry(
  db: Queryable,
  organizationId: string,
  entryId: string,
): Promise<{ entry: EntryFacts; session: SessionRow }> {
  const [entry] = await db
    .select({
      id: exerciseEntry.id,
      sessionId: exerciseEntry.sessionId,
      exerciseId: exerciseEntry.exerciseId,
      exerciseName: exercise.name,
      position: exerciseEntry.position,
      notes: exerciseEntry.notes,
      restSeconds: exerciseEntry.restSeconds,
      supersetGroup: exerciseEntry.supersetGroup,
      deletedAt: exerciseEntry.deletedAt,
    })
    .from(exerciseEntry)
    .innerJoin(exercise, eq(exercise.id, exerciseEntry.exerciseId))
    .where(and(eq(exerciseEntry.id, entryId), eq(exerciseEntry.organizationId, organizationId)));
  if (!entry) throw new NotFound('That exercise is not in any workout');
  const session = await requireSession(db, organizationId, entry.sessionId, { includeDeleted: true });
  return { entry, session };
}

function assertEntryLive(entry: EntryFacts): void {
  if (entry.deletedAt !== null) {
    throw new Conflict(
      `“${entry.exerciseName}” was removed from this workout: restore it before changing it`,
    );
  }
}

async function liveEntryCount(db: Queryable, sessionId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(exerciseEntry)
    .where(and(eq(exerciseEntry.sessionId, sessionId), isNull(exerciseEntry.deletedAt)));
  return row?.count ?? 0;
}

function refuseTooMany(count: number): void {
  if (count >= WORKOUT_LIMITS.exercisesPerWorkout) {
    throw new Conflict(
      `A workout holds at most ${WORKOUT_LIMITS.exercisesPerWorkout} exercises: remove one before adding another`,
    );
  }
}

/** Makes room at `position`: live entries from there on move one place down. */
async function openPlace(
  tx: DrizzleTx,
  sessionId: string,
  position: number,
  timestamp: string,
): Promise<void> {
  await tx
    .update(exerciseEntry)
    .set({ position: sql`${exerciseEntry.position} + 1`, updatedAt: timestamp })
    .where(
      and(
        eq(exerciseEntry.sessionId, sessionId),
        isNull(exerciseEntry.deletedAt),
        gte(exerciseEntry.position, position),
      ),
    );
}

export async function addExercise(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.addExercise'>,
): Promise<{ entryId: string }> {
  const session = await requireSession(ctx.db, ctx.organizationId, input.sessionId, { includeDeleted: true });
  assertSessionEditable(session, 'its exercises');
  const [found] = await ctx.db
    .select({ id: exercise.id })
    .from(exercise)
    .where(and(eq(exercise.id, input.exerciseId), visibleExercise(ctx.organizationId)));
  if (!found) {
    const message = 'That exercise is not in the exercise library (it may have been deleted): pick another';
    throw new InvalidInput(message, [{ path: ['exerciseId'], message }]);
  }
  const count = await liveEntryCount(ctx.db, session.id);
  refuseTooMany(count);
  const position = Math.min(input.position ?? count, count);
  const setTypes = await lastTimeSetTypes(ctx.db, session, input.exerciseId);
  const entryId = uuidv7();
  const timestamp = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await openPlace(tx, session.id, position, timestamp);
    await tx.insert(exerciseEntry).values({
      id: entryId,
      organizationId: ctx.organizationId,
      sessionId: session.id,
      exerciseId: input.exerciseId,
      position,
      createdAt: timestamp,
      updatedAt: timestamp,
    });
    await tx.insert(setEntry).values(
      setTypes.map((setType, index) => ({
        id: uuidv7(),
        organizationId: ctx.organizationId,
        exerciseEntryId: entryId,
        setNumber: index + 1,
        setType,
        createdAt: timestamp,
        updatedAt: timestamp,
      })),
    );
  });
  ctx.touched('exercise_entry', 'set_entry');
  return { entryId };
}

export async function updateExercise(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.updateExercise'>,
): Promise<{ entryId: string }> {
  const { entry, session } = await requireEntry(ctx.db, ctx.organizationId, input.entryId);
  assertSessionEditable(session, 'its exercises');
  assertEntryLive(entry);
  const changes: Partial<typeof exerciseEntry.$inferInsert> = {};
  if (input.notes !== undefined && input.notes !== entry.notes) changes.notes = input.notes;
  if (input.restSeconds !== undefined && input.restSeconds !== entry.restSeconds) {
    changes.restSeconds = input.restSeconds;
  }
  if (input.supersetGroup !== undefined && input.supersetGroup !== entry.supersetGroup) {
    changes.supersetGroup = input.supersetGroup;
  }
  if (Object.keys(changes).length > 0) {
    await ctx.db
      .update(exerciseEntry)
      .set({ ...changes, updatedAt: ctx.now().toISOString() })
      .where(eq(exerciseEntry.id, entry.id));
    ctx.touched('exercise_entry');
  }
  return { entryId: entry.id };
}

/** To a new place in the order (0 = first; past the end = last). */
export async function moveExercise(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.moveExercise'>,
): Promise<{ entryId: string }> {
  const { entry, session } = await requireEntry(ctx.db, ctx.organizationId, input.entryId);
  assertSessionEditable(session, 'its exercises');
  assertEntryLive(entry);
  const others = await ctx.db
    .select({ id: exerciseEntry.id, position: exerciseEntry.position })
    .from(exerciseEntry)
    .where(
      and(
        eq(exerciseEntry.sessionId, session.id),
        isNull(exerciseEntry.deletedAt),
        ne(exerciseEntry.id, entry.id),
      ),
    )
    .orderBy(asc(exerciseEntry.position), asc(exerciseEntry.id));
  const order = others.map((row) => row.id);
  order.splice(Math.min(input.position, order.length), 0, entry.id);
  const current = new Map([...others, entry].map((row) => [row.id, row.position]));
  const moves = order.flatMap((id, position) => (current.get(id) === position ? [] : [{ id, position }]));
  if (moves.length > 0) {
    const timestamp = ctx.now().toISOString();
    await ctx.db.transaction(async (tx) => {
      for (const move of moves) {
        await tx
          .update(exerciseEntry)
          .set({ position: move.position, updatedAt: timestamp })
          .where(eq(exerciseEntry.id, move.id));
      }
    });
    ctx.touched('exercise_entry');
  }
  return { entryId: entry.id };
}

/** Removes an exercise with its sets (undo: restoreExercise); its records follow. */
export async function removeExercise(ctx: ServiceContext, entryId: string): Promise<{ entryId: string }> {
  const { entry, session } = await requireEntry(ctx.db, ctx.organizationId, entryId);
  assertSessionEditable(session, 'its exercises');
  if (entry.deletedAt !== null) return { entryId: entry.id };
  const timestamp = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(exerciseEntry)
      .set({ deletedAt: timestamp, updatedAt: timestamp })
      .where(eq(exerciseEntry.id, entry.id));
    await tx
      .update(exerciseEntry)
      .set({ position: sql`${exerciseEntry.position} - 1`, updatedAt: timestamp })
      .where(
        and(
          eq(exerciseEntry.sessionId, session.id),
          isNull(exerciseEntry.deletedAt),
          gt(exerciseEntry.position, entry.position),
        ),
      );
    await refreshExerciseStats(tx, {
      athleteId: session.athleteId,
      exerciseId: entry.exerciseId,
      sessionId: session.id,
    });
  });
  ctx.touched(...ENTRY_TABLES);
  return { entryId: entry.id };
}

export async function restoreExercise(ctx: ServiceContext, entryId: string): Promise<{ entryId: string }> {
  const { entry, session } = await requireEntry(ctx.db, ctx.organizationId, entryId);
  assertSessionEditable(session, 'its exercises');
  if (entry.deletedAt === null) return { entryId: entry.id };
  const count = await liveEntryCount(ctx.db, session.id);
  refuseTooMany(count);
  const position = Math.min(entry.position, count);
  const timestamp = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await openPlace(tx, session.id, position, timestamp);
    await tx
      .update(exerciseEntry)
      .set({ deletedAt: null, position, updatedAt: timestamp })
      .where(eq(exerciseEntry.id, entry.id));
    await refreshExerciseStats(tx, {
      athleteId: session.athleteId,
      exerciseId: entry.exerciseId,
      sessionId: session.id,
    });
  });
  ctx.touched(...ENTRY_TABLES);
  return { entryId: entry.id };
}
