/**
 * One athlete's training history as CSV rows: scheduled workouts block after block, the sessions
 * they did (or missed or skipped), exercise entries with warm-up ramps and working sets.
 *
 * Strength is modelled per lift as a "true" one-rep max that climbs towards a personal ceiling
 * with diminishing returns, stalls in some blocks, drops a little over breaks, and varies day to
 * day. Loads follow from it the way a coach prescribes them: target reps plus reps in reserve
 * give a percentage by Epley's formula (1RM = w · (1 + reps / 30), Epley 1985), rounded to the
 * lift's load step; the reps done and the RPE follow from what the athlete could do that day.
 */
import { DAY_MS, HOUR_MS, MINUTE_MS, ZoneClock, isoDate, mondayOnOrAfter } from './calendar';
import { type CsvBatch, csvText } from './copy';
import { type IdMaker } from './ids';
import { LIFTS, PHASES, SPLITS, type DaysPerWeek, type Lift, type LiftKey } from './plans';
import { type EntryPrescriptions, loadFraction, repsInReserve, workingSetCount } from './prescriptions';
import { type SeededRandom } from './random';
import {
  REST_SECONDS,
  type CoachLibrary,
  type SeededProgram,
  type SeededProgramDay,
  type SeededProgramWeek,
  type SeededTemplate,
} from './setup';

export interface AthleteProfile {
  id: string;
  name: string;
  timeZone: string;
  bodyweightKg: number;
  /** Bodyweight trend (kg a week); it turns round at ±10 % of the start. */
  bodyweightTrendKgPerWeek: number;
  /** Ceiling multiplier over the population ratios (0.6 … 1.3). */
  strengthFactor: number;
  /** Where the athlete starts, as a fraction of their ceiling (novices low). */
  startFraction: number;
  daysPerWeek: DaysPerWeek;
  missRate: number;
  skipRate: number;
  logs: 'rpe' | 'rir' | 'none';
  /** Local hour (0–23) they usually train. */
  trainingHour: number;
  /** First and last calendar day of their history (local); the last may be in the future. */
  firstDay: number;
  lastDay: number;
}

export interface HistoryContext {
  organizationId: string;
  library: CoachLibrary;
  /** Sessions from the calendar keep what each exercise was prescribed. */
  prescriptions: EntryPrescriptions;
  now: Date;
}

export interface HistoryResult {
  bodyweightKg: number;
  scheduledWorkouts: number;
  sessions: number;
  entries: number;
  sets: number;
}

/** Share of strength gained per session towards the ceiling, at the start of the climb. */
const GAIN_RATE = 0.02;
/** Notes are ASCII: these rows are written with pushAscii. */
const SESSION_NOTES = [
  'Felt strong today',
  'Short on sleep',
  'Left knee a bit cranky on squats',
  'Great session',
  'Gym was busy, swapped stations',
  'Rushed, work call after',
  'New belt',
];
const SKIP_NOTES = [
  'Travelling for work',
  'Sick',
  'Family event',
  'Coach: rest day instead',
  'Tweaked lower back',
];

interface LiftState {
  oneRepMaxKg: number;
  ceilingKg: number;
}

/**
 * Generates one athlete's rows into `batch`, a week at a time: after each week it yields the first
 * day of the next, so the caller can advance every athlete through the same stretch of time and
 * load the rows in time order, as an app in use would have written them. Returns the totals.
 */
export function* athleteHistory(
  profile: AthleteProfile,
  context: HistoryContext,
  random: SeededRandom,
  ids: IdMaker,
  batch: CsvBatch,
): Generator<number, HistoryResult, void> {
  const clock = new ZoneClock(profile.timeZone);
  const nowMs = context.now.getTime();
  const today = clock.dayAt(nowMs);
  const localHourNow = ((nowMs + clock.offsetMs(nowMs)) % DAY_MS) / HOUR_MS;
  const org = context.organizationId;
  const result: HistoryResult = {
    bodyweightKg: profile.bodyweightKg,
    scheduledWorkouts: 0,
    sessions: 0,
    entries: 0,
    sets: 0,
  };

  const strength = new Map<LiftKey, LiftState>();
  for (const key of Object.keys(LIFTS) as LiftKey[]) {
    const ceilingKg = profile.bodyweightKg * LIFTS[key].ratio * profile.strengthFactor * 1.6;
    strength.set(key, { ceilingKg, oneRepMaxKg: ceilingKg * profile.startFraction * random.normal(1, 0.05) });
  }

  let bodyweightKg = profile.bodyweightKg;
  let trend = profile.bodyweightTrendKgPerWeek;
  let daysPerWeek = profile.daysPerWeek;
  let weekStart = mondayOnOrAfter(profile.firstDay);
  let lastProgram: SeededProgram | undefined;

  while (weekStart <= profile.lastDay) {
    const choices = context.library.programs.filter(
      (p) => p.daysPerWeek === daysPerWeek && p !== lastProgram,
    );
    const program = random.pick(choices);
    lastProgram = program;
    const stalled = random.chance(0.25);
    const assignedAtMs = (weekStart - random.int(2, 6)) * DAY_MS + random.int(8, 20) * HOUR_MS;
    // The coach applied the block from its first Monday on the split's weekdays (ISO: Monday = 1).
    const assignmentId = ids.at(assignedAtMs);
    const assignedAt = new Date(assignedAtMs).toISOString();
    const weekdays = `"{${program.weeks[0]?.days.map((day) => day.weekdayOffset + 1).join(',') ?? ''}}"`;
    batch.lines.program_assignment.pushAscii(
      `${assignmentId},${org},${program.id},${profile.id},${isoDate(weekStart)},${weekdays},${assignedAt},${assignedAt}`,
    );

    for (const week of program.weeks) {
      if (weekStart > profile.lastDay) break;
      // Training days are Monday to Friday and the zones we use change clocks at weekends, so one
      // UTC offset (midweek noon) serves the whole week and saves an Intl call per session.
      const offsetMs = clock.offsetMs((weekStart + 2) * DAY_MS + 12 * HOUR_MS);
      for (const day of week.days) {
        const date = weekStart + day.weekdayOffset;
        if (date > profile.lastDay) break;
        const template = context.library.templates.get(day.templateKey);
        if (!template) throw new Error(`Template ${day.templateKey} is missing`);
        const scheduledId = ids.at(assignedAtMs);
        const isFuture = date > today || (date === today && localHourNow < profile.trainingHour + 2);
        let status: 'scheduled' | 'completed' | 'missed' | 'skipped' = 'scheduled';
        if (!isFuture) {
          const roll = random.next();
          status =
            roll < profile.missRate
              ? 'missed'
              : roll < profile.missRate + profile.skipRate
                ? 'skipped'
                : 'completed';
        }
        const scheduledDate = isoDate(date);
        const created = new Date(assignedAtMs).toISOString();
        let sessionId = '';
        let updated = created;
        let notes = '';
        if (status === 'completed') {
          const session = generateSession({
            profile,
            context,
            random,
            ids,
            batch,
            offsetMs,
            strength,
            result,
            template,
            program,
            week,
            day,
            date,
            scheduledId,
            bodyweightKg,
            stalled,
          });
          sessionId = session.id;
          updated = session.completedAt;
        } else if (status === 'skipped') {
          notes = random.pick(SKIP_NOTES);
          updated = new Date((date - 1) * DAY_MS + 18 * HOUR_MS).toISOString();
        } else if (status === 'missed') {
          updated = new Date((date + 1) * DAY_MS + 3 * HOUR_MS).toISOString();
        }
        batch.lines.scheduled_workout.pushAscii(
          `${scheduledId},${org},${profile.id},${template.id},${scheduledDate},${program.id},${week.id},${day.id},${assignmentId},${status},${sessionId},${csvText(notes)},${created},${updated}`,
        );
        result.scheduledWorkouts++;
      }
      // Bodyweight drifts week to week and turns round within ±10 % of where it started.
      bodyweightKg += trend + random.normal(0, 0.3);
      if (bodyweightKg > profile.bodyweightKg * 1.1 || bodyweightKg < profile.bodyweightKg * 0.9)
        trend = -trend;
      weekStart += 7;
      yield weekStart;
    }

    // Between blocks: now and then a week or two off (a little strength lost), or a new frequency.
    if (random.chance(0.12)) {
      const weeksOff = random.int(1, 2);
      weekStart += 7 * weeksOff;
      for (const state of strength.values()) state.oneRepMaxKg *= 0.985 ** weeksOff;
    }
    if (random.chance(0.08)) daysPerWeek = random.pick(Object.keys(SPLITS).map(Number) as DaysPerWeek[]);
  }
  result.bodyweightKg = Math.round(bodyweightKg * 10) / 10;
  return result;
}

interface SessionInput {
  profile: AthleteProfile;
  context: HistoryContext;
  random: SeededRandom;
  ids: IdMaker;
  batch: CsvBatch;
  /** The athlete's zone offset from UTC that week. */
  offsetMs: number;
  strength: Map<LiftKey, LiftState>;
  result: HistoryResult;
  template: SeededTemplate;
  program: SeededProgram;
  week: SeededProgramWeek;
  day: SeededProgramDay;
  date: number;
  scheduledId: string;
  bodyweightKg: number;
  stalled: boolean;
}

function generateSession(input: SessionInput): { id: string; completedAt: string } {
  const { profile, random, ids, batch, template, week, result } = input;
  const org = input.context.organizationId;
  const wallStart =
    input.date * DAY_MS + profile.trainingHour * HOUR_MS + Math.round(random.normal(0, 20)) * MINUTE_MS;
  const startedMs = wallStart - input.offsetMs;
  const sessionId = ids.at(startedMs);
  const startedAt = new Date(startedMs).toISOString();
  const form = random.normal(1, 0.03);

  // 4–7 exercises: the template's five or six, one accessory dropped on a short day, a finisher added on a good one.
  const lifts = [...template.plan.lifts];
  if (lifts.length > 4 && random.chance(0.15)) lifts.pop();
  if (random.chance(0.25) && !lifts.includes(template.plan.finisher)) lifts.push(template.plan.finisher);

  let cursor = startedMs + random.int(4, 10) * MINUTE_MS;
  lifts.forEach((liftKey, position) => {
    const entryId = ids.at(cursor);
    const entryAt = new Date(cursor).toISOString();
    const prescribed = input.context.prescriptions.csv(template, liftKey, week.phase, week.weekInPhase);
    // Not ASCII only: the prescription carries the catalogue's exercise name.
    batch.lines.exercise_entry.push(
      `${entryId},${org},${sessionId},${input.context.library.exerciseIds[liftKey]},${position},${csvText(template.supersetGroups.get(liftKey) ?? null)},"",${prescribed},${entryAt},${entryAt}`,
    );
    result.entries++;
    cursor = generateSets(input, liftKey, entryId, form, cursor);
    cursor += random.int(60, 180) * 1000;
  });

  const completedMs = cursor + random.int(2, 8) * MINUTE_MS;
  const completedAt = new Date(completedMs).toISOString();
  const bodyweight = random.chance(0.6)
    ? String(Math.round((input.bodyweightKg + random.normal(0, 0.4)) * 10) / 10)
    : '';
  const notes = random.chance(0.06) ? random.pick(SESSION_NOTES) : '';
  batch.lines.workout_session.pushAscii(
    `${sessionId},${org},${profile.id},${csvText(template.plan.name)},${template.id},${input.scheduledId},${startedAt},${completedAt},${csvText(notes)},${bodyweight},${startedAt},${completedAt}`,
  );
  result.sessions++;

  // Progress for the lifts trained, except in deloads and stalled blocks (where it barely moves).
  if (week.phase !== 'Deload') {
    for (const liftKey of lifts) {
      const state = input.strength.get(liftKey);
      if (!state) continue;
      const room = Math.max(0, 1 - state.oneRepMaxKg / state.ceilingKg);
      state.oneRepMaxKg *=
        1 + GAIN_RATE * room * (input.stalled ? 0.1 : 1) * Math.max(0, random.normal(1, 0.6));
    }
  }
  return { id: sessionId, completedAt };
}

function roundToStep(weightKg: number, lift: Lift): number {
  const floor = lift.barbell ? 20 : lift.stepKg;
  return Math.max(floor, Math.round(weightKg / lift.stepKg) * lift.stepKg);
}

/** Warm-up loads and reps, lightest first, for a working weight. */
function warmUps(lift: Lift, workingKg: number, random: SeededRandom): [number, number][] {
  let ramp: [number, number][];
  if (lift.role === 'main') {
    ramp =
      workingKg >= 100
        ? [
            [0.4, 5],
            [0.6, 3],
            [0.8, 2],
          ]
        : workingKg >= 60
          ? [
              [0.5, 5],
              [0.75, 3],
            ]
          : [[0.6, 5]];
    if (lift.barbell && workingKg >= 40) ramp.unshift([20 / workingKg, 10]);
  } else if (lift.role === 'secondary') {
    ramp = lift.barbell
      ? [
          [0.5, 8],
          [0.75, 4],
        ]
      : random.chance(0.5)
        ? [[0.6, 8]]
        : [];
  } else {
    ramp = random.chance(0.15) ? [[0.5, 12]] : [];
  }
  const sets: [number, number][] = [];
  for (const [fraction, reps] of ramp) {
    const weightKg = roundToStep(workingKg * fraction, lift);
    const previous = sets[sets.length - 1];
    if (weightKg < workingKg && (!previous || weightKg > previous[0])) sets.push([weightKg, reps]);
  }
  return sets;
}

function roundRpe(value: number): number {
  return Math.min(10, Math.max(6, Math.round(value * 2) / 2));
}

/** Writes one exercise's warm-up and working sets; returns the clock after the last one. */
function generateSets(
  input: SessionInput,
  liftKey: LiftKey,
  entryId: string,
  form: number,
  startMs: number,
): number {
  const { random, ids, batch, week, result, profile } = input;
  const org = input.context.organizationId;
  const lift: Lift = LIFTS[liftKey];
  const state = input.strength.get(liftKey);
  if (!state) throw new Error(`No strength state for ${liftKey}`);
  const scheme = PHASES[week.phase];
  const reserveTarget = repsInReserve(week.phase, week.weekInPhase);
  const [minReps, maxReps] = lift.role === 'main' ? scheme.mainReps : scheme.otherReps;
  const targetReps = random.int(minReps, maxReps);
  const todayMaxKg = state.oneRepMaxKg * form * random.normal(1, 0.015);
  // The coach's estimate trails the athlete's real best a little.
  const percent = loadFraction(week.phase, targetReps, reserveTarget);
  const workingKg = roundToStep(state.oneRepMaxKg * 0.97 * percent, lift);
  const restSeconds = REST_SECONDS[lift.role];
  const fatiguePerSet = lift.role === 'main' ? 0.6 : 0.8;

  let cursor = startMs;
  let setNumber = 0;
  const push = (
    type: string,
    weightKg: number,
    reps: number | null,
    rpe: number | null,
    rir: number | null,
    done: boolean,
  ) => {
    setNumber++;
    cursor += (20 + (reps ?? 0) * 4) * 1000;
    const at = new Date(cursor).toISOString();
    batch.lines.set_entry.pushAscii(
      `${ids.at(cursor)},${org},${entryId},${setNumber},${type},${weightKg},${reps ?? ''},${rpe ?? ''},${rir ?? ''},${done ? 't' : 'f'},${done ? at : ''},${at},${at}`,
    );
    result.sets++;
  };

  for (const [weightKg, reps] of warmUps(lift, workingKg, random)) {
    push('warmup', weightKg, reps, null, null, true);
    cursor += random.int(45, 90) * 1000;
  }

  const workingSets = workingSetCount(week.phase, lift);
  for (let index = 0; index < workingSets; index++) {
    const last = index === workingSets - 1;
    const possible = 30 * (todayMaxKg / workingKg - 1) - index * fatiguePerSet;
    if (last && random.chance(0.015)) {
      // Planned but not done: out of time, or called off.
      push('working', workingKg, null, null, null, false);
      break;
    }
    const amrap = last && lift.role === 'accessory' && random.chance(0.04);
    const reps = Math.max(
      1,
      amrap
        ? Math.min(targetReps + 8, Math.floor(possible))
        : Math.min(targetReps, Math.floor(possible + random.normal(0, 0.4))),
    );
    const reserve = Math.max(0, possible - reps);
    const logged = random.chance(0.7);
    push(
      amrap ? 'failure' : 'working',
      workingKg,
      reps,
      profile.logs === 'rpe' && logged ? roundRpe(10 - reserve) : null,
      profile.logs === 'rir' && logged ? Math.min(5, Math.round(reserve)) : null,
      true,
    );
    if (last && lift.role === 'accessory' && !amrap && random.chance(0.08)) {
      const dropKg = roundToStep(workingKg * 0.75, lift);
      const dropReps = Math.max(1, Math.floor(30 * (todayMaxKg / dropKg - 1) - (index + 1) * fatiguePerSet));
      push('drop', dropKg, Math.min(dropReps, targetReps + 6), null, null, true);
    }
    if (!last) cursor += Math.round(restSeconds * random.between(0.8, 1.3)) * 1000;
  }
  return cursor;
}
