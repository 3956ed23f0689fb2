import { z } from 'zod';
import { query } from './define';

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
};
