/** Every background job the backend runs, in the order Settings lists them. */
import type { Job } from './job';
import { missedWorkoutsJob } from './missed-workouts';
import { workoutRemindersJob } from './workout-reminders';

export const JOBS: readonly Job[] = [missedWorkoutsJob, workoutRemindersJob];

export { createJobRunner, type JobRunner, type JobRunnerOptions } from './runner';
export type { Job, JobControl, JobContext, JobDescription, JobStep } from './job';
