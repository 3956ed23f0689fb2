/**
 * The host side of the backend: starts the worker, relays calls with a deadline each, fans out
 * events, and stops the worker only after the database is closed. The Electron shell and the web
 * host both use this; neither touches SQL.
 */
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { contract, DEFAULT_DEADLINE_MS, isChannelName, type ChannelEntry } from '../../shared/contract';
import type { BackendEvent } from '../../shared/contract/events';
import type { CallResult } from '../../shared/contract/transport';
import type { BackendWorkerData, HostMessage, WorkerMessage } from './envelope';
import { BackendStartError, type BackendHandle, type BackendOptions } from './handle';
import backendWorkerPath from './worker?modulePath';

export interface StartBackendOptions extends BackendOptions {
  /** The SQL migrations folder, from `resolveAppPaths` (src/main/paths.ts). */
  migrationsDir: string;
  /** Check every output against the contract; on unless NODE_ENV is 'production'. */
  validateOutputs?: boolean;
}

/** Closing flushes PGlite to disk; give it time before the worker is terminated regardless. */
const STOP_TIMEOUT_MS = 30_000;
const WORKER_GONE = 'The Lift Tracker backend stopped unexpectedly; restart the app';
const SHUTTING_DOWN = 'Lift Tracker is shutting down';

export async function startBackend(options: StartBackendOptions): Promise<BackendHandle> {
  const workerData: BackendWorkerData = {
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    migrationsDir: options.migrationsDir,
    host: options.host,
    version: options.version,
    demo: options.demo ?? false,
    testClock: options.testClock ?? false,
    validateOutputs: options.validateOutputs ?? process.env.NODE_ENV !== 'production',
  };
  const worker = spawnWorker(backendWorkerPath, workerData);
  await waitUntilStarted(worker);
  return connectWorker(worker);
}

function spawnWorker(entry: string, workerData: BackendWorkerData): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData });
  // Under vitest the entry is the TypeScript source. Register tsx inside the worker first:
  // `--import tsx` in the worker's execArgv fails on Node 20.
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsxApi)})
    .then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); })
    .catch((error) => { console.error(error); process.exit(1); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function waitUntilStarted(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const settle = (error?: BackendStartError) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      if (!error) return resolve();
      void worker.terminate();
      reject(error);
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'started') settle();
      else if (message.type === 'start-failed') settle(new BackendStartError(message.code, message.message));
    };
    const onError = (error: Error) => {
      console.error('The backend worker failed while starting', error);
      settle(
        new BackendStartError('failed', 'Lift Tracker could not start its backend; the error was logged'),
      );
    };
    const onExit = (exitCode: number) =>
      settle(
        new BackendStartError(
          'failed',
          `The Lift Tracker backend ended while starting (exit code ${exitCode})`,
        ),
      );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
  });
}

interface PendingCall {
  resolve(result: CallResult<unknown>): void;
  timer: NodeJS.Timeout;
}

/** How long a call may take: its contract entry's deadline, or the default. */
export function deadlineOf(channel: string): number {
  return isChannelName(channel)
    ? ((contract[channel] as ChannelEntry).deadlineMs ?? DEFAULT_DEADLINE_MS)
    : DEFAULT_DEADLINE_MS;
}

/** Relay calls and events over a started worker (exported for tests with a stand-in worker). */
export function connectWorker(
  worker: Worker,
  deadlineMsOf: (channel: string) => number = deadlineOf,
): BackendHandle {
  const pending = new Map<number, PendingCall>();
  const listeners = new Set<(event: BackendEvent) => void>();
  let nextId = 1;
  /** Once set, new calls fail at once with this message. */
  let closedReason: string | null = null;
  let exited = false;
  let stopping: Promise<void> | undefined;

  const settle = (id: number, result: CallResult<unknown>) => {
    const call = pending.get(id);
    if (!call) return; // already answered by its deadline
    pending.delete(id);
    clearTimeout(call.timer);
    call.resolve(result);
  };

  worker.on('message', (message: WorkerMessage) => {
    if (message.type === 'result') settle(message.id, message.result);
    else if (message.type === 'event') {
      for (const listener of listeners) {
        try {
          listener(message.event);
        } catch (error) {
          console.error('A backend event listener failed', error);
        }
      }
    }
  });
  worker.on('error', (error) => console.error('The backend worker failed', error));
  worker.on('exit', () => {
    exited = true;
    closedReason ??= WORKER_GONE;
    for (const id of [...pending.keys()]) settle(id, unavailable(closedReason));
  });

  return {
    call(channel, input) {
      if (closedReason) return Promise.resolve(unavailable(closedReason));
      const id = nextId++;
      const deadlineMs = deadlineMsOf(channel);
      return new Promise((resolve) => {
        const timer = setTimeout(
          () => settle(id, unavailable('Lift Tracker took too long to answer; try again in a moment')),
          deadlineMs,
        );
        pending.set(id, { resolve, timer });
        try {
          worker.postMessage({ type: 'call', id, channel, input } satisfies HostMessage);
        } catch (error) {
          // Only plain data crosses to the worker (a function or a class instance does not clone).
          settle(id, {
            ok: false,
            error: {
              code: 'invalid_input',
              message: `The input could not be sent: ${String(error)}`,
              details: { issues: [] },
            },
          });
        }
      });
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    stop() {
      stopping ??= (async () => {
        closedReason = SHUTTING_DOWN;
        if (exited) return;
        const stopped = new Promise<void>((resolve) => {
          worker.on('message', (message: WorkerMessage) => message.type === 'stopped' && resolve());
          worker.once('exit', () => resolve());
        });
        worker.postMessage({ type: 'stop' } satisfies HostMessage);
        let timeout: NodeJS.Timeout | undefined;
        await Promise.race([
          stopped,
          new Promise((resolve) => (timeout = setTimeout(resolve, STOP_TIMEOUT_MS))),
        ]);
        clearTimeout(timeout);
        await worker.terminate();
      })();
      return stopping;
    },
  };
}

function unavailable(message: string): CallResult<never> {
  return { ok: false, error: { code: 'unavailable', message } };
}
