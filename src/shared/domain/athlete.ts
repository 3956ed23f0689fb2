import { z } from 'zod';
import { id, isoTimestamp, requiredText } from './common';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .trim()
  .min(1, { message: 'Time zone is required' })
  .refine(isTimeZone, { message: 'Unknown time zone; pick one like Europe/London' });

/** Bodyweight in kilograms (stored in kg always; the UI converts). */
export const bodyweightKg = z
  .number({ message: 'Bodyweight must be a number' })
  .min(20, { message: 'Bodyweight must be at least 20 kg (44 lb)' })
  .max(350, { message: 'Bodyweight must be at most 350 kg (771 lb)' });

/** A kiosk PIN: 4 to 8 digits. Stored only as a salted hash. */
export const kioskPin = z.string().regex(/^\d{4,8}$/, { message: 'PIN must be 4 to 8 digits' });

export const athlete = z.object({
  id,
  name: z.string(),
  timeZone: z.string(),
  bodyweightKg: z.number().nullable(),
  hasPin: z.boolean(),
  archived: z.boolean(),
  notes: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Athlete = z.infer<typeof athlete>;

export const athleteFields = z.object({
  name: requiredText('Name', 120),
  timeZone,
  bodyweightKg: bodyweightKg.nullable().default(null),
  notes: z.string().trim().max(2000, { message: 'Notes must be at most 2000 characters' }).default(''),
  /** A new PIN, or null to clear it; omitted leaves it unchanged. */
  pin: kioskPin.nullable().optional(),
});
export type AthleteFields = z.input<typeof athleteFields>;
