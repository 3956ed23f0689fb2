/**
 * The history's queries stay keyed reads on a long history: 3,000 workouts for one athlete, beside
 * a gym's worth of others, then the planner's choice for each query is checked. No timing is
 * asserted; the figures are in the bench (npm run bench).
 */
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertAthlete, catalogueExerciseId } from './schedule-test-support';
import { useServiceFixture } from './test-fixtures';
import { exerciseSessionPageQuery } from './exercise-history';
import { sessionEntriesQuery, sessionPageQuery } from './workout-history';
import { rebuildAllStats } from './workout-records';

const fixture = useServiceFixture();
const SESSIONS = 3000;
const TABLES = [
  'workout_session',
  'exercise_entry',
  'set_entry',
  'athlete_exercise_session',
  'personal_record',
];

let athleteId = '';
let squat = '';
let newestIds: string[] = [];

/** Sessions every other day back from 2025-03-01, each exercise with `sets` sets, in SQL. */
async function generateHistory(forAthlete: string, sessions: number, exercises: string[], sets = 4) {
  await fixture.ctx.db.execute(sql`
    with sessions as (
      insert into workout_session (id, organization_id, athlete_id, name, started_at, completed_at)
      select gen_random_uuid(), ${fixture.ctx.organizationId}, ${forAthlete}, 'Session ' || n,
             timestamptz '2025-03-01 17:00+00' - n * interval '2 days',
             timestamptz '2025-03-01 18:00+00' - n * interval '2 days'
        from generate_series(1, ${sessions}) n
      returning id),
    entries as (
      insert into exercise_entry (id, organization_id, session_id, exercise_id, position)
      select gen_random_uuid(), ${fixture.ctx.organizationId}, s.id, x.exercise_id::uuid, x.position
        from sessions s
        cross join unnest(${`{${exercises.join(',')}}`}::text[]) with ordinality as x(exercise_id, position)
      returning id)
    insert into set_entry (id, organization_id, exercise_entry_id, set_number, set_type, weight_kg, reps, completed)
    select gen_random_uuid(), ${fixture.ctx.organizationId}, e.id, k, 'working', 60 + (random() * 80)::int, 3 + k, true
      from entries e cross join generate_series(1, ${sets}) k`);
}

async function planOf(query: SQL): Promise<string> {
  const { rows } = await fixture.ctx.db.execute<{ 'QUERY PLAN': string }>(sql`explain ${query}`);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

function expectKeyed(plan: string) {
  for (const table of TABLES) expect(plan, plan).not.toMatch(new RegExp(`Seq Scan on ${table}\\b`));
}

beforeAll(async () => {
  athleteId = await insertAthlete(fixture.ctx, 'Long History');
  const neighbour = await insertAthlete(fixture.ctx, 'Neighbour');
  squat = await catalogueExerciseId(fixture.ctx, 'Barbell Back Squat');
  const exercises = [squat, await catalogueExerciseId(fixture.ctx, 'Barbell Bench Press')];
  const rare = await catalogueExerciseId(fixture.ctx, 'Conventional Deadlift');
  await generateHistory(athleteId, SESSIONS, exercises);
  await generateHistory(neighbour, 1000, [...exercises, rare]);
  // A gym's worth of other athletes, so that one athlete is a small part of each table (as at
  // 200 athletes), which is what the planner weighs.
  for (let index = 0; index < 8; index++) {
    await generateHistory(await insertAthlete(fixture.ctx, `Gym ${index}`), SESSIONS, [rare], 1);
  }
  // Fresh tables have no statistics: without them the rebuild's joins are planned as scans.
  await fixture.ctx.db.execute(sql`analyze`);
  await rebuildAllStats(fixture.ctx.db, { athleteIds: [athleteId, neighbour] });
  await fixture.ctx.db.execute(sql`analyze`);
  const { rows } = await fixture.ctx.db.execute<{ id: string }>(
    sql`select id from workout_session where athlete_id = ${athleteId} order by started_at desc limit 25`,
  );
  newestIds = rows.map((row) => row.id);
}, 300_000);

describe('the history on a long history (query plans)', () => {
  const window = { fromAt: null, toAt: null };
  const cursor = () => ({ startedAt: '2020-01-01 17:00:00+00', id: newestIds[0]! });

  it('reads a page of workouts, first or later, by the index on (athlete, started_at)', async () => {
    const base = { athleteId, exerciseId: null, limit: 25 };
    for (const query of [
      sessionPageQuery(fixture.ctx.organizationId, base, window, null),
      sessionPageQuery(fixture.ctx.organizationId, base, window, cursor()),
      sessionPageQuery(
        fixture.ctx.organizationId,
        base,
        { fromAt: '2019-01-01 00:00:00+00', toAt: '2020-01-01 00:00:00+00' },
        null,
      ),
    ]) {
      const plan = await planOf(query);
      expectKeyed(plan);
      expect(plan).toMatch(/workout_session_athlete_started_idx/);
    }
  });

  it("reads a page of one exercise's workouts by athlete_exercise_session's history index", async () => {
    for (const query of [
      sessionPageQuery(
        fixture.ctx.organizationId,
        { athleteId, exerciseId: squat, limit: 25 },
        window,
        cursor(),
      ),
      exerciseSessionPageQuery(
        fixture.ctx.organizationId,
        { athleteId, exerciseId: squat, limit: 25 },
        cursor(),
      ),
    ]) {
      const plan = await planOf(query);
      expectKeyed(plan);
      expect(plan).toMatch(
        /athlete_exercise_session_(pkey|history_idx|athlete_id_exercise_id_session_id_pk)/,
      );
    }
  });

  it("reads a page's exercises and sets by the session's entries", async () => {
    const plan = await planOf(sessionEntriesQuery(newestIds));
    expectKeyed(plan);
    expect(plan).toMatch(/exercise_entry_session_idx/);
    expect(plan).toMatch(/set_entry_entry_idx/);
  });
});
