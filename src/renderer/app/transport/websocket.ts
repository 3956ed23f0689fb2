/**
 * The browser's transport to the web host: the contract's `call` and `subscribe` over one WebSocket.
 * Each call gets a request id and a deadline (past it the caller gets `unavailable`, never a hang).
 * After a drop the socket reconnects with backoff; calls made meanwhile wait for it, up to their
 * deadline. Calls already sent when the socket dropped fail at once: their result is lost, and
 * resending a mutation could apply it twice.
 */
import {
  contract,
  DEFAULT_DEADLINE_MS,
  TABLE_NAMES,
  isChannelName,
  type AppErrorShape,
} from '../../../shared/contract';
import type { BackendEvent } from '../../../shared/contract/events';
import type { CallResult, Transport } from '../../../shared/contract/transport';
import { WS_PATH, WS_TOKEN_PARAM, serverMessage } from '../../../shared/contract/ws-protocol';

/** The part of the browser's WebSocket this client uses (the `ws` package's matches it, for tests). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

const OPEN = 1;

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface WebSocketTransportOptions {
  /** The socket's address, e.g. `ws://127.0.0.1:5177/ws`. */
  url: string;
  token: string;
  /** Defaults to the browser's WebSocket; tests pass the `ws` package's. */
  WebSocket?: WebSocketConstructor;
  /** How long a call may wait for its result; defaults to the channel's deadline plus a margin. */
  deadlineMs?: (channel: string) => number;
  /** Waits between reconnect attempts; the last one repeats. */
  reconnectDelaysMs?: readonly number[];
  onStatusChange?: (status: ConnectionStatus) => void;
}

export interface WebSocketTransport extends Transport {
  readonly status: ConnectionStatus;
  /** Close the socket for good; waiting calls fail with `unavailable`. */
  close(): void;
}

/**
 * The backend answers `unavailable` at the channel's own deadline; waiting a little longer here lets
 * that answer (with its message) arrive first, while still bounding the wait if the host is gone.
 */
const DEADLINE_MARGIN_MS = 2_000;
const DEFAULT_RECONNECT_DELAYS_MS = [250, 500, 1_000, 2_000, 4_000];

interface PendingCall {
  message: string;
  sent: boolean;
  timer: ReturnType<typeof setTimeout>;
  settle: (result: CallResult<unknown>) => void;
}

function unavailable(message: string): { ok: false; error: AppErrorShape } {
  return { ok: false, error: { code: 'unavailable', message } };
}

function defaultDeadlineMs(channel: string): number {
  const entryDeadline = isChannelName(channel) ? contract[channel].deadlineMs : undefined;
  return (entryDeadline ?? DEFAULT_DEADLINE_MS) + DEADLINE_MARGIN_MS;
}

export function createWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const SocketClass = options.WebSocket ?? (globalThis.WebSocket as unknown as WebSocketConstructor);
  const deadlineFor = options.deadlineMs ?? defaultDeadlineMs;
  const delays = options.reconnectDelaysMs ?? DEFAULT_RECONNECT_DELAYS_MS;
  const socketUrl = new URL(options.url);
  socketUrl.searchParams.set(WS_TOKEN_PARAM, options.token);

  const pending = new Map<number, PendingCall>();
  const listeners = new Set<(event: BackendEvent) => void>();
  let nextId = 1;
  let socket: WebSocketLike | null = null;
  let status: ConnectionStatus = 'connecting';
  let failedAttempts = 0;
  let hasBeenOpen = false;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  function setStatus(next: ConnectionStatus): void {
    if (status === next) return;
    status = next;
    options.onStatusChange?.(next);
  }

  function connect(): void {
    const ws = new SocketClass(socketUrl.toString());
    socket = ws;
    ws.onopen = () => {
      if (socket !== ws) return;
      const isReconnect = hasBeenOpen;
      hasBeenOpen = true;
      failedAttempts = 0;
      setStatus('open');
      for (const call of pending.values()) {
        if (!call.sent) {
          ws.send(call.message);
          call.sent = true;
        }
      }
      // Events pushed while the socket was down are lost; telling listeners every table changed
      // makes them refetch what they show.
      if (isReconnect) emit({ name: 'changed', payload: { tables: [...TABLE_NAMES] } });
    };
    ws.onmessage = (event) => {
      if (socket === ws) receive(event.data);
    };
    ws.onerror = () => {
      // Always followed by onclose, which does the work.
    };
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = null;
      dropInFlightCalls();
      if (status === 'closed') return;
      setStatus('reconnecting');
      const delay = delays[Math.min(failedAttempts, delays.length - 1)] ?? 1_000;
      failedAttempts += 1;
      reconnectTimer = setTimeout(connect, delay);
    };
  }

  function receive(data: unknown): void {
    let raw: unknown;
    try {
      raw = JSON.parse(typeof data === 'string' ? data : String(data));
    } catch {
      return;
    }
    const parsed = serverMessage.safeParse(raw);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'event') {
      emit(message.event as BackendEvent);
      return;
    }
    if (message.id === null) return;
    pending.get(message.id)?.settle(message.result as CallResult<unknown>);
  }

  function emit(event: BackendEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (cause) {
        console.error('A backend event listener failed', cause);
      }
    }
  }

  function dropInFlightCalls(): void {
    for (const call of pending.values()) {
      if (call.sent) {
        call.settle(
          unavailable('The connection to Lift Tracker dropped before the answer arrived; try again'),
        );
      }
    }
  }

  connect();

  return {
    get status() {
      return status;
    },

    call(channel, input) {
      if (status === 'closed') {
        return Promise.resolve(unavailable('The connection to Lift Tracker is closed'));
      }
      const id = nextId++;
      const message = JSON.stringify({ type: 'call', id, channel, input });
      return new Promise((resolve) => {
        const call: PendingCall = {
          message,
          sent: false,
          timer: setTimeout(() => {
            call.settle(
              unavailable(
                call.sent
                  ? 'Lift Tracker did not answer in time'
                  : 'Lift Tracker could not be reached; if the web host was restarted, open the new link it printed',
              ),
            );
          }, deadlineFor(channel)),
          settle: (result) => {
            clearTimeout(call.timer);
            pending.delete(id);
            resolve(result as never);
          },
        };
        pending.set(id, call);
        if (socket && socket.readyState === OPEN) {
          socket.send(message);
          call.sent = true;
        }
      });
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    close() {
      if (status === 'closed') return;
      setStatus('closed');
      clearTimeout(reconnectTimer);
      const ws = socket;
      socket = null;
      ws?.close(1000, 'closed by the page');
      for (const call of [...pending.values()])
        call.settle(unavailable('The connection to Lift Tracker is closed'));
    },
  };
}

export const TOKEN_STORAGE_KEY = 'lift-tracker.web-token';

type LocationLike = Pick<Location, 'href' | 'protocol' | 'host'>;
type HistoryLike = Pick<History, 'replaceState' | 'state'>;

/**
 * The page's token: from `?token=` on first load (then kept in sessionStorage, so a reload in the
 * same tab still works, and removed from the address bar so it is not bookmarked, shared or left in
 * history), otherwise from sessionStorage.
 */
export function takeWebHostToken(
  location: LocationLike,
  storage: Storage,
  history: HistoryLike,
): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get(WS_TOKEN_PARAM);
  if (fromUrl) {
    storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    url.searchParams.delete(WS_TOKEN_PARAM);
    history.replaceState(history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return storage.getItem(TOKEN_STORAGE_KEY);
}

/**
 * The transport for a page served by the web host: the socket on the page's own host, with the
 * token from the address or the tab's storage. Without a token every call answers `unavailable`
 * with a message saying which link to open.
 */
export function webSocketTransportFromLocation(
  location: LocationLike,
  storage: Storage,
  history: HistoryLike = globalThis.history,
): WebSocketTransport {
  const token = takeWebHostToken(location, storage, history);
  if (!token) return missingTokenTransport();
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWebSocketTransport({ url: `${protocol}//${location.host}${WS_PATH}`, token });
}

function missingTokenTransport(): WebSocketTransport {
  const result = unavailable(
    'This page was opened without its access link. Open the address the web host printed ' +
      '("Lift Tracker is running at …"), which carries this launch’s token',
  );
  return {
    status: 'closed',
    call: () => Promise.resolve(result),
    subscribe: () => () => {},
    close: () => {},
  };
}
