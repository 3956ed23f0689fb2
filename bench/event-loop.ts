/**
 * Event-loop lag on the main thread while the database works: node:perf_hooks'
 * monitorEventLoopDelay samples how late a 10 ms timer fires, so a synchronous PGlite query on
 * this thread shows up as a lag as long as the query.
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { type Database } from '../src/main/db/client';
import { contract, type OutputOf } from '../src/shared/contract';
import { HEAVY_AGGREGATE } from './heavy-query';
import { durations, timed } from './stats';

export interface Lag {
  maxMs: number;
  p99Ms: number;
}

function watchLag(): { stop(): Lag } {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      // The histogram reports the delay beyond the 10 ms timer, in nanoseconds.
      return { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 };
    },
  };
}

/** Yield to the loop so the histogram's timer can fire between steps. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

export async function measureMainThreadQuery(database: Database, runs: number) {
  await database.pg.query('SELECT 1');
  const watch = watchLag();
  await tick();
  const queryMs: number[] = [];
  let sets = 0;
  for (let run = 0; run < runs; run++) {
    const { ms, value } = await timed(() => database.pg.query<{ sets: number }>(HEAVY_AGGREGATE));
    queryMs.push(ms);
    sets = Number(value.rows[0]?.sets ?? 0);
    await tick();
  }
  return { queryMs, sets, lag: watch.stop() };
}

/** The same aggregate in a bench-only worker thread (see heavy-worker.ts). */
export async function measureWorkerThreadQuery(dataDir: string, runs: number) {
  const entry = new URL('./heavy-worker.ts', import.meta.url);
  // tsx must be registered inside the worker (`--import tsx` in execArgv fails on Node 20).
  const bootstrap = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})
    .then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); })
    .catch((error) => { console.error(error); process.exit(1); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: { dataDir, runs } });
  let watch: { stop(): Lag } | undefined;
  const result = await new Promise<{ timings: number[]; sets: number }>((resolve, reject) => {
    worker.on('message', (message: { type: string; timings: number[]; sets: number }) => {
      if (message.type === 'ready') watch = watchLag();
      if (message.type === 'done') resolve(message);
    });
    worker.on('error', reject);
    worker.on('exit', (code) => reject(new Error(`The benchmark worker exited (${code})`)));
  });
  const lag = watch?.stop() ?? { maxMs: Number.NaN, p99Ms: Number.NaN };
  await worker.terminate();
  return { queryMs: result.timings, sets: result.sets, lag };
}

/**
 * Calls through the real backend worker (startBackend): light calls one at a time and then as a
 * burst, then the heavy on-demand check (app.checkData, a scan of every set) `heavyRuns` times.
 */
export async function measureBackend(
  paths: { dataDir: string; resourcesDir: string; migrationsDir: string },
  searchTexts: readonly string[],
  heavyRuns: number,
) {
  // Imported here: the module-path hook must be registered before the backend client loads.
  const { startBackend } = await import('../src/main/backend/client');
  const backend = await startBackend({ ...paths, host: 'web', version: 'bench', validateOutputs: false });
  try {
    const call = async (channel: 'exercises.search' | 'athletes.list', input: unknown) => {
      const result = await backend.call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result)}`);
    };
    await call('athletes.list', {});
    await call('exercises.search', { text: 'warm up' });

    const sequential = watchLag();
    await tick();
    const searchMs = await durations(searchTexts, (text) => call('exercises.search', { text }));
    const rosterMs = await durations(
      Array.from({ length: 50 }, (_, i) => i),
      (i) => call('athletes.list', i % 5 === 0 ? { text: 'a' } : {}),
    );
    const sequentialLag = sequential.stop();

    const burstCalls = 200;
    const burst = watchLag();
    await tick();
    const { ms: burstMs } = await timed(() =>
      Promise.all(
        Array.from({ length: burstCalls }, (_, i) =>
          i % 2 === 0
            ? call('exercises.search', { text: searchTexts[(i / 2) % searchTexts.length] })
            : call('athletes.list', {}),
        ),
      ),
    );
    await tick();
    const burstLag = burst.stop();

    // The heavy query runs in the backend worker; this thread only waits for its answer.
    const heavy = watchLag();
    await tick();
    const checkMs: number[] = [];
    let check: OutputOf<'app.checkData'> | undefined;
    for (let run = 0; run < heavyRuns; run++) {
      const { ms: roundTripMs, value: result } = await timed(() => backend.call('app.checkData', {}));
      if (!result.ok) throw new Error(`app.checkData failed: ${JSON.stringify(result)}`);
      checkMs.push(roundTripMs);
      check = contract['app.checkData'].output.parse(result.data);
      await tick();
    }
    const checkLag = heavy.stop();
    return { searchMs, rosterMs, sequentialLag, burstCalls, burstMs, burstLag, checkMs, check, checkLag };
  } finally {
    await backend.stop();
  }
}
