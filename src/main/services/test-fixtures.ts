/**
 * Service-test fixtures: a real in-memory PGlite (migrated, catalogue loaded), the organization,
 * a ServiceContext that records every table a write touches, and a clock the test moves.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  AppError,
  contract,
  type ChannelName,
  type InputOf,
  type OutputOf,
  type TableName,
} from '../../shared/contract';
import type { Database } from '../db/client';
import { createTestDatabase, RESOURCES_DIR } from '../db/test-support';
import type { ServiceContext } from './context';
import { handlers } from './index';
import { ensureOrganization } from './organization';

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

export interface TestContext extends ServiceContext {
  /** Every table passed to `touched` so far, in order. */
  touchedTables: TableName[];
}

/** A service context over `database` with its organization created; `now` defaults to the real clock. */
export async function createTestContext(
  database: Database,
  overrides: Partial<Pick<ServiceContext, 'now' | 'host' | 'version'>> = {},
): Promise<TestContext> {
  const now = overrides.now ?? (() => new Date());
  const { organizationId } = await ensureOrganization(database.db, { now: now() });
  const touchedTables: TableName[] = [];
  return {
    db: database.db,
    organizationId,
    touched: (...tables) => void touchedTables.push(...tables),
    now,
    host: overrides.host ?? 'web',
    dataDir: 'memory',
    resourcesDir: RESOURCES_DIR,
    version: overrides.version ?? '0.0.0-test',
    touchedTables,
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

/**
 * One fixture for the whole test file (making a database takes seconds), opened before its tests,
 * closed after them, with the touched tables forgotten before each test. Use at the top level.
 */
export function useServiceFixture(): ServiceFixture {
  let current: ServiceFixture | undefined;
  beforeAll(async () => {
    current = await createServiceFixture();
  });
  afterAll(async () => {
    await current?.close();
  });
  beforeEach(() => {
    current?.takeTouched();
  });
  const open = (): ServiceFixture => {
    if (!current) throw new Error('The service fixture is used before its beforeAll hook ran');
    return current;
  };
  return {
    get database() {
      return open().database;
    },
    get ctx() {
      return open().ctx;
    },
    get clock() {
      return open().clock;
    },
    takeTouched: () => open().takeTouched(),
    close: () => open().close(),
  };
}

/** Catches the AppError a call throws, so its code, message and details can be checked. */
export async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('Expected the call to fail');
}

/** The tables services write, for "changes nothing" checks. */
const WATCHED_TABLES = [
  'exercise',
  'exercise_favorite',
  'athlete',
  'user_preferences',
  'workout_template',
  'workout_template_exercise',
  'program',
  'program_week',
  'program_day',
  'program_assignment',
  'scheduled_workout',
  'workout_session',
  'exercise_entry',
  'set_entry',
  'athlete_exercise_session',
  'personal_record',
] as const;

/**
 * A fingerprint of the watched tables: row count and a hash of every row's text per table.
 * Two equal snapshots mean no row was added, removed or changed.
 */
export async function snapshotTables(database: Database): Promise<Record<string, string>> {
  const snapshot: Record<string, string> = {};
  for (const table of WATCHED_TABLES) {
    // The derived tables have composite keys and no id: their rows are ordered by their text.
    const result = await database.db.execute<{ rows: number; digest: string | null }>(
      sql`select count(*)::int as rows, md5(string_agg(t::text, '|' order by t::text)) as digest
          from ${sql.identifier(table)} as t`,
    );
    const row = result.rows[0];
    snapshot[table] = `${row?.rows ?? 0}:${row?.digest ?? ''}`;
  }
  return snapshot;
}

/**
 * Calls a channel the way the backend dispatcher does: the input parsed by the contract (so
 * defaults are filled in), the handler run, and its result checked against the output schema.
 * Unlike the dispatcher it lets errors through, so a test sees the AppError a service threw.
 */
export async function callChannel<C extends ChannelName>(
  ctx: ServiceContext,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const entry = contract[channel];
  const parsed = entry.input.parse(input);
  const handler = handlers[channel] as (input: unknown, ctx: ServiceContext) => Promise<unknown>;
  return entry.output.parse(await handler(parsed, ctx)) as OutputOf<C>;
}
