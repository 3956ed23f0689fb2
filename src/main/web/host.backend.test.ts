// The web host in front of the real backend worker and a PGlite database in a temp folder.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBackend } from '../backend/client';
import type { BackendHandle } from '../backend/handle';
import { appRootFromBundle, resolveAppPaths } from '../paths';
import type { ServerMessage } from '../../shared/contract/ws-protocol';
import type { WebHost } from './host';
import { makeFakeSite, startTestHost } from './testing';

let dataDir: string;
let site: Awaited<ReturnType<typeof makeFakeSite>>;
let backend: BackendHandle;
let host: WebHost;
let socket: WebSocket;
const messages: ServerMessage[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'lift-tracker-web-data-'));
  site = await makeFakeSite();
  const paths = resolveAppPaths({ isPackaged: false, appPath: appRootFromBundle() });
  backend = await startBackend({ dataDir, ...paths, host: 'web', version: '0.0.0-test' });
  host = await startTestHost(backend, site.root);
  socket = new WebSocket(`${host.socketUrl}?token=${host.token}`, { origin: host.origin });
  socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as ServerMessage));
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
});

afterAll(async () => {
  socket?.terminate();
  await host?.close();
  await backend?.stop();
  await site?.remove();
  await rm(dataDir, { recursive: true, force: true });
});

let nextId = 1;
async function call(channel: string, input: unknown): Promise<ServerMessage> {
  const id = nextId++;
  socket.send(JSON.stringify({ type: 'call', id, channel, input }));
  for (;;) {
    const answer = messages.find((message) => message.type === 'result' && message.id === id);
    if (answer) return answer;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the web host with the real backend', () => {
  it('answers app.info for the web host and its data folder', async () => {
    const answer = await call('app.info', {});
    expect(answer).toMatchObject({
      type: 'result',
      result: { ok: true, data: { host: 'web', version: '0.0.0-test', dataDir } },
    });
  });

  it('passes the backend validation errors through', async () => {
    const answer = await call('athletes.create', { name: '' });
    expect(answer).toMatchObject({ result: { ok: false, error: { code: 'invalid_input' } } });
    expect(await call('no.such.channel', {})).toMatchObject({ result: { ok: false } });
  });

  it('pushes the changed event of a write to the page', async () => {
    const answer = await call('athletes.create', { name: 'Web Host Lifter', timeZone: 'Europe/Oslo' });
    expect(answer).toMatchObject({ result: { ok: true, data: { name: 'Web Host Lifter' } } });
    // Background jobs announce their own runs too; look for the write's event among them.
    const isAthleteChange = (message: ServerMessage) =>
      message.type === 'event' &&
      message.event.name === 'changed' &&
      message.event.payload.tables.includes('athlete');
    for (let waited = 0; waited < 5_000; waited += 10) {
      if (messages.some(isAthleteChange)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(messages.find(isAthleteChange)).toMatchObject({ type: 'event', event: { name: 'changed' } });
  });
});
