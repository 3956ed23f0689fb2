import { z } from 'zod';
import { isoTimestamp } from './common';

export const jobStatus = z.object({
  name: z.string(),
  label: z.string(),
  description: z.string(),
  /** When it runs, in words ("at start-up and every minute"). */
  trigger: z.string(),
  running: z.boolean(),
  lastStartedAt: isoTimestamp.nullable(),
  lastFinishedAt: isoTimestamp.nullable(),
  lastDurationMs: z.number().nullable(),
  /** What the last run did, in words ("3 workouts marked missed"). */
  lastResult: z.string().nullable(),
  lastError: z.string().nullable(),
  runCount: z.number().int(),
});
export type JobStatus = z.infer<typeof jobStatus>;
