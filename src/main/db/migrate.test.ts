import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type MigrationStep, migrate, readJournal } from './migrate';
import { FIXTURE_CATALOGUE, MIGRATIONS_DIR, createFixtureResources } from './test-support';

let scratch: string;
let resourcesDir: string;
const open: PGlite[] = [];

async function newPglite(): Promise<PGlite> {
  const pg = await PGlite.create({ extensions: { pg_trgm, fuzzystrmatch } });
  open.push(pg);
  return pg;
}

/** Everything a migration can change: columns, indexes, constraints, extensions, rows it loads. */
async function snapshot(pg: PGlite) {
  const rows = async (query: string) => (await pg.query(query)).rows;
  return {
    columns: await rows(`SELECT table_name, column_name, data_type, column_default, is_nullable
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`),
    indexes: await rows(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    constraints:
      await rows(`SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2`),
    extensions: await rows(`SELECT extname FROM pg_extension ORDER BY 1`),
    exercises:
      await rows(`SELECT id, organization_id, name, primary_muscles, secondary_muscles, equipment, level,
      category, mechanic, force, instructions, source FROM exercise ORDER BY id`),
    migrations: await rows(`SELECT version, tag FROM app_migrations ORDER BY version`),
  };
}

async function recordedVersions(pg: PGlite): Promise<number[]> {
  return (
    await pg.query<{ version: number }>('SELECT version FROM app_migrations ORDER BY version')
  ).rows.map((row) => row.version);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lift-tracker-migrate-'));
  resourcesDir = await createFixtureResources(scratch);
});

afterEach(async () => {
  await Promise.all(open.splice(0).map((pg) => pg.close()));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('migrate', () => {
  it('migrates an empty database to the latest version and records each migration', async () => {
    const journal = await readJournal(MIGRATIONS_DIR);
    const pg = await newPglite();

    const applied = await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir });

    expect(applied).toEqual(journal.map((migration) => migration.version));
    const state = await snapshot(pg);
    expect(state.migrations).toEqual(journal);
    expect(state.extensions.map((row) => (row as { extname: string }).extname)).toEqual(
      expect.arrayContaining(['pg_trgm', 'fuzzystrmatch']),
    );
    expect(state.exercises).toHaveLength(FIXTURE_CATALOGUE.length);
    expect(state.exercises[0]).toMatchObject({
      name: 'Barbell Bench Press',
      organization_id: null,
      source: 'catalogue',
      secondary_muscles: ['shoulders', 'triceps'],
    });
  });

  it('does nothing when the database is already up to date', async () => {
    const pg = await newPglite();
    await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir });
    expect(await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir })).toEqual([]);
  });

  it('reaches the same database from every earlier version as from empty', async () => {
    const journal = await readJournal(MIGRATIONS_DIR);
    const straight = await newPglite();
    await migrate(straight, { migrationsDir: MIGRATIONS_DIR, resourcesDir });
    const expected = await snapshot(straight);

    for (const { version } of journal) {
      const pg = await newPglite();
      await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir, upTo: version });
      expect(await recordedVersions(pg)).toEqual(
        journal.filter((m) => m.version <= version).map((m) => m.version),
      );

      await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir });
      expect(await snapshot(pg), `from version ${version}`).toEqual(expected);
    }
    // One database per version, each migrated twice: minutes on a busy two-core machine.
  }, 300_000);

  it('fills personal records for the history already there when the workouts migration runs', async () => {
    const journal = await readJournal(MIGRATIONS_DIR);
    const before = journal.find((m) => m.tag === '0005_workouts')!.version - 1;
    const pg = await newPglite();
    await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir, upTo: before });
    const [org, athlete, session, entry, set] = [1, 2, 3, 4, 5].map(
      (n) => `0190a000-0000-7000-8000-00000000000${n}`,
    );
    const exercise = (await pg.query<{ id: string }>('SELECT id FROM exercise ORDER BY name LIMIT 1'))
      .rows[0]!.id;
    await pg.exec(`
      INSERT INTO organization (id, name) VALUES ('${org}', 'Gym');
      INSERT INTO athlete (id, organization_id, name, time_zone) VALUES ('${athlete}', '${org}', 'Ada', 'UTC');
      INSERT INTO workout_session (id, organization_id, athlete_id, started_at, completed_at)
        VALUES ('${session}', '${org}', '${athlete}', '2025-01-06T17:00:00Z', '2025-01-06T18:00:00Z');
      INSERT INTO exercise_entry (id, organization_id, session_id, exercise_id, position)
        VALUES ('${entry}', '${org}', '${session}', '${exercise}', 0);
      INSERT INTO set_entry (id, organization_id, exercise_entry_id, set_number, set_type, weight_kg, reps, completed)
        VALUES ('${set}', '${org}', '${entry}', 1, 'working', 100, 3, true);`);

    await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir });
    const records = await pg.query<{ kind: string; reps: number; value_kg: number }>(
      'SELECT kind, reps, value_kg FROM personal_record ORDER BY kind, reps',
    );
    expect(records.rows.map((row) => ({ ...row, value_kg: Math.round(row.value_kg * 1e6) / 1e6 }))).toEqual([
      { kind: 'e1rm', reps: 0, value_kg: 110 },
      { kind: 'volume', reps: 0, value_kg: 300 },
      { kind: 'weight', reps: 3, value_kg: 100 },
    ]);
  });

  it('rolls a failing migration back completely and records nothing for it', async () => {
    const migrationsDir = join(scratch, 'broken-migrations');
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    const journalPath = join(migrationsDir, 'meta', '_journal.json');
    const journal = JSON.parse(await readFile(journalPath, 'utf8')) as {
      entries: { idx: number; tag: string }[];
    };
    const version = journal.entries.length;
    journal.entries.push({ idx: version, tag: `${String(version).padStart(4, '0')}_broken` });
    await writeFile(journalPath, JSON.stringify(journal));
    await writeFile(
      join(migrationsDir, `${String(version).padStart(4, '0')}_broken.sql`),
      'CREATE TABLE half_done (id int);\n--> statement-breakpoint\nINSERT INTO exercise (id) VALUES (42);',
    );
    const pg = await newPglite();
    await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir });
    const before = await snapshot(pg);

    await expect(migrate(pg, { migrationsDir, resourcesDir })).rejects.toThrow(/_broken failed/);

    expect(await snapshot(pg)).toEqual(before);
    expect((await pg.query(`SELECT to_regclass('half_done') AS t`)).rows).toEqual([{ t: null }]);
  });

  it('rolls back the SQL of a migration whose code step fails', async () => {
    const pg = await newPglite();
    await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir, upTo: 1 });
    const failingStep: MigrationStep = async (tx) => {
      await tx.execute(sql`CREATE TABLE step_was_here (id int)`);
      throw new Error('catalogue unreadable');
    };

    await expect(
      migrate(pg, {
        migrationsDir: MIGRATIONS_DIR,
        resourcesDir,
        steps: { '0002_exercise_catalogue': failingStep },
      }),
    ).rejects.toThrow(/catalogue unreadable/);

    expect(await recordedVersions(pg)).toEqual([0, 1]);
    expect((await pg.query(`SELECT to_regclass('step_was_here') AS t`)).rows).toEqual([{ t: null }]);
  });

  it('refuses a database written by a newer version', async () => {
    const pg = await newPglite();
    await migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir });
    await pg.query(`INSERT INTO app_migrations (version, tag) VALUES (999, '0999_future')`);

    await expect(migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir })).rejects.toThrow(
      /newer version/,
    );
  });

  it('rejects a malformed catalogue, naming the entry', async () => {
    const badResources = join(scratch, 'bad-resources');
    await mkdir(join(badResources, 'exercises'), { recursive: true });
    await writeFile(
      join(badResources, 'exercises', 'catalogue.json'),
      JSON.stringify([{ ...FIXTURE_CATALOGUE[0], level: 'legendary' }]),
    );
    const pg = await newPglite();

    await expect(migrate(pg, { migrationsDir: MIGRATIONS_DIR, resourcesDir: badResources })).rejects.toThrow(
      /0\.level/,
    );
    expect(await recordedVersions(pg)).toEqual([0, 1]);
  });
});
