/**
 * Moving a program between devices: export it as a program file (program-file.ts), import one.
 * An import is all or nothing: the whole file is checked first with the same rules the app's own
 * writes follow (the program document's, each template exercise's), its exercises are found in
 * this organization's library (by id, else by name), and every problem is reported at once;
 * only a clean file is written, in one transaction, as a new program with new templates.
 */
import type { z } from 'zod';
import { inArray, or, and } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { InvalidInput, type FieldIssue, type OutputOf } from '../../shared/contract';
import { id as idSchema } from '../../shared/domain/common';
import { programDocument, type ParsedProgramDocument, type ProgramDetail } from '../../shared/domain/program';
import { templateExerciseInput, type TemplateExerciseFields } from '../../shared/domain/prescription';
import { templateFields } from '../../shared/domain/template';
import { exercise, program, workoutTemplate, workoutTemplateExercise } from '../db/schema';
import type { ServiceContext } from './context';
import { freeName } from './copy-names';
import { exerciseNameKey, exerciseNameKeySql, visibleExercise } from './exercise-search';
import {
  PROGRAM_FILE_EXTENSION,
  PROGRAM_FILE_FORMAT,
  PROGRAM_FILE_VERSION,
  slugify,
  toProgramFile,
} from './program-file';
import { loadProgramDetail } from './program-read';
import { insertProgramWeeks, programNames } from './program-write';
import type { Queryable } from './template-read';
import {
  libraryTemplateNames,
  templateExerciseColumns,
  type TemplateCopy,
  type TemplateExerciseInsert,
} from './template-write';

/** Enough for one template per day of a year-long, seven-day program. */
const MAX_TEMPLATES = 400;
const MAX_EXERCISES = 40;
/** Issues listed in the error; its message gives the full count. */
const MAX_LISTED_ISSUES = 200;
/** Rows per INSERT, far below Postgres's 65 535 parameters per statement. */
const INSERT_BATCH_SIZE = 500;
/** Stands in for the exercise while a file's exercise row is checked (it is resolved separately). */
const PENDING_EXERCISE_ID = '00000000-0000-7000-8000-000000000000';

export async function exportProgram(
  ctx: ServiceContext,
  programId: string,
): Promise<OutputOf<'programs.export'>> {
  const detail = await loadProgramDetail(ctx.db, ctx.organizationId, programId, ctx.now());
  return {
    fileName: `${slugify(detail.name)}${PROGRAM_FILE_EXTENSION}`,
    json: `${JSON.stringify(toProgramFile(detail, ctx.now()), null, 2)}\n`,
  };
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function rejected(message: string): InvalidInput {
  return new InvalidInput(message, [{ path: [], message }]);
}

function parseFile(text: string): Json {
  if (text.trim() === '') throw rejected('The file is empty');
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw rejected(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isObject(raw) || raw.format !== PROGRAM_FILE_FORMAT) {
    throw rejected('This is not a Lift Tracker program file');
  }
  const { version } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw rejected('This is not a Lift Tracker program file (its version is missing)');
  }
  if (version > PROGRAM_FILE_VERSION) {
    throw rejected(
      'This program file was made by a newer version of Lift Tracker: update Lift Tracker, then import it again',
    );
  }
  return raw;
}

interface PlannedExercise {
  key: string;
  fields: TemplateExerciseFields;
  ref: { id: string | null; name: string };
}

interface PlannedTemplate {
  /** The new template's id. */
  id: string;
  /** The file's id for it, which its days and overrides use. */
  key: string;
  name: string;
  description: string;
  tags: string[];
  programCopy: boolean;
  forkedFromKey: string | null;
  exercises: PlannedExercise[];
}

/** Collects issues with a readable place ("Template “Upper A”, exercise 3") in front of each message. */
class IssueList {
  readonly issues: FieldIssue[] = [];

  /** "Template 4 is not a template", "Week 2: RPE change goes in half steps". */
  add(path: (string | number)[], where: string, message: string): void {
    const joined = !where ? message : /^[a-z]/.test(message) ? `${where} ${message}` : `${where}: ${message}`;
    this.issues.push({ path, message: joined });
  }

  addZod(base: (string | number)[], where: (path: PropertyKey[]) => string, error: z.ZodError): void {
    for (const issue of error.issues) {
      const path = issue.path.map((key) => (typeof key === 'number' ? key : String(key)));
      // A message that already says which week it is about needs no place in front.
      this.add([...base, ...path], /^Week \d/.test(issue.message) ? '' : where(issue.path), issue.message);
    }
  }
}

function templateLabel(raw: unknown, index: number): string {
  const name = isObject(raw) && typeof raw.name === 'string' ? raw.name.trim() : '';
  return name ? `Template “${name}”` : `Template ${index + 1}`;
}

/** Checks each template and exercise row of the file; the exercises are resolved afterwards. */
function planTemplates(rawTemplates: unknown, issues: IssueList): PlannedTemplate[] {
  if (rawTemplates === undefined) return [];
  if (!Array.isArray(rawTemplates)) {
    issues.add(['templates'], '', 'The file’s templates are not a list');
    return [];
  }
  if (rawTemplates.length > MAX_TEMPLATES) {
    issues.add(
      ['templates'],
      '',
      `The file has ${rawTemplates.length} templates; a program uses at most ${MAX_TEMPLATES}`,
    );
    return [];
  }
  const keys = new Set<string>();
  return rawTemplates.flatMap((raw, t): PlannedTemplate[] => {
    const where = templateLabel(raw, t);
    const path = ['templates', t];
    if (!isObject(raw)) {
      issues.add(path, where, 'is not a template (an object with a name and exercises)');
      return [];
    }
    if (typeof raw.id !== 'string' || raw.id === '') issues.add([...path, 'id'], where, 'has no id');
    else if (keys.has(raw.id))
      issues.add([...path, 'id'], where, 'has the same id as another template in the file');
    else keys.add(raw.id);
    const fields = templateFields.safeParse({ name: raw.name, description: raw.description, tags: raw.tags });
    if (!fields.success) issues.addZod(path, () => where, fields.error);
    if (raw.programCopy !== undefined && typeof raw.programCopy !== 'boolean') {
      issues.add([...path, 'programCopy'], where, '“programCopy” must be true or false');
    }
    const forkedFromKey = typeof raw.forkedFromId === 'string' ? raw.forkedFromId : null;
    const exercises = planExercises(raw.exercises, [...path, 'exercises'], where, issues);
    if (!fields.success || typeof raw.id !== 'string') return [];
    return [
      {
        id: uuidv7(),
        ...fields.data,
        programCopy: raw.programCopy === true,
        forkedFromKey,
        key: raw.id,
        exercises,
      },
    ];
  });
}

function planExercises(
  rawExercises: unknown,
  path: (string | number)[],
  where: string,
  issues: IssueList,
): PlannedExercise[] {
  if (rawExercises === undefined) return [];
  if (!Array.isArray(rawExercises)) {
    issues.add(path, where, 'has exercises that are not a list');
    return [];
  }
  if (rawExercises.length > MAX_EXERCISES) {
    issues.add(path, where, `A template can hold at most ${MAX_EXERCISES} exercises`);
    return [];
  }
  const keys = new Set<string>();
  return rawExercises.flatMap((raw, i): PlannedExercise[] => {
    const at = `${where}, exercise ${i + 1}`;
    if (!isObject(raw)) {
      issues.add([...path, i], at, 'is not an exercise row');
      return [];
    }
    const { id: key, exercise: ref, ...prescription } = raw;
    let ok = true;
    if (typeof key !== 'string' || key === '') {
      issues.add([...path, i, 'id'], at, 'has no id');
      ok = false;
    } else if (keys.has(key)) {
      issues.add([...path, i, 'id'], at, 'has the same id as another exercise of the template');
      ok = false;
    } else keys.add(key);
    const name = isObject(ref) && typeof ref.name === 'string' ? ref.name.trim() : '';
    if (!name) {
      issues.add([...path, i, 'exercise'], at, 'does not say which exercise it is (a name is needed)');
      ok = false;
    }
    const fields = templateExerciseInput.safeParse({ ...prescription, exerciseId: PENDING_EXERCISE_ID });
    if (!fields.success) {
      issues.addZod([...path, i], () => at, fields.error);
      ok = false;
    }
    if (!ok || !fields.success) return [];
    const refId = isObject(ref) && idSchema.safeParse(ref.id).success ? (ref.id as string) : null;
    return [{ key: key as string, fields: fields.data, ref: { id: refId, name } }];
  });
}

/** Finds each exercise in the organization's library: by id when it sees that id, else by name. */
async function resolveExercises(
  db: Queryable,
  organizationId: string,
  templates: readonly PlannedTemplate[],
  issues: IssueList,
): Promise<void> {
  const refs = templates.flatMap((template) => template.exercises.map((item) => item.ref));
  if (refs.length === 0) return;
  const ids = [...new Set(refs.flatMap((ref) => (ref.id ? [ref.id] : [])))];
  const names = [...new Set(refs.map((ref) => exerciseNameKey(ref.name)))];
  const rows = await db
    .select({ id: exercise.id, name: exercise.name })
    .from(exercise)
    .where(
      and(
        visibleExercise(organizationId),
        or(ids.length > 0 ? inArray(exercise.id, ids) : undefined, inArray(exerciseNameKeySql, names)),
      ),
    );
  const byId = new Set(rows.map((row) => row.id));
  const byName = new Map(rows.map((row) => [exerciseNameKey(row.name), row.id]));
  templates.forEach((template, t) => {
    template.exercises.forEach((item, i) => {
      const found =
        item.ref.id && byId.has(item.ref.id) ? item.ref.id : byName.get(exerciseNameKey(item.ref.name));
      if (found) item.fields = { ...item.fields, exerciseId: found };
      else {
        issues.add(
          ['templates', t, 'exercises', i, 'exercise'],
          `Template “${template.name}”, exercise ${i + 1}`,
          `“${item.ref.name}” is not in your exercise library: add it as a custom exercise, or import a library that has it`,
        );
      }
    });
  });
}

/** Where in the program a document issue is: "Week 2, day 3", or "Program". */
function programPlace(rawProgram: Json, path: PropertyKey[]): string {
  const [weeks, weekIndex, days, dayPosition] = path;
  if (weeks !== 'weeks' || typeof weekIndex !== 'number') return 'Program';
  if (days !== 'days' || typeof dayPosition !== 'number') return `Week ${weekIndex + 1}`;
  const rawWeeks = rawProgram.weeks as unknown[];
  const rawDays = isObject(rawWeeks[weekIndex]) ? (rawWeeks[weekIndex] as Json).days : undefined;
  const rawDay = Array.isArray(rawDays) ? rawDays[dayPosition] : undefined;
  const dayIndex = isObject(rawDay) && typeof rawDay.dayIndex === 'number' ? rawDay.dayIndex : dayPosition;
  return `Week ${weekIndex + 1}, day ${dayIndex + 1}`;
}

/**
 * The program part as a program document (new week and day ids, days pointing at the new
 * template ids), checked by the document's own rules.
 */
function planProgram(
  rawProgram: unknown,
  templateIds: ReadonlyMap<string, string>,
  issues: IssueList,
): ParsedProgramDocument | null {
  if (!isObject(rawProgram)) {
    issues.add(['program'], '', 'The file holds no program');
    return null;
  }
  const mapDay = (raw: unknown, weekIndex: number, dayPosition: number) => {
    if (!isObject(raw)) return raw;
    let templateId: string | null = null;
    if (typeof raw.templateId === 'string') {
      templateId = templateIds.get(raw.templateId) ?? null;
      if (!templateId) {
        issues.add(
          ['program', 'weeks', weekIndex, 'days', dayPosition, 'templateId'],
          programPlace(rawProgram, ['weeks', weekIndex, 'days', dayPosition]),
          'uses a template that is not in the file',
        );
      }
    } else if (raw.templateId !== null && raw.templateId !== undefined) {
      templateId = raw.templateId as string; // not text: the document's rules report it
    }
    return { id: uuidv7(), dayIndex: raw.dayIndex, templateId, overrides: raw.overrides };
  };
  const document = {
    name: rawProgram.name,
    description: rawProgram.description,
    daysPerWeek: rawProgram.daysPerWeek,
    shiftOnMissed: rawProgram.shiftOnMissed,
    weeks: Array.isArray(rawProgram.weeks)
      ? rawProgram.weeks.map((week: unknown, weekIndex) =>
          isObject(week)
            ? {
                id: uuidv7(),
                phase: week.phase,
                deload: week.deload,
                volumeFactor: week.volumeFactor,
                intensityDeltaPercent: week.intensityDeltaPercent,
                rpeDelta: week.rpeDelta,
                days: Array.isArray(week.days)
                  ? week.days.map((day: unknown, dayPosition) => mapDay(day, weekIndex, dayPosition))
                  : week.days,
              }
            : week,
        )
      : rawProgram.weeks,
  };
  const parsed = programDocument.safeParse(document);
  if (!parsed.success) {
    issues.addZod(['program'], (path) => programPlace(rawProgram, path), parsed.error);
    return null;
  }
  return parsed.data;
}

export async function importProgram(ctx: ServiceContext, json: string): Promise<ProgramDetail> {
  const file = parseFile(json);
  const issues = new IssueList();
  const templates = planTemplates(file.templates, issues);
  await resolveExercises(ctx.db, ctx.organizationId, templates, issues);
  const templateIds = new Map(templates.map((template) => [template.key, template.id]));
  const document = planProgram(file.program, templateIds, issues);
  if (issues.issues.length > 0 || !document) {
    const count = issues.issues.length;
    const first = issues.issues[0]?.message ?? 'The program is not valid';
    throw new InvalidInput(
      `The program file has ${count} problem${count === 1 ? '' : 's'}, so nothing was imported: ${first}${count > 1 ? ` (and ${count - 1} more)` : ''}`,
      issues.issues.slice(0, MAX_LISTED_ISSUES),
    );
  }

  const timestamp = ctx.now().toISOString();
  const stamps = { organizationId: ctx.organizationId, createdAt: timestamp, updatedAt: timestamp };
  const programId = uuidv7();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(program).values({
      id: programId,
      name: freeName(document.name, 'imported', await programNames(tx, ctx.organizationId)),
      description: document.description,
      daysPerWeek: document.daysPerWeek,
      shiftOnMissed: document.shiftOnMissed,
      revision: 0,
      ...stamps,
    });
    const libraryNames = await libraryTemplateNames(tx, ctx.organizationId);
    const copies = new Map<string, TemplateCopy>();
    const exerciseRows: TemplateExerciseInsert[] = [];
    if (templates.length > 0) {
      await tx.insert(workoutTemplate).values(
        templates.map((template) => ({
          id: template.id,
          name: template.programCopy ? template.name : freeName(template.name, 'imported', libraryNames),
          description: template.description,
          tags: template.tags,
          ownerProgramId: template.programCopy ? programId : null,
          forkedFromId: (template.forkedFromKey && templateIds.get(template.forkedFromKey)) || null,
          ...stamps,
        })),
      );
    }
    for (const template of templates) {
      const exerciseIds = new Map<string, string>();
      template.exercises.forEach((item, position) => {
        const id = uuidv7();
        exerciseIds.set(item.key, id);
        exerciseRows.push({
          id,
          templateId: template.id,
          ...templateExerciseColumns(item.fields, position),
          ...stamps,
        });
      });
      copies.set(template.id, { id: template.id, exerciseIds });
    }
    for (let start = 0; start < exerciseRows.length; start += INSERT_BATCH_SIZE) {
      await tx.insert(workoutTemplateExercise).values(exerciseRows.slice(start, start + INSERT_BATCH_SIZE));
    }
    await insertProgramWeeks(tx, ctx.organizationId, programId, document.weeks, copies, timestamp);
  });
  ctx.touched('program', 'program_week', 'program_day', 'workout_template', 'workout_template_exercise');
  return loadProgramDetail(ctx.db, ctx.organizationId, programId, ctx.now());
}
