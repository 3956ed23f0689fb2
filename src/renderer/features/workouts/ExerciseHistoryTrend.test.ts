import { describe, expect, it } from 'vitest';
import { e1rmTakeaway, type TrendPoint } from './ExerciseHistoryTrend';

const day = (iso: string) => iso.slice(0, 10);
const points = (...values: number[]): TrendPoint[] =>
  values.map((e1rmKg, index) => ({
    startedAt: `2026-0${1 + Math.floor(index / 4)}-${String(10 + (index % 4)).padStart(2, '0')}T10:00:00Z`,
    e1rmKg,
  }));

describe('e1rmTakeaway', () => {
  it('says how to get an estimate when there is none', () => {
    expect(e1rmTakeaway([], 'kg', day)).toMatch(/No estimated 1RM yet/);
  });

  it('gives the one estimate of a first session', () => {
    expect(e1rmTakeaway(points(100), 'kg', day)).toBe('One session so far: estimated 1RM 100 kg.');
  });

  it('averages three sessions at each end, and names the best one', () => {
    const text = e1rmTakeaway(points(100, 102, 104, 105, 110, 112, 114), 'kg', day);
    // Start 102, end 112: up 10 kg, 10 %.
    expect(text).toBe('Up 10 kg (10%) over 7 sessions since 2026-01-10; best 114 kg on 2026-02-12.');
  });

  it('reads a change under 1% as steady', () => {
    expect(e1rmTakeaway(points(100, 100.5, 100, 100.4), 'kg', day)).toMatch(/^Steady around 100.2 kg/);
  });

  it('writes a fall in the user’s unit', () => {
    const text = e1rmTakeaway(points(100, 100, 90, 90), 'lb', day);
    expect(text).toMatch(/^Down 22 lb \(10%\) over 4 sessions/);
    expect(text).toContain('best 220.5 lb');
  });
});
