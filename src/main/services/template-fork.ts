/**
 * "This week only": a copy of a template for some days of one program. The copy belongs to the
 * program (out of the library), is named after the weeks it serves, and takes over those days
 * with their overrides re-keyed to its own exercise rows; the calendars follow, all in one
 * transaction.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { InvalidInput, type FieldIssue, type ParsedInputOf } from '../../shared/contract';
import type { TemplateDetail } from '../../shared/domain/template';
import { program, programDay, programWeek } from '../db/schema';
import type { ServiceContext } from './context';
import { requireProgramRow, toOverrides } from './program-read';
import { syncProgramSchedules } from './schedule-sync';
import { loadTemplateDetails } from './template-read';
import { copyTemplate, rekeyOverrides, requireTemplateRow } from './template-write';

const MAX_NAME_LENGTH = 120;

/** Week numbers as people write them: "3", "3–4", "1–3, 5". */
function weekList(weekNumbers: readonly number[]): string {
  const sorted = [...new Set(weekNumbers)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const week of sorted) {
    const last = runs.at(-1);
    if (last && week === last[1] + 1) last[1] = week;
    else runs.push([week, week]);
  }
  return runs.map(([from, to]) => (from === to ? `${from}` : `${from}–${to}`)).join(', ');
}

/**
 * "Upper A · week 3", "Upper A · weeks 3–4", "Upper A · weeks 2, 5". Forking a fork names it
 * after the library template, not "Upper A · week 3 · week 3".
 */
export function forkName(templateName: string, weekNumbers: readonly number[]): string {
  const base = templateName.replace(/ · weeks? [\d–, ]+$/, '').trim() || templateName;
  const weeks = [...new Set(weekNumbers)];
  const suffix = ` · ${weeks.length === 1 ? 'week' : 'weeks'} ${weekList(weeks)}`;
  return `${base.slice(0, Math.max(1, MAX_NAME_LENGTH - suffix.length)).trimEnd()}${suffix}`.slice(
    0,
    MAX_NAME_LENGTH,
  );
}

export async function forkTemplateForDays(
  ctx: ServiceContext,
  input: ParsedInputOf<'templates.fork'>,
): Promise<TemplateDetail> {
  const timestamp = ctx.now().toISOString();
  const copyId = await ctx.db.transaction(async (tx) => {
    const source = await requireTemplateRow(tx, ctx.organizationId, input.id);
    const target = await requireProgramRow(tx, ctx.organizationId, input.programId);
    const dayIds = [...new Set(input.dayIds)];
    const days = await tx
      .select({
        id: programDay.id,
        templateId: programDay.templateId,
        overrides: programDay.overrides,
        dayIndex: programDay.dayIndex,
        weekNumber: programWeek.weekNumber,
      })
      .from(programDay)
      .innerJoin(programWeek, eq(programWeek.id, programDay.programWeekId))
      .where(
        and(
          inArray(programDay.id, dayIds),
          eq(programWeek.programId, target.id),
          isNull(programDay.deletedAt),
          isNull(programWeek.deletedAt),
        ),
      );
    const byId = new Map(days.map((day) => [day.id, day]));
    const issues: FieldIssue[] = [];
    input.dayIds.forEach((dayId, index) => {
      const day = byId.get(dayId);
      if (!day) {
        issues.push({
          path: ['dayIds', index],
          message: `Day ${index + 1} is not a day of “${target.name}” (it may have been removed): reload the program`,
        });
      } else if (day.templateId !== source.id) {
        issues.push({
          path: ['dayIds', index],
          message: `Week ${day.weekNumber}, day ${day.dayIndex + 1} does not use “${source.name}”, so it cannot take its copy`,
        });
      }
    });
    if (issues.length > 0) throw new InvalidInput(issues[0]!.message, issues);

    const copy = await copyTemplate(tx, ctx.organizationId, source, {
      name: forkName(
        source.name,
        days.map((day) => day.weekNumber),
      ),
      ownerProgramId: target.id,
      forkedFromId: source.id,
      timestamp,
    });
    for (const day of days) {
      await tx
        .update(programDay)
        .set({
          templateId: copy.id,
          overrides: rekeyOverrides(toOverrides(day.overrides), copy.exerciseIds),
          updatedAt: timestamp,
        })
        .where(eq(programDay.id, day.id));
    }
    await tx
      .update(program)
      .set({ revision: sql`${program.revision} + 1`, updatedAt: timestamp })
      .where(eq(program.id, target.id));
    ctx.touched('workout_template', 'workout_template_exercise', 'program_day', 'program');
    await syncProgramSchedules(tx, ctx, target.id);
    return copy.id;
  });
  const detail = (await loadTemplateDetails(ctx.db, ctx.organizationId, [copyId])).get(copyId);
  if (!detail) throw new Error(`The fork ${copyId} was not written`);
  return detail;
}
