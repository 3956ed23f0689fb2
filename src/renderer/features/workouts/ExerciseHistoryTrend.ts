/**
 * The e1RM trend of one exercise in words: the one line above its chart (UX.md principle 5). The
 * ends are averaged over up to three sessions each, so one good or bad day does not make the trend.
 */
import { formatWeight, type WeightUnit } from '../../components/units';

export interface TrendPoint {
  startedAt: string;
  e1rmKg: number;
}

/** Changes smaller than this share of the starting e1RM read as "steady". */
const STEADY_SHARE = 0.01;
const ENDS = 3;

const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

/** Oldest first. `formatDay` writes a session's day (in the user's locale). */
export function e1rmTakeaway(
  points: readonly TrendPoint[],
  unit: WeightUnit,
  formatDay: (isoTimestamp: string) => string,
): string {
  if (points.length === 0) return 'No estimated 1RM yet: a completed set of 1 to 12 reps gives one.';
  const best = points.reduce((top, point) => (point.e1rmKg > top.e1rmKg ? point : top));
  const bestText = `best ${formatWeight(best.e1rmKg, unit)} on ${formatDay(best.startedAt)}`;
  if (points.length === 1) return `One session so far: estimated 1RM ${formatWeight(best.e1rmKg, unit)}.`;

  const ends = Math.min(ENDS, Math.floor(points.length / 2));
  const start = average(points.slice(0, ends).map((point) => point.e1rmKg));
  const end = average(points.slice(-ends).map((point) => point.e1rmKg));
  const change = end - start;
  const since = `over ${points.length} sessions since ${formatDay(points[0]!.startedAt)}`;
  if (Math.abs(change) < start * STEADY_SHARE)
    return `Steady around ${formatWeight(end, unit)} ${since}; ${bestText}.`;
  const percent = Math.round((Math.abs(change) / start) * 100);
  return `${change > 0 ? 'Up' : 'Down'} ${formatWeight(Math.abs(change), unit)} (${percent}%) ${since}; ${bestText}.`;
}
