import { isValid, parseISO } from 'date-fns';
import { z } from 'zod';

/**
 * Calendar days cross the boundary as 'YYYY-MM-DD' (Postgres `date`): a workout on Monday stays on
 * Monday in every time zone (ARCHITECTURE.md).
 */
export const isoDate = z
  .string({ message: 'must be a date like 2026-12-07' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date like 2026-12-07 (year-month-day)', abort: true })
  .refine((value) => isValid(parseISO(value)), { message: 'is not a real date on the calendar' });

/** A date field with its name in the message ("Start date must be a date like 2026-12-07"). */
export function namedDate(field: string) {
  return z
    .string({ message: `${field} must be a date like 2026-12-07` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, {
      message: `${field} must be a date like 2026-12-07 (year-month-day)`,
      // One message for "07/12/2026", not also "is not a real date".
      abort: true,
    })
    .refine((value) => isValid(parseISO(value)), { message: `${field} is not a real date on the calendar` });
}

/** ISO weekday: 1 = Monday … 7 = Sunday (date-fns `getISODay`). */
export const ISO_WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_SHORT_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
export const weekday = z
  .number()
  .int({ message: 'A weekday is a whole number from 1 (Monday) to 7 (Sunday)' })
  .min(1, { message: 'A weekday is a number from 1 (Monday) to 7 (Sunday)' })
  .max(7, { message: 'A weekday is a number from 1 (Monday) to 7 (Sunday)' });

/** A time of day on the athlete's clock, 24-hour 'HH:MM'. */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time like 07:30 or 18:00 (24-hour)' });
