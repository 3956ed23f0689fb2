import { describe, expect, it } from 'vitest';
import { formatEffort, formatLoad, formatReps, formatRest, formatSetsAndReps } from './prescriptionFormat';
import { dayCapacity, weeksIn } from './useDayCapacity';

const none = { repsMin: null, repsMax: null, percentOneRepMax: null, loadKg: null, rpe: null, rir: null };
const kilos = (kg: number) => `${kg} kg`;

describe('prescription formats', () => {
  it('writes reps as a number or a range, and sets × reps', () => {
    expect(formatReps({ repsMin: 5, repsMax: null })).toBe('5');
    expect(formatReps({ repsMin: 5, repsMax: 5 })).toBe('5');
    expect(formatReps({ repsMin: 8, repsMax: 12 })).toBe('8–12');
    expect(formatSetsAndReps({ sets: 4, repsMin: 6, repsMax: 8 })).toBe('4 × 6–8');
    expect(formatSetsAndReps({ sets: 3, repsMin: null, repsMax: null })).toBe('3 sets');
  });

  it('writes the load as %1RM or a weight, and the effort as RPE or RIR', () => {
    expect(formatLoad({ ...none, percentOneRepMax: 75 }, kilos)).toBe('75% 1RM');
    expect(formatLoad({ ...none, loadKg: 100 }, kilos)).toBe('100 kg');
    expect(formatLoad(none, kilos)).toBe('–');
    expect(formatEffort({ ...none, rpe: 8.5 })).toBe('RPE 8.5');
    expect(formatEffort({ ...none, rir: 2 })).toBe('RIR 2');
  });

  it('writes rest as minutes and seconds', () => {
    expect(formatRest(150)).toBe('2:30');
    expect(formatRest(45)).toBe('0:45');
    expect(formatRest(null)).toBe('–');
  });
});

describe('month day capacity', () => {
  it('fits as many chips as a cell is tall, and at least one', () => {
    expect(weeksIn({ from: '2026-11-30', to: '2027-01-03' })).toBe(5);
    expect(dayCapacity(700, 5)).toBe(5);
    expect(dayCapacity(900, 5)).toBe(7);
    expect(dayCapacity(100, 6)).toBe(1);
  });
});
