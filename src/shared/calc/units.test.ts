import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDecimal,
  formatWeight,
  kgToUnit,
  POUNDS_PER_KILOGRAM,
  roundToIncrement,
  unitToKg,
  type WeightUnit,
} from './units';

const weight = fc.double({ min: 0, max: 1000, noNaN: true });
const unit = fc.constantFrom<WeightUnit>('kg', 'lb');

describe('unit conversions', () => {
  it('leaves kilograms as they are', () => {
    expect(kgToUnit(102.5, 'kg')).toBe(102.5);
    expect(unitToKg(102.5, 'kg')).toBe(102.5);
  });

  it('converts 100 kg to 220.5 lb and 45 lb to 20.4 kg', () => {
    expect(kgToUnit(100, 'lb')).toBeCloseTo(220.462, 3);
    expect(unitToKg(45, 'lb')).toBeCloseTo(20.412, 3);
    expect(unitToKg(POUNDS_PER_KILOGRAM, 'lb')).toBeCloseTo(1, 12);
  });

  it('round-trips any weight through either unit', () => {
    fc.assert(
      fc.property(weight, unit, (kg, to) => {
        expect(unitToKg(kgToUnit(kg, to), to)).toBeCloseTo(kg, 9);
        expect(kgToUnit(unitToKg(kg, to), to)).toBeCloseTo(kg, 9);
      }),
    );
  });

  it('keeps the order of weights', () => {
    fc.assert(
      fc.property(weight, weight, unit, (a, b, to) => {
        fc.pre(a < b);
        expect(kgToUnit(a, to)).toBeLessThan(kgToUnit(b, to));
      }),
    );
  });
});

describe('roundToIncrement', () => {
  it('rounds to the nearest multiple, or down, or up', () => {
    expect(roundToIncrement(101.4, 2.5)).toBe(102.5);
    expect(roundToIncrement(101.2, 2.5)).toBe(100);
    expect(roundToIncrement(101.4, 2.5, 'down')).toBe(100);
    expect(roundToIncrement(100.1, 2.5, 'up')).toBe(102.5);
  });

  it('keeps a value that is already a multiple, despite float noise', () => {
    expect(roundToIncrement(0.1 + 0.2, 0.1, 'down')).toBe(0.3);
    expect(roundToIncrement(0.3, 0.1, 'up')).toBe(0.3);
    expect(roundToIncrement(unitToKg(225, 'lb'), unitToKg(5, 'lb'), 'up')).toBeCloseTo(
      unitToKg(225, 'lb'),
      6,
    );
  });

  it('leaves the value alone when the increment is not positive', () => {
    expect(roundToIncrement(101.3, 0)).toBe(101.3);
    expect(roundToIncrement(101.3, -2.5)).toBe(101.3);
  });

  it('lands on a multiple within half an increment (down: below, up: above)', () => {
    const increment = fc.constantFrom(0.5, 1, 1.25, 2.5, 5, unitToKg(5, 'lb'));
    fc.assert(
      fc.property(weight, increment, (value, step) => {
        const nearest = roundToIncrement(value, step);
        const down = roundToIncrement(value, step, 'down');
        const up = roundToIncrement(value, step, 'up');
        for (const rounded of [nearest, down, up]) {
          const steps = rounded / step;
          expect(Math.abs(steps - Math.round(steps))).toBeLessThan(1e-6);
        }
        expect(Math.abs(nearest - value)).toBeLessThanOrEqual(step / 2 + 1e-6);
        expect(down).toBeLessThanOrEqual(value + 1e-6);
        expect(up).toBeGreaterThanOrEqual(value - 1e-6);
        expect(up - down).toBeLessThanOrEqual(step + 1e-6);
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(weight, fc.constantFrom(1.25, 2.5, 5), (value, step) => {
        const once = roundToIncrement(value, step);
        expect(roundToIncrement(once, step)).toBe(once);
      }),
    );
  });
});

describe('formatting', () => {
  it('shows at most one decimal and no trailing zero', () => {
    expect(formatDecimal(102.5)).toBe('102.5');
    expect(formatDecimal(100)).toBe('100');
    expect(formatDecimal(102.06)).toBe('102.1');
    expect(formatDecimal(224.99999)).toBe('225');
    expect(formatDecimal(-0.01)).toBe('0');
  });

  it('shows a weight in the user unit', () => {
    expect(formatWeight(102.5, 'kg')).toBe('102.5 kg');
    expect(formatWeight(unitToKg(225, 'lb'), 'lb')).toBe('225 lb');
  });
});
