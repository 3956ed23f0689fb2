/**
 * Workouts at a gym's scale (issue 7 targets, 200 athletes × 5 years): opening the workout screen
 * of a workout just started from the calendar, with last time's ghosts, suggestions and targets
 * (workouts.get, < 50 ms); completing a set, which saves it, keeps the records and says which ones
 * it set (workouts.completeSet, < 20 ms); a page of the history, the first and one far back by
 * its cursor (workouts.history, < 20 ms).
 *
 * Every call goes through the handlers with the contract's parsing, as the backend dispatcher
 * does. Workouts are started and logged inside a transaction that is rolled back, so the seeded
 * folder is left as it was (the services' own transactions become savepoints inside it).
 */
import { contract, type OutputOf } from '../src/shared/contract';
import type { Database } from '../src/main/db/client';
import type { ServiceContext } from '../src/main/services/context';
import { call, rolledBack } from './programs';
import { durations, line, ms, report, timed } from './stats';

/** Athletes the workout benches run for: the most trained among those with a workout coming up. */
const ATHLETES = 20;
/** Sets completed per workout (the first exercises' sets, as a session goes). */
const SETS_PER_WORKOUT = 12;
/** Repeated reads of one screen or page, after its first (cold) read. */
const READS = 5;
/** Pages of 25 walked back for the far page: about 500 workouts, years ago for most athletes. */
const DEEP_PAGE = 20;

type Detail = OutputOf<'workouts.get'>;
type Entry = Detail['entries'][number];
type WorkoutSet = Entry['sets'][number];

/** What a lifter would type for a set: the target or last time's, else the suggestion. */
function loggedValues(entry: Entry, set: WorkoutSet): { weightKg: number; reps: number } {
  const index = entry.sets.indexOf(set);
  const target = entry.targets[index];
  const ghost = entry.lastTime?.sets.find((item) => item.setNumber === set.setNumber);
  const weightKg = set.weightKg ?? target?.weightKg ?? ghost?.weightKg ?? entry.suggestion?.weightKg ?? 20;
  const reps = set.reps ?? target?.repsMax ?? ghost?.reps ?? entry.suggestion?.reps ?? 5;
  return { weightKg, reps };
}

export async function benchWorkouts(database: Database, ctx: ServiceContext): Promise<void> {
  console.log('\nWorkouts');
  const { rows: athletes } = await database.pg.query<{ athlete_id: string; scheduled_id: string }>(
    `SELECT a.id AS athlete_id,
            (SELECT sw.id FROM scheduled_workout sw
              WHERE sw.athlete_id = a.id AND sw.status = 'scheduled' AND sw.deleted_at IS NULL
                AND sw.scheduled_date >= current_date
              ORDER BY sw.scheduled_date, sw.id LIMIT 1) AS scheduled_id
       FROM athlete a
       JOIN workout_session ws ON ws.athlete_id = a.id AND ws.deleted_at IS NULL
      WHERE a.organization_id = $1 AND a.archived_at IS NULL AND a.deleted_at IS NULL
      GROUP BY a.id
     HAVING count(*) > 0
      ORDER BY count(*) DESC, a.id`,
    [ctx.organizationId],
  );
  const chosen = athletes.filter((row) => row.scheduled_id).slice(0, ATHLETES);
  if (chosen.length === 0) throw new Error('The seeded folder has no athlete with a workout coming up');

  // 1. Open a workout just started from the calendar, and again halfway through; 2. complete sets.
  const firstOpen: number[] = [];
  const openStarted: number[] = [];
  const openHalfway: number[] = [];
  const complete: number[] = [];
  let newRecords = 0;
  let entries = 0;
  let ghosts = 0;
  let suggestions = 0;
  for (const { athlete_id: athleteId, scheduled_id: scheduledWorkoutId } of chosen) {
    await rolledBack(database, ctx, async (tx) => {
      const started = await call(tx, 'workouts.start', {
        athleteId,
        from: { kind: 'scheduled', scheduledWorkoutId },
      });
      const input = { id: started.id };
      firstOpen.push((await timed(() => call(tx, 'workouts.get', input))).ms);
      openStarted.push(...(await durations(Array(READS).fill(input), () => call(tx, 'workouts.get', input))));
      entries += started.entries.length;
      ghosts += started.entries.filter((entry) => entry.lastTime).length;
      suggestions += started.entries.filter((entry) => entry.suggestion).length;

      const toDo = started.entries
        .flatMap((entry) => entry.sets.filter((set) => !set.completed).map((set) => ({ entry, set })))
        .slice(0, SETS_PER_WORKOUT);
      for (const { entry, set } of toDo) {
        const values = loggedValues(entry, set);
        const { ms: took, value } = await timed(() =>
          call(tx, 'workouts.completeSet', { id: set.id, ...values, rpe: 8 }),
        );
        complete.push(took);
        newRecords += value.newRecords.length;
      }
      openHalfway.push(...(await durations(Array(READS).fill(input), () => call(tx, 'workouts.get', input))));
    });
  }
  line(
    'Workouts started from the calendar',
    `${chosen.length}, ${(entries / chosen.length).toFixed(1)} exercises each; ` +
      `${ghosts} of ${entries} with last time's sets, ${suggestions} with a suggestion`,
  );
  report('Open the workout screen, first read (workouts.get)', firstOpen);
  report('Open the workout screen, just started (workouts.get)', openStarted);
  report('Complete a set, with its records (workouts.completeSet)', complete, ` — ${newRecords} new records`);
  report(`Open the workout screen, ${SETS_PER_WORKOUT} sets done (workouts.get)`, openHalfway);

  // 3. The history, newest first: the first page, then one about DEEP_PAGE pages back by its cursor.
  const firstPages: number[] = [];
  const deepPages: number[] = [];
  let deepest = 0;
  for (const { athlete_id: athleteId } of chosen) {
    const first = contract['workouts.history'].input.parse({ athleteId });
    await call(ctx, 'workouts.history', first);
    firstPages.push(
      ...(await durations(Array(READS).fill(first), () => call(ctx, 'workouts.history', first))),
    );
    let cursor: string | null = null;
    let page = 1;
    for (; page < DEEP_PAGE; page++) {
      const result: OutputOf<'workouts.history'> = await call(ctx, 'workouts.history', { athleteId, cursor });
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    if (!cursor) continue;
    deepest = Math.max(deepest, page);
    const deep = { athleteId, cursor };
    deepPages.push(...(await durations(Array(READS).fill(deep), () => call(ctx, 'workouts.history', deep))));
  }
  report('History, first page of 25 (workouts.history)', firstPages);
  report(`History, a page up to ${deepest} pages back by cursor`, deepPages);
  line('Targets', `open < ${ms(50)}, complete a set < ${ms(20)}, a history page < ${ms(20)}`);
}
