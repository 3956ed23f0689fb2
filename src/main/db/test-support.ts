/**
 * Databases for tests: in memory, fully migrated, with the real shipped catalogue or a small
 * fixture one. Service tests build on these in src/main/services/test-fixtures.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATIONS_DIR, RESOURCES_DIR } from '../seed/paths';
import { CATALOGUE_PATH } from './catalogue';
import type { Database } from './client';
import { openDatabase } from './open';

export { MIGRATIONS_DIR, REPO_ROOT, RESOURCES_DIR } from '../seed/paths';

/** An in-memory database, migrated, with the shipped catalogue (or the one in `resourcesDir`). */
export function createTestDatabase(options: { resourcesDir?: string } = {}): Promise<Database> {
  return openDatabase({
    dataDir: null,
    resourcesDir: options.resourcesDir ?? RESOURCES_DIR,
    migrationsDir: MIGRATIONS_DIR,
  });
}

/** A small catalogue, so these tests do not depend on the shipped one. */
export const FIXTURE_CATALOGUE = [
  {
    id: '01890000-0000-7000-8000-000000000001',
    name: 'Barbell Bench Press',
    primaryMuscles: ['chest'],
    secondaryMuscles: ['shoulders', 'triceps'],
    equipment: 'barbell',
    level: 'beginner',
    category: 'strength',
    mechanic: 'compound',
    force: 'push',
    instructions: ['Lie on the bench.', 'Press the bar.'],
  },
  {
    id: '01890000-0000-7000-8000-000000000002',
    name: 'Plank',
    primaryMuscles: ['abdominals'],
    secondaryMuscles: [],
    equipment: 'body only',
    level: 'beginner',
    category: 'strength',
    mechanic: null,
    force: 'static',
    instructions: [],
  },
];

/** A resources folder holding FIXTURE_CATALOGUE, made under `parentDir`; returns its path. */
export async function createFixtureResources(parentDir: string): Promise<string> {
  const resourcesDir = join(parentDir, 'fixture-resources');
  await mkdir(join(resourcesDir, 'exercises'), { recursive: true });
  await writeFile(join(resourcesDir, CATALOGUE_PATH), JSON.stringify(FIXTURE_CATALOGUE));
  return resourcesDir;
}
