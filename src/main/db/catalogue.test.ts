import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Equipment, exerciseFields } from '../../shared/domain/exercise';

/**
 * The shipped catalogue (resources/exercises/catalogue.json) is data we wrote by hand. These tests
 * hold it to the rules a custom exercise must meet, plus the ones only a shipped catalogue has:
 * fixed UUIDv7 ids, no duplicates, and enough choice for each common kind of equipment.
 */
const cataloguePath = new URL('../../../resources/exercises/catalogue.json', import.meta.url);

// Read as unknown and parsed below, as with any data crossing into the app.
const catalogue: unknown = JSON.parse(readFileSync(cataloguePath, 'utf8'));

const entryFields = [
  'id',
  'name',
  'primaryMuscles',
  'secondaryMuscles',
  'equipment',
  'level',
  'category',
  'mechanic',
  'force',
  'instructions',
];

// Only the shape every test relies on; the tests below check the rest entry by entry.
const entries = z.array(z.object({ id: z.string(), name: z.string() }).loose()).parse(catalogue);
const uuidV7 = z.uuid({ version: 'v7' });
const fieldsOf = (entry: unknown) => exerciseFields.parse(entry);

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

describe('exercise catalogue', () => {
  it('holds at least 250 exercises', () => {
    expect(entries.length).toBeGreaterThanOrEqual(250);
  });

  it('gives every exercise a UUIDv7 id', () => {
    const badIds = entries.filter((entry) => !uuidV7.safeParse(entry.id).success).map((entry) => entry.name);
    expect(badIds).toEqual([]);
  });

  it('never gives two exercises the same id', () => {
    expect(duplicates(entries.map((entry) => entry.id))).toEqual([]);
  });

  it('never gives two exercises the same name, ignoring case', () => {
    expect(duplicates(entries.map((entry) => entry.name.toLowerCase()))).toEqual([]);
  });

  it('accepts every exercise with the same rules as a custom exercise', () => {
    const rejected = entries.flatMap((entry) => {
      const result = exerciseFields.safeParse(entry);
      return result.success ? [] : [`${entry.name}: ${z.prettifyError(result.error)}`];
    });
    expect(rejected).toEqual([]);
  });

  it('spells out every field, with nothing extra, instead of relying on defaults', () => {
    const misshapen = entries
      .filter(
        (entry) => JSON.stringify(Object.keys(entry).sort()) !== JSON.stringify([...entryFields].sort()),
      )
      .map((entry) => entry.name);
    expect(misshapen).toEqual([]);
  });

  it('stores names and instructions already trimmed', () => {
    const untrimmed = entries.filter((entry) => {
      const fields = fieldsOf(entry);
      return (
        JSON.stringify(fields.instructions) !== JSON.stringify(entry.instructions) ||
        fields.name !== entry.name
      );
    });
    expect(untrimmed.map((entry) => entry.name)).toEqual([]);
  });

  it('never lists a muscle as both primary and secondary', () => {
    const overlapping = entries
      .map(fieldsOf)
      .filter((fields) => fields.secondaryMuscles.some((muscle) => fields.primaryMuscles.includes(muscle)))
      .map((fields) => fields.name);
    expect(overlapping).toEqual([]);
  });

  it('gives each exercise two to five instruction steps', () => {
    const outOfRange = entries
      .map(fieldsOf)
      .filter((fields) => fields.instructions.length < 2 || fields.instructions.length > 5)
      .map((fields) => fields.name);
    expect(outOfRange).toEqual([]);
  });

  const commonEquipment: Equipment[] = [
    'barbell',
    'dumbbell',
    'machine',
    'cable',
    'body only',
    'kettlebells',
    'bands',
  ];

  it.each(commonEquipment)('offers at least 10 exercises using %s', (kind) => {
    const count = entries.map(fieldsOf).filter((fields) => fields.equipment === kind).length;
    expect(count).toBeGreaterThanOrEqual(10);
  });
});
