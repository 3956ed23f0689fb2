import { z } from 'zod';

/** The only error codes that ever cross a process boundary. */
export const ERROR_CODES = ['invalid_input', 'not_found', 'conflict', 'unavailable', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const appErrorShape = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  details: z.unknown().optional(),
});
/** What a caller receives when a call fails: never a stack trace. */
export type AppErrorShape = z.infer<typeof appErrorShape>;

/** A field-level problem, shaped like zod's issues so the UI can show it next to the field. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/**
 * Typed domain errors. Services throw these; the backend dispatcher turns them into
 * `{ code, message, details }`. Anything else becomes `internal` with a generic message.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export class InvalidInput extends AppError {
  constructor(message: string, issues: FieldIssue[] = []) {
    super('invalid_input', message, { issues });
  }
}

export class NotFound extends AppError {
  constructor(message: string) {
    super('not_found', message);
  }
}

export class Conflict extends AppError {
  constructor(message: string, details?: unknown) {
    super('conflict', message, details);
  }
}

export class Unavailable extends AppError {
  constructor(message: string) {
    super('unavailable', message);
  }
}

export function isAppErrorShape(value: unknown): value is AppErrorShape {
  return appErrorShape.safeParse(value).success;
}

/** Field issues carried by an `invalid_input` error, for showing beside the field that is wrong. */
export function fieldIssues(error: AppErrorShape | undefined): FieldIssue[] {
  if (!error || error.code !== 'invalid_input') return [];
  const details = error.details as { issues?: FieldIssue[] } | undefined;
  return Array.isArray(details?.issues) ? details.issues : [];
}
