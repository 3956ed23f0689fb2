import { z } from 'zod';
import { isoTimestamp } from '../domain/common';
import { jobStatus } from '../domain/jobs';
import { mutation, query } from './define';

export const jobChannels = {
  /** Settings → Background jobs: each job's last run, how long it took, and its last error. */
  'jobs.list': query({
    input: z.object({}).strict(),
    output: z.object({ items: z.array(jobStatus) }),
    provides: ['Job'],
  }),
  /** Run a job now (it is queued if it is already running). */
  'jobs.run': mutation({
    input: z.object({ name: z.string().max(60) }).strict(),
    output: z.object({ queued: z.boolean() }),
    invalidates: ['Job'],
  }),
  /**
   * Only in a host started with `--test-clock` (end-to-end tests): move the backend's clock to
   * `now` (null: back to real time); due jobs run at once. Elsewhere it fails with `unavailable`.
   */
  'testing.setClock': mutation({
    input: z.object({ now: isoTimestamp.nullable() }).strict(),
    output: z.object({ now: isoTimestamp }),
    invalidates: ['Job'],
  }),
};
