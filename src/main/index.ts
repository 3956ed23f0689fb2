/**
 * The Electron main process: the only entry that imports 'electron' (ARCHITECTURE.md rule 4).
 * Everything it does lives in src/main/electron; this file only wires the real parts together.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackend } from './backend/client';
import { createShell, quitOnTerminationSignals } from './electron/app';

// The main process is ESM (package.json "type": "module"), so there is no __dirname; this bundle
// is out/main/index.js.
const bundleDir = dirname(fileURLToPath(import.meta.url));

const shell = createShell({
  startBackend,
  preloadPath: join(bundleDir, '../preload/index.cjs'),
  indexHtmlPath: join(bundleDir, '../renderer/index.html'),
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  resourcesPath: process.resourcesPath,
});
quitOnTerminationSignals();
shell.start().catch((error: unknown) => {
  console.error('Lift Tracker failed to start:', error);
  process.exit(1);
});
