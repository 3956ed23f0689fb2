/**
 * "Check data" (Settings → Data): one read of the organization's whole training history that says
 * how much is there and whether any live row hangs from a parent that was tombstoned or never
 * arrived (sync or an import can leave such rows; the app's own writes tombstone children with
 * their parents). It reads every set, so on a large gym it takes seconds: it runs only on demand,
 * in the backend worker, never on a UI-critical thread.
 */
import { sql } from 'drizzle-orm';
import type { OutputOf } from '../../shared/contract';
import { toIsoTimestamp } from '../db/values';
import type { ServiceContext } from './context';

// Row shapes of the reads below (type aliases: `execute<Row>` needs them to be indexable).
type SessionFacts = {
  sessions: number;
  first_started_at: string | null;
  last_started_at: string | null;
};

type EntryFacts = {
  entries: number;
  orphaned_entries: number;
};

type SetFacts = {
  sets: number;
  orphaned_sets: number;
  completed_working_sets: number;
  volume_kg: number | null;
};

export async function checkData(
  ctx: Pick<ServiceContext, 'db' | 'organizationId'>,
): Promise<OutputOf<'app.checkData'>> {
  const startedAt = performance.now();
  const organizationId = ctx.organizationId;

  // One transaction, so the three reads see the same history even if a sync lands meanwhile.
  const facts = await ctx.db.transaction(async (tx) => {
    // The live sessions: how many, and the span of the history they cover.
    const sessions = await tx.execute<SessionFacts>(sql`
      SELECT count(*)::int AS sessions,
             min(started_at) AS first_started_at,
             max(started_at) AS last_started_at
      FROM workout_session
      WHERE organization_id = ${organizationId} AND deleted_at IS NULL`);

    // The live entries, and those whose session is tombstoned or missing (the join finds no live
    // session of this organization).
    const entries = await tx.execute<EntryFacts>(sql`
      SELECT count(*)::int AS entries,
             (count(*) FILTER (WHERE session.id IS NULL))::int AS orphaned_entries
      FROM exercise_entry entry
      LEFT JOIN workout_session session
        ON session.id = entry.session_id
       AND session.organization_id = entry.organization_id
       AND session.deleted_at IS NULL
      WHERE entry.organization_id = ${organizationId} AND entry.deleted_at IS NULL`);

    // The live sets in one pass: those whose entry is tombstoned or missing, and the completed
    // non-warm-up sets that count as training (their entry and its session both live), with their
    // volume. A set without a weight or reps adds nothing to the volume (sum skips nulls).
    const sets = await tx.execute<SetFacts>(sql`
      SELECT count(*)::int AS sets,
             (count(*) FILTER (WHERE entry.id IS NULL))::int AS orphaned_sets,
             (count(*) FILTER (WHERE counts_as_training))::int AS completed_working_sets,
             sum(s.weight_kg * s.reps) FILTER (WHERE counts_as_training) AS volume_kg
      FROM set_entry s
      LEFT JOIN exercise_entry entry
        ON entry.id = s.exercise_entry_id
       AND entry.organization_id = s.organization_id
       AND entry.deleted_at IS NULL
      LEFT JOIN workout_session session
        ON session.id = entry.session_id
       AND session.organization_id = entry.organization_id
       AND session.deleted_at IS NULL
      CROSS JOIN LATERAL (
        SELECT s.completed AND s.set_type <> 'warmup' AND session.id IS NOT NULL AS counts_as_training
      ) training
      WHERE s.organization_id = ${organizationId} AND s.deleted_at IS NULL`);

    return { sessions: sessions.rows[0], entries: entries.rows[0], sets: sets.rows[0] };
  });

  return {
    sessions: facts.sessions?.sessions ?? 0,
    exerciseEntries: facts.entries?.entries ?? 0,
    sets: facts.sets?.sets ?? 0,
    completedWorkingSets: facts.sets?.completed_working_sets ?? 0,
    lifetimeVolumeKg: Number(facts.sets?.volume_kg ?? 0),
    orphanedEntries: facts.entries?.orphaned_entries ?? 0,
    orphanedSets: facts.sets?.orphaned_sets ?? 0,
    firstSessionAt: isoOrNull(facts.sessions?.first_started_at),
    lastSessionAt: isoOrNull(facts.sessions?.last_started_at),
    durationMs: performance.now() - startedAt,
  };
}

/** timestamptz text from the driver as ISO 8601; no sessions, no date. */
function isoOrNull(value: string | null | undefined): string | null {
  return value ? toIsoTimestamp(value) : null;
}
