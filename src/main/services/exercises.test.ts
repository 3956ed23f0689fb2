import { and, eq, isNull, sql } from 'drizzle-orm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract, type InputOf } from '../../shared/contract';
import { EQUIPMENT, LEVELS, MUSCLES } from '../../shared/domain/exercise';
import { exercise } from '../db/schema';
import { createCustomExercise } from './exercises';
import { exerciseNameKey } from './exercise-search';
import { callChannel as call, failureOf, snapshotTables, useServiceFixture } from './test-fixtures';

const fixture = useServiceFixture();

async function catalogueRows() {
  return fixture.database.db
    .select()
    .from(exercise)
    .where(and(isNull(exercise.organizationId), isNull(exercise.deletedAt)));
}

let nameCounter = 0;
function customFields(overrides: Partial<InputOf<'exercises.create'>> = {}): InputOf<'exercises.create'> {
  nameCounter += 1;
  return { name: `Zz Test Movement ${nameCounter}`, primaryMuscles: ['neck'], ...overrides };
}

describe('searching the library', () => {
  it('finds every bench press from "benchpres", bench presses first', async () => {
    const benchPresses = (await catalogueRows()).filter((row) =>
      row.name.toLowerCase().includes('bench press'),
    );
    expect(benchPresses.length).toBeGreaterThan(0);

    const result = await call(fixture.ctx, 'exercises.search', { text: 'benchpres', limit: 500 });
    const names = result.items.map((item) => item.name);
    expect(names).toEqual(expect.arrayContaining(benchPresses.map((row) => row.name)));
    const firstOthers = names.findIndex((name) => !name.toLowerCase().includes('bench press'));
    if (firstOthers !== -1) expect(firstOthers).toBeGreaterThanOrEqual(benchPresses.length);
    expect(result.total).toBe(result.items.length);
  });

  it('finds the squats from "squat", with names containing it ranked before fuzzy matches', async () => {
    const squats = (await catalogueRows()).filter((row) => row.name.toLowerCase().includes('squat'));
    expect(squats.length).toBeGreaterThan(0);

    const result = await call(fixture.ctx, 'exercises.search', { text: 'squat', limit: 500 });
    const names = result.items.map((item) => item.name);
    expect(names.slice(0, squats.length).every((name) => name.toLowerCase().includes('squat'))).toBe(true);
    expect(names).toEqual(expect.arrayContaining(squats.map((row) => row.name)));
  });

  it('ranks a name that starts with the text before one that merely contains it', async () => {
    await call(fixture.ctx, 'exercises.create', customFields({ name: 'Long Qqwerty' }));
    await call(fixture.ctx, 'exercises.create', customFields({ name: 'Qqwerty Hold' }));
    const result = await call(fixture.ctx, 'exercises.search', { text: 'qqwerty' });
    expect(result.items.map((item) => item.name).slice(0, 2)).toEqual(['Qqwerty Hold', 'Long Qqwerty']);
  });

  it('treats % and _ in the text as plain characters', async () => {
    const result = await call(fixture.ctx, 'exercises.search', { text: '%' });
    expect(result.total).toBe(0);
  });

  it('lists everything by name when there is no text, with the total beyond the page', async () => {
    const visible = await call(fixture.ctx, 'exercises.facets', {});
    const page = await call(fixture.ctx, 'exercises.search', { limit: 5 });
    expect(page.total).toBe(visible.total);
    expect(page.items).toHaveLength(Math.min(5, visible.total));
    const names = page.items.map((item) => item.name.toLowerCase());
    expect(names).toEqual([...names].sort());

    const beyond = await call(fixture.ctx, 'exercises.search', { offset: visible.total + 10 });
    expect(beyond).toEqual({ items: [], total: visible.total });
  });

  it('filters by primary muscle, or by primary and secondary muscles', async () => {
    const muscles = ['glutes' as const];
    const primary = await call(fixture.ctx, 'exercises.search', { muscles, limit: 500 });
    const any = await call(fixture.ctx, 'exercises.search', { muscles, muscleRole: 'any', limit: 500 });
    expect(primary.items.every((item) => item.primaryMuscles.includes('glutes'))).toBe(true);
    expect(
      any.items.every(
        (item) => item.primaryMuscles.includes('glutes') || item.secondaryMuscles.includes('glutes'),
      ),
    ).toBe(true);
    expect(any.total).toBeGreaterThanOrEqual(primary.total);
    expect(any.items.some((item) => !item.primaryMuscles.includes('glutes'))).toBe(any.total > primary.total);
  });

  it('filters by equipment and level together', async () => {
    const result = await call(fixture.ctx, 'exercises.search', {
      equipment: ['barbell', 'dumbbell'],
      levels: ['beginner'],
      limit: 500,
    });
    expect(result.total).toBeGreaterThan(0);
    for (const item of result.items) {
      expect(['barbell', 'dumbbell']).toContain(item.equipment);
      expect(item.level).toBe('beginner');
    }
  });

  it('shows only custom exercises when asked', async () => {
    const created = await call(fixture.ctx, 'exercises.create', customFields({ name: 'Custom Only Probe' }));
    const result = await call(fixture.ctx, 'exercises.search', { customOnly: true, limit: 500 });
    expect(result.items.every((item) => item.source === 'custom')).toBe(true);
    expect(result.items.map((item) => item.id)).toContain(created.id);
  });

  it('counts facets that agree with what the filters find', async () => {
    const facets = await call(fixture.ctx, 'exercises.facets', {});
    expect(facets.muscles.map((facet) => facet.value)).toEqual([...MUSCLES]);
    expect(facets.equipment.map((facet) => facet.value)).toEqual([...EQUIPMENT]);
    expect(facets.levels.map((facet) => facet.value)).toEqual([...LEVELS]);
    for (const facet of facets.muscles) {
      const found = await call(fixture.ctx, 'exercises.search', { muscles: [facet.value], limit: 1 });
      expect(found.total, facet.value).toBe(facet.count);
    }
    for (const facet of facets.levels) {
      const found = await call(fixture.ctx, 'exercises.search', { levels: [facet.value], limit: 1 });
      expect(found.total, facet.value).toBe(facet.count);
    }
    const custom = await call(fixture.ctx, 'exercises.search', { customOnly: true, limit: 1 });
    expect(facets.custom).toBe(custom.total);
  });

  it('suggests a few names for a typo, best first', async () => {
    const result = await call(fixture.ctx, 'exercises.autocomplete', { text: 'benchpres', limit: 3 });
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.length).toBeLessThanOrEqual(3);
    expect(result.items.every((item) => item.name.toLowerCase().includes('bench press'))).toBe(true);
  });
});

describe('favorites', () => {
  it('marks a catalogue exercise as a favorite, finds it with favoritesOnly, and unmarks it', async () => {
    const [catalogueExercise] = await catalogueRows();
    const id = catalogueExercise!.id;

    expect(await call(fixture.ctx, 'exercises.setFavorite', { id, favorite: true })).toEqual({
      id,
      favorite: true,
    });
    expect(fixture.takeTouched()).toEqual(['exercise_favorite']);
    // Marking twice keeps one favorite.
    await call(fixture.ctx, 'exercises.setFavorite', { id, favorite: true });

    const favorites = await call(fixture.ctx, 'exercises.search', { favoritesOnly: true });
    expect(favorites.items.map((item) => item.id)).toEqual([id]);
    expect(favorites.items[0]!.favorite).toBe(true);
    expect((await call(fixture.ctx, 'exercises.get', { id })).favorite).toBe(true);
    expect((await call(fixture.ctx, 'exercises.facets', {})).favorites).toBe(1);

    await call(fixture.ctx, 'exercises.setFavorite', { id, favorite: false });
    expect((await call(fixture.ctx, 'exercises.search', { favoritesOnly: true })).total).toBe(0);
    expect((await call(fixture.ctx, 'exercises.get', { id })).favorite).toBe(false);

    // And back again: the tombstoned favorite row comes back to life.
    await call(fixture.ctx, 'exercises.setFavorite', { id, favorite: true });
    expect((await call(fixture.ctx, 'exercises.search', { favoritesOnly: true })).total).toBe(1);
    await call(fixture.ctx, 'exercises.setFavorite', { id, favorite: false });
  });

  it('refuses to favorite an exercise that does not exist', async () => {
    const error = await failureOf(
      call(fixture.ctx, 'exercises.setFavorite', {
        id: '01900000-0000-7000-8000-000000000000',
        favorite: true,
      }),
    );
    expect(error.code).toBe('not_found');
  });
});

describe('custom exercises', () => {
  it('creates a custom exercise that get and search then return', async () => {
    const created = await call(fixture.ctx, 'exercises.create', {
      name: '  Tempo   Pause Squat ',
      primaryMuscles: ['quadriceps'],
      secondaryMuscles: ['glutes'],
      equipment: 'barbell',
      level: 'intermediate',
      instructions: ['Three seconds down.', 'Pause two seconds.'],
    });
    expect(created).toMatchObject({
      name: 'Tempo Pause Squat',
      source: 'custom',
      favorite: false,
      primaryMuscles: ['quadriceps'],
      createdAt: fixture.clock.now().toISOString(),
    });
    expect(fixture.takeTouched()).toEqual(['exercise']);
    expect(await call(fixture.ctx, 'exercises.get', { id: created.id })).toEqual(created);
    const found = await call(fixture.ctx, 'exercises.search', { text: 'tempo pause' });
    expect(found.items[0]!.id).toBe(created.id);
  });

  it('rejects a name the catalogue already has, whatever its case and spacing, beside the name field', async () => {
    const [catalogueExercise] = await catalogueRows();
    const spaced = ` ${catalogueExercise!.name.toUpperCase().replace(/ /g, '   ')} `;
    const before = await snapshotTables(fixture.database);

    const error = await failureOf(call(fixture.ctx, 'exercises.create', customFields({ name: spaced })));
    expect(error.code).toBe('conflict');
    expect(error.message).toBe(`An exercise named “${catalogueExercise!.name}” already exists`);
    expect(error.details).toEqual({ issues: [{ path: ['name'], message: error.message }] });
    expect(await snapshotTables(fixture.database)).toEqual(before);
    expect(fixture.takeTouched()).toEqual([]);
  });

  it("rejects a name another of the organization's exercises has", async () => {
    await call(fixture.ctx, 'exercises.create', customFields({ name: 'Studio Landmine Press' }));
    const error = await failureOf(
      call(fixture.ctx, 'exercises.create', customFields({ name: 'studio landmine press' })),
    );
    expect(error.code).toBe('conflict');
  });

  it('edits a custom exercise, keeping or changing its name', async () => {
    const created = await call(fixture.ctx, 'exercises.create', customFields({ name: 'Seal Row' }));
    fixture.clock.advance(60_000);
    fixture.takeTouched();

    const edited = await call(fixture.ctx, 'exercises.update', {
      id: created.id,
      fields: { name: 'seal row', primaryMuscles: ['middle back'], equipment: 'barbell' },
    });
    expect(edited).toMatchObject({ name: 'seal row', primaryMuscles: ['middle back'], equipment: 'barbell' });
    expect(edited.createdAt).toBe(created.createdAt);
    expect(edited.updatedAt).toBe(fixture.clock.now().toISOString());
    expect(fixture.takeTouched()).toEqual(['exercise']);
  });

  it("refuses to rename an exercise to another's name, pointing at fields.name", async () => {
    const first = await call(fixture.ctx, 'exercises.create', customFields({ name: 'Studio Spider Curl' }));
    await call(fixture.ctx, 'exercises.create', customFields({ name: 'Studio Drag Curl' }));
    const error = await failureOf(
      call(fixture.ctx, 'exercises.update', {
        id: first.id,
        fields: customFields({ name: 'STUDIO DRAG CURL' }),
      }),
    );
    expect(error.code).toBe('conflict');
    expect(error.details).toEqual({ issues: [{ path: ['fields', 'name'], message: error.message }] });
  });

  it('keeps catalogue exercises read-only', async () => {
    const [catalogueExercise] = await catalogueRows();
    const id = catalogueExercise!.id;
    const before = await snapshotTables(fixture.database);

    const edit = await failureOf(
      call(fixture.ctx, 'exercises.update', { id, fields: customFields({ name: 'Renamed Catalogue Lift' }) }),
    );
    expect(edit.code).toBe('conflict');
    expect(edit.message).toContain('duplicate it as a custom exercise');
    const removal = await failureOf(call(fixture.ctx, 'exercises.delete', { id }));
    expect(removal.code).toBe('conflict');
    expect(await snapshotTables(fixture.database)).toEqual(before);
  });

  it('deletes a custom exercise (hidden everywhere) and restores it', async () => {
    const created = await call(
      fixture.ctx,
      'exercises.create',
      customFields({ name: 'Studio Jefferson Curl' }),
    );
    await call(fixture.ctx, 'exercises.setFavorite', { id: created.id, favorite: true });
    const facetsBefore = await call(fixture.ctx, 'exercises.facets', {});
    fixture.takeTouched();

    expect(await call(fixture.ctx, 'exercises.delete', { id: created.id })).toEqual({ id: created.id });
    expect(fixture.takeTouched()).toEqual(['exercise']);
    expect((await failureOf(call(fixture.ctx, 'exercises.get', { id: created.id }))).code).toBe('not_found');
    const searchIds = async () =>
      (await call(fixture.ctx, 'exercises.search', { text: 'studio jefferson curl' })).items.map(
        (item) => item.id,
      );
    expect(await searchIds()).not.toContain(created.id);
    const facetsAfter = await call(fixture.ctx, 'exercises.facets', {});
    expect(facetsAfter.total).toBe(facetsBefore.total - 1);
    expect(facetsAfter.favorites).toBe(facetsBefore.favorites - 1);
    expect((await failureOf(call(fixture.ctx, 'exercises.delete', { id: created.id }))).code).toBe(
      'not_found',
    );

    const restored = await call(fixture.ctx, 'exercises.restore', { id: created.id });
    expect(restored).toMatchObject({ id: created.id, name: 'Studio Jefferson Curl', favorite: true });
    expect((await searchIds())[0]).toBe(created.id);
  });

  it('refuses to restore an exercise whose name has been taken since', async () => {
    const created = await call(fixture.ctx, 'exercises.create', customFields({ name: 'Zercher Carry' }));
    await call(fixture.ctx, 'exercises.delete', { id: created.id });
    await call(fixture.ctx, 'exercises.create', customFields({ name: 'ZERCHER CARRY' }));

    const error = await failureOf(call(fixture.ctx, 'exercises.restore', { id: created.id }));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('cannot be restored');
  });

  it('says clearly when an id is unknown', async () => {
    const id = '01900000-0000-7000-8000-000000000001';
    for (const attempt of [
      call(fixture.ctx, 'exercises.get', { id }),
      call(fixture.ctx, 'exercises.update', { id, fields: customFields() }),
      call(fixture.ctx, 'exercises.delete', { id }),
      call(fixture.ctx, 'exercises.restore', { id }),
    ]) {
      const error = await failureOf(attempt);
      expect(error.code).toBe('not_found');
      expect(error.message).toMatch(/exercise does not exist/);
    }
  });

  it('rejects bad input to create and changes nothing (property)', async () => {
    const catalogueNames = (await catalogueRows()).map((row) => row.name);
    const takenName = fc
      .tuple(fc.constantFrom(...catalogueNames), fc.boolean(), fc.nat(3))
      .map(([name, upper, pad]) => `${' '.repeat(pad)}${upper ? name.toUpperCase() : name.toLowerCase()}`);
    const notInVocabulary = (values: readonly string[]) =>
      fc.string({ maxLength: 12 }).filter((value) => !values.includes(value));
    const valid = {
      name: 'Property Probe',
      primaryMuscles: ['chest'],
      secondaryMuscles: ['triceps'],
      equipment: 'barbell',
      level: 'beginner',
    };
    const badInput = fc.oneof(
      fc
        .anything()
        .filter((value) => typeof value !== 'object' || value === null || !('primaryMuscles' in value)),
      takenName.map((name) => ({ ...valid, name })),
      fc.constantFrom('', '   ', 'x'.repeat(121)).map((name) => ({ ...valid, name })),
      fc
        .constantFrom([], ['pecs'], MUSCLES.slice(0, 7))
        .map((primaryMuscles) => ({ ...valid, primaryMuscles })),
      fc.constant({ ...valid, secondaryMuscles: ['chest'] }),
      notInVocabulary(EQUIPMENT).map((equipment) => ({ ...valid, equipment })),
      notInVocabulary(LEVELS).map((level) => ({ ...valid, level })),
      fc
        .constantFrom(
          [''],
          Array.from({ length: 31 }, () => 'step'),
          'one step',
        )
        .map((instructions) => ({
          ...valid,
          instructions,
        })),
    );

    const before = await snapshotTables(fixture.database);
    fixture.takeTouched();
    await fc.assert(
      fc.asyncProperty(badInput, async (raw) => {
        const parsed = contract['exercises.create'].input.safeParse(raw);
        if (parsed.success) {
          const error = await failureOf(createCustomExercise(fixture.ctx, parsed.data));
          expect(error.code).toBe('conflict');
        }
        expect(fixture.ctx.touchedTables).toEqual([]);
      }),
      { numRuns: 150 },
    );
    expect(await snapshotTables(fixture.database)).toEqual(before);
  });
});

describe('scope', () => {
  it("never shows another organization's exercises", async () => {
    const other = await fixture.database.db.execute<{ id: string }>(
      sql`insert into organization (id, name) values ('01900000-0000-7000-8000-0000000000aa', 'Other Gym') returning id`,
    );
    const otherOrganizationId = other.rows[0]!.id;
    await fixture.database.db.insert(exercise).values({
      id: '01900000-0000-7000-8000-0000000000ab',
      organizationId: otherOrganizationId,
      name: 'Secret Other Gym Lift',
      primaryMuscles: ['chest'],
      level: 'beginner',
      category: 'strength',
      source: 'custom',
    });
    expect((await call(fixture.ctx, 'exercises.search', { text: 'secret other gym' })).total).toBe(0);
    const error = await failureOf(
      call(fixture.ctx, 'exercises.get', { id: '01900000-0000-7000-8000-0000000000ab' }),
    );
    expect(error.code).toBe('not_found');
    // The other gym may use a name this one has.
    const rows = await fixture.database.db
      .select()
      .from(exercise)
      .where(eq(exercise.organizationId, otherOrganizationId));
    expect(rows.map((row) => exerciseNameKey(row.name))).toEqual(['secret other gym lift']);
    await call(fixture.ctx, 'exercises.create', customFields({ name: 'Secret Other Gym Lift' }));
  });
});
