/**
 * Test support for the schedule: athletes, templates, programs and sessions written straight as
 * rows, so these tests stand apart from the template and program services, with real catalogue
 * exercises. ("Changes nothing" checks use snapshotTables from test-fixtures.)
 */
import { and, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { PrescriptionOverride } from '../../shared/domain/prescription';
import {
  athlete,
  exercise,
  exerciseEntry,
  program,
  programDay,
  programWeek,
  scheduledWorkout,
  setEntry,
  workoutSession,
  workoutTemplate,
  workoutTemplateExercise,
} from '../db/schema';
import type { ServiceContext } from './context';

export async function insertAthlete(
  ctx: ServiceContext,
  name: string,
  options: { timeZone?: string; archived?: boolean } = {},
): Promise<string> {
  const id = uuidv7();
  await ctx.db.insert(athlete).values({
    id,
    organizationId: ctx.organizationId,
    name,
    timeZone: options.timeZone ?? 'Europe/London',
    archivedAt: options.archived ? ctx.now().toISOString() : null,
  });
  return id;
}

export interface TemplateExerciseSpec {
  /** A catalogue exercise's exact name. */
  exercise: string;
  sets?: number;
  repsMin?: number | null;
  repsMax?: number | null;
  percentOneRepMax?: number | null;
  loadKg?: number | null;
  rpe?: number | null;
}

export interface InsertedTemplate {
  id: string;
  /** workout_template_exercise ids, in order. */
  exerciseIds: string[];
}

export async function catalogueExerciseId(ctx: ServiceContext, name: string): Promise<string> {
  const [row] = await ctx.db.select({ id: exercise.id }).from(exercise).where(eq(exercise.name, name));
  if (!row) throw new Error(`No catalogue exercise named ${name}`);
  return row.id;
}

export async function insertTemplate(
  ctx: ServiceContext,
  name: string,
  exercises: readonly TemplateExerciseSpec[] = [{ exercise: 'Barbell Back Squat', sets: 5, repsMin: 5 }],
  options: { archived?: boolean } = {},
): Promise<InsertedTemplate> {
  const id = uuidv7();
  await ctx.db.insert(workoutTemplate).values({
    id,
    organizationId: ctx.organizationId,
    name,
    archivedAt: options.archived ? ctx.now().toISOString() : null,
  });
  const exerciseIds = await replaceTemplateExercises(ctx, id, exercises);
  return { id, exerciseIds };
}

/** Tombstones the template's exercises and writes these instead (what saving the list does). */
export async function replaceTemplateExercises(
  ctx: ServiceContext,
  templateId: string,
  exercises: readonly TemplateExerciseSpec[],
): Promise<string[]> {
  await ctx.db
    .update(workoutTemplateExercise)
    .set({ deletedAt: ctx.now().toISOString() })
    .where(eq(workoutTemplateExercise.templateId, templateId));
  const ids: string[] = [];
  for (const [position, spec] of exercises.entries()) {
    const id = uuidv7();
    ids.push(id);
    await ctx.db.insert(workoutTemplateExercise).values({
      id,
      organizationId: ctx.organizationId,
      templateId,
      exerciseId: await catalogueExerciseId(ctx, spec.exercise),
      position,
      sets: spec.sets ?? 3,
      repsMin: spec.repsMin ?? null,
      repsMax: spec.repsMax ?? null,
      percentOneRepMax: spec.percentOneRepMax ?? null,
      loadKg: spec.loadKg ?? null,
      rpe: spec.rpe ?? null,
    });
  }
  return ids;
}

export interface WeekSpec {
  /** One entry per day slot: a template id, or null for a rest day. */
  days: (string | null)[];
  volumeFactor?: number;
  intensityDeltaPercent?: number;
  rpeDelta?: number;
  /** Per slot, the day's overrides keyed by template exercise id. */
  overrides?: Record<number, Record<string, PrescriptionOverride>>;
}

export interface InsertedProgram {
  id: string;
  weeks: { id: string; dayIds: string[] }[];
}

export async function insertProgram(
  ctx: ServiceContext,
  name: string,
  daysPerWeek: number,
  weeks: readonly WeekSpec[],
  options: { archived?: boolean; shiftOnMissed?: boolean } = {},
): Promise<InsertedProgram> {
  const id = uuidv7();
  await ctx.db.insert(program).values({
    id,
    organizationId: ctx.organizationId,
    name,
    daysPerWeek,
    shiftOnMissed: options.shiftOnMissed ?? false,
    archivedAt: options.archived ? ctx.now().toISOString() : null,
  });
  const inserted: InsertedProgram = { id, weeks: [] };
  for (const [weekIndex, spec] of weeks.entries()) {
    const weekId = await insertWeek(ctx, id, weekIndex + 1, spec);
    const dayIds: string[] = [];
    for (const [dayIndex, templateId] of spec.days.entries()) {
      dayIds.push(await insertDay(ctx, weekId, dayIndex, templateId, spec.overrides?.[dayIndex]));
    }
    inserted.weeks.push({ id: weekId, dayIds });
  }
  return inserted;
}

export async function insertWeek(
  ctx: ServiceContext,
  programId: string,
  weekNumber: number,
  spec: Omit<WeekSpec, 'days' | 'overrides'> = {},
): Promise<string> {
  const id = uuidv7();
  await ctx.db.insert(programWeek).values({
    id,
    organizationId: ctx.organizationId,
    programId,
    weekNumber,
    volumeFactor: spec.volumeFactor ?? 1,
    intensityDeltaPercent: spec.intensityDeltaPercent ?? 0,
    rpeDelta: spec.rpeDelta ?? 0,
  });
  return id;
}

export async function insertDay(
  ctx: ServiceContext,
  weekId: string,
  dayIndex: number,
  templateId: string | null,
  overrides?: Record<string, PrescriptionOverride>,
): Promise<string> {
  const id = uuidv7();
  await ctx.db.insert(programDay).values({
    id,
    organizationId: ctx.organizationId,
    programWeekId: weekId,
    dayIndex,
    templateId,
    overrides: overrides ?? null,
  });
  return id;
}

export interface SetSpec {
  weightKg: number;
  reps: number;
  setType?: 'warmup' | 'working' | 'drop' | 'failure';
  completed?: boolean;
}

/**
 * A session for a scheduled workout, as the workout screens will write it: started (in progress)
 * or finished (completed) with these sets, one exercise entry per group.
 */
export async function insertSession(
  ctx: ServiceContext,
  workoutId: string,
  options: { completed: boolean; entries?: { exercise: string; sets: SetSpec[] }[] },
): Promise<string> {
  const [workout] = await ctx.db.select().from(scheduledWorkout).where(eq(scheduledWorkout.id, workoutId));
  if (!workout) throw new Error('No such scheduled workout');
  const sessionId = uuidv7();
  const startedAt = `${workout.scheduledDate}T17:00:00.000Z`;
  await ctx.db.insert(workoutSession).values({
    id: sessionId,
    organizationId: ctx.organizationId,
    athleteId: workout.athleteId,
    templateId: workout.templateId,
    scheduledWorkoutId: workoutId,
    startedAt,
    completedAt: options.completed ? `${workout.scheduledDate}T18:05:00.000Z` : null,
  });
  for (const [position, entry] of (options.entries ?? []).entries()) {
    const entryId = uuidv7();
    await ctx.db.insert(exerciseEntry).values({
      id: entryId,
      organizationId: ctx.organizationId,
      sessionId,
      exerciseId: await catalogueExerciseId(ctx, entry.exercise),
      position,
    });
    for (const [index, set] of entry.sets.entries()) {
      await ctx.db.insert(setEntry).values({
        id: uuidv7(),
        organizationId: ctx.organizationId,
        exerciseEntryId: entryId,
        setNumber: index + 1,
        setType: set.setType ?? 'working',
        weightKg: set.weightKg,
        reps: set.reps,
        completed: set.completed ?? true,
      });
    }
  }
  await ctx.db
    .update(scheduledWorkout)
    .set({ status: options.completed ? 'completed' : 'in_progress', completedSessionId: sessionId })
    .where(eq(scheduledWorkout.id, workoutId));
  return sessionId;
}

/** Sets a workout's status straight in the table (what the missed-workouts job does). */
export async function setWorkoutStatus(ctx: ServiceContext, workoutIds: readonly string[], status: string) {
  await ctx.db
    .update(scheduledWorkout)
    .set({ status })
    .where(inArray(scheduledWorkout.id, [...workoutIds]));
}

/** The athlete's workouts as stored, tombstoned ones too, by date. */
export async function storedWorkouts(ctx: ServiceContext, athleteId: string) {
  return ctx.db
    .select()
    .from(scheduledWorkout)
    .where(and(eq(scheduledWorkout.athleteId, athleteId)))
    .orderBy(scheduledWorkout.scheduledDate, scheduledWorkout.id);
}

/** The athlete's live workouts as [date, template id, status] rows, by date. */
export async function liveCalendar(ctx: ServiceContext, athleteId: string) {
  const rows = await storedWorkouts(ctx, athleteId);
  return rows
    .filter((row) => row.deletedAt === null)
    .map((row) => [row.scheduledDate, row.templateId, row.status]);
}
