/**
 * One exercise's history for an athlete: the sessions with it, newest first, a page at a time,
 * each with its sets, best set, best e1RM and volume, and the exercise's records. Sessions come
 * from athlete_exercise_session's (athlete, exercise, started_at) index, never a scan of the sets;
 * the bests are computed from the page's own sets with the shared calc (Epley, as the records).
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import { estimateOneRepMax } from '../../shared/calc/e1rm';
import { countsForVolume, sessionVolumeKg } from '../../shared/calc/volume';
import type { SetType } from '../../shared/domain/prescription';
import type { WorkoutSet } from '../../shared/domain/workout';
import { exerciseEntry, setEntry } from '../db/schema';
import { toIsoTimestamp } from '../db/values';
import type { ServiceContext } from './context';
import {
  afterCursor,
  decodeCursor,
  pageOf,
  resolveHistoryScope,
  sessionsWithExercise,
  type PageKey,
} from './history-paging';
import type { Queryable } from './template-read';
import { recordsOfAthlete } from './workout-records';

const NO_WINDOW = { fromAt: null, toAt: null };

interface ExerciseSessionRow extends Record<string, unknown> {
  id: string;
  name: string;
  started_at: string;
}

interface WeightAndReps {
  weightKg: number | null;
  reps: number | null;
}

/**
 * The best of the sets that count (completed, not warm-ups): the highest e1RM, the first listed on
 * a tie; when none has one (all above 12 reps), the heaviest, the most reps on a tie.
 */
export function bestSetOf(counted: readonly WeightAndReps[]): { weightKg: number; reps: number } | null {
  let best: { weightKg: number; reps: number; e1rmKg: number | null } | null = null;
  for (const { weightKg, reps } of counted) {
    if (weightKg === null || reps === null || !(weightKg > 0) || !(reps >= 1)) continue;
    const e1rmKg = estimateOneRepMax(weightKg, reps);
    const better =
      best === null ||
      (e1rmKg !== null && (best.e1rmKg === null || e1rmKg > best.e1rmKg)) ||
      (e1rmKg === null &&
        best.e1rmKg === null &&
        (weightKg > best.weightKg || (weightKg === best.weightKg && reps > best.reps)));
    if (better) best = { weightKg, reps, e1rmKg };
  }
  return best && { weightKg: best.weightKg, reps: best.reps };
}

/** Σ weight × reps of the sets that count. */
export function volumeOf(counted: readonly WeightAndReps[]): number {
  return sessionVolumeKg(counted.map((set) => ({ ...set, setType: 'working', completed: true })));
}

/** The sessions with this exercise, newest first: an index range of athlete_exercise_session. */
export function exerciseSessionPageQuery(
  organizationId: string,
  input: Pick<ParsedInputOf<'workouts.exerciseHistory'>, 'athleteId' | 'exerciseId' | 'limit'>,
  cursor: PageKey | null,
): SQL {
  return sql`
    select ws.id, ws.name, ws.started_at::text as started_at
      from workout_session ws
     where ws.id in (${sessionsWithExercise({ ...input, limit: input.limit + 1 }, NO_WINDOW, cursor)})
       and ws.organization_id = ${organizationId} and ws.deleted_at is null
       ${cursor ? sql`and ${afterCursor(sql`ws.started_at`, sql`ws.id`, cursor)}` : sql``}
     order by ws.started_at desc, ws.id desc
     limit ${input.limit + 1}`;
}

/** The live sets of that exercise in these sessions, in the workout's order. */
async function setsOfExercise(
  db: Queryable,
  exerciseId: string,
  sessionIds: readonly string[],
): Promise<Map<string, WorkoutSet[]>> {
  const bySession = new Map<string, WorkoutSet[]>();
  if (sessionIds.length === 0) return bySession;
  const rows = await db
    .select({
      sessionId: exerciseEntry.sessionId,
      id: setEntry.id,
      entryId: setEntry.exerciseEntryId,
      setNumber: setEntry.setNumber,
      setType: setEntry.setType,
      weightKg: setEntry.weightKg,
      reps: setEntry.reps,
      rpe: setEntry.rpe,
      rir: setEntry.rir,
      completed: setEntry.completed,
      completedAt: setEntry.completedAt,
    })
    .from(exerciseEntry)
    .innerJoin(setEntry, and(eq(setEntry.exerciseEntryId, exerciseEntry.id), isNull(setEntry.deletedAt)))
    .where(
      and(
        inArray(exerciseEntry.sessionId, [...sessionIds]),
        eq(exerciseEntry.exerciseId, exerciseId),
        isNull(exerciseEntry.deletedAt),
      ),
    )
    .orderBy(asc(exerciseEntry.position), asc(exerciseEntry.id), asc(setEntry.setNumber), asc(setEntry.id));
  for (const { sessionId, ...row } of rows) {
    const set: WorkoutSet = {
      ...row,
      setType: row.setType as SetType,
      completedAt: row.completedAt === null ? null : toIsoTimestamp(row.completedAt),
    };
    bySession.set(sessionId, [...(bySession.get(sessionId) ?? []), set]);
  }
  return bySession;
}

export async function exerciseHistory(
  ctx: ServiceContext,
  input: ParsedInputOf<'workouts.exerciseHistory'>,
): Promise<OutputOf<'workouts.exerciseHistory'>> {
  const cursor = input.cursor === null ? null : decodeCursor(input.cursor);
  const { exerciseName } = await resolveHistoryScope(ctx, input);
  const { rows } = await ctx.db.execute<ExerciseSessionRow>(
    exerciseSessionPageQuery(ctx.organizationId, input, cursor),
  );
  const { page, nextCursor } = pageOf(rows, input.limit);
  const sets = await setsOfExercise(
    ctx.db,
    input.exerciseId,
    page.map((row) => row.id),
  );
  const items = page.map((row) => {
    const sessionSets = sets.get(row.id) ?? [];
    const counted = sessionSets.filter(countsForVolume);
    const e1rms = counted.map((set) => estimateOneRepMax(set.weightKg ?? 0, set.reps ?? 0) ?? 0);
    const bestE1rmKg = Math.max(0, ...e1rms);
    return {
      sessionId: row.id,
      sessionName: row.name,
      startedAt: toIsoTimestamp(row.started_at),
      sets: sessionSets,
      bestSet: bestSetOf(counted),
      bestE1rmKg: bestE1rmKg > 0 ? bestE1rmKg : null,
      volumeKg: sessionVolumeKg(sessionSets),
    };
  });
  const records = await recordsOfAthlete(ctx.db, input.athleteId, input.exerciseId);
  return { exercise: { id: input.exerciseId, name: exerciseName! }, records, items, nextCursor };
}
