import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database } from '../db/client';
import { createTestDatabase } from '../db/test-support';
import { recordsFromSets, type RecordSet } from '../../shared/calc/records';
import { programDates } from '../../shared/calc/schedule';
import { ensureOrganization } from '../services/organization';
import { seedHistory, type SeedOptions, type SeedTotals } from './generate';

const NOW = new Date('2025-06-18T15:00:00Z');
const OPTIONS: SeedOptions = { athletes: 3, years: 1, seed: 7, now: NOW };

async function seededDatabase(
  options: SeedOptions,
): Promise<{ database: Database; organizationId: string; totals: SeedTotals }> {
  const database = await createTestDatabase();
  const { organizationId } = await ensureOrganization(database.db, { now: NOW });
  const totals = await seedHistory(database, organizationId, options);
  return { database, organizationId, totals };
}

async function one<T>(database: Database, query: string, params: unknown[] = []): Promise<T> {
  const { rows } = await database.pg.query<T>(query, params);
  if (!rows[0]) throw new Error(`No row from ${query}`);
  return rows[0];
}

/** A digest of every generated row that matters, to compare two runs. */
async function fingerprint(database: Database): Promise<string> {
  const row = await one<{ digest: string }>(
    database,
    `SELECT md5(
       (SELECT string_agg(concat_ws('|', id, name, time_zone, bodyweight_kg), ',' ORDER BY id) FROM athlete) ||
       (SELECT string_agg(concat_ws('|', id, scheduled_date, status, completed_session_id), ',' ORDER BY id) FROM scheduled_workout) ||
       (SELECT string_agg(concat_ws('|', id, started_at, completed_at, bodyweight_kg), ',' ORDER BY id) FROM workout_session) ||
       (SELECT string_agg(concat_ws('|', id, exercise_id, position, rest_seconds, prescription), ',' ORDER BY id) FROM exercise_entry) ||
       (SELECT string_agg(concat_ws('|', id, set_type, weight_kg, reps, rpe, rir, completed), ',' ORDER BY id) FROM set_entry)
     ) AS digest`,
  );
  return row.digest;
}

describe('seedHistory', () => {
  let database: Database;
  let organizationId: string;
  let totals: SeedTotals;

  beforeAll(async () => {
    ({ database, organizationId, totals } = await seededDatabase(OPTIONS));
  });
  afterAll(() => database?.close());

  it('writes the rows it reports, at a plausible size for a year', async () => {
    const counts = await one<Record<string, number>>(
      database,
      `SELECT (SELECT count(*)::int FROM athlete) AS athletes,
              (SELECT count(*)::int FROM scheduled_workout) AS scheduled,
              (SELECT count(*)::int FROM workout_session) AS sessions,
              (SELECT count(*)::int FROM exercise_entry) AS entries,
              (SELECT count(*)::int FROM set_entry) AS sets`,
    );
    expect(counts).toEqual({
      athletes: 3,
      scheduled: totals.scheduledWorkouts,
      sessions: totals.sessions,
      entries: totals.entries,
      sets: totals.sets,
    });
    // 3–5 training days a week for a year, most of them done.
    expect(totals.sessions).toBeGreaterThan(3 * 52 * 2);
    expect(totals.sessions).toBeLessThan(3 * 54 * 5);
    expect(totals.sets / totals.sessions).toBeGreaterThan(12);
    expect(totals.sets / totals.sessions).toBeLessThan(40);
  });

  it('builds the same rows from the same seed, and different ones from another', async () => {
    const again = await seededDatabase(OPTIONS);
    const other = await seededDatabase({ ...OPTIONS, seed: 8 });
    try {
      expect(again.totals).toMatchObject({
        ...totals,
        seconds: expect.any(Number),
        statsSeconds: expect.any(Number),
      });
      expect(await fingerprint(again.database)).toBe(await fingerprint(database));
      expect(await fingerprint(other.database)).not.toBe(await fingerprint(database));
    } finally {
      await again.database.close();
      await other.database.close();
    }
  });

  it('links every set to an entry of a session of an athlete of the organization', async () => {
    const orphans = await one<{ sets: number; entries: number; sessions: number }>(
      database,
      `SELECT
         (SELECT count(*)::int FROM set_entry s
            LEFT JOIN exercise_entry e ON e.id = s.exercise_entry_id
            LEFT JOIN workout_session w ON w.id = e.session_id
            LEFT JOIN athlete a ON a.id = w.athlete_id
          WHERE a.id IS NULL OR a.organization_id <> $1 OR s.organization_id <> $1
             OR e.organization_id <> $1 OR w.organization_id <> $1) AS sets,
         (SELECT count(*)::int FROM exercise_entry e LEFT JOIN exercise x ON x.id = e.exercise_id WHERE x.id IS NULL) AS entries,
         (SELECT count(*)::int FROM workout_session w
            LEFT JOIN scheduled_workout sw ON sw.id = w.scheduled_workout_id
          WHERE sw.id IS NULL OR sw.athlete_id <> w.athlete_id OR sw.completed_session_id <> w.id
             OR sw.status <> 'completed') AS sessions`,
      [organizationId],
    );
    expect(orphans).toEqual({ sets: 0, entries: 0, sessions: 0 });
  });

  it('leaves missed and skipped workouts without a session, and schedules the weeks ahead', async () => {
    const statuses = await one<{
      linked_misses: number;
      missed: number;
      skipped: number;
      unlinked_completions: number;
      stale_scheduled: number;
      upcoming: number;
    }>(
      database,
      `SELECT
         count(*) FILTER (WHERE status IN ('missed', 'skipped')
           AND (completed_session_id IS NOT NULL
             OR EXISTS (SELECT 1 FROM workout_session w WHERE w.scheduled_workout_id = sw.id)))::int AS linked_misses,
         count(*) FILTER (WHERE status = 'missed')::int AS missed,
         count(*) FILTER (WHERE status = 'skipped')::int AS skipped,
         count(*) FILTER (WHERE status = 'completed' AND completed_session_id IS NULL)::int AS unlinked_completions,
         count(*) FILTER (WHERE status = 'scheduled' AND scheduled_date < $1::date - 1)::int AS stale_scheduled,
         count(*) FILTER (WHERE status = 'scheduled' AND scheduled_date > $1::date)::int AS upcoming
       FROM scheduled_workout sw`,
      [NOW.toISOString().slice(0, 10)],
    );
    expect(statuses.linked_misses).toBe(0);
    expect(statuses.unlinked_completions).toBe(0);
    expect(statuses.stale_scheduled).toBe(0);
    expect(statuses.missed).toBeGreaterThan(0);
    expect(statuses.skipped + statuses.missed).toBeLessThan(totals.scheduledWorkouts * 0.2);
    expect(statuses.upcoming).toBeGreaterThan(0);
  });

  it('gives every session 4–7 exercises, warm-ups first, and plausible loads', async () => {
    const shape = await one<Record<string, number>>(
      database,
      `SELECT
         (SELECT min(n)::int FROM (SELECT count(*) AS n FROM exercise_entry GROUP BY session_id) t) AS min_entries,
         (SELECT max(n)::int FROM (SELECT count(*) AS n FROM exercise_entry GROUP BY session_id) t) AS max_entries,
         (SELECT count(*)::int FROM set_entry WHERE weight_kg < 0 OR weight_kg > 400) AS bad_weights,
         (SELECT count(*)::int FROM set_entry WHERE completed AND (reps < 1 OR reps > 30)) AS bad_reps,
         (SELECT count(*)::int FROM set_entry WHERE rpe IS NOT NULL AND (rpe < 6 OR rpe > 10 OR rpe * 2 <> round(rpe * 2))) AS bad_rpe,
         (SELECT count(*)::int FROM set_entry WHERE rpe IS NOT NULL) AS with_rpe,
         (SELECT count(*)::int FROM set_entry w JOIN set_entry u ON u.exercise_entry_id = w.exercise_entry_id
            WHERE w.set_type = 'warmup' AND u.set_type = 'working'
              AND (w.set_number > u.set_number OR w.weight_kg >= u.weight_kg)) AS misplaced_warmups,
         (SELECT min(n)::int FROM (SELECT count(*) AS n FROM set_entry WHERE set_type IN ('working', 'failure')
            GROUP BY exercise_entry_id) t) AS min_working_sets,
         (SELECT max(n)::int FROM (SELECT count(*) AS n FROM set_entry WHERE set_type IN ('working', 'failure')
            GROUP BY exercise_entry_id) t) AS max_working_sets`,
    );
    expect(shape).toMatchObject({
      min_entries: 4,
      max_entries: 7,
      bad_weights: 0,
      bad_reps: 0,
      bad_rpe: 0,
      misplaced_warmups: 0,
      min_working_sets: 3,
      max_working_sets: 5,
    });
    expect(shape.with_rpe).toBeGreaterThan(0);
  });

  it('makes working-set estimated 1RMs rise over the year on average', async () => {
    // Epley e1RM of each athlete's first lift of the day, first quarter of their history against
    // the last, leaving out deload weeks (lighter on purpose).
    const trend = await one<{ lifts: number; rising: number; mean_ratio: number }>(
      database,
      `WITH working AS (
         SELECT w.athlete_id, e.exercise_id, s.weight_kg * (1 + s.reps / 30.0) AS e1rm,
                ntile(4) OVER (PARTITION BY w.athlete_id, e.exercise_id ORDER BY w.started_at) AS quarter
         FROM set_entry s
         JOIN exercise_entry e ON e.id = s.exercise_entry_id
         JOIN workout_session w ON w.id = e.session_id
         JOIN scheduled_workout sw ON sw.id = w.scheduled_workout_id
         JOIN program_week pw ON pw.id = sw.program_week_id
         WHERE s.set_type = 'working' AND s.completed AND e.position = 0 AND NOT pw.deload
       ), per_lift AS (
         SELECT athlete_id, exercise_id,
                avg(e1rm) FILTER (WHERE quarter = 4) / avg(e1rm) FILTER (WHERE quarter = 1) AS ratio
         FROM working GROUP BY athlete_id, exercise_id
       )
       SELECT count(*)::int AS lifts, count(*) FILTER (WHERE ratio > 1)::int AS rising, avg(ratio)::float AS mean_ratio
       FROM per_lift`,
    );
    expect(trend.lifts).toBeGreaterThan(3);
    expect(trend.mean_ratio).toBeGreaterThan(1.02);
    expect(trend.rising / trend.lifts).toBeGreaterThan(0.6);
  });

  it('records each block as a program application whose dates are where the calendar maths puts them', async () => {
    const { rows: assignments } = await database.pg.query<{
      id: string;
      program_id: string;
      start_date: string;
      weekdays: number[];
    }>(
      `SELECT id, program_id, to_char(start_date, 'YYYY-MM-DD') AS start_date, weekdays FROM program_assignment`,
    );
    expect(assignments.length).toBeGreaterThan(3);
    for (const assignment of assignments.slice(0, 6)) {
      const { rows: days } = await database.pg.query<{
        week_id: string;
        week_number: number;
        day_id: string;
        day_index: number;
        template_id: string;
        days_per_week: number;
      }>(
        `SELECT pw.id AS week_id, pw.week_number, pd.id AS day_id, pd.day_index, pd.template_id, p.days_per_week
         FROM program p JOIN program_week pw ON pw.program_id = p.id JOIN program_day pd ON pd.program_week_id = pw.id
         WHERE p.id = $1 ORDER BY pw.week_number, pd.day_index`,
        [assignment.program_id],
      );
      const weeks = [...new Set(days.map((day) => day.week_id))].map((weekId) => ({
        id: weekId,
        days: days
          .filter((day) => day.week_id === weekId)
          .map((day) => ({ id: day.day_id, dayIndex: day.day_index, templateId: day.template_id })),
      }));
      const expected = new Map(
        programDates(
          { daysPerWeek: days[0]?.days_per_week ?? 0, weeks },
          { startDate: assignment.start_date, weekdays: assignment.weekdays },
        ).map((day) => [day.dayId, day.date]),
      );
      const { rows: scheduled } = await database.pg.query<{ program_day_id: string; date: string }>(
        `SELECT program_day_id, to_char(scheduled_date, 'YYYY-MM-DD') AS date FROM scheduled_workout WHERE assignment_id = $1`,
        [assignment.id],
      );
      expect(scheduled.length).toBeGreaterThan(0);
      for (const workout of scheduled) expect(workout.date).toBe(expected.get(workout.program_day_id));
    }
  });

  it('fills the personal records of every athlete and exercise as a from-scratch computation finds them', async () => {
    const { rows: sets } = await database.pg.query<RecordSet & { athleteId: string; exerciseId: string }>(
      `SELECT ws.athlete_id AS "athleteId", ee.exercise_id AS "exerciseId", se.id AS "setId",
              ws.id AS "sessionId", to_json(coalesce(se.completed_at, ws.started_at)) #>> '{}' AS "achievedAt",
              se.set_type AS "setType", se.weight_kg AS "weightKg", se.reps, se.completed
         FROM set_entry se JOIN exercise_entry ee ON ee.id = se.exercise_entry_id
         JOIN workout_session ws ON ws.id = ee.session_id`,
    );
    const groups = new Map<string, RecordSet[]>();
    for (const set of sets) {
      const key = `${set.athleteId}|${set.exerciseId}`;
      groups.set(key, [...(groups.get(key) ?? []), set]);
    }
    const expected = [...groups].flatMap(([key, group]) =>
      recordsFromSets(group).map(
        (record) => `${key}|${record.kind}|${record.reps}|${record.valueKg.toFixed(6)}|${record.setId}`,
      ),
    );
    const { rows: stored } = await database.pg.query<{ line: string }>(
      `SELECT concat_ws('|', athlete_id, exercise_id, kind, reps, to_char(value_kg, 'FM999990.000000'), coalesce(set_entry_id::text, 'null')) AS line
         FROM personal_record`,
    );
    expect(expected.length).toBeGreaterThan(100);
    expect(stored.map((row) => row.line).sort()).toEqual(expected.sort());
    const bests = await one<{ rows: number; sessions: number }>(
      database,
      `SELECT (SELECT count(*)::int FROM athlete_exercise_session) AS rows,
              (SELECT count(DISTINCT session_id)::int FROM athlete_exercise_session) AS sessions`,
    );
    expect(bests.sessions).toBe(totals.sessions);
    expect(bests.rows).toBeGreaterThan(totals.sessions * 3);
  });

  it('keeps what each exercise of a calendar workout was prescribed, and its rest; a finisher added on the day has neither', async () => {
    const { rows } = await database.pg.query<{
      prescription: { exerciseId: string; sets: number; repsMin: number; restSeconds: number } | null;
      rest_seconds: number | null;
      exercise_id: string;
      working: number;
      in_template: boolean;
    }>(
      `SELECT ee.prescription, ee.rest_seconds, ee.exercise_id,
              (SELECT count(*)::int FROM set_entry se WHERE se.exercise_entry_id = ee.id AND se.set_type <> 'warmup') AS working,
              EXISTS (SELECT 1 FROM workout_template_exercise wte
                       WHERE wte.template_id = ws.template_id AND wte.exercise_id = ee.exercise_id) AS in_template
         FROM exercise_entry ee JOIN workout_session ws ON ws.id = ee.session_id`,
    );
    expect(rows.length).toBe(totals.entries);
    for (const row of rows) {
      if (!row.in_template) {
        expect(row).toMatchObject({ prescription: null, rest_seconds: null });
        continue;
      }
      expect(row.prescription?.exerciseId).toBe(row.exercise_id);
      expect(row.rest_seconds).toBe(row.prescription?.restSeconds);
      // Every prescribed set was tried; a drop set may follow the last.
      expect(row.working).toBeGreaterThanOrEqual((row.prescription?.sets ?? 0) - 1);
    }
    expect(rows.filter((row) => !row.in_template).length).toBeGreaterThan(0);
  });
});
