import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { e1rmFromRpe, loadForTarget, percentOfOneRepMax, RPE_SCALE, rirForRpe, rpeForRir } from './rpe';

const reps = fc.integer({ min: 1, max: 12 });
const rpe = fc.integer({ min: 12, max: 20 }).map((halves) => halves / 2);
const weightKg = fc.double({ min: 1, max: 500, noNaN: true });

describe('the RPE chart', () => {
  it('reads well-known cells of the RTS chart', () => {
    expect(percentOfOneRepMax(1, 10)).toBe(100);
    expect(percentOfOneRepMax(1, 9.5)).toBe(97.8);
    expect(percentOfOneRepMax(3, 8)).toBe(86.3);
    expect(percentOfOneRepMax(5, 8)).toBe(81.1);
    expect(percentOfOneRepMax(5, 9)).toBe(83.7);
    expect(percentOfOneRepMax(8, 7.5)).toBe(72.3);
    expect(percentOfOneRepMax(10, 10)).toBe(73.9);
    expect(percentOfOneRepMax(12, 10)).toBe(68);
    expect(percentOfOneRepMax(1, 6)).toBe(86.3);
    expect(percentOfOneRepMax(12, 6)).toBe(57.2);
  });

  it('has no cell outside 1–12 whole reps and RPE 6–10 in half steps', () => {
    expect(percentOfOneRepMax(0, 8)).toBeNull();
    expect(percentOfOneRepMax(13, 8)).toBeNull();
    expect(percentOfOneRepMax(4.5, 8)).toBeNull();
    expect(percentOfOneRepMax(5, 5.5)).toBeNull();
    expect(percentOfOneRepMax(5, 10.5)).toBeNull();
    expect(percentOfOneRepMax(5, 8.25)).toBeNull();
  });

  it('has a cell for every rep count and half-step RPE, between 50 and 100 %', () => {
    fc.assert(
      fc.property(reps, rpe, (r, effort) => {
        const percent = percentOfOneRepMax(r, effort);
        expect(percent).not.toBeNull();
        expect(percent!).toBeGreaterThan(50);
        expect(percent!).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('asks for less weight with more reps, and more weight with a higher RPE', () => {
    fc.assert(
      fc.property(reps, rpe, (r, effort) => {
        const percent = percentOfOneRepMax(r, effort)!;
        if (r < 12) expect(percentOfOneRepMax(r + 1, effort)!).toBeLessThan(percent);
        if (effort < 10) expect(percentOfOneRepMax(r, effort + 0.5)!).toBeGreaterThan(percent);
      }),
    );
  });
});

describe('e1RM and loads from RPE', () => {
  it('estimates an e1RM from a set and its RPE', () => {
    expect(e1rmFromRpe(100, 5, 8)).toBeCloseTo(123.305, 3);
    expect(e1rmFromRpe(200, 1, 10)).toBe(200);
    expect(e1rmFromRpe(0, 5, 8)).toBeNull();
    expect(e1rmFromRpe(100, 15, 8)).toBeNull();
  });

  it('gives the load for reps at an RPE from an e1RM', () => {
    expect(loadForTarget(140, 3, 8)).toBeCloseTo(120.82, 2);
    expect(loadForTarget(-1, 3, 8)).toBeNull();
    expect(loadForTarget(140, 3, 11)).toBeNull();
  });

  it('round-trips a set through its e1RM', () => {
    fc.assert(
      fc.property(weightKg, reps, rpe, (weight, r, effort) => {
        expect(loadForTarget(e1rmFromRpe(weight, r, effort)!, r, effort)!).toBeCloseTo(weight, 9);
      }),
    );
  });
});

describe('RPE and reps in reserve', () => {
  it('lists RPE 6 to 10 in half steps, each with what it means', () => {
    expect(RPE_SCALE.map((step) => step.rpe)).toEqual([6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10]);
    expect(RPE_SCALE.find((step) => step.rpe === 8.5)?.label).toBe('1–2 reps left');
    for (const step of RPE_SCALE) expect(step.rir).toBe(rirForRpe(step.rpe));
  });

  it('converts between RPE and RIR both ways', () => {
    expect(rirForRpe(8)).toBe(2);
    expect(rirForRpe(9.5)).toBe(0.5);
    expect(rpeForRir(0)).toBe(10);
    expect(rpeForRir(3)).toBe(7);
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 20 }), (halves) => {
        expect(rpeForRir(rirForRpe(halves / 2)!)).toBe(halves / 2);
      }),
    );
  });

  it('refuses values off the scale', () => {
    expect(rirForRpe(11)).toBeNull();
    expect(rirForRpe(0.5)).toBeNull();
    expect(rirForRpe(7.3)).toBeNull();
    expect(rpeForRir(-1)).toBeNull();
    expect(rpeForRir(10)).toBeNull();
  });
});
