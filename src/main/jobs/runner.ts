/**
 * The job runner: starts jobs on their triggers (start-up, an interval, after writes), runs each
 * one step at a time through the backend's task queue, records every run in `job_run`, and
 * announces what the steps changed. A job asked to run while it runs is run once more afterwards
 * (not twice); a failing job records its error and the next trigger runs it again.
 */
import type { TableName } from '../../shared/contract';
import type { BackendEvent } from '../../shared/contract/events';
import type { Clock } from '../backend/clock';
import type { TaskQueue } from '../backend/task-queue';
import type { ServiceContext } from '../services/context';
import { describeTriggers, type Job, type JobControl, type JobContext, type JobStep } from './job';
import { recordRunFinished, recordRunStarted } from './job-runs';
import { realScheduler, type Scheduler, type TimerHandle } from './scheduler';

export interface JobRunnerOptions {
  jobs: readonly Job[];
  queue: TaskQueue;
  clock: Clock;
  scheduler?: Scheduler;
  /** A step's service context, without `touched` (the runner records those per step). */
  context: () => Omit<ServiceContext, 'touched'>;
  /** Sends an event to the host: `changed` after a step wrote, and the jobs' own events. */
  emit: (event: BackendEvent) => void;
  /** How long an after-writes job waits, so a burst of writes runs it once. */
  debounceMs?: number;
  /** A safety net: a run ends after this many steps even if its job says there is more. */
  maxStepsPerRun?: number;
  /** Real elapsed milliseconds, for durations (the clock may be moved by tests). */
  elapsedMs?: () => number;
  log?: (message: string, error: unknown) => void;
}

export interface JobRunner extends JobControl {
  /** Arms the interval timers and runs the start-up jobs. */
  start(): void;
  /** A call or a job wrote these tables; `source` is the job that wrote them (it is not re-run). */
  noticeWrites(tables: readonly TableName[], source?: string): void;
  /** No step starts after this; steps already running finish. Timers are cleared. */
  stop(): void;
  /** Resolves once no job is running (for tests and an orderly stop). */
  idle(): Promise<void>;
}

interface JobState {
  job: Job;
  running: Promise<void> | null;
  /** Asked to run while running: run once more afterwards. */
  again: boolean;
  intervalTimer?: TimerHandle;
  writeTimer?: TimerHandle;
}

type StepOutcome =
  | { kind: 'dropped' }
  | { kind: 'step'; step: JobStep; finished: boolean; touched: Set<TableName>; events: BackendEvent[] }
  | { kind: 'failed'; touched: Set<TableName> };

const DEFAULT_DEBOUNCE_MS = 500;
const DEFAULT_MAX_STEPS = 10_000;

export function createJobRunner(options: JobRunnerOptions): JobRunner {
  const scheduler = options.scheduler ?? realScheduler;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const maxSteps = options.maxStepsPerRun ?? DEFAULT_MAX_STEPS;
  const elapsedMs = options.elapsedMs ?? (() => performance.now());
  const log = options.log ?? ((message, error) => console.error(message, error));
  const states = new Map<string, JobState>(
    options.jobs.map((job) => [job.name, { job, running: null, again: false }]),
  );
  let stopped = false;

  function request(name: string): { queued: boolean } | null {
    const state = states.get(name);
    if (!state) return null;
    if (stopped) return { queued: false };
    if (state.running) {
      state.again = true;
      return { queued: true };
    }
    state.running = runJob(state).finally(() => {
      state.running = null;
      if (stopped) return;
      armInterval(state);
      if (state.again) {
        state.again = false;
        request(name);
      }
    });
    return { queued: false };
  }

  async function runJob(state: JobState): Promise<void> {
    const { job } = state;
    const run = job.begin();
    const startedAt = options.clock.now();
    const began = elapsedMs();
    let steps = 0;

    /** One step as one queue task: the step, and the run's record when it starts or ends. */
    const stepTask = async (): Promise<StepOutcome> => {
      if (stopped) return { kind: 'dropped' };
      const base = options.context();
      const touched = new Set<TableName>();
      const events: BackendEvent[] = [];
      const ctx: JobContext = {
        ...base,
        touched: (...tables) => tables.forEach((table) => touched.add(table)),
        emit: (event) => void events.push(event),
      };
      if (steps === 0) {
        await recordRunStarted(base.db, job.name, startedAt);
      }
      try {
        const step = await run.step(ctx);
        steps += 1;
        const finished = step.done || steps >= maxSteps;
        if (finished) {
          await recordRunFinished(base.db, job.name, {
            finishedAt: options.clock.now(),
            durationMs: elapsedMs() - began,
            result: step.summary ?? `${step.processed} handled`,
            error: null,
          });
        }
        return { kind: 'step', step, finished, touched: touched.add('job_run'), events };
      } catch (error) {
        // The step's transaction rolled back: what it touched and announced did not happen.
        log(`Background job ${job.name} failed`, error);
        await recordRunFinished(base.db, job.name, {
          finishedAt: options.clock.now(),
          durationMs: elapsedMs() - began,
          result: steps > 0 ? `Stopped by an error after ${steps} steps` : 'Stopped by an error',
          error: messageOf(error),
        });
        return { kind: 'failed', touched: new Set(['job_run']) };
      }
    };

    for (;;) {
      let outcome: StepOutcome;
      try {
        outcome = await options.queue.run(stepTask);
      } catch (error) {
        // The queue closed (the backend is stopping) or the run could not even be recorded.
        if (!stopped) log(`Background job ${job.name} could not run`, error);
        return;
      }
      if (outcome.kind === 'dropped') return;
      announce(job.name, outcome.touched);
      if (outcome.kind === 'failed') return;
      for (const event of outcome.events) options.emit(event);
      if (outcome.finished) return;
    }
  }

  function announce(source: string, touched: Set<TableName>): void {
    if (touched.size === 0) return;
    const tables = [...touched];
    options.emit({ name: 'changed', payload: { tables } });
    noticeWrites(tables, source);
  }

  function armInterval(state: JobState): void {
    const everyMs = state.job.triggers.everyMs;
    if (!everyMs || stopped) return;
    if (state.intervalTimer) scheduler.clearTimer(state.intervalTimer);
    const dueAt = options.clock.now().getTime() + everyMs;
    const wait = (delayMs: number) => {
      state.intervalTimer = scheduler.setTimer(() => {
        state.intervalTimer = undefined;
        // The timer is real but "now" is the clock's: if the clock has not reached the due time
        // yet, wait for the rest.
        const remainingMs = dueAt - options.clock.now().getTime();
        if (remainingMs > 0) wait(remainingMs);
        else request(state.job.name);
      }, delayMs);
    };
    wait(everyMs);
  }

  function noticeWrites(tables: readonly TableName[], source?: string): void {
    if (stopped) return;
    for (const state of states.values()) {
      const watched = state.job.triggers.afterWrites;
      if (!watched || state.job.name === source || state.writeTimer) continue;
      if (!tables.some((table) => watched.includes(table))) continue;
      // The first write of a burst arms the timer; the rest of the burst rides on it.
      state.writeTimer = scheduler.setTimer(() => {
        state.writeTimer = undefined;
        request(state.job.name);
      }, debounceMs);
    }
  }

  return {
    request,
    noticeWrites,

    start() {
      for (const state of states.values()) {
        if (state.job.triggers.onStart) request(state.job.name);
        else armInterval(state);
      }
    },

    timeMoved() {
      for (const state of states.values()) {
        if (state.job.triggers.everyMs) request(state.job.name);
      }
    },

    describe() {
      return [...states.values()].map(({ job, running }) => ({
        name: job.name,
        label: job.label,
        description: job.description,
        trigger: describeTriggers(job.triggers),
        running: running !== null,
      }));
    },

    stop() {
      stopped = true;
      for (const state of states.values()) {
        for (const timer of [state.intervalTimer, state.writeTimer]) if (timer) scheduler.clearTimer(timer);
        state.intervalTimer = state.writeTimer = undefined;
        state.again = false;
      }
    },

    async idle() {
      for (;;) {
        const running = [...states.values()].flatMap((state) => (state.running ? [state.running] : []));
        if (running.length === 0) return;
        await Promise.all(running);
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
