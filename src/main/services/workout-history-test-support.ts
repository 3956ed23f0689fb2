/**
 * Test support for the history and voice notes: logged workouts written straight as rows (as the
 * workout screen leaves them), with the derived per-session bests and records brought up to date
 * by the records module, so these tests stand apart from the workout-logging services.
 */
import { eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { exerciseEntry, setEntry, workoutSession } from '../db/schema';
import type { ServiceContext } from './context';
import { catalogueExerciseId } from './schedule-test-support';
import { refreshSessionStats } from './workout-records';

export interface LoggedSet {
  weightKg: number | null;
  reps: number | null;
  setType?: 'warmup' | 'working' | 'drop' | 'failure';
  rpe?: number | null;
  completed?: boolean;
}

export interface LoggedSessionSpec {
  startedAt: string;
  /** Null for a workout in progress; defaults to an hour after the start. */
  completedAt?: string | null;
  name?: string;
  /** Each entry: a catalogue exercise's exact name, or an exercise id, and its sets. */
  entries?: { exercise: string; sets: LoggedSet[] }[];
}

export interface LoggedSession {
  id: string;
  /** exercise_entry ids, in order. */
  entryIds: string[];
  /** set_entry ids per entry, in order. */
  setIds: string[][];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function insertLoggedSession(
  ctx: ServiceContext,
  athleteId: string,
  spec: LoggedSessionSpec,
): Promise<LoggedSession> {
  const id = uuidv7();
  const completedAt =
    spec.completedAt === undefined
      ? new Date(new Date(spec.startedAt).getTime() + 3_600_000).toISOString()
      : spec.completedAt;
  const entryIds: string[] = [];
  const setIds: string[][] = [];
  // Looked up first: PGlite has one connection, so a query outside the transaction would wait for it.
  const exerciseIds: string[] = [];
  for (const entry of spec.entries ?? []) {
    exerciseIds.push(
      UUID.test(entry.exercise) ? entry.exercise : await catalogueExerciseId(ctx, entry.exercise),
    );
  }
  await ctx.db.transaction(async (tx) => {
    await tx.insert(workoutSession).values({
      id,
      organizationId: ctx.organizationId,
      athleteId,
      name: spec.name ?? 'Workout',
      startedAt: spec.startedAt,
      completedAt,
    });
    for (const [position, entry] of (spec.entries ?? []).entries()) {
      const entryId = uuidv7();
      entryIds.push(entryId);
      const exerciseId = exerciseIds[position]!;
      await tx.insert(exerciseEntry).values({
        id: entryId,
        organizationId: ctx.organizationId,
        sessionId: id,
        exerciseId,
        position,
      });
      const ids = entry.sets.map(() => uuidv7());
      setIds.push(ids);
      if (entry.sets.length > 0) {
        await tx.insert(setEntry).values(
          entry.sets.map((set, index) => ({
            id: ids[index]!,
            organizationId: ctx.organizationId,
            exerciseEntryId: entryId,
            setNumber: index + 1,
            setType: set.setType ?? 'working',
            weightKg: set.weightKg,
            reps: set.reps,
            rpe: set.rpe ?? null,
            completed: set.completed ?? true,
            completedAt: (set.completed ?? true) ? spec.startedAt : null,
          })),
        );
      }
    }
    await refreshSessionStats(tx, id);
  });
  return { id, entryIds, setIds };
}

/** Tombstones a logged workout, its records following (what deleting it does). */
export async function deleteLoggedSession(ctx: ServiceContext, sessionId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(workoutSession)
      .set({ deletedAt: ctx.now().toISOString() })
      .where(eq(workoutSession.id, sessionId));
    await refreshSessionStats(tx, sessionId);
  });
}
