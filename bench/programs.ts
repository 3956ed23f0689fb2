/**
 * Programs and the calendar at a gym's scale (issue 6 targets): the calendar's range query for one
 * athlete's month and for 30 athletes' month (< 20 ms), applying a 12-week, 4-day program to 30
 * athletes (< 1 s), and loading the builder for a 16-week, 6-day program (< 50 ms).
 *
 * Writes happen inside a transaction that is rolled back, so the benchmark leaves the seeded
 * folder as it found it: services open their own transactions, which become savepoints inside it.
 */
import { addDays, format, startOfMonth, subMonths } from 'date-fns';
import { uuidv7 } from 'uuidv7';
import { suggestedWeekdays } from '../src/shared/calc/schedule';
import { contract, type ChannelName, type InputOf, type OutputOf } from '../src/shared/contract';
import type { Database } from '../src/main/db/client';
import type { ServiceContext } from '../src/main/services/context';
import { handlers } from '../src/main/services';
import { durations, line, ms, report, timed } from './stats';

class Rollback extends Error {}

/** Calls a channel's handler as the backend dispatcher does: the input parsed by the contract first. */
export async function call<C extends ChannelName>(
  ctx: ServiceContext,
  channel: C,
  input: InputOf<C>,
): Promise<OutputOf<C>> {
  const parsed = contract[channel].input.parse(input);
  const handler = handlers[channel] as (input: unknown, ctx: ServiceContext) => Promise<unknown>;
  return (await handler(parsed, ctx)) as OutputOf<C>;
}

/** Runs `work` in a transaction that is always rolled back. */
export async function rolledBack(
  database: Database,
  ctx: ServiceContext,
  work: (ctx: ServiceContext) => Promise<void>,
) {
  try {
    await database.db.transaction(async (tx) => {
      await work({ ...ctx, db: tx as unknown as ServiceContext['db'] });
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
}

const iso = (date: Date) => format(date, 'yyyy-MM-dd');

export async function benchProgramsAndCalendar(database: Database, ctx: ServiceContext): Promise<void> {
  console.log('\nPrograms and the calendar');
  const { rows: athletes } = await database.pg.query<{ id: string }>(
    `SELECT id FROM athlete WHERE organization_id = $1 AND archived_at IS NULL AND deleted_at IS NULL ORDER BY id`,
    [ctx.organizationId],
  );
  const today = ctx.now();

  // 1. Range queries: the month view asks for six weeks around a month.
  const months = Array.from({ length: 12 }, (_, index) => startOfMonth(subMonths(today, index)));
  const monthRange = (month: Date) => ({ from: iso(addDays(month, -6)), to: iso(addDays(month, 41)) });
  const oneAthlete = months.flatMap((month, index) =>
    athletes
      .slice(index * 3, index * 3 + 3)
      .map((athlete) => ({ athleteIds: [athlete.id], ...monthRange(month) })),
  );
  // The first read of each athlete-month loads its pages from disk: shown once, then steady state.
  const cold = await timed(() => call(ctx, 'schedule.range', oneAthlete[0]!));
  line('Calendar month, one athlete, first call after open (cold)', ms(cold.ms));
  for (const input of oneAthlete) await call(ctx, 'schedule.range', input);
  report(
    'Calendar month, one athlete (schedule.range)',
    await durations(oneAthlete, (input) => call(ctx, 'schedule.range', input)),
  );
  const thirty = athletes.slice(0, 30).map((athlete) => athlete.id);
  const groups = months.map((month) => ({ athleteIds: thirty, ...monthRange(month) }));
  for (const input of groups) await call(ctx, 'schedule.range', input);
  const counts: number[] = [];
  report(
    'Calendar month, 30 athletes (schedule.range)',
    await durations(groups, async (input) =>
      counts.push((await call(ctx, 'schedule.range', input)).items.length),
    ),
    ` — ${Math.round(counts.reduce((a, b) => a + b, 0) / counts.length)} workouts a month`,
  );

  // Templates for the programs: the seeded coach library.
  const { items: templates } = await call(ctx, 'templates.list', {});
  if (templates.length < 6)
    throw new Error('The seeded folder has too few templates for the program benchmarks');

  // 2. Apply a 12-week, 4-day program to 30 athletes, from a Monday a year ahead (an empty calendar).
  const applyTimes: number[] = [];
  const applied: number[] = [];
  for (let run = 0; run < 5; run++) {
    await rolledBack(database, ctx, async (tx) => {
      const program = await call(tx, 'programs.create', {
        name: `Bench 12×4 ${run}`,
        daysPerWeek: 4,
        weeks: 12,
      });
      const weeks = program.weeks.map((week) => ({
        id: week.id,
        days: [0, 1, 2, 3].map((dayIndex) => ({
          id: uuidv7(),
          dayIndex,
          templateId: templates[dayIndex]!.id,
        })),
      }));
      await call(tx, 'programs.save', {
        id: program.id,
        baseRevision: program.revision,
        document: { name: program.name, daysPerWeek: 4, weeks },
      });
      let monday = addDays(today, 365);
      while (monday.getDay() !== 1) monday = addDays(monday, 1);
      const { ms, value } = await timed(() =>
        call(tx, 'programs.apply', {
          programId: program.id,
          athleteIds: thirty,
          startDate: iso(monday),
          weekdays: suggestedWeekdays(4),
        }),
      );
      applyTimes.push(ms);
      applied.push(value.created);
    });
  }
  report('Apply a 12-week, 4-day program to 30 athletes', applyTimes, ` — ${applied[0]} workouts created`);

  // 3. The builder's load of a 16-week, 6-day program.
  await rolledBack(database, ctx, async (tx) => {
    const program = await call(tx, 'programs.create', { name: 'Bench 16×6', daysPerWeek: 6, weeks: 16 });
    const weeks = program.weeks.map((week) => ({
      id: week.id,
      days: [0, 1, 2, 3, 4, 5].map((dayIndex) => ({
        id: uuidv7(),
        dayIndex,
        templateId: templates[dayIndex % templates.length]!.id,
      })),
    }));
    await call(tx, 'programs.save', {
      id: program.id,
      baseRevision: program.revision,
      document: { name: program.name, daysPerWeek: 6, weeks },
    });
    await call(tx, 'programs.get', { id: program.id });
    report(
      'Builder load, 16-week × 6-day program (programs.get)',
      await durations(
        Array.from({ length: 30 }, () => program.id),
        (id) => call(tx, 'programs.get', { id }),
      ),
    );
  });
}
