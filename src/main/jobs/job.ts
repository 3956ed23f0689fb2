/**
 * What a background job is: a name, the triggers that start it, and a body that runs in small
 * steps. Each step is one task in the backend's queue (src/main/backend/task-queue.ts), so user
 * calls run between steps and a step's transaction is never split. A step does a bounded amount of
 * work and says whether there is more; jobs are idempotent, so a run cut short by a quit is simply
 * finished by the next one.
 */
import type { TableName } from '../../shared/contract';
import type { BackendEvent } from '../../shared/contract/events';
import type { ServiceContext } from '../services/context';

export interface JobTriggers {
  /** Once the backend is up. */
  onStart?: boolean;
  /** Again this long after the last run ended (timers read the injectable clock). */
  everyMs?: number;
  /** After a write touched one of these tables (a burst of writes runs the job once). */
  afterWrites?: readonly TableName[];
}

export interface JobStep {
  /** False when the job has more to do: the runner queues another step. */
  done: boolean;
  /** Rows this step handled (for the words and the tests). */
  processed: number;
  /** What the run has done so far, in words; the last step's is kept as the run's result. */
  summary?: string;
}

/** What a step gets: a service context (its own `touched`) and a way to announce events. */
export interface JobContext extends ServiceContext {
  /** Sent once the step has finished (so after its transaction committed); dropped if it fails. */
  emit(event: BackendEvent): void;
}

/** One run of a job: holds what the run counted so far, and does its next step. */
export interface JobRun {
  step(ctx: JobContext): Promise<JobStep>;
}

export interface Job {
  name: string;
  /** For Settings → Background jobs. */
  label: string;
  description: string;
  triggers: JobTriggers;
  /** Begins a run; each run starts from the database's state, never from a previous run's. */
  begin(): JobRun;
}

/** How the runner is driven from the services (jobs.list, jobs.run, testing.setClock). */
export interface JobControl {
  /** Every registered job with whether it is running now. */
  describe(): JobDescription[];
  /** Runs a job now, or once more after its current run; null when no job has that name. */
  request(name: string): { queued: boolean } | null;
  /** The clock jumped: run the time-based jobs at once and count their intervals from now. */
  timeMoved(): void;
}

export interface JobDescription {
  name: string;
  label: string;
  description: string;
  /** When it runs, in words. */
  trigger: string;
  running: boolean;
}

const TABLE_WORDS: Partial<Record<TableName, string>> = {
  scheduled_workout: 'the schedule',
  athlete: 'athletes',
  program: 'programs',
  program_assignment: 'program applications',
  user_preferences: 'settings',
  workout_session: 'workouts',
};

/** "at start-up, every 5 minutes and after changes to the schedule, athletes or programs" */
export function describeTriggers(triggers: JobTriggers): string {
  const parts: string[] = [];
  if (triggers.onStart) parts.push('at start-up');
  if (triggers.everyMs) parts.push(`every ${describeInterval(triggers.everyMs)}`);
  if (triggers.afterWrites?.length) {
    const words = [
      ...new Set(triggers.afterWrites.map((table) => TABLE_WORDS[table] ?? table.replace(/_/g, ' '))),
    ];
    parts.push(`after changes to ${listWords(words, 'or')}`);
  }
  if (parts.length === 0) return 'only when asked';
  const sentence = listWords(parts, 'and');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

function describeInterval(ms: number): string {
  const units: [number, string][] = [
    [3_600_000, 'hour'],
    [60_000, 'minute'],
    [1_000, 'second'],
  ];
  for (const [size, unit] of units) {
    if (ms >= size && ms % size === 0) {
      const count = ms / size;
      return count === 1 ? unit : `${count} ${unit}s`;
    }
  }
  return `${ms} ms`;
}

function listWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${conjunction} ${words.at(-1)}`;
}
