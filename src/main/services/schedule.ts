/**
 * The calendar: workouts of some athletes between two dates, one workout's detail, quick add (or a
 * template dropped on a date), move, skip, delete and restore. A workout that has started or was
 * done belongs to its session and stays where it is; moving a program workout by hand pins it so
 * program edits no longer move it.
 */
import { and, asc, eq, gte, inArray, isNull, lte, ne, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, InvalidInput, NotFound, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { resolveTemplate } from '../../shared/calc/prescription';
import type { ScheduledWorkout, ScheduledWorkoutDetail } from '../../shared/domain/schedule';
import {
  athlete,
  exerciseEntry,
  scheduledWorkout,
  setEntry,
  workoutSession,
  workoutTemplate,
} from '../db/schema';
import type { Handlers, ServiceContext } from './context';
import {
  athleteToday,
  calendarRowToScheduledWorkout,
  lockReason,
  OPEN_STATUSES,
  requireWorkout,
  selectCalendarRows,
  shortDate,
  toPrescription,
  toScheduledWorkout,
  type ScheduledWorkoutListRow,
} from './schedule-read';
import { liveTemplateOf, loadTemplateExercises } from './template-read';

export async function scheduleRange(
  ctx: ServiceContext,
  input: ParsedInputOf<'schedule.range'>,
): Promise<OutputOf<'schedule.range'>> {
  const rows = await selectCalendarRows(ctx.db)
    .where(
      and(
        eq(scheduledWorkout.organizationId, ctx.organizationId),
        inArray(scheduledWorkout.athleteId, input.athleteIds),
        gte(scheduledWorkout.scheduledDate, input.from),
        lte(scheduledWorkout.scheduledDate, input.to),
        isNull(scheduledWorkout.deletedAt),
      ),
    )
    .orderBy(
      asc(scheduledWorkout.scheduledDate),
      asc(athlete.name),
      asc(scheduledWorkout.athleteId),
      sql`${scheduledWorkout.startTime} asc nulls last`,
      asc(scheduledWorkout.createdAt),
      asc(scheduledWorkout.id),
    );
  return { items: rows.map(calendarRowToScheduledWorkout) };
}

/** What the session behind a done (or started) workout holds. */
async function sessionSummary(ctx: ServiceContext, sessionId: string) {
  const [session] = await ctx.db
    .select({
      id: workoutSession.id,
      startedAt: workoutSession.startedAt,
      completedAt: workoutSession.completedAt,
      exerciseCount: sql<number>`(
        select count(*)::int from ${exerciseEntry} ee
         where ee.session_id = ${sessionId} and ee.deleted_at is null)`,
      completedSets: sql<number>`(
        select count(*)::int from ${setEntry} se
          join ${exerciseEntry} ee on ee.id = se.exercise_entry_id
         where ee.session_id = ${sessionId} and ee.deleted_at is null
           and se.deleted_at is null and se.completed)`,
      volumeKg: sql<number>`(
        select coalesce(sum(se.weight_kg * se.reps), 0)::float8 from ${setEntry} se
          join ${exerciseEntry} ee on ee.id = se.exercise_entry_id
         where ee.session_id = ${sessionId} and ee.deleted_at is null
           and se.deleted_at is null and se.completed and se.set_type = 'working')`,
    })
    .from(workoutSession)
    .where(
      and(
        eq(workoutSession.id, sessionId),
        eq(workoutSession.organizationId, ctx.organizationId),
        isNull(workoutSession.deletedAt),
      ),
    );
  if (!session) return null;
  return {
    ...session,
    startedAt: new Date(session.startedAt).toISOString(),
    completedAt: session.completedAt === null ? null : new Date(session.completedAt).toISOString(),
  };
}

export async function getScheduledWorkout(
  ctx: ServiceContext,
  workoutId: string,
): Promise<ScheduledWorkoutDetail> {
  const row = await requireWorkout(ctx.db, ctx.organizationId, workoutId);
  const [stored] = await ctx.db
    .select({ prescription: scheduledWorkout.prescription })
    .from(scheduledWorkout)
    .where(eq(scheduledWorkout.id, workoutId));
  // Workouts scheduled before prescriptions were frozen show the template as it is now.
  const prescription =
    toPrescription(stored?.prescription) ??
    resolveTemplate(
      (await loadTemplateExercises(ctx.db, [row.templateId])).get(row.templateId) ?? [],
      undefined,
    );
  const session = row.sessionId ? await sessionSummary(ctx, row.sessionId) : null;
  const today = athleteToday(row.athleteTimeZone, ctx.now());
  const doneOn = session?.completedAt
    ? athleteToday(row.athleteTimeZone, new Date(session.completedAt))
    : row.date;
  return {
    ...toScheduledWorkout(row),
    athleteName: row.athleteName,
    prescription,
    session,
    locked: lockReason({ status: row.status, doneOn, today }),
  };
}

async function reread(ctx: ServiceContext, workoutId: string): Promise<ScheduledWorkout> {
  return toScheduledWorkout(await requireWorkout(ctx.db, ctx.organizationId, workoutId));
}

export async function addScheduledWorkout(
  ctx: ServiceContext,
  input: ParsedInputOf<'schedule.create'>,
): Promise<ScheduledWorkout> {
  const [athleteRow] = await ctx.db
    .select({ name: athlete.name, archivedAt: athlete.archivedAt })
    .from(athlete)
    .where(
      and(
        eq(athlete.id, input.athleteId),
        eq(athlete.organizationId, ctx.organizationId),
        isNull(athlete.deletedAt),
      ),
    );
  if (!athleteRow) throw new NotFound('That athlete does not exist or has been deleted');
  if (athleteRow.archivedAt !== null) {
    const message = `Archived athletes cannot be scheduled: restore ${athleteRow.name} first`;
    throw new InvalidInput(message, [{ path: ['athleteId'], message }]);
  }
  const [template] = await ctx.db
    .select({ name: workoutTemplate.name, archivedAt: workoutTemplate.archivedAt })
    .from(workoutTemplate)
    .where(liveTemplateOf(ctx.organizationId, input.templateId));
  if (!template) throw new NotFound('That template does not exist or has been deleted');
  if (template.archivedAt !== null) {
    const message = `“${template.name}” is archived: restore it in the template library before scheduling it`;
    throw new InvalidInput(message, [{ path: ['templateId'], message }]);
  }

  const exercises = (await loadTemplateExercises(ctx.db, [input.templateId])).get(input.templateId) ?? [];
  const timestamp = ctx.now().toISOString();
  const id = uuidv7();
  await ctx.db.insert(scheduledWorkout).values({
    id,
    organizationId: ctx.organizationId,
    athleteId: input.athleteId,
    templateId: input.templateId,
    scheduledDate: input.date,
    startTime: input.startTime,
    notes: input.notes,
    prescription: resolveTemplate(exercises, undefined),
    createdAt: timestamp,
    updatedAt: timestamp,
  });
  ctx.touched('scheduled_workout');
  return reread(ctx, id);
}

/** Why a started or done workout refuses a change, in the words of that change. */
function refusal(row: ScheduledWorkoutListRow, action: 'move' | 'skip' | 'delete', today: string): Conflict {
  const verb = { move: 'moved', skip: 'skipped', delete: 'deleted' }[action];
  if (row.status === 'in_progress') {
    return new Conflict(
      `This workout is in progress: finish or discard its session before it can be ${verb}`,
    );
  }
  if (row.status === 'completed') {
    return new Conflict(
      `This workout was done on ${shortDate(row.date, today)} and cannot be ${verb}: its session holds what was lifted`,
    );
  }
  return new Conflict(`A ${row.status} workout cannot be ${verb}`);
}

export async function updateScheduledWorkout(
  ctx: ServiceContext,
  input: ParsedInputOf<'schedule.update'>,
): Promise<ScheduledWorkout> {
  const row = await requireWorkout(ctx.db, ctx.organizationId, input.id);
  const today = athleteToday(row.athleteTimeZone, ctx.now());
  const changes: Partial<typeof scheduledWorkout.$inferInsert> = {};
  let status = row.status;

  if (input.date !== undefined && input.date !== row.date) {
    if (!OPEN_STATUSES.includes(row.status as never)) throw refusal(row, 'move', today);
    changes.scheduledDate = input.date;
    // A hand-moved program workout keeps its new date when the program changes.
    if (row.assignmentId !== null || row.programDayId !== null) changes.datePinned = true;
    if (status === 'missed' && input.date >= today) status = 'scheduled';
  }
  if (input.status === 'skipped' && status !== 'skipped') {
    if (status !== 'scheduled' && status !== 'missed') throw refusal(row, 'skip', today);
    status = 'skipped';
  }
  if (input.status === 'scheduled' && status !== 'scheduled') {
    if (status !== 'skipped') {
      throw new Conflict(
        status === 'missed'
          ? 'A missed workout goes back on the calendar by moving it to a new date'
          : `This workout is ${status === 'completed' ? 'done' : 'in progress'}: only a skipped workout can be put back`,
      );
    }
    // Back on the calendar; the missed-workouts job marks it missed if its date has passed.
    status = 'scheduled';
  }
  if (status !== row.status) changes.status = status;
  if (input.startTime !== undefined && input.startTime !== row.startTime) changes.startTime = input.startTime;
  if (input.notes !== undefined && input.notes !== row.notes) changes.notes = input.notes;

  if (Object.keys(changes).length === 0) return toScheduledWorkout(row);
  await ctx.db
    .update(scheduledWorkout)
    .set({ ...changes, updatedAt: ctx.now().toISOString() })
    .where(and(eq(scheduledWorkout.id, row.id), isNull(scheduledWorkout.deletedAt)));
  ctx.touched('scheduled_workout');
  return reread(ctx, row.id);
}

export async function deleteScheduledWorkout(
  ctx: ServiceContext,
  workoutId: string,
): Promise<{ id: string }> {
  const row = await requireWorkout(ctx.db, ctx.organizationId, workoutId);
  if (!OPEN_STATUSES.includes(row.status as never)) {
    throw refusal(row, 'delete', athleteToday(row.athleteTimeZone, ctx.now()));
  }
  const timestamp = ctx.now().toISOString();
  await ctx.db
    .update(scheduledWorkout)
    .set({ deletedAt: timestamp, updatedAt: timestamp })
    .where(eq(scheduledWorkout.id, row.id));
  ctx.touched('scheduled_workout');
  return { id: row.id };
}

/** Undo of a delete. A program workout comes back only while its program day has no other one. */
export async function restoreScheduledWorkout(
  ctx: ServiceContext,
  workoutId: string,
): Promise<ScheduledWorkout> {
  const row = await requireWorkout(ctx.db, ctx.organizationId, workoutId, { includeDeleted: true });
  if (row.deletedAt === null) return toScheduledWorkout(row);
  if (row.assignmentId !== null && row.programDayId !== null) {
    const [twin] = await ctx.db
      .select({ date: scheduledWorkout.scheduledDate })
      .from(scheduledWorkout)
      .where(
        and(
          eq(scheduledWorkout.assignmentId, row.assignmentId),
          eq(scheduledWorkout.programDayId, row.programDayId),
          isNull(scheduledWorkout.deletedAt),
          ne(scheduledWorkout.id, row.id),
        ),
      );
    if (twin) {
      const today = athleteToday(row.athleteTimeZone, ctx.now());
      const slot =
        row.weekNumber !== null && row.dayIndex !== null
          ? `Week ${row.weekNumber}, day ${row.dayIndex + 1}`
          : 'Its program day';
      throw new Conflict(
        `${slot} of “${row.programName ?? 'the program'}” already has a workout again (on ${shortDate(twin.date, today)}): delete that one to bring this one back`,
      );
    }
  }
  await ctx.db
    .update(scheduledWorkout)
    .set({ deletedAt: null, updatedAt: ctx.now().toISOString() })
    .where(eq(scheduledWorkout.id, row.id));
  ctx.touched('scheduled_workout');
  return reread(ctx, row.id);
}

export const scheduleHandlers: Pick<
  Handlers,
  | 'schedule.range'
  | 'schedule.get'
  | 'schedule.create'
  | 'schedule.update'
  | 'schedule.delete'
  | 'schedule.restore'
> = {
  'schedule.range': (input, ctx) => scheduleRange(ctx, input),
  'schedule.get': (input, ctx) => getScheduledWorkout(ctx, input.id),
  'schedule.create': (input, ctx) => addScheduledWorkout(ctx, input),
  'schedule.update': (input, ctx) => updateScheduledWorkout(ctx, input),
  'schedule.delete': (input, ctx) => deleteScheduledWorkout(ctx, input.id),
  'schedule.restore': (input, ctx) => restoreScheduledWorkout(ctx, input.id),
};
