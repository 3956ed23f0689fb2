/**
 * Personal records and per-session exercise bests, kept in the same transaction as every write to
 * the sets they come from (ARCHITECTURE.md: incremental, never a REFRESH, never a history scan).
 *
 * Two derived tables, never synced:
 * - athlete_exercise_session: for each athlete, exercise and session, the best of that session's
 *   counted sets (best e1RM and its set, top weight, volume, sets, reps, best weight per rep count);
 * - personal_record: per athlete and exercise, the best e1RM, the best weight for each rep count
 *   (1–20) and the best session volume, found from the rows above (a few hundred per exercise).
 *
 * "Counted" and "best" are defined once, in SQL below, for both the incremental path and the
 * rebuild, and match src/shared/calc (e1rm.ts: Epley, the weight itself for a single, nothing above
 * 12 reps; records.ts: completed sets that are not warm-ups, weight > 0 and reps ≥ 1, of live sets,
 * exercises and workouts; ties go to the earliest). A set's time is its completed_at, else its
 * workout's start; a volume record's time is the session's last counted set.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { PersonalRecord, RecordKind } from '../../shared/domain/workout';
import { E1RM_MAX_REPS } from '../../shared/calc/e1rm';
import { WEIGHT_RECORD_MAX_REPS } from '../../shared/calc/records';
import type { DrizzleDb, DrizzleTx } from '../db/client';

type Db = DrizzleDb | DrizzleTx;

export interface StatsKey {
  athleteId: string;
  exerciseId: string;
  sessionId: string;
}

/** The sets that count, with their time and e1RM; `where` narrows by ws (session), ee (entry). */
function countedSets(where: SQL): SQL {
  return sql`
    SELECT ws.athlete_id, ee.exercise_id, ws.id AS session_id, ws.started_at, se.id AS set_id,
           se.weight_kg, se.reps::int AS reps, coalesce(se.completed_at, ws.started_at) AS at,
           CASE WHEN se.reps = 1 THEN se.weight_kg
                WHEN se.reps <= ${E1RM_MAX_REPS} THEN se.weight_kg * (1 + se.reps::float8 / 30)
           END AS e1rm
      FROM workout_session ws
      JOIN exercise_entry ee ON ee.session_id = ws.id AND ee.deleted_at IS NULL
      JOIN set_entry se ON se.exercise_entry_id = ee.id AND se.deleted_at IS NULL
     WHERE ws.deleted_at IS NULL AND se.completed AND se.set_type <> 'warmup'
       AND se.weight_kg > 0 AND se.reps >= 1 AND ${where}`;
}

/** Writes the athlete_exercise_session rows of the counted sets `where` selects (rows removed first by the caller). */
async function insertSessionRows(db: Db, where: SQL): Promise<void> {
  await db.execute(sql`
    WITH c AS (${countedSets(where)}),
    rep_best AS (
      SELECT DISTINCT ON (session_id, exercise_id, reps) session_id, exercise_id, reps, weight_kg, set_id, at
        FROM c WHERE reps <= ${WEIGHT_RECORD_MAX_REPS}
       ORDER BY session_id, exercise_id, reps, weight_kg DESC, at, set_id
    ),
    rep_bests AS (
      SELECT session_id, exercise_id,
             jsonb_object_agg(reps::text, jsonb_build_object('weightKg', weight_kg, 'setId', set_id, 'at', at)) AS bests
        FROM rep_best GROUP BY session_id, exercise_id
    ),
    per_session AS (
      SELECT athlete_id, exercise_id, session_id, min(started_at) AS started_at, max(at) AS achieved_at,
             max(e1rm) AS best_e1rm_kg,
             (array_agg(set_id ORDER BY e1rm DESC NULLS LAST, at, set_id))[1] AS best_set_id,
             max(weight_kg) AS top_weight_kg, sum(weight_kg * reps) AS volume_kg,
             count(*)::int AS working_sets, sum(reps)::int AS total_reps
        FROM c GROUP BY athlete_id, exercise_id, session_id
    )
    INSERT INTO athlete_exercise_session
      (athlete_id, exercise_id, session_id, started_at, achieved_at, best_e1rm_kg, best_e1rm_set_id,
       top_weight_kg, volume_kg, working_sets, total_reps, rep_bests)
    SELECT p.athlete_id, p.exercise_id, p.session_id, p.started_at, p.achieved_at, p.best_e1rm_kg,
           CASE WHEN p.best_e1rm_kg IS NULL THEN NULL ELSE p.best_set_id END,
           p.top_weight_kg, p.volume_kg, p.working_sets, p.total_reps, coalesce(r.bests, '{}'::jsonb)
      FROM per_session p
      LEFT JOIN rep_bests r ON r.session_id = p.session_id AND r.exercise_id = p.exercise_id`);
}

/**
 * The personal records of the athlete_exercise_session rows `where` selects (alias aes), per
 * athlete and exercise: the best e1RM, the best weight for each rep count, the best volume.
 */
function selectRecords(where: SQL): SQL {
  return sql`
    WITH top_e1rm AS (
      SELECT * FROM (
        SELECT aes.athlete_id, aes.exercise_id, aes.session_id, aes.started_at, aes.best_e1rm_kg,
               aes.best_e1rm_set_id,
               rank() OVER (PARTITION BY aes.athlete_id, aes.exercise_id ORDER BY aes.best_e1rm_kg DESC) AS rk
          FROM athlete_exercise_session aes
         WHERE aes.best_e1rm_kg IS NOT NULL AND ${where}) ranked
       WHERE rk = 1
    ),
    e1rm AS (
      SELECT DISTINCT ON (t.athlete_id, t.exercise_id)
             t.athlete_id, t.exercise_id, 'e1rm'::text AS kind, 0 AS reps, t.best_e1rm_kg AS value_kg,
             se.weight_kg, se.reps::int AS reps_done, se.id AS set_id, t.session_id,
             coalesce(se.completed_at, t.started_at) AS achieved_at
        FROM top_e1rm t JOIN set_entry se ON se.id = t.best_e1rm_set_id
       ORDER BY t.athlete_id, t.exercise_id, coalesce(se.completed_at, t.started_at), se.id
    ),
    by_reps AS (
      SELECT DISTINCT ON (aes.athlete_id, aes.exercise_id, b.key::int)
             aes.athlete_id, aes.exercise_id, 'weight'::text AS kind, b.key::int AS reps,
             (b.value->>'weightKg')::float8 AS value_kg, (b.value->>'weightKg')::float8 AS weight_kg,
             b.key::int AS reps_done, (b.value->>'setId')::uuid AS set_id, aes.session_id,
             (b.value->>'at')::timestamptz AS achieved_at
        FROM athlete_exercise_session aes, jsonb_each(aes.rep_bests) b
       WHERE ${where}
       ORDER BY aes.athlete_id, aes.exercise_id, b.key::int, (b.value->>'weightKg')::float8 DESC,
                (b.value->>'at')::timestamptz, (b.value->>'setId')::uuid
    ),
    volume AS (
      SELECT DISTINCT ON (aes.athlete_id, aes.exercise_id)
             aes.athlete_id, aes.exercise_id, 'volume'::text AS kind, 0 AS reps, aes.volume_kg AS value_kg,
             NULL::float8 AS weight_kg, NULL::int AS reps_done, NULL::uuid AS set_id, aes.session_id,
             aes.achieved_at
        FROM athlete_exercise_session aes
       WHERE ${where}
       ORDER BY aes.athlete_id, aes.exercise_id, aes.volume_kg DESC, aes.achieved_at, aes.session_id
    )
    SELECT athlete_id, exercise_id, kind, reps, value_kg, weight_kg, reps_done, set_id AS set_entry_id,
           session_id, achieved_at
      FROM (SELECT * FROM e1rm UNION ALL SELECT * FROM by_reps UNION ALL SELECT * FROM volume) records`;
}

/** Writes the records of the rows `where` selects (the caller removed the old ones first). */
async function insertRecords(db: Db, where: SQL): Promise<void> {
  await db.execute(sql`
    INSERT INTO personal_record
      (athlete_id, exercise_id, kind, reps, value_kg, weight_kg, reps_done, set_entry_id, session_id, achieved_at)
    ${selectRecords(where)}`);
}

interface StoredRecord extends Record<string, unknown> {
  athlete_id: string;
  exercise_id: string;
  kind: RecordKind;
  reps: number;
  value_kg: number;
  weight_kg: number | null;
  reps_done: number | null;
  set_entry_id: string | null;
  session_id: string;
  achieved_at: string | Date;
}

interface RecordRow extends StoredRecord {
  exercise_name: string;
}

function toIso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

function toRecord(row: RecordRow, previousValueKg: number | null = null): PersonalRecord {
  return {
    athleteId: row.athlete_id,
    exerciseId: row.exercise_id,
    exerciseName: row.exercise_name,
    kind: row.kind,
    reps: Number(row.reps),
    valueKg: Number(row.value_kg),
    weightKg: row.weight_kg === null ? null : Number(row.weight_kg),
    repsDone: row.reps_done === null ? null : Number(row.reps_done),
    setId: row.set_entry_id,
    sessionId: row.session_id,
    achievedAt: toIso(row.achieved_at),
    previousValueKg,
  };
}

const KIND_ORDER = sql`CASE pr.kind WHEN 'e1rm' THEN 0 WHEN 'weight' THEN 1 ELSE 2 END`;

async function readRecords(db: Db, where: SQL): Promise<PersonalRecord[]> {
  const result = await db.execute<RecordRow>(sql`
    SELECT pr.*, e.name AS exercise_name
      FROM personal_record pr JOIN exercise e ON e.id = pr.exercise_id
     WHERE ${where}
     ORDER BY e.name, pr.exercise_id, ${KIND_ORDER}, pr.reps`);
  return result.rows.map((row) => toRecord(row));
}

/** Two record values are the same when they differ by float noise only. */
const SAME_VALUE_KG = 1e-9;

const keyOf = (record: { kind: string; reps: number }) => `${record.kind}:${Number(record.reps)}`;
const timeOf = (record: StoredRecord) => new Date(record.achieved_at).getTime();

/** Whether `a` ranks above `b` for the same record: higher, or as high and earlier (SQL's order). */
function ranksAbove(a: StoredRecord, b: StoredRecord): boolean {
  const difference = Number(a.value_kg) - Number(b.value_kg);
  if (difference > SAME_VALUE_KG) return true;
  if (difference < -SAME_VALUE_KG) return false;
  if (timeOf(a) !== timeOf(b)) return timeOf(a) < timeOf(b);
  const bySet = (a.set_entry_id ?? '').localeCompare(b.set_entry_id ?? '');
  return bySet !== 0 ? bySet < 0 : a.session_id.localeCompare(b.session_id) < 0;
}

async function storedRecords(tx: DrizzleTx, athleteId: string, exerciseId: string) {
  const result = await tx.execute<StoredRecord>(sql`
    SELECT * FROM personal_record WHERE athlete_id = ${athleteId} AND exercise_id = ${exerciseId}`);
  return new Map(result.rows.map((row) => [keyOf(row), row]));
}

async function upsertRecord(tx: DrizzleTx, record: StoredRecord): Promise<void> {
  await tx.execute(sql`
    INSERT INTO personal_record
      (athlete_id, exercise_id, kind, reps, value_kg, weight_kg, reps_done, set_entry_id, session_id, achieved_at)
    VALUES (${record.athlete_id}, ${record.exercise_id}, ${record.kind}, ${record.reps}, ${record.value_kg},
            ${record.weight_kg}, ${record.reps_done}, ${record.set_entry_id}, ${record.session_id}, ${record.achieved_at})
    ON CONFLICT (athlete_id, exercise_id, kind, reps) DO UPDATE SET
      value_kg = excluded.value_kg, weight_kg = excluded.weight_kg, reps_done = excluded.reps_done,
      set_entry_id = excluded.set_entry_id, session_id = excluded.session_id, achieved_at = excluded.achieved_at`);
}

/**
 * After a write to the sets of one exercise in one session: recomputes that session's row, then
 * the athlete's records for the exercise. Usually only that session's own bests are compared with
 * the records (a handful of keyed reads); only when the session held a record that its new bests
 * no longer hold (a set edited down or deleted) is the exercise's history read to find the next
 * best. Returns the records newly set by `sessionId`'s sets in this call (a first record, or a
 * higher value), each with the value it beat.
 */
export async function refreshExerciseStats(tx: DrizzleTx, key: StatsKey): Promise<PersonalRecord[]> {
  const { athleteId, exerciseId, sessionId } = key;
  await tx.execute(sql`
    DELETE FROM athlete_exercise_session
     WHERE athlete_id = ${athleteId} AND exercise_id = ${exerciseId} AND session_id = ${sessionId}`);
  await insertSessionRows(
    tx,
    sql`ws.id = ${sessionId} AND ws.athlete_id = ${athleteId} AND ee.exercise_id = ${exerciseId}`,
  );

  const before = await storedRecords(tx, athleteId, exerciseId);
  const candidates = new Map(
    (
      await tx.execute<StoredRecord>(
        selectRecords(
          sql`aes.athlete_id = ${athleteId} AND aes.exercise_id = ${exerciseId} AND aes.session_id = ${sessionId}`,
        ),
      )
    ).rows.map((row) => [keyOf(row), row]),
  );
  // A record this session held that its new bests do not hold any more: another session may
  // hold it now, which only the whole history can say.
  const lost = [...before.values()].some((record) => {
    if (record.session_id !== sessionId) return false;
    const candidate = candidates.get(keyOf(record));
    return !candidate || ranksAbove(record, candidate);
  });

  let after: Map<string, StoredRecord>;
  if (lost) {
    await tx.execute(
      sql`DELETE FROM personal_record WHERE athlete_id = ${athleteId} AND exercise_id = ${exerciseId}`,
    );
    await insertRecords(tx, sql`aes.athlete_id = ${athleteId} AND aes.exercise_id = ${exerciseId}`);
    after = await storedRecords(tx, athleteId, exerciseId);
  } else {
    after = new Map(before);
    for (const [recordKey, candidate] of candidates) {
      const current = before.get(recordKey);
      if (current && current.session_id !== sessionId && !ranksAbove(candidate, current)) continue;
      if (current && sameRecord(current, candidate)) continue;
      await upsertRecord(tx, candidate);
      after.set(recordKey, candidate);
    }
  }

  const fresh = [...after.values()].filter((record) => {
    if (record.session_id !== sessionId) return false;
    const old = before.get(keyOf(record));
    return !old || Number(record.value_kg) > Number(old.value_kg) + SAME_VALUE_KG;
  });
  if (fresh.length === 0) return [];
  const name = await tx.execute<{ name: string }>(sql`SELECT name FROM exercise WHERE id = ${exerciseId}`);
  return fresh
    .sort(byKindAndReps)
    .map((record) =>
      toRecord(
        { ...record, exercise_name: name.rows[0]?.name ?? '' },
        before.has(keyOf(record)) ? Number(before.get(keyOf(record))!.value_kg) : null,
      ),
    );
}

function sameRecord(a: StoredRecord, b: StoredRecord): boolean {
  return (
    Math.abs(Number(a.value_kg) - Number(b.value_kg)) <= SAME_VALUE_KG &&
    a.set_entry_id === b.set_entry_id &&
    a.session_id === b.session_id &&
    timeOf(a) === timeOf(b) &&
    Number(a.weight_kg) === Number(b.weight_kg) &&
    Number(a.reps_done) === Number(b.reps_done)
  );
}

const KIND_RANK: Record<string, number> = { e1rm: 0, weight: 1, volume: 2 };
function byKindAndReps(a: StoredRecord, b: StoredRecord): number {
  return KIND_RANK[a.kind]! - KIND_RANK[b.kind]! || Number(a.reps) - Number(b.reps);
}

/**
 * After a write to a whole session (deleted, restored, its start moved, an exercise removed or
 * restored): refreshes every exercise the session has or had. Returns the records newly set.
 */
export async function refreshSessionStats(tx: DrizzleTx, sessionId: string): Promise<PersonalRecord[]> {
  const result = await tx.execute<{ athlete_id: string; exercise_id: string }>(sql`
    SELECT DISTINCT ws.athlete_id, ee.exercise_id
      FROM workout_session ws JOIN exercise_entry ee ON ee.session_id = ws.id
     WHERE ws.id = ${sessionId}
    UNION
    SELECT athlete_id, exercise_id FROM athlete_exercise_session WHERE session_id = ${sessionId}`);
  const fresh: PersonalRecord[] = [];
  for (const row of result.rows) {
    fresh.push(
      ...(await refreshExerciseStats(tx, {
        athleteId: row.athlete_id,
        exerciseId: row.exercise_id,
        sessionId,
      })),
    );
  }
  return fresh;
}

/** The records a session holds now. */
export function recordsOfSession(db: Db, sessionId: string): Promise<PersonalRecord[]> {
  return readRecords(db, sql`pr.session_id = ${sessionId}`);
}

/** An athlete's records, for one exercise or all. */
export function recordsOfAthlete(
  db: Db,
  athleteId: string,
  exerciseId: string | null,
): Promise<PersonalRecord[]> {
  return readRecords(
    db,
    exerciseId === null
      ? sql`pr.athlete_id = ${athleteId}`
      : sql`pr.athlete_id = ${athleteId} AND pr.exercise_id = ${exerciseId}`,
  );
}

/** Recomputes one athlete's derived rows from their sets (the rebuild's unit of work). */
export async function rebuildAthleteStats(db: Db, athleteId: string): Promise<void> {
  await db.execute(sql`DELETE FROM athlete_exercise_session WHERE athlete_id = ${athleteId}`);
  await db.execute(sql`DELETE FROM personal_record WHERE athlete_id = ${athleteId}`);
  await insertSessionRows(db, sql`ws.athlete_id = ${athleteId}`);
  await insertRecords(db, sql`aes.athlete_id = ${athleteId}`);
}

async function analyzeHistory(db: Db): Promise<void> {
  await db.execute(sql`ANALYZE workout_session, exercise_entry, set_entry, athlete_exercise_session`);
}

async function athletesWithWorkouts(db: Db): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`SELECT id FROM athlete ORDER BY id`);
  return result.rows.map((row) => row.id);
}

/**
 * Rebuilds both derived tables from the sets, one athlete per transaction (for migrations, the
 * seed and repair; the app keeps them current as it writes).
 */
export async function rebuildAllStats(
  db: DrizzleDb,
  options: { athleteIds?: string[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<void> {
  const athleteIds = options.athleteIds ?? (await athletesWithWorkouts(db));
  // PGlite has no autovacuum: on freshly loaded tables the planner would scan whole tables.
  if (athleteIds.length > 1) await analyzeHistory(db);
  for (const [index, athleteId] of athleteIds.entries()) {
    await db.transaction((tx) => rebuildAthleteStats(tx, athleteId));
    options.onProgress?.(index + 1, athleteIds.length);
  }
}

/** The migration step of 0005_workouts: fills the derived tables for the history already there. */
export async function fillDerivedTables(tx: DrizzleTx): Promise<void> {
  await analyzeHistory(tx);
  for (const athleteId of await athletesWithWorkouts(tx)) await rebuildAthleteStats(tx, athleteId);
}
