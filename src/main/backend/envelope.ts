/**
 * The typed messages between a host (the Electron shell or the web host) and the backend worker.
 * Everything here crosses a worker_threads channel by structured clone: plain data only.
 */
import type { BackendEvent } from '../../shared/contract/events';
import type { CallResult } from '../../shared/contract/transport';
import type { BackendStartErrorCode } from './handle';

/** What the host hands the worker at start-up (`workerData`). */
export interface BackendWorkerData {
  dataDir: string;
  resourcesDir: string;
  /** src/main/db/migrations, resolved by the host: the worker chunk does not sit beside it. */
  migrationsDir: string;
  host: 'electron' | 'web';
  version: string;
  demo: boolean;
  /** The clock can be moved with `testing.setClock` (web host `--test-clock`, end-to-end tests). */
  testClock: boolean;
  /** Check every output against its contract schema (tests and development). */
  validateOutputs: boolean;
}

/** Host → worker. `input` is unknown on purpose: the worker validates it. */
export type HostMessage = { type: 'call'; id: number; channel: string; input: unknown } | { type: 'stop' };

/** Worker → host. */
export type WorkerMessage =
  | { type: 'started'; organizationId: string }
  | { type: 'start-failed'; code: BackendStartErrorCode; message: string }
  | { type: 'result'; id: number; result: CallResult<unknown> }
  | { type: 'event'; event: BackendEvent }
  /** The database is closed and flushed; the worker is about to exit. */
  | { type: 'stopped' };
