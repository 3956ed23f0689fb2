/**
 * Loading a barbell: which plates go on each side for a weight, and the nearest weight the plates
 * can make. Everything here is in one unit, the user's (plates in lb for a lb user), because gyms
 * stock plates in one unit and a weight is loadable in that unit or not at all. Plate sizes count
 * to a thousandth of the unit (finer differences are float noise or conversions).
 */
import { cleanFloat, type WeightUnit } from './units';

/** The plates a commercial gym stocks, heaviest first, in that unit. */
export const STANDARD_PLATES: Record<WeightUnit, number[]> = {
  kg: [25, 20, 15, 10, 5, 2.5, 1.25],
  lb: [45, 35, 25, 10, 5, 2.5],
};

/** The men's Olympic bar: 20 kg, or the 45 lb bar of US gyms. */
export const STANDARD_BAR: Record<WeightUnit, number> = { kg: 20, lb: 45 };

/** The smallest jump the plates allow (a pair of the lightest), in their unit; 0 without plates. */
export function smallestIncrement(platesInUnit: readonly number[]): number {
  const plates = usablePlates(platesInUnit);
  return plates.length === 0 ? 0 : cleanFloat(2 * plates[plates.length - 1]!);
}

export interface PlateLoad {
  /** Plates for ONE side of the bar, heaviest first. */
  perSide: { plate: number; count: number }[];
  /** Bar + both sides. */
  total: number;
  /** Whether `total` is the target. */
  exact: boolean;
  /** Target − total: what the plates could not make (negative when the target is below the bar). */
  remainder: number;
}

/**
 * The plates for `target` on `bar`, as many pairs of each as needed: heaviest first (greedy), and
 * when greedy gets stuck on an odd set of plates (15 and 10 for 20 a side) the combination that does
 * make it. A weight the plates cannot make gets the heaviest load under it. Never more than the
 * target (to a thousandth), except that a target below the bar is just the bar.
 */
export function loadPlates(target: number, bar: number, platesInUnit: readonly number[]): PlateLoad {
  const plates = usablePlates(platesInUnit);
  if (!(target >= bar) || plates.length === 0) return loadOf(target, bar, []);
  const grid = gridFor(plates, perSideThousandths(target, bar));
  if (!grid) return loadOf(target, bar, greedy(plates, (target - bar) / 2));
  let cell = Math.floor(perSideThousandths(target, bar) / grid.step);
  while (grid.choice[cell] === UNREACHABLE) cell -= 1;
  return loadOf(target, bar, platesAt(grid, cell));
}

/**
 * The loadable weight nearest to `target` (or the heaviest at or under it, or the lightest at or
 * over it); loadPlates makes it exactly. Never less than the bar; the bar alone without plates.
 * Halfway between two loadable weights, nearest goes up.
 */
export function nearestLoadable(
  target: number,
  bar: number,
  platesInUnit: readonly number[],
  mode: 'nearest' | 'down' | 'up' = 'nearest',
): number {
  const plates = usablePlates(platesInUnit);
  if (!(target > bar) || plates.length === 0) return bar;
  const down = loadPlates(target, bar, plates);
  if (down.exact || mode === 'down') return down.total;
  const up = lightestLoadAtOrOver(target, bar, plates) ?? down.total + smallestIncrement(plates);
  if (mode === 'up') return up;
  return up - target <= target - down.total ? up : down.total;
}

const THOUSANDTHS = 1000;
/** Past this many cells (a per-side load of kilotonnes, or plates of odd sizes), plain greedy. */
const MAX_CELLS = 2_000_000;
const UNREACHABLE = -1;
const EMPTY = -2;

/**
 * Positive plates, heaviest first, each to a thousandth of the unit: a 25 kg plate in a lb rack is
 * 55.116 lb, and weights are never shown that finely, so the sums stay exact.
 */
function usablePlates(platesInUnit: readonly number[]): number[] {
  const plates = platesInUnit
    .filter((plate) => Number.isFinite(plate) && plate >= 0.5 / THOUSANDTHS)
    .map((plate) => Math.round(plate * THOUSANDTHS) / THOUSANDTHS);
  return [...new Set(plates)].sort((a, b) => b - a);
}

const thousandthsOf = (value: number) => Math.round(value * THOUSANDTHS);

/** Half of target − bar in thousandths of the unit (rounded down, or up). */
function perSideThousandths(target: number, bar: number, mode: 'down' | 'up' = 'down'): number {
  const half = (thousandthsOf(target) - thousandthsOf(bar)) / 2;
  return mode === 'down' ? Math.floor(half) : Math.ceil(half);
}

function loadOf(target: number, bar: number, perSide: PlateLoad['perSide']): PlateLoad {
  const total = cleanFloat(bar + 2 * perSide.reduce((sum, { plate, count }) => sum + plate * count, 0));
  const remainder = cleanFloat(target - total);
  const exact = thousandthsOf(total) === thousandthsOf(target);
  return { perSide, total, exact, remainder: remainder === 0 ? 0 : remainder };
}

function greedy(plates: readonly number[], perSide: number): PlateLoad['perSide'] {
  const loaded: PlateLoad['perSide'] = [];
  let left = perSide + 0.5 / THOUSANDTHS;
  for (const plate of plates) {
    const count = Math.floor(left / plate);
    if (count > 0) {
      loaded.push({ plate, count });
      left -= count * plate;
    }
  }
  return loaded;
}

/**
 * Which per-side sums the plates make, on a grid of the plates' greatest common divisor (in
 * thousandths of the unit): choice[cell] is the plate last added to reach that sum, the heaviest
 * that can be, which gives greedy's plates whenever greedy works. Unbounded coin change.
 */
interface PlateGrid {
  plates: readonly number[];
  cells: readonly number[];
  step: number;
  choice: Int8Array;
}

/** Grids are kept per plate set: a workout rounds dozens of weights with the same plates. */
const grids = new Map<string, PlateGrid>();

function gridFor(plates: readonly number[], perSide: number): PlateGrid | null {
  const key = plates.join(' ');
  const cached = grids.get(key);
  const thousandths = plates.map((plate) => Math.round(plate * THOUSANDTHS));
  const step = thousandths.reduce(gcd);
  const cells = thousandths.map((value) => value / step);
  const needed = Math.floor(perSide / step) + Math.max(...cells) + 1;
  if (cached && cached.choice.length >= needed) return cached;
  // Int8Array choices: fine for any real rack (a plate index fits in 7 bits).
  if (needed > MAX_CELLS || plates.length > 100) return null;
  const size = Math.min(MAX_CELLS, Math.max(needed, 2 * (cached?.choice.length ?? 0), 1024));
  const choice = new Int8Array(size).fill(UNREACHABLE);
  choice[0] = EMPTY;
  for (let cell = 1; cell < size; cell += 1) {
    for (let index = 0; index < cells.length; index += 1) {
      const from = cell - cells[index]!;
      if (from >= 0 && choice[from] !== UNREACHABLE) {
        choice[cell] = index;
        break;
      }
    }
  }
  const grid = { plates, cells, step, choice };
  if (grids.size >= 8) grids.delete(grids.keys().next().value!);
  grids.set(key, grid);
  return grid;
}

function platesAt(grid: PlateGrid, cell: number): PlateLoad['perSide'] {
  const counts = grid.plates.map(() => 0);
  for (let at = cell; at > 0; at -= grid.cells[grid.choice[at]!]!) counts[grid.choice[at]!]! += 1;
  return grid.plates.flatMap((plate, index) =>
    counts[index]! > 0 ? [{ plate, count: counts[index]! }] : [],
  );
}

function lightestLoadAtOrOver(target: number, bar: number, plates: readonly number[]): number | null {
  const perSide = perSideThousandths(target, bar, 'up');
  const grid = gridFor(plates, perSide);
  if (!grid) return null;
  let cell = Math.ceil(perSide / grid.step);
  while (cell < grid.choice.length && grid.choice[cell] === UNREACHABLE) cell += 1;
  if (cell >= grid.choice.length) return null;
  return loadOf(target, bar, platesAt(grid, cell)).total;
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
