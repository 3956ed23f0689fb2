/**
 * Programs: list, open, create, save (the builder's whole document), copy, archive, and move them
 * between devices as files. Applying a program to athletes lives in program-apply.ts.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { ParsedInputOf } from '../../shared/contract';
import type { ProgramDetail } from '../../shared/domain/program';
import { program, workoutTemplate } from '../db/schema';
import type { Handlers, ServiceContext } from './context';
import { numberedName } from './copy-names';
import { listPrograms } from './program-list';
import { liveProgramOf, loadProgramDetail, loadProgramWeeks, requireProgramRow } from './program-read';
import { exportProgram, importProgram } from './program-transfer';
import { createProgram, insertProgramWeeks, programNames, saveProgram } from './program-write';
import { copyTemplate, type TemplateCopy } from './template-write';

export function getProgram(ctx: ServiceContext, programId: string): Promise<ProgramDetail> {
  return loadProgramDetail(ctx.db, ctx.organizationId, programId, ctx.now());
}

/**
 * A copy: "X (copy)" or the name given, new week and day ids, the same library templates; the
 * source's own template copies are copied again for the new program. Not applied to anyone.
 */
export async function duplicateProgram(
  ctx: ServiceContext,
  input: ParsedInputOf<'programs.duplicate'>,
): Promise<ProgramDetail> {
  const timestamp = ctx.now().toISOString();
  const id = uuidv7();
  const copiedTemplates = await ctx.db.transaction(async (tx) => {
    const source = await requireProgramRow(tx, ctx.organizationId, input.id);
    const weeks = await loadProgramWeeks(tx, source.id);
    const name = input.name || numberedName(source.name, 'copy', await programNames(tx, ctx.organizationId));
    await tx.insert(program).values({
      id,
      organizationId: ctx.organizationId,
      name,
      description: source.description,
      daysPerWeek: source.daysPerWeek,
      shiftOnMissed: source.shiftOnMissed,
      revision: 0,
      createdAt: timestamp,
      updatedAt: timestamp,
    });
    const templateIds = [
      ...new Set(weeks.flatMap((week) => week.days.flatMap((day) => day.templateId ?? []))),
    ];
    const owned =
      templateIds.length === 0
        ? []
        : await tx
            .select()
            .from(workoutTemplate)
            .where(
              and(
                inArray(workoutTemplate.id, templateIds),
                eq(workoutTemplate.ownerProgramId, source.id),
                isNull(workoutTemplate.deletedAt),
              ),
            );
    const copies = new Map<string, TemplateCopy>();
    for (const template of owned) {
      // The copy stands to the library template where the source's copy stood.
      const copy = await copyTemplate(tx, ctx.organizationId, template, {
        name: template.name,
        ownerProgramId: id,
        forkedFromId: template.forkedFromId ?? template.id,
        timestamp,
      });
      copies.set(template.id, copy);
    }
    await insertProgramWeeks(tx, ctx.organizationId, id, weeks, copies, timestamp);
    return copies.size;
  });
  ctx.touched('program', 'program_week', 'program_day');
  if (copiedTemplates > 0) ctx.touched('workout_template', 'workout_template_exercise');
  return getProgram(ctx, id);
}

export async function archiveProgram(
  ctx: ServiceContext,
  input: ParsedInputOf<'programs.setArchived'>,
): Promise<ProgramDetail> {
  const row = await requireProgramRow(ctx.db, ctx.organizationId, input.id);
  if ((row.archivedAt !== null) !== input.archived) {
    const timestamp = ctx.now().toISOString();
    await ctx.db
      .update(program)
      .set({ archivedAt: input.archived ? timestamp : null, updatedAt: timestamp })
      .where(liveProgramOf(ctx.organizationId, input.id));
    ctx.touched('program');
  }
  return getProgram(ctx, input.id);
}

export const programHandlers: Pick<
  Handlers,
  | 'programs.list'
  | 'programs.get'
  | 'programs.create'
  | 'programs.save'
  | 'programs.duplicate'
  | 'programs.setArchived'
  | 'programs.export'
  | 'programs.import'
> = {
  'programs.list': (input, ctx) => listPrograms(ctx, input),
  'programs.get': (input, ctx) => getProgram(ctx, input.id),
  'programs.create': (input, ctx) => createProgram(ctx, input),
  'programs.save': (input, ctx) => saveProgram(ctx, input),
  'programs.duplicate': (input, ctx) => duplicateProgram(ctx, input),
  'programs.setArchived': (input, ctx) => archiveProgram(ctx, input),
  'programs.export': (input, ctx) => exportProgram(ctx, input.id),
  'programs.import': (input, ctx) => importProgram(ctx, input.json),
};
