/**
 * Test support for the template and program services: calls that must be refused (by the
 * contract's schema or by the service) and must leave every table as it was.
 */
import { expect } from 'vitest';
import { z } from 'zod';
import { AppError, type ChannelName, type FieldIssue, type InputOf } from '../../shared/contract';
import { callChannel, snapshotTables, type ServiceFixture } from './test-fixtures';

export interface Refusal {
  /** 'invalid_input' for a schema failure too: the dispatcher turns those into invalid_input. */
  code: string;
  message: string;
  issues: FieldIssue[];
}

/** The refusal a call ends with, whether the contract's schema or the service refused it. */
export async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof z.ZodError) {
      const issues = error.issues.map((issue) => ({
        path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
        message: issue.message,
      }));
      return { code: 'invalid_input', message: issues[0]?.message ?? '', issues };
    }
    if (error instanceof AppError) {
      const details = error.details as { issues?: FieldIssue[] } | undefined;
      return { code: error.code, message: error.message, issues: details?.issues ?? [] };
    }
    throw error;
  }
  throw new Error('Expected the call to be refused');
}

/** Calls a channel that must be refused, and checks no table changed and nothing was announced. */
export async function refusedWithoutChange<C extends ChannelName>(
  fixture: ServiceFixture,
  channel: C,
  input: InputOf<C>,
): Promise<Refusal> {
  const before = await snapshotTables(fixture.database);
  fixture.takeTouched();
  const refusal = await refusalOf(callChannel(fixture.ctx, channel, input));
  expect(fixture.takeTouched()).toEqual([]);
  expect(await snapshotTables(fixture.database)).toEqual(before);
  return refusal;
}
