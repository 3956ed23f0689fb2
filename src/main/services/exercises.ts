/**
 * The exercise library: search it, keep favorites, and manage the organization's own (custom)
 * exercises. Catalogue and imported exercises are read-only; a coach duplicates one to change it.
 */
import { and, eq, isNotNull, isNull, ne } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  Conflict,
  NotFound,
  type FieldIssue,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/contract';
import type { ExerciseDetail } from '../../shared/domain/exercise';
import { exercise, exerciseFavorite } from '../db/schema';
import type { Handlers, ServiceContext } from './context';
import { importExerciseLibrary } from './exercise-import';
import {
  countExerciseFacets,
  exerciseNameKey,
  exerciseNameKeySql,
  findExercises,
  findVisibleExercise,
  suggestExercises,
  tidyExerciseName,
  visibleExercise,
} from './exercise-search';

type ExerciseFieldsInput = ParsedInputOf<'exercises.create'>;

function exerciseNotFound(): NotFound {
  return new NotFound('That exercise does not exist or has been deleted');
}

/** The live exercise, or NotFound. */
async function requireExercise(ctx: ServiceContext, exerciseId: string): Promise<ExerciseDetail> {
  const found = await findVisibleExercise(ctx, exerciseId);
  if (!found) throw exerciseNotFound();
  return found;
}

/** Catalogue and imported exercises are shared reference data; only custom ones are edited. */
function assertEditable(target: ExerciseDetail, action: 'edited' | 'deleted'): void {
  if (target.source === 'custom') return;
  const origin = target.source === 'catalogue' ? 'the built-in catalogue' : 'an imported library';
  throw new Conflict(
    `“${target.name}” comes from ${origin} and cannot be ${action}; duplicate it as a custom exercise to change it`,
  );
}

/**
 * Names are unique, case-insensitively, among the live exercises the organization sees, the
 * catalogue included. The unique index covers one organization's rows only, so this check is
 * what stops a custom "bench press" next to the catalogue's "Bench Press".
 */
async function assertNameFree(
  ctx: ServiceContext,
  name: string,
  fieldPath: (string | number)[],
  exceptId?: string,
): Promise<void> {
  const [taken] = await ctx.db
    .select({ name: exercise.name })
    .from(exercise)
    .where(
      and(
        visibleExercise(ctx.organizationId),
        eq(exerciseNameKeySql, exerciseNameKey(name)),
        exceptId ? ne(exercise.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    const message = `An exercise named “${taken.name}” already exists`;
    const issues: FieldIssue[] = [{ path: fieldPath, message }];
    throw new Conflict(message, { issues });
  }
}

function columnsFrom(fields: ExerciseFieldsInput) {
  return {
    name: tidyExerciseName(fields.name),
    primaryMuscles: fields.primaryMuscles,
    secondaryMuscles: fields.secondaryMuscles,
    equipment: fields.equipment,
    level: fields.level,
    category: fields.category,
    mechanic: fields.mechanic,
    force: fields.force,
    instructions: fields.instructions,
  };
}

export async function createCustomExercise(
  ctx: ServiceContext,
  fields: ExerciseFieldsInput,
): Promise<ExerciseDetail> {
  await assertNameFree(ctx, fields.name, ['name']);
  const timestamp = ctx.now().toISOString();
  const id = uuidv7();
  await ctx.db.insert(exercise).values({
    id,
    organizationId: ctx.organizationId,
    source: 'custom',
    ...columnsFrom(fields),
    createdAt: timestamp,
    updatedAt: timestamp,
  });
  ctx.touched('exercise');
  return requireExercise(ctx, id);
}

export async function editCustomExercise(
  ctx: ServiceContext,
  input: ParsedInputOf<'exercises.update'>,
): Promise<ExerciseDetail> {
  const target = await requireExercise(ctx, input.id);
  assertEditable(target, 'edited');
  await assertNameFree(ctx, input.fields.name, ['fields', 'name'], input.id);
  await ctx.db
    .update(exercise)
    .set({ ...columnsFrom(input.fields), updatedAt: ctx.now().toISOString() })
    .where(and(eq(exercise.id, input.id), eq(exercise.organizationId, ctx.organizationId)));
  ctx.touched('exercise');
  return requireExercise(ctx, input.id);
}

/** Tombstones the exercise; history that uses it keeps pointing at the row. */
export async function deleteCustomExercise(ctx: ServiceContext, exerciseId: string): Promise<{ id: string }> {
  const target = await requireExercise(ctx, exerciseId);
  assertEditable(target, 'deleted');
  const timestamp = ctx.now().toISOString();
  await ctx.db
    .update(exercise)
    .set({ deletedAt: timestamp, updatedAt: timestamp })
    .where(and(eq(exercise.id, exerciseId), eq(exercise.organizationId, ctx.organizationId)));
  ctx.touched('exercise');
  return { id: exerciseId };
}

/** Undoes a delete, provided no live exercise has taken the name in the meantime. */
export async function restoreCustomExercise(
  ctx: ServiceContext,
  exerciseId: string,
): Promise<ExerciseDetail> {
  const live = await findVisibleExercise(ctx, exerciseId);
  if (live) return live;

  const [deleted] = await ctx.db
    .select({ name: exercise.name })
    .from(exercise)
    .where(
      and(
        eq(exercise.id, exerciseId),
        eq(exercise.organizationId, ctx.organizationId),
        isNotNull(exercise.deletedAt),
      ),
    );
  if (!deleted) throw new NotFound('That exercise does not exist, so it cannot be restored');
  try {
    await assertNameFree(ctx, deleted.name, ['name']);
  } catch (error) {
    if (!(error instanceof Conflict)) throw error;
    throw new Conflict(
      `“${deleted.name}” cannot be restored: another exercise with that name exists now; rename or delete that one first`,
      error.details,
    );
  }
  await ctx.db
    .update(exercise)
    .set({ deletedAt: null, updatedAt: ctx.now().toISOString() })
    .where(and(eq(exercise.id, exerciseId), eq(exercise.organizationId, ctx.organizationId)));
  ctx.touched('exercise');
  return requireExercise(ctx, exerciseId);
}

/** Favorites are per organization, so any visible exercise (catalogue too) can be one. */
export async function markFavoriteExercise(
  ctx: ServiceContext,
  input: ParsedInputOf<'exercises.setFavorite'>,
): Promise<OutputOf<'exercises.setFavorite'>> {
  await requireExercise(ctx, input.id);
  const timestamp = ctx.now().toISOString();
  if (input.favorite) {
    await ctx.db
      .insert(exerciseFavorite)
      .values({
        id: uuidv7(),
        organizationId: ctx.organizationId,
        exerciseId: input.id,
        createdAt: timestamp,
        updatedAt: timestamp,
      })
      .onConflictDoUpdate({
        target: [exerciseFavorite.organizationId, exerciseFavorite.exerciseId],
        set: { deletedAt: null, updatedAt: timestamp },
        setWhere: isNotNull(exerciseFavorite.deletedAt),
      });
  } else {
    await ctx.db
      .update(exerciseFavorite)
      .set({ deletedAt: timestamp, updatedAt: timestamp })
      .where(
        and(
          eq(exerciseFavorite.organizationId, ctx.organizationId),
          eq(exerciseFavorite.exerciseId, input.id),
          isNull(exerciseFavorite.deletedAt),
        ),
      );
  }
  ctx.touched('exercise_favorite');
  return { id: input.id, favorite: input.favorite };
}

export const exerciseHandlers: Pick<
  Handlers,
  | 'exercises.search'
  | 'exercises.autocomplete'
  | 'exercises.facets'
  | 'exercises.get'
  | 'exercises.create'
  | 'exercises.update'
  | 'exercises.delete'
  | 'exercises.restore'
  | 'exercises.setFavorite'
  | 'exercises.import'
> = {
  'exercises.search': (input, ctx) => findExercises(ctx, input),
  'exercises.autocomplete': (input, ctx) => suggestExercises(ctx, input),
  'exercises.facets': (_input, ctx) => countExerciseFacets(ctx),
  'exercises.get': (input, ctx) => requireExercise(ctx, input.id),
  'exercises.create': (input, ctx) => createCustomExercise(ctx, input),
  'exercises.update': (input, ctx) => editCustomExercise(ctx, input),
  'exercises.delete': (input, ctx) => deleteCustomExercise(ctx, input.id),
  'exercises.restore': (input, ctx) => restoreCustomExercise(ctx, input.id),
  'exercises.setFavorite': (input, ctx) => markFavoriteExercise(ctx, input),
  'exercises.import': (input, ctx) => importExerciseLibrary(ctx, input),
};
