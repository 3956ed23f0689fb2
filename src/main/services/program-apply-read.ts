/**
 * What applying a program reads before it writes: the program (live, not archived, with workout
 * days) as a plan, the athletes (live, not archived, all named in one refusal), their identical
 * earlier applications, and the workouts already on their calendars. The preview and the apply
 * share these, so both refuse the same things with the same words.
 */
import { and, eq, gte, inArray, isNull } from 'drizzle-orm';
import { InvalidInput, type FieldIssue, type ParsedInputOf } from '../../shared/contract';
import type { ScheduleStatus } from '../../shared/domain/schedule';
import { athlete, program, programAssignment, scheduledWorkout, workoutTemplate } from '../db/schema';
import type { ServiceContext } from './context';
import { hasWorkoutDays, loadProgramPlan, type ProgramPlan } from './program-plan';
import { requireProgramRow } from './program-read';
import type { Queryable } from './template-read';

export type ApplyInput = ParsedInputOf<'programs.apply'>;

export interface ApplyingAthlete {
  id: string;
  name: string;
  timeZone: string;
}

/** The program, checked it can be applied, as a plan. */
export async function applicablePlan(
  db: Queryable,
  ctx: ServiceContext,
  programId: string,
): Promise<ProgramPlan> {
  const row = await requireProgramRow(db, ctx.organizationId, programId);
  if (row.archivedAt !== null) {
    const message = 'Restore the program before applying it';
    throw new InvalidInput(message, [{ path: ['programId'], message }]);
  }
  const plan = await loadProgramPlan(db, ctx.organizationId, row);
  if (!hasWorkoutDays(plan)) {
    const message = 'This program has no workouts yet: drop templates on its days first';
    throw new InvalidInput(message, [{ path: ['programId'], message }]);
  }
  return plan;
}

/** The athletes in input order; all must be the organization's, live and not archived. */
export async function applyingAthletes(
  db: Queryable,
  ctx: ServiceContext,
  athleteIds: readonly string[],
): Promise<ApplyingAthlete[]> {
  const rows = await db
    .select({
      id: athlete.id,
      name: athlete.name,
      timeZone: athlete.timeZone,
      archivedAt: athlete.archivedAt,
    })
    .from(athlete)
    .where(
      and(
        inArray(athlete.id, [...athleteIds]),
        eq(athlete.organizationId, ctx.organizationId),
        isNull(athlete.deletedAt),
      ),
    );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const issues: FieldIssue[] = [];
  const archivedNames: string[] = [];
  athleteIds.forEach((id, index) => {
    const row = byId.get(id);
    if (!row) {
      issues.push({
        path: ['athleteIds', index],
        message: 'This athlete does not exist or has been deleted',
      });
    } else if (row.archivedAt !== null) {
      archivedNames.push(row.name);
      issues.push({
        path: ['athleteIds', index],
        message: `${row.name} is archived: restore them before applying a program`,
      });
    }
  });
  if (issues.length > 0) {
    const message =
      archivedNames.length > 0
        ? `Archived athletes cannot be scheduled: restore ${listNames(archivedNames)} first`
        : 'Some of the athletes picked do not exist or have been deleted: pick them again';
    throw new InvalidInput(message, issues);
  }
  return athleteIds.map((id) => {
    const row = byId.get(id)!;
    return { id: row.id, name: row.name, timeZone: row.timeZone };
  });
}

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

const sameWeekdays = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && [...a].sort().every((day, index) => day === [...b].sort()[index]);

export type AssignmentRow = typeof programAssignment.$inferSelect;

/** Live applications of the program to these athletes with this start date and these weekdays. */
export async function identicalAssignments(
  db: Queryable,
  input: ApplyInput,
): Promise<Map<string, AssignmentRow>> {
  const rows = await db
    .select()
    .from(programAssignment)
    .where(
      and(
        eq(programAssignment.programId, input.programId),
        inArray(programAssignment.athleteId, input.athleteIds),
        eq(programAssignment.startDate, input.startDate),
        isNull(programAssignment.deletedAt),
      ),
    )
    .orderBy(programAssignment.createdAt);
  const byAthlete = new Map<string, AssignmentRow>();
  for (const row of rows) {
    if (sameWeekdays(row.weekdays, input.weekdays) && !byAthlete.has(row.athleteId)) {
      byAthlete.set(row.athleteId, row);
    }
  }
  return byAthlete;
}

export interface ExistingWorkout {
  id: string;
  athleteId: string;
  date: string;
  status: ScheduleStatus;
  assignmentId: string | null;
  templateName: string;
  programName: string | null;
}

/** The athletes' live workouts from `from` on, with the names a conflict list shows. */
export async function existingWorkoutsFrom(
  db: Queryable,
  ctx: ServiceContext,
  athleteIds: readonly string[],
  from: string,
): Promise<ExistingWorkout[]> {
  const rows = await db
    .select({
      id: scheduledWorkout.id,
      athleteId: scheduledWorkout.athleteId,
      date: scheduledWorkout.scheduledDate,
      status: scheduledWorkout.status,
      assignmentId: scheduledWorkout.assignmentId,
      templateName: workoutTemplate.name,
      programName: program.name,
    })
    .from(scheduledWorkout)
    .innerJoin(workoutTemplate, eq(workoutTemplate.id, scheduledWorkout.templateId))
    .leftJoin(program, eq(program.id, scheduledWorkout.programId))
    .where(
      and(
        eq(scheduledWorkout.organizationId, ctx.organizationId),
        inArray(scheduledWorkout.athleteId, [...athleteIds]),
        gte(scheduledWorkout.scheduledDate, from),
        isNull(scheduledWorkout.deletedAt),
      ),
    )
    .orderBy(scheduledWorkout.scheduledDate, scheduledWorkout.createdAt);
  return rows.map((row) => ({ ...row, status: row.status as ScheduleStatus }));
}

export function groupByAthlete<T extends { athleteId: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.athleteId, [...(groups.get(row.athleteId) ?? []), row]);
  return groups;
}
