/**
 * tsx bench/calendar-render.ts [--athletes 40] [--workouts 1000] [--renders 10]
 *
 * How long the calendar takes to show a busy month: from the range's data arriving in the page to
 * FullCalendar's painted month view, in Debian's Chromium at 1440×900. Builds nothing: it runs the
 * build in out/ (or $LT_OUT_DIR), starts its web host on a fresh demo data folder, adds athletes up
 * to --athletes and --workouts workouts in one month through the contract (over the host's
 * WebSocket), opens that month for all of them and reloads it --renders times. The page measures
 * each render itself (src/renderer/features/calendar/renderTiming.ts); this prints the median.
 */
import { chromium, type Page } from '@playwright/test';
import { addDays, addMonths, format, getDaysInMonth, startOfMonth } from 'date-fns';
import { parseArgs } from 'node:util';
import { connectContract, type ContractClient } from '../e2e/support/contract-client';
import { startBuiltWebHost } from '../e2e/support/web-host';
import { line, median, report } from './stats';

/** What the calendar page leaves on `window` after each render (renderTiming.ts). */
interface PageWithTiming {
  ltCalendarRender?: { durationMs: number; eventCount: number; view: string; count: number };
  location: { hash: string };
}

const { values } = parseArgs({
  options: {
    athletes: { type: 'string', default: '40' },
    workouts: { type: 'string', default: '1000' },
    renders: { type: 'string', default: '10' },
  },
});
const ATHLETES = Number(values.athletes);
const WORKOUTS = Number(values.workouts);
const RENDERS = Number(values.renders);
/** Calls in flight at once while seeding (the backend runs them one by one anyway). */
const SEED_CONCURRENCY = 25;
const TIMES = [null, null, '06:30', '07:00', '12:00', '17:30', '18:00', null];

async function inBatches<T>(items: readonly T[], run: (item: T) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < items.length; start += SEED_CONCURRENCY) {
    await Promise.all(items.slice(start, start + SEED_CONCURRENCY).map(run));
  }
}

/** The demo's athletes, and more until there are `count`. */
async function athleteIds(client: ContractClient, count: number): Promise<string[]> {
  const { items } = await client.call('athletes.list', { text: '', includeArchived: false });
  const ids = items.map((athlete) => athlete.id);
  const missing = Array.from({ length: Math.max(0, count - ids.length) }, (_, index) => index);
  await inBatches(missing, async (index) => {
    const created = await client.call('athletes.create', {
      name: `Bench Athlete ${String(index + 1).padStart(2, '0')}`,
      timeZone: 'Europe/London',
    });
    ids.push(created.id);
  });
  return ids.slice(0, count);
}

/** Templates the demo's workouts use (the library channel may not list them on every build). */
async function templateIds(client: ContractClient, athleteId: string): Promise<string[]> {
  const today = new Date();
  const { items } = await client.call('schedule.range', {
    athleteIds: [athleteId],
    from: format(addDays(today, -360), 'yyyy-MM-dd'),
    to: format(addDays(today, 30), 'yyyy-MM-dd'),
  });
  const ids = [...new Set(items.map((workout) => workout.templateId))];
  if (ids.length === 0) throw new Error('The demo data has no scheduled workouts to take templates from');
  return ids;
}

/** `count` workouts spread over the month, each athlete on its own run of days. */
async function seedMonth(client: ContractClient, month: Date, athletes: string[], templates: string[]) {
  const days = getDaysInMonth(month);
  const plan = Array.from({ length: WORKOUTS }, (_, index) => {
    const athleteIndex = index % athletes.length;
    const round = Math.floor(index / athletes.length);
    return {
      athleteId: athletes[athleteIndex]!,
      templateId: templates[(round + athleteIndex) % templates.length]!,
      date: format(addDays(month, (round + athleteIndex) % days), 'yyyy-MM-dd'),
      startTime: TIMES[(round * 3 + athleteIndex) % TIMES.length] ?? null,
    };
  });
  await inBatches(plan, (workout) => client.call('schedule.create', workout));
}

/** The next measured render of a month showing all the seeded workouts. */
async function measuredRender(page: Page): Promise<number> {
  const handle = await page.waitForFunction(
    (expected) => {
      // Runs in the page (serialised): no helpers from this file.
      const timing = (globalThis as unknown as PageWithTiming).ltCalendarRender;
      return timing && timing.eventCount >= expected && timing.view === 'dayGridMonth'
        ? timing.durationMs
        : false;
    },
    WORKOUTS,
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as number;
}

async function main() {
  console.log(
    `Calendar render: ${WORKOUTS} workouts in one month for ${ATHLETES} athletes, ${RENDERS} renders`,
  );
  const host = await startBuiltWebHost({ demo: true });
  const client = connectContract(host);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    const athletes = await athleteIds(client, ATHLETES);
    const templates = await templateIds(client, athletes[0]!);
    // A month well after the demo's scheduled weeks, so it holds only the seeded workouts.
    const month = startOfMonth(addMonths(new Date(), 3));
    await seedMonth(client, month, athletes, templates);

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.urlFor('/'));
    const query = `view=month&date=${format(month, 'yyyy-MM-dd')}&athletes=${athletes.join(',')}`;
    await page.evaluate(
      (hash) => ((globalThis as unknown as PageWithTiming).location.hash = hash),
      `#/calendar?${query}`,
    );
    await measuredRender(page); // warm-up: caches, fonts, JIT

    const durations: number[] = [];
    for (let render = 0; render < RENDERS; render += 1) {
      await page.reload();
      durations.push(await measuredRender(page));
    }
    report(`Calendar month, ${WORKOUTS} workouts: data arrives → painted`, durations);
    line('Target', `< 200 ms (median ${median(durations) < 200 ? 'meets it' : 'misses it'})`);
  } finally {
    await browser.close();
    client.close();
    await host.stop();
  }
}

await main();
