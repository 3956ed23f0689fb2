/**
 * The program list: one summary per program (weeks and their phases, athletes it is applied to,
 * workouts still to come) in four grouped queries, whatever the number of programs.
 */
import { and, asc, count, countDistinct, eq, ilike, inArray, isNull, sql } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import type { Phase, ProgramSummary } from '../../shared/domain/program';
import { athlete, program, programAssignment, programWeek, scheduledWorkout } from '../db/schema';
import { escapeLike, toIsoTimestamp } from '../db/values';
import type { ServiceContext } from './context';
import { liveProgramOf } from './program-read';

export async function listPrograms(
  ctx: ServiceContext,
  input: ParsedInputOf<'programs.list'>,
): Promise<OutputOf<'programs.list'>> {
  const rows = await ctx.db
    .select()
    .from(program)
    .where(
      and(
        liveProgramOf(ctx.organizationId),
        input.includeArchived ? undefined : isNull(program.archivedAt),
        input.text ? ilike(program.name, `%${escapeLike(input.text)}%`) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${program.name})`), asc(program.name), asc(program.id));
  if (rows.length === 0) return { items: [] };
  const ids = rows.map((row) => row.id);

  const phases = new Map<string, (Phase | null)[]>(ids.map((id) => [id, []]));
  const weeks = await ctx.db
    .select({ programId: programWeek.programId, phase: programWeek.phase })
    .from(programWeek)
    .where(and(inArray(programWeek.programId, ids), isNull(programWeek.deletedAt)))
    .orderBy(asc(programWeek.programId), asc(programWeek.weekNumber), asc(programWeek.id));
  for (const week of weeks) phases.get(week.programId)?.push(week.phase as Phase | null);

  const athleteCounts = new Map(
    (
      await ctx.db
        .select({
          programId: programAssignment.programId,
          athletes: countDistinct(programAssignment.athleteId),
        })
        .from(programAssignment)
        .where(and(inArray(programAssignment.programId, ids), isNull(programAssignment.deletedAt)))
        .groupBy(programAssignment.programId)
    ).map((row) => [row.programId, row.athletes]),
  );

  // "From today" is each athlete's today, in their own time zone.
  const upcomingCounts = new Map(
    (
      await ctx.db
        .select({ programId: programAssignment.programId, upcoming: count() })
        .from(scheduledWorkout)
        .innerJoin(programAssignment, eq(programAssignment.id, scheduledWorkout.assignmentId))
        .innerJoin(athlete, eq(athlete.id, scheduledWorkout.athleteId))
        .where(
          and(
            inArray(programAssignment.programId, ids),
            isNull(programAssignment.deletedAt),
            isNull(scheduledWorkout.deletedAt),
            eq(scheduledWorkout.status, 'scheduled'),
            sql`${scheduledWorkout.scheduledDate} >= (${ctx.now().toISOString()}::timestamptz at time zone ${athlete.timeZone})::date`,
          ),
        )
        .groupBy(programAssignment.programId)
    ).map((row) => [row.programId, row.upcoming]),
  );

  const items = rows.map((row): ProgramSummary => ({
    id: row.id,
    name: row.name,
    description: row.description,
    daysPerWeek: row.daysPerWeek,
    weekCount: phases.get(row.id)?.length ?? 0,
    shiftOnMissed: row.shiftOnMissed,
    archived: row.archivedAt !== null,
    athleteCount: athleteCounts.get(row.id) ?? 0,
    upcomingWorkouts: upcomingCounts.get(row.id) ?? 0,
    phases: phases.get(row.id) ?? [],
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
  }));
  return { items };
}
