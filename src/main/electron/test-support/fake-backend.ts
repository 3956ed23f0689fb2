/** A BackendHandle that records calls and lets a test emit events and control stop(). */
import type { BackendHandle } from '../../backend/handle';
import type { BackendEvent } from '../../../shared/contract/events';
import type { CallResult } from '../../../shared/contract/transport';

export interface FakeBackend extends BackendHandle {
  readonly calls: { channel: string; input: unknown }[];
  readonly listeners: Set<(event: BackendEvent) => void>;
  emit(event: BackendEvent): void;
  stopped: boolean;
  /** Set to make stop() wait until the test resolves it. */
  stopGate?: Promise<void>;
}

export function fakeBackend(log?: string[]): FakeBackend {
  const backend: FakeBackend = {
    calls: [],
    listeners: new Set(),
    stopped: false,
    async call(channel, input): Promise<CallResult<unknown>> {
      backend.calls.push({ channel, input });
      return { ok: true, data: { channel, input } };
    },
    subscribe(listener) {
      backend.listeners.add(listener);
      return () => backend.listeners.delete(listener);
    },
    async stop() {
      log?.push('backend.stop started');
      await backend.stopGate;
      backend.stopped = true;
      log?.push('backend stopped');
    },
    emit(event) {
      for (const listener of backend.listeners) listener(event);
    },
  };
  return backend;
}

/** A promise with its resolve handle, for sequencing a test. */
export function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
