import { z } from 'zod';
import { isoTimestamp } from '../domain/common';
import { mutation, query } from './define';

export const appChannels = {
  /** What the app frame shows about itself: version, host, organization, data folder. */
  'app.info': query({
    input: z.object({}).strict(),
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web']),
      dataDir: z.string(),
      organization: z.object({ id: z.uuid(), name: z.string() }),
      exerciseCount: z.number().int(),
      athleteCount: z.number().int(),
    }),
    provides: ['Organization', 'Exercise', 'Athlete'],
  }),
  /**
   * "Check data" in Settings → Data: reads the whole history once and reports what is there and
   * whether any live row hangs from a tombstoned or missing parent. A mutation so it runs only on
   * demand and is never cached; it changes nothing, so it invalidates nothing. It scans every set
   * (seconds on a large gym), hence the long deadline.
   */
  'app.checkData': mutation({
    input: z.object({}).strict(),
    output: z.object({
      /** Live (not tombstoned) rows of the organization. */
      sessions: z.number().int(),
      exerciseEntries: z.number().int(),
      sets: z.number().int(),
      /** Completed sets other than warm-ups, in live entries of live sessions. */
      completedWorkingSets: z.number().int(),
      /** Σ weight × reps over those sets, in kilograms. */
      lifetimeVolumeKg: z.number(),
      /** Live exercise entries whose session is tombstoned or missing. */
      orphanedEntries: z.number().int(),
      /** Live sets whose exercise entry is tombstoned or missing. */
      orphanedSets: z.number().int(),
      /** When the first and the last live session started; null without sessions. */
      firstSessionAt: isoTimestamp.nullable(),
      lastSessionAt: isoTimestamp.nullable(),
      /** How long the check took inside the backend. */
      durationMs: z.number(),
    }),
    invalidates: [],
    deadlineMs: 120_000,
  }),
};
