/**
 * The backend worker (worker_threads): owns the database and serves contract calls for a host.
 * It runs no Electron, so the shell, the web host and the tests all start this same file. Contract
 * calls and background-job steps take turns in one task queue; the clock is the one every service
 * and job reads (movable only with `--test-clock`).
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { BackendEvent } from '../../shared/contract/events';
import type { Database } from '../db/client';
import { openDatabase } from '../db/open';
import { createJobRunner, JOBS, type JobRunner } from '../jobs';
import { handlers } from '../services';
import type { BackendRuntime, ServiceContext } from '../services/context';
import { ensureOrganization } from '../services/organization';
import { createClock } from './clock';
import { createDispatcher, type Dispatcher } from './dispatcher';
import type { BackendWorkerData, HostMessage, WorkerMessage } from './envelope';
import { BackendStartError } from './handle';
import { createTaskQueue, QueueClosedError, type TaskQueue } from './task-queue';

function requirePort(): MessagePort {
  if (!parentPort) throw new Error('The backend worker must be started as a worker thread');
  return parentPort;
}
const port = requirePort();
const config = workerData as BackendWorkerData;

function post(message: WorkerMessage): void {
  port.postMessage(message);
}

interface Backend {
  database: Database;
  dispatcher: Dispatcher;
  queue: TaskQueue;
  runner: JobRunner;
  organizationId: string;
}

async function start(): Promise<Backend> {
  const database = await openDatabase(config);
  try {
    const clock = createClock({ movable: config.testClock });
    const { organizationId, created } = await ensureOrganization(database.db, { now: clock.now() });
    if (config.demo && created) {
      // Loaded only here: the demo generator is needed once, on a demo folder's first run.
      const { seedDemo } = await import('../seed/demo');
      await seedDemo(database, organizationId, { now: clock.now() });
    }
    const queue = createTaskQueue();
    const context = (): Omit<ServiceContext, 'touched'> => ({
      db: database.db,
      organizationId,
      now: clock.now,
      host: config.host,
      dataDir: config.dataDir,
      resourcesDir: config.resourcesDir,
      version: config.version,
      runtime,
    });
    const emit = (event: BackendEvent) => post({ type: 'event', event });
    const runner = createJobRunner({ jobs: JOBS, queue, clock, context, emit });
    const runtime: BackendRuntime = { jobs: runner, clock };
    const dispatcher = createDispatcher({
      handlers,
      ctxFactory: context,
      validateOutputs: config.validateOutputs,
      emit: (event) => {
        emit(event);
        // Jobs that follow these tables (missed workouts, reminders) look again after the write.
        if (event.name === 'changed') runner.noticeWrites(event.payload.tables);
      },
    });
    return { database, dispatcher, queue, runner, organizationId };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function serve({ database, dispatcher, queue, runner, organizationId }: Backend): void {
  // One queue for calls and job steps (task-queue.ts): a call's transaction is never split, and
  // `stop` waits for the tasks queued before it.
  port.on('message', (message: HostMessage) => {
    if (message.type === 'call') {
      queue
        .run(() => dispatcher.dispatch(message.channel, message.input))
        .then(
          (result) => post({ type: 'result', id: message.id, result }),
          (error: unknown) => {
            // After `stop` the host has already answered the call as shutting down.
            if (!(error instanceof QueueClosedError))
              console.error('The backend could not handle a call', error);
          },
        );
      return;
    }
    // No job step starts from here on; steps already queued are dropped, not run.
    runner.stop();
    void queue
      .run(async () => {
        queue.close();
        await database.close();
      })
      .catch((error: unknown) => console.error('The database did not close cleanly', error))
      .finally(() => {
        post({ type: 'stopped' });
        port.close();
      });
  });
  post({ type: 'started', organizationId });
  runner.start();
}

start().then(serve, (error: unknown) => {
  if (!(error instanceof BackendStartError)) console.error('The backend failed to start', error);
  const startError =
    error instanceof BackendStartError
      ? error
      : new BackendStartError('failed', 'Lift Tracker could not start its database; the error was logged');
  post({ type: 'start-failed', code: startError.code, message: startError.message });
  port.close();
});
