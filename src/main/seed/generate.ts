/**
 * The data generator: a realistic, reproducible training history for an organization at any size
 * (athletes × years), for the demo, the benchmarks and the tests. Rows are generated in JS and
 * bulk-loaded with COPY, a chunk of athletes per transaction.
 */
import { sql } from 'drizzle-orm';
import { type Database } from '../db/client';
import { DAY_MS, HOUR_MS, ZoneClock, isoDate, mondayOnOrAfter } from './calendar';
import { CsvBatch, copyBatch, csvText } from './copy';
import { athleteHistory, type AthleteProfile, type HistoryResult } from './history';
import { IdMaker } from './ids';
import { TIME_ZONES, uniqueAthleteName } from './names';
import { type DaysPerWeek } from './plans';
import { SeededRandom } from './random';
import { rebuildAllStats } from '../services/workout-records';
import { EntryPrescriptions } from './prescriptions';
import { createCoachLibrary } from './setup';

export interface AthleteSeed {
  name: string;
  timeZone: string;
  bodyweightKg: number;
  daysPerWeek?: DaysPerWeek;
}

export interface SeedOptions {
  athletes: number;
  years: number;
  /** The generator's seed: the same seed, size and `now` give the same rows. */
  seed: number;
  /** The history ends here; the next two weeks are scheduled. */
  now: Date;
  /** Fixed names, zones and bodyweights for the first athletes (the demo's cast). */
  cast?: readonly AthleteSeed[];
  /** Weeks of history per COPY transaction (all athletes). */
  chunkWeeks?: number;
  /**
   * Drop the secondary indexes of the history tables during the load and build them once at the
   * end (faster for a large seed into an empty folder; the demo's small seed keeps them).
   */
  rebuildIndexes?: boolean;
  /** Archive a few athletes who stopped training, and let some join late (default true). */
  churn?: boolean;
  onProgress?: (progress: SeedProgress) => void;
  /** Athletes whose records are filled so far, of all. */
  onStatsProgress?: (done: number, total: number) => void;
}

export interface SeedTotals {
  athletes: number;
  templates: number;
  programs: number;
  scheduledWorkouts: number;
  sessions: number;
  entries: number;
  sets: number;
  seconds: number;
  /** Of which: filling the derived tables (records, per-session exercise bests) from the sets. */
  statsSeconds: number;
}

export interface SeedProgress {
  /** The history is loaded up to this day. */
  through: string;
  sets: number;
  seconds: number;
}

/** Add `options.athletes` athletes with their histories to the organization. */
export async function seedHistory(
  database: Database,
  organizationId: string,
  options: SeedOptions,
): Promise<SeedTotals> {
  const startedAt = performance.now();
  const random = new SeededRandom(options.seed);
  const ids = new IdMaker(random.fork(0));
  const nowMs = options.now.getTime();
  const historyStartMs = nowMs - Math.round(options.years * 365.25) * DAY_MS;
  const library = await createCoachLibrary(database.db, organizationId, ids, historyStartMs - 14 * DAY_MS);

  const totals: SeedTotals = {
    athletes: 0,
    templates: library.templates.size,
    programs: library.programs.length,
    scheduledWorkouts: 0,
    sessions: 0,
    entries: 0,
    sets: 0,
    seconds: 0,
    statsSeconds: 0,
  };
  const context = {
    organizationId,
    library,
    prescriptions: new EntryPrescriptions(library),
    now: options.now,
  };
  const takenNames = new Set<string>();
  const batch = new CsvBatch();
  const runners: AthleteRunner[] = [];
  for (let index = 0; index < options.athletes; index++) {
    // Each athlete draws from their own stream, so one athlete's history does not depend on another's.
    const athleteRandom = random.fork(index + 1);
    const athleteIds = new IdMaker(athleteRandom.fork(0));
    const profile = makeProfile(athleteRandom, athleteIds, options, index, takenNames, historyStartMs);
    const joinedAt = new Date((profile.firstDay - 7) * DAY_MS + 17 * HOUR_MS).toISOString();
    const archivedAt =
      profile.lastDay < Math.floor(nowMs / DAY_MS)
        ? new Date((profile.lastDay + 30) * DAY_MS).toISOString()
        : null;
    batch.lines.athlete.push(
      `${profile.id},${organizationId},${csvText(profile.name)},${profile.timeZone},${profile.bodyweightKg},${archivedAt ?? ''},${joinedAt},${archivedAt ?? new Date(nowMs).toISOString()}`,
    );
    runners.push({
      profile,
      history: athleteHistory(profile, context, athleteRandom, athleteIds, batch),
      nextWeekStart: mondayOnOrAfter(profile.firstDay),
      result: undefined,
    });
  }
  totals.athletes = runners.length;

  const chunkDays = 7 * (options.chunkWeeks ?? 8);
  const droppedIndexes = options.rebuildIndexes ? await dropHistoryIndexes(database) : [];
  try {
    // Advance every athlete through the same weeks, then load those weeks: rows arrive in time
    // order, as a gym's would, and UUIDv7 keys append to their indexes instead of landing all over.
    let windowEnd = Math.min(...runners.map((runner) => runner.nextWeekStart)) + chunkDays;
    while (runners.some((runner) => !runner.result)) {
      for (const runner of runners) {
        while (!runner.result && runner.nextWeekStart < windowEnd) {
          const step = runner.history.next();
          if (step.done) runner.result = step.value;
          else runner.nextWeekStart = step.value;
        }
      }
      totals.scheduledWorkouts += batch.lines.scheduled_workout.count;
      totals.sessions += batch.lines.workout_session.count;
      totals.entries += batch.lines.exercise_entry.count;
      totals.sets += batch.lines.set_entry.count;
      await database.pg.transaction(async (tx) => {
        // Parents are written before children in every chunk (and tests check the links), so
        // foreign-key triggers are skipped for the load: they doubled its time.
        await tx.exec('SET LOCAL session_replication_role = replica');
        await copyBatch(tx, batch);
      });
      batch.clear();
      options.onProgress?.({
        through: isoDate(Math.min(windowEnd, Math.floor(nowMs / DAY_MS))),
        sets: totals.sets,
        seconds: (performance.now() - startedAt) / 1000,
      });
      windowEnd += chunkDays;
    }
    await updateBodyweights(database, runners);
  } finally {
    if (droppedIndexes.length > 0) await recreateIndexes(database, droppedIndexes);
  }
  // PGlite has no autovacuum: without statistics the first queries plan as if the tables were empty.
  await database.pg.exec(`ANALYZE ${HISTORY_TABLES.join(', ')}`);
  // The app keeps records and per-session bests as it writes; a bulk load fills them once, after.
  const statsStartedAt = performance.now();
  await rebuildAllStats(database.db, { onProgress: options.onStatsProgress });
  await database.pg.exec(`ANALYZE ${DERIVED_TABLES.join(', ')}`);
  totals.statsSeconds = (performance.now() - statsStartedAt) / 1000;
  totals.seconds = (performance.now() - startedAt) / 1000;
  return totals;
}

interface AthleteRunner {
  profile: AthleteProfile;
  history: Generator<number, HistoryResult, void>;
  nextWeekStart: number;
  /** Set once the athlete's history is complete. */
  result: HistoryResult | undefined;
}

/** Athletes were loaded with their starting bodyweight; give them where it drifted to. */
async function updateBodyweights(database: Database, runners: readonly AthleteRunner[]): Promise<void> {
  const bodyweights = JSON.stringify(
    runners.map((runner) => ({
      id: runner.profile.id,
      kg: runner.result?.bodyweightKg ?? runner.profile.bodyweightKg,
    })),
  );
  await database.db.execute(sql`
    UPDATE athlete SET bodyweight_kg = v.kg
    FROM jsonb_to_recordset(${bodyweights}::jsonb) AS v(id uuid, kg double precision)
    WHERE athlete.id = v.id`);
}

const HISTORY_TABLES = [
  'athlete',
  'program_assignment',
  'scheduled_workout',
  'workout_session',
  'exercise_entry',
  'set_entry',
] as const;

const DERIVED_TABLES = ['athlete_exercise_session', 'personal_record'] as const;

interface IndexDefinition {
  indexname: string;
  indexdef: string;
}

/** Drop the history tables' indexes that do not back a constraint; returns their definitions. */
async function dropHistoryIndexes(database: Database): Promise<IndexDefinition[]> {
  const { rows } = await database.pg.query<IndexDefinition>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = 'public' AND i.tablename = ANY($1)
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
    [[...HISTORY_TABLES]],
  );
  for (const row of rows) await database.pg.exec(`DROP INDEX ${quoteIdentifier(row.indexname)}`);
  return rows;
}

async function recreateIndexes(database: Database, indexes: IndexDefinition[]): Promise<void> {
  await database.pg.exec(`SET maintenance_work_mem = '256MB'`);
  for (const index of indexes) await database.pg.exec(index.indexdef);
  await database.pg.exec('RESET maintenance_work_mem');
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function makeProfile(
  random: SeededRandom,
  ids: IdMaker,
  options: SeedOptions,
  index: number,
  takenNames: Set<string>,
  historyStartMs: number,
): AthleteProfile {
  const cast = options.cast?.[index];
  const timeZone = cast?.timeZone ?? random.weighted(TIME_ZONES);
  const name = cast?.name ?? uniqueAthleteName(random, takenNames);
  takenNames.add(name);
  const clock = new ZoneClock(timeZone);
  const today = clock.dayAt(options.now.getTime());
  let firstDay = clock.dayAt(historyStartMs) + random.int(0, 20);
  let lastDay = today + 14;
  if (!cast && (options.churn ?? true)) {
    // Rosters change: about one athlete in six joined later, one in twenty stopped and was archived.
    if (random.chance(0.16)) firstDay += random.int(30, Math.max(31, Math.floor((today - firstDay) * 0.6)));
    if (random.chance(0.05))
      lastDay = today - random.int(60, Math.max(61, Math.floor((today - firstDay) * 0.5)));
  }
  const bodyweightKg = cast?.bodyweightKg ?? Math.round(random.between(55, 110) * 10) / 10;
  return {
    id: ids.at(historyStartMs + (firstDay - clock.dayAt(historyStartMs) - 7) * DAY_MS),
    name,
    timeZone,
    bodyweightKg,
    bodyweightTrendKgPerWeek: random.normal(0, 0.08),
    strengthFactor: random.between(0.65, 1.3),
    startFraction: random.between(0.4, 0.75),
    daysPerWeek:
      cast?.daysPerWeek ??
      random.weighted<DaysPerWeek>([
        [3, 30],
        [4, 45],
        [5, 25],
      ]),
    missRate: random.between(0.02, 0.1),
    skipRate: random.between(0.01, 0.05),
    logs: random.weighted<'rpe' | 'rir' | 'none'>([
      ['rpe', 55],
      ['rir', 15],
      ['none', 30],
    ]),
    trainingHour: random.weighted([
      [6, 15],
      [7, 10],
      [12, 10],
      [17, 25],
      [18, 25],
      [19, 15],
    ]),
    firstDay,
    lastDay,
  };
}
