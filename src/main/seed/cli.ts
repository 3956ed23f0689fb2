/**
 * npm run seed -- --athletes N --years Y --data-dir D [--seed S] [--end YYYY-MM-DD] [--keep-indexes]
 *
 * Builds a realistic training history in a data folder (a new one, or one without athletes) for
 * benchmarks and manual testing. The same seed, size and end date give the same rows.
 */
import { count } from 'drizzle-orm';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open';
import { athlete } from '../db/schema';
import { ensureOrganization } from '../services/organization';
import { seedHistory, type SeedTotals } from './generate';
import { MIGRATIONS_DIR, RESOURCES_DIR } from './paths';

export interface SeedCommand {
  athletes: number;
  years: number;
  dataDir: string;
  seed: number;
  now: Date;
  resourcesDir?: string;
  /** Load with the history tables' indexes in place instead of rebuilding them at the end. */
  keepIndexes?: boolean;
  log?: (line: string) => void;
}

/** Open (or create) the folder, refuse one that already has athletes, and seed it. */
export async function seedDataFolder(command: SeedCommand): Promise<SeedTotals> {
  const log = command.log ?? ((line: string) => console.log(line));
  const database = await openDatabase({
    dataDir: command.dataDir,
    resourcesDir: command.resourcesDir ?? RESOURCES_DIR,
    migrationsDir: MIGRATIONS_DIR,
  });
  try {
    const { organizationId } = await ensureOrganization(database.db, { now: command.now });
    const [existing] = await database.db.select({ total: count() }).from(athlete);
    if (existing && existing.total > 0) {
      throw new Error(`${command.dataDir} already has ${existing.total} athletes; seed an empty data folder`);
    }
    log(
      `Seeding ${command.athletes} athletes × ${command.years} years into ${command.dataDir} (seed ${command.seed})`,
    );
    const totals = await seedHistory(database, organizationId, {
      athletes: command.athletes,
      years: command.years,
      seed: command.seed,
      now: command.now,
      rebuildIndexes: !command.keepIndexes,
      onProgress: (progress) =>
        log(
          `  through ${progress.through}: ${progress.sets.toLocaleString('en-US')} sets, ${progress.seconds.toFixed(1)} s`,
        ),
      onStatsProgress: (done, total) => {
        if (done % 50 === 0 || done === total) log(`  records: ${done} of ${total} athletes`);
      },
    });
    log(
      `Seeded ${totals.athletes} athletes, ${totals.templates} templates, ${totals.programs} programs, ` +
        `${totals.scheduledWorkouts.toLocaleString('en-US')} scheduled workouts, ${totals.sessions.toLocaleString('en-US')} sessions, ` +
        `${totals.entries.toLocaleString('en-US')} exercise entries, ${totals.sets.toLocaleString('en-US')} sets in ${totals.seconds.toFixed(1)} s ` +
        `(records and per-session bests: ${totals.statsSeconds.toFixed(1)} s)`,
    );
    return totals;
  } finally {
    await database.close();
  }
}

export const SEED_USAGE = `Usage: npm run seed -- --data-dir <folder> [options]

Builds a realistic training history (programs, scheduled workouts, sessions, sets) in an empty
data folder, for benchmarks, demos and manual testing.

  --data-dir <folder>   the folder to create or fill (required; must have no athletes yet)
  --athletes <n>        how many athletes (default 20)
  --years <y>           years of history per athlete, up to 20 (default 1)
  --seed <n>            random seed: the same seed, size and end date give the same rows (default 1)
  --end <YYYY-MM-DD>    the last day of the history (default today)
  --keep-indexes        load with indexes in place instead of rebuilding them at the end
  --help                show this text`;

function parseCommand(argv: string[]): SeedCommand | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      athletes: { type: 'string', default: '20' },
      years: { type: 'string', default: '1' },
      'data-dir': { type: 'string' },
      seed: { type: 'string', default: '1' },
      end: { type: 'string' },
      'resources-dir': { type: 'string' },
      'keep-indexes': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const athletes = Number(values.athletes);
  const years = Number(values.years);
  const seed = Number(values.seed);
  if (!Number.isInteger(athletes) || athletes < 1)
    throw new Error('--athletes must be a whole number of at least 1');
  if (!(years > 0 && years <= 20)) throw new Error('--years must be a number above 0 (at most 20)');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  if (!values['data-dir']) throw new Error('--data-dir is required (the folder to create or fill)');
  const now = values.end ? new Date(`${values.end}T12:00:00Z`) : new Date();
  if (Number.isNaN(now.getTime())) throw new Error('--end must be a date (YYYY-MM-DD)');
  return {
    athletes,
    years,
    seed,
    now,
    dataDir: resolve(values['data-dir']),
    keepIndexes: values['keep-indexes'],
    resourcesDir: values['resources-dir'] ? resolve(values['resources-dir']) : undefined,
  };
}

const isMain = process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  try {
    const command = parseCommand(process.argv.slice(2));
    if (command === 'help') console.log(SEED_USAGE);
    else await seedDataFolder(command);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error('Run `npm run seed -- --help` for the options.');
    process.exitCode = 1;
  }
}
