import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AppError, fieldIssues } from '../../shared/contract';
import { REPO_ROOT } from '../db/test-support';
import { exercise } from '../db/schema';
import { exerciseNameKey } from './exercise-search';
import { callChannel, failureOf, snapshotTables, useServiceFixture } from './test-fixtures';

/** The real free-exercise-db file, read from the shared data folder (never copied into the repo). */
const LIBRARY_PATH = join(REPO_ROOT, '..', 'shared', 'data', 'free-exercise-db', 'exercises.json');

interface LibraryFileEntry {
  name: string;
  [field: string]: unknown;
}

let libraryText: string;
let library: LibraryFileEntry[];
// One database for the file. The malformed-file tests run first and change nothing; the merge
// tests use names the library file does not have.
const fixture = useServiceFixture();

beforeAll(async () => {
  libraryText = await readFile(LIBRARY_PATH, 'utf8');
  library = JSON.parse(libraryText) as LibraryFileEntry[];
});

function importFile(content: string, fileName = 'exercises.json') {
  return callChannel(fixture.ctx, 'exercises.import', { fileName, content });
}

async function liveNameKeys(): Promise<Set<string>> {
  const rows = await fixture.database.db
    .select({ name: exercise.name })
    .from(exercise)
    .where(isNull(exercise.deletedAt));
  return new Set(rows.map((row) => exerciseNameKey(row.name)));
}

async function liveExerciseCount(): Promise<number> {
  return (await liveNameKeys()).size;
}

function entry(name: string, fields: Partial<LibraryFileEntry> = {}): LibraryFileEntry {
  return {
    name,
    force: 'push',
    level: 'beginner',
    mechanic: 'compound',
    equipment: 'barbell',
    primaryMuscles: ['chest'],
    secondaryMuscles: ['triceps'],
    instructions: ['Lower the bar.', 'Press it up.'],
    category: 'strength',
    images: [],
    id: name.replace(/ /g, '_'),
    ...fields,
  };
}

/** An error's messages, for asserting on what a user would read. */
function issueMessages(error: AppError): string[] {
  return fieldIssues(error.toShape()).map((issue) => issue.message);
}

describe('a malformed library file', () => {
  async function expectNothingImported(content: string): Promise<AppError> {
    const before = await snapshotTables(fixture.database);
    const error = await failureOf(importFile(content));
    expect(error.code).toBe('invalid_input');
    expect(await snapshotTables(fixture.database)).toEqual(before);
    expect(fixture.takeTouched()).toEqual([]);
    expect(error.message).toMatch(/\. Nothing was imported$/);
    return error;
  }

  it('reports a JSON syntax error with its line and column, and imports nothing', async () => {
    const content =
      '[\n  {"name": "Good Press", "level": "beginner"},\n  {"name": "Broken" "level": "beginner"}\n]';
    const error = await expectNothingImported(content);
    expect(error.message).toMatch(/^The file is not valid JSON at line 3, column \d+/);
  });

  it('lists every bad entry among good ones, by number and name, and imports nothing', async () => {
    const entries = structuredClone(library);
    entries[4] = { ...entries[4]!, equipment: 'kettlebell' };
    entries[299] = { ...entries[299]!, primaryMuscles: ['pecs'] };
    delete (entries[600] as Partial<LibraryFileEntry>).name;
    const before = await liveExerciseCount();

    const error = await expectNothingImported(JSON.stringify(entries));
    expect(error.message).toBe('The file has 3 problems. Nothing was imported');
    const issues = fieldIssues(error.toShape());
    expect(issues.map((issue) => issue.path)).toEqual([
      [4, 'equipment'],
      [299, 'primaryMuscles', 0],
      [600, 'name'],
    ]);
    expect(issues.map((issue) => issue.message)).toEqual([
      `Entry 5 “${library[4]!.name}”: equipment “kettlebell” is not equipment Lift Tracker knows (did you mean “kettlebells”?)`,
      `Entry 300 “${library[299]!.name}”: primary muscle “pecs” is not a muscle Lift Tracker knows (did you mean “chest”?)`,
      'Entry 601: the name is missing (every exercise needs one)',
    ]);
    expect(await liveExerciseCount()).toBe(before);
  });

  it('lists at most 100 problems but counts them all', async () => {
    const entries = library.map((item) => ({ ...item, category: 'bodybuilding' }));
    const error = await expectNothingImported(JSON.stringify(entries));
    expect(error.message).toBe('The file has 873 problems. Nothing was imported');
    expect(issueMessages(error)).toHaveLength(100);
  });

  it.each([
    ['an empty file', '', 'The file is empty'],
    ['an empty array', '[]', 'The file holds no exercises (the array is empty)'],
    ['an object', '{"exercises": []}', 'but it holds an object'],
    ['a number', '42', 'but it holds a number'],
  ])('explains %s', async (_label, content, message) => {
    const error = await expectNothingImported(content);
    expect(error.message).toContain(message);
  });

  it('explains an entry that is not an object', async () => {
    const error = await expectNothingImported(JSON.stringify([entry('Fine Press'), 'Squat', null]));
    const notAnExercise =
      'not an exercise (each entry must be an object with a name, level, category and primary muscles)';
    expect(issueMessages(error)).toEqual([
      `Entry 2 is the text “Squat”, ${notAnExercise}`,
      `Entry 3 is null, ${notAnExercise}`,
    ]);
  });

  it('words each problem for the person fixing the file: the entry, what is wrong, what to use', async () => {
    const file = [
      entry('Fine Press'),
      entry(''),
      entry('Cable Fly', { primaryMuscles: ['wings'] }),
      entry('Row', { level: 'legendary' }),
      entry('Curl', { primaryMuscles: [] }),
      { ...entry('Plank'), category: undefined, force: 42 },
      entry('X'.repeat(130)),
      entry('Step Up', { instructions: 'Step up.' }),
    ];
    const error = await expectNothingImported(JSON.stringify(file));
    expect(error.message).toBe('The file has 8 problems. Nothing was imported');
    expect(fieldIssues(error.toShape())).toEqual([
      { path: [1, 'name'], message: 'Entry 2: the name is empty (give the exercise a name)' },
      {
        path: [2, 'primaryMuscles', 0],
        message:
          'Entry 3 “Cable Fly”: primary muscle “wings” is not a muscle Lift Tracker knows ' +
          '(use one of: abdominals, abductors, adductors, biceps, calves, chest, …)',
      },
      {
        path: [3, 'level'],
        message:
          'Entry 4 “Row”: level “legendary” is not a level Lift Tracker knows (use beginner, intermediate or expert)',
      },
      {
        path: [4, 'primaryMuscles'],
        message: 'Entry 5 “Curl”: no primary muscles are listed (add at least one)',
      },
      {
        path: [5, 'force'],
        message: 'Entry 6 “Plank”: force 42 is not a force Lift Tracker knows (use push, pull or static)',
      },
      {
        path: [5, 'category'],
        message:
          'Entry 6 “Plank”: the category is missing (use strength, powerlifting, olympic weightlifting, ' +
          'strongman, plyometrics, stretching or cardio)',
      },
      {
        path: [6, 'name'],
        message: `Entry 7 “${'X'.repeat(59)}…”: the name is 130 characters long (shorten it to 120 or fewer)`,
      },
      {
        path: [7, 'instructions'],
        message: 'Entry 8 “Step Up”: the instructions should be a list of steps, not “Step up.”',
      },
    ]);
  });
});

describe('importing the free-exercise-db library', () => {
  it('adds the 873 exercises that are new and matches the rest to what is already there', async () => {
    const before = await liveNameKeys();
    const expectedNew = library.filter((item) => !before.has(exerciseNameKey(item.name))).length;

    const result = await importFile(libraryText);
    expect(result.total).toBe(873);
    expect(result.added).toBe(expectedNew);
    // Catalogue rows are never modified, so every existing match is "unchanged".
    expect(result).toEqual({ total: 873, added: expectedNew, merged: 0, unchanged: 873 - expectedNew });
    expect(fixture.takeTouched()).toEqual(['exercise']);

    const imported = await fixture.database.db
      .select()
      .from(exercise)
      .where(and(eq(exercise.source, 'import'), eq(exercise.organizationId, fixture.ctx.organizationId)));
    expect(imported).toHaveLength(expectedNew);
    expect(await liveExerciseCount()).toBe(before.size + expectedNew);

    // Imported exercises are searchable at once, typos and all.
    const found = await callChannel(fixture.ctx, 'exercises.search', { text: 'barbell benchpres' });
    expect(found.items[0]?.name.toLowerCase()).toContain('bench press');
  });

  it('adds nothing when the same file is imported again', async () => {
    const afterFirst = await snapshotTables(fixture.database);
    fixture.takeTouched();

    expect(await importFile(libraryText)).toEqual({ total: 873, added: 0, merged: 0, unchanged: 873 });
    expect(await snapshotTables(fixture.database)).toEqual(afterFirst);
    expect(fixture.takeTouched()).toEqual([]);
  });

  it("merges a name already in the library, filling in only what the organization's exercise lacks", async () => {
    const bare = await callChannel(fixture.ctx, 'exercises.create', {
      name: 'Swiss Bar Press',
      primaryMuscles: ['chest'],
    });
    const detailed = await callChannel(fixture.ctx, 'exercises.create', {
      name: 'Football Bar Press',
      primaryMuscles: ['chest'],
      instructions: ['My own cue.'],
    });
    const [catalogueRow] = await fixture.database.db
      .select()
      .from(exercise)
      .where(and(isNull(exercise.organizationId), isNull(exercise.deletedAt)))
      .limit(1);
    const catalogueBefore = catalogueRow!;

    const file = [
      entry('  swiss   BAR press ', { secondaryMuscles: ['triceps', 'chest'], equipment: 'other' }),
      entry('Football Bar Press', { instructions: ['Their cue.'] }),
      entry(catalogueBefore.name.toUpperCase(), { instructions: ['Should not land.'] }),
      entry('Brand New Press'),
      entry('brand new press', { level: 'expert' }),
    ];
    const result = await importFile(JSON.stringify(file));
    expect(result).toEqual({ total: 4, added: 1, merged: 2, unchanged: 1 });

    const swiss = await callChannel(fixture.ctx, 'exercises.get', { id: bare.id });
    expect(swiss).toMatchObject({
      name: 'Swiss Bar Press',
      source: 'custom',
      secondaryMuscles: ['triceps'],
      equipment: 'other',
      instructions: ['Lower the bar.', 'Press it up.'],
    });
    const football = await callChannel(fixture.ctx, 'exercises.get', { id: detailed.id });
    expect(football.instructions).toEqual(['My own cue.']);
    expect(football.equipment).toBe('barbell');

    const [catalogueAfter] = await fixture.database.db
      .select()
      .from(exercise)
      .where(eq(exercise.id, catalogueBefore.id));
    expect(catalogueAfter).toEqual(catalogueBefore);

    const added = await callChannel(fixture.ctx, 'exercises.search', { text: 'brand new press' });
    expect(added.items.filter((item) => exerciseNameKey(item.name) === 'brand new press')).toHaveLength(1);
    expect(added.items[0]).toMatchObject({ name: 'Brand New Press', source: 'import', level: 'beginner' });
  });

  it('keeps imported exercises read-only', async () => {
    await importFile(JSON.stringify([entry('Imported Only Press')]));
    const found = await callChannel(fixture.ctx, 'exercises.search', { text: 'imported only press' });
    const error = await failureOf(callChannel(fixture.ctx, 'exercises.delete', { id: found.items[0]!.id }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('imported library');
  });
});
