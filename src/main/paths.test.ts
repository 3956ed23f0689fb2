import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { appRootFromBundle, resolveAppPaths } from './paths';

describe('resolveAppPaths', () => {
  it('uses the repository in development', () => {
    expect(resolveAppPaths({ isPackaged: false, appPath: '/repo' })).toEqual({
      resourcesDir: '/repo/resources',
      migrationsDir: '/repo/src/main/db/migrations',
    });
  });

  it("uses electron-builder's extraResources beside app.asar when packaged", () => {
    expect(
      resolveAppPaths({
        isPackaged: true,
        appPath: '/opt/app/resources/app.asar',
        resourcesPath: '/opt/app/resources',
      }),
    ).toEqual({
      resourcesDir: '/opt/app/resources',
      migrationsDir: '/opt/app/resources/migrations',
    });
  });

  it('refuses a packaged app without its resources path', () => {
    expect(() => resolveAppPaths({ isPackaged: true, appPath: '/x' })).toThrow(/resourcesPath/);
  });
});

describe('appRootFromBundle', () => {
  it('finds the folder holding package.json above the built bundle or a shared chunk', () => {
    const root = mkdtempSync(join(tmpdir(), 'lift-tracker-root-'));
    writeFileSync(join(root, 'package.json'), '{}');
    mkdirSync(join(root, 'out', 'main', 'chunks'), { recursive: true });
    expect(appRootFromBundle(pathToFileURL(join(root, 'out', 'main', 'web.js')).href)).toBe(root);
    expect(appRootFromBundle(pathToFileURL(join(root, 'out', 'main', 'chunks', 'paths-x.js')).href)).toBe(
      root,
    );
  });

  it('finds this repository from the source file', () => {
    expect(appRootFromBundle()).toBe(join(import.meta.dirname, '..', '..'));
  });
});
