/**
 * For job tests: a clock and a scheduler that move only when the test says so (interval and
 * debounce timers fire without waiting, every "now" is predictable), rows to work on, and a way to
 * run one job to its end without a runner.
 */
import { uuidv7 } from 'uuidv7';
import type { TableName } from '../../shared/contract';
import type { BackendEvent } from '../../shared/contract/events';
import type { MovableClock } from '../backend/clock';
import { athlete, scheduledWorkout, workoutTemplate } from '../db/schema';
import type { ServiceContext } from '../services/context';
import type { Job, JobContext } from './job';
import type { Scheduler, TimerHandle } from './scheduler';

interface PendingTimer {
  handle: TimerHandle;
  dueAt: number;
  callback: () => void;
}

export interface ManualTime {
  clock: MovableClock;
  scheduler: Scheduler;
  /** Moves the clock on by `ms`, firing each timer that falls due, in order, at its due time. */
  advance(ms: number): void;
  /** Timers still waiting. */
  pendingTimers(): number;
}

export function createManualTime(start: Date | string): ManualTime {
  let current = new Date(start).getTime();
  let timers: PendingTimer[] = [];
  let nextId = 1;

  const clock: MovableClock = {
    movable: true,
    now: () => new Date(current),
    set(target) {
      if (target) current = target.getTime();
      return new Date(current);
    },
  };
  const scheduler: Scheduler = {
    setTimer(callback, delayMs) {
      const handle = { timer: nextId++ };
      timers.push({ handle, dueAt: current + Math.max(0, delayMs), callback });
      return handle;
    },
    clearTimer(handle) {
      timers = timers.filter((timer) => timer.handle !== handle);
    },
  };

  return {
    clock,
    scheduler,
    advance(ms) {
      const until = current + ms;
      for (;;) {
        const due = timers.filter((timer) => timer.dueAt <= until).sort((a, b) => a.dueAt - b.dueAt)[0];
        if (!due) break;
        timers = timers.filter((timer) => timer !== due);
        current = Math.max(current, due.dueAt);
        due.callback();
      }
      current = until;
    },
    pendingTimers: () => timers.length,
  };
}

// ---- Rows and runs for the jobs' own tests ----

export async function insertAthlete(ctx: ServiceContext, name: string, timeZone: string): Promise<string> {
  const id = uuidv7();
  await ctx.db.insert(athlete).values({ id, organizationId: ctx.organizationId, name, timeZone });
  return id;
}

export async function insertTemplate(ctx: ServiceContext, name: string): Promise<string> {
  const id = uuidv7();
  await ctx.db.insert(workoutTemplate).values({ id, organizationId: ctx.organizationId, name });
  return id;
}

export async function insertWorkout(
  ctx: ServiceContext,
  values: Pick<typeof scheduledWorkout.$inferInsert, 'athleteId' | 'templateId' | 'scheduledDate'> &
    Partial<typeof scheduledWorkout.$inferInsert>,
): Promise<string> {
  const id = uuidv7();
  await ctx.db.insert(scheduledWorkout).values({ id, organizationId: ctx.organizationId, ...values });
  return id;
}

export interface FinishedJobRun {
  steps: number;
  processed: number;
  summary: string | undefined;
  events: BackendEvent[];
  touched: TableName[];
}

/** Runs one run of `job` to its end, step by step, without a runner. */
export async function runToEnd(job: Job, ctx: ServiceContext, maxSteps = 1_000): Promise<FinishedJobRun> {
  const run = job.begin();
  const finished: FinishedJobRun = { steps: 0, processed: 0, summary: undefined, events: [], touched: [] };
  const jobContext: JobContext = {
    ...ctx,
    touched: (...tables) =>
      void finished.touched.push(...tables.filter((table) => !finished.touched.includes(table))),
    emit: (event) => void finished.events.push(event),
  };
  for (;;) {
    const step = await run.step(jobContext);
    finished.steps += 1;
    finished.processed += step.processed;
    finished.summary = step.summary;
    if (step.done) return finished;
    if (finished.steps >= maxSteps) throw new Error(`${job.name} did not finish in ${maxSteps} steps`);
  }
}
