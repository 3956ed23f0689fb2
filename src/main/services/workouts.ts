/**
 * Workouts (doing one): SCAFFOLD. Every handler throws until its owner replaces this file (issue 7).
 */
import type { Handlers } from './context';

function notBuilt(): never {
  throw new Error('Not built yet');
}

export const workoutHandlers = Object.fromEntries(
  [
    'workouts.offer',
    'workouts.get',
    'workouts.start',
    'workouts.update',
    'workouts.finish',
    'workouts.summary',
    'workouts.delete',
    'workouts.restore',
    'workouts.addExercise',
    'workouts.updateExercise',
    'workouts.moveExercise',
    'workouts.removeExercise',
    'workouts.restoreExercise',
    'workouts.addSet',
    'workouts.updateSet',
    'workouts.completeSet',
    'workouts.uncompleteSet',
    'workouts.deleteSet',
    'workouts.restoreSet',
    'workouts.rest',
  ].map((channel) => [channel, notBuilt]),
) as unknown as Pick<
  Handlers,
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
  | 'workouts.rest'
>;
