import type { ChannelName, InputOf, OutputOf } from './index';
import type { AppErrorShape } from './errors';
import type { BackendEvent } from './events';

/** The result of one call: an ok-or-error envelope the caller unwraps (never a thrown error). */
export type CallResult<T> = { ok: true; data: T } | { ok: false; error: AppErrorShape };

/**
 * The one signature every transport implements: the preload bridge in Electron, the WebSocket
 * client in a browser, and the backend client on the host side.
 */
export interface Transport {
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<CallResult<OutputOf<C>>>;
  /** Receive backend events; returns the function that stops listening. */
  subscribe(listener: (event: BackendEvent) => void): () => void;
}

/** Names of the Electron IPC channels the preload and the shell's relay use (defined once). */
export const IPC = {
  call: 'lift-tracker:call',
  event: 'lift-tracker:event',
} as const;
