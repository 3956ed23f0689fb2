/**
 * The next working weight for an exercise, from what the athlete did last time and what the
 * program prescribes. The rule, in order:
 *
 * - A %1RM prescription with a known e1RM: that percentage of the e1RM (the e1RM already carries
 *   last time's performance, and the program sets the intensity). Kind 'from-prescription'.
 * - No usable history (no completed working set with weight and reps last time): the prescribed
 *   load (fixed kg, or %1RM × e1RM, or the RPE chart's load for the reps at the RPE from the
 *   e1RM), kind 'from-prescription'; nothing to go on → null.
 * - With history, the sets judged are last time's working sets (and sets to failure) at the top
 *   load; prescribed sets not done count as missed. The target RPE is the prescription's RPE, or
 *   10 − RIR; a set without a logged RPE is taken as at or under it.
 * - A rep range (repsMin < repsMax): every set reached the top of the range at or under the target
 *   RPE → add one increment and go back to the bottom of the range; otherwise hold the load and aim
 *   for one more rep than the fewest done (within the range).
 * - Fixed reps (repsMin, or the first top set's reps without a prescription): every set done at or
 *   under the target RPE → add one increment (two for lower-body lifts); more than half of the
 *   sets missed reps, or the average logged RPE is 1 or more over the target → about 5 % less,
 *   rounded to a loadable weight; otherwise (some sets missed reps, or a little over the RPE) hold.
 *
 * Weights are made loadable by rounding to the increment in the user's unit (a held weight stays
 * the one lifted last time: it was loaded). The reason is one line in the user's unit, e.g.
 * "last time 5×5 @ RPE 7 at 100 kg → 102.5 kg". suggestNext never returns 'first-time': that kind
 * is for the screen when there is no suggestion to make.
 */
import { loadForTarget, rpeForRir } from './rpe';
import {
  cleanFloat,
  formatDecimal,
  formatWeight,
  kgToUnit,
  roundToIncrement,
  unitToKg,
  type WeightUnit,
} from './units';
import type { LoggedSet } from './volume';

export interface ProgressionInput {
  prescription: {
    sets: number;
    repsMin: number | null;
    repsMax: number | null;
    rpe: number | null;
    rir: number | null;
    percentOneRepMax: number | null;
    loadKg: number | null;
  } | null;
  /** The athlete's previous session with this exercise. */
  lastTime: { sets: LoggedSet[]; date: string } | null;
  /** Best recent e1RM, for %1RM and RPE prescriptions. */
  e1rmKg: number | null;
  unit: WeightUnit;
  /** The smallest sensible jump (from the plates), in kg. */
  increment: { kg: number };
  /** Squats, deadlifts, lunges: bigger jumps. */
  isLowerBody?: boolean;
}

export interface Suggestion {
  weightKg: number;
  reps: number | null;
  reason: string;
  kind: 'increase' | 'hold' | 'decrease' | 'from-prescription' | 'first-time';
}

/** Without plates to go by: 2.5 kg, or 5 lb. */
export const DEFAULT_INCREMENT: Record<WeightUnit, number> = { kg: 2.5, lb: 5 };
/** A bad day costs about this much of the load. */
export const DECREASE_FRACTION = 0.05;

type Prescription = NonNullable<ProgressionInput['prescription']>;

export function suggestNext(input: ProgressionInput): Suggestion | null {
  const { prescription } = input;
  const round = loadableRounding(input);
  const judged = judgedSets(input.lastTime?.sets ?? []);

  const percentLoad = prescription && percentOfE1rm(prescription, input, round);
  if (percentLoad) return percentLoad;
  if (judged.length === 0) return prescription ? fromPrescription(prescription, input, round) : null;

  const loadKg = judged[0]!.weightKg;
  const targetRpe = prescription ? targetRpeOf(prescription) : null;
  const range = prescription ? repRangeOf(prescription) : null;
  const done = judged.map((set) => set.reps);
  const missing = Math.max(0, (prescription?.sets ?? 0) - judged.length);
  const atOrUnderRpe = judged.every((set) => targetRpe === null || set.rpe == null || set.rpe <= targetRpe);
  const lastTime = `last time ${describeWork(judged)} at ${formatWeight(loadKg, input.unit)}`;
  const to = (weightKg: number) => formatWeight(weightKg, input.unit);

  if (range && range.min < range.max) {
    if (missing === 0 && atOrUnderRpe && done.every((reps) => reps >= range.max)) {
      const next = round.increase(loadKg, 1);
      return {
        weightKg: next,
        reps: range.min,
        reason: `${lastTime} → ${to(next)} × ${range.min}`,
        kind: 'increase',
      };
    }
    const reps = Math.min(range.max, Math.max(range.min, Math.min(...done) + (missing > 0 ? 0 : 1)));
    return { weightKg: loadKg, reps, reason: `${lastTime} → ${to(loadKg)} × ${reps} again`, kind: 'hold' };
  }

  const targetReps = range?.min ?? judged[0]!.reps;
  const missed = done.filter((reps) => reps < targetReps).length + missing;
  const setCount = judged.length + missing;
  const loggedRpes = judged.flatMap((set) => (set.rpe == null ? [] : [set.rpe]));
  const averageRpe = loggedRpes.length > 0 ? loggedRpes.reduce((a, b) => a + b, 0) / loggedRpes.length : null;
  const wayOver = targetRpe !== null && averageRpe !== null && averageRpe >= targetRpe + 1;

  if ((missed > setCount / 2 || wayOver) && loadKg > round.incrementKg) {
    const next = round.decrease(loadKg);
    return { weightKg: next, reps: targetReps, reason: `${lastTime} → ${to(next)}`, kind: 'decrease' };
  }
  if (missed === 0 && atOrUnderRpe) {
    const next = round.increase(loadKg, input.isLowerBody ? 2 : 1);
    return { weightKg: next, reps: targetReps, reason: `${lastTime} → ${to(next)}`, kind: 'increase' };
  }
  return { weightKg: loadKg, reps: targetReps, reason: `${lastTime} → ${to(loadKg)} again`, kind: 'hold' };
}

interface JudgedSet {
  weightKg: number;
  reps: number;
  rpe: number | null | undefined;
}

/** Completed working sets (and sets to failure) at last time's top load, in the order done. */
function judgedSets(sets: readonly LoggedSet[]): JudgedSet[] {
  const work = sets.flatMap((set) =>
    set.completed &&
    (set.setType === 'working' || set.setType === 'failure') &&
    set.weightKg !== null &&
    set.weightKg > 0 &&
    set.reps !== null &&
    set.reps >= 1
      ? [{ weightKg: set.weightKg, reps: set.reps, rpe: set.rpe }]
      : [],
  );
  if (work.length === 0) return [];
  const topKg = Math.max(...work.map((set) => set.weightKg));
  return work.filter((set) => set.weightKg >= topKg - 1e-6);
}

function targetRpeOf(prescription: Prescription): number | null {
  return prescription.rpe ?? (prescription.rir === null ? null : rpeForRir(prescription.rir));
}

function repRangeOf(prescription: Prescription): { min: number; max: number } | null {
  const min = prescription.repsMin ?? prescription.repsMax;
  const max = prescription.repsMax ?? prescription.repsMin;
  return min === null || max === null ? null : { min: Math.min(min, max), max: Math.max(min, max) };
}

/** "5×5 @ RPE 7", "8/7/6 @ RPE 8–9", "3×5" (no RPE logged). */
function describeWork(sets: readonly JudgedSet[]): string {
  const reps = sets.map((set) => set.reps);
  const work = reps.every((r) => r === reps[0]) ? `${sets.length}×${reps[0]}` : reps.join('/');
  const rpes = sets.flatMap((set) => (set.rpe == null ? [] : [set.rpe]));
  if (rpes.length === 0) return work;
  const low = Math.min(...rpes);
  const high = Math.max(...rpes);
  return `${work} @ RPE ${low === high ? formatDecimal(high) : `${formatDecimal(low)}–${formatDecimal(high)}`}`;
}

interface Rounding {
  incrementKg: number;
  nearest(weightKg: number): number;
  increase(weightKg: number, increments: number): number;
  decrease(weightKg: number): number;
}

/** Rounding in the user's unit, to the increment there (5 lb is 2.268 kg, not a kg multiple). */
function loadableRounding(input: ProgressionInput): Rounding {
  const { unit } = input;
  const given = cleanFloat(kgToUnit(input.increment.kg, unit));
  const step = given > 0 && Number.isFinite(given) ? given : DEFAULT_INCREMENT[unit];
  const inUnit = (weightKg: number) => kgToUnit(weightKg, unit);
  const toKg = (value: number) => cleanFloat(unitToKg(value, unit));
  return {
    incrementKg: unitToKg(step, unit),
    nearest: (weightKg) => toKg(roundToIncrement(inUnit(weightKg), step)),
    increase(weightKg, increments) {
      const last = inUnit(weightKg);
      const next = roundToIncrement(last + increments * step, step);
      return toKg(next > last + 1e-6 ? next : next + step);
    },
    decrease(weightKg) {
      const last = inUnit(weightKg);
      const next = roundToIncrement(last * (1 - DECREASE_FRACTION), step);
      return toKg(Math.max(step, next < last - 1e-6 ? next : next - step));
    },
  };
}

function percentOfE1rm(
  prescription: Prescription,
  input: ProgressionInput,
  round: Rounding,
): Suggestion | null {
  const { percentOneRepMax } = prescription;
  if (percentOneRepMax === null || input.e1rmKg === null || !(input.e1rmKg > 0) || !(percentOneRepMax > 0)) {
    return null;
  }
  const weightKg = loadable(round, (input.e1rmKg * percentOneRepMax) / 100);
  return {
    weightKg,
    reps: repRangeOf(prescription)?.min ?? null,
    reason: `${formatDecimal(percentOneRepMax)}% of e1RM ${formatWeight(input.e1rmKg, input.unit)} → ${formatWeight(weightKg, input.unit)}`,
    kind: 'from-prescription',
  };
}

function fromPrescription(
  prescription: Prescription,
  input: ProgressionInput,
  round: Rounding,
): Suggestion | null {
  const reps = repRangeOf(prescription)?.min ?? null;
  if (prescription.loadKg !== null && prescription.loadKg > 0) {
    const weightKg = loadable(round, prescription.loadKg);
    return {
      weightKg,
      reps,
      reason: `prescribed ${formatWeight(weightKg, input.unit)}`,
      kind: 'from-prescription',
    };
  }
  const targetRpe = targetRpeOf(prescription);
  if (input.e1rmKg !== null && reps !== null && targetRpe !== null) {
    const load = loadForTarget(input.e1rmKg, reps, targetRpe);
    if (load !== null) {
      const weightKg = loadable(round, load);
      const reason = `${reps} @ RPE ${formatDecimal(targetRpe)} from e1RM ${formatWeight(input.e1rmKg, input.unit)} → ${formatWeight(weightKg, input.unit)}`;
      return { weightKg, reps, reason, kind: 'from-prescription' };
    }
  }
  return null;
}

/** Rounded to the increment, but never to nothing (a 1 kg band exercise stays 1 kg). */
function loadable(round: Rounding, weightKg: number): number {
  const rounded = round.nearest(weightKg);
  return rounded > 0 ? rounded : cleanFloat(weightKg);
}
