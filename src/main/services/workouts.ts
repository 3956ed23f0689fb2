/**
 * Doing a workout: what to start (the workout in progress, today's scheduled ones), the workout
 * whole, and every write while lifting. The use-cases live by concept: workout-write.ts (start,
 * edit, finish, delete, restore), workout-exercises.ts, workout-sets.ts (sets and the rest
 * timer); reading in workout-read.ts and workout-guidance.ts.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { NotFound, type OutputOf } from '../../shared/contract';
import { athleteToday } from '../../shared/calc/schedule';
import { athlete, scheduledWorkout } from '../db/schema';
import { toIsoTimestamp } from '../db/values';
import { liveAthleteOf } from './athletes';
import type { Handlers, ServiceContext } from './context';
import { selectScheduledWorkouts, toScheduledWorkout } from './schedule-read';
import {
  addExercise,
  moveExercise,
  removeExercise,
  restoreExercise,
  updateExercise,
} from './workout-exercises';
import { findInProgress, loadWorkoutDetail, loadWorkoutSummary } from './workout-read';
import {
  addSet,
  completeSet,
  deleteSet,
  restoreSet,
  restTimer,
  uncompleteSet,
  updateSet,
} from './workout-sets';
import { deleteWorkout, finishWorkout, restoreWorkout, startWorkout, updateWorkout } from './workout-write';

/** The workout in progress, and the athlete's workouts scheduled for today on their clock. */
export async function workoutOffer(
  ctx: ServiceContext,
  athleteId: string,
): Promise<OutputOf<'workouts.offer'>> {
  const [found] = await ctx.db
    .select({ timeZone: athlete.timeZone })
    .from(athlete)
    .where(liveAthleteOf(ctx, athleteId));
  if (!found) throw new NotFound('That athlete does not exist or has been deleted');
  const inProgress = await findInProgress(ctx.db, ctx.organizationId, athleteId);
  const today = athleteToday(found.timeZone, ctx.now());
  const rows = await selectScheduledWorkouts(ctx.db)
    .where(
      and(
        eq(scheduledWorkout.organizationId, ctx.organizationId),
        eq(scheduledWorkout.athleteId, athleteId),
        eq(scheduledWorkout.scheduledDate, today),
        isNull(scheduledWorkout.deletedAt),
      ),
    )
    .orderBy(sql`${scheduledWorkout.startTime} asc nulls last`, asc(scheduledWorkout.createdAt));
  return {
    inProgress: inProgress
      ? { id: inProgress.id, name: inProgress.name, startedAt: toIsoTimestamp(inProgress.startedAt) }
      : null,
    today: rows.map(toScheduledWorkout),
  };
}

type WorkoutChannel =
  | 'workouts.offer'
  | 'workouts.get'
  | 'workouts.start'
  | 'workouts.update'
  | 'workouts.finish'
  | 'workouts.summary'
  | 'workouts.delete'
  | 'workouts.restore'
  | 'workouts.addExercise'
  | 'workouts.updateExercise'
  | 'workouts.moveExercise'
  | 'workouts.removeExercise'
  | 'workouts.restoreExercise'
  | 'workouts.addSet'
  | 'workouts.updateSet'
  | 'workouts.completeSet'
  | 'workouts.uncompleteSet'
  | 'workouts.deleteSet'
  | 'workouts.restoreSet'
  | 'workouts.rest';

export const workoutHandlers: Pick<Handlers, WorkoutChannel> = {
  'workouts.offer': (input, ctx) => workoutOffer(ctx, input.athleteId),
  'workouts.get': (input, ctx) => loadWorkoutDetail(ctx, input.id),
  'workouts.start': async (input, ctx) => loadWorkoutDetail(ctx, await startWorkout(ctx, input)),
  'workouts.update': (input, ctx) => updateWorkout(ctx, input),
  'workouts.finish': (input, ctx) => finishWorkout(ctx, input),
  'workouts.summary': (input, ctx) => loadWorkoutSummary(ctx.db, ctx.organizationId, input.id),
  'workouts.delete': (input, ctx) => deleteWorkout(ctx, input.id),
  'workouts.restore': (input, ctx) => restoreWorkout(ctx, input.id),
  'workouts.addExercise': (input, ctx) => addExercise(ctx, input),
  'workouts.updateExercise': (input, ctx) => updateExercise(ctx, input),
  'workouts.moveExercise': (input, ctx) => moveExercise(ctx, input),
  'workouts.removeExercise': (input, ctx) => removeExercise(ctx, input.entryId),
  'workouts.restoreExercise': (input, ctx) => restoreExercise(ctx, input.entryId),
  'workouts.addSet': (input, ctx) => addSet(ctx, input),
  'workouts.updateSet': (input, ctx) => updateSet(ctx, input),
  'workouts.completeSet': (input, ctx) => completeSet(ctx, input),
  'workouts.uncompleteSet': (input, ctx) => uncompleteSet(ctx, input.id),
  'workouts.deleteSet': (input, ctx) => deleteSet(ctx, input.id),
  'workouts.restoreSet': (input, ctx) => restoreSet(ctx, input.id),
  'workouts.rest': (input, ctx) => restTimer(ctx, input),
};
