import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/contract/events';
import { REPO_ROOT } from '../db/test-support';
import { DEMO_GYM } from '../seed/demo';
import { Worker } from 'node:worker_threads';
import { resolveAppPaths } from '../paths';
import { connectWorker, deadlineOf, startBackend, type StartBackendOptions } from './client';
import { ALREADY_OPEN_MESSAGE, type BackendHandle } from './handle';

let scratch: string;
let options: StartBackendOptions;
let backend: BackendHandle;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lift-tracker-backend-'));
  options = {
    ...resolveAppPaths({ isPackaged: false, appPath: REPO_ROOT }),
    dataDir: join(scratch, 'data'),
    host: 'web',
    version: '0.0.0-test',
  };
  backend = await startBackend(options);
});

afterAll(async () => {
  await backend.stop();
  await rm(scratch, { recursive: true, force: true });
});

describe('the backend worker, through startBackend', () => {
  it('answers a call', async () => {
    const result = await backend.call('app.info', {});
    expect(result).toMatchObject({
      ok: true,
      data: {
        host: 'web',
        version: '0.0.0-test',
        dataDir: options.dataDir,
        organization: { name: 'My Gym' },
      },
    });
  });

  it('rejects invalid input with the issues of each field', async () => {
    const result = await backend.call('athletes.create', { name: '', timeZone: 'Europe/London' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        details: { issues: [{ path: ['name'], message: 'Name is required' }] },
      },
    });
  });

  it('announces a write with a changed event', async () => {
    const events: BackendEvent[] = [];
    const unsubscribe = backend.subscribe((event) => events.push(event));

    const result = await backend.call('athletes.create', { name: 'Ann Lee', timeZone: 'Europe/London' });

    expect(result.ok).toBe(true);
    await expect.poll(() => events).toEqual([{ name: 'changed', payload: { tables: ['athlete'] } }]);
    unsubscribe();
  });

  it('refuses a second backend on the same data folder', async () => {
    await expect(startBackend(options)).rejects.toMatchObject({
      code: 'locked',
      message: ALREADY_OPEN_MESSAGE,
    });
  });

  it('reports why it could not start, in words naming the folder', async () => {
    const file = join(scratch, 'a-file');
    await writeFile(file, '');
    const dataDir = join(file, 'data');

    await expect(startBackend({ ...options, dataDir })).rejects.toMatchObject({
      name: 'BackendStartError',
      code: 'unwritable',
      message: expect.stringContaining(dataDir),
    });
  });

  it('keeps committed rows across a stop and a restart', async () => {
    const before = await backend.call('app.info', {});
    await backend.stop();
    expect(await backend.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    backend = await startBackend(options);

    const athletes = await backend.call('athletes.list', {});
    expect(athletes).toMatchObject({ ok: true, data: { items: [{ name: 'Ann Lee' }] } });
    expect(await backend.call('app.info', {})).toEqual(before);
  });
});

describe('calls relayed to a worker that misbehaves', () => {
  const standIn = (code: string) =>
    new Worker(`const { parentPort } = require('node:worker_threads'); ${code}`, { eval: true });

  it('gives each channel the deadline its contract entry sets', () => {
    expect(deadlineOf('exercises.import')).toBe(120_000);
    expect(deadlineOf('app.info')).toBe(15_000);
  });

  it('fails a call that outlives its deadline with unavailable', async () => {
    const worker = standIn(`parentPort.on('message', () => {});`);
    const handle = connectWorker(worker, () => 50);

    const result = await handle.call('app.info', {});

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/took too long/) },
    });
    await worker.terminate();
  });

  it('fails every pending call with unavailable when the worker dies', async () => {
    const worker = standIn(
      `let seen = 0; parentPort.on('message', () => { if (++seen === 2) process.exit(3); });`,
    );
    const handle = connectWorker(worker);

    const results = await Promise.all([handle.call('app.info', {}), handle.call('athletes.list', {})]);

    for (const result of results) expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await handle.call('app.info', {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('a demo backend', () => {
  it('seeds the demo gym on its first run only', async () => {
    const demoOptions = { ...options, dataDir: join(scratch, 'demo'), demo: true };
    const first = await startBackend(demoOptions);
    const seeded = await first.call('app.info', {});
    await first.stop();
    expect(seeded).toMatchObject({ ok: true, data: { organization: { name: DEMO_GYM.name } } });
    expect(seeded.ok && (seeded.data as { athleteCount: number }).athleteCount).toBeGreaterThan(0);

    const second = await startBackend(demoOptions);
    const reopened = await second.call('app.info', {});
    await second.stop();
    expect(reopened).toEqual(seeded);
  });
});
