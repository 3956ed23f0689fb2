/**
 * Starts the built web host (`node out/main/web.js --data-dir <fresh temp folder> --port 0`, with
 * `--demo` or `--test-clock` when a spec asks) once per Playwright worker, waits for its "Lift
 * Tracker is running at <url>" line, and stops it with SIGTERM afterwards (which closes the
 * database). Specs get it through the fixtures in ./fixtures.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
/** `LT_OUT_DIR` picks another build folder (`electron-vite build --outDir <it>`); `out` by default. */
export const WEB_HOST_ENTRY = join(REPO_ROOT, process.env.LT_OUT_DIR ?? 'out', 'main', 'web.js');
const RUNNING_LINE = /^Lift Tracker is running at (\S+)$/m;
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;

export interface RunningWebHost {
  /** The printed link, `http://127.0.0.1:<port>/?token=<token>`: opening it signs the page in. */
  url: string;
  /** `http://127.0.0.1:<port>`, the page's origin (Playwright's baseURL). */
  origin: string;
  token: string;
  dataDir: string;
  /** Everything the host printed so far (stdout and stderr), for diagnosing a failure. */
  output(): string;
  /** The link that opens `path` in a new page with this launch's token. */
  urlFor(path?: string): string;
  /** Sends SIGTERM, waits for the exit, and removes the data folder; resolves to the exit code. */
  stop(): Promise<number | null>;
}

export interface StartWebHostOptions {
  demo?: boolean;
  /** Start with `--test-clock`, so the spec may move the backend's clock (testing.setClock). */
  testClock?: boolean;
  /** Keep the data folder after stopping (to inspect it). */
  keepDataDir?: boolean;
}

export async function startBuiltWebHost(options: StartWebHostOptions = {}): Promise<RunningWebHost> {
  if (!existsSync(WEB_HOST_ENTRY)) {
    throw new Error(
      `${WEB_HOST_ENTRY} does not exist: build first (npx electron-vite build, or npm run test:e2e)`,
    );
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'lift-tracker-e2e-'));
  const args = [
    WEB_HOST_ENTRY,
    '--data-dir',
    dataDir,
    '--port',
    '0',
    ...(options.demo ? ['--demo'] : []),
    ...(options.testClock ? ['--test-clock'] : []),
  ];
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));

  let url: string;
  try {
    url = await waitForUrl(child, () => output, exited);
  } catch (cause) {
    child.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
    throw cause;
  }
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';

  let stopping: Promise<number | null> | undefined;
  return {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    output: () => output,
    urlFor(path = '/') {
      const target = new URL(path, parsed.origin);
      target.searchParams.set('token', token);
      return target.toString();
    },
    stop() {
      stopping ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        const code = await exited;
        clearTimeout(timer);
        if (!options.keepDataDir) await rm(dataDir, { recursive: true, force: true });
        return code;
      })();
      return stopping;
    },
  };
}

function waitForUrl(
  child: ChildProcess,
  output: () => string,
  exited: Promise<number | null>,
): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const check = () => {
      const match = RUNNING_LINE.exec(output());
      if (!match?.[1]) return;
      cleanUp();
      resolveUrl(match[1]);
    };
    const timer = setTimeout(() => {
      cleanUp();
      reject(
        new Error(`The web host did not print its URL within ${START_TIMEOUT_MS / 1000} s:\n${output()}`),
      );
    }, START_TIMEOUT_MS);
    const cleanUp = () => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      cleanUp();
      reject(new Error(`The web host exited (code ${code}) before it was running:\n${output()}`));
    });
  });
}
