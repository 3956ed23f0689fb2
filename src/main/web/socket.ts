/**
 * The contract over a WebSocket: the page's calls are relayed to the backend worker, and every
 * backend event is pushed to every connected page. The upgrade is refused unless it presents this
 * launch's token and comes from the host's own origin (or from no browser at all), so another web
 * page open in the same browser cannot drive the app.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { BackendHandle } from '../backend/handle';
import type { CallResult } from '../../shared/contract/transport';
import {
  WS_MAX_MESSAGE_BYTES,
  WS_PATH,
  WS_TOKEN_PARAM,
  clientMessage,
  rejectedMessage,
  requestIdOf,
  type ServerMessage,
} from '../../shared/contract/ws-protocol';

export interface SocketRelayOptions {
  server: Server;
  backend: Pick<BackendHandle, 'call' | 'subscribe'>;
  token: string;
  /** The origin pages are served from, e.g. `http://127.0.0.1:5177` (known once listening). */
  origin: () => string;
}

export interface SocketRelay {
  /** How many pages are connected. */
  readonly clientCount: number;
  /** Close every socket (1001 going away) and stop relaying events. */
  close(): Promise<void>;
}

export function attachSocketRelay({ server, backend, token, origin }: SocketRelayOptions): SocketRelay {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_MESSAGE_BYTES });
  const expectedToken = Buffer.from(token);

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = refusalFor(request, expectedToken, origin());
    if (refusal) {
      refuseUpgrade(socket, refusal.status, refusal.reason);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  };
  server.on('upgrade', onUpgrade);

  sockets.on('connection', (ws: WebSocket) => {
    ws.on('message', (data: RawData, isBinary: boolean) => {
      void answer(ws, data, isBinary);
    });
    // A socket error (a client vanishing mid-frame) ends that socket only.
    ws.on('error', () => ws.terminate());
  });

  const unsubscribe = backend.subscribe((event) => {
    const message = JSON.stringify({ type: 'event', event } satisfies ServerMessage);
    for (const ws of sockets.clients) if (ws.readyState === ws.OPEN) ws.send(message);
  });

  async function answer(ws: WebSocket, data: RawData, isBinary: boolean): Promise<void> {
    let raw: unknown;
    try {
      if (isBinary) throw new Error('binary');
      raw = JSON.parse(rawText(data));
    } catch {
      send(ws, rejectedMessage(null, 'The message is not JSON text'));
      return;
    }
    const parsed = clientMessage.safeParse(raw);
    if (!parsed.success) {
      const issues = parsed.error.issues.map(({ path, message }) => ({ path: path.map(String), message }));
      send(ws, rejectedMessage(requestIdOf(raw), 'The message is not a valid call', { issues }));
      return;
    }
    const { id, channel, input } = parsed.data;
    let result: CallResult<unknown>;
    try {
      result = await backend.call(channel, input);
    } catch {
      // The backend client answers with values; a throw means the worker itself is gone.
      result = { ok: false, error: { code: 'unavailable', message: 'The backend is not running' } };
    }
    send(ws, { type: 'result', id, result });
  }

  return {
    get clientCount() {
      return sockets.clients.size;
    },
    async close() {
      unsubscribe();
      server.off('upgrade', onUpgrade);
      for (const ws of sockets.clients) ws.close(1001, 'The web host is stopping');
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      // Sockets that do not finish the closing handshake promptly are cut.
      for (const ws of sockets.clients) ws.terminate();
    },
  };
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState !== ws.OPEN) return;
  let text: string;
  try {
    text = JSON.stringify(message);
  } catch {
    // Worker results are structured-clone data; one JSON cannot carry (a BigInt) is a backend bug.
    const id = message.type === 'result' ? message.id : null;
    text = JSON.stringify({
      type: 'result',
      id,
      result: { ok: false, error: { code: 'internal', message: 'The result could not be sent' } },
    } satisfies ServerMessage);
  }
  ws.send(text);
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

interface Refusal {
  status: 400 | 401 | 403 | 404;
  reason: string;
}

function refusalFor(request: IncomingMessage, expectedToken: Buffer, ownOrigin: string): Refusal | null {
  let url: URL;
  try {
    url = new URL(request.url ?? '/', 'http://127.0.0.1');
  } catch {
    return { status: 400, reason: 'Bad Request' };
  }
  if (url.pathname !== WS_PATH) return { status: 404, reason: 'Not Found' };
  // Browsers always send Origin on a WebSocket upgrade; a page from any other origin is refused
  // even if it somehow learned the token. Clients that are not browsers (tests, tools) send none.
  const requestOrigin = request.headers.origin;
  if (requestOrigin !== undefined && requestOrigin !== ownOrigin) return { status: 403, reason: 'Forbidden' };
  const presented = Buffer.from(url.searchParams.get(WS_TOKEN_PARAM) ?? '');
  if (presented.length !== expectedToken.length || !timingSafeEqual(presented, expectedToken)) {
    return { status: 401, reason: 'Unauthorized' };
  }
  return null;
}

function refuseUpgrade(socket: Duplex, status: number, reason: string): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
