import type { Handlers } from './context';
import { athleteHandlers } from './athletes';
import { exerciseHandlers } from './exercises';
import { appHandlers } from './organization';
import { settingsHandlers } from './settings';

/** Every contract channel's handler; the type fails to compile if one is missing or mistyped. */
export const handlers: Handlers = {
  ...appHandlers,
  ...exerciseHandlers,
  ...athleteHandlers,
  ...settingsHandlers,
};
