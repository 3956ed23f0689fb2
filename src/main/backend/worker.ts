/**
 * The backend worker (worker_threads): owns the database and serves contract calls for a host.
 * It runs no Electron, so the shell, the web host and the tests all start this same file.
 */
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import type { Database } from '../db/client';
import { openDatabase } from '../db/open';
import { handlers } from '../services';
import { ensureOrganization } from '../services/organization';
import { createDispatcher, type Dispatcher } from './dispatcher';
import type { BackendWorkerData, HostMessage, WorkerMessage } from './envelope';
import { BackendStartError } from './handle';

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
  organizationId: string;
}

async function start(): Promise<Backend> {
  const database = await openDatabase(config);
  try {
    const now = new Date();
    const { organizationId, created } = await ensureOrganization(database.db, { now });
    if (config.demo && created) {
      // Loaded only here: the demo generator is needed once, on a demo folder's first run.
      const { seedDemo } = await import('../seed/demo');
      await seedDemo(database, organizationId, { now });
    }
    const dispatcher = createDispatcher({
      handlers,
      ctxFactory: () => ({
        db: database.db,
        organizationId,
        now: () => new Date(),
        host: config.host,
        dataDir: config.dataDir,
        resourcesDir: config.resourcesDir,
        version: config.version,
      }),
      validateOutputs: config.validateOutputs,
      emit: (event) => post({ type: 'event', event }),
    });
    return { database, dispatcher, organizationId };
  } catch (error) {
    await database.close();
    throw error;
  }
}

function serve({ database, dispatcher, organizationId }: Backend): void {
  // PGlite answers one query at a time anyway; handling calls in arrival order keeps each
  // call's transaction whole and makes `stop` wait for the calls before it.
  let queue = Promise.resolve();
  port.on('message', (message: HostMessage) => {
    queue = queue
      .then(() => handle(message, database, dispatcher))
      .catch((error: unknown) => console.error('The backend could not handle a message', error));
  });
  post({ type: 'started', organizationId });
}

async function handle(message: HostMessage, database: Database, dispatcher: Dispatcher): Promise<void> {
  if (message.type === 'call') {
    const result = await dispatcher.dispatch(message.channel, message.input);
    post({ type: 'result', id: message.id, result });
    return;
  }
  try {
    await database.close();
  } finally {
    post({ type: 'stopped' });
    port.close();
  }
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
