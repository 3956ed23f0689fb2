/**
 * Paging and scoping the history: keyset pages on (started_at, id), newest first, behind an
 * opaque cursor; the athlete (and exercise) a page is for, checked; a date range in the athlete's
 * own calendar days turned into instants. The cursor is the last row's key, so a workout logged
 * while someone pages neither shifts nor repeats a row, and every page is a short index range
 * whatever the history's length.
 */
import { and, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { InvalidInput } from '../../shared/contract';
import { athlete, exercise } from '../db/schema';
import type { ServiceContext } from './context';

// ---------------------------------------------------------------------------------------------
// The cursor

/** Where the next page starts: the last row's started_at (Postgres text, to the microsecond) and id. */
export interface PageKey {
  startedAt: string;
  id: string;
}

const CURSOR_VERSION = 'h1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PG_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

export function encodeCursor(key: PageKey): string {
  return Buffer.from(`${CURSOR_VERSION}|${key.startedAt}|${key.id}`, 'utf8').toString('base64url');
}

/** The key a cursor of ours carries; anything else (edited, truncated, from elsewhere) is refused. */
export function decodeCursor(cursor: string): PageKey {
  const [version, startedAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (
    version !== CURSOR_VERSION ||
    rest.length > 0 ||
    !startedAt ||
    !PG_TIMESTAMPTZ.test(startedAt) ||
    Number.isNaN(new Date(startedAt).getTime()) ||
    !id ||
    !UUID.test(id)
  ) {
    const message = 'That page cursor is not one this app gave out: start again from the first page';
    throw new InvalidInput(message, [{ path: ['cursor'], message }]);
  }
  return { startedAt, id };
}

/** Rows newest first, after the cursor's row when there is one. */
export function afterCursor(startedAtColumn: SQL, idColumn: SQL, cursor: PageKey | null): SQL | undefined {
  if (!cursor) return undefined;
  // The plain `<=` lets the planner bound the index range; the row comparison settles ties.
  return sql`${startedAtColumn} <= ${cursor.startedAt}::timestamptz
    and (${startedAtColumn}, ${idColumn}) < (${cursor.startedAt}::timestamptz, ${cursor.id}::uuid)`;
}

/** The page's rows and the cursor of the next page (null on the last one). */
export function pageOf<T extends { started_at: string; id: string }>(rows: T[], limit: number) {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > limit && last ? encodeCursor({ startedAt: last.started_at, id: last.id }) : null;
  return { page, nextCursor };
}

// ---------------------------------------------------------------------------------------------
// What the inputs refer to

function invalid(path: string, message: string): never {
  throw new InvalidInput(message, [{ path: [path], message }]);
}

export interface AthleteWindow {
  /** Inclusive lower and exclusive upper bounds on started_at, from the athlete's calendar days. */
  fromAt: string | null;
  toAt: string | null;
}

/**
 * Checks the athlete (and the exercise, when given) and turns the date range, which is in the
 * athlete's own calendar days, into instants: 'to' includes the whole of its day in their zone.
 */
export async function resolveHistoryScope(
  ctx: ServiceContext,
  input: { athleteId: string; exerciseId?: string | null; from?: string | null; to?: string | null },
): Promise<AthleteWindow & { exerciseName: string | null }> {
  const from = input.from ?? null;
  const to = input.to ?? null;
  if (from !== null && to !== null && from > to)
    invalid('from', 'The start date must be on or before the end date');
  const [row] = await ctx.db
    .select({
      fromAt: sql<string | null>`(${from}::date::timestamp at time zone ${athlete.timeZone})::text`,
      toAt: sql<string | null>`((${to}::date + 1)::timestamp at time zone ${athlete.timeZone})::text`,
    })
    .from(athlete)
    .where(
      and(
        eq(athlete.id, input.athleteId),
        eq(athlete.organizationId, ctx.organizationId),
        isNull(athlete.deletedAt),
      ),
    );
  if (!row) invalid('athleteId', 'That athlete does not exist or has been deleted: pick another athlete');

  let exerciseName: string | null = null;
  if (input.exerciseId) {
    // A deleted custom exercise keeps its history, so it is still found here.
    const [found] = await ctx.db
      .select({ name: exercise.name })
      .from(exercise)
      .where(
        and(
          eq(exercise.id, input.exerciseId),
          or(isNull(exercise.organizationId), eq(exercise.organizationId, ctx.organizationId)),
        ),
      );
    if (!found) invalid('exerciseId', 'That exercise does not exist: pick one from the library');
    exerciseName = found.name;
  }
  return { fromAt: row.fromAt, toAt: row.toAt, exerciseName };
}

export function withinWindow(startedAtColumn: SQL, window: AthleteWindow): SQL {
  return sql`${window.fromAt === null ? sql`true` : sql`${startedAtColumn} >= ${window.fromAt}::timestamptz`}
    and ${window.toAt === null ? sql`true` : sql`${startedAtColumn} < ${window.toAt}::timestamptz`}`;
}

/**
 * The ids of the athlete's live sessions with this exercise, newest first from the cursor, at
 * most `limit`: an index range of athlete_exercise_session (which has a row once something is
 * logged, for live sessions only: deleting a session takes its rows away), plus the workout in
 * progress when the exercise is in it with nothing logged yet.
 */
export function sessionsWithExercise(
  scope: { athleteId: string; exerciseId: string; limit: number },
  window: AthleteWindow,
  cursor: PageKey | null,
): SQL {
  return sql`(select aes.session_id
       from athlete_exercise_session aes
      where aes.athlete_id = ${scope.athleteId} and aes.exercise_id = ${scope.exerciseId}
        and ${withinWindow(sql`aes.started_at`, window)}
        ${cursor ? sql`and ${afterCursor(sql`aes.started_at`, sql`aes.session_id`, cursor)}` : sql``}
      order by aes.started_at desc, aes.session_id desc
      limit ${scope.limit})
    union all
    (select open.id
       from workout_session open
      where open.athlete_id = ${scope.athleteId} and open.completed_at is null and open.deleted_at is null
        and exists (select 1 from exercise_entry ee
                     where ee.session_id = open.id and ee.exercise_id = ${scope.exerciseId}
                       and ee.deleted_at is null))`;
}
