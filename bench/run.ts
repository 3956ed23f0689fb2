/**
 * npm run bench [-- --athletes N --years Y --data-dir D] [--only workouts]
 *
 * Prints the figures ARCHITECTURE.md quotes, measured on this machine against a seeded data folder
 * (default ./bench-data/200x5, built on first run): opening the folder, exercise search, the
 * roster, and the main thread's event-loop lag while the database works on the main thread, in a
 * worker thread, and behind the backend worker (light calls, then the heavy app.checkData); programs
 * and the calendar (programs.ts); workouts (workouts.ts).
 */
import { existsSync } from 'node:fs';
import { register } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contract } from '../src/shared/contract';
import { type Database } from '../src/main/db/client';
import { openDatabase } from '../src/main/db/open';
import { seedDataFolder } from '../src/main/seed/cli';
import { MIGRATIONS_DIR, RESOURCES_DIR } from '../src/main/seed/paths';
import { listAthletes } from '../src/main/services/athletes';
import { type ServiceContext } from '../src/main/services/context';
import { findExercises } from '../src/main/services/exercise-search';
import { ensureOrganization } from '../src/main/services/organization';
import { benchProgramsAndCalendar } from './programs';
import { benchWorkouts } from './workouts';
import { measureBackend, measureMainThreadQuery, measureWorkerThreadQuery } from './event-loop';
import { durations, line, ms, report, timed } from './stats';

/** What the backend gives every service call, on this thread. */
async function serviceContext(database: Database): Promise<ServiceContext> {
  const { organizationId } = await ensureOrganization(database.db, { now: new Date() });
  return {
    db: database.db,
    organizationId,
    touched: () => undefined,
    now: () => new Date(),
    host: 'web',
    dataDir,
    resourcesDir: RESOURCES_DIR,
    version: 'bench',
  };
}

// `startBackend` imports its worker as `./worker?modulePath`; teach Node what vitest knows.
register('./module-path-hooks.mjs', import.meta.url);

/** Typical library searches: whole names, fragments, typos, several words. */
export const SEARCH_TEXTS = [
  'bench press',
  'benchpres',
  'bench',
  'squat',
  'sqaut',
  'back squat',
  'front squat',
  'deadlift',
  'deadlfit',
  'romanian deadlift',
  'rdl',
  'overhead press',
  'ohp',
  'shoulder press',
  'military',
  'row',
  'barbell row',
  'bent over row',
  'pull up',
  'pullup',
  'chin up',
  'lat pulldown',
  'pulldown',
  'curl',
  'bicep curl',
  'hammer curl',
  'tricep',
  'triceps pushdown',
  'skull crusher',
  'dip',
  'dips',
  'lunge',
  'walking lunge',
  'split squat',
  'bulgarian',
  'leg press',
  'leg curl',
  'leg extension',
  'calf raise',
  'calf',
  'lateral raise',
  'lateral rase',
  'face pull',
  'fly',
  'chest fly',
  'plank',
  'crunch',
  'hip thrust',
  'glute bridge',
  'kettlebell swing',
  'farmer walk',
  'dumbell press',
];

const { values } = parseArgs({
  options: {
    athletes: { type: 'string', default: '200' },
    years: { type: 'string', default: '5' },
    'data-dir': { type: 'string' },
    seed: { type: 'string', default: '1' },
    /** Run one section only: 'workouts' (the rest is skipped). */
    only: { type: 'string' },
  },
  strict: true,
});
const athletes = Number(values.athletes);
const years = Number(values.years);
const dataDir = resolve(values['data-dir'] ?? `bench-data/${athletes}x${years}`);

if (!existsSync(dataDir)) {
  console.log(`No data folder at ${dataDir}: seeding ${athletes} athletes × ${years} years first (once).`);
  await seedDataFolder({ athletes, years, dataDir, seed: Number(values.seed), now: new Date() });
}

const paths = { dataDir, resourcesDir: RESOURCES_DIR, migrationsDir: MIGRATIONS_DIR };
console.log(`\nLift Tracker benchmarks — ${dataDir}`);

if (values.only === 'workouts') {
  const database = await openDatabase(paths);
  await benchWorkouts(database, await serviceContext(database));
  await database.close();
  process.exit(0);
}

// 1. Opening the folder: a new PGlite instance each time (WASM instantiated, folder locked, migrations checked).
const openTimes: number[] = [];
for (let cycle = 0; cycle < 3; cycle++) {
  const { ms: openMs, value: database } = await timed(() => openDatabase(paths));
  openTimes.push(openMs);
  await database.close();
}
report('Open the data folder (openDatabase, new instance)', openTimes);

const database = await openDatabase(paths);
const sizes = await database.pg.query<{ athletes: number; sessions: number; sets: number }>(
  `SELECT (SELECT count(*)::int FROM athlete) AS athletes, (SELECT count(*)::int FROM workout_session) AS sessions,
          (SELECT count(*)::int FROM set_entry) AS sets`,
);
const size = sizes.rows[0];
line(
  'Data',
  `${size?.athletes} athletes, ${size?.sessions.toLocaleString('en-US')} sessions, ${size?.sets.toLocaleString('en-US')} sets`,
);
const first = await timed(() =>
  database.pg.query(
    `SELECT date_trunc('week', w.started_at) AS week, sum(s.weight_kg * s.reps) AS volume_kg
     FROM workout_session w JOIN exercise_entry e ON e.session_id = w.id JOIN set_entry s ON s.exercise_entry_id = e.id
     WHERE w.athlete_id = (SELECT id FROM athlete ORDER BY name LIMIT 1) AND w.started_at > now() - interval '52 weeks'
       AND s.set_type = 'working' GROUP BY 1 ORDER BY 1`,
  ),
);
line('First query after open (one athlete, 52-week volume)', ms(first.ms));

// 2. The services the renderer calls most, called directly on this thread.
const ctx = await serviceContext(database);
const searchInputs = SEARCH_TEXTS.map((text) => contract['exercises.search'].input.parse({ text }));
await durations(searchInputs.slice(0, 5), (input) => findExercises(ctx, input)); // warm the caches
report(
  'Exercise search (findExercises, 52 texts incl. typos)',
  await durations(searchInputs, (input) => findExercises(ctx, input)),
);
const rosterInputs = [
  ...Array.from({ length: 20 }, () => contract['athletes.list'].input.parse({})),
  ...['a', 'ma', 'son', 'lee', 'zz'].flatMap((text) => [
    contract['athletes.list'].input.parse({ text }),
    contract['athletes.list'].input.parse({ text, includeArchived: true }),
  ]),
];
await listAthletes(ctx, contract['athletes.list'].input.parse({}));
report(
  'Roster list (listAthletes, 30 calls, some filtered)',
  await durations(rosterInputs, (input) => listAthletes(ctx, input)),
);

await benchProgramsAndCalendar(database, ctx);
await benchWorkouts(database, ctx);

// 3. Event-loop lag: the database on the main thread, in a bench-only worker thread (why the
//    backend worker exists), then light calls behind the backend worker.
const mainThread = await measureMainThreadQuery(database, 3);
await database.close();
report(
  `Heavy aggregate on the MAIN thread (${mainThread.sets.toLocaleString('en-US')} sets), query`,
  mainThread.queryMs,
);
line(
  '  main thread worst event-loop lag meanwhile',
  `${ms(mainThread.lag.maxMs)} (p99 ${ms(mainThread.lag.p99Ms)})`,
);

const workerThread = await measureWorkerThreadQuery(dataDir, 3);
report('Same aggregate in a WORKER thread, query', workerThread.queryMs);
line(
  '  main thread worst event-loop lag meanwhile',
  `${ms(workerThread.lag.maxMs)} (p99 ${ms(workerThread.lag.p99Ms)})`,
);

const backend = await measureBackend(paths, SEARCH_TEXTS, 3);
report('Backend worker round trip: exercises.search', backend.searchMs);
report('Backend worker round trip: athletes.list', backend.rosterMs);
line(
  '  main thread worst event-loop lag over those calls',
  `${ms(backend.sequentialLag.maxMs)} (p99 ${ms(backend.sequentialLag.p99Ms)})`,
);
line(
  `Burst of ${backend.burstCalls} concurrent calls through the backend`,
  `${ms(backend.burstMs)} in all (${ms(backend.burstMs / backend.burstCalls)} a call)`,
);
line(
  '  main thread worst event-loop lag meanwhile',
  `${ms(backend.burstLag.maxMs)} (p99 ${ms(backend.burstLag.p99Ms)})`,
);

// 4. A real heavy channel through the backend worker: the main thread should barely notice it.
console.log('\nHeavy query through the backend worker (app.checkData)');
const check = backend.check;
if (check) {
  line(
    '  checked',
    `${check.sets.toLocaleString('en-US')} sets, ${check.sessions.toLocaleString('en-US')} sessions, ` +
      `${Math.round(check.lifetimeVolumeKg).toLocaleString('en-US')} kg lifetime volume, ` +
      `${check.orphanedEntries + check.orphanedSets} orphaned rows`,
  );
}
report('  app.checkData round trip', backend.checkMs);
line(
  '  BACKEND-WORKER heavy query: main thread worst lag',
  `${ms(backend.checkLag.maxMs)} (p99 ${ms(backend.checkLag.p99Ms)})`,
);
