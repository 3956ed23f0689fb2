/**
 * Service-test fixtures: a real in-memory PGlite (migrated, catalogue loaded), the organization,
 * a ServiceContext that records every table a write touches, and a clock the test moves.
 */
import { sql } from 'drizzle-orm';
import { contract, type InputOf, type OutputOf, type TableName } from '../../shared/contract';
import type { Database } from '../db/client';
import { createTestContext, createTestDatabase, type TestContext } from '../db/test-support';
import { athleteHandlers } from './athletes';
import type { ServiceContext } from './context';
import { exerciseHandlers } from './exercises';
import { settingsHandlers } from './settings';

/** A clock that stands still until the test moves it, so timestamps are predictable. */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
}

export function createTestClock(start = new Date('2025-03-03T09:00:00.000Z')): TestClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    advance: (ms) => {
      current += ms;
    },
  };
}

export interface ServiceFixture {
  database: Database;
  ctx: TestContext;
  clock: TestClock;
  /** The tables touched since the last call, then forgets them. */
  takeTouched(): TableName[];
  close(): Promise<void>;
}

export async function createServiceFixture(): Promise<ServiceFixture> {
  const database = await createTestDatabase();
  const clock = createTestClock();
  const ctx = await createTestContext(database, { now: clock.now });
  return {
    database,
    ctx,
    clock,
    takeTouched: () => [...new Set(ctx.touchedTables.splice(0))],
    close: () => database.close(),
  };
}

/** The tables services write, for "changes nothing" checks. */
const WATCHED_TABLES = ['exercise', 'exercise_favorite', 'athlete', 'user_preferences'] as const;

/**
 * A fingerprint of the watched tables: row count and a hash of every row's text per table.
 * Two equal snapshots mean no row was added, removed or changed.
 */
export async function snapshotTables(database: Database): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const table of WATCHED_TABLES) {
    const result = await database.db.execute<{ rows: number; digest: string | null }>(
      sql`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t.id)) as digest
          from ${sql.identifier(table)} as t`,
    );
    const row = result.rows[0];
    snapshot[table] = `${row?.rows ?? 0}:${row?.digest ?? ''}`;
  }
  return snapshot;
}

const handlers = { ...exerciseHandlers, ...athleteHandlers, ...settingsHandlers };
export type ServiceChannel = keyof typeof handlers;

/**
 * Calls a channel the way the backend dispatcher does: the input parsed by the contract (so
 * defaults are filled in), the handler run, and its result checked against the output schema.
 */
export async function callChannel<C extends ServiceChannel>(
  ctx: ServiceContext,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const entry = contract[channel];
  const parsed = entry.input.parse(input);
  const handler = handlers[channel] as (input: unknown, ctx: ServiceContext) => Promise<unknown>;
  return entry.output.parse(await handler(parsed, ctx)) as OutputOf<C>;
}
