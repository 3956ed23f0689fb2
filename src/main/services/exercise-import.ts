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
import {
  CATEGORIES,
  EQUIPMENT,
  FORCES,
  LEVELS,
  MECHANICS,
  MUSCLES,
  category,
  equipment,
  force,
  level,
  mechanic,
  muscle,
} from '../../shared/domain/exercise';
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
/** Every rejection ends with this, so the user knows the library is as it was. */
const NOTHING_IMPORTED = 'Nothing was imported';
const MAX_NAME_LENGTH = 120;
const MAX_PRIMARY_MUSCLES = 10;
const MAX_SECONDARY_MUSCLES = MUSCLES.length;
const MAX_STEPS = 100;
const MAX_STEP_LENGTH = 5000;

/**
 * One entry of a library file, in our vocabularies (the format's own). `images` and `id` are
 * ignored. The messages here are fallbacks: `describeIssue` words each problem for the user.
 */
const libraryEntry = z.object({
  name: z.string().trim().min(1).max(MAX_NAME_LENGTH),
  force: force.nullish(),
  level: level,
  mechanic: mechanic.nullish(),
  equipment: equipment.nullish(),
  primaryMuscles: z.array(muscle).min(1).max(MAX_PRIMARY_MUSCLES),
  secondaryMuscles: z.array(muscle).max(MAX_SECONDARY_MUSCLES).nullish(),
  instructions: z.array(z.string().max(MAX_STEP_LENGTH)).max(MAX_STEPS).nullish(),
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

function invalidFile(reason: string, issues: FieldIssue[] = []): InvalidInput {
  return new InvalidInput(`${reason}. ${NOTHING_IMPORTED}`, issues);
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

function valueAt(entry: unknown, path: PropertyKey[]): unknown {
  let value = entry;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

interface FieldWords {
  /** The field as a person says it: "primary muscles". */
  label: string;
  /** One element of a list field: "primary muscle", "instruction step". */
  item?: string;
  /** What a list field holds: "muscles". */
  listOf?: string;
  /** What a valid value is, after "is not": "a muscle Lift Tracker knows". */
  known?: string;
  vocabulary?: readonly string[];
}

const FIELD_WORDS: Record<string, FieldWords> = {
  name: { label: 'name' },
  level: { label: 'level', known: 'a level Lift Tracker knows', vocabulary: LEVELS },
  category: { label: 'category', known: 'a category Lift Tracker knows', vocabulary: CATEGORIES },
  equipment: { label: 'equipment', known: 'equipment Lift Tracker knows', vocabulary: EQUIPMENT },
  mechanic: { label: 'mechanic', known: 'a mechanic Lift Tracker knows', vocabulary: MECHANICS },
  force: { label: 'force', known: 'a force Lift Tracker knows', vocabulary: FORCES },
  primaryMuscles: {
    label: 'primary muscles',
    item: 'primary muscle',
    listOf: 'muscles',
    known: 'a muscle Lift Tracker knows',
    vocabulary: MUSCLES,
  },
  secondaryMuscles: {
    label: 'secondary muscles',
    item: 'secondary muscle',
    listOf: 'muscles',
    known: 'a muscle Lift Tracker knows',
    vocabulary: MUSCLES,
  },
  instructions: { label: 'instructions', item: 'instruction step', listOf: 'steps' },
};

/** Longer vocabularies are shortened in each problem; the import card lists them in full once. */
const LONGEST_LISTED_VOCABULARY = 8;
const VALUES_LISTED = 6;
/** Gym words that are not in the format's vocabularies, and the word they mean. */
const COMMON_NAMES: Record<string, string> = {
  abs: 'abdominals',
  core: 'abdominals',
  delts: 'shoulders',
  hams: 'hamstrings',
  pecs: 'chest',
  quads: 'quadriceps',
  bodyweight: 'body only',
  'body weight': 'body only',
  'ez bar': 'e-z curl bar',
  band: 'bands',
};

function quoted(text: string, maxLength = 40): string {
  const shown = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  return `“${shown}”`;
}

/** A value from the file as a person would name it: “wings”, 42, an empty list. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.trim() === '' ? 'empty text' : quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  return 'an object';
}

/** What an entry that should be an object is instead: the text “Squat”, the number 3, a list. */
function describeNonObject(value: unknown): string {
  if (typeof value === 'string') return `the text ${quoted(value)}`;
  if (typeof value === 'number') return `the number ${value}`;
  return describeValue(value);
}

/** Edit distance, for suggesting the word a typo was meant to be. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The vocabulary word a wrong value most likely meant, if one is close enough to suggest. */
function closestWord(value: string, vocabulary: readonly string[]): string | undefined {
  const typed = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
  const common = COMMON_NAMES[typed];
  if (common && vocabulary.includes(common)) return common;
  const allowedTypos = typed.length < 5 ? 1 : 2;
  let best: { word: string; distance: number } | undefined;
  for (const word of vocabulary) {
    const distance = editDistance(typed, word.replace(/-/g, ' '));
    if (distance <= allowedTypos && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}

/** "beginner, intermediate or expert"; a long vocabulary is shortened. */
function listWords(vocabulary: readonly string[]): string {
  if (vocabulary.length > LONGEST_LISTED_VOCABULARY) {
    return `one of: ${vocabulary.slice(0, VALUES_LISTED).join(', ')}, …`;
  }
  return `${vocabulary.slice(0, -1).join(', ')} or ${vocabulary.at(-1)}`;
}

function whatToUse(value: unknown, vocabulary: readonly string[]): string {
  const suggestion = typeof value === 'string' ? closestWord(value, vocabulary) : undefined;
  return suggestion ? `did you mean ${quoted(suggestion)}?` : `use ${listWords(vocabulary)}`;
}

/** One zod issue about an entry, as a sentence that says what is wrong and what to do. */
function describeIssue(issue: z.core.$ZodIssue, entry: unknown): string {
  const [field, position] = issue.path;
  const words = typeof field === 'string' ? FIELD_WORDS[field] : undefined;
  if (!words) return `${issue.path.join('.')} ${issue.message}`.trim();
  const value = valueAt(
    entry,
    issue.path.filter((key) => typeof key !== 'symbol'),
  );
  const isItem = typeof position === 'number';
  const subject = isItem ? `${words.item ?? words.label} ${position + 1}` : `the ${words.label}`;

  if (!isItem && (value === undefined || value === null)) {
    if (field === 'name') return 'the name is missing (every exercise needs one)';
    if (field === 'primaryMuscles') return 'the primary muscles are missing (list at least one)';
    return words.vocabulary
      ? `the ${words.label} is missing (${whatToUse(value, words.vocabulary)})`
      : `${subject} is missing`;
  }
  switch (issue.code) {
    case 'invalid_value':
      if (words.vocabulary && words.known) {
        const named = isItem ? words.item : words.label;
        return `${named} ${describeValue(value)} is not ${words.known} (${whatToUse(value, words.vocabulary)})`;
      }
      break;
    case 'invalid_type': {
      const expected = issue.expected === 'array' ? `a list of ${words.listOf ?? words.label}` : 'text';
      return `${subject} should be ${expected}, not ${describeValue(value)}`;
    }
    case 'too_small':
      if (field === 'name') return 'the name is empty (give the exercise a name)';
      if (field === 'primaryMuscles') return 'no primary muscles are listed (add at least one)';
      break;
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (typeof value === 'string') {
        return `${subject} is ${value.length} characters long (shorten it to ${maximum} or fewer)`;
      }
      if (Array.isArray(value)) {
        return `${value.length} ${words.label} are listed (keep it to ${maximum} or fewer)`;
      }
      break;
    }
  }
  return `${subject}: ${issue.message}`;
}

/** "Entry 12 “Cable Fly”", or just "Entry 12" when the entry has no usable name. */
function entryLabel(entry: unknown, index: number): string {
  const name = valueAt(entry, ['name']);
  return typeof name === 'string' && name.trim()
    ? `Entry ${index + 1} ${quoted(name.trim(), 60)}`
    : `Entry ${index + 1}`;
}

/** Every problem in the file, each naming the entry by number and name. */
function checkEntries(entries: unknown[]): { exercises: ExerciseDescription[]; issues: FieldIssue[] } {
  const exercises: ExerciseDescription[] = [];
  const issues: FieldIssue[] = [];
  entries.forEach((entry, index) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      issues.push({
        path: [index],
        message: `Entry ${index + 1} is ${describeNonObject(entry)}, not an exercise (each entry must be an object with a name, level, category and primary muscles)`,
      });
      return;
    }
    const parsed = libraryEntry.safeParse(entry);
    if (parsed.success) {
      exercises.push(toLibraryExercise(parsed.data));
      return;
    }
    const label = entryLabel(entry, index);
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
      issues.push({ path: [index, ...path], message: `${label}: ${describeIssue(issue, entry)}` });
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
    throw invalidFile(`The file has ${count}`, issues.slice(0, MAX_LISTED_ISSUES));
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
