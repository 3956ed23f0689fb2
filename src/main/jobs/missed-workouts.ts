/**
 * "missed-workouts": a scheduled workout whose day has passed in its athlete's time zone without a
 * session becomes missed — or, when its program says so (program.shift_on_missed), the rest of the
 * program moves on by one training day instead. Idempotent: each step looks again at what is still
 * open and past, so a second run, or a run after a restart, finds only what is left.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DrizzleTx } from '../db/client';
import { scheduledWorkout } from '../db/schema';
import { shiftAssignment } from '../services/schedule-sync';
import type { Job, JobContext, JobStep } from './job';

/** Workouts looked at per step: one step stays a short transaction whatever the backlog. */
export const MISSED_BATCH = 200;

/**
 * The latest "today" anywhere on Earth (UTC+14): no athlete's past extends beyond it, so
 * `scheduled_date < this` bounds the scan of scheduled_workout_open_date_idx to an index range.
 */
const EARLIEST_ZONE = 'Pacific/Kiritimati';

type Candidate = {
  id: string;
  scheduled_date: string;
  assignment_id: string | null;
  today: string;
  shift: boolean;
};

export const missedWorkoutsJob: Job = {
  name: 'missed-workouts',
  label: 'Missed workouts',
  description:
    'Marks scheduled workouts missed once their day has passed without a session, in the athlete’s time ' +
    'zone; for programs set to shift, moves the rest of the program on by one training day instead.',
  triggers: {
    onStart: true,
    everyMs: 5 * 60_000,
    afterWrites: ['scheduled_workout', 'athlete', 'program', 'program_assignment'],
  },
  begin() {
    let marked = 0;
    const shifted = new Set<string>();
    return {
      async step(ctx) {
        const step = await ctx.db.transaction((tx) => missedStep(tx, ctx));
        marked += step.marked;
        for (const assignmentId of step.shifted) shifted.add(assignmentId);
        return {
          done: step.done,
          processed: step.marked + step.shifted.length,
          summary: summarize(marked, shifted.size),
        } satisfies JobStep;
      },
    };
  },
};

async function missedStep(
  tx: DrizzleTx,
  ctx: JobContext,
): Promise<{ marked: number; shifted: string[]; done: boolean }> {
  const now = ctx.now().toISOString();
  const candidates = await tx.execute<Candidate>(sql`
    SELECT sw.id,
           sw.scheduled_date::text AS scheduled_date,
           sw.assignment_id,
           athlete_today.today::text AS today,
           coalesce(p.shift_on_missed AND p.deleted_at IS NULL AND pa.deleted_at IS NULL, false) AS shift
    FROM scheduled_workout sw
    JOIN athlete a ON a.id = sw.athlete_id AND a.organization_id = sw.organization_id
    CROSS JOIN LATERAL (SELECT (${now}::timestamptz AT TIME ZONE a.time_zone)::date AS today) athlete_today
    LEFT JOIN program_assignment pa ON pa.id = sw.assignment_id
    LEFT JOIN program p ON p.id = pa.program_id
    WHERE sw.status = 'scheduled'
      AND sw.deleted_at IS NULL
      AND sw.scheduled_date < (${now}::timestamptz AT TIME ZONE ${EARLIEST_ZONE})::date
      AND sw.organization_id = ${ctx.organizationId}
      AND sw.completed_session_id IS NULL
      AND sw.scheduled_date < athlete_today.today
    ORDER BY sw.scheduled_date, sw.id
    LIMIT ${MISSED_BATCH}`);
  const rows = candidates.rows;

  // A shift moves the assignment's later workouts, so only its earliest missed one is shifted in
  // this step; the step after looks again at where the others are now.
  const toMark: string[] = [];
  const toShift = new Map<string, Candidate>();
  let deferred = 0;
  for (const row of rows) {
    if (!row.shift || !row.assignment_id) toMark.push(row.id);
    else if (!toShift.has(row.assignment_id)) toShift.set(row.assignment_id, row);
    else deferred += 1;
  }

  const shifted: string[] = [];
  for (const [assignmentId, row] of toShift) {
    // Skips the application's training days from the missed one up to today and moves its
    // workouts on (src/main/services/schedule-sync.ts).
    await shiftAssignment(tx, ctx, assignmentId, row.scheduled_date, row.today);
    shifted.push(assignmentId);
    // A shift that could not move the workout itself (pinned by hand, or nowhere left to go)
    // still leaves it missed, so no workout stays open in the past.
    toMark.push(row.id);
  }

  const marked = toMark.length === 0 ? [] : await markMissed(tx, ctx, toMark);
  if (marked.length > 0 || shifted.length > 0) ctx.touched('scheduled_workout');
  return { marked: marked.length, shifted, done: rows.length < MISSED_BATCH && deferred === 0 };
}

/** Marks those still open and past (a shift may have moved some on); returns the ids marked. */
async function markMissed(tx: DrizzleTx, ctx: JobContext, ids: string[]): Promise<string[]> {
  const now = ctx.now().toISOString();
  const marked = await tx
    .update(scheduledWorkout)
    .set({ status: 'missed', updatedAt: now })
    .where(
      and(
        inArray(scheduledWorkout.id, ids),
        eq(scheduledWorkout.organizationId, ctx.organizationId),
        eq(scheduledWorkout.status, 'scheduled'),
        isNull(scheduledWorkout.deletedAt),
        isNull(scheduledWorkout.completedSessionId),
        sql`${scheduledWorkout.scheduledDate} < (
          SELECT (${now}::timestamptz AT TIME ZONE a.time_zone)::date FROM athlete a
          WHERE a.id = ${scheduledWorkout.athleteId})`,
      ),
    )
    .returning({ id: scheduledWorkout.id });
  return marked.map((row) => row.id);
}

function summarize(marked: number, shifted: number): string {
  const parts: string[] = [];
  if (marked > 0) parts.push(`${marked} ${marked === 1 ? 'workout' : 'workouts'} marked missed`);
  if (shifted > 0) parts.push(`${shifted} ${shifted === 1 ? 'program' : 'programs'} shifted`);
  return parts.length > 0 ? parts.join(', ') : 'No missed workouts';
}
