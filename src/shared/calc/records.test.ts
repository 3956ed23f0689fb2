import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsFromSets, type RecordSet } from './records';

let next = 0;
function set(overrides: Partial<RecordSet> = {}): RecordSet {
  next += 1;
  return {
    setId: `set-${String(next).padStart(3, '0')}`,
    sessionId: 's1',
    achievedAt: '2024-05-01T10:00:00.000Z',
    setType: 'working',
    weightKg: 100,
    reps: 5,
    completed: true,
    ...overrides,
  };
}

describe('recordsFromSets', () => {
  it('finds the best e1RM, the best weight per rep count and the best session volume', () => {
    const a = set({ weightKg: 100, reps: 5 });
    const b = set({ weightKg: 120, reps: 1 });
    const c = set({ sessionId: 's2', achievedAt: '2024-05-08T10:00:00.000Z', weightKg: 105, reps: 5 });
    const d = set({ sessionId: 's2', achievedAt: '2024-05-08T10:05:00.000Z', weightKg: 80, reps: 12 });
    const records = recordsFromSets([a, b, c, d]);
    expect(records.map((r) => [r.kind, r.reps, r.setId, r.sessionId])).toEqual([
      ['e1rm', 0, c.setId, 's2'],
      ['weight', 1, b.setId, 's1'],
      ['weight', 5, c.setId, 's2'],
      ['weight', 12, d.setId, 's2'],
      ['volume', 0, null, 's2'],
    ]);
    expect(records[0]).toMatchObject({ weightKg: 105, repsDone: 5 });
    expect(records[0]!.valueKg).toBeCloseTo(122.5, 9);
    expect(records[4]).toMatchObject({ valueKg: 525 + 960, achievedAt: '2024-05-08T10:05:00.000Z' });
  });

  it('counts no warm-ups, sets not done, sets without weight or reps', () => {
    const sets = [
      set({ setType: 'warmup', weightKg: 200 }),
      set({ completed: false, weightKg: 200 }),
      set({ weightKg: 0 }),
      set({ weightKg: null }),
      set({ reps: 0 }),
      set({ reps: null }),
    ];
    expect(recordsFromSets(sets)).toEqual([]);
  });

  it('counts drop sets and sets to failure', () => {
    const records = recordsFromSets([set({ setType: 'failure', weightKg: 90, reps: 8 })]);
    expect(records.map((r) => r.kind)).toEqual(['e1rm', 'weight', 'volume']);
  });

  it('makes no e1RM above 12 reps and no weight record above 20 reps', () => {
    expect(recordsFromSets([set({ weightKg: 40, reps: 15 })]).map((r) => [r.kind, r.reps])).toEqual([
      ['weight', 15],
      ['volume', 0],
    ]);
    expect(recordsFromSets([set({ weightKg: 20, reps: 25 })]).map((r) => r.kind)).toEqual(['volume']);
  });

  it('gives a tie to the earliest set, then the lowest set id', () => {
    const later = set({ achievedAt: '2024-05-02T10:00:00.000Z', setId: 'a' });
    const earlier = set({ achievedAt: '2024-05-01T10:00:00+00:00', setId: 'b' });
    const sameTime = set({ achievedAt: '2024-05-01T10:00:00.000Z', setId: 'c' });
    expect(recordsFromSets([later, sameTime, earlier])[0]!.setId).toBe('b');
  });

  const recordSet: fc.Arbitrary<RecordSet> = fc.record({
    setId: fc.uuid(),
    sessionId: fc.constantFrom('s1', 's2', 's3'),
    achievedAt: fc.integer({ min: 0, max: 5 }).map((day) => `2024-05-0${day + 1}T10:00:00.000Z`),
    setType: fc.constantFrom<RecordSet['setType']>('warmup', 'working', 'drop', 'failure'),
    weightKg: fc.option(fc.integer({ min: 0, max: 80 }).map((steps) => steps * 2.5 + 0.1)),
    reps: fc.option(fc.integer({ min: 0, max: 22 })),
    completed: fc.boolean(),
  });

  it('does not depend on the order of the sets', () => {
    fc.assert(
      fc.property(
        fc
          .uniqueArray(recordSet, { selector: (s) => s.setId, maxLength: 25 })
          .chain((sets) =>
            fc.tuple(fc.constant(sets), fc.shuffledSubarray(sets, { minLength: sets.length })),
          ),
        ([sets, shuffled]) => {
          expect(recordsFromSets(shuffled)).toEqual(recordsFromSets(sets));
        },
      ),
    );
  });

  it('never gives a record that a counted set beats', () => {
    fc.assert(
      fc.property(fc.uniqueArray(recordSet, { selector: (s) => s.setId, maxLength: 25 }), (sets) => {
        const records = recordsFromSets(sets);
        const counted = sets.filter(
          (s) => s.completed && s.setType !== 'warmup' && (s.weightKg ?? 0) > 0 && (s.reps ?? 0) >= 1,
        );
        for (const s of counted) {
          const weight = records.find((r) => r.kind === 'weight' && r.reps === s.reps);
          if (s.reps! <= 20) expect(weight!.valueKg).toBeGreaterThanOrEqual(s.weightKg!);
          const e1rm = records.find((r) => r.kind === 'e1rm');
          if (s.reps! <= 12) expect(e1rm!.valueKg).toBeGreaterThanOrEqual(s.weightKg!);
        }
        expect(records.some((r) => r.kind === 'volume')).toBe(counted.length > 0);
      }),
    );
  });
});
