/**
 * The template library: find, create, edit, copy, archive and delete workout templates. A
 * program's own copies ("this week only" forks) are templates too, edited the same way, but they
 * stay out of the library list. Deleting is refused while anything uses a template: archive it.
 */
import { and, arrayContains, asc, eq, ilike, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { Conflict, NotFound, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import type { TemplateDetail } from '../../shared/domain/template';
import { workoutTemplate } from '../db/schema';
import { escapeLike } from '../db/values';
import type { Handlers, ServiceContext } from './context';
import { nameKey, numberedName } from './copy-names';
import { syncTemplateSchedules } from './schedule-sync';
import { forkTemplateForDays } from './template-fork';
import { liveTemplateOf, loadTemplateDetails, toTemplateSummary, type Queryable } from './template-read';
import {
  assertTemplateNameFree,
  copyTemplate,
  libraryTemplateNames,
  requireTemplateRow,
  writeTemplateExercises,
} from './template-write';

/** The template whole, or NotFound. */
export async function requireTemplate(
  db: Queryable,
  organizationId: string,
  templateId: string,
): Promise<TemplateDetail> {
  const detail = (await loadTemplateDetails(db, organizationId, [templateId])).get(templateId);
  if (!detail) throw new NotFound('That template does not exist or has been deleted');
  return detail;
}

/** Library templates (not a program's copies), archived ones only when asked. */
function libraryTemplateOf(ctx: ServiceContext, includeArchived: boolean) {
  return and(
    liveTemplateOf(ctx.organizationId),
    isNull(workoutTemplate.ownerProgramId),
    includeArchived ? undefined : isNull(workoutTemplate.archivedAt),
  );
}

export async function listTemplates(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.list'>,
): Promise<OutputOf<'templates.list'>> {
  const pattern = `%${escapeLike(input.text)}%`;
  const textMatch = input.text
    ? or(
        ilike(workoutTemplate.name, pattern),
        ilike(workoutTemplate.description, pattern),
        sql`exists (select 1 from unnest(${workoutTemplate.tags}) as tag where tag ilike ${pattern})`,
      )
    : undefined;
  const rows = await ctx.db
    .select({ id: workoutTemplate.id })
    .from(workoutTemplate)
    .where(
      and(
        libraryTemplateOf(ctx, input.includeArchived),
        textMatch,
        input.tags.length > 0 ? arrayContains(workoutTemplate.tags, input.tags) : undefined,
      ),
    )
    .orderBy(asc(sql`lower(${workoutTemplate.name})`), asc(workoutTemplate.name), asc(workoutTemplate.id));
  const details = await loadTemplateDetails(
    ctx.db,
    ctx.organizationId,
    rows.map((row) => row.id),
  );
  const items = rows.flatMap((row) => {
    const detail = details.get(row.id);
    return detail ? [toTemplateSummary(detail)] : [];
  });

  // The facet counts the templates the list could show (same archive filter), before text and tags.
  const tagRows = await ctx.db
    .select({ tags: workoutTemplate.tags })
    .from(workoutTemplate)
    .where(libraryTemplateOf(ctx, input.includeArchived));
  const counts = new Map<string, number>();
  for (const { tags } of tagRows) for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const tags = [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([value, count]) => ({ value, count }));
  return { items, tags };
}

export async function createTemplate(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.create'>,
): Promise<TemplateDetail> {
  const timestamp = ctx.now().toISOString();
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await assertTemplateNameFree(tx, ctx.organizationId, input.name, ['name']);
    await tx.insert(workoutTemplate).values({
      id,
      organizationId: ctx.organizationId,
      name: input.name,
      description: input.description,
      tags: input.tags,
      createdAt: timestamp,
      updatedAt: timestamp,
    });
    await writeTemplateExercises(tx, ctx.organizationId, id, input.exercises, timestamp);
  });
  ctx.touched('workout_template', 'workout_template_exercise');
  return requireTemplate(ctx.db, ctx.organizationId, id);
}

/** Name, description and tags. A program's own copy may share a library template's name. */
export async function updateTemplate(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.update'>,
): Promise<TemplateDetail> {
  const row = await requireTemplateRow(ctx.db, ctx.organizationId, input.id);
  if (row.ownerProgramId === null) {
    await assertTemplateNameFree(ctx.db, ctx.organizationId, input.fields.name, ['fields', 'name'], row.id);
  }
  await ctx.db
    .update(workoutTemplate)
    .set({ ...input.fields, updatedAt: ctx.now().toISOString() })
    .where(liveTemplateOf(ctx.organizationId, input.id));
  ctx.touched('workout_template');
  return requireTemplate(ctx.db, ctx.organizationId, input.id);
}

/** The exercise list, whole; future workouts on the template follow in the same transaction. */
export async function saveTemplateExercises(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.saveExercises'>,
): Promise<TemplateDetail> {
  const timestamp = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await requireTemplateRow(tx, ctx.organizationId, input.id);
    const changed = await writeTemplateExercises(
      tx,
      ctx.organizationId,
      input.id,
      input.exercises,
      timestamp,
    );
    if (!changed) return;
    await tx
      .update(workoutTemplate)
      .set({ updatedAt: timestamp })
      .where(liveTemplateOf(ctx.organizationId, input.id));
    ctx.touched('workout_template', 'workout_template_exercise');
    await syncTemplateSchedules(tx, ctx, input.id);
  });
  return requireTemplate(ctx.db, ctx.organizationId, input.id);
}

/** A library copy, "Upper A (copy)" or the name given; a program's own copy duplicates into the library. */
export async function duplicateTemplate(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.duplicate'>,
): Promise<TemplateDetail> {
  const timestamp = ctx.now().toISOString();
  const copy = await ctx.db.transaction(async (tx) => {
    const source = await requireTemplateRow(tx, ctx.organizationId, input.id);
    let name: string;
    if (input.name) {
      await assertTemplateNameFree(tx, ctx.organizationId, input.name, ['name']);
      name = input.name;
    } else {
      name = numberedName(source.name, 'copy', await libraryTemplateNames(tx, ctx.organizationId));
    }
    return copyTemplate(tx, ctx.organizationId, source, {
      name,
      ownerProgramId: null,
      forkedFromId: source.id,
      timestamp,
    });
  });
  ctx.touched('workout_template', 'workout_template_exercise');
  return requireTemplate(ctx.db, ctx.organizationId, copy.id);
}

export async function archiveTemplate(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.setArchived'>,
): Promise<TemplateDetail> {
  const row = await requireTemplateRow(ctx.db, ctx.organizationId, input.id);
  if ((row.archivedAt !== null) !== input.archived) {
    const timestamp = ctx.now().toISOString();
    await ctx.db
      .update(workoutTemplate)
      .set({ archivedAt: input.archived ? timestamp : null, updatedAt: timestamp })
      .where(liveTemplateOf(ctx.organizationId, input.id));
    ctx.touched('workout_template');
  }
  return requireTemplate(ctx.db, ctx.organizationId, input.id);
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Tombstones a template nothing uses; one in use is archived instead, so its history stays whole. */
export async function deleteTemplate(ctx: ServiceContext, templateId: string): Promise<{ id: string }> {
  const template = await requireTemplate(ctx.db, ctx.organizationId, templateId);
  const { programs } = template.usage;
  const scheduledWorkouts = template.usage.scheduledWorkouts ?? 0;
  if (programs > 0 || scheduledWorkouts > 0) {
    const uses = [
      programs > 0 ? countOf(programs, 'program') : null,
      scheduledWorkouts > 0 ? countOf(scheduledWorkouts, 'scheduled workout') : null,
    ].filter((use) => use !== null);
    throw new Conflict(
      `“${template.name}” is used by ${uses.join(' and ')}: archive it instead (archived templates stay on the programs and calendars that use them)`,
      { usage: template.usage },
    );
  }
  const timestamp = ctx.now().toISOString();
  await ctx.db
    .update(workoutTemplate)
    .set({ deletedAt: timestamp, updatedAt: timestamp })
    .where(liveTemplateOf(ctx.organizationId, templateId));
  ctx.touched('workout_template');
  return { id: templateId };
}

/** Undoes a delete, provided no library template has taken the name meanwhile. */
export async function restoreTemplate(ctx: ServiceContext, templateId: string): Promise<TemplateDetail> {
  const [row] = await ctx.db
    .select()
    .from(workoutTemplate)
    .where(and(eq(workoutTemplate.id, templateId), eq(workoutTemplate.organizationId, ctx.organizationId)));
  if (!row) throw new NotFound('That template does not exist, so it cannot be restored');
  if (row.deletedAt === null) return requireTemplate(ctx.db, ctx.organizationId, templateId);
  if (row.ownerProgramId === null) {
    const taken = await libraryTemplateNames(ctx.db, ctx.organizationId);
    if (taken.has(nameKey(row.name))) {
      throw new Conflict(
        `“${row.name}” cannot be restored: another template with that name exists now; rename that one first`,
      );
    }
  }
  await ctx.db
    .update(workoutTemplate)
    .set({ deletedAt: null, updatedAt: ctx.now().toISOString() })
    .where(
      and(
        eq(workoutTemplate.id, templateId),
        eq(workoutTemplate.organizationId, ctx.organizationId),
        isNotNull(workoutTemplate.deletedAt),
      ),
    );
  ctx.touched('workout_template');
  return requireTemplate(ctx.db, ctx.organizationId, templateId);
}

export const templateHandlers: Pick<
  Handlers,
  | 'templates.list'
  | 'templates.get'
  | 'templates.create'
  | 'templates.update'
  | 'templates.saveExercises'
  | 'templates.duplicate'
  | 'templates.fork'
  | 'templates.setArchived'
  | 'templates.delete'
  | 'templates.restore'
> = {
  'templates.list': (input, ctx) => listTemplates(ctx, input),
  'templates.get': (input, ctx) => requireTemplate(ctx.db, ctx.organizationId, input.id),
  'templates.create': (input, ctx) => createTemplate(ctx, input),
  'templates.update': (input, ctx) => updateTemplate(ctx, input),
  'templates.saveExercises': (input, ctx) => saveTemplateExercises(ctx, input),
  'templates.duplicate': (input, ctx) => duplicateTemplate(ctx, input),
  'templates.fork': (input, ctx) => forkTemplateForDays(ctx, input),
  'templates.setArchived': (input, ctx) => archiveTemplate(ctx, input),
  'templates.delete': (input, ctx) => deleteTemplate(ctx, input.id),
  'templates.restore': (input, ctx) => restoreTemplate(ctx, input.id),
};
