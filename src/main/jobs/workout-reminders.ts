/**
 * "workout-reminders": the preference's hours before a scheduled workout starts, one `reminder`
 * event (a desktop notification in the Electron shell, a toast in the web host). A workout starts
 * at its own time, else at the preferences' usual training time, on its athlete's clock. Each
 * workout is reminded once (reminded_at is set in the step's transaction, the event sent after it
 * commits), never after it has started.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DrizzleTx } from '../db/client';
import { scheduledWorkout } from '../db/schema';
import { getPreferences } from '../services/settings';
import type { Job, JobContext, JobStep } from './job';
import { reminderWords } from './reminder-words';

/** Reminders sent per step. */
export const REMINDER_BATCH = 200;

type DueWorkout = {
  id: string;
  athlete_id: string;
  athlete_name: string;
  time_zone: string;
  template_name: string;
  date: string;
  start_time: string;
  starts_at: string;
  today: string;
};

export const workoutRemindersJob: Job = {
  name: 'workout-reminders',
  label: 'Workout reminders',
  description:
    'Sends a desktop reminder the chosen hours before a scheduled workout starts (at its own time, or the ' +
    'usual training time), once per workout.',
  triggers: {
    onStart: true,
    everyMs: 60_000,
    afterWrites: ['scheduled_workout', 'user_preferences', 'athlete'],
  },
  begin() {
    let sent = 0;
    return {
      async step(ctx) {
        const preferences = await getPreferences(ctx);
        if (!preferences.desktopReminders) {
          return { done: true, processed: 0, summary: 'Desktop reminders are off' } satisfies JobStep;
        }
        const due = await ctx.db.transaction(async (tx) => {
          const rows = await findDue(tx, ctx, preferences.workoutTime, preferences.reminderHoursBefore);
          if (rows.length === 0) return [];
          // Marked in this transaction; the events go out once it has committed (after the step).
          const marked = await tx
            .update(scheduledWorkout)
            .set({ remindedAt: ctx.now().toISOString() })
            .where(
              and(
                inArray(
                  scheduledWorkout.id,
                  rows.map((row) => row.id),
                ),
                isNull(scheduledWorkout.remindedAt),
                eq(scheduledWorkout.organizationId, ctx.organizationId),
              ),
            )
            .returning({ id: scheduledWorkout.id });
          const markedIds = new Set(marked.map((row) => row.id));
          return rows.filter((row) => markedIds.has(row.id));
        });
        // reminded_at shows on no screen, so this write announces no `changed`.
        for (const workout of due) ctx.emit(reminderEvent(workout, ctx.now()));
        sent += due.length;
        return {
          done: due.length < REMINDER_BATCH,
          processed: due.length,
          summary: sent === 0 ? 'No reminders due' : `${sent} ${sent === 1 ? 'reminder' : 'reminders'} sent`,
        } satisfies JobStep;
      },
    };
  },
};

async function findDue(
  tx: DrizzleTx,
  ctx: JobContext,
  workoutTime: string,
  hoursBefore: number,
): Promise<DueWorkout[]> {
  const now = ctx.now().toISOString();
  // "0 hours before" reminds at the start itself, so a start that arrived since the last run (the
  // job runs every minute) still counts; otherwise a workout that has started is never reminded.
  const graceSeconds = hoursBefore === 0 ? 60 : 0;
  // Dates from yesterday to four days ahead (UTC) hold every workout that starts in the next 72
  // hours in any time zone: an index range on scheduled_workout_open_date_idx.
  const result = await tx.execute<DueWorkout>(sql`
    WITH open_workout AS (
      SELECT sw.id, sw.athlete_id, a.name AS athlete_name, a.time_zone, t.name AS template_name,
             sw.scheduled_date::text AS date,
             coalesce(sw.start_time, ${workoutTime}) AS start_time,
             (sw.scheduled_date + coalesce(sw.start_time, ${workoutTime})::time) AT TIME ZONE a.time_zone AS starts_at,
             (${now}::timestamptz AT TIME ZONE a.time_zone)::date::text AS today
      FROM scheduled_workout sw
      JOIN athlete a ON a.id = sw.athlete_id AND a.organization_id = sw.organization_id
      JOIN workout_template t ON t.id = sw.template_id
      WHERE sw.status = 'scheduled'
        AND sw.deleted_at IS NULL
        AND sw.scheduled_date BETWEEN (${now}::timestamptz AT TIME ZONE 'UTC')::date - 1
                                  AND (${now}::timestamptz AT TIME ZONE 'UTC')::date + 4
        AND sw.organization_id = ${ctx.organizationId}
        AND sw.reminded_at IS NULL
        AND sw.completed_session_id IS NULL
        AND a.deleted_at IS NULL
        AND a.archived_at IS NULL
    )
    SELECT id, athlete_id, athlete_name, time_zone, template_name, date, start_time, today,
           to_char(starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS starts_at
    FROM open_workout
    WHERE starts_at > ${now}::timestamptz - make_interval(secs => ${graceSeconds})
      AND starts_at - make_interval(hours => ${hoursBefore}) <= ${now}::timestamptz
    ORDER BY starts_at, id
    LIMIT ${REMINDER_BATCH}`);
  return result.rows;
}

function reminderEvent(workout: DueWorkout, now: Date) {
  const startsAt = new Date(workout.starts_at);
  const words = reminderWords({
    athleteName: workout.athlete_name,
    templateName: workout.template_name,
    date: workout.date,
    startTime: workout.start_time,
    today: workout.today,
    athleteTimeZone: workout.time_zone,
    localTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    minutesUntilStart: (startsAt.getTime() - now.getTime()) / 60_000,
  });
  return {
    name: 'reminder' as const,
    payload: {
      scheduledWorkoutId: workout.id,
      athleteId: workout.athlete_id,
      athleteName: workout.athlete_name,
      templateName: workout.template_name,
      startsAt: startsAt.toISOString(),
      date: workout.date,
      startTime: workout.start_time,
      ...words,
    },
  };
}
