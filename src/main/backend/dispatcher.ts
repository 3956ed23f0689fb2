/**
 * The contract dispatcher: the one place a call from outside meets a service. Inputs are parsed
 * with the channel's zod schema before a service sees them; outputs are checked in tests and
 * development; every outcome is a CallResult, and no stack trace ever leaves the worker.
 */
import type { z } from 'zod';
import { contract, isChannelName, type ChannelEntry, type TableName } from '../../shared/contract';
import { AppError, type AppErrorShape, type FieldIssue } from '../../shared/contract/errors';
import type { BackendEvent } from '../../shared/contract/events';
import type { CallResult } from '../../shared/contract/transport';
import type { Handlers, ServiceContext } from '../services/context';

export interface DispatcherOptions {
  handlers: Handlers;
  /** Everything a service context holds except `touched`, which the dispatcher records per call. */
  ctxFactory: () => Omit<ServiceContext, 'touched'>;
  /** Check every output against its schema (tests and development). */
  validateOutputs: boolean;
  /** Receives one `changed` event after each successful call that touched tables. */
  emit?: (event: BackendEvent) => void;
  /** Where unexpected errors go, with their stacks (they never cross to the caller). */
  log?: (message: string, error: unknown) => void;
}

export interface Dispatcher {
  dispatch(channel: string, input: unknown): Promise<CallResult<unknown>>;
}

export const INTERNAL_ERROR: AppErrorShape = {
  code: 'internal',
  message: 'Something went wrong inside Lift Tracker; the error was logged',
};

type AnyHandler = (input: unknown, ctx: ServiceContext) => Promise<unknown>;

export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const log = options.log ?? ((message, error) => console.error(message, error));

  return {
    async dispatch(channel, input) {
      if (!isChannelName(channel)) {
        return failure({
          code: 'invalid_input',
          message: `Unknown channel "${channel}"`,
          details: { issues: [] },
        });
      }
      const entry: ChannelEntry = contract[channel];
      const parsed = await entry.input.safeParseAsync(input);
      if (!parsed.success) return failure(invalidInput(parsed.error.issues));

      const touchedTables = new Set<TableName>();
      const ctx: ServiceContext = {
        ...options.ctxFactory(),
        touched: (...tables) => tables.forEach((table) => touchedTables.add(table)),
      };
      try {
        const handler = options.handlers[channel] as AnyHandler;
        const output = await handler(parsed.data, ctx);
        if (options.validateOutputs) {
          const checked = await entry.output.safeParseAsync(output);
          if (!checked.success) {
            log(`Output of ${channel} does not match its contract`, checked.error);
            return failure(INTERNAL_ERROR);
          }
        }
        if (touchedTables.size > 0) {
          options.emit?.({ name: 'changed', payload: { tables: [...touchedTables] } });
        }
        return { ok: true, data: output };
      } catch (error) {
        if (error instanceof AppError) return failure(error.toShape());
        log(`Call ${channel} failed`, error);
        return failure(INTERNAL_ERROR);
      }
    },
  };
}

function failure(error: AppErrorShape): CallResult<never> {
  return { ok: false, error };
}

/** A one-line summary a person can read, plus the issues for showing beside each field. */
function invalidInput(zodIssues: z.core.$ZodIssue[]): AppErrorShape {
  const issues: FieldIssue[] = zodIssues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
  const shown = issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return { code: 'invalid_input', message: `Invalid input: ${shown.join('; ')}${more}`, details: { issues } };
}
