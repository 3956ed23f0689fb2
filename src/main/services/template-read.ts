/**
 * Reading workout templates: the row → contract mapping, the organization scope, and loading
 * templates whole (exercises with their names and muscles, usage counts) in a few keyed queries.
 * The template library, the program builder and the schedule all read templates through here.
 */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { Muscle } from '../../shared/domain/exercise';
import type { SetPrescription } from '../../shared/domain/prescription';
import type { TemplateDetail, TemplateExercise, TemplateSummary } from '../../shared/domain/template';
import type { DrizzleDb, DrizzleTx } from '../db/client';
import {
  exercise,
  program,
  programDay,
  programWeek,
  scheduledWorkout,
  workoutTemplate,
  workoutTemplateExercise,
} from '../db/schema';
import { toIsoTimestamp } from '../db/values';

/** Either the database or an open transaction: readers work inside a write's transaction too. */
export type Queryable = DrizzleDb | DrizzleTx;

export type TemplateRow = typeof workoutTemplate.$inferSelect;
export type TemplateExerciseRow = typeof workoutTemplateExercise.$inferSelect;

/** How many exercise names a summary previews. */
const PREVIEW_NAMES = 6;

/** The organization's live (not tombstoned) template, archived ones included. */
export function liveTemplateOf(organizationId: string, templateId?: string): SQL {
  return and(
    eq(workoutTemplate.organizationId, organizationId),
    isNull(workoutTemplate.deletedAt),
    templateId === undefined ? undefined : eq(workoutTemplate.id, templateId),
  ) as SQL;
}

/** A stored set_details value as the contract's per-set rows (null when the sets are alike). */
function toSetDetails(value: unknown): TemplateExercise['setDetails'] {
  if (!Array.isArray(value) || value.length === 0) return null;
  return (value as SetPrescription[]).map((row) => ({
    setType: row.setType ?? 'working',
    repsMin: row.repsMin ?? null,
    repsMax: row.repsMax ?? null,
    percentOneRepMax: row.percentOneRepMax ?? null,
    loadKg: row.loadKg ?? null,
    rpe: row.rpe ?? null,
    rir: row.rir ?? null,
  }));
}

interface ExerciseFacts {
  name: string;
  primaryMuscles: string[];
  secondaryMuscles: string[];
  equipment: string | null;
}

export function toTemplateExercise(row: TemplateExerciseRow, facts: ExerciseFacts): TemplateExercise {
  return {
    id: row.id,
    exerciseId: row.exerciseId,
    exerciseName: facts.name,
    primaryMuscles: facts.primaryMuscles as Muscle[],
    secondaryMuscles: facts.secondaryMuscles as Muscle[],
    equipment: facts.equipment as TemplateExercise['equipment'],
    position: row.position,
    supersetGroup: row.supersetGroup,
    sets: row.sets,
    repsMin: row.repsMin,
    repsMax: row.repsMax,
    percentOneRepMax: row.percentOneRepMax,
    loadKg: row.loadKg,
    rpe: row.rpe,
    rir: row.rir,
    restSeconds: row.restSeconds,
    tempo: row.tempo,
    notes: row.notes,
    setDetails: toSetDetails(row.setDetails),
  };
}

/** Live exercises of these templates, in order, with the library's facts about each exercise. */
export async function loadTemplateExercises(
  db: Queryable,
  templateIds: readonly string[],
): Promise<Map<string, TemplateExercise[]>> {
  const byTemplate = new Map<string, TemplateExercise[]>(templateIds.map((id) => [id, []]));
  if (templateIds.length === 0) return byTemplate;
  const rows = await db
    .select({
      row: workoutTemplateExercise,
      name: exercise.name,
      primaryMuscles: exercise.primaryMuscles,
      secondaryMuscles: exercise.secondaryMuscles,
      equipment: exercise.equipment,
    })
    .from(workoutTemplateExercise)
    .innerJoin(exercise, eq(exercise.id, workoutTemplateExercise.exerciseId))
    .where(
      and(
        inArray(workoutTemplateExercise.templateId, [...templateIds]),
        isNull(workoutTemplateExercise.deletedAt),
      ),
    )
    .orderBy(asc(workoutTemplateExercise.templateId), asc(workoutTemplateExercise.position));
  for (const { row, ...facts } of rows) byTemplate.get(row.templateId)?.push(toTemplateExercise(row, facts));
  return byTemplate;
}

export interface TemplateReadOptions {
  /**
   * Count each template's scheduled workouts (default true). That reads every workout ever
   * scheduled on it: measured on the 200-athlete, 5-year bench folder, 110 k workouts on six
   * templates cost about 50 ms of CPU, ten times the rest of a 16-week program's load. Readers
   * that do not show the count (the program builder) skip it and report null.
   */
  countScheduledWorkouts?: boolean;
}

/** Where each template is used: live programs with a day on it, live scheduled workouts on it. */
export async function loadTemplateUsage(
  db: Queryable,
  templateIds: readonly string[],
  options: TemplateReadOptions = {},
): Promise<Map<string, TemplateSummary['usage']>> {
  const usage = new Map<string, TemplateSummary['usage']>(
    templateIds.map((id) => [
      id,
      { programs: 0, scheduledWorkouts: options.countScheduledWorkouts === false ? null : 0 },
    ]),
  );
  if (templateIds.length === 0) return usage;
  const ids = [...templateIds];
  const programCounts = await db
    .select({ templateId: programDay.templateId, programs: sql<number>`count(distinct ${program.id})::int` })
    .from(programDay)
    .innerJoin(programWeek, eq(programWeek.id, programDay.programWeekId))
    .innerJoin(program, eq(program.id, programWeek.programId))
    .where(
      and(
        inArray(programDay.templateId, ids),
        isNull(programDay.deletedAt),
        isNull(programWeek.deletedAt),
        isNull(program.deletedAt),
      ),
    )
    .groupBy(programDay.templateId);
  for (const row of programCounts) {
    const entry = row.templateId ? usage.get(row.templateId) : undefined;
    if (entry) entry.programs = row.programs;
  }
  if (options.countScheduledWorkouts === false) return usage;
  const scheduledCounts = await db
    .select({ templateId: scheduledWorkout.templateId, total: sql<number>`count(*)::int` })
    .from(scheduledWorkout)
    .where(and(inArray(scheduledWorkout.templateId, ids), isNull(scheduledWorkout.deletedAt)))
    .groupBy(scheduledWorkout.templateId);
  for (const row of scheduledCounts) {
    const entry = usage.get(row.templateId);
    if (entry) entry.scheduledWorkouts = row.total;
  }
  return usage;
}

/** Primary muscles over the exercises, most frequent first (ties alphabetical). */
function musclesOf(exercises: readonly TemplateExercise[]): Muscle[] {
  const counts = new Map<Muscle, number>();
  for (const item of exercises)
    for (const muscle of item.primaryMuscles) counts.set(muscle, (counts.get(muscle) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([muscle]) => muscle);
}

export function toTemplateDetail(
  row: TemplateRow,
  exercises: TemplateExercise[],
  usage: TemplateSummary['usage'],
): TemplateDetail {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    tags: row.tags,
    archived: row.archivedAt !== null,
    ownerProgramId: row.ownerProgramId,
    forkedFromId: row.forkedFromId,
    exerciseCount: exercises.length,
    exercisePreview: exercises.slice(0, PREVIEW_NAMES).map((item) => item.exerciseName),
    muscles: musclesOf(exercises),
    usage,
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
    exercises,
  };
}

/** The summary of a detail (the library list shows summaries). */
export function toTemplateSummary(detail: TemplateDetail): TemplateSummary {
  const { exercises: _exercises, ...summary } = detail;
  return summary;
}

/**
 * These templates whole, keyed by id; ids that are not the organization's live templates are
 * left out (a caller that needs one throws NotFound).
 */
export async function loadTemplateDetails(
  db: Queryable,
  organizationId: string,
  templateIds: readonly string[],
  options: TemplateReadOptions = {},
): Promise<Map<string, TemplateDetail>> {
  const unique = [...new Set(templateIds)];
  const details = new Map<string, TemplateDetail>();
  if (unique.length === 0) return details;
  const rows = await db
    .select()
    .from(workoutTemplate)
    .where(and(liveTemplateOf(organizationId), inArray(workoutTemplate.id, unique)));
  const ids = rows.map((row) => row.id);
  // One after the other: PGlite answers one query at a time, and a transaction is one connection.
  const exercises = await loadTemplateExercises(db, ids);
  const usage = await loadTemplateUsage(db, ids, options);
  for (const row of rows) {
    details.set(
      row.id,
      toTemplateDetail(
        row,
        exercises.get(row.id) ?? [],
        usage.get(row.id) ?? { programs: 0, scheduledWorkouts: 0 },
      ),
    );
  }
  return details;
}
