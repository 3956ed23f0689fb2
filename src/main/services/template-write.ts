/**
 * Writing workout templates: the exercise rows from what a coach wrote, the checks every write
 * makes (exercises the organization sees, a name free in the library), and copying a template
 * whole (duplicate, "this week only" forks, program duplicates and imports all copy templates).
 */
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { InvalidInput, NotFound, type FieldIssue } from '../../shared/contract';
import type { PrescriptionOverride, TemplateExerciseFields } from '../../shared/domain/prescription';
import { exercise, workoutTemplate, workoutTemplateExercise } from '../db/schema';
import { nameKey } from './copy-names';
import { visibleExercise } from './exercise-search';
import { liveTemplateOf, type Queryable, type TemplateRow } from './template-read';

export type TemplateExerciseInsert = typeof workoutTemplateExercise.$inferInsert;

/** How an exercise's load is prescribed, for filtering and the schedule: the load first, then effort. */
export function intensityKindOf(fields: {
  percentOneRepMax: number | null;
  loadKg: number | null;
  rpe: number | null;
  rir: number | null;
}): 'percent' | 'load' | 'rpe' | 'rir' | null {
  if (fields.percentOneRepMax !== null) return 'percent';
  if (fields.loadKg !== null) return 'load';
  if (fields.rpe !== null) return 'rpe';
  if (fields.rir !== null) return 'rir';
  return null;
}

/** The stored columns of one exercise of a template (not its id, template or timestamps). */
export function templateExerciseColumns(fields: Omit<TemplateExerciseFields, 'id'>, position: number) {
  return {
    exerciseId: fields.exerciseId,
    position,
    supersetGroup: fields.supersetGroup,
    sets: fields.sets,
    repsMin: fields.repsMin,
    repsMax: fields.repsMax,
    intensityKind: intensityKindOf(fields),
    percentOneRepMax: fields.percentOneRepMax,
    loadKg: fields.loadKg,
    rpe: fields.rpe,
    rir: fields.rir,
    restSeconds: fields.restSeconds,
    tempo: fields.tempo,
    notes: fields.notes,
    setDetails: fields.setDetails && fields.setDetails.length > 0 ? fields.setDetails : null,
  };
}
export type TemplateExerciseColumns = ReturnType<typeof templateExerciseColumns>;

/** JSON with object keys sorted, so two values compare equal whatever order jsonb kept. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

/**
 * Every exercise must be one the organization sees (catalogue or its own, not deleted): one issue
 * per exercise that is not, at `pathOf(index)`.
 */
export async function missingExerciseIssues(
  db: Queryable,
  organizationId: string,
  exerciseIds: readonly string[],
  pathOf: (index: number) => (string | number)[],
): Promise<FieldIssue[]> {
  if (exerciseIds.length === 0) return [];
  const found = await db
    .select({ id: exercise.id })
    .from(exercise)
    .where(and(visibleExercise(organizationId), inArray(exercise.id, [...new Set(exerciseIds)])));
  const visible = new Set(found.map((row) => row.id));
  return exerciseIds.flatMap((exerciseId, index) =>
    visible.has(exerciseId)
      ? []
      : [
          {
            path: pathOf(index),
            message: `Exercise ${index + 1} is not in the exercise library (it may have been deleted): pick another`,
          },
        ],
  );
}

/** Names of the organization's live library templates (archived ones included), as clash keys. */
export async function libraryTemplateNames(db: Queryable, organizationId: string): Promise<Set<string>> {
  const rows = await db
    .select({ name: workoutTemplate.name })
    .from(workoutTemplate)
    .where(and(liveTemplateOf(organizationId), isNull(workoutTemplate.ownerProgramId)));
  return new Set(rows.map((row) => nameKey(row.name)));
}

/** A template name is unique among the organization's live library templates, case-insensitively. */
export async function assertTemplateNameFree(
  db: Queryable,
  organizationId: string,
  name: string,
  path: (string | number)[],
  exceptId?: string,
): Promise<void> {
  const [taken] = await db
    .select({ name: workoutTemplate.name })
    .from(workoutTemplate)
    .where(
      and(
        liveTemplateOf(organizationId),
        isNull(workoutTemplate.ownerProgramId),
        eq(sql`lower(${workoutTemplate.name})`, nameKey(name)),
        exceptId ? ne(workoutTemplate.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (taken) {
    const message = `A template named “${taken.name}” already exists: pick another name`;
    throw new InvalidInput(message, [{ path, message }]);
  }
}

export async function requireTemplateRow(
  db: Queryable,
  organizationId: string,
  templateId: string,
): Promise<TemplateRow> {
  const [row] = await db.select().from(workoutTemplate).where(liveTemplateOf(organizationId, templateId));
  if (!row) throw new NotFound('That template does not exist or has been deleted');
  return row;
}

export interface TemplateCopy {
  id: string;
  /** Old template-exercise id → the copy's, for re-keying day overrides. */
  exerciseIds: Map<string, string>;
}

/**
 * A copy of a live template with its live exercises (new row ids), named and owned as asked.
 * The caller checks the name; this only writes.
 */
export async function copyTemplate(
  tx: Queryable,
  organizationId: string,
  source: TemplateRow,
  options: { name: string; ownerProgramId: string | null; forkedFromId: string | null; timestamp: string },
): Promise<TemplateCopy> {
  const id = uuidv7();
  const stamps = { createdAt: options.timestamp, updatedAt: options.timestamp };
  await tx.insert(workoutTemplate).values({
    id,
    organizationId,
    name: options.name,
    description: source.description,
    tags: source.tags,
    ownerProgramId: options.ownerProgramId,
    forkedFromId: options.forkedFromId,
    ...stamps,
  });
  const rows = await tx
    .select()
    .from(workoutTemplateExercise)
    .where(and(eq(workoutTemplateExercise.templateId, source.id), isNull(workoutTemplateExercise.deletedAt)));
  const exerciseIds = new Map<string, string>();
  const copies: TemplateExerciseInsert[] = rows.map((row) => {
    const copyId = uuidv7();
    exerciseIds.set(row.id, copyId);
    const { id: _id, templateId: _templateId, createdAt: _c, updatedAt: _u, deletedAt: _d, ...columns } = row;
    return { ...columns, id: copyId, organizationId, templateId: id, ...stamps };
  });
  if (copies.length > 0) await tx.insert(workoutTemplateExercise).values(copies);
  return { id, exerciseIds };
}

/** Day overrides keyed by a template's exercise ids, re-keyed to its copy's (others dropped). */
export function rekeyOverrides(
  overrides: Record<string, PrescriptionOverride>,
  exerciseIds: ReadonlyMap<string, string>,
): Record<string, PrescriptionOverride> | null {
  const entries = Object.entries(overrides).flatMap(([key, value]) => {
    const copyKey = exerciseIds.get(key);
    return copyKey ? [[copyKey, value] as const] : [];
  });
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/** Whether a stored row already holds these columns (so it is not rewritten). */
function rowHolds(
  row: typeof workoutTemplateExercise.$inferSelect,
  columns: TemplateExerciseColumns,
): boolean {
  if (row.deletedAt !== null) return false;
  return (Object.keys(columns) as (keyof TemplateExerciseColumns)[]).every((key) =>
    key === 'setDetails'
      ? canonicalJson(row.setDetails) === canonicalJson(columns.setDetails)
      : row[key] === columns[key],
  );
}

/**
 * Replaces a template's exercise list whole: array order is position, rows keep the ids given
 * (a new id makes a new row), rows left out are tombstoned, unchanged rows are left alone.
 * Checks everything first and throws one InvalidInput naming every bad row; returns whether
 * anything was written.
 */
export async function writeTemplateExercises(
  tx: Queryable,
  organizationId: string,
  templateId: string,
  exercises: readonly TemplateExerciseFields[],
  timestamp: string,
): Promise<boolean> {
  const issues = await missingExerciseIssues(
    tx,
    organizationId,
    exercises.map((item) => item.exerciseId),
    (index) => ['exercises', index, 'exerciseId'],
  );
  const givenIds = exercises.flatMap((item) => (item.id ? [item.id] : []));
  const elsewhere = new Set(
    givenIds.length === 0
      ? []
      : (
          await tx
            .select({ id: workoutTemplateExercise.id })
            .from(workoutTemplateExercise)
            .where(
              and(
                inArray(workoutTemplateExercise.id, givenIds),
                ne(workoutTemplateExercise.templateId, templateId),
              ),
            )
        ).map((row) => row.id),
  );
  const seen = new Set<string>();
  exercises.forEach((item, index) => {
    if (!item.id) return;
    if (seen.has(item.id)) {
      issues.push({
        path: ['exercises', index, 'id'],
        message: `Exercise ${index + 1} appears twice in the list`,
      });
    } else if (elsewhere.has(item.id)) {
      issues.push({
        path: ['exercises', index, 'id'],
        message: `Exercise ${index + 1} belongs to another template: add it without its id to copy it here`,
      });
    }
    seen.add(item.id);
  });
  if (issues.length > 0) throw new InvalidInput(issues[0]!.message, issues);

  const stored = new Map(
    (
      await tx
        .select()
        .from(workoutTemplateExercise)
        .where(eq(workoutTemplateExercise.templateId, templateId))
    ).map((row) => [row.id, row]),
  );
  let changed = false;
  const inserts: TemplateExerciseInsert[] = [];
  const kept = new Set<string>();
  for (const [position, item] of exercises.entries()) {
    const id = item.id ?? uuidv7();
    kept.add(id);
    const columns = templateExerciseColumns(item, position);
    const row = stored.get(id);
    if (!row) {
      inserts.push({
        id,
        organizationId,
        templateId,
        ...columns,
        createdAt: timestamp,
        updatedAt: timestamp,
      });
    } else if (!rowHolds(row, columns)) {
      await tx
        .update(workoutTemplateExercise)
        .set({ ...columns, deletedAt: null, updatedAt: timestamp })
        .where(eq(workoutTemplateExercise.id, id));
      changed = true;
    }
  }
  if (inserts.length > 0) {
    await tx.insert(workoutTemplateExercise).values(inserts);
    changed = true;
  }
  const removed = [...stored.values()]
    .filter((row) => row.deletedAt === null && !kept.has(row.id))
    .map((row) => row.id);
  if (removed.length > 0) {
    await tx
      .update(workoutTemplateExercise)
      .set({ deletedAt: timestamp, updatedAt: timestamp })
      .where(inArray(workoutTemplateExercise.id, removed));
    changed = true;
  }
  return changed;
}
