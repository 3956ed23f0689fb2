import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestNext, type ProgressionInput } from './progression';
import { kgToUnit, unitToKg } from './units';
import type { LoggedSet } from './volume';

const work = (weightKg: number, reps: number, rpe: number | null = null): LoggedSet => ({
  setType: 'working',
  weightKg,
  reps,
  rpe,
  completed: true,
});
const times = (count: number, set: LoggedSet) => Array.from({ length: count }, () => set);

const fiveByFive = {
  sets: 5,
  repsMin: 5,
  repsMax: null,
  rpe: 8,
  rir: null,
  percentOneRepMax: null,
  loadKg: null,
};
const threeByEightToTwelve = { ...fiveByFive, sets: 3, repsMin: 8, repsMax: 12, rpe: null };

function input(overrides: Partial<ProgressionInput> = {}): ProgressionInput {
  return {
    prescription: fiveByFive,
    lastTime: null,
    e1rmKg: null,
    unit: 'kg',
    increment: { kg: 2.5 },
    ...overrides,
  };
}
const last = (sets: LoggedSet[]) => ({ sets, date: '2024-05-01' });

describe('suggestNext with fixed reps', () => {
  it('suggests +2.5 kg after all reps at or under target RPE', () => {
    expect(suggestNext(input({ lastTime: last(times(5, work(100, 5, 7))) }))).toEqual({
      weightKg: 102.5,
      reps: 5,
      reason: 'last time 5×5 @ RPE 7 at 100 kg → 102.5 kg',
      kind: 'increase',
    });
  });

  it('takes two increments on a lower-body lift', () => {
    const next = suggestNext(input({ lastTime: last(times(5, work(140, 5, 8))), isLowerBody: true }));
    expect(next).toMatchObject({ weightKg: 145, kind: 'increase' });
  });

  it('counts a set without a logged RPE as on target, and ignores warm-ups and lighter back-offs', () => {
    const sets = [
      { ...work(60, 5), setType: 'warmup' as const },
      ...times(5, work(100, 5)),
      work(80, 8, 9.5),
    ];
    expect(suggestNext(input({ lastTime: last(sets) }))).toMatchObject({
      weightKg: 102.5,
      reason: 'last time 5×5 at 100 kg → 102.5 kg',
    });
  });

  it('holds the load when some sets missed reps', () => {
    const sets = [work(100, 5, 8), work(100, 5, 8), work(100, 5, 8), work(100, 4, 8.5), work(100, 4, 9)];
    expect(suggestNext(input({ lastTime: last(sets) }))).toEqual({
      weightKg: 100,
      reps: 5,
      reason: 'last time 5/5/5/4/4 @ RPE 8–9 at 100 kg → 100 kg again',
      kind: 'hold',
    });
  });

  it('holds the load when a set went a little over the target RPE', () => {
    const sets = [...times(4, work(100, 5, 8)), work(100, 5, 9)];
    expect(suggestNext(input({ lastTime: last(sets) }))).toMatchObject({ weightKg: 100, kind: 'hold' });
  });

  it('takes about 5 % off, loadable, when most sets missed reps', () => {
    const sets = [work(100, 5), work(100, 4), work(100, 3), work(100, 3), work(100, 2)];
    expect(suggestNext(input({ lastTime: last(sets) }))).toEqual({
      weightKg: 95,
      reps: 5,
      reason: 'last time 5/4/3/3/2 at 100 kg → 95 kg',
      kind: 'decrease',
    });
  });

  it('takes about 5 % off when the sets were 1 RPE or more over the target', () => {
    const next = suggestNext(input({ lastTime: last(times(5, work(140, 5, 9.5))) }));
    expect(next).toMatchObject({ weightKg: 132.5, kind: 'decrease' });
  });

  it('counts prescribed sets not done as missed', () => {
    const next = suggestNext(input({ lastTime: last(times(2, work(100, 5, 7))) }));
    expect(next).toMatchObject({ weightKg: 95, kind: 'decrease' });
  });

  it('reads the target RPE from RIR when no RPE is prescribed', () => {
    const prescription = { ...fiveByFive, rpe: null, rir: 3 };
    const next = suggestNext(input({ prescription, lastTime: last(times(5, work(100, 5, 7.5))) }));
    expect(next).toMatchObject({ weightKg: 100, kind: 'hold' });
  });

  it("without a prescription, aims to repeat last time's reps and progress", () => {
    const next = suggestNext(input({ prescription: null, lastTime: last(times(3, work(60, 10))) }));
    expect(next).toMatchObject({ weightKg: 62.5, reps: 10, kind: 'increase' });
  });
});

describe('suggestNext with a rep range', () => {
  it('adds the increment and goes back to the bottom of the range once every set reached the top', () => {
    const next = suggestNext(
      input({ prescription: threeByEightToTwelve, lastTime: last(times(3, work(60, 12))) }),
    );
    expect(next).toEqual({
      weightKg: 62.5,
      reps: 8,
      reason: 'last time 3×12 at 60 kg → 62.5 kg × 8',
      kind: 'increase',
    });
  });

  it('holds the load and aims for one more rep than the fewest done', () => {
    const sets = [work(60, 12), work(60, 10), work(60, 9)];
    expect(suggestNext(input({ prescription: threeByEightToTwelve, lastTime: last(sets) }))).toEqual({
      weightKg: 60,
      reps: 10,
      reason: 'last time 12/10/9 at 60 kg → 60 kg × 10 again',
      kind: 'hold',
    });
  });

  it('holds when the top of the range came above the target RPE', () => {
    const prescription = { ...threeByEightToTwelve, rpe: 8 };
    const next = suggestNext(input({ prescription, lastTime: last(times(3, work(60, 12, 9))) }));
    expect(next).toMatchObject({ weightKg: 60, reps: 12, kind: 'hold' });
  });
});

describe('suggestNext from the prescription', () => {
  it('uses the fixed load the first time', () => {
    const prescription = { ...fiveByFive, loadKg: 61 };
    expect(suggestNext(input({ prescription }))).toEqual({
      weightKg: 60,
      reps: 5,
      reason: 'prescribed 60 kg',
      kind: 'from-prescription',
    });
  });

  it('takes the percentage of the e1RM, loadable', () => {
    const prescription = { ...fiveByFive, percentOneRepMax: 75 };
    const next = suggestNext(input({ prescription, e1rmKg: 141, lastTime: last(times(5, work(100, 5))) }));
    expect(next).toEqual({
      weightKg: 105,
      reps: 5,
      reason: '75% of e1RM 141 kg → 105 kg',
      kind: 'from-prescription',
    });
  });

  it('uses the RPE chart for reps at an RPE from the e1RM', () => {
    const prescription = { ...fiveByFive, repsMin: 3, rpe: 8 };
    expect(suggestNext(input({ prescription, e1rmKg: 140 }))).toMatchObject({
      weightKg: 120,
      reps: 3,
      reason: '3 @ RPE 8 from e1RM 140 kg → 120 kg',
      kind: 'from-prescription',
    });
  });

  it('has nothing to suggest without history or a load to go by', () => {
    expect(suggestNext(input())).toBeNull();
    expect(suggestNext(input({ prescription: null }))).toBeNull();
    expect(
      suggestNext(input({ prescription: null, lastTime: last([{ ...work(60, 5), completed: false }]) })),
    ).toBeNull();
  });
});

describe('suggestNext in pounds', () => {
  it('rounds to 5 lb and says it in lb', () => {
    const lastKg = unitToKg(225, 'lb');
    const next = suggestNext(
      input({
        unit: 'lb',
        increment: { kg: unitToKg(5, 'lb') },
        lastTime: last(times(5, work(lastKg, 5, 7))),
      }),
    );
    expect(next?.reason).toBe('last time 5×5 @ RPE 7 at 225 lb → 230 lb');
    expect(kgToUnit(next!.weightKg, 'lb')).toBeCloseTo(230, 4);
  });

  it('falls back to 5 lb without an increment', () => {
    const next = suggestNext(
      input({ unit: 'lb', increment: { kg: 0 }, lastTime: last(times(5, work(100, 5, 7))) }),
    );
    expect(kgToUnit(next!.weightKg, 'lb')).toBeCloseTo(225, 4);
  });
});

describe('suggestNext, any history', () => {
  const set: fc.Arbitrary<LoggedSet> = fc.record({
    setType: fc.constantFrom<LoggedSet['setType']>('warmup', 'working', 'drop', 'failure'),
    weightKg: fc.option(fc.integer({ min: 1, max: 120 }).map((steps) => steps * 2.5)),
    reps: fc.option(fc.integer({ min: 1, max: 15 })),
    rpe: fc.option(fc.integer({ min: 12, max: 20 }).map((halves) => halves / 2)),
    completed: fc.boolean(),
  });
  const prescription = fc.option(
    fc.record({
      sets: fc.integer({ min: 1, max: 6 }),
      repsMin: fc.option(fc.integer({ min: 1, max: 10 })),
      repsMax: fc.option(fc.integer({ min: 1, max: 15 })),
      rpe: fc.option(fc.integer({ min: 12, max: 20 }).map((halves) => halves / 2)),
      rir: fc.option(fc.integer({ min: 0, max: 4 })),
      percentOneRepMax: fc.option(fc.integer({ min: 50, max: 95 })),
      loadKg: fc.option(fc.integer({ min: 1, max: 200 })),
    }),
  );
  const history = fc.record({
    prescription,
    sets: fc.array(set, { maxLength: 8 }),
    e1rmKg: fc.option(fc.integer({ min: 20, max: 300 })),
    isLowerBody: fc.boolean(),
  });

  it('suggests a loadable weight with whole reps, one line of reason, and the right direction', () => {
    fc.assert(
      fc.property(history, ({ prescription: p, sets, e1rmKg, isLowerBody }) => {
        const next = suggestNext(input({ prescription: p, lastTime: last(sets), e1rmKg, isLowerBody }));
        if (next === null) return;
        expect(next.weightKg).toBeGreaterThan(0);
        if (next.weightKg >= 2.5)
          expect(Number.isInteger(Math.round(next.weightKg * 1e6) / 2.5e6)).toBe(true);
        if (next.reps !== null) expect(Number.isInteger(next.reps) && next.reps >= 1).toBe(true);
        expect(next.reason).not.toContain('\n');
        expect(next.reason).not.toMatch(/\d\.\d\d/);
        const top = Math.max(
          0,
          ...sets.flatMap((s) =>
            s.completed && (s.setType === 'working' || s.setType === 'failure') && s.weightKg && s.reps
              ? [s.weightKg]
              : [],
          ),
        );
        if (next.kind === 'increase') expect(next.weightKg).toBeGreaterThan(top);
        if (next.kind === 'hold') expect(next.weightKg).toBe(top);
        if (next.kind === 'decrease') expect(next.weightKg).toBeLessThan(top);
        expect(next.kind).not.toBe('first-time');
      }),
    );
  });
});
