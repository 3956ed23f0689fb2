/**
 * Reading a program whole: weeks in order with their days, every template the days use, and the
 * athletes it is applied to. The builder loads this on open (a 16-week, 6-day program in a few
 * keyed queries); the schedule derives workouts from the same shape.
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { NotFound } from '../../shared/contract';
import type { PrescriptionOverride } from '../../shared/domain/prescription';
import type { Phase, ProgramAssignment, ProgramDetail, ProgramWeek } from '../../shared/domain/program';
import { athlete, program, programAssignment, programDay, programWeek, scheduledWorkout } from '../db/schema';
import { toIsoTimestamp } from '../db/values';
import { loadTemplateDetails, type Queryable } from './template-read';

export type ProgramRow = typeof program.$inferSelect;

/** The organization's live (not tombstoned) program, archived ones included. */
export function liveProgramOf(organizationId: string, programId?: string): SQL {
  return and(
    eq(program.organizationId, organizationId),
    isNull(program.deletedAt),
    programId === undefined ? undefined : eq(program.id, programId),
  ) as SQL;
}

export async function requireProgramRow(
  db: Queryable,
  organizationId: string,
  programId: string,
): Promise<ProgramRow> {
  const [row] = await db.select().from(program).where(liveProgramOf(organizationId, programId));
  if (!row) throw new NotFound('That program does not exist or has been deleted');
  return row;
}

/** A stored overrides value as the contract's map (empty when none). */
export function toOverrides(value: unknown): Record<string, PrescriptionOverride> {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, PrescriptionOverride>)
    : {};
}

/** The program's live weeks in order, each with its live days by slot. */
export async function loadProgramWeeks(db: Queryable, programId: string): Promise<ProgramWeek[]> {
  const weekRows = await db
    .select()
    .from(programWeek)
    .where(and(eq(programWeek.programId, programId), isNull(programWeek.deletedAt)))
    .orderBy(asc(programWeek.weekNumber), asc(programWeek.id));
  const weeks = new Map<string, ProgramWeek>(
    weekRows.map((row) => [
      row.id,
      {
        id: row.id,
        weekNumber: row.weekNumber,
        phase: row.phase as Phase | null,
        deload: row.deload,
        volumeFactor: row.volumeFactor,
        intensityDeltaPercent: row.intensityDeltaPercent,
        rpeDelta: row.rpeDelta,
        days: [],
      },
    ]),
  );
  if (weekRows.length > 0) {
    const dayRows = await db
      .select()
      .from(programDay)
      .where(and(inArray(programDay.programWeekId, [...weeks.keys()]), isNull(programDay.deletedAt)))
      .orderBy(asc(programDay.dayIndex), asc(programDay.id));
    for (const row of dayRows) {
      weeks.get(row.programWeekId)?.days.push({
        id: row.id,
        dayIndex: row.dayIndex,
        templateId: row.templateId,
        overrides: toOverrides(row.overrides),
      });
    }
  }
  return [...weeks.values()];
}

/** Live applications of the program, with how many of their workouts are still to come. */
export async function loadProgramAssignments(
  db: Queryable,
  programId: string,
  now: Date,
): Promise<ProgramAssignment[]> {
  const rows = await db
    .select({
      id: programAssignment.id,
      programId: programAssignment.programId,
      athleteId: programAssignment.athleteId,
      athleteName: athlete.name,
      startDate: programAssignment.startDate,
      weekdays: programAssignment.weekdays,
      createdAt: programAssignment.createdAt,
      upcoming: sql<number>`(
        select count(*)::int from ${scheduledWorkout} sw
         where sw.assignment_id = ${programAssignment.id} and sw.deleted_at is null
           and sw.status = 'scheduled'
           and sw.scheduled_date >= (${now.toISOString()}::timestamptz at time zone ${athlete.timeZone})::date
      )`,
    })
    .from(programAssignment)
    .innerJoin(athlete, eq(athlete.id, programAssignment.athleteId))
    .where(and(eq(programAssignment.programId, programId), isNull(programAssignment.deletedAt)))
    .orderBy(asc(athlete.name), asc(programAssignment.startDate));
  return rows.map((row) => ({ ...row, createdAt: toIsoTimestamp(row.createdAt) }));
}

/**
 * The program whole. Its templates' usage counts programs only (scheduledWorkouts is null): the
 * builder shows which templates other programs share, and counting every workout ever scheduled
 * on them would be most of the load's time (see TemplateReadOptions).
 */
export async function loadProgramDetail(
  db: Queryable,
  organizationId: string,
  programId: string,
  now: Date,
): Promise<ProgramDetail> {
  const row = await requireProgramRow(db, organizationId, programId);
  const weeks = await loadProgramWeeks(db, programId);
  const templateIds = weeks.flatMap((week) =>
    week.days.flatMap((day) => (day.templateId ? [day.templateId] : [])),
  );
  const templates = await loadTemplateDetails(db, organizationId, templateIds, {
    countScheduledWorkouts: false,
  });
  const assignments = await loadProgramAssignments(db, programId, now);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    daysPerWeek: row.daysPerWeek,
    shiftOnMissed: row.shiftOnMissed,
    archived: row.archivedAt !== null,
    revision: row.revision,
    weeks,
    templates: [...templates.values()].sort((a, b) => a.name.localeCompare(b.name)),
    assignments,
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
  };
}
