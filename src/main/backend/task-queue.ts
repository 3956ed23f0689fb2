/**
 * The worker's one line of work. PGlite answers one query at a time anyway; running contract calls
 * and background-job steps one after another, in arrival order, keeps each one's transaction whole,
 * lets calls slip in between the steps of a long job, and makes `stop` wait for what came before it.
 */

export class QueueClosedError extends Error {
  constructor() {
    super('The backend is stopping; the task was dropped');
    this.name = 'QueueClosedError';
  }
}

export interface TaskQueue {
  /** Runs `task` once every task queued before it has settled; settles with its outcome. */
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks that have not started yet fail with QueueClosedError instead of running. */
  close(): void;
  /** Resolves once every task queued so far has settled. */
  drained(): Promise<void>;
}

export function createTaskQueue(): TaskQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    run(task) {
      const result = tail.then(() => {
        if (closed) throw new QueueClosedError();
        return task();
      });
      // The next task waits for this one whatever its outcome.
      tail = result.catch(() => undefined);
      return result;
    },
    close() {
      closed = true;
    },
    drained() {
      return tail.then(() => undefined);
    },
  };
}
