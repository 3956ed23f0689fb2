import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TableName } from '../../shared/contract';
import type { BackendEvent } from '../../shared/contract/events';
import { createTaskQueue, type TaskQueue } from '../backend/task-queue';
import type { Database } from '../db/client';
import { createTestDatabase } from '../db/test-support';
import { createTestContext, type TestContext } from '../services/test-fixtures';
import type { Job, JobContext, JobStep } from './job';
import { readJobRuns } from './job-runs';
import { createJobRunner, type JobRunner } from './runner';
import { createManualTime, type ManualTime } from './test-support';

let database: Database;
let baseContext: TestContext;

beforeAll(async () => {
  database = await createTestDatabase();
  baseContext = await createTestContext(database);
});

afterAll(async () => {
  await database.close();
});

beforeEach(async () => {
  await database.db.execute(sql`DELETE FROM job_run`);
});

interface Harness {
  runner: JobRunner;
  queue: TaskQueue;
  time: ManualTime;
  events: BackendEvent[];
  log: ReturnType<typeof vi.fn>;
}

function harness(jobs: Job[], options: { queue?: TaskQueue } = {}): Harness {
  const time = createManualTime('2026-03-02T09:00:00Z');
  const queue = options.queue ?? createTaskQueue();
  const events: BackendEvent[] = [];
  const log = vi.fn();
  const { touched: _touched, touchedTables: _tables, ...context } = baseContext;
  const runner = createJobRunner({
    jobs,
    queue,
    clock: time.clock,
    scheduler: time.scheduler,
    context: () => ({ ...context, now: time.clock.now }),
    emit: (event) => events.push(event),
    debounceMs: 500,
    log,
  });
  return { runner, queue, time, events, log };
}

/** A job whose runs take `steps` steps; it counts its steps and runs, and can be told to fail. */
function countingJob(
  name: string,
  triggers: Job['triggers'],
  options: { steps?: number; touches?: TableName[]; onStep?: (ctx: JobContext, step: number) => void } = {},
) {
  const counts = { runs: 0, steps: 0, failNext: false };
  const job: Job = {
    name,
    label: name,
    description: `The ${name} test job`,
    triggers,
    begin() {
      counts.runs += 1;
      let step = 0;
      return {
        async step(ctx): Promise<JobStep> {
          step += 1;
          counts.steps += 1;
          options.onStep?.(ctx, step);
          if (counts.failNext) {
            counts.failNext = false;
            throw new Error('The disk is full');
          }
          if (options.touches) ctx.touched(...options.touches);
          const done = step >= (options.steps ?? 1);
          return { done, processed: 1, summary: `${step} steps done` };
        },
      };
    },
  };
  return { job, counts };
}

describe('triggers', () => {
  it('runs a start-up job once the runner starts, and records the run', async () => {
    const { job, counts } = countingJob('tidy', { onStart: true }, { steps: 3, touches: ['athlete'] });
    const { runner, time, events } = harness([job]);

    runner.start();
    await runner.idle();

    expect(counts).toMatchObject({ runs: 1, steps: 3 });
    const run = (await readJobRuns(database.db)).get('tidy');
    expect(run).toMatchObject({
      lastStartedAt: time.clock.now().toISOString(),
      lastFinishedAt: time.clock.now().toISOString(),
      lastResult: '3 steps done',
      lastError: null,
      runCount: 1,
    });
    expect(run?.lastDurationMs).toBeGreaterThanOrEqual(0);
    // Each step announces what it touched, and the run record.
    expect(events).toEqual(
      Array.from({ length: 3 }, () => ({ name: 'changed', payload: { tables: ['athlete', 'job_run'] } })),
    );
  });

  it('runs an interval job each time its interval has passed on the clock, counted from the last run', async () => {
    const { job, counts } = countingJob('tick', { everyMs: 60_000 });
    const { runner, time } = harness([job]);
    runner.start();

    time.advance(59_999);
    await runner.idle();
    expect(counts.runs).toBe(0);

    time.advance(1);
    await runner.idle();
    expect(counts.runs).toBe(1);

    time.advance(60_000);
    await runner.idle();
    expect(counts.runs).toBe(2);
    runner.stop();
  });

  it('runs an after-writes job once for a burst of writes, after a quiet moment', async () => {
    const { job, counts } = countingJob('follow', { afterWrites: ['scheduled_workout', 'athlete'] });
    const { runner, time } = harness([job]);
    runner.start();

    runner.noticeWrites(['exercise']);
    runner.noticeWrites(['scheduled_workout']);
    time.advance(200);
    runner.noticeWrites(['athlete', 'exercise']);
    runner.noticeWrites(['scheduled_workout']);
    time.advance(299);
    await runner.idle();
    expect(counts.runs).toBe(0);

    time.advance(1);
    await runner.idle();
    expect(counts.runs).toBe(1);
    expect(time.pendingTimers()).toBe(0);
  });

  it('does not re-run a job for its own writes, but runs the jobs that follow them', async () => {
    const writer = countingJob(
      'writer',
      { afterWrites: ['scheduled_workout'] },
      { touches: ['scheduled_workout'] },
    );
    const follower = countingJob('follower', { afterWrites: ['scheduled_workout'] });
    const { runner, time } = harness([writer.job, follower.job]);

    runner.request('writer');
    await runner.idle();
    time.advance(500);
    await runner.idle();

    expect(writer.counts.runs).toBe(1);
    expect(follower.counts.runs).toBe(1);
  });

  it('runs the time-based jobs at once when the clock is moved', async () => {
    const timed = countingJob('timed', { everyMs: 3_600_000 });
    const startOnly = countingJob('start-only', { onStart: true });
    const { runner } = harness([timed.job, startOnly.job]);

    runner.timeMoved();
    await runner.idle();

    expect(timed.counts.runs).toBe(1);
    expect(startOnly.counts.runs).toBe(0);
  });

  it('runs a job asked for while it runs once more afterwards, not once per ask', async () => {
    const { job, counts } = countingJob('busy', {}, { steps: 2 });
    const { runner } = harness([job]);

    expect(runner.request('busy')).toEqual({ queued: false });
    expect(runner.request('busy')).toEqual({ queued: true });
    expect(runner.request('busy')).toEqual({ queued: true });
    expect(runner.describe()[0]?.running).toBe(true);
    await runner.idle();

    expect(counts.runs).toBe(2);
    expect((await readJobRuns(database.db)).get('busy')?.runCount).toBe(2);
    expect(runner.describe()[0]?.running).toBe(false);
    expect(runner.request('nope')).toBeNull();
  });

  it('describes each job and when it runs, in words', () => {
    const { job } = countingJob('words', {
      onStart: true,
      everyMs: 5 * 60_000,
      afterWrites: ['scheduled_workout', 'athlete', 'program'],
    });
    const { runner } = harness([job]);
    expect(runner.describe()).toEqual([
      {
        name: 'words',
        label: 'words',
        description: 'The words test job',
        trigger: 'At start-up, every 5 minutes and after changes to the schedule, athletes or programs',
        running: false,
      },
    ]);
  });
});

describe('steps', () => {
  it('takes turns with calls in the queue: calls queued during a run go between its steps', async () => {
    const order: string[] = [];
    const { job } = countingJob(
      'stepper',
      {},
      { steps: 3, onStep: (_ctx, step) => order.push(`step ${step}`) },
    );
    const { runner, queue } = harness([job]);

    runner.request('stepper');
    void queue.run(async () => void order.push('call A'));
    void queue.run(async () => void order.push('call B'));
    await runner.idle();

    expect(order).toEqual(['step 1', 'call A', 'call B', 'step 2', 'step 3']);
  });

  it('records a failing step’s error without stopping the runner, and a good run clears it', async () => {
    const { job, counts } = countingJob('fragile', {}, { touches: ['athlete'] });
    const { runner, events, log } = harness([job]);

    counts.failNext = true;
    runner.request('fragile');
    await runner.idle();

    expect((await readJobRuns(database.db)).get('fragile')).toMatchObject({
      lastError: 'The disk is full',
      lastResult: 'Stopped by an error',
      runCount: 1,
    });
    expect(log).toHaveBeenCalledWith('Background job fragile failed', expect.any(Error));
    // The failed step's writes rolled back: only the run record is announced.
    expect(events).toEqual([{ name: 'changed', payload: { tables: ['job_run'] } }]);

    runner.request('fragile');
    await runner.idle();
    expect((await readJobRuns(database.db)).get('fragile')).toMatchObject({
      lastError: null,
      lastResult: '1 steps done',
      runCount: 2,
    });
  });

  it('sends a step’s events after the step, and drops them when the step fails', async () => {
    let fail = false;
    const job: Job = {
      name: 'announcer',
      label: 'announcer',
      description: '',
      triggers: {},
      begin: () => ({
        async step(ctx) {
          ctx.emit({ name: 'changed', payload: { tables: ['program'] } });
          if (fail) throw new Error('no');
          return { done: true, processed: 1 };
        },
      }),
    };
    const { runner, events } = harness([job]);

    runner.request('announcer');
    await runner.idle();
    fail = true;
    runner.request('announcer');
    await runner.idle();

    expect(
      events.filter((event) => event.name === 'changed' && event.payload.tables.includes('program')),
    ).toHaveLength(1);
  });
});

describe('stopping', () => {
  it('starts no step after stop: steps already queued are dropped, timers cleared', async () => {
    const { job, counts } = countingJob('long', { everyMs: 60_000, afterWrites: ['athlete'] }, { steps: 5 });
    const { runner, queue, time } = harness([job]);
    runner.start();

    // Hold the queue so the run's first step waits behind a call, then stop meanwhile.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    void queue.run(() => gate);
    runner.request('long');
    runner.noticeWrites(['athlete']);
    runner.stop();
    release();
    await runner.idle();
    time.advance(10 * 60_000);
    await runner.idle();

    expect(counts.steps).toBe(0);
    expect(time.pendingTimers()).toBe(0);
    expect(runner.request('long')).toEqual({ queued: false });
    await runner.idle();
    expect(counts.steps).toBe(0);
  });

  it('lets a running step finish and starts no other, so the database can close after it', async () => {
    const closing = await createTestDatabase();
    const ctx = await createTestContext(closing);
    const queue = createTaskQueue();
    const time = createManualTime('2026-03-02T09:00:00Z');
    const { job, counts } = countingJob(
      'cut-short',
      {},
      { steps: 10, onStep: (_ctx, step) => step === 2 && runner.stop() },
    );
    const { touched: _touched, touchedTables: _tables, ...context } = ctx;
    const log = vi.fn();
    const runner: JobRunner = createJobRunner({
      jobs: [job],
      queue,
      clock: time.clock,
      scheduler: time.scheduler,
      context: () => context,
      emit: () => undefined,
      log,
    });

    runner.request('cut-short');
    await runner.idle();
    await queue.run(() => closing.close());
    queue.close();
    await runner.idle();

    expect(counts.steps).toBe(2);
    expect(log).not.toHaveBeenCalled();
  });
});
