/**
 * The web host's command line:
 * `node out/main/web.js [--data-dir D] [--port P] [--host 127.0.0.1] [--demo] [--test-clock]`.
 * Parsing is pure (argv and environment in, options or a message out) so it is tested without a process.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export const LOOPBACK_HOST = '127.0.0.1';

export interface WebHostOptions {
  /** Absolute path of the data folder (created by the backend when missing). */
  dataDir: string;
  /** 0 asks the operating system for a free port. */
  port: number;
  host: typeof LOOPBACK_HOST;
  demo: boolean;
  /** End-to-end tests may move the backend's clock (`testing.setClock`). */
  testClock: boolean;
}

export type ParsedWebArgs =
  | { kind: 'run'; options: WebHostOptions }
  | { kind: 'help'; text: string }
  | { kind: 'error'; message: string };

export const DEFAULT_PORT = 5177;

export const USAGE = `Usage: node out/main/web.js [options]

Serves Lift Tracker to a browser on this computer only.

Options:
  --data-dir <folder>  where the database lives (default: ${describeDefaultDataDir()})
  --port <number>      port to listen on, 0 for any free port (default: ${DEFAULT_PORT})
  --host 127.0.0.1     the only address the web host binds to (loopback)
  --demo               create the demo coach, athletes and history on first run
  --test-clock         let end-to-end tests move the app's clock (testing.setClock); never
                       for real use: reminders and missed workouts follow the moved time
  -h, --help           show this message`;

export const NON_LOOPBACK_MESSAGE =
  'The web host only binds to 127.0.0.1 (loopback); it serves the browser on this computer, not the network. ' +
  'Use --host 127.0.0.1 or leave --host out.';

interface Environment {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  cwd: string;
}

const processEnvironment = (): Environment => ({
  platform: process.platform,
  env: process.env,
  home: homedir(),
  cwd: process.cwd(),
});

export function parseWebArgs(
  argv: readonly string[],
  environment: Environment = processEnvironment(),
): ParsedWebArgs {
  let values: {
    'data-dir'?: string;
    port?: string;
    host?: string;
    demo?: boolean;
    'test-clock'?: boolean;
    help?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string' },
        demo: { type: 'boolean' },
        'test-clock': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (cause) {
    return {
      kind: 'error',
      message: `${cause instanceof Error ? cause.message : String(cause)}\n\n${USAGE}`,
    };
  }
  if (values.help) return { kind: 'help', text: USAGE };

  const host = values.host ?? LOOPBACK_HOST;
  if (host !== LOOPBACK_HOST) {
    // 'localhost' may resolve to ::1 or to a LAN-visible name; the printed URL and the socket's
    // origin check both name 127.0.0.1, so that is the one address accepted.
    return { kind: 'error', message: NON_LOOPBACK_MESSAGE };
  }

  const port = parsePort(values.port);
  if (port === null) {
    return {
      kind: 'error',
      message: `--port must be a whole number from 0 to 65535, not "${values.port}"\n\n${USAGE}`,
    };
  }

  const dataDirArg = values['data-dir'];
  if (dataDirArg !== undefined && dataDirArg.trim() === '') {
    return { kind: 'error', message: `--data-dir needs a folder\n\n${USAGE}` };
  }
  const dataDir =
    dataDirArg === undefined
      ? defaultDataDir(environment)
      : isAbsolute(dataDirArg)
        ? dataDirArg
        : resolve(environment.cwd, dataDirArg);

  return {
    kind: 'run',
    options: {
      dataDir,
      port,
      host: LOOPBACK_HOST,
      demo: values.demo ?? false,
      testClock: values['test-clock'] ?? false,
    },
  };
}

function parsePort(value: string | undefined): number | null {
  if (value === undefined) return DEFAULT_PORT;
  if (!/^\d{1,5}$/.test(value)) return null;
  const port = Number(value);
  return port <= 65_535 ? port : null;
}

/**
 * The per-user data folder, kept apart from the desktop app's (one process per data folder, so the
 * two can run side by side): XDG on Linux, Application Support on macOS, %APPDATA% on Windows.
 */
export function defaultDataDir(environment: Environment = processEnvironment()): string {
  const { platform, env, home } = environment;
  const folder = 'lift-tracker-web';
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), folder);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', folder);
  const xdgDataHome = env.XDG_DATA_HOME;
  return join(xdgDataHome && isAbsolute(xdgDataHome) ? xdgDataHome : join(home, '.local', 'share'), folder);
}

function describeDefaultDataDir(): string {
  if (process.platform === 'win32') return '%APPDATA%\\lift-tracker-web';
  if (process.platform === 'darwin') return '~/Library/Application Support/lift-tracker-web';
  return '$XDG_DATA_HOME/lift-tracker-web, else ~/.local/share/lift-tracker-web';
}
