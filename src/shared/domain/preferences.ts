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
  /** Rest between sets when an exercise prescribes none, in seconds. */
  restSeconds: z
    .number({ message: 'Rest must be a number of seconds' })
    .int({ message: 'Rest must be a whole number of seconds' })
    .min(0, { message: 'Rest must be between 0 and 3600 seconds' })
    .max(3600, { message: 'Rest must be between 0 and 3600 seconds' }),
  /** A sound when the rest timer ends. */
  restSound: z.boolean(),
  /** The bar in kg; null is the standard bar of the weight unit (20 kg, 45 lb). */
  barKg: z
    .number({ message: 'The bar must be a number' })
    .min(0, { message: 'The bar must weigh between 0 and 100 kg' })
    .max(100, { message: 'The bar must weigh between 0 and 100 kg' })
    .nullable(),
  /** The plate sizes at hand, in kg (pairs without limit); null is the standard set of the unit. */
  platesKg: z
    .array(
      z
        .number({ message: 'A plate must be a number' })
        .positive({ message: 'A plate must weigh more than 0' })
        .max(60, { message: 'A plate must weigh at most 60 kg' }),
    )
    .min(1, { message: 'Give at least one plate size' })
    .max(20, { message: 'At most 20 plate sizes' })
    .nullable(),
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
  restSeconds: 120,
  restSound: true,
  barKg: null,
  platesKg: null,
  currentAthleteId: null,
};
