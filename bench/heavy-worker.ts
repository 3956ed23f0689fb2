/**
 * Bench-only worker thread: opens the data folder and runs the heavy aggregate, so the main
 * thread's event loop can be watched while the database works elsewhere. (The backend worker
 * has no raw-SQL channel, and the contract gets none for a benchmark.)
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../src/main/db/open';
import { MIGRATIONS_DIR, RESOURCES_DIR } from '../src/main/seed/paths';
import { HEAVY_AGGREGATE } from './heavy-query';

const { dataDir, runs } = workerData as { dataDir: string; runs: number };
const database = await openDatabase({ dataDir, resourcesDir: RESOURCES_DIR, migrationsDir: MIGRATIONS_DIR });
parentPort?.postMessage({ type: 'ready' });
const timings: number[] = [];
let sets = 0;
for (let run = 0; run < runs; run++) {
  const start = performance.now();
  const { rows } = await database.pg.query<{ sets: number }>(HEAVY_AGGREGATE);
  timings.push(performance.now() - start);
  sets = Number(rows[0]?.sets ?? 0);
}
await database.close();
parentPort?.postMessage({ type: 'done', timings, sets });
