/**
 * `npm run web`: Lift Tracker in a browser on this computer. Starts the same backend worker as the
 * desktop app, serves the built renderer on 127.0.0.1 and prints the one link (with this launch's
 * token) that opens it:  node out/main/web.js [--data-dir D] [--port P] [--host 127.0.0.1] [--demo]
 * [--test-clock]
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { startBackend } from '../backend/client';
import { BackendStartError, type BackendHandle } from '../backend/handle';
import { appRootFromBundle, resolveAppPaths } from '../paths';
import { buildContentSecurityPolicy } from '../security/csp';
import { parseWebArgs, type WebHostOptions } from './args';
import { startWebHost, type WebHost } from './host';

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseWebArgs(argv);
  if (parsed.kind === 'help') {
    console.log(parsed.text);
    return;
  }
  if (parsed.kind === 'error') {
    console.error(parsed.message);
    process.exitCode = 2;
    return;
  }
  await run(parsed.options);
}

async function run(options: WebHostOptions): Promise<void> {
  const appRoot = appRootFromBundle();
  const paths = resolveAppPaths({ isPackaged: false, appPath: appRoot });
  // Beside the bundle that is running (`<out>/main/web.js` → `<out>/renderer`), so a build made
  // with `electron-vite build --outDir <other>` serves its own renderer.
  const staticRoot = process.argv[1]
    ? join(dirname(process.argv[1]), '..', 'renderer')
    : join(appRoot, 'out', 'renderer');
  if (!existsSync(join(staticRoot, 'index.html'))) {
    console.error(
      `The app is not built (${join(staticRoot, 'index.html')} is missing); \`npm run web\` builds it first.`,
    );
    process.exit(1);
  }
  const version = await packageVersion(appRoot);
  console.log(`Data folder: ${options.dataDir}`);
  if (options.testClock) console.log('Test clock: on (testing.setClock may move the time)');

  let backend: BackendHandle;
  try {
    backend = await startBackend({
      dataDir: options.dataDir,
      resourcesDir: paths.resourcesDir,
      migrationsDir: paths.migrationsDir,
      host: 'web',
      version,
      demo: options.demo,
      testClock: options.testClock,
    });
  } catch (cause) {
    if (cause instanceof BackendStartError) {
      console.error(cause.message);
      process.exit(1);
    }
    throw cause;
  }

  let host: WebHost;
  try {
    host = await startWebHost({
      backend,
      staticRoot,
      port: options.port,
      contentSecurityPolicy: ({ socketOrigin }) =>
        buildContentSecurityPolicy({ webSocketOrigin: socketOrigin }),
    });
  } catch (cause) {
    await backend.stop();
    if ((cause as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.error(`Port ${options.port} is in use. Pass --port 0 for any free port, or another number.`);
      process.exit(1);
    }
    throw cause;
  }

  // Tests parse this exact line.
  console.log(`Lift Tracker is running at ${host.url}`);
  stopOnSignals(host, backend);
}

function stopOnSignals(host: WebHost, backend: BackendHandle): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl+C while the database is closing: leave without waiting.
      process.exit(130);
    }
    stopping = true;
    console.log(`Stopping (${signal}); closing the database…`);
    void (async () => {
      try {
        await host.close();
        await backend.stop();
        process.exit(0);
      } catch (cause) {
        console.error('Lift Tracker did not stop cleanly:', cause instanceof Error ? cause.message : cause);
        process.exit(1);
      }
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function packageVersion(appRoot: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(appRoot, 'package.json'), 'utf8')) as { version?: unknown };
  return typeof manifest.version === 'string' ? manifest.version : '0.0.0';
}

main(process.argv.slice(2)).catch((cause: unknown) => {
  console.error('Lift Tracker could not start:', cause instanceof Error ? cause.message : cause);
  process.exit(1);
});
