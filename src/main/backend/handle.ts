import type { CallResult } from '../../shared/contract/transport';
import type { BackendEvent } from '../../shared/contract/events';

export interface BackendOptions {
  /** The data folder holding the PGlite database and its lock file. */
  dataDir: string;
  /** The folder holding shipped data (resources/exercises/catalogue.json). */
  resourcesDir: string;
  host: 'electron' | 'web';
  version: string;
  /** Create the demo coach, athletes and history on first run (web host `--demo`). */
  demo?: boolean;
  /** Let `testing.setClock` move the backend's clock (web host `--test-clock`; never in the app). */
  testClock?: boolean;
}

/** What a host (the Electron shell or the web host) holds once the backend worker is up. */
export interface BackendHandle {
  /** Relay one contract call; the channel and input are validated in the worker. */
  call(channel: string, input: unknown): Promise<CallResult<unknown>>;
  subscribe(listener: (event: BackendEvent) => void): () => void;
  /** Close the database (awaited, so writes are flushed) and end the worker. */
  stop(): Promise<void>;
}

export type BackendStartErrorCode = 'locked' | 'unreadable' | 'unwritable' | 'failed';

/** Why the backend could not start, in words a user can act on. */
export class BackendStartError extends Error {
  constructor(
    readonly code: BackendStartErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BackendStartError';
  }
}

export const ALREADY_OPEN_MESSAGE = 'Lift Tracker is already open with this data folder';
