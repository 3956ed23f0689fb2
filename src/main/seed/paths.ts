import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Source-tree paths for the scripts that run under tsx (the seed CLI and the benchmarks). */
const here = fileURLToPath(new URL('.', import.meta.url));
export const REPO_ROOT = join(here, '..', '..', '..');
export const MIGRATIONS_DIR = join(REPO_ROOT, 'src', 'main', 'db', 'migrations');
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');
