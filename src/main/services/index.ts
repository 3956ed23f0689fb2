import type { Handlers } from './context';
import { athleteHandlers } from './athletes';
import { exerciseHandlers } from './exercises';
import { jobHandlers } from './jobs';
import { appHandlers } from './organization';
import { programApplyHandlers } from './program-apply';
import { programHandlers } from './programs';
import { scheduleHandlers } from './schedule';
import { settingsHandlers } from './settings';
import { templateHandlers } from './templates';
import { voiceNoteHandlers } from './voice-notes';
import { workoutHistoryHandlers } from './workout-history';
import { workoutHandlers } from './workouts';

/** Every contract channel's handler; the type fails to compile if one is missing or mistyped. */
export const handlers: Handlers = {
  ...appHandlers,
  ...exerciseHandlers,
  ...athleteHandlers,
  ...settingsHandlers,
  ...templateHandlers,
  ...programHandlers,
  ...programApplyHandlers,
  ...scheduleHandlers,
  ...jobHandlers,
  ...workoutHandlers,
  ...workoutHistoryHandlers,
  ...voiceNoteHandlers,
};
