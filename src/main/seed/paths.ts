import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveAppPaths } from '../paths';

/** Source-tree paths for what runs under tsx (the seed CLI, the benchmarks, the tests). */
const here = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = join(here, '..', '..', '..');
export const { resourcesDir: RESOURCES_DIR, migrationsDir: MIGRATIONS_DIR } = resolveAppPaths({
  isPackaged: false,
  appPath: REPO_ROOT,
});
