import { z } from 'zod';
import { TABLE_NAMES, type TableName } from './define';

/** Events pushed from the backend to every renderer, through the same transports as calls. */
export const events = {
  /** Tables touched by a write (a service, a background job, or sync). */
  changed: z.object({ tables: z.array(z.enum(TABLE_NAMES as [TableName, ...TableName[]])) }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export type BackendEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];
