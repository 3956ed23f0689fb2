/**
 * Test support for the workout services: an athlete of its own per test, and sessions logged
 * through the services themselves (start, add an exercise, complete sets, finish), so records
 * and the history index are built the way the app builds them.
 */
import type { SetType } from '../../shared/domain/prescription';
import type { WorkoutDetail } from '../../shared/domain/workout';
import type { ServiceContext } from './context';
import { insertAthlete } from './schedule-test-support';
import { callChannel as call } from './test-fixtures';

let athletes = 0;
/** A new athlete, so each test starts from an empty history. */
export async function newAthlete(ctx: ServiceContext, options: { timeZone?: string } = {}): Promise<string> {
  athletes += 1;
  return insertAthlete(ctx, `Lifter ${athletes}`, options);
}

export interface LoggedSetSpec {
  weightKg: number | null;
  reps: number | null;
  setType?: SetType;
  rpe?: number;
}

export function entryOf(detail: WorkoutDetail, exerciseId: string) {
  const entry = detail.entries.find((item) => item.exerciseId === exerciseId);
  if (!entry) throw new Error('The exercise is not in the workout');
  return entry;
}

/** Adds the exercise to the workout and completes these sets on it; returns the entry's id. */
export async function logExercise(
  ctx: ServiceContext,
  sessionId: string,
  exerciseId: string,
  sets: readonly LoggedSetSpec[],
): Promise<string> {
  const { entryId } = await call(ctx, 'workouts.addExercise', { sessionId, exerciseId });
  const entry = (await call(ctx, 'workouts.get', { id: sessionId })).entries.find(
    (item) => item.id === entryId,
  )!;
  const ids = entry.sets.map((set) => set.id);
  for (const [index, spec] of sets.entries()) {
    const id = ids[index] ?? (await call(ctx, 'workouts.addSet', { entryId })).id;
    await call(ctx, 'workouts.completeSet', {
      id,
      setType: spec.setType ?? 'working',
      weightKg: spec.weightKg,
      reps: spec.reps,
      ...(spec.rpe === undefined ? {} : { rpe: spec.rpe }),
    });
  }
  // Sets made ready from last time but not done this time go.
  for (const id of ids.slice(sets.length)) await call(ctx, 'workouts.deleteSet', { id });
  return entryId;
}

/** The context with its clock stopped at `iso` (the services date what they write by it). */
export function at(ctx: ServiceContext, iso: string): ServiceContext {
  return { ...ctx, now: () => new Date(iso) };
}

const minutesAfter = (iso: string, minutes: number) =>
  new Date(new Date(iso).getTime() + minutes * 60_000).toISOString();

/**
 * A session done at `startedAt` with one exercise's sets, logged 30 minutes in and finished an hour
 * after it started, as if it were lifted then; returns the session id.
 */
export async function pastSession(
  ctx: ServiceContext,
  athleteId: string,
  startedAt: string,
  exerciseId: string,
  sets: readonly LoggedSetSpec[],
): Promise<string> {
  const during = at(ctx, minutesAfter(startedAt, 30));
  const started = await call(during, 'workouts.start', {
    athleteId,
    from: { kind: 'blank', name: 'Earlier' },
    startedAt,
  });
  await logExercise(during, started.id, exerciseId, sets);
  await call(at(ctx, minutesAfter(startedAt, 60)), 'workouts.finish', { id: started.id });
  return started.id;
}
