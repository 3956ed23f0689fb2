import { PGlite } from '@electric-sql/pglite';
import { fuzzystrmatch } from '@electric-sql/pglite/contrib/fuzzystrmatch';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { join } from 'node:path';
import { BackendStartError } from '../backend/handle';
import type { Database } from './client';
import { type FolderLock, lockDataFolder } from './lock';
import { migrate } from './migrate';
import { schema } from './schema';

export interface OpenDatabaseOptions {
  /** The data folder; null opens an in-memory database (tests). */
  dataDir: string | null;
  resourcesDir: string;
  /** src/main/db/migrations, resolved by the caller (the path differs between source and build). */
  migrationsDir: string;
}

/** PGlite keeps its files in a subfolder, so the lock and anything else we add sit beside it. */
export const PGDATA_NAME = 'pgdata';

/**
 * Lock the folder, open PGlite with the search extensions, and migrate it. Failures are
 * BackendStartError, with a message that names the folder.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { dataDir } = options;
  const lock: FolderLock | null = dataDir ? await lockDataFolder(dataDir) : null;
  let pg: PGlite | undefined;
  try {
    pg = await openPglite(dataDir);
    try {
      await migrate(pg, options);
    } catch (error) {
      console.error('Migration failed', error);
      throw new BackendStartError(
        'failed',
        `Lift Tracker could not update the database in ${dataDir ?? 'memory'}: ${messageOf(error)}`,
      );
    }
  } catch (error) {
    await pg?.close().catch(() => undefined);
    await lock?.release();
    throw error;
  }

  const openPg = pg;
  let closing: Promise<void> | undefined;
  return {
    pg: openPg,
    db: drizzle({ client: openPg, schema }),
    dataDir,
    close() {
      // Awaited on quit so writes are flushed; the lock goes only after PGlite has let go.
      closing ??= openPg.close().finally(() => lock?.release());
      return closing;
    },
  };
}

async function openPglite(dataDir: string | null): Promise<PGlite> {
  const extensions = { pg_trgm, fuzzystrmatch };
  try {
    return dataDir
      ? await PGlite.create(join(dataDir, PGDATA_NAME), { extensions })
      : await PGlite.create({ extensions });
  } catch (error) {
    console.error('PGlite failed to open', error);
    throw new BackendStartError(
      'failed',
      `Lift Tracker could not open the database in ${dataDir ? join(dataDir, PGDATA_NAME) : 'memory'}: ${messageOf(error)}`,
    );
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
