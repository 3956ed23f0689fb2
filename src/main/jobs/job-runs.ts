/**
 * The `job_run` table: each job's last run, as Settings → Background jobs shows it. One row per
 * job name (device-local, never synced), kept across restarts.
 */
import { sql } from 'drizzle-orm';
import type { DrizzleDb } from '../db/client';
import { jobRun } from '../db/schema';
import { toIsoTimestamp } from '../db/values';

export type JobRunRow = typeof jobRun.$inferSelect;

export async function recordRunStarted(db: DrizzleDb, name: string, startedAt: Date): Promise<void> {
  const at = startedAt.toISOString();
  await db
    .insert(jobRun)
    .values({ name, lastStartedAt: at, updatedAt: at })
    .onConflictDoUpdate({ target: jobRun.name, set: { lastStartedAt: at, updatedAt: at } });
}

export interface FinishedRun {
  finishedAt: Date;
  durationMs: number;
  result: string;
  /** The error's message; null clears an earlier one (the run succeeded). */
  error: string | null;
}

export async function recordRunFinished(db: DrizzleDb, name: string, run: FinishedRun): Promise<void> {
  const at = run.finishedAt.toISOString();
  const values = {
    lastFinishedAt: at,
    lastDurationMs: run.durationMs,
    lastResult: run.result,
    lastError: run.error,
    updatedAt: at,
  };
  await db
    .insert(jobRun)
    .values({ name, ...values, runCount: 1 })
    .onConflictDoUpdate({ target: jobRun.name, set: { ...values, runCount: sql`${jobRun.runCount} + 1` } });
}

/** Every job's row by name; timestamps as ISO 8601. */
export async function readJobRuns(db: DrizzleDb): Promise<Map<string, JobRunRow>> {
  const rows = await db.select().from(jobRun);
  return new Map(
    rows.map((row) => [
      row.name,
      {
        ...row,
        lastStartedAt: row.lastStartedAt && toIsoTimestamp(row.lastStartedAt),
        lastFinishedAt: row.lastFinishedAt && toIsoTimestamp(row.lastFinishedAt),
        updatedAt: toIsoTimestamp(row.updatedAt),
      },
    ]),
  );
}
