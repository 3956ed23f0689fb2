/**
 * Workout history, exercise history and records: SCAFFOLD. Every handler throws until its owner replaces this file (issue 7).
 */
import type { Handlers } from './context';

function notBuilt(): never {
  throw new Error('Not built yet');
}

export const workoutHistoryHandlers = Object.fromEntries(
  ['workouts.history', 'workouts.exerciseHistory', 'workouts.records'].map((channel) => [channel, notBuilt]),
) as unknown as Pick<Handlers, 'workouts.history' | 'workouts.exerciseHistory' | 'workouts.records'>;
