import { z } from 'zod';

/** Row keys are UUIDv7 strings made on the client (sync-ready: no server round trip for an id). */
export const id = z.uuid({ message: 'must be an id (a UUID)' });

/** Timestamps cross the boundary as ISO 8601 strings so JSON and structured clone agree. */
export const isoTimestamp = z.string();

/** Trimmed, required text with a readable message. */
export function requiredText(field: string, max: number) {
  return z
    .string({ message: `${field} is required` })
    .trim()
    .min(1, { message: `${field} is required` })
    .max(max, { message: `${field} must be at most ${max} characters` });
}

export const pageInput = {
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
};
