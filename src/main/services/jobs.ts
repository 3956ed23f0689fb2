/**
 * Settings → Background jobs (jobs.list, jobs.run) and, in a host started with `--test-clock`
 * only, moving the backend's clock (testing.setClock). The jobs themselves live in src/main/jobs.
 */
import { InvalidInput, NotFound, Unavailable, type OutputOf } from '../../shared/contract';
import type { JobStatus } from '../../shared/domain/jobs';
import { readJobRuns } from '../jobs/job-runs';
import type { BackendRuntime, Handlers, ServiceContext } from './context';

export const FIXED_CLOCK_MESSAGE = 'The clock can only be moved in a host started with --test-clock';

function runtimeOf(ctx: ServiceContext): BackendRuntime {
  if (!ctx.runtime) throw new Unavailable('Background jobs do not run in this process');
  return ctx.runtime;
}

/** Each job with its last run (from job_run) and whether it runs now. */
export async function listJobs(ctx: ServiceContext): Promise<OutputOf<'jobs.list'>> {
  const { jobs } = runtimeOf(ctx);
  const runs = await readJobRuns(ctx.db);
  const items = jobs.describe().map((job): JobStatus => {
    const run = runs.get(job.name);
    return {
      ...job,
      lastStartedAt: run?.lastStartedAt ?? null,
      lastFinishedAt: run?.lastFinishedAt ?? null,
      lastDurationMs: run?.lastDurationMs ?? null,
      lastResult: run?.lastResult ?? null,
      lastError: run?.lastError ?? null,
      runCount: run?.runCount ?? 0,
    };
  });
  return { items };
}

export function runJob(ctx: ServiceContext, name: string): OutputOf<'jobs.run'> {
  const outcome = runtimeOf(ctx).jobs.request(name);
  if (!outcome) throw new NotFound(`There is no background job called “${name}”`);
  return outcome;
}

export function setClock(ctx: ServiceContext, now: string | null): OutputOf<'testing.setClock'> {
  const runtime = ctx.runtime;
  if (!runtime?.clock.movable) throw new Unavailable(FIXED_CLOCK_MESSAGE);
  const target = now === null ? null : new Date(now);
  if (target && Number.isNaN(target.getTime())) {
    const message = `“${now}” is not a date and time; use an ISO timestamp like 2026-03-02T15:30:00Z`;
    throw new InvalidInput(message, [{ path: ['now'], message }]);
  }
  const moved = runtime.clock.set(target);
  // Reminders and missed workouts depend on the time: look again at once, so a test sees the
  // effect of the jump without waiting for the next interval.
  runtime.jobs.timeMoved();
  return { now: moved.toISOString() };
}

export const jobHandlers: Pick<Handlers, 'jobs.list' | 'jobs.run' | 'testing.setClock'> = {
  'jobs.list': (_input, ctx) => listJobs(ctx),
  'jobs.run': async (input, ctx) => runJob(ctx, input.name),
  'testing.setClock': async (input, ctx) => setClock(ctx, input.now),
};
