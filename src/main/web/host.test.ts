import { request } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../shared/contract/ws-protocol';
import type { WebHost } from './host';
import { FAKE_INDEX_HTML, ScriptedBackend, eventually, makeFakeSite, startTestHost } from './testing';

let site: Awaited<ReturnType<typeof makeFakeSite>>;
let host: WebHost;
let backend: ScriptedBackend;
const openSockets: WebSocket[] = [];

beforeAll(async () => {
  site = await makeFakeSite();
  backend = new ScriptedBackend({
    'app.info': () => ({ ok: true, data: { version: '0.1.0', host: 'web' } }),
    'athletes.get': (input) => ({
      ok: false,
      error: { code: 'not_found', message: `No athlete ${(input as { id: string }).id}` },
    }),
    'exercises.search': () => {
      throw new Error('worker gone');
    },
  });
  host = await startTestHost(backend, site.root);
});

afterEach(() => {
  for (const socket of openSockets.splice(0)) socket.terminate();
});

afterAll(async () => {
  await host.close();
  await site.remove();
});

/** A raw GET, so paths such as `/../x` reach the server as written (fetch would normalize them). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: host.port, path, method, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

function connect(options: { token?: string | null; origin?: string } = {}): WebSocket {
  const token = options.token === undefined ? host.token : options.token;
  const url = token === null ? host.socketUrl : `${host.socketUrl}?token=${encodeURIComponent(token)}`;
  const socket = new WebSocket(url, options.origin ? { origin: options.origin } : {});
  openSockets.push(socket);
  return socket;
}

/** The HTTP status an upgrade was refused with, or 101 when the socket opened. */
function upgradeStatus(socket: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(101));
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', (error) => reject(error));
  });
}

async function opened(socket: WebSocket): Promise<WebSocket> {
  expect(await upgradeStatus(socket)).toBe(101);
  return socket;
}

function nextMessage(socket: WebSocket, type: ServerMessage['type'] = 'result'): Promise<ServerMessage> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as ServerMessage;
      if (message.type !== type) return;
      socket.off('message', onMessage);
      resolve(message);
    };
    socket.on('message', onMessage);
  });
}

describe('the web host serving pages', () => {
  it('prints a loopback URL carrying the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.port).toBeGreaterThan(0);
  });

  it('serves index.html for / with the CSP naming its own socket, never cached', async () => {
    const response = await get('/?token=abc');
    expect(response.status).toBe(200);
    expect(response.body).toBe(FAKE_INDEX_HTML);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['content-security-policy']).toContain(
      `connect-src 'self' ws://127.0.0.1:${host.port}`,
    );
  });

  it('serves hashed assets with their content type, cached for good', async () => {
    const script = await get('/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toContain('immutable');
    expect(script.headers['content-security-policy']).toBeUndefined();
    expect((await get('/assets/index-abc123.css')).headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get('/assets/index-abc123.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await get('/', {}, 'POST')).status).toBe(405);
  });

  it('serves the app for client-side routes but 404s missing files', async () => {
    const route = await get('/athletes/123');
    expect(route.status).toBe(200);
    expect(route.body).toBe(FAKE_INDEX_HTML);
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/..\\secret.txt',
  ])('never serves a file outside the site (%s)', async (path) => {
    const response = await get(path);
    expect(response.body).not.toContain('outside the site');
    expect([200, 400, 404]).toContain(response.status);
  });

  it('refuses a NUL byte in the path', async () => {
    expect((await get('/index.html%00.js')).status).toBe(400);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await get('/', { Host: `evil.example:${host.port}` })).status).toBe(421);
  });
});

describe('the web host socket', () => {
  it('relays a call to the backend and returns its result under the same id', async () => {
    const socket = await opened(connect({ origin: host.origin }));
    const answer = nextMessage(socket);
    socket.send(JSON.stringify({ type: 'call', id: 7, channel: 'app.info', input: {} }));
    expect(await answer).toEqual({
      type: 'result',
      id: 7,
      result: { ok: true, data: { version: '0.1.0', host: 'web' } },
    });
    expect(backend.calls.at(-1)).toEqual({ channel: 'app.info', input: {} });
  });

  it('passes error results through unchanged', async () => {
    const socket = await opened(connect());
    const answer = nextMessage(socket);
    socket.send(JSON.stringify({ type: 'call', id: 8, channel: 'athletes.get', input: { id: 'x' } }));
    expect(await answer).toEqual({
      type: 'result',
      id: 8,
      result: { ok: false, error: { code: 'not_found', message: 'No athlete x' } },
    });
  });

  it('answers unavailable when the backend throws', async () => {
    const socket = await opened(connect());
    const answer = nextMessage(socket);
    socket.send(JSON.stringify({ type: 'call', id: 9, channel: 'exercises.search', input: {} }));
    expect(await answer).toMatchObject({ id: 9, result: { ok: false, error: { code: 'unavailable' } } });
  });

  it('answers malformed messages with an error result and keeps serving', async () => {
    const socket = await opened(connect());
    const malformed: [string | Buffer, number | null][] = [
      ['not json', null],
      [JSON.stringify([1, 2]), null],
      [JSON.stringify({ type: 'call', id: 3, input: {} }), 3],
      [JSON.stringify({ type: 'call', id: -1, channel: 'app.info', input: {} }), null],
      [JSON.stringify({ type: 'shout', id: 4 }), 4],
      [Buffer.from([0xff, 0x00]), null],
    ];
    for (const [message, expectedId] of malformed) {
      const answer = nextMessage(socket);
      socket.send(message, { binary: Buffer.isBuffer(message) });
      expect(await answer, String(message)).toMatchObject({
        type: 'result',
        id: expectedId,
        result: { ok: false, error: { code: 'invalid_input' } },
      });
    }
    const answer = nextMessage(socket);
    socket.send(JSON.stringify({ type: 'call', id: 10, channel: 'app.info', input: {} }));
    expect(await answer).toMatchObject({ id: 10, result: { ok: true } });
  });

  it('pushes backend events to every connected socket', async () => {
    const first = await opened(connect());
    const second = await opened(connect({ origin: host.origin }));
    const received = Promise.all([nextMessage(first, 'event'), nextMessage(second, 'event')]);
    backend.emit({ name: 'changed', payload: { tables: ['athlete'] } });
    for (const message of await received) {
      expect(message).toEqual({
        type: 'event',
        event: { name: 'changed', payload: { tables: ['athlete'] } },
      });
    }
  });

  it('refuses an upgrade without the token, with a wrong token, or from a foreign origin', async () => {
    expect(await upgradeStatus(connect({ token: null }))).toBe(401);
    expect(await upgradeStatus(connect({ token: 'wrong' }))).toBe(401);
    // One character off (a random token may itself end in "A").
    const lastChanged = host.token.endsWith('A') ? 'B' : 'A';
    expect(await upgradeStatus(connect({ token: `${host.token.slice(0, -1)}${lastChanged}` }))).toBe(401);
    expect(await upgradeStatus(connect({ origin: 'http://evil.example' }))).toBe(403);
    expect(await upgradeStatus(connect({ origin: `http://localhost:${host.port}` }))).toBe(403);
  });

  it('refuses an upgrade on any other path', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/other?token=${host.token}`);
    openSockets.push(socket);
    expect(await upgradeStatus(socket)).toBe(404);
  });
});

describe('closing the web host', () => {
  it('closes connected sockets and stops listening to the backend', async () => {
    const otherSite = await makeFakeSite();
    const otherBackend = new ScriptedBackend({});
    const other = await startTestHost(otherBackend, otherSite.root);
    const socket = new WebSocket(`${other.socketUrl}?token=${other.token}`);
    await opened(socket);
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    expect(otherBackend.listenerCount).toBe(1);
    await other.close();
    expect(await closed).toBe(1001);
    await eventually(() => otherBackend.listenerCount === 0);
    await otherSite.remove();
  });
});
