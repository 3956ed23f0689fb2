import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brzycki, E1RM_MAX_REPS, epley, estimateOneRepMax, type E1rmFormula } from './e1rm';

const weightKg = fc.double({ min: 0.5, max: 1000, noNaN: true });
const reps = fc.integer({ min: 1, max: E1RM_MAX_REPS });
const formula = fc.constantFrom<E1rmFormula>('epley', 'brzycki');

describe('estimateOneRepMax', () => {
  it('uses Epley: 100 kg × 5 is an e1RM of 116.7 kg', () => {
    expect(estimateOneRepMax(100, 5)).toBeCloseTo(116.667, 3);
    expect(epley(100, 10)).toBeCloseTo(133.333, 3);
  });

  it('takes a single rep as the weight itself', () => {
    expect(estimateOneRepMax(180, 1)).toBe(180);
    expect(estimateOneRepMax(180, 1, 'brzycki')).toBe(180);
  });

  it('gives Brzycki when asked: 100 kg × 5 is 112.5 kg', () => {
    expect(estimateOneRepMax(100, 5, 'brzycki')).toBeCloseTo(112.5, 6);
    expect(brzycki(100, 10)).toBeCloseTo(133.333, 3);
  });

  it('makes no estimate above 12 reps, below 1 rep, for fractional reps or without weight', () => {
    expect(estimateOneRepMax(60, 13)).toBeNull();
    expect(estimateOneRepMax(60, 0)).toBeNull();
    expect(estimateOneRepMax(60, 2.5)).toBeNull();
    expect(estimateOneRepMax(0, 5)).toBeNull();
    expect(estimateOneRepMax(-20, 5)).toBeNull();
    expect(estimateOneRepMax(Number.NaN, 5)).toBeNull();
    expect(estimateOneRepMax(60, E1RM_MAX_REPS)).not.toBeNull();
  });

  it('never lowers the e1RM for more reps at the same weight', () => {
    fc.assert(
      fc.property(weightKg, reps, reps, formula, (weight, a, b, f) => {
        fc.pre(a < b);
        expect(estimateOneRepMax(weight, b, f)!).toBeGreaterThan(estimateOneRepMax(weight, a, f)!);
      }),
    );
  });

  it('never lowers the e1RM for more weight at the same reps', () => {
    fc.assert(
      fc.property(weightKg, weightKg, reps, formula, (a, b, r, f) => {
        fc.pre(a < b);
        expect(estimateOneRepMax(b, r, f)!).toBeGreaterThan(estimateOneRepMax(a, r, f)!);
      }),
    );
  });

  it('is never below the weight lifted and scales with it', () => {
    fc.assert(
      fc.property(weightKg, reps, formula, (weight, r, f) => {
        const e1rm = estimateOneRepMax(weight, r, f)!;
        expect(e1rm).toBeGreaterThanOrEqual(weight);
        expect(estimateOneRepMax(weight * 2, r, f)!).toBeCloseTo(e1rm * 2, 6);
      }),
    );
  });
});
