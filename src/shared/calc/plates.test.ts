import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlates, nearestLoadable, smallestIncrement, STANDARD_BAR, STANDARD_PLATES } from './plates';
import { kgToUnit } from './units';

const kgPlates = STANDARD_PLATES.kg;
const lbPlates = STANDARD_PLATES.lb;
/** A kg rack used by a lb user: odd plate sizes, unrounded. */
const kgRackInLb = kgPlates.map((plate) => kgToUnit(plate, 'lb'));

const plateSet = fc.oneof(
  fc.constant(kgPlates),
  fc.constant(lbPlates),
  fc.constant(kgRackInLb),
  fc.uniqueArray(
    fc.integer({ min: 1, max: 100 }).map((quarter) => quarter / 4),
    { minLength: 1, maxLength: 6 },
  ),
);
const bar = fc.constantFrom(0, 10, 15, 20, 45);
/** Weights as typed: to the gram (or thousandth of a pound). */
const target = fc.integer({ min: 0, max: 600_000 }).map((thousandths) => thousandths / 1000);

describe('plates', () => {
  it('has the standard racks and bars', () => {
    expect(STANDARD_BAR).toEqual({ kg: 20, lb: 45 });
    expect(smallestIncrement(kgPlates)).toBe(2.5);
    expect(smallestIncrement(lbPlates)).toBe(5);
    expect(smallestIncrement([])).toBe(0);
  });

  it('loads 100 kg as 25 + 15 a side on a 20 kg bar', () => {
    expect(loadPlates(100, 20, kgPlates)).toEqual({
      perSide: [
        { plate: 25, count: 1 },
        { plate: 15, count: 1 },
      ],
      total: 100,
      exact: true,
      remainder: 0,
    });
  });

  it('loads 102.5 kg with the change plates and 315 lb with three 45s a side', () => {
    expect(loadPlates(102.5, 20, kgPlates).perSide).toEqual([
      { plate: 25, count: 1 },
      { plate: 15, count: 1 },
      { plate: 1.25, count: 1 },
    ]);
    expect(loadPlates(315, 45, lbPlates).perSide).toEqual([{ plate: 45, count: 3 }]);
  });

  it('says what is left over when the plates cannot make the weight', () => {
    const load = loadPlates(101, 20, kgPlates);
    expect(load.total).toBe(100);
    expect(load.exact).toBe(false);
    expect(load.remainder).toBe(1);
  });

  it('is the bar alone for the bar, and below it', () => {
    expect(loadPlates(20, 20, kgPlates)).toEqual({ perSide: [], total: 20, exact: true, remainder: 0 });
    expect(loadPlates(15, 20, kgPlates)).toMatchObject({
      perSide: [],
      total: 20,
      exact: false,
      remainder: -5,
    });
  });

  it('counts plate sizes to a thousandth (a kg rack in lb)', () => {
    expect(loadPlates(kgToUnit(100, 'lb'), kgToUnit(20, 'lb'), kgRackInLb).perSide).toEqual([
      { plate: 55.116, count: 1 },
      { plate: 33.069, count: 1 },
    ]);
    expect(smallestIncrement(kgRackInLb)).toBe(5.512);
  });

  it('finds the combination greedy misses with odd plates', () => {
    expect(loadPlates(60, 20, [15, 10]).perSide).toEqual([{ plate: 10, count: 2 }]);
    expect(nearestLoadable(60, 20, [15, 10])).toBe(60);
  });

  it('never exceeds the target and uses only the given plates', () => {
    fc.assert(
      fc.property(target, bar, plateSet, (weight, barWeight, plates) => {
        fc.pre(weight >= barWeight);
        const load = loadPlates(weight, barWeight, plates);
        expect(load.total).toBeLessThanOrEqual(weight + 1e-3);
        expect(load.remainder).toBeGreaterThanOrEqual(-1e-3);
        const toThousandth = (plate: number) => Math.round(plate * 1000) / 1000;
        for (const { plate, count } of load.perSide) {
          expect(plates.map(toThousandth)).toContain(plate);
          expect(Number.isInteger(count) && count >= 1).toBe(true);
        }
        const sides = load.perSide.reduce((sum, { plate, count }) => sum + plate * count, 0);
        expect(load.total).toBeCloseTo(barWeight + 2 * sides, 6);
        expect(load.total + load.remainder).toBeCloseTo(weight, 6);
        expect(load.exact).toBe(Math.round(load.total * 1000) === Math.round(weight * 1000));
        const heaviestFirst = load.perSide.map(({ plate }) => plate);
        expect(heaviestFirst).toEqual([...heaviestFirst].sort((a, b) => b - a));
      }),
    );
  });

  it('loads any multiple of 2.5 kg from the bar exactly with standard plates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), (steps) => {
        expect(loadPlates(20 + steps * 2.5, 20, kgPlates).exact).toBe(true);
        expect(loadPlates(45 + steps * 5, 45, lbPlates).exact).toBe(true);
      }),
    );
  });
});

describe('nearestLoadable', () => {
  it('rounds to what the plates make', () => {
    expect(nearestLoadable(101, 20, kgPlates)).toBe(100);
    expect(nearestLoadable(101.3, 20, kgPlates)).toBe(102.5);
    expect(nearestLoadable(101.25, 20, kgPlates)).toBe(102.5);
    expect(nearestLoadable(101, 20, kgPlates, 'down')).toBe(100);
    expect(nearestLoadable(100.1, 20, kgPlates, 'up')).toBe(102.5);
    expect(nearestLoadable(227, 45, lbPlates)).toBe(225);
    // 102.058 kg shown in lb is 225 lb give or take float noise: still 225.
    expect(nearestLoadable(kgToUnit(225 / 2.2046226218, 'lb'), 45, lbPlates)).toBe(225);
  });

  it('is never below the bar, and the bar without plates', () => {
    expect(nearestLoadable(10, 20, kgPlates)).toBe(20);
    expect(nearestLoadable(10, 20, kgPlates, 'down')).toBe(20);
    expect(nearestLoadable(100, 20, [])).toBe(20);
  });

  it('gives a weight loadPlates makes exactly, between the loads around the target', () => {
    fc.assert(
      fc.property(target, bar, plateSet, (weight, barWeight, plates) => {
        fc.pre(weight > barWeight);
        const down = nearestLoadable(weight, barWeight, plates, 'down');
        const up = nearestLoadable(weight, barWeight, plates, 'up');
        const nearest = nearestLoadable(weight, barWeight, plates);
        expect(down).toBeLessThanOrEqual(weight + 1e-3);
        expect(up).toBeGreaterThanOrEqual(weight - 1e-3);
        expect([down, up]).toContain(nearest);
        expect(Math.abs(nearest - weight)).toBeLessThanOrEqual(
          Math.max(0, Math.min(weight - down, up - weight)) + 1e-3,
        );
        for (const loadable of [down, up, nearest]) {
          expect(loadPlates(loadable, barWeight, plates).exact).toBe(true);
          expect(nearestLoadable(loadable, barWeight, plates)).toBe(loadable);
        }
      }),
    );
  });
});
