/**
 * The web host as a value: an HTTP server on 127.0.0.1 serving the built renderer, with the contract's
 * WebSocket relay at /ws, guarded by a per-launch token. The command line (server.ts) starts the
 * backend and this; tests start this in-process with any backend and a folder of fake pages.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BackendHandle } from '../backend/handle';
import { WS_PATH, WS_TOKEN_PARAM } from '../../shared/contract/ws-protocol';
import { LOOPBACK_HOST } from './args';
import { attachSocketRelay } from './socket';
import { createStaticHandler, sendText } from './static';

export interface WebHostStartOptions {
  backend: Pick<BackendHandle, 'call' | 'subscribe'>;
  /** The folder served to the browser: out/renderer/ in a build. */
  staticRoot: string;
  /** 0 picks a free port. */
  port: number;
  /** The page's Content-Security-Policy, given the origins it may connect to. */
  contentSecurityPolicy: (origins: { pageOrigin: string; socketOrigin: string }) => string;
  /** Defaults to 32 random bytes; tests may fix it. */
  token?: string;
}

export interface WebHost {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  /** The link to open: the origin with `/?token=…`. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  /** `ws://127.0.0.1:<port>/ws` (without the token). */
  readonly socketUrl: string;
  /** Close every socket and the HTTP server. The backend is the caller's to stop. */
  close(): Promise<void>;
}

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

export async function startWebHost(options: WebHostStartOptions): Promise<WebHost> {
  const token = options.token ?? createToken();
  let port = options.port;
  const origin = () => `http://${LOOPBACK_HOST}:${port}`;
  const socketUrl = () => `ws://${LOOPBACK_HOST}:${port}${WS_PATH}`;

  // Set once listening: the page's CSP names the socket's port.
  let serveStatic: ((request: IncomingMessage, response: ServerResponse) => void) | undefined = undefined;
  const server = createServer((request, response) => {
    // A page reached through another host name (DNS rebinding) gets nothing, not even the app shell.
    if (!isOwnHost(request.headers.host, port)) {
      sendText(response, 421, 'Misdirected request');
      return;
    }
    if (!serveStatic) {
      sendText(response, 503, 'Starting');
      return;
    }
    serveStatic(request, response);
  });
  const relay = attachSocketRelay({ server, backend: options.backend, token, origin });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port: options.port, host: LOOPBACK_HOST }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  serveStatic = createStaticHandler({
    root: options.staticRoot,
    contentSecurityPolicy: options.contentSecurityPolicy({
      pageOrigin: origin(),
      socketOrigin: `ws://${LOOPBACK_HOST}:${port}`,
    }),
  });

  let closing: Promise<void> | undefined;
  return {
    origin: origin(),
    url: `${origin()}/?${WS_TOKEN_PARAM}=${encodeURIComponent(token)}`,
    port,
    token,
    socketUrl: socketUrl(),
    close() {
      closing ??= (async () => {
        await relay.close();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

/**
 * Only the printed address is served: the socket accepts pages from that one origin, so a page
 * loaded as `localhost:<port>` could not connect anyway.
 */
function isOwnHost(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `${LOOPBACK_HOST}:${port}`;
}
