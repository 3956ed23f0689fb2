import { z } from 'zod';
import { id } from './common';
import { clockTime } from './dates';

export const WEIGHT_UNITS = ['kg', 'lb'] as const;
export const DISTANCE_UNITS = ['m', 'ft'] as const;
export const THEMES = ['light', 'dark', 'auto'] as const;
export const VIEWS = [
  'dashboard',
  'calendar',
  'programs',
  'workouts',
  'analytics',
  'exercises',
  'athletes',
  'settings',
] as const;
export type View = (typeof VIEWS)[number];

export const preferences = z.object({
  weightUnit: z.enum(WEIGHT_UNITS),
  distanceUnit: z.enum(DISTANCE_UNITS),
  theme: z.enum(THEMES),
  defaultView: z.enum(VIEWS),
  emailReminders: z.boolean(),
  desktopReminders: z.boolean(),
  reminderHoursBefore: z
    .number()
    .int({ message: 'Hours before must be a whole number' })
    .min(0, { message: 'Hours before must be between 0 and 72' })
    .max(72, { message: 'Hours before must be between 0 and 72' }),
  /** When a scheduled workout without its own time starts (reminders count back from it). */
  workoutTime: clockTime,
  autoCalculateAnalytics: z.boolean(),
  /** The athlete picked in the app frame; survives a reload. */
  currentAthleteId: id.nullable(),
});
export type Preferences = z.infer<typeof preferences>;

export const DEFAULT_PREFERENCES: Preferences = {
  weightUnit: 'kg',
  distanceUnit: 'm',
  theme: 'auto',
  defaultView: 'dashboard',
  emailReminders: false,
  desktopReminders: true,
  reminderHoursBefore: 2,
  workoutTime: '17:00',
  autoCalculateAnalytics: true,
  currentAthleteId: null,
};
