import type { PGlite } from '@electric-sql/pglite';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { schema } from './schema';

export type DrizzleDb = PgliteDatabase<typeof schema>;
/** The handle a `db.transaction` callback receives. */
export type DrizzleTx = Parameters<Parameters<DrizzleDb['transaction']>[0]>[0];

/** An open, migrated database: PGlite, the drizzle handle over it, and a clean close. */
export interface Database {
  pg: PGlite;
  db: DrizzleDb;
  /** The data folder, or null for an in-memory database (tests). */
  dataDir: string | null;
  close(): Promise<void>;
}
