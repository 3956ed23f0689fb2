// The real backend worker's background jobs and clock, through startBackend.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/contract/events';
import type { JobStatus } from '../../shared/domain/jobs';
import { REPO_ROOT } from '../db/test-support';
import { resolveAppPaths } from '../paths';
import { FIXED_CLOCK_MESSAGE } from '../services/jobs';
import { startBackend, type StartBackendOptions } from './client';
import type { BackendHandle } from './handle';

let scratch: string;
let options: StartBackendOptions;
let backend: BackendHandle;
const events: BackendEvent[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'lift-tracker-worker-jobs-'));
  options = {
    ...resolveAppPaths({ isPackaged: false, appPath: REPO_ROOT }),
    dataDir: join(scratch, 'data'),
    host: 'web',
    version: '0.0.0-test',
    testClock: true,
  };
  backend = await startBackend(options);
  backend.subscribe((event) => events.push(event));
});

afterAll(async () => {
  await backend.stop();
  await rm(scratch, { recursive: true, force: true });
});

async function jobs(handle: BackendHandle): Promise<JobStatus[]> {
  const result = await handle.call('jobs.list', {});
  if (!result.ok) throw new Error(result.error.message);
  return (result.data as { items: JobStatus[] }).items;
}

describe('background jobs in the backend worker', () => {
  it('runs both jobs at start-up and records their runs', async () => {
    await expect
      .poll(async () => (await jobs(backend)).map((job) => [job.name, job.runCount, job.lastError]))
      .toEqual([
        ['missed-workouts', 1, null],
        ['workout-reminders', 1, null],
      ]);
  });

  it('runs a job on request and announces its run', async () => {
    events.length = 0;
    expect(await backend.call('jobs.run', { name: 'missed-workouts' })).toEqual({
      ok: true,
      data: { queued: false },
    });
    await expect.poll(async () => (await jobs(backend))[0]?.runCount).toBe(2);
    expect(events).toContainEqual({ name: 'changed', payload: { tables: ['job_run'] } });
  });

  it('moves the clock every service reads, in a host started with --test-clock', async () => {
    expect(await backend.call('testing.setClock', { now: '2031-05-06T07:08:09.000Z' })).toMatchObject({
      ok: true,
      data: { now: expect.stringMatching(/^2031-05-06T07:08:/) },
    });
    const created = await backend.call('athletes.create', { name: 'Time Traveller', timeZone: 'UTC' });
    expect(created).toMatchObject({
      ok: true,
      data: { createdAt: expect.stringMatching(/^2031-05-06T07:08:/) },
    });
    await expect
      .poll(async () => (await jobs(backend))[1]?.lastStartedAt ?? '')
      .toMatch(/^2031-05-06T07:08:/);
    expect(await backend.call('testing.setClock', { now: null })).toMatchObject({ ok: true });
  });

  it('refuses to move the clock of a host started without --test-clock', async () => {
    const plain = await startBackend({ ...options, dataDir: join(scratch, 'plain'), testClock: false });
    try {
      expect(await plain.call('testing.setClock', { now: '2031-05-06T07:08:09.000Z' })).toEqual({
        ok: false,
        error: { code: 'unavailable', message: FIXED_CLOCK_MESSAGE },
      });
    } finally {
      await plain.stop();
    }
  });
});
