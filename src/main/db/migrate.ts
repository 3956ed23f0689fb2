/**
 * Applies the SQL migrations beside the schema, in journal order, each in one transaction together
 * with its code step (if any) and its row in `app_migrations`: a migration happens entirely or not
 * at all. drizzle-kit writes the SQL and the journal; we apply them ourselves so that code steps
 * (loading the catalogue) share the migration's transaction and tests can stop at any version.
 */
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fillDerivedTables } from '../services/workout-records';
import { loadExerciseCatalogue } from './catalogue';
import type { DrizzleDb, DrizzleTx } from './client';
import { schema } from './schema';

export type MigrationTx = DrizzleTx;
export interface StepContext {
  resourcesDir: string;
}
/** Work SQL cannot do (reading shipped files), run after the migration's SQL, in its transaction. */
export type MigrationStep = (tx: MigrationTx, context: StepContext) => Promise<void>;

/** Code steps by migration tag. */
export const MIGRATION_STEPS: Record<string, MigrationStep> = {
  '0002_exercise_catalogue': loadExerciseCatalogue,
  '0005_workouts': fillDerivedTables,
};

export interface MigrateOptions {
  /** The folder holding the .sql files and meta/_journal.json (the caller resolves it: source or build). */
  migrationsDir: string;
  resourcesDir: string;
  /** Stop after this version (a journal idx), inclusive; the latest when omitted. Tests use it. */
  upTo?: number;
  /** Replace the code-step registry (tests). */
  steps?: Record<string, MigrationStep>;
}

export interface Migration {
  version: number;
  tag: string;
}

const BREAKPOINT = '--> statement-breakpoint';

/** The migrations the journal lists, in order. */
export async function readJournal(migrationsDir: string): Promise<Migration[]> {
  const journal = JSON.parse(await readFile(join(migrationsDir, 'meta', '_journal.json'), 'utf8')) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries
    .map((entry) => ({ version: entry.idx, tag: entry.tag }))
    .sort((a, b) => a.version - b.version);
}

/** Bring the database up to date (or to `upTo`); returns the versions applied now. */
export async function migrate(pg: PGlite, options: MigrateOptions): Promise<number[]> {
  const db = drizzle({ client: pg, schema });
  const steps = options.steps ?? MIGRATION_STEPS;
  const journal = await readJournal(options.migrationsDir);
  const target = options.upTo ?? journal.at(-1)?.version ?? -1;

  await db.execute(sql`
    CREATE TABLE IF NOT EXISTS app_migrations (
      version integer PRIMARY KEY,
      tag text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const applied = await appliedMigrations(db);
  checkHistory(applied, journal);

  const appliedVersions = new Set(applied.map((migration) => migration.version));
  const pending = journal.filter(
    (migration) => migration.version <= target && !appliedVersions.has(migration.version),
  );
  for (const migration of pending) {
    const statements = await readStatements(options.migrationsDir, migration.tag);
    const step = steps[migration.tag];
    try {
      await db.transaction(async (tx) => {
        for (const statement of statements) await tx.execute(sql.raw(statement));
        if (step) await step(tx, { resourcesDir: options.resourcesDir });
        await tx.execute(
          sql`INSERT INTO app_migrations (version, tag) VALUES (${migration.version}, ${migration.tag})`,
        );
      });
    } catch (error) {
      throw new Error(
        `Migration ${migration.tag} failed: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
    }
  }
  return pending.map((migration) => migration.version);
}

export async function appliedMigrations(db: DrizzleDb): Promise<Migration[]> {
  const result = await db.execute<{ version: number; tag: string }>(
    sql`SELECT version, tag FROM app_migrations ORDER BY version`,
  );
  return result.rows.map((row) => ({ version: row.version, tag: row.tag }));
}

/** Refuse a folder whose history this build does not know: newer, or from a diverged branch. */
function checkHistory(applied: Migration[], journal: Migration[]): void {
  const known = new Map(journal.map((migration) => [migration.version, migration.tag]));
  for (const migration of applied) {
    const tag = known.get(migration.version);
    if (tag === undefined) {
      throw new Error(
        `This data folder was last used by a newer version of Lift Tracker (database version ${migration.version}). Update Lift Tracker to open it.`,
      );
    }
    if (tag !== migration.tag) {
      throw new Error(
        `Database version ${migration.version} is "${migration.tag}", but this build expects "${tag}".`,
      );
    }
  }
}

async function readStatements(migrationsDir: string, tag: string): Promise<string[]> {
  const text = await readFile(join(migrationsDir, `${tag}.sql`), 'utf8');
  return text
    .split(BREAKPOINT)
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}
