import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsForVolume, sessionVolumeKg, setVolumeKg, type LoggedSet } from './volume';

const set = (overrides: Partial<LoggedSet> = {}): LoggedSet => ({
  setType: 'working',
  weightKg: 100,
  reps: 5,
  completed: true,
  ...overrides,
});

const loggedSet: fc.Arbitrary<LoggedSet> = fc.record({
  setType: fc.constantFrom<LoggedSet['setType']>('warmup', 'working', 'drop', 'failure'),
  weightKg: fc.option(fc.integer({ min: 0, max: 2000 }).map((quarter) => quarter / 4)),
  reps: fc.option(fc.integer({ min: 0, max: 30 })),
  completed: fc.boolean(),
});

describe('volume', () => {
  it('is weight × reps for a set', () => {
    expect(setVolumeKg(set())).toBe(500);
    expect(setVolumeKg(set({ weightKg: 62.5, reps: 8 }))).toBe(500);
  });

  it('is 0 for a set without weight or reps', () => {
    expect(setVolumeKg(set({ weightKg: null }))).toBe(0);
    expect(setVolumeKg(set({ reps: null }))).toBe(0);
    expect(setVolumeKg(set({ reps: 0 }))).toBe(0);
  });

  it('counts completed working, drop and failure sets, never warm-ups or sets not done', () => {
    expect(countsForVolume(set())).toBe(true);
    expect(countsForVolume(set({ setType: 'drop' }))).toBe(true);
    expect(countsForVolume(set({ setType: 'failure' }))).toBe(true);
    expect(countsForVolume(set({ setType: 'warmup' }))).toBe(false);
    expect(countsForVolume(set({ completed: false }))).toBe(false);
  });

  it('adds up a session: 3×5 at 100 kg plus a drop set, warm-ups and a missed set aside', () => {
    const sets = [
      set({ setType: 'warmup', weightKg: 60 }),
      set(),
      set(),
      set(),
      set({ setType: 'drop', weightKg: 80, reps: 8 }),
      set({ completed: false }),
    ];
    expect(sessionVolumeKg(sets)).toBe(1500 + 640);
    expect(sessionVolumeKg([])).toBe(0);
  });

  it('is the sum of the sets that count, whatever their order', () => {
    fc.assert(
      fc.property(fc.array(loggedSet, { maxLength: 30 }), (sets) => {
        const volume = sessionVolumeKg(sets);
        expect(volume).toBeGreaterThanOrEqual(0);
        expect(sessionVolumeKg([...sets].reverse())).toBeCloseTo(volume, 6);
        expect(sessionVolumeKg(sets.filter(countsForVolume))).toBe(volume);
        expect(sessionVolumeKg(sets.map((s) => ({ ...s, setType: 'warmup' as const })))).toBe(0);
      }),
    );
  });
});
