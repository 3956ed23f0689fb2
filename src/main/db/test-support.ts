/**
 * Databases for tests: in memory, fully migrated, with the real shipped catalogue. Service tests
 * call their services directly against these (no worker, no mocked database).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TableName } from '../../shared/contract';
import type { ServiceContext } from '../services/context';
import { ensureOrganization } from '../services/organization';
import { CATALOGUE_PATH } from './catalogue';
import type { Database } from './client';
import { openDatabase } from './open';

const here = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = join(here, '..', '..', '..');
export const MIGRATIONS_DIR = join(here, 'migrations');
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');

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

export interface TestContext extends ServiceContext {
  /** Every table passed to `touched` so far, in order. */
  touchedTables: TableName[];
}

/** A service context over `database` with its organization created; `now` defaults to the real clock. */
export async function createTestContext(
  database: Database,
  overrides: Partial<Pick<ServiceContext, 'now' | 'host' | 'version'>> = {},
): Promise<TestContext> {
  const now = overrides.now ?? (() => new Date());
  const { organizationId } = await ensureOrganization(database.db, { now: now() });
  const touchedTables: TableName[] = [];
  return {
    db: database.db,
    organizationId,
    touched: (...tables) => void touchedTables.push(...tables),
    now,
    host: overrides.host ?? 'web',
    dataDir: 'memory',
    resourcesDir: RESOURCES_DIR,
    version: overrides.version ?? '0.0.0-test',
    touchedTables,
  };
}
