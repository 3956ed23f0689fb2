/**
 * Reading the exercise library: which rows an organization sees, the row → contract mapping, and
 * the search SQL (typo-tolerant text search with pg_trgm, filters, facets).
 *
 * An organization sees the shipped catalogue (organization_id NULL) plus its own imported and
 * custom exercises, never tombstoned rows. Favorites are per organization, so they are joined in.
 */
import { and, arrayOverlaps, asc, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { OutputOf, ParsedInputOf } from '../../shared/contract';
import {
  EQUIPMENT,
  LEVELS,
  MUSCLES,
  type ExerciseDetail,
  type ExerciseSummary,
} from '../../shared/domain/exercise';
import type { DrizzleTx } from '../db/client';
import { exercise, exerciseFavorite } from '../db/schema';
import { escapeLike, toIsoTimestamp } from '../db/values';
import type { ServiceContext } from './context';

/**
 * The lowest pg_trgm word_similarity that still counts as a match. Measured on the 873 names of
 * free-exercise-db: "dedlift" → "Deadlift" scores 0.55 and "lat pulldwn" → "Lat Pulldown" 0.75,
 * while the default of 0.6 misses both; below 0.5 the noise ("curl" → "Cuban Press") grows fast.
 */
const WORD_SIMILARITY_THRESHOLD = 0.5;

/** Live exercises the organization sees: the catalogue plus its own. */
export function visibleExercise(organizationId: string): SQL {
  return and(
    or(isNull(exercise.organizationId), eq(exercise.organizationId, organizationId)),
    isNull(exercise.deletedAt),
  ) as SQL;
}

/** Join condition for the organization's live favorite of each exercise. */
function favoriteOf(organizationId: string): SQL {
  return and(
    eq(exerciseFavorite.exerciseId, exercise.id),
    eq(exerciseFavorite.organizationId, organizationId),
    isNull(exerciseFavorite.deletedAt),
  ) as SQL;
}

const summaryColumns = {
  id: exercise.id,
  name: exercise.name,
  primaryMuscles: exercise.primaryMuscles,
  secondaryMuscles: exercise.secondaryMuscles,
  equipment: exercise.equipment,
  level: exercise.level,
  category: exercise.category,
  mechanic: exercise.mechanic,
  force: exercise.force,
  source: exercise.source,
  favorite: sql<boolean>`${exerciseFavorite.id} is not null`,
};

const detailColumns = {
  ...summaryColumns,
  instructions: exercise.instructions,
  createdAt: exercise.createdAt,
  updatedAt: exercise.updatedAt,
};

type ExerciseRow = typeof exercise.$inferSelect;

/** The columns that describe an exercise, whoever supplies it (catalogue, library file, user). */
export type ExerciseDescription = Pick<
  ExerciseRow,
  | 'name'
  | 'primaryMuscles'
  | 'secondaryMuscles'
  | 'equipment'
  | 'level'
  | 'category'
  | 'mechanic'
  | 'force'
  | 'instructions'
>;
type SummaryRow = Omit<ExerciseDescription, 'instructions'> &
  Pick<ExerciseRow, 'id' | 'source'> & { favorite: boolean };
type DetailRow = SummaryRow & Pick<ExerciseRow, 'instructions' | 'createdAt' | 'updatedAt'>;

/**
 * Rows hold plain text; the vocabularies are enforced on the way in (zod for the app's writes,
 * the import schema for library files), so the casts below only restore the types.
 */
export function toExerciseSummary(row: SummaryRow): ExerciseSummary {
  return {
    id: row.id,
    name: row.name,
    primaryMuscles: row.primaryMuscles as ExerciseSummary['primaryMuscles'],
    secondaryMuscles: row.secondaryMuscles as ExerciseSummary['secondaryMuscles'],
    equipment: row.equipment as ExerciseSummary['equipment'],
    level: row.level as ExerciseSummary['level'],
    category: row.category as ExerciseSummary['category'],
    mechanic: row.mechanic as ExerciseSummary['mechanic'],
    force: row.force as ExerciseSummary['force'],
    source: row.source as ExerciseSummary['source'],
    favorite: Boolean(row.favorite),
  };
}

export function toExerciseDetail(row: DetailRow): ExerciseDetail {
  return {
    ...toExerciseSummary(row),
    instructions: row.instructions,
    createdAt: toIsoTimestamp(row.createdAt),
    updatedAt: toIsoTimestamp(row.updatedAt),
  };
}

/** One live exercise the organization sees, with its favorite flag; undefined when there is none. */
export async function findVisibleExercise(
  ctx: Pick<ServiceContext, 'db' | 'organizationId'>,
  exerciseId: string,
): Promise<ExerciseDetail | undefined> {
  const [row] = await ctx.db
    .select(detailColumns)
    .from(exercise)
    .leftJoin(exerciseFavorite, favoriteOf(ctx.organizationId))
    .where(and(eq(exercise.id, exerciseId), visibleExercise(ctx.organizationId)));
  return row ? toExerciseDetail(row) : undefined;
}

/** How names are compared everywhere: trimmed, runs of spaces collapsed, case-insensitive. */
export function tidyExerciseName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}
export function exerciseNameKey(name: string): string {
  return tidyExerciseName(name).toLowerCase();
}
/** `exerciseNameKey` of the stored name, in SQL. */
export const exerciseNameKeySql = sql`lower(regexp_replace(btrim(${exercise.name}), '\\s+', ' ', 'g'))`;

/**
 * The text-match pieces for a query. `lower(name)` is the expression the GIN trigram index is
 * built on, so `<%` (word similarity) and LIKE '%…%' on it can use the index. The "compact" form
 * drops spaces and punctuation on both sides, so "benchpres" and "pullup" find "Bench Press" and
 * "Pull-Up" (word_similarity alone scores "benchpres" at 0.54 against every bench press variant).
 */
function textMatch(text: string) {
  const query = text.trim().toLowerCase();
  const compactQuery = query.replace(/[^\p{L}\p{N}]+/gu, '');
  const nameLower = sql`lower(${exercise.name})`;
  const compactName = sql`regexp_replace(lower(${exercise.name}), '[^[:alnum:]]+', '', 'g')`;
  const contains = sql`${nameLower} like ${`%${escapeLike(query)}%`}`;
  // A compact query of one or two characters would match nearly everything.
  const compactContains =
    compactQuery.length >= 3 ? sql`${compactName} like ${`%${escapeLike(compactQuery)}%`}` : sql`false`;

  const where = sql`(${query} <% ${nameLower} or ${contains} or ${compactContains})`;
  // Exact, then prefix, then a word starting with the query, then any substring, then fuzzy only.
  const tier = sql`case
    when ${nameLower} = ${query} or ${compactName} = ${compactQuery} then 0
    when ${nameLower} like ${`${escapeLike(query)}%`} or ${compactName} like ${`${escapeLike(compactQuery)}%`} then 1
    when ${nameLower} like ${`% ${escapeLike(query)}%`} then 2
    when ${contains} or ${compactContains} then 3
    else 4 end`;
  const orderBy = [
    asc(tier),
    // Within a tier, our curated catalogue and the user's own exercises before imported ones.
    asc(sql`case when ${exercise.source} = 'import' then 1 else 0 end`),
    sql`word_similarity(${query}, ${nameLower}) desc`,
    asc(sql`length(${exercise.name})`),
    asc(exercise.name),
  ];
  return { where, orderBy };
}

type TextMatch = ReturnType<typeof textMatch>;

/**
 * Runs `read` in one transaction, with the trigram threshold set when there is text to match:
 * set_config(…, true) lasts only until the transaction ends, so it never leaks into other calls.
 */
function readMatching<T>(
  db: ServiceContext['db'],
  text: string,
  read: (tx: DrizzleTx, match: TextMatch | undefined) => Promise<T>,
): Promise<T> {
  const match = text ? textMatch(text) : undefined;
  return db.transaction(async (tx) => {
    if (match) {
      await tx.execute(
        sql`select set_config('pg_trgm.word_similarity_threshold', ${String(WORD_SIMILARITY_THRESHOLD)}, true)`,
      );
    }
    return read(tx, match);
  });
}

const byName = [asc(sql`lower(${exercise.name})`), asc(exercise.name)];

type SearchInput = ParsedInputOf<'exercises.search'>;

function searchFilters(input: SearchInput): SQL[] {
  const filters: SQL[] = [];
  if (input.muscles.length > 0) {
    filters.push(
      input.muscleRole === 'any'
        ? (or(
            arrayOverlaps(exercise.primaryMuscles, input.muscles),
            arrayOverlaps(exercise.secondaryMuscles, input.muscles),
          ) as SQL)
        : arrayOverlaps(exercise.primaryMuscles, input.muscles),
    );
  }
  if (input.equipment.length > 0) filters.push(inArray(exercise.equipment, input.equipment));
  if (input.levels.length > 0) filters.push(inArray(exercise.level, input.levels));
  if (input.favoritesOnly) filters.push(isNotNull(exerciseFavorite.id));
  if (input.customOnly) filters.push(eq(exercise.source, 'custom'));
  return filters;
}

/** The library list: filters, typo-tolerant text, best matches first (by name without text). */
export async function findExercises(
  ctx: Pick<ServiceContext, 'db' | 'organizationId'>,
  input: SearchInput,
): Promise<OutputOf<'exercises.search'>> {
  return readMatching(ctx.db, input.text, async (tx, match) => {
    const where = and(visibleExercise(ctx.organizationId), ...searchFilters(input), match?.where);
    const rows = await tx
      .select(summaryColumns)
      .from(exercise)
      .leftJoin(exerciseFavorite, favoriteOf(ctx.organizationId))
      .where(where)
      .orderBy(...(match ? match.orderBy : byName))
      .limit(input.limit)
      .offset(input.offset);
    const [counted] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(exercise)
      .leftJoin(exerciseFavorite, favoriteOf(ctx.organizationId))
      .where(where);
    return { items: rows.map(toExerciseSummary), total: counted?.total ?? 0 };
  });
}

/** A few names for an autocomplete box; with no text, favorites first, then by name. */
export async function suggestExercises(
  ctx: Pick<ServiceContext, 'db' | 'organizationId'>,
  input: ParsedInputOf<'exercises.autocomplete'>,
): Promise<OutputOf<'exercises.autocomplete'>> {
  return readMatching(ctx.db, input.text, async (tx, match) => {
    const rows = await tx
      .select(summaryColumns)
      .from(exercise)
      .leftJoin(exerciseFavorite, favoriteOf(ctx.organizationId))
      .where(and(visibleExercise(ctx.organizationId), match?.where))
      .orderBy(...(match ? match.orderBy : [sql`${exerciseFavorite.id} is null`, ...byName]))
      .limit(input.limit);
    return { items: rows.map(toExerciseSummary) };
  });
}

/** Counts for the filter panel: every vocabulary value is listed, with 0 when nothing has it. */
export async function countExerciseFacets(
  ctx: Pick<ServiceContext, 'db' | 'organizationId'>,
): Promise<OutputOf<'exercises.facets'>> {
  const visible = visibleExercise(ctx.organizationId);
  const muscleRows = await ctx.db.execute<{ value: string; count: number }>(
    sql`select m as value, count(*)::int as count
        from ${exercise} cross join lateral unnest(${exercise.primaryMuscles}) as m
        where ${visible} group by m`,
  );
  const equipmentRows = await ctx.db
    .select({ value: exercise.equipment, count: sql<number>`count(*)::int` })
    .from(exercise)
    .where(visible)
    .groupBy(exercise.equipment);
  const levelRows = await ctx.db
    .select({ value: exercise.level, count: sql<number>`count(*)::int` })
    .from(exercise)
    .where(visible)
    .groupBy(exercise.level);
  const [totals] = await ctx.db
    .select({
      total: sql<number>`count(*)::int`,
      custom: sql<number>`(count(*) filter (where ${exercise.source} = 'custom'))::int`,
      favorites: sql<number>`count(${exerciseFavorite.id})::int`,
    })
    .from(exercise)
    .leftJoin(exerciseFavorite, favoriteOf(ctx.organizationId))
    .where(visible);

  const countsBy = (rows: { value: string | null; count: number }[]) =>
    new Map(rows.map((row) => [row.value, row.count]));
  const muscles = countsBy(muscleRows.rows);
  const equipment = countsBy(equipmentRows);
  const levels = countsBy(levelRows);
  return {
    muscles: MUSCLES.map((value) => ({ value, count: muscles.get(value) ?? 0 })),
    equipment: EQUIPMENT.map((value) => ({ value, count: equipment.get(value) ?? 0 })),
    levels: LEVELS.map((value) => ({ value, count: levels.get(value) ?? 0 })),
    favorites: totals?.favorites ?? 0,
    custom: totals?.custom ?? 0,
    total: totals?.total ?? 0,
  };
}
