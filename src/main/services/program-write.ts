/**
 * Writing programs: a new program of empty weeks, and the builder's one write, `programs.save`,
 * which takes the whole document, checks it against the database, and writes only what changed
 * (weeks and days keep their ids; removed ones are tombstoned), then brings the calendars in line,
 * all in one transaction.
 */
import { and, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import {
  Conflict,
  InvalidInput,
  type FieldIssue,
  type OutputOf,
  type ParsedInputOf,
} from '../../shared/contract';
import type { ParsedProgramDocument, ProgramDetail } from '../../shared/domain/program';
import type { PrescriptionOverride } from '../../shared/domain/prescription';
import type { DrizzleTx } from '../db/client';
import { program, programDay, programWeek, workoutTemplate, workoutTemplateExercise } from '../db/schema';
import type { ServiceContext } from './context';
import { liveProgramOf, loadProgramDetail, requireProgramRow } from './program-read';
import { syncProgramSchedules } from './schedule-sync';
import { liveTemplateOf, type Queryable } from './template-read';
import { nameKey } from './copy-names';
import { canonicalJson, rekeyOverrides, type TemplateCopy } from './template-write';

type WeekInsert = typeof programWeek.$inferInsert;
type DayInsert = typeof programDay.$inferInsert;

export const REVISION_CONFLICT_MESSAGE =
  'This program was changed in another window: it has been reloaded, make your change again';

export async function createProgram(
  ctx: ServiceContext,
  input: ParsedInputOf<'programs.create'>,
): Promise<ProgramDetail> {
  const timestamp = ctx.now().toISOString();
  const stamps = { organizationId: ctx.organizationId, createdAt: timestamp, updatedAt: timestamp };
  const id = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(program).values({
      id,
      name: input.name,
      description: input.description,
      daysPerWeek: input.daysPerWeek,
      shiftOnMissed: input.shiftOnMissed,
      revision: 0,
      ...stamps,
    });
    await tx.insert(programWeek).values(
      Array.from({ length: input.weeks }, (_, index) => ({
        id: uuidv7(),
        programId: id,
        weekNumber: index + 1,
        ...stamps,
      })),
    );
  });
  ctx.touched('program', 'program_week');
  return loadProgramDetail(ctx.db, ctx.organizationId, id, ctx.now());
}

const dayPath = (weekIndex: number, dayPosition: number) => [
  'document',
  'weeks',
  weekIndex,
  'days',
  dayPosition,
];

/**
 * What the document refers to must be the organization's and this program's: live templates
 * (archived ones are fine; another program's own copies are not), and week and day ids no other
 * program holds. Returns each template's live exercise ids (to drop stale override keys).
 */
async function checkReferences(
  tx: Queryable,
  organizationId: string,
  programId: string,
  document: ParsedProgramDocument,
): Promise<Map<string, Set<string>>> {
  const days = document.weeks.flatMap((week, weekIndex) =>
    week.days.map((day, dayPosition) => ({ day, weekIndex, dayPosition })),
  );
  const templateIds = [...new Set(days.flatMap(({ day }) => (day.templateId ? [day.templateId] : [])))];
  const templates = new Map(
    (templateIds.length === 0
      ? []
      : await tx
          .select({ id: workoutTemplate.id, ownerProgramId: workoutTemplate.ownerProgramId })
          .from(workoutTemplate)
          .where(and(liveTemplateOf(organizationId), inArray(workoutTemplate.id, templateIds)))
    ).map((row) => [row.id, row]),
  );
  const weekIds = document.weeks.map((week) => week.id);
  const foreignWeeks = new Set(
    (
      await tx
        .select({ id: programWeek.id })
        .from(programWeek)
        .where(and(inArray(programWeek.id, weekIds), ne(programWeek.programId, programId)))
    ).map((row) => row.id),
  );
  const dayIds = days.map(({ day }) => day.id);
  const foreignDays = new Set(
    dayIds.length === 0
      ? []
      : (
          await tx
            .select({ id: programDay.id })
            .from(programDay)
            .innerJoin(programWeek, eq(programWeek.id, programDay.programWeekId))
            .where(and(inArray(programDay.id, dayIds), ne(programWeek.programId, programId)))
        ).map((row) => row.id),
  );

  const issues: FieldIssue[] = [];
  document.weeks.forEach((week, weekIndex) => {
    if (foreignWeeks.has(week.id)) {
      issues.push({
        path: ['document', 'weeks', weekIndex, 'id'],
        message: `Week ${weekIndex + 1} belongs to another program: give it a new id`,
      });
    }
  });
  for (const { day, weekIndex, dayPosition } of days) {
    const where = `Week ${weekIndex + 1}, day ${day.dayIndex + 1}`;
    if (foreignDays.has(day.id)) {
      issues.push({
        path: [...dayPath(weekIndex, dayPosition), 'id'],
        message: `${where} belongs to another program: give it a new id`,
      });
    }
    if (!day.templateId) continue;
    const template = templates.get(day.templateId);
    if (!template) {
      issues.push({
        path: [...dayPath(weekIndex, dayPosition), 'templateId'],
        message: `${where} uses a template that does not exist or has been deleted: pick another`,
      });
    } else if (template.ownerProgramId !== null && template.ownerProgramId !== programId) {
      issues.push({
        path: [...dayPath(weekIndex, dayPosition), 'templateId'],
        message: `${where} uses another program's own copy of a template: pick a library template`,
      });
    }
  }
  if (issues.length > 0) throw new InvalidInput(issues[0]!.message, issues);

  const exerciseIds = new Map<string, Set<string>>(templateIds.map((id) => [id, new Set()]));
  if (templateIds.length > 0) {
    const rows = await tx
      .select({ id: workoutTemplateExercise.id, templateId: workoutTemplateExercise.templateId })
      .from(workoutTemplateExercise)
      .where(
        and(
          inArray(workoutTemplateExercise.templateId, templateIds),
          isNull(workoutTemplateExercise.deletedAt),
        ),
      );
    for (const row of rows) exerciseIds.get(row.templateId)?.add(row.id);
  }
  return exerciseIds;
}

/** The overrides that still name an exercise of the day's template (a template edit can leave stale ones); null when none. */
function liveOverrides(
  overrides: Record<string, PrescriptionOverride>,
  exerciseIds: ReadonlySet<string> | undefined,
): Record<string, PrescriptionOverride> | null {
  const kept = Object.entries(overrides).filter(([key]) => exerciseIds?.has(key));
  return kept.length > 0 ? Object.fromEntries(kept) : null;
}

/** Inserts new rows and rewrites changed ones (reviving tombstoned ids) in one statement per table. */
async function upsertWeeks(tx: DrizzleTx, rows: WeekInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(programWeek)
    .values(rows)
    .onConflictDoUpdate({
      target: programWeek.id,
      set: {
        weekNumber: sql`excluded.week_number`,
        phase: sql`excluded.phase`,
        deload: sql`excluded.deload`,
        volumeFactor: sql`excluded.volume_factor`,
        intensityDeltaPercent: sql`excluded.intensity_delta_percent`,
        rpeDelta: sql`excluded.rpe_delta`,
        updatedAt: sql`excluded.updated_at`,
        deletedAt: null,
      },
    });
}

async function upsertDays(tx: DrizzleTx, rows: DayInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await tx
    .insert(programDay)
    .values(rows)
    .onConflictDoUpdate({
      target: programDay.id,
      set: {
        programWeekId: sql`excluded.program_week_id`,
        dayIndex: sql`excluded.day_index`,
        templateId: sql`excluded.template_id`,
        overrides: sql`excluded.overrides`,
        updatedAt: sql`excluded.updated_at`,
        deletedAt: null,
      },
    });
}

/** Writes the weeks and days that differ from the stored ones; returns the tables it changed. */
async function writeWeeksAndDays(
  tx: DrizzleTx,
  organizationId: string,
  programId: string,
  document: ParsedProgramDocument,
  exerciseIds: Map<string, Set<string>>,
  timestamp: string,
): Promise<{ weeks: boolean; days: boolean }> {
  const stamps = { organizationId, createdAt: timestamp, updatedAt: timestamp };
  const storedWeeks = new Map(
    (await tx.select().from(programWeek).where(eq(programWeek.programId, programId))).map((row) => [
      row.id,
      row,
    ]),
  );
  const storedDays = new Map(
    (
      await tx
        .select({ day: programDay })
        .from(programDay)
        .innerJoin(programWeek, eq(programWeek.id, programDay.programWeekId))
        .where(eq(programWeek.programId, programId))
    ).map(({ day }) => [day.id, day]),
  );

  const weekRows: WeekInsert[] = [];
  const dayRows: DayInsert[] = [];
  document.weeks.forEach((week, weekIndex) => {
    const columns = {
      weekNumber: weekIndex + 1,
      phase: week.phase,
      deload: week.deload,
      volumeFactor: week.volumeFactor,
      intensityDeltaPercent: week.intensityDeltaPercent,
      rpeDelta: week.rpeDelta,
    };
    const stored = storedWeeks.get(week.id);
    const same =
      stored?.deletedAt === null &&
      (Object.keys(columns) as (keyof typeof columns)[]).every((key) => stored[key] === columns[key]);
    if (!same) weekRows.push({ id: week.id, programId, ...columns, ...stamps });

    for (const day of week.days) {
      const dayColumns = {
        programWeekId: week.id,
        dayIndex: day.dayIndex,
        templateId: day.templateId,
        overrides: day.templateId ? liveOverrides(day.overrides, exerciseIds.get(day.templateId)) : null,
      };
      const storedDay = storedDays.get(day.id);
      const sameDay =
        storedDay?.deletedAt === null &&
        storedDay.programWeekId === dayColumns.programWeekId &&
        storedDay.dayIndex === dayColumns.dayIndex &&
        storedDay.templateId === dayColumns.templateId &&
        canonicalJson(storedDay.overrides) === canonicalJson(dayColumns.overrides);
      if (!sameDay) dayRows.push({ id: day.id, ...dayColumns, ...stamps });
    }
  });

  const keptWeeks = new Set(document.weeks.map((week) => week.id));
  const keptDays = new Set(document.weeks.flatMap((week) => week.days.map((day) => day.id)));
  const removedWeeks = [...storedWeeks.values()].filter(
    (row) => row.deletedAt === null && !keptWeeks.has(row.id),
  );
  const removedDays = [...storedDays.values()].filter(
    (row) => row.deletedAt === null && !keptDays.has(row.id),
  );

  // Weeks first: new days point at them.
  await upsertWeeks(tx, weekRows);
  await upsertDays(tx, dayRows);
  const tombstone = { deletedAt: timestamp, updatedAt: timestamp };
  if (removedDays.length > 0) {
    await tx
      .update(programDay)
      .set(tombstone)
      .where(
        inArray(
          programDay.id,
          removedDays.map((row) => row.id),
        ),
      );
  }
  if (removedWeeks.length > 0) {
    await tx
      .update(programWeek)
      .set(tombstone)
      .where(
        inArray(
          programWeek.id,
          removedWeeks.map((row) => row.id),
        ),
      );
  }
  return {
    weeks: weekRows.length > 0 || removedWeeks.length > 0,
    days: dayRows.length > 0 || removedDays.length > 0,
  };
}

function revisionConflict(revision: number): Conflict {
  return new Conflict(REVISION_CONFLICT_MESSAGE, { revision });
}

/** The builder's one write: the whole document, based on the revision the builder last read. */
export async function saveProgram(
  ctx: ServiceContext,
  input: ParsedInputOf<'programs.save'>,
): Promise<OutputOf<'programs.save'>> {
  const timestamp = ctx.now().toISOString();
  const { document } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await requireProgramRow(tx, ctx.organizationId, input.id);
    if (row.revision !== input.baseRevision) throw revisionConflict(row.revision);
    const exerciseIds = await checkReferences(tx, ctx.organizationId, input.id, document);
    const changed = await writeWeeksAndDays(
      tx,
      ctx.organizationId,
      input.id,
      document,
      exerciseIds,
      timestamp,
    );
    const [saved] = await tx
      .update(program)
      .set({
        name: document.name,
        description: document.description,
        daysPerWeek: document.daysPerWeek,
        shiftOnMissed: document.shiftOnMissed,
        revision: input.baseRevision + 1,
        updatedAt: timestamp,
      })
      .where(and(liveProgramOf(ctx.organizationId, input.id), eq(program.revision, input.baseRevision)))
      .returning({ id: program.id });
    if (!saved) throw revisionConflict(row.revision);
    ctx.touched('program');
    if (changed.weeks) ctx.touched('program_week');
    if (changed.days) ctx.touched('program_day');
    const schedule = await syncProgramSchedules(tx, ctx, input.id);
    return { program: await loadProgramDetail(tx, ctx.organizationId, input.id, ctx.now()), schedule };
  });
}

/** Names of the organization's live programs, as clash keys. */
export async function programNames(db: Queryable, organizationId: string): Promise<Set<string>> {
  const rows = await db.select({ name: program.name }).from(program).where(liveProgramOf(organizationId));
  return new Set(rows.map((row) => nameKey(row.name)));
}

/** A week to write into a new program: its modifiers and days (template ids before any copying). */
export interface NewProgramWeek {
  phase: string | null;
  deload: boolean;
  volumeFactor: number;
  intensityDeltaPercent: number;
  rpeDelta: number;
  days: { dayIndex: number; templateId: string | null; overrides: Record<string, PrescriptionOverride> }[];
}

/**
 * The weeks and days of a new program (duplicate, import), with new ids. Days on a template that
 * was copied for the new program point at the copy, their overrides re-keyed to its exercises.
 */
export async function insertProgramWeeks(
  tx: Queryable,
  organizationId: string,
  programId: string,
  weeks: readonly NewProgramWeek[],
  copies: ReadonlyMap<string, TemplateCopy>,
  timestamp: string,
): Promise<void> {
  const stamps = { organizationId, createdAt: timestamp, updatedAt: timestamp };
  const weekRows: WeekInsert[] = [];
  const dayRows: DayInsert[] = [];
  weeks.forEach((week, weekIndex) => {
    const weekId = uuidv7();
    weekRows.push({
      id: weekId,
      programId,
      weekNumber: weekIndex + 1,
      phase: week.phase,
      deload: week.deload,
      volumeFactor: week.volumeFactor,
      intensityDeltaPercent: week.intensityDeltaPercent,
      rpeDelta: week.rpeDelta,
      ...stamps,
    });
    for (const day of week.days) {
      const copy = day.templateId ? copies.get(day.templateId) : undefined;
      const overrides = copy
        ? rekeyOverrides(day.overrides, copy.exerciseIds)
        : Object.keys(day.overrides).length > 0
          ? day.overrides
          : null;
      dayRows.push({
        id: uuidv7(),
        programWeekId: weekId,
        dayIndex: day.dayIndex,
        templateId: copy?.id ?? day.templateId,
        overrides,
        ...stamps,
      });
    }
  });
  if (weekRows.length > 0) await tx.insert(programWeek).values(weekRows);
  // Rows per statement stay far below Postgres's 65 535 parameters (52 weeks × 7 days × 9).
  if (dayRows.length > 0) await tx.insert(programDay).values(dayRows);
}
