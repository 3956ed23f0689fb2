/**
 * Where the shipped data lives, for the Electron shell and the web host alike (plain Node).
 *
 * - In development (and for the web host) both come from the repository: `resources/` holds
 *   `exercises/catalogue.json`, and the migrations are the SQL files in `src/main/db/migrations`.
 * - In a packaged app electron-builder copies them beside app.asar (electron-builder.yml,
 *   extraResources): `<resourcesPath>/exercises` and `<resourcesPath>/migrations`. They stay
 *   outside the archive so the backend worker reads them with plain `fs`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AppPathsInput {
  /** Electron's `app.isPackaged`; always false for the web host. */
  isPackaged: boolean;
  /** The repository root in development (Electron's `app.getAppPath()`). */
  appPath: string;
  /** Electron's `process.resourcesPath`; required when packaged. */
  resourcesPath?: string;
}

export interface AppPaths {
  /** The folder holding `exercises/catalogue.json`. */
  resourcesDir: string;
  /** The folder holding the SQL migrations and their `meta/_journal.json`. */
  migrationsDir: string;
}

export function resolveAppPaths({ isPackaged, appPath, resourcesPath }: AppPathsInput): AppPaths {
  if (isPackaged) {
    if (!resourcesPath) throw new Error('resolveAppPaths: a packaged app needs its resourcesPath');
    return { resourcesDir: resourcesPath, migrationsDir: join(resourcesPath, 'migrations') };
  }
  return {
    resourcesDir: join(appPath, 'resources'),
    migrationsDir: join(appPath, 'src', 'main', 'db', 'migrations'),
  };
}

/**
 * The repository root, found from the running bundle (`out/main/web.js`, or a shared chunk under
 * `out/main/chunks/`) or from this source file under tsx: the nearest folder holding package.json.
 * Walking up rather than a fixed `../..` keeps it right wherever the bundler puts this module.
 */
export function appRootFromBundle(moduleUrl: string = import.meta.url): string {
  let folder = dirname(fileURLToPath(moduleUrl));
  for (;;) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${fileURLToPath(moduleUrl)}`);
    folder = parent;
  }
}
