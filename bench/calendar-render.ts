/**
 * tsx bench/calendar-render.ts [--athletes 40] [--workouts 1000] [--renders 10]
 *
 * How long the calendar takes to show a busy month: from the range's data arriving in the page to
 * FullCalendar's painted month view, in Debian's Chromium at 1440×900. Builds nothing: it runs the
 * build in out/ (or $LT_OUT_DIR), starts its web host on a fresh demo data folder, adds athletes up
 * to --athletes and --workouts workouts in one month through the contract (over the host's
 * WebSocket), opens that month for all of them and reloads it --renders times. The page measures
 * each render itself (src/renderer/features/calendar/renderTiming.ts); this prints the median.
 *
 * Wall-clock time on a shared machine says as much about the neighbours as about the page, so a few
 * more renders are traced and the renderer main thread's CPU time between the same two marks is
 * printed too (Chrome's per-task thread time): what the render costs when the CPU is its own.
 */
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { addDays, addMonths, format, getDaysInMonth, startOfMonth } from 'date-fns';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { connectContract, type ContractClient } from '../e2e/support/contract-client';
import { startBuiltWebHost } from '../e2e/support/web-host';
import { line, median, report } from './stats';

/** What the calendar page leaves on `window` after each render (renderTiming.ts). */
interface PageWithTiming {
  ltCalendarRender?: { durationMs: number; eventCount: number; view: string; count: number };
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
const TRACED_RENDERS = Math.max(3, Math.ceil(RENDERS / 2));
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

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

async function readTrace(session: CDPSession): Promise<TraceEvent[]> {
  const complete = new Promise<string>((resolve) =>
    session.once('Tracing.tracingComplete', (event) => resolve(event.stream!)),
  );
  await session.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await session.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await session.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as TraceEvent[] | { traceEvents: TraceEvent[] };
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** CPU time (ms) of the renderer main thread's tasks between the page's two marks. */
function mainThreadCpuMs(events: readonly TraceEvent[]): number {
  const data = events.find((event) => event.name === 'lt-calendar:data');
  const painted = events.find((event) => event.name === 'lt-calendar:painted');
  if (!data || !painted) throw new Error('The trace holds no calendar render marks');
  const mainThread = events.find(
    (event) =>
      event.ph === 'M' &&
      event.name === 'thread_name' &&
      event.pid === data.pid &&
      event.args?.name === 'CrRendererMain',
  );
  let cpuMicros = 0;
  for (const event of events) {
    if (event.name !== 'RunTask' || event.ph !== 'X' || event.pid !== data.pid) continue;
    if (mainThread && event.tid !== mainThread.tid) continue;
    const end = event.ts + (event.dur ?? 0);
    const overlap = Math.min(end, painted.ts) - Math.max(event.ts, data.ts);
    if (overlap <= 0 || !event.dur || event.tdur === undefined) continue;
    cpuMicros += event.tdur * (overlap / event.dur);
  }
  return cpuMicros / 1000;
}

/** A reload traced from start to painted month; the main thread's CPU time for the render. */
async function tracedRender(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('Tracing.start', {
    categories: 'toplevel,blink.user_timing,disabled-by-default-devtools.timeline',
    transferMode: 'ReturnAsStream',
  });
  await page.reload();
  await measuredRender(page);
  const events = await readTrace(session);
  await session.detach();
  return mainThreadCpuMs(events);
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
    const query = `view=month&date=${format(month, 'yyyy-MM-dd')}&athletes=${athletes.join(',')}`;
    await page.goto(host.urlFor(`/#/calendar?${query}`));
    await measuredRender(page); // warm-up: caches, fonts, JIT

    const durations: number[] = [];
    for (let render = 0; render < RENDERS; render += 1) {
      await page.reload();
      durations.push(await measuredRender(page));
    }
    const cpu: number[] = [];
    for (let render = 0; render < TRACED_RENDERS; render += 1) cpu.push(await tracedRender(page));

    report(`Calendar month, ${WORKOUTS} workouts: data arrives → painted`, durations);
    report('  the same, main-thread CPU time (traced)', cpu);
    const [load] = loadavg();
    line('Machine load (1-minute average)', `${load!.toFixed(1)} on ${cpus().length} cores`);
    line('Target', `< 200 ms (median ${median(durations) < 200 ? 'meets it' : 'misses it'})`);
  } finally {
    await browser.close();
    client.close();
    await host.stop();
  }
}

await main();
