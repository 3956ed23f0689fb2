import { z } from 'zod';
import { TABLE_NAMES, type TableName } from './define';

/** Events pushed from the backend to every renderer, through the same transports as calls. */
export const events = {
  /** Tables touched by a write (a service, a background job, or sync). */
  changed: z.object({ tables: z.array(z.enum(TABLE_NAMES as [TableName, ...TableName[]])) }),
  /**
   * An upcoming workout, the preference's hours before it starts. The Electron shell shows a
   * desktop notification; in the web host the page shows a toast.
   */
  reminder: z.object({
    scheduledWorkoutId: z.uuid(),
    athleteId: z.uuid(),
    athleteName: z.string(),
    templateName: z.string(),
    /** When it starts (ISO timestamp) and, for the words, the athlete's date and time. */
    startsAt: z.string(),
    date: z.string(),
    startTime: z.string(),
    title: z.string(),
    body: z.string(),
  }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type BackendEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
