// The browser transport against the real web host, in Node: the `ws` package's WebSocket stands in
// for the browser's (Node 20 has no global WebSocket).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../../shared/contract/events';
import type { CallResult } from '../../../shared/contract/transport';
import {
  TOKEN_STORAGE_KEY,
  createWebSocketTransport,
  takeWebHostToken,
  webSocketTransportFromLocation,
  type ConnectionStatus,
  type WebSocketConstructor,
  type WebSocketTransport,
} from './websocket';

/**
 * What this test uses of src/main/web/testing.ts. It is imported at run time by path: this file is
 * type-checked as renderer code (tsconfig.web.json), which may not import the host's Node modules.
 */
interface WebHost {
  url: string;
  port: number;
  token: string;
  socketUrl: string;
  close(): Promise<void>;
}
interface ScriptedBackend {
  calls: { channel: string; input: unknown }[];
  emit(event: BackendEvent): void;
}
interface WebHostTesting {
  makeFakeSite(): Promise<{ root: string; remove(): Promise<void> }>;
  ScriptedBackend: new (
    handlers: Record<string, (input: unknown) => Promise<CallResult<unknown>> | CallResult<unknown>>,
  ) => ScriptedBackend;
  startTestHost(
    backend: ScriptedBackend,
    staticRoot: string,
    options?: { port?: number; token?: string },
  ): Promise<WebHost>;
  eventually(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  NodeWebSocket: unknown;
}
const TESTING_MODULE = '../../../main/web/testing';
const {
  makeFakeSite,
  ScriptedBackend,
  startTestHost,
  eventually,
  NodeWebSocket: wsPackageWebSocket,
} = (await import(/* @vite-ignore */ TESTING_MODULE)) as WebHostTesting;

const NodeWebSocket = wsPackageWebSocket as WebSocketConstructor;
const APP_INFO = { version: '0.1.0', host: 'web' };

let site: Awaited<ReturnType<typeof makeFakeSite>>;
let backend: ScriptedBackend;
let host: WebHost;
const transports: WebSocketTransport[] = [];

/** A call the backend holds until the test releases it. */
let releaseSlowCall: (() => void) | undefined;

beforeAll(async () => {
  site = await makeFakeSite();
  backend = new ScriptedBackend({
    'app.info': () => ({ ok: true, data: APP_INFO }),
    'athletes.create': () =>
      new Promise((resolve) => {
        releaseSlowCall = () => resolve({ ok: true, data: { id: 'late' } });
      }),
  });
  host = await startTestHost(backend, site.root);
});

afterEach(() => {
  for (const transport of transports.splice(0)) transport.close();
});

afterAll(async () => {
  await host.close();
  await site.remove();
});

function transportFor(
  webHost: WebHost,
  options: { deadlineMs?: number; token?: string; onStatusChange?: (status: ConnectionStatus) => void } = {},
): WebSocketTransport {
  const transport = createWebSocketTransport({
    url: webHost.socketUrl,
    token: options.token ?? webHost.token,
    WebSocket: NodeWebSocket,
    deadlineMs: options.deadlineMs === undefined ? undefined : () => options.deadlineMs!,
    reconnectDelaysMs: [20, 50],
    onStatusChange: options.onStatusChange,
  });
  transports.push(transport);
  return transport;
}

const athleteInput = { name: 'Ada', timeZone: 'UTC' } as never;

describe('createWebSocketTransport', () => {
  it('calls a channel and resolves with the backend result', async () => {
    const transport = transportFor(host);
    expect(await transport.call('app.info', {})).toEqual({ ok: true, data: APP_INFO });
    expect(transport.status).toBe('open');
  });

  it('keeps concurrent calls apart by request id', async () => {
    const transport = transportFor(host);
    const results = await Promise.all(Array.from({ length: 20 }, () => transport.call('app.info', {})));
    expect(results.every((result) => result.ok)).toBe(true);
    expect((await transport.call('settings.get', {})).ok).toBe(false);
  });

  it('fans backend events out to every subscriber until they unsubscribe', async () => {
    const transport = transportFor(host);
    await transport.call('app.info', {});
    const first: BackendEvent[] = [];
    const second: BackendEvent[] = [];
    transport.subscribe((event) => first.push(event));
    const stop = transport.subscribe((event) => second.push(event));
    backend.emit({ name: 'changed', payload: { tables: ['athlete'] } });
    await eventually(() => first.length === 1 && second.length === 1);
    expect(first[0]).toEqual({ name: 'changed', payload: { tables: ['athlete'] } });
    stop();
    backend.emit({ name: 'changed', payload: { tables: ['exercise'] } });
    await eventually(() => first.length === 2);
    expect(second).toHaveLength(1);
  });

  it('answers unavailable when a call outlives its deadline', async () => {
    const transport = transportFor(host, { deadlineMs: 150 });
    const result = await transport.call('athletes.create', athleteInput);
    expect(result).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Lift Tracker did not answer in time' },
    });
    releaseSlowCall?.();
  });

  it('answers unavailable when the host cannot be reached before the deadline', async () => {
    const transport = transportFor(host, { token: 'not-the-token', deadlineMs: 300 });
    const result = await transport.call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(transport.status).toBe('reconnecting');
  });

  it('reconnects after a drop; a call made while down waits for the reconnect', async () => {
    const otherSite = await makeFakeSite();
    const token = 'a-fixed-token-for-this-test';
    let other = await startTestHost(backend, otherSite.root, { token });
    const port = other.port;
    const statuses: ConnectionStatus[] = [];
    const transport = transportFor(other, {
      deadlineMs: 5_000,
      onStatusChange: (status) => statuses.push(status),
    });
    const events: BackendEvent[] = [];
    transport.subscribe((event) => events.push(event));
    expect((await transport.call('app.info', {})).ok).toBe(true);

    await other.close();
    await eventually(() => transport.status === 'reconnecting');
    const waiting = transport.call('app.info', {});
    await new Promise((resolve) => setTimeout(resolve, 200));
    other = await startTestHost(backend, otherSite.root, { token, port });

    expect(await waiting).toEqual({ ok: true, data: APP_INFO });
    expect(statuses).toEqual(['open', 'reconnecting', 'open']);
    // Events pushed while down were lost, so subscribers hear that everything may have changed.
    expect(events).toHaveLength(1);
    const [first] = events;
    expect(first?.name).toBe('changed');
    if (first?.name === 'changed') expect(first.payload.tables).toContain('set_entry');
    await other.close();
    await otherSite.remove();
  });

  it('fails a call in flight when the connection drops, instead of resending it', async () => {
    const otherSite = await makeFakeSite();
    const other = await startTestHost(backend, otherSite.root);
    const transport = transportFor(other, { deadlineMs: 5_000 });
    expect((await transport.call('app.info', {})).ok).toBe(true);
    const inFlight = transport.call('athletes.create', athleteInput);
    await eventually(() => backend.calls.at(-1)?.channel === 'athletes.create');
    await other.close();
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    releaseSlowCall?.();
    await otherSite.remove();
  });

  it('answers unavailable after close', async () => {
    const transport = transportFor(host);
    await transport.call('app.info', {});
    transport.close();
    expect(transport.status).toBe('closed');
    expect(await transport.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

class MemoryStorage implements Storage {
  private readonly values = new Map<string, string>();
  get length() {
    return this.values.size;
  }
  clear() {
    this.values.clear();
  }
  getItem(key: string) {
    return this.values.get(key) ?? null;
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.values.delete(key);
  }
  setItem(key: string, value: string) {
    this.values.set(key, value);
  }
}

function fakeHistory() {
  const replaced: string[] = [];
  return {
    replaced,
    state: null,
    replaceState: (_state: unknown, _title: string, url?: string | URL | null) => replaced.push(String(url)),
  };
}

function fakeLocation(href: string) {
  const url = new URL(href);
  return { href, protocol: url.protocol, host: url.host };
}

describe('takeWebHostToken', () => {
  it('keeps the token from the address in the tab and removes it from the address bar', () => {
    const storage = new MemoryStorage();
    const history = fakeHistory();
    const token = takeWebHostToken(
      fakeLocation('http://127.0.0.1:5177/athletes?token=abc&tab=2#top'),
      storage,
      history,
    );
    expect(token).toBe('abc');
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(history.replaced).toEqual(['/athletes?tab=2#top']);
  });

  it('reads the kept token after a reload, leaving the address alone', () => {
    const storage = new MemoryStorage();
    storage.setItem(TOKEN_STORAGE_KEY, 'kept');
    const history = fakeHistory();
    expect(takeWebHostToken(fakeLocation('http://127.0.0.1:5177/'), storage, history)).toBe('kept');
    expect(history.replaced).toEqual([]);
  });

  it('prefers a new token in the address over a kept one (the host was restarted)', () => {
    const storage = new MemoryStorage();
    storage.setItem(TOKEN_STORAGE_KEY, 'old');
    expect(takeWebHostToken(fakeLocation('http://127.0.0.1:5177/?token=new'), storage, fakeHistory())).toBe(
      'new',
    );
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('new');
  });
});

describe('webSocketTransportFromLocation', () => {
  it('without a token, answers every call with how to open the app', async () => {
    const transport = webSocketTransportFromLocation(
      fakeLocation('http://127.0.0.1:5177/'),
      new MemoryStorage(),
      fakeHistory(),
    );
    const result = await transport.call('app.info', {});
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('running at') },
    });
  });

  it('connects to the socket on the page host with the token from the address', async () => {
    const previous = globalThis.WebSocket;
    globalThis.WebSocket = wsPackageWebSocket as typeof globalThis.WebSocket;
    try {
      const transport = webSocketTransportFromLocation(
        fakeLocation(host.url),
        new MemoryStorage(),
        fakeHistory(),
      );
      transports.push(transport);
      expect(await transport.call('app.info', {})).toEqual({ ok: true, data: APP_INFO });
    } finally {
      globalThis.WebSocket = previous;
    }
  });
});
