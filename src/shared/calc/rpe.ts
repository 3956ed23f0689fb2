/**
 * RPE (rating of perceived exertion) on the reps-in-reserve scale: RPE 10 is a set with no rep
 * left, RPE 9 one rep left, RPE 8.5 "one, maybe two". The %1RM a set of some reps at some RPE
 * corresponds to comes from the standard RPE chart of Mike Tuchscherer's Reactive Training Systems,
 * published in "The Reactive Training Manual" (M. Tuchscherer, 2008) and on the RTS site
 * (articles.reactivetrainingsystems.com, e.g. "Customizing Your RPE Chart", 2016), for 1–12 reps
 * and RPE 6–10 in half steps.
 */

export const RPE_SCALE: readonly { rpe: number; rir: number; label: string }[] = [
  { rpe: 6, rir: 4, label: '4 reps left' },
  { rpe: 6.5, rir: 3.5, label: '3–4 reps left' },
  { rpe: 7, rir: 3, label: '3 reps left' },
  { rpe: 7.5, rir: 2.5, label: '2–3 reps left' },
  { rpe: 8, rir: 2, label: '2 reps left' },
  { rpe: 8.5, rir: 1.5, label: '1–2 reps left' },
  { rpe: 9, rir: 1, label: '1 rep left' },
  { rpe: 9.5, rir: 0.5, label: 'maybe 1 rep left' },
  { rpe: 10, rir: 0, label: 'no reps left' },
];

export const RPE_CHART_MIN_REPS = 1;
export const RPE_CHART_MAX_REPS = 12;
export const RPE_CHART_MIN_RPE = 6;
export const RPE_CHART_MAX_RPE = 10;

/**
 * The chart's cells depend only on the reps the set could have had in all (reps done + reps in
 * reserve): 5 reps at RPE 8 and 7 reps at RPE 10 are both a 7-rep max, 81.1 %. So the chart is one
 * column, in half-rep steps from a 1-rep max (100 %) to a 16-rep max (12 reps at RPE 6).
 */
const PERCENT_BY_REP_MAX: readonly number[] = [
  100, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0, 83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1,
  73.9, 72.3, 70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6, 57.2,
];

const isHalfStep = (value: number) => Number.isFinite(value) && Number.isInteger(value * 2);

/**
 * The %1RM (e.g. 81.1) of a set of `reps` at `rpe`, from the chart; null outside 1–12 whole reps
 * and RPE 6–10 in half steps (below RPE 6 people misjudge how many reps they had left).
 */
export function percentOfOneRepMax(reps: number, rpe: number): number | null {
  if (!Number.isInteger(reps) || reps < RPE_CHART_MIN_REPS || reps > RPE_CHART_MAX_REPS) return null;
  if (!isHalfStep(rpe) || rpe < RPE_CHART_MIN_RPE || rpe > RPE_CHART_MAX_RPE) return null;
  const repMax = reps + (10 - rpe);
  return PERCENT_BY_REP_MAX[(repMax - 1) * 2] ?? null;
}

/** The e1RM a set implies: 100 kg × 5 at RPE 8 is 81.1 %, so 123.3 kg. */
export function e1rmFromRpe(weightKg: number, reps: number, rpe: number): number | null {
  const percent = percentOfOneRepMax(reps, rpe);
  if (percent === null || !Number.isFinite(weightKg) || weightKg <= 0) return null;
  return (weightKg * 100) / percent;
}

/** The load (unrounded) for `reps` at `rpe` from an e1RM: 140 kg, 3 at RPE 8 → 86.3 % → 120.8 kg. */
export function loadForTarget(e1rmKg: number, reps: number, rpe: number): number | null {
  const percent = percentOfOneRepMax(reps, rpe);
  if (percent === null || !Number.isFinite(e1rmKg) || e1rmKg <= 0) return null;
  return (e1rmKg * percent) / 100;
}

/** Reps in reserve for an RPE from 1 to 10 in half steps (10 − RPE); null otherwise. */
export function rirForRpe(rpe: number): number | null {
  if (!isHalfStep(rpe) || rpe < 1 || rpe > 10) return null;
  return 10 - rpe;
}

/** The RPE for reps in reserve from 0 to 9 in half steps (10 − RIR); null otherwise. */
export function rpeForRir(rir: number): number | null {
  if (!isHalfStep(rir) || rir < 0 || rir > 9) return null;
  return 10 - rir;
}
