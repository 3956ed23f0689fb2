/**
 * Estimated one-rep max (e1RM) from a set of several reps. The app's formula is Epley's
 * (B. Epley, "Poundage Chart", Boyd Epley Workout, 1985): 1RM = w × (1 + reps / 30), with a single
 * rep giving the weight itself. Brzycki's (M. Brzycki, "Strength testing: predicting a one-rep max
 * from reps-to-fatigue", JOPERD 64(1), 1993) is kept for comparison. Both drift apart and lose
 * accuracy beyond a dozen reps, so no estimate is made there.
 */
export type E1rmFormula = 'epley' | 'brzycki';

/** Above this many reps, no e1RM: the formulas are unreliable. */
export const E1RM_MAX_REPS = 12;

/** Epley: w × (1 + reps / 30); one rep is the weight itself (the formula would add 3 %). */
export function epley(weightKg: number, reps: number): number {
  return reps === 1 ? weightKg : weightKg * (1 + reps / 30);
}

/** Brzycki: w × 36 / (37 − reps); exactly the weight at one rep. */
export function brzycki(weightKg: number, reps: number): number {
  // (w × 36) / 36 can come out one float step under w.
  return reps === 1 ? weightKg : (weightKg * 36) / (37 - reps);
}

/**
 * The e1RM of a set, by Epley unless told otherwise; null when the weight is not positive or the
 * reps are not a whole number from 1 to E1RM_MAX_REPS.
 */
export function estimateOneRepMax(
  weightKg: number,
  reps: number,
  formula: E1rmFormula = 'epley',
): number | null {
  if (!Number.isFinite(weightKg) || weightKg <= 0) return null;
  if (!Number.isInteger(reps) || reps < 1 || reps > E1RM_MAX_REPS) return null;
  return formula === 'epley' ? epley(weightKg, reps) : brzycki(weightKg, reps);
}
