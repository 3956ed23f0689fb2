import { z } from 'zod';
import { preferences } from '../domain/preferences';
import { mutation, query } from './define';

export const settingsChannels = {
  'settings.get': query({
    input: z.object({}).strict(),
    output: preferences,
    provides: ['Settings'],
  }),
  /** Change any subset of the preferences; saved at once, applied live everywhere. */
  'settings.update': mutation({
    input: preferences.partial().strict(),
    output: preferences,
    invalidates: ['Settings'],
  }),
};
