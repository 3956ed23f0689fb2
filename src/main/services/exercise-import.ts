/**
 * Importing an exercise library file in the free-exercise-db JSON format
 * (github.com/yuhonas/free-exercise-db, dist/exercises.json): an array of entries with name, force,
 * level, mechanic, equipment, primaryMuscles, secondaryMuscles, instructions, category, images, id.
 *
 * All or nothing: every entry is checked first and every problem is reported; only a clean file
 * is written, in one transaction. Names already in the library are merged, never doubled.
 */
import { and, eq } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import { z } from 'zod';
import { InvalidInput, type FieldIssue, type OutputOf, type ParsedInputOf } from '../../shared/contract';
import { category, equipment, force, level, mechanic, muscle } from '../../shared/domain/exercise';
import { exercise } from '../db/schema';
import type { ServiceContext } from './context';
import {
  exerciseNameKey,
  tidyExerciseName,
  visibleExercise,
  type ExerciseDescription,
} from './exercise-search';

/** Issues listed in an error; the message still gives the full count. */
const MAX_LISTED_ISSUES = 100;
/** Rows per INSERT, far below Postgres's 65 535 parameters per statement. */
const INSERT_BATCH_SIZE = 200;

/** One entry of a library file, in our vocabularies (the format's own). `images` and `id` are ignored. */
const libraryEntry = z.object({
  name: z
    .string({ message: 'is required' })
    .trim()
    .min(1, { message: 'is required' })
    .max(120, { message: 'must be at most 120 characters' }),
  force: force.nullish(),
  level: level,
  mechanic: mechanic.nullish(),
  equipment: equipment.nullish(),
  primaryMuscles: z.array(muscle).min(1, { message: 'needs at least one primary muscle' }).max(10),
  secondaryMuscles: z.array(muscle).max(17).nullish(),
  instructions: z
    .array(z.string().max(5000, { message: 'a step is longer than 5000 characters' }))
    .max(100)
    .nullish(),
  category: category,
});
type LibraryEntry = z.infer<typeof libraryEntry>;

/** An entry as it would be stored. */
function toLibraryExercise(entry: LibraryEntry): ExerciseDescription {
  const primaryMuscles = [...new Set(entry.primaryMuscles)];
  return {
    name: tidyExerciseName(entry.name),
    primaryMuscles,
    // The format lists a few muscles as both primary and secondary; primary wins.
    secondaryMuscles: [...new Set(entry.secondaryMuscles ?? [])].filter((m) => !primaryMuscles.includes(m)),
    equipment: entry.equipment ?? null,
    level: entry.level,
    category: entry.category,
    mechanic: entry.mechanic ?? null,
    force: entry.force ?? null,
    instructions: (entry.instructions ?? []).map((step) => step.trim()).filter((step) => step.length > 0),
  };
}

function invalidFile(message: string, issues: FieldIssue[] = []): InvalidInput {
  return new InvalidInput(message, issues);
}

/** JSON.parse with the line and column of a syntax error, which V8 gives only as an offset. */
function parseJson(content: string): unknown {
  if (content.trim() === '') throw invalidFile('The file is empty');
  try {
    return JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail)?.[1];
    let where = '';
    if (position !== undefined) {
      const before = content.slice(0, Number(position));
      const line = before.split('\n').length;
      const column = Number(position) - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    } else if (/end of JSON input/.test(detail)) {
      where = ' (it ends too early; was it cut short?)';
    }
    throw invalidFile(
      `The file is not valid JSON${where}: ${detail.replace(/ in JSON at position \d+.*$/, '')}`,
    );
  }
}

function describeValue(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function valueAt(entry: unknown, path: PropertyKey[]): unknown {
  let value = entry;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** Every problem in the file, each naming the entry by number and name. */
function checkEntries(entries: unknown[]): { exercises: ExerciseDescription[]; issues: FieldIssue[] } {
  const exercises: ExerciseDescription[] = [];
  const issues: FieldIssue[] = [];
  entries.forEach((entry, index) => {
    const rawName = valueAt(entry, ['name']);
    const label =
      typeof rawName === 'string' && rawName.trim()
        ? `Entry ${index + 1} ("${rawName.trim()}")`
        : `Entry ${index + 1}`;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      issues.push({ path: [index], message: `${label} is not an exercise object` });
      return;
    }
    const parsed = libraryEntry.safeParse(entry);
    if (parsed.success) {
      exercises.push(toLibraryExercise(parsed.data));
      return;
    }
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      const field = path
        .map((key) => (typeof key === 'number' ? `[${key}]` : key))
        .join('.')
        .replace(/\.\[/g, '[');
      const value = valueAt(entry, path);
      const got = path.length > 0 && value !== undefined ? ` (got ${describeValue(value)})` : '';
      issues.push({
        path: [index, ...path],
        message: `${label}: ${field ? `${field} ` : ''}${issue.message}${got}`,
      });
    }
  });
  return { exercises, issues };
}

/** The whole file checked: its exercises, one per name (the first occurrence wins). */
export function readExerciseLibrary(content: string): ExerciseDescription[] {
  const data = parseJson(content);
  if (!Array.isArray(data)) {
    const found = data === null ? 'null' : typeof data === 'object' ? 'an object' : `a ${typeof data}`;
    throw invalidFile(
      `The file must hold a JSON array of exercises (the free-exercise-db format), but it holds ${found}`,
    );
  }
  if (data.length === 0) throw invalidFile('The file holds no exercises (the array is empty)');

  const { exercises, issues } = checkEntries(data);
  if (issues.length > 0) {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    throw invalidFile(`The file has ${count}; nothing was imported`, issues.slice(0, MAX_LISTED_ISSUES));
  }

  const byName = new Map<string, ExerciseDescription>();
  for (const entry of exercises) {
    const key = exerciseNameKey(entry.name);
    if (!byName.has(key)) byName.set(key, entry);
  }
  return [...byName.values()];
}

/** What an existing organization row lacks and the file has; empty when there is nothing to add. */
function missingDetails(
  existing: Pick<
    ExerciseDescription,
    'primaryMuscles' | 'secondaryMuscles' | 'instructions' | 'equipment' | 'mechanic' | 'force'
  >,
  incoming: ExerciseDescription,
): Partial<ExerciseDescription> {
  const fill: Partial<ExerciseDescription> = {};
  const secondary = incoming.secondaryMuscles.filter((m) => !existing.primaryMuscles.includes(m));
  if (existing.secondaryMuscles.length === 0 && secondary.length > 0) fill.secondaryMuscles = secondary;
  if (existing.instructions.length === 0 && incoming.instructions.length > 0)
    fill.instructions = incoming.instructions;
  if (existing.equipment === null && incoming.equipment !== null) fill.equipment = incoming.equipment;
  if (existing.mechanic === null && incoming.mechanic !== null) fill.mechanic = incoming.mechanic;
  if (existing.force === null && incoming.force !== null) fill.force = incoming.force;
  return fill;
}

/**
 * Adds the file's new exercises (source 'import'). A name already in the library is matched
 * (case-insensitive, spaces trimmed and collapsed): the organization's own row gets only what it
 * lacks ("merged"); catalogue rows are never changed ("unchanged"). `total` counts distinct names.
 */
export async function importExerciseLibrary(
  ctx: ServiceContext,
  input: ParsedInputOf<'exercises.import'>,
): Promise<OutputOf<'exercises.import'>> {
  const incoming = readExerciseLibrary(input.content);
  const timestamp = ctx.now().toISOString();

  const counts = await ctx.db.transaction(async (tx) => {
    const existingRows = await tx
      .select({
        id: exercise.id,
        organizationId: exercise.organizationId,
        name: exercise.name,
        primaryMuscles: exercise.primaryMuscles,
        secondaryMuscles: exercise.secondaryMuscles,
        instructions: exercise.instructions,
        equipment: exercise.equipment,
        mechanic: exercise.mechanic,
        force: exercise.force,
      })
      .from(exercise)
      .where(visibleExercise(ctx.organizationId));
    const existingByName = new Map<string, (typeof existingRows)[number]>();
    for (const row of existingRows) {
      const key = exerciseNameKey(row.name);
      // Prefer the organization's own row, which can take merged details, over a catalogue one.
      if (!existingByName.has(key) || row.organizationId !== null) existingByName.set(key, row);
    }

    const toInsert: ExerciseDescription[] = [];
    let merged = 0;
    let unchanged = 0;
    for (const entry of incoming) {
      const existing = existingByName.get(exerciseNameKey(entry.name));
      if (!existing) {
        toInsert.push(entry);
        continue;
      }
      const fill = existing.organizationId === null ? {} : missingDetails(existing, entry);
      if (Object.keys(fill).length === 0) {
        unchanged += 1;
        continue;
      }
      await tx
        .update(exercise)
        .set({ ...fill, updatedAt: timestamp })
        .where(and(eq(exercise.id, existing.id), eq(exercise.organizationId, ctx.organizationId)));
      merged += 1;
    }

    for (let start = 0; start < toInsert.length; start += INSERT_BATCH_SIZE) {
      await tx.insert(exercise).values(
        toInsert.slice(start, start + INSERT_BATCH_SIZE).map((entry) => ({
          id: uuidv7(),
          organizationId: ctx.organizationId,
          source: 'import',
          ...entry,
          createdAt: timestamp,
          updatedAt: timestamp,
        })),
      );
    }
    return { added: toInsert.length, merged, unchanged };
  });

  if (counts.added > 0 || counts.merged > 0) ctx.touched('exercise');
  return { total: incoming.length, ...counts };
}
