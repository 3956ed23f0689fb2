// jobs.list, jobs.run and testing.setClock through the contract dispatcher, over the real jobs and
// a job runner driven by a manual clock, the way the backend worker wires them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendEvent } from '../../shared/contract/events';
import { createClock, type MovableClock } from '../backend/clock';
import { createDispatcher, type Dispatcher } from '../backend/dispatcher';
import { createTaskQueue, type TaskQueue } from '../backend/task-queue';
import type { Database } from '../db/client';
import { createTestDatabase } from '../db/test-support';
import { createJobRunner, JOBS, type JobRunner } from '../jobs';
import { createManualTime, insertTemplate, insertWorkout } from '../jobs/test-support';
import type { ServiceContext } from './context';
import { handlers } from './index';
import { FIXED_CLOCK_MESSAGE } from './jobs';
import { createTestContext } from './test-fixtures';

let database: Database;
let base: Omit<ServiceContext, 'touched'>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { touched: _touched, touchedTables: _tables, ...context } = await createTestContext(database);
  base = context;
});

afterAll(async () => {
  await database.close();
});

interface Backend {
  dispatcher: Dispatcher;
  runner: JobRunner;
  queue: TaskQueue;
  events: BackendEvent[];
  /** Dispatches through the queue, as the worker does, and unwraps the result. */
  call(channel: string, input: unknown): Promise<{ ok: boolean; data?: unknown; error?: unknown }>;
}

function backendWith(clock: MovableClock, scheduler = createManualTime(clock.now()).scheduler): Backend {
  const queue = createTaskQueue();
  const events: BackendEvent[] = [];
  const context = (): Omit<ServiceContext, 'touched'> => ({ ...base, now: clock.now, runtime });
  const runner = createJobRunner({
    jobs: JOBS,
    queue,
    clock,
    scheduler,
    context,
    emit: (event) => events.push(event),
  });
  const runtime = { jobs: runner, clock };
  const dispatcher = createDispatcher({
    handlers,
    ctxFactory: context,
    validateOutputs: true,
    emit: (event) => {
      events.push(event);
      if (event.name === 'changed') runner.noticeWrites(event.payload.tables);
    },
  });
  return {
    dispatcher,
    runner,
    queue,
    events,
    call: (channel, input) => queue.run(() => dispatcher.dispatch(channel, input)),
  };
}

describe('jobs.list and jobs.run', () => {
  it('lists every job with when it runs, and its last run once it has run', async () => {
    const backend = backendWith(createManualTime('2026-03-02T09:00:00Z').clock);

    const before = await backend.call('jobs.list', {});
    expect(before).toEqual({
      ok: true,
      data: {
        items: [
          expect.objectContaining({
            name: 'missed-workouts',
            label: 'Missed workouts',
            trigger:
              'At start-up, every 5 minutes and after changes to the schedule, athletes, programs or program applications',
            running: false,
            lastStartedAt: null,
            lastError: null,
            runCount: 0,
          }),
          expect.objectContaining({
            name: 'workout-reminders',
            trigger: 'At start-up, every minute and after changes to the schedule, settings or athletes',
            runCount: 0,
          }),
        ],
      },
    });

    backend.runner.start();
    await backend.runner.idle();
    backend.runner.stop();

    const after = await backend.call('jobs.list', {});
    expect(after).toMatchObject({
      ok: true,
      data: {
        items: [
          {
            name: 'missed-workouts',
            lastStartedAt: '2026-03-02T09:00:00.000Z',
            lastFinishedAt: '2026-03-02T09:00:00.000Z',
            lastResult: 'No missed workouts',
            lastError: null,
            runCount: 1,
          },
          { name: 'workout-reminders', lastResult: 'No reminders due', runCount: 1 },
        ],
      },
    });
  });

  it('runs a job on request, shows it running, and queues it once more if asked again', async () => {
    const backend = backendWith(createManualTime('2026-03-02T09:00:00Z').clock);
    const runsBefore = await runCountOf(backend, 'workout-reminders');

    // Queued together, so both calls are answered before the run's first step.
    const [run, listed, again] = await Promise.all([
      backend.call('jobs.run', { name: 'workout-reminders' }),
      backend.call('jobs.list', {}),
      backend.call('jobs.run', { name: 'workout-reminders' }),
    ]);
    expect(run).toEqual({ ok: true, data: { queued: false } });
    expect(listed).toMatchObject({ data: { items: [{ running: false }, { running: true }] } });
    expect(again).toEqual({ ok: true, data: { queued: true } });
    await backend.runner.idle();

    expect(await runCountOf(backend, 'workout-reminders')).toBe(runsBefore + 2);
  });

  it('answers not_found for a job that does not exist', async () => {
    const backend = backendWith(createManualTime('2026-03-02T09:00:00Z').clock);
    expect(await backend.call('jobs.run', { name: 'backup' })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'There is no background job called “backup”' },
    });
  });

  it('is unavailable where no job runner runs', async () => {
    const dispatcher = createDispatcher({ handlers, ctxFactory: () => base, validateOutputs: true });
    expect(await dispatcher.dispatch('jobs.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('testing.setClock', () => {
  it('is refused unless the host was started with --test-clock, and the time stays', async () => {
    const clock = createClock({ movable: false });
    const backend = backendWith(clock);

    const result = await backend.call('testing.setClock', { now: '2030-01-01T00:00:00Z' });

    expect(result).toEqual({ ok: false, error: { code: 'unavailable', message: FIXED_CLOCK_MESSAGE } });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(60_000);
  });

  it('moves the clock services and jobs read, and runs the time-based jobs at once', async () => {
    const clock = createClock({ movable: true });
    const backend = backendWith(clock);
    const athlete = await backend.call('athletes.create', { name: 'Ada', timeZone: 'Europe/London' });
    const athleteId = (athlete.data as { id: string }).id;
    const ctx = { ...base, touched: () => undefined };
    const templateId = await insertTemplate(ctx, 'Upper A');
    const workoutId = await insertWorkout(ctx, { athleteId, templateId, scheduledDate: '2030-06-03' });
    await backend.runner.idle();
    backend.events.length = 0;

    // 15:30 in London (BST) on the day: 1 h 30 min before the usual 17:00.
    const moved = await backend.call('testing.setClock', { now: '2030-06-03T14:30:00Z' });
    expect(moved).toMatchObject({ ok: true, data: { now: expect.stringMatching(/^2030-06-03T14:30:/) } });
    const created = await backend.call('athletes.create', { name: 'Later', timeZone: 'UTC' });
    expect((created.data as { createdAt: string }).createdAt).toMatch(/^2030-06-03T14:30:/);
    await backend.runner.idle();

    expect(backend.events).toContainEqual({
      name: 'reminder',
      payload: expect.objectContaining({
        scheduledWorkoutId: workoutId,
        title: 'Ada: Upper A at 17:00 (London time)',
        body: 'Starts in 1 h 30 min.',
      }),
    });

    expect(await backend.call('testing.setClock', { now: null })).toMatchObject({ ok: true });
    expect(Math.abs(clock.now().getTime() - Date.now())).toBeLessThan(60_000);
    await backend.runner.idle();
    backend.runner.stop();
  });
});

async function runCountOf(backend: Backend, name: string): Promise<number> {
  const listed = await backend.call('jobs.list', {});
  const items = (listed.data as { items: { name: string; runCount: number }[] }).items;
  return items.find((item) => item.name === name)?.runCount ?? -1;
}
