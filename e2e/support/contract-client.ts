/**
 * The contract over the web host's WebSocket, from Node: what a spec or a benchmark uses to set
 * things up (or move the test clock) without clicking through screens. It speaks the page's
 * protocol (src/shared/contract/ws-protocol.ts) with the launch's token, sending the page's origin
 * as a browser would.
 */
import WebSocket from 'ws';
import type { ChannelName, InputOf, OutputOf } from '../../src/shared/contract';
import { WS_PATH, WS_TOKEN_PARAM, serverMessage } from '../../src/shared/contract/ws-protocol';

export interface ContractClient {
  /** The channel's data; a failure throws with the backend's code and message. */
  call<C extends ChannelName>(channel: C, input: InputOf<C>): Promise<OutputOf<C>>;
  close(): void;
}

/** Connects at once; calls made before the socket is open wait for it. */
export function connectContract(host: { origin: string; token: string }): ContractClient {
  const url = new URL(WS_PATH, host.origin.replace(/^http/, 'ws'));
  url.searchParams.set(WS_TOKEN_PARAM, host.token);
  const socket = new WebSocket(url, { origin: host.origin });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  // A failed connection surfaces in the first call, not as an unhandled rejection.
  opened.catch(() => {});

  let nextId = 1;
  const waiting = new Map<
    number,
    { resolve(data: unknown): void; reject(error: Error): void; channel: string }
  >();
  socket.on('message', (raw) => {
    const message = serverMessage.parse(JSON.parse(String(raw)));
    if (message.type !== 'result' || message.id === null) return;
    const call = waiting.get(message.id);
    if (!call) return;
    waiting.delete(message.id);
    if (message.result.ok) call.resolve(message.result.data);
    else
      call.reject(
        new Error(`${call.channel} failed (${message.result.error.code}): ${message.result.error.message}`),
      );
  });
  socket.on('close', () => {
    for (const call of waiting.values())
      call.reject(new Error(`${call.channel}: the web host closed the socket`));
    waiting.clear();
  });

  return {
    async call(channel, input) {
      await opened;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve: resolve as (data: unknown) => void, reject, channel });
        socket.send(JSON.stringify({ type: 'call', id, channel, input }));
      });
    },
    close: () => socket.close(),
  };
}
